/**
 * Every call the activities' pages make, in one place: the board, one activity,
 * sign-up and its cancellation, check-in and check-out, and the coordinator's
 * publish, attendance, door code, close and cancel.
 */
import { api } from '@/api/client';
import type { Activity } from './activity';

export async function boardActivities(options: {
  communityId?: string;
  mine: boolean;
  from?: string;
}): Promise<Activity[]> {
  const query = {
    ...(options.communityId ? { communityId: options.communityId } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(options.mine ? { mine: true } : {}),
  };
  const answer = await api((c) => c.GET('/api/v1/activities', { params: { query } }));
  return answer.items as Activity[];
}

export async function oneActivity(id: string): Promise<Activity> {
  return (await api((c) =>
    c.GET('/api/v1/activities/{id}', { params: { path: { id } } }),
  )) as Activity;
}
