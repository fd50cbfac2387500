import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError, ErrorCode } from '@app/common';
import { STREAM_TICKET_TTL_SECONDS, StreamTicketView } from '@app/contracts';
import { isUUID } from 'class-validator';

/** Names what a ticket is for, so an access token never opens a stream and a ticket never calls the API. */
const AUDIENCE = 'notifications-stream';

interface TicketClaims {
  sub: string;
  aud: string;
}

/**
 * Tickets that open a member's notification stream: a browser's EventSource
 * cannot send an Authorization header, so it carries one of these in the query.
 * A short JWT signed with the gateway's secret: any copy of the gateway checks
 * it without shared state. It only opens the stream, which then stays open.
 */
@Injectable()
export class StreamTickets {
  constructor(private readonly jwt: JwtService) {}

  issue(memberId: string): StreamTicketView {
    const ticket = this.jwt.sign(
      { sub: memberId },
      { audience: AUDIENCE, expiresIn: STREAM_TICKET_TTL_SECONDS },
    );
    const expiresAt = new Date(Date.now() + STREAM_TICKET_TTL_SECONDS * 1000).toISOString();
    return { ticket, expiresAt };
  }

  /** The member a ticket opens a stream for; 401 when it is missing, forged or expired. */
  memberOf(ticket: unknown): string {
    if (typeof ticket === 'string' && ticket.length > 0 && ticket.length <= 2000) {
      try {
        const claims = this.jwt.verify<TicketClaims>(ticket, { audience: AUDIENCE });
        if (isUUID(claims.sub, 'all')) return claims.sub;
      } catch {
        // forged or expired: refused below
      }
    }
    throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'notifications.badTicket');
  }
}
