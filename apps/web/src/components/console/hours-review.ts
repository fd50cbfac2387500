/**
 * Reviewing logged hours in bulk, each log's outcome reported on its own: the
 * coordinator sees what was approved or rejected and, for each log refused, why.
 */
import { api } from '@/api/client';
import type { Intent } from '@/api/intent';
import type { components } from '@/api/schema';
import type { ReviewResult } from './ReviewResults.vue';
import type { Rejection } from './RejectDialog.vue';

type HourLog = components['schemas']['HourLogView'];

function resultOf(log: HourLog, outcome: ReviewResult['outcome'], message?: string): ReviewResult {
  return {
    id: log.id,
    name: log.volunteer.displayName,
    servedOn: log.servedOn,
    minutes: log.minutes,
    outcome,
    message,
  };
}

/** Approves the logs at once (the community fund pays each volunteer); one result per log. */
export async function approveHours(logs: HourLog[], intent: Intent): Promise<ReviewResult[]> {
  const body = { ids: logs.map((l) => l.id) };
  const answer = await api((c) =>
    c.POST('/api/v1/hours/approve', {
      body,
      headers: { 'Idempotency-Key': intent.keyFor(body) },
    }),
  );
  intent.done();
  const byId = new Map(logs.map((l) => [l.id, l]));
  return answer.results.flatMap((r) => {
    const log = byId.get(r.id);
    if (!log) return [];
    return [resultOf(log, r.outcome === 'approved' ? 'approved' : 'refused', r.error?.message)];
  });
}

/**
 * Rejects the logs at once, each with its reason; a refusal of one (already
 * reviewed, out of scope) is reported with it and does not stop the others.
 */
export async function rejectHours(logs: HourLog[], items: Rejection[]): Promise<ReviewResult[]> {
  const answer = await api((c) => c.POST('/api/v1/hours/reject', { body: { items } }));
  const byId = new Map(logs.map((l) => [l.id, l]));
  return answer.results.flatMap((r) => {
    const log = byId.get(r.id);
    if (!log) return [];
    return [resultOf(log, r.outcome === 'rejected' ? 'rejected' : 'refused', r.error?.message)];
  });
}
