import { Actor } from '@app/contracts';
import { maySee, seesPrivateDetails, viewerOf } from './request-visibility';

const HOME = '11111111-1111-4111-8111-111111111111';
const AWAY = '22222222-2222-4222-8222-222222222222';

const actor = (memberId: string, roles: Actor['roles'], coordinatorOf: string[] = []) =>
  viewerOf({ memberId, roles, communityId: HOME, coordinatorOf, merchantId: null });

const request = (status: 'open' | 'accepted' | 'completed', volunteerId: string | null = null) => ({
  requesterId: 'alice',
  volunteerId,
  communityId: HOME,
  status,
});

describe('who sees a help request', () => {
  it('shows a non-volunteer only their own', () => {
    expect(maySee(actor('alice', ['resident']), request('open'))).toBe(true);
    expect(maySee(actor('bob', ['resident']), request('open'))).toBe(false);
  });

  it('shows a volunteer the open board and what they are on, nothing else', () => {
    const v = actor('vic', ['volunteer']);
    expect(maySee(v, request('open'))).toBe(true);
    expect(seesPrivateDetails(v, request('open'))).toBe(false);
    expect(maySee(v, request('accepted', 'other'))).toBe(false);
    expect(maySee(v, request('completed', 'vic'))).toBe(true);
    expect(seesPrivateDetails(v, request('completed', 'vic'))).toBe(true);
  });

  it('shows a coordinator its communities only, an admin all', () => {
    expect(maySee(actor('c', ['coordinator'], [HOME]), request('accepted', 'v'))).toBe(true);
    expect(maySee(actor('c', ['coordinator'], [AWAY]), request('accepted', 'v'))).toBe(false);
    // coordinatorOf counts only with the coordinator role
    expect(maySee(actor('c', ['resident'], [HOME]), request('accepted', 'v'))).toBe(false);
    expect(seesPrivateDetails(actor('a', ['admin']), request('completed', 'v'))).toBe(true);
  });
});
