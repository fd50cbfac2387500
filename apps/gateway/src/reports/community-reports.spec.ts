import { DomainError, ErrorCode, ServiceClient } from '@app/common';
import {
  MessageContract,
  RequestsMessages,
  RewardsMessages,
  VolunteersMessages,
} from '@app/contracts';
import { CommunityReports } from './community-reports';

const actor = { memberId: 'm', roles: [], communityId: null, coordinatorOf: [], merchantId: null };
const period = { communityId: 'c', from: '2026-03-01', to: '2026-03-31' };

/** Services answering by subject after `ms`, or failing with an error. */
function services(answers: Record<string, { ms: number; answer?: unknown; error?: DomainError }>) {
  return {
    call: ({ subject }: MessageContract<unknown, unknown>) =>
      new Promise((resolve, reject) =>
        setTimeout(() => {
          const { answer, error } = answers[subject];
          if (error) reject(error);
          else resolve(answer);
        }, answers[subject].ms),
      ),
  } as unknown as ServiceClient;
}

describe('CommunityReports', () => {
  it("answers with the volunteers service's refusal, even when another service failed sooner", async () => {
    const reports = new CommunityReports(
      services({
        [VolunteersMessages.weeklyReportGet.subject]: {
          ms: 30,
          error: DomainError.notFound('Community'),
        },
        [RequestsMessages.weeklyReportGet.subject]: {
          ms: 1,
          error: DomainError.of(ErrorCode.SERVICE_UNAVAILABLE, 'http.serviceUnavailable', {
            service: 'requests',
          }),
        },
        [RewardsMessages.weeklyReportGet.subject]: { ms: 1, answer: { weeks: [] } },
      }),
    );
    await expect(reports.weekly(actor, period)).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
  });

  it('fails when any service fails, rather than show part of the figures', async () => {
    const reports = new CommunityReports(
      services({
        [VolunteersMessages.weeklyReportGet.subject]: {
          ms: 1,
          answer: { community: { id: 'c', code: 'c', name: 'c' }, weeks: [] },
        },
        [RequestsMessages.weeklyReportGet.subject]: { ms: 1, answer: { weeks: [] } },
        [RewardsMessages.weeklyReportGet.subject]: {
          ms: 5,
          error: DomainError.of(ErrorCode.SERVICE_TIMEOUT, 'http.serviceTimeout', {
            service: 'rewards',
            timeoutMs: 1,
          }),
        },
      }),
    );
    await expect(reports.weekly(actor, period)).rejects.toMatchObject({
      code: ErrorCode.SERVICE_TIMEOUT,
    });
  });
});
