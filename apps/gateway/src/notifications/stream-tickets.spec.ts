import { DomainError, ErrorCode } from '@app/common';
import { JwtService } from '@nestjs/jwt';
import { jwtOptions } from '../auth/jwt-options';
import { StreamTickets } from './stream-tickets';

const MEMBER = '11111111-1111-4111-8111-111111111111';
const SECRET = 'a-secret-of-at-least-thirty-two-characters';

/** As the gateway registers it: its issuer, HS256, 15-minute access tokens by default. */
function jwtWith(secret = SECRET): JwtService {
  return new JwtService(jwtOptions(secret));
}

function refused(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.UNAUTHENTICATED);
    return;
  }
  throw new Error('the ticket was taken');
}

describe('stream tickets', () => {
  const tickets = new StreamTickets(jwtWith());

  it('open the stream of the member they were issued to, for 60 seconds', () => {
    const { ticket, expiresAt } = tickets.issue(MEMBER);
    expect(tickets.memberOf(ticket)).toBe(MEMBER);
    const seconds = (new Date(expiresAt).getTime() - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(59);
    expect(seconds).toBeLessThanOrEqual(60);
    const claims = jwtWith().decode<{ exp: number; iat: number; aud: string }>(ticket);
    expect(claims.exp - claims.iat).toBe(60);
    expect(claims.aud).toBe('notifications-stream');
  });

  it('are checked by any copy that shares the secret, and by no other', () => {
    const { ticket } = tickets.issue(MEMBER);
    expect(new StreamTickets(jwtWith()).memberOf(ticket)).toBe(MEMBER);
    refused(() => new StreamTickets(jwtWith(`${SECRET}-other`)).memberOf(ticket));
  });

  it('refuse an access token, an expired ticket, and what is no ticket at all', () => {
    const jwt = jwtWith();
    refused(() => tickets.memberOf(jwt.sign({ sub: MEMBER, ver: 0, sid: MEMBER })));
    // Signed by the gateway's secret, an expiry a second ago.
    const expired = new JwtService({ secret: SECRET, signOptions: { issuer: 'timebank' } }).sign(
      { sub: MEMBER, exp: Math.floor(Date.now() / 1000) - 1 },
      { audience: 'notifications-stream' },
    );
    refused(() => tickets.memberOf(expired));
    refused(() =>
      tickets.memberOf(jwt.sign({ sub: 'not-a-uuid' }, { audience: 'notifications-stream' })),
    );
    for (const notATicket of [undefined, '', 'x'.repeat(2001), ['a'], 42]) {
      refused(() => tickets.memberOf(notATicket));
    }
  });
});
