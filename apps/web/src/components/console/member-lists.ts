/**
 * A member's requests and hours, as a coordinator of their community sees them.
 */
import { api } from '@/api/client';
import type { components } from '@/api/schema';

type HelpRequest = components['schemas']['HelpRequestView'];
type HourLog = components['schemas']['HourLogView'];

/** A member page shows the latest; older ones are on the pages of the member's own app. */
const SHOWN = 100;

/** The requests the member asked for, newest first. */
export async function requestsOf(memberId: string): Promise<HelpRequest[]> {
  const page = await api((c) =>
    c.GET('/api/v1/requests', { params: { query: { requesterId: memberId, limit: SHOWN } } }),
  );
  return page.items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The hours the volunteer logged, newest first. */
export async function hoursOf(memberId: string): Promise<HourLog[]> {
  const page = await api((c) =>
    c.GET('/api/v1/hours', { params: { query: { volunteerId: memberId, limit: SHOWN } } }),
  );
  return page.items;
}
