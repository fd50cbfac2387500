/**
 * What waits for the coordinator, counted for the console's menu: hours to
 * review, disputes to resolve, offers to approve. One count set per visit,
 * shared by every console page; the queue page sets it from the lists it shows.
 */
import { computed, reactive } from 'vue';
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import type { MenuEntry } from '@/components/ConsoleFrame.vue';
import { consoleMenu } from '@/components/console-menu';

type Offer = components['schemas']['OfferView'];

export interface QueueCounts {
  hours: number;
  disputes: number;
  offers: number;
}

const state = reactive<{ communityId: string | null; counts: QueueCounts | null }>({
  communityId: null,
  counts: null,
});

/** Offers of the community's merchants waiting for the coordinator's approval. */
export async function pendingOffers(communityId: string): Promise<Offer[]> {
  const found: Offer[] = [];
  let cursor: string | undefined;
  // A community has a handful of merchants: a few pages at most.
  for (let page = 0; page < 10; page++) {
    const answer = await api((c) =>
      c.GET('/api/v1/offers', {
        params: { query: { communityId, status: 'pending_approval', limit: 100, cursor } },
      }),
    );
    found.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return found;
}

async function fetchCounts(communityId: string): Promise<QueueCounts> {
  const queue = await api((c) =>
    c.GET('/api/v1/communities/{id}/queue', { params: { path: { id: communityId } } }),
  );
  return {
    hours: queue.hoursPending,
    disputes: queue.disputesOpen,
    offers: queue.offersPendingApproval,
  };
}

export function useQueueCounts() {
  const total = computed(() => {
    const c = state.counts;
    return c ? c.hours + c.disputes + c.offers : undefined;
  });
  const menu = computed<MenuEntry[]>(() => consoleMenu({ queue: total.value }));

  /** The queue page knows its own counts: it passes them on instead of asking again. */
  function set(communityId: string, counts: Partial<QueueCounts>): void {
    const base = state.communityId === communityId && state.counts ? state.counts : null;
    state.communityId = communityId;
    state.counts = { hours: 0, disputes: 0, offers: 0, ...base, ...counts };
  }

  /** Counts again; a failure leaves the menu without counts rather than with wrong ones. */
  async function refresh(communityId: string | null): Promise<void> {
    if (!communityId) return;
    try {
      const counts = await fetchCounts(communityId);
      state.communityId = communityId;
      state.counts = counts;
    } catch {
      if (state.communityId === communityId) state.counts = null;
    }
  }

  /** Counts for the menu when no console page has counted this community yet. */
  function countOnce(communityId: string | null): void {
    if (communityId && (state.communityId !== communityId || !state.counts)) {
      void refresh(communityId);
    }
  }

  return { state, total, menu, set, refresh, countOnce };
}
