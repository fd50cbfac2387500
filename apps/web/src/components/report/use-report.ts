/**
 * A community's report for a period, in the four views the API gives: the totals,
 * the weekly series, the requests by category and status, and the grid units.
 * Fetched together, so what is on screen always belongs to one period.
 */
import { watch, type Ref } from 'vue';
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import { useLoad } from '@/composables/use-load';
import type { Period } from './period';

export type Totals = components['schemas']['CommunityReportView'];
export type Weekly = components['schemas']['CommunityWeeklyReportView'];
export type Week = components['schemas']['CommunityReportWeekView'];
export type ByCategory = components['schemas']['CommunityRequestsReportView'];
export type ByGridUnit = components['schemas']['CommunityGridUnitReportView'];
export type RequestStatus = keyof components['schemas']['RequestStatusCountsView'];

export const REQUEST_STATUSES: RequestStatus[] = [
  'open',
  'accepted',
  'completed',
  'confirmed',
  'disputed',
  'cancelled',
  'expired',
];

export interface CommunityReport {
  totals: Totals;
  weekly: Weekly;
  requests: ByCategory;
  gridUnits: ByGridUnit;
}

export async function loadReport(id: string, period: Period): Promise<CommunityReport> {
  const params = { path: { id }, query: { from: period.from, to: period.to } };
  const [totals, weekly, requests, gridUnits] = await Promise.all([
    api((c) => c.GET('/api/v1/reports/communities/{id}', { params })),
    api((c) => c.GET('/api/v1/reports/communities/{id}/weekly', { params })),
    api((c) => c.GET('/api/v1/reports/communities/{id}/requests', { params })),
    api((c) => c.GET('/api/v1/reports/communities/{id}/grid-units', { params })),
  ]);
  return { totals, weekly, requests, gridUnits };
}

/** The report of `communityId` for `period`, fetched again whenever either changes. */
export function useReport(communityId: Ref<string | null>, period: Ref<Period | null>) {
  let latest: Promise<CommunityReport | null> = Promise.resolve(null);
  const state = useLoad(
    async (): Promise<CommunityReport | null> => {
      const id = communityId.value;
      const p = period.value;
      const mine = id && p ? loadReport(id, p) : Promise.resolve(null);
      latest = mine;
      const answer = await mine;
      // A slower answer for a period since replaced must not overwrite the newer one.
      return latest === mine ? answer : latest;
    },
    { immediate: false },
  );
  watch(
    () => [communityId.value, period.value?.from, period.value?.to],
    () => void state.reload(),
    { immediate: true },
  );
  return state;
}
