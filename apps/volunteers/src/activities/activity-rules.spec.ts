import { DomainError } from '@app/common';
import { PublishActivityDto } from '@app/contracts';
import type { ActivityRow, SignupRow } from './activities.repository';
import {
  assertCheckInOpen,
  assertMayClose,
  closeAnswer,
  closing,
  holdExpiry,
  paidMinutes,
  placeForSignup,
  publishRules,
} from './activity-rules';

const NOW = new Date('2026-06-01T08:00:00Z');
const at = (time: string) => new Date(`2026-06-01T${time}Z`);

function activity(extra: Partial<ActivityRow> = {}): ActivityRow {
  return {
    id: '5b0e6c7a-2d1f-4c3e-9a8b-7c6d5e4f3a21',
    seq: '1',
    title: '垃圾分类宣传',
    description: '',
    communityId: '6c1f7d8b-3e2a-4d4f-8b9c-8d7e6f5a4b32',
    gridUnitId: null,
    place: '东门',
    startsAt: at('09:00:00'),
    endsAt: at('11:00:00'),
    capacity: 2,
    skills: [],
    minutesPerVolunteer: 90,
    status: 'published',
    createdBy: '7d2a8e9c-4f3b-4e5a-9cad-9e8f7a6b5c43',
    holdId: '8e3b9fad-5a4c-4f6b-8dbe-af9a8b7c6d54',
    publishFingerprint: 'x',
    cancelReason: null,
    createdAt: NOW,
    ...extra,
  };
}

let nextSeq = 0;
function signup(extra: Partial<SignupRow> = {}): SignupRow {
  nextSeq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(nextSeq).padStart(12, '0')}`,
    seq: String(nextSeq),
    activityId: activity().id,
    volunteerId: `10000000-0000-4000-8000-${String(nextSeq).padStart(12, '0')}`,
    status: 'confirmed',
    checkedInAt: null,
    checkedOutAt: null,
    recordedBy: null,
    paidMinutes: null,
    ...extra,
  };
}

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
}

describe('publishing', () => {
  const dto = (extra: Partial<PublishActivityDto> = {}) =>
    ({
      startsAt: '2026-06-01T09:00:00Z',
      endsAt: '2026-06-01T11:00:00Z',
      ...extra,
    }) as PublishActivityDto;

  it('defaults minutesPerVolunteer to the length, and takes less', () => {
    expect(publishRules(dto(), NOW)).toEqual({ errors: [], minutesPerVolunteer: 120 });
    expect(publishRules(dto({ minutesPerVolunteer: 60 }), NOW).minutesPerVolunteer).toBe(60);
  });

  it('refuses a past start, an end not after the start, a day too long, and more than the length', () => {
    const fields = (d: PublishActivityDto) => publishRules(d, NOW).errors.map((e) => e.field);
    expect(fields(dto({ startsAt: '2026-06-01T07:59:00Z' }))).toEqual(['startsAt']);
    expect(fields(dto({ endsAt: '2026-06-01T09:00:00Z' }))).toEqual(['endsAt']);
    expect(fields(dto({ endsAt: '2026-06-02T09:01:00Z' }))).toEqual(['endsAt']);
    expect(fields(dto({ minutesPerVolunteer: 121 }))).toEqual(['minutesPerVolunteer']);
  });
});

describe('sign-ups', () => {
  it('confirm while places are left, then waitlist as many again, then refuse', () => {
    expect(placeForSignup(activity(), 1, 0, NOW)).toBe('confirmed');
    expect(placeForSignup(activity(), 2, 1, NOW)).toBe('waitlisted');
    expect(codeOf(() => placeForSignup(activity(), 2, 2, NOW))).toBe('INVALID_STATE');
  });

  it('are refused once the activity is over, cancelled or closed', () => {
    expect(codeOf(() => placeForSignup(activity(), 0, 0, at('11:00:00')))).toBe('INVALID_STATE');
    expect(codeOf(() => placeForSignup(activity({ status: 'cancelled' }), 0, 0, NOW))).toBe(
      'INVALID_STATE',
    );
    expect(codeOf(() => placeForSignup(activity({ status: 'closed' }), 0, 0, NOW))).toBe(
      'INVALID_STATE',
    );
  });
});

describe('the door', () => {
  it('opens an hour before the start and closes at the end', () => {
    expect(codeOf(() => assertCheckInOpen(activity(), at('07:59:59')))).toBe('INVALID_STATE');
    expect(codeOf(() => assertCheckInOpen(activity(), at('08:00:00')))).toBeUndefined();
    expect(codeOf(() => assertCheckInOpen(activity(), at('11:00:00')))).toBeUndefined();
    expect(codeOf(() => assertCheckInOpen(activity(), at('11:00:01')))).toBe('INVALID_STATE');
  });
});

describe('paid minutes', () => {
  it('are the overlap with the activity, at most minutesPerVolunteer', () => {
    const a = activity();
    expect(paidMinutes(a, at('08:30:00'), at('09:30:00'))).toBe(30);
    expect(paidMinutes(a, at('09:10:00'), at('10:00:59'))).toBe(50);
    expect(paidMinutes(a, at('08:00:00'), at('12:00:00'))).toBe(90);
    expect(paidMinutes(a, at('10:30:00'), null)).toBe(30);
    expect(paidMinutes(a, at('08:00:00'), at('08:59:00'))).toBe(0);
  });
});

describe('closing', () => {
  it('only once the activity has started, and only a published one', () => {
    expect(codeOf(() => assertMayClose(activity(), at('08:59:59')))).toBe('INVALID_STATE');
    expect(codeOf(() => assertMayClose(activity(), at('09:00:00')))).toBeUndefined();
    expect(codeOf(() => assertMayClose(activity({ status: 'closed' }), at('12:00:00')))).toBe(
      'INVALID_STATE',
    );
  });

  it('only while the hold has days left: until 28 days after the end, the hold lasting 30', () => {
    const a = activity();
    const day = 24 * 3600 * 1000;
    expect(holdExpiry(a.endsAt).getTime() - a.endsAt.getTime()).toBe(30 * day);
    expect(
      codeOf(() => assertMayClose(a, new Date(a.endsAt.getTime() + 28 * day))),
    ).toBeUndefined();
    expect(codeOf(() => assertMayClose(a, new Date(a.endsAt.getTime() + 28 * day + 1)))).toBe(
      'INVALID_STATE',
    );
  });

  it('pays each attendance with its details, lists no-shows, and answers the same later', () => {
    const a = activity();
    const attended = signup({ checkedInAt: at('09:00:00'), checkedOutAt: at('10:00:00') });
    const stayed = signup({ checkedInAt: at('10:00:00') });
    const early = signup({ checkedInAt: at('08:10:00'), checkedOutAt: at('08:50:00') });
    const absent = signup();
    const waiting = signup({ status: 'waitlisted' });
    const all = [attended, stayed, early, absent, waiting];
    const closedBy = a.createdBy;
    const { event, paid, answer } = closing(a, all, closedBy, at('12:00:00'), 'Asia/Shanghai');
    expect(answer).toEqual({
      paid: [
        { volunteerId: attended.volunteerId, minutes: 60 },
        { volunteerId: stayed.volunteerId, minutes: 60 },
      ],
      noShows: [absent.volunteerId],
    });
    expect(event.holdId).toBe(a.holdId);
    expect(event.payments[0].details).toEqual({
      source: 'activity',
      sourceId: attended.id,
      volunteerId: attended.volunteerId,
      description: a.title,
      communityId: a.communityId,
      servedOn: '2026-06-01',
      minutes: 60,
      verifiedBy: closedBy,
      verifiedAt: '2026-06-01T12:00:00.000Z',
    });
    const recorded = all.map((s) => ({ ...s, paidMinutes: paid.get(s.id) ?? null }));
    expect(closeAnswer(a, recorded)).toEqual(answer);
  });
});
