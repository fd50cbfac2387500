import { HoursVerifiedEvent, NOTIFICATION_KINDS, RequestRef } from '@app/contracts';
import * as rules from './notification-rules';
import { NotificationRow, toNotificationView } from './notification-views';

const REQUESTER = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const VOLUNTEER = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const COORDINATOR = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const COMMUNITY = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const REQUEST = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';

const ref: RequestRef = {
  requestId: REQUEST,
  title: 'Escort to the clinic',
  category: 'escort',
  requesterId: REQUESTER,
  volunteerId: VOLUNTEER,
  communityId: COMMUNITY,
  at: '2026-05-03T02:00:00.000Z',
};

function verified(source: 'request' | 'hours'): HoursVerifiedEvent {
  return {
    details: {
      source,
      sourceId: REQUEST,
      volunteerId: VOLUNTEER,
      description: 'Escort to the clinic',
      communityId: COMMUNITY,
      servedOn: '2026-05-03',
      minutes: 90,
      verifiedBy: COORDINATOR,
      verifiedAt: '2026-05-03T02:00:00.000Z',
    },
    holdId: null,
    payer: null,
  };
}

const who = (drafts: rules.NotificationDraft[]) => drafts.map((d) => [d.memberId, d.kind]);

describe('notification rules', () => {
  it('tell the resident of an acceptance and a completion, with a link to the request', () => {
    expect(rules.requestAccepted(ref)).toEqual([
      {
        memberId: REQUESTER,
        kind: 'request.accepted',
        params: { request: 'Escort to the clinic' },
        link: `/requests/${REQUEST}`,
      },
    ]);
    expect(who(rules.requestCompleted({ ...ref, minutes: 60 }))).toEqual([
      [REQUESTER, 'request.completed'],
    ]);
  });

  it('tell a dispute to the volunteer and to coordinators without a part in it', () => {
    const told = rules.requestDisputed({ ...ref, reason: 'too long' }, [
      COORDINATOR,
      VOLUNTEER,
      REQUESTER,
      COORDINATOR,
    ]);
    expect(who(told)).toEqual([
      [VOLUNTEER, 'request.disputed'],
      [COORDINATOR, 'dispute.opened'],
    ]);
  });

  it('tell the volunteer of a resolution with credit once: as the confirmation', () => {
    expect(who(rules.requestResolved({ ...ref, minutes: 30 }))).toEqual([
      [REQUESTER, 'request.resolved'],
    ]);
    expect(who(rules.requestResolved({ ...ref, minutes: 0 }))).toEqual([
      [REQUESTER, 'request.resolved'],
      [VOLUNTEER, 'request.resolved'],
    ]);
  });

  it('read verified hours by their source', () => {
    expect(who(rules.requestConfirmed(verified('request')))).toEqual([
      [VOLUNTEER, 'request.confirmed'],
    ]);
    expect(rules.requestConfirmed(verified('hours'))).toEqual([]);
    expect(who(rules.hoursApproved(verified('hours')))).toEqual([[VOLUNTEER, 'hours.approved']]);
    expect(rules.hoursApproved(verified('request'))).toEqual([]);
  });

  it('never ask a coordinator to review their own hours', () => {
    const logged = {
      logId: REQUEST,
      volunteerId: COORDINATOR,
      volunteerName: 'Wang',
      communityId: COMMUNITY,
      minutes: 60,
      servedOn: '2026-05-03',
    };
    expect(rules.hoursLogged(logged, [COORDINATOR])).toEqual([]);
    expect(who(rules.hoursLogged({ ...logged, volunteerId: VOLUNTEER }, [COORDINATOR]))).toEqual([
      [COORDINATOR, 'hours.waiting'],
    ]);
  });
});

describe('notification views', () => {
  const row = (
    kind: NotificationRow['kind'],
    params: NotificationRow['params'],
  ): NotificationRow => ({
    id: REQUEST,
    seq: '1',
    memberId: VOLUNTEER,
    kind,
    params,
    link: '/hours',
    createdAt: new Date('2026-05-03T02:00:00.000Z'),
    readAt: null,
  });

  it('render in the language asked, times in the city zone', () => {
    const expiring = row('request.expiring', {
      request: 'Shopping',
      endsAt: '2026-05-03T10:30:00.000Z',
    });
    expect(toNotificationView(expiring, 'en', 'Asia/Shanghai').body).toBe(
      'Nobody has taken “Shopping” yet, and its time ends at 2026-05-03 18:30.',
    );
    expect(toNotificationView(expiring, 'zh-CN', 'Asia/Shanghai').body).toBe(
      '“Shopping”还没有人接单，将于 2026-05-03 18:30 到期。',
    );
  });

  it('name a tier in the language asked', () => {
    expect(toNotificationView(row('tier.reached', { level: 2 }), 'en', 'UTC').body).toBe(
      'You are now a Two-star volunteer. Thank you for your service!',
    );
  });

  it('have a title and a body for every kind, in both languages', () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const view = toNotificationView(row(kind, {}), locale, 'UTC');
        expect(view.title).not.toContain('notifications.');
        expect(view.body).not.toContain('notifications.');
      }
    }
  });
});
