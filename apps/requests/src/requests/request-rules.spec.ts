import { DomainError, ErrorCode, refusal } from '@app/common';
import { Actor, REQUEST_STATUSES, RequestStatus, Role } from '@app/contracts';
import { fingerprint } from '@app/common';
import { requestIdFor } from './request-keys';
import {
  listRank,
  RequestAction,
  RequestFacts,
  settleReplay,
  stepOf,
  transition,
  windowErrors,
} from './request-rules';

const COMMUNITY = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const NOW = new Date('2026-05-03T08:00:00Z');

function actor(memberId: string, roles: Role[], coordinatorOf: string[] = []): Actor {
  return { memberId, roles, communityId: COMMUNITY, coordinatorOf, merchantId: null };
}
const requester = actor('requester', ['resident']);
const volunteer = actor('volunteer', ['volunteer']);
const otherVolunteer = actor('other-volunteer', ['volunteer']);
const resident = actor('resident', ['resident']);
const coordinator = actor('coordinator', ['coordinator'], [COMMUNITY]);
const outsideCoordinator = actor('outsider', ['coordinator'], [OTHER]);
const admin = actor('admin', ['admin']);

function request(status: RequestStatus, extra: Partial<RequestFacts> = {}): RequestFacts {
  const served = !['open', 'cancelled', 'expired'].includes(status);
  return {
    id: 'r1',
    title: '陪同就医',
    status,
    requesterId: requester.memberId,
    volunteerId: served ? volunteer.memberId : null,
    communityId: COMMUNITY,
    estimatedMinutes: 90,
    completedMinutes: ['completed', 'confirmed', 'disputed'].includes(status) ? 75 : null,
    windowEnd: new Date('2026-05-03T12:00:00Z'),
    firstAcceptedAt: null,
    completedAt: new Date('2026-05-03T10:00:00Z'),
    holdId: 'hold-1',
    disputedBy: status === 'disputed' ? 'requester' : null,
    ...extra,
  };
}

const ACTIONS: Record<string, RequestAction> = {
  accept: { type: 'accept' },
  release: { type: 'release' },
  complete: { type: 'complete', minutes: 60 },
  confirm: { type: 'confirm' },
  dispute: { type: 'dispute', reason: 'too short' },
  resolve: { type: 'resolve', minutes: 30, note: 'agreed' },
  cancel: { type: 'cancel' },
};

/** Which action moves which status to which, by the member entitled to it. */
const MOVES: Array<[string, RequestStatus, Actor, RequestStatus]> = [
  ['accept', 'open', volunteer, 'accepted'],
  ['release', 'accepted', volunteer, 'open'],
  ['complete', 'accepted', volunteer, 'completed'],
  ['confirm', 'completed', requester, 'confirmed'],
  ['dispute', 'completed', requester, 'disputed'],
  ['resolve', 'disputed', coordinator, 'confirmed'],
  ['cancel', 'open', requester, 'cancelled'],
  ['cancel', 'accepted', requester, 'cancelled'],
];

describe('the state machine', () => {
  it.each(MOVES)('%s moves %s to the next state', (name, from, who, to) => {
    expect(transition(request(from), ACTIONS[name], who, NOW).changes.status).toBe(to);
  });

  it('refuses every other status with INVALID_STATE', () => {
    for (const [name, , who] of MOVES) {
      const allowed = MOVES.filter(([n]) => n === name).map(([, from]) => from);
      for (const status of REQUEST_STATUSES.filter((s) => !allowed.includes(s))) {
        // the volunteer stays named, so only the state can be what refuses
        const facts = request(status, {
          volunteerId: name === 'accept' ? null : volunteer.memberId,
        });
        expect([name, status, refusal(() => transition(facts, ACTIONS[name], who, NOW))]).toEqual([
          name,
          status,
          ErrorCode.INVALID_STATE,
        ]);
      }
    }
  });
});

describe('accept', () => {
  it('takes the request for the volunteer and remembers the first acceptance', () => {
    const { changes } = transition(request('open'), ACTIONS.accept, volunteer, NOW);
    expect(changes).toMatchObject({
      volunteerId: volunteer.memberId,
      acceptedAt: NOW,
      firstAcceptedAt: NOW,
    });
    const earlier = new Date('2026-05-01T00:00:00Z');
    expect(
      transition(request('open', { firstAcceptedAt: earlier }), ACTIONS.accept, volunteer, NOW)
        .changes.firstAcceptedAt,
    ).toBe(earlier);
  });

  it('refuses residents, the requester, and a passed window', () => {
    expect(refusal(() => transition(request('open'), ACTIONS.accept, resident, NOW))).toBe(
      ErrorCode.FORBIDDEN,
    );
    const both = actor(requester.memberId, ['resident', 'volunteer']);
    expect(refusal(() => transition(request('open'), ACTIONS.accept, both, NOW))).toBe(
      ErrorCode.NOT_ELIGIBLE,
    );
    const late = request('open', { windowEnd: new Date(NOW.getTime() - 1) });
    expect(refusal(() => transition(late, ACTIONS.accept, volunteer, NOW))).toBe(
      ErrorCode.INVALID_STATE,
    );
  });
});

describe('who may act', () => {
  it('keeps release and complete to the volunteer who accepted', () => {
    for (const name of ['release', 'complete']) {
      expect(
        refusal(() => transition(request('accepted'), ACTIONS[name], otherVolunteer, NOW)),
      ).toBe(ErrorCode.FORBIDDEN);
      expect(refusal(() => transition(request('accepted'), ACTIONS[name], coordinator, NOW))).toBe(
        ErrorCode.FORBIDDEN,
      );
    }
  });

  it('lets the requester or a coordinator in scope confirm, dispute and cancel, nobody else', () => {
    for (const [name, status] of [
      ['confirm', 'completed'],
      ['dispute', 'completed'],
      ['cancel', 'open'],
    ] as const) {
      for (const who of [requester, coordinator, admin]) {
        expect(refusal(() => transition(request(status), ACTIONS[name], who, NOW))).toBeNull();
      }
      for (const who of [resident, otherVolunteer, volunteer, outsideCoordinator]) {
        expect(refusal(() => transition(request(status), ACTIONS[name], who, NOW))).toBe(
          ErrorCode.FORBIDDEN,
        );
      }
    }
  });

  it('remembers who disputed, and keeps resolve to coordinators in scope', () => {
    expect(
      transition(request('completed'), ACTIONS.dispute, coordinator, NOW).changes.disputedBy,
    ).toBe(coordinator.memberId);
    expect(refusal(() => transition(request('disputed'), ACTIONS.resolve, requester, NOW))).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect(
      refusal(() => transition(request('disputed'), ACTIONS.resolve, outsideCoordinator, NOW)),
    ).toBe(ErrorCode.FORBIDDEN);
  });

  it('leaves a dispute a coordinator raised for the requester to someone else to resolve', () => {
    const raisedByCoordinator = request('disputed', { disputedBy: coordinator.memberId });
    expect(refusal(() => transition(raisedByCoordinator, ACTIONS.resolve, coordinator, NOW))).toBe(
      ErrorCode.FORBIDDEN,
    );
    const colleague = actor('colleague', ['coordinator'], [COMMUNITY]);
    for (const who of [colleague, admin]) {
      expect(refusal(() => transition(raisedByCoordinator, ACTIONS.resolve, who, NOW))).toBeNull();
    }
  });

  it('never lets a volunteer verify their own service', () => {
    const both = actor(volunteer.memberId, ['volunteer', 'coordinator'], [COMMUNITY]);
    expect(refusal(() => transition(request('completed'), ACTIONS.confirm, both, NOW))).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect(refusal(() => transition(request('disputed'), ACTIONS.resolve, both, NOW))).toBe(
      ErrorCode.FORBIDDEN,
    );
  });

  it('never lets a requester resolve the dispute over their own request', () => {
    const both = actor(requester.memberId, ['resident', 'coordinator'], [COMMUNITY]);
    const zero: RequestAction = { type: 'resolve', minutes: 0, note: 'not owed' };
    expect(refusal(() => transition(request('disputed'), zero, both, NOW))).toBe(
      ErrorCode.FORBIDDEN,
    );
    // Confirming is still theirs: they are the one who pays.
    expect(refusal(() => transition(request('completed'), ACTIONS.confirm, both, NOW))).toBeNull();
  });
});

describe('the history', () => {
  it('names who acted, and the requester when someone else did one of their steps', () => {
    const r = request('completed');
    const step = (action: Parameters<typeof stepOf>[1], who: Actor) =>
      stepOf(r, action, 'open', who, NOW);
    expect(step('post', requester)).toMatchObject({ action: 'posted', actedBy: 'requester' });
    expect(step('post', requester).onBehalfOf).toBeNull();
    for (const action of ['post', 'confirm', 'dispute', 'cancel'] as const) {
      expect([action, step(action, coordinator).onBehalfOf]).toEqual([action, 'requester']);
    }
    // Accepting, serving and judging are nobody's errand: done in one's own name.
    for (const [action, who] of [
      ['accept', volunteer],
      ['release', volunteer],
      ['complete', volunteer],
      ['resolve', coordinator],
    ] as const) {
      expect([action, step(action, who).onBehalfOf]).toEqual([action, null]);
    }
    expect(step('resolve', coordinator)).toMatchObject({
      action: 'resolved',
      actedBy: 'coordinator',
      requestId: 'r1',
      at: NOW,
    });
  });
});

describe('settling', () => {
  it('confirms the completed minutes unless told otherwise, and verifies the hours', () => {
    const byDefault = transition(request('completed'), ACTIONS.confirm, requester, NOW);
    expect(byDefault.changes).toMatchObject({ confirmedMinutes: 75, confirmedBy: 'requester' });
    expect(byDefault.effect).toEqual({ type: 'hoursVerified', minutes: 75 });
    const named = transition(
      request('completed'),
      { type: 'confirm', minutes: 90, rating: 5, comment: '谢谢' },
      coordinator,
      NOW,
    );
    expect(named.changes).toMatchObject({ confirmedMinutes: 90, confirmedBy: 'coordinator' });
    expect(named.rating).toEqual({ rating: 5, comment: '谢谢' });
  });

  it('refuses more than the minutes held, naming minutes', () => {
    for (const facts of [request('completed'), request('completed', { completedMinutes: 120 })]) {
      const minutes = facts.completedMinutes === 120 ? undefined : 91;
      try {
        transition(facts, { type: 'confirm', minutes }, requester, NOW);
        throw new Error('not refused');
      } catch (error) {
        expect((error as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
        expect((error as DomainError).details?.errors?.map((e) => e.field)).toEqual(['minutes']);
      }
    }
  });

  it('resolves with credit, or closes without it at 0', () => {
    expect(transition(request('disputed'), ACTIONS.resolve, coordinator, NOW).effect).toEqual({
      type: 'hoursVerified',
      minutes: 30,
    });
    const none = transition(
      request('disputed'),
      { type: 'resolve', minutes: 0, note: 'no show' },
      coordinator,
      NOW,
    );
    expect(none.changes).toMatchObject({ status: 'confirmed', confirmedMinutes: 0 });
    expect(none.effect).toEqual({ type: 'closed', reason: 'resolved_without_credit' });
  });

  it('announces a cancellation so the hold is released', () => {
    expect(transition(request('accepted'), ACTIONS.cancel, coordinator, NOW)).toMatchObject({
      changes: { status: 'cancelled', cancelledBy: 'coordinator' },
      effect: { type: 'closed', reason: 'cancelled' },
    });
  });

  it('tells a retry of the settling command from another command with its key', () => {
    const settled = { settleKey: 'k', settleFingerprint: 'f' };
    expect(settleReplay(settled, 'k', 'f')).toBe('replay');
    expect(settleReplay(settled, 'k', 'g')).toBe('mismatch');
    expect(settleReplay(settled, 'other', 'f')).toBeNull();
  });
});

describe('windows, keys and list order', () => {
  it('wants the window to end after it starts, in the future and within a year', () => {
    const at = (h: number) => new Date(NOW.getTime() + h * 3600_000);
    expect(windowErrors(at(1), at(2), NOW)).toEqual([]);
    expect(windowErrors(at(1), at(365 * 24), NOW)).toEqual([]);
    expect(windowErrors(at(1), at(365 * 24 + 1), NOW).map((e) => e.field)).toEqual(['windowEnd']);
    expect(windowErrors(at(2), at(1), NOW).map((e) => e.field)).toEqual(['windowEnd']);
    expect(windowErrors(at(-3), at(-1), NOW).map((e) => e.field)).toEqual(['windowEnd']);
  });

  it('derives one request id per Idempotency-Key, and fingerprints content', () => {
    expect(requestIdFor('m:k')).toBe(requestIdFor('m:k'));
    expect(requestIdFor('m:k')).not.toBe(requestIdFor('m:j'));
    expect(requestIdFor('m:k')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(fingerprint({ a: 1, b: undefined }, 'fields-hex')).toBe(
      fingerprint({ b: null, a: 1 }, 'fields-hex'),
    );
    expect(fingerprint({ a: 1 }, 'fields-hex')).not.toBe(fingerprint({ a: 2 }, 'fields-hex'));
  });

  it('ranks the viewer’s grid unit, then community, then the rest', () => {
    const viewer = { gridUnitId: 'g1', communityId: COMMUNITY };
    expect(listRank({ gridUnitId: 'g1', communityId: COMMUNITY }, viewer)).toBe(0);
    expect(listRank({ gridUnitId: 'g2', communityId: COMMUNITY }, viewer)).toBe(1);
    expect(listRank({ gridUnitId: null, communityId: OTHER }, viewer)).toBe(2);
    expect(
      listRank({ gridUnitId: null, communityId: OTHER }, { gridUnitId: null, communityId: null }),
    ).toBe(2);
  });
});

describe('refusals in any language', () => {
  /** Every refusal the rules can give, from every action, status and actor. */
  function everyRefusal(): DomainError[] {
    const refusals: DomainError[] = [];
    const actors = [
      requester,
      volunteer,
      otherVolunteer,
      resident,
      coordinator,
      outsideCoordinator,
      actor(requester.memberId, ['resident', 'volunteer']),
      actor(requester.memberId, ['resident', 'coordinator'], [COMMUNITY]),
      admin,
    ];
    for (const action of [
      ...Object.values(ACTIONS),
      { type: 'confirm', minutes: 91 } as const,
      { type: 'resolve', minutes: 91, note: 'too much' } as const,
    ]) {
      for (const status of REQUEST_STATUSES) {
        for (const facts of [request(status), request(status, { completedMinutes: 120 })]) {
          for (const who of actors) {
            for (const now of [NOW, new Date('2026-05-04T08:00:00Z')]) {
              try {
                transition(facts, action, who, now);
              } catch (error) {
                refusals.push(error as DomainError);
              }
            }
          }
        }
      }
    }
    return refusals;
  }

  it('carry a catalogue key, and field errors too, so zh-CN callers never read English', () => {
    const refusals = everyRefusal();
    expect(refusals.length).toBeGreaterThan(100);
    const fieldErrors = refusals.flatMap((e) => e.details?.errors ?? []);
    const windows = [
      windowErrors(NOW, new Date(NOW.getTime() - 1), NOW),
      windowErrors(new Date(NOW.getTime() - 7200_000), new Date(NOW.getTime() - 1), NOW),
      windowErrors(NOW, new Date(NOW.getTime() + 400 * 24 * 3600_000), NOW),
    ].flat();
    expect(fieldErrors.length).toBeGreaterThan(0);
    expect(
      [...refusals, ...fieldErrors, ...windows].filter((e) => !e.messageKey).map((e) => e.message),
    ).toEqual([]);
  });

  it('keep the English texts callers knew', () => {
    const messages = new Set(everyRefusal().map((e) => e.message));
    for (const text of [
      'Only volunteers accept requests',
      'A volunteer cannot accept their own request',
      "This request's window has passed",
      'This request is confirmed: only open or accepted requests can be cancelled',
      'Only the requester or a coordinator of its community may confirm a request',
      'A requester cannot resolve a dispute over their own request',
    ]) {
      expect([text, messages.has(text)]).toEqual([text, true]);
    }
    const over = (minutes?: number) => {
      try {
        transition(
          request('completed', { completedMinutes: 120 }),
          { type: 'confirm', minutes },
          requester,
          NOW,
        );
      } catch (error) {
        return (error as DomainError).details?.errors?.[0].message;
      }
    };
    expect(over()).toBe(
      'minutes must be at most the 90 estimated minutes held; 120 were reported, so name the minutes to confirm',
    );
    expect(over(91)).toBe('minutes must be at most the 90 estimated minutes held');
    expect(windowErrors(NOW, new Date(NOW.getTime() + 400 * 24 * 3600_000), NOW)[0].message).toBe(
      'windowEnd must be within 365 days from now',
    );
  });
});
