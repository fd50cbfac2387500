import { Actor } from '@app/contracts';
import { claimIneligibility, claimRefusal, ClaimFacts, offerTransition } from './offer-rules';

const MERCHANT = '11111111-1111-4111-8111-111111111111';
const COMMUNITY = '22222222-2222-4222-8222-222222222222';
const now = new Date('2026-05-01T10:00:00Z');

const volunteer: Actor = {
  memberId: 'v',
  roles: ['volunteer'],
  communityId: COMMUNITY,
  coordinatorOf: [],
  merchantId: null,
};

function facts(change: Partial<ClaimFacts> = {}, offer: Partial<ClaimFacts['offer']> = {}) {
  return {
    actor: volunteer,
    now,
    tierLevel: 1,
    availableMinutes: 100,
    claimedByMember: 0,
    taken: 0,
    ...change,
    offer: {
      merchantId: MERCHANT,
      communityId: COMMUNITY,
      status: 'active' as const,
      minTier: 1,
      validFrom: new Date('2026-04-01T00:00:00Z'),
      validUntil: new Date('2026-06-01T00:00:00Z'),
      quantity: 10,
      perMemberLimit: 2,
      creditCostMinutes: 30,
      ...offer,
    },
  };
}

const codeOf = (f: ClaimFacts) => claimRefusal(f)?.code ?? null;

describe('claiming an offer', () => {
  it('is open to every member, resident or volunteer, who meets the rules', () => {
    expect(codeOf(facts())).toBeNull();
    expect(codeOf(facts({ actor: { ...volunteer, roles: ['resident'] } }))).toBeNull();
    expect(codeOf(facts({ actor: { ...volunteer, roles: ['coordinator'] } }))).toBeNull();
  });

  it('refuses in order: own merchant, the offer’s state, tier, limit, stock, then credits', () => {
    const staff: Actor = { ...volunteer, roles: ['volunteer', 'merchant'], merchantId: MERCHANT };
    const reasonOf = (f: ClaimFacts) => claimIneligibility(f);
    expect(reasonOf(facts({ actor: staff }, { status: 'paused' }))).toBe('own_merchant');
    expect(codeOf(facts({ actor: staff }))).toBe('NOT_ELIGIBLE');
    expect(reasonOf(facts({ taken: 10 }, { status: 'paused' }))).toBe('not_active');
    expect(codeOf(facts({ taken: 10 }, { status: 'paused' }))).toBe('INVALID_STATE');
    expect(codeOf(facts({}, { status: 'pending_approval' }))).toBe('INVALID_STATE');
    expect(reasonOf(facts({ now: new Date('2026-06-01T00:00:00Z') }))).toBe('expired');
    expect(codeOf(facts({ now: new Date('2026-06-01T00:00:00Z') }))).toBe('INVALID_STATE');
    expect(reasonOf(facts({ now: new Date('2026-03-31T23:59:59Z') }))).toBe('not_yet_valid');
    expect(codeOf(facts({ now: new Date('2026-03-31T23:59:59Z') }))).toBe('INVALID_STATE');
    expect(reasonOf(facts({ tierLevel: 0, taken: 10 }))).toBe('tier_too_low');
    expect(codeOf(facts({ tierLevel: 0, taken: 10 }))).toBe('NOT_ELIGIBLE');
    expect(reasonOf(facts({ claimedByMember: 2, taken: 10 }))).toBe('limit_reached');
    expect(codeOf(facts({ claimedByMember: 2, taken: 10 }))).toBe('NOT_ELIGIBLE');
    expect(reasonOf(facts({ claimedByMember: 1, taken: 10, availableMinutes: 0 }))).toBe(
      'sold_out',
    );
    expect(codeOf(facts({ claimedByMember: 1, taken: 10 }))).toBe('SOLD_OUT');
    expect(reasonOf(facts({ availableMinutes: 29 }))).toBe('insufficient_credits');
    expect(codeOf(facts({ availableMinutes: 29 }))).toBe('INSUFFICIENT_CREDITS');
    expect(codeOf(facts({ availableMinutes: 30 }))).toBeNull();
  });
});

describe('an offer’s status', () => {
  const offer = facts().offer;
  const coordinator: Actor = { ...volunteer, roles: ['coordinator'], coordinatorOf: [COMMUNITY] };
  const staff: Actor = { ...volunteer, roles: ['merchant'], merchantId: MERCHANT };

  it('is approved by coordinators in scope only, from pending', () => {
    expect(offerTransition({ ...offer, status: 'pending_approval' }, 'approve', coordinator)).toBe(
      'active',
    );
    expect(() =>
      offerTransition({ ...offer, status: 'pending_approval' }, 'approve', staff),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => offerTransition(offer, 'approve', coordinator)).toThrow(
      expect.objectContaining({ code: 'INVALID_STATE' }),
    );
  });

  it('is paused and resumed by its staff', () => {
    expect(offerTransition(offer, 'pause', staff)).toBe('paused');
    expect(offerTransition({ ...offer, status: 'paused' }, 'resume', staff)).toBe('active');
    expect(() => offerTransition(offer, 'pause', { ...staff, merchantId: COMMUNITY })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});
