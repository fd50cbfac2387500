/**
 * A member's requests and hours, as a coordinator of their community sees them.
 */
import { api } from '@/api/client';
import type { components } from '@/api/schema';

type HelpRequest = components['schemas']['HelpRequestView'];
type HourLog = components['schemas']['HourLogView'];

const PAGES = 5;

/** The requests the member asked for, newest first. */
export async function requestsOf(memberId: string, communityId: string): Promise<HelpRequest[]> {
  const found: HelpRequest[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const answer = await api((c) =>
      c.GET('/api/v1/requests', { params: { query: { communityId, limit: 100, cursor } } }),
    );
    found.push(...answer.items.filter((r) => r.requesterId === memberId));
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The hours the volunteer logged, newest first. */
export async function hoursOf(memberId: string, communityId: string): Promise<HourLog[]> {
  const found: HourLog[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const answer = await api((c) =>
      c.GET('/api/v1/hours', { params: { query: { communityId, limit: 100, cursor } } }),
    );
    found.push(...answer.items.filter((l) => l.volunteerId === memberId));
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return found;
}
