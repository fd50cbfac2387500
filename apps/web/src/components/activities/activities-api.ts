/**
 * Every call the activities' pages make, in one place: the board, one activity,
 * sign-up and its cancellation, check-in and check-out, and the coordinator's
 * publish, attendance, door code, close and cancel. Publishing and closing move
 * credits: they carry the Idempotency-Key of the page's intent.
 */
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import type { Activity } from './activity';

export type Attendance = components['schemas']['AttendanceView'];
export type CloseAnswer = components['schemas']['CloseActivityView'];
export type PublishBody = components['schemas']['PublishActivityDto'];

/** A board is short: a few pages of 100 at most. */
const PAGES = 10;

/** Activities of a community (ending from `from` on), or only the caller's with `mine`. */
export async function listActivities(filter: {
  communityId?: string;
  from?: string;
  mine?: boolean;
}): Promise<Activity[]> {
  const found: Activity[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const query = {
      limit: 100,
      ...(filter.communityId ? { communityId: filter.communityId } : {}),
      ...(filter.from ? { from: filter.from } : {}),
      ...(filter.mine ? { mine: 'true' as const } : {}),
      ...(cursor ? { cursor } : {}),
    };
    const answer = await api((c) => c.GET('/api/v1/activities', { params: { query } }));
    found.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return found;
}

export function oneActivity(id: string): Promise<Activity> {
  return api((c) => c.GET('/api/v1/activities/{id}', { params: { path: { id } } }));
}

export function signUp(id: string) {
  return api((c) => c.POST('/api/v1/activities/{id}/signups', { params: { path: { id } } }));
}

export async function cancelSignup(id: string): Promise<void> {
  await api((c) => c.DELETE('/api/v1/activities/{id}/signups/me', { params: { path: { id } } }));
}

export function checkIn(id: string, code: string) {
  return api((c) =>
    c.POST('/api/v1/activities/{id}/check-in', { params: { path: { id } }, body: { code } }),
  );
}

export function checkOut(id: string, code: string) {
  return api((c) =>
    c.POST('/api/v1/activities/{id}/check-out', { params: { path: { id } }, body: { code } }),
  );
}

export function publishActivity(body: PublishBody, key: string): Promise<Activity> {
  return api((c) => c.POST('/api/v1/activities', { body, headers: { 'Idempotency-Key': key } }));
}

export function checkInCodeOf(id: string) {
  return api((c) => c.GET('/api/v1/activities/{id}/check-in-code', { params: { path: { id } } }));
}

export async function activityAttendance(id: string): Promise<Attendance[]> {
  const answer = await api((c) =>
    c.GET('/api/v1/activities/{id}/attendance', { params: { path: { id } } }),
  );
  return answer.items;
}

export function recordAttendance(
  id: string,
  volunteerId: string,
  times: { checkedInAt: string; checkedOutAt: string },
) {
  return api((c) =>
    c.PUT('/api/v1/activities/{id}/attendance/{volunteerId}', {
      params: { path: { id, volunteerId } },
      body: times,
    }),
  );
}

export function closeActivity(id: string, key: string): Promise<CloseAnswer> {
  return api((c) =>
    c.POST('/api/v1/activities/{id}/close', {
      params: { path: { id } },
      headers: { 'Idempotency-Key': key },
    }),
  );
}

export function cancelActivity(id: string, reason: string) {
  return api((c) =>
    c.POST('/api/v1/activities/{id}/cancel', { params: { path: { id } }, body: { reason } }),
  );
}
