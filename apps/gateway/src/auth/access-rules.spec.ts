import { Actor } from '@app/contracts';
import { AccessPolicy } from './access.decorator';
import { decideAccess } from './access-rules';

const community = '11111111-1111-4111-8111-111111111111';
const otherCommunity = '22222222-2222-4222-8222-222222222222';

function actor(roles: Actor['roles'], coordinatorOf: string[] = []): Actor {
  return { memberId: 'm', roles, communityId: community, coordinatorOf, merchantId: null };
}

describe('decideAccess', () => {
  const coordinatorsInScope: AccessPolicy = {
    public: false,
    roles: ['admin', 'coordinator'],
    scope: { source: 'body', key: 'communityId' },
  };

  it('lets anyone through a public route, signed in or not', () => {
    expect(decideAccess({ public: true }, null, undefined)).toBe('allow');
  });

  it('asks for sign-in on a private route without an actor', () => {
    expect(decideAccess({ public: false }, null, undefined)).toBe('unauthenticated');
  });

  it('refuses a member without one of the listed roles', () => {
    expect(decideAccess({ public: false, roles: ['admin'] }, actor(['resident']), undefined)).toBe(
      'forbidden',
    );
    expect(
      decideAccess(
        { public: false, roles: ['volunteer'] },
        actor(['resident', 'volunteer']),
        undefined,
      ),
    ).toBe('allow');
  });

  it('lets a coordinator act only in communities they coordinate', () => {
    const coordinator = actor(['coordinator'], [community]);
    expect(decideAccess(coordinatorsInScope, coordinator, community)).toBe('allow');
    expect(decideAccess(coordinatorsInScope, coordinator, otherCommunity)).toBe('forbidden');
  });

  it('lets an admin act in every community', () => {
    expect(decideAccess(coordinatorsInScope, actor(['admin']), otherCommunity)).toBe('allow');
  });

  it('leaves a missing community id to the validator rather than refusing', () => {
    expect(decideAccess(coordinatorsInScope, actor(['coordinator'], [community]), undefined)).toBe(
      'allow',
    );
  });

  it('does not scope the other roles a route admits (their service checks them)', () => {
    const staffOrCoordinator: AccessPolicy = {
      public: false,
      roles: ['merchant', 'coordinator'],
      scope: { source: 'params', key: 'communityId' },
    };
    expect(decideAccess(staffOrCoordinator, actor(['merchant']), otherCommunity)).toBe('allow');
    expect(
      decideAccess(staffOrCoordinator, actor(['coordinator'], [community]), otherCommunity),
    ).toBe('forbidden');
  });
});
