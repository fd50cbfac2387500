import { ServiceClient } from '@app/common';
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Actor,
  NotificationPage,
  NotificationsMessages,
  NotificationsQueryDto,
  StreamTicketView,
  UnreadCountView,
} from '@app/contracts';
import { Access, Public } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdParam } from '../http/id-param.dto';
import { NotificationStreams } from './notification-streams';
import { StreamTickets } from './stream-tickets';

@ApiTags('Notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly services: ServiceClient,
    private readonly tickets: StreamTickets,
    private readonly streams: NotificationStreams,
  ) {}

  @Get()
  @Access()
  @ApiOperation({
    summary: 'My notifications, newest first',
    description:
      "Title and body in the member's language as it is now (PATCH /me locale), so older " +
      'items follow a change of language. unread=true: only the unread ones.',
  })
  @ApiResponse({ status: 200, type: NotificationPage })
  @ApiProblems(400)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: NotificationsQueryDto,
  ): Promise<NotificationPage> {
    return this.services.call(NotificationsMessages.list, query, actor);
  }

  @Get('unread-count')
  @Access()
  @ApiOperation({ summary: 'How many of my notifications are unread (the badge)' })
  @ApiResponse({ status: 200, type: UnreadCountView })
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountView> {
    return this.services.call(NotificationsMessages.unreadCount, {}, actor);
  }

  @Post('read-all')
  @HttpCode(204)
  @Access()
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiResponse({ status: 204, description: 'All read' })
  async readAll(@CurrentActor() actor: Actor): Promise<void> {
    await this.services.call(NotificationsMessages.readAll, {}, actor);
  }

  @Post('stream-ticket')
  @HttpCode(200)
  @Access()
  @ApiOperation({
    summary: 'A ticket that opens my notification stream, valid 60 seconds',
    description:
      "A browser's EventSource cannot send a bearer token: it opens " +
      'GET /notifications/stream?ticket=… with this instead. The stream stays open past the ' +
      "ticket's expiry; a new ticket is needed only to open it again.",
  })
  @ApiResponse({ status: 200, type: StreamTicketView })
  streamTicket(@CurrentActor() actor: Actor): StreamTicketView {
    return this.tickets.issue(actor.memberId);
  }

  @Get('stream')
  @Public()
  @ApiOperation({
    summary: 'My new notifications as they come (Server-Sent Events)',
    description:
      'Authorised by the ticket of POST /notifications/stream-ticket. Each new notification ' +
      'arrives as an event named `notification` whose data is one JSON item of ' +
      'GET /notifications; a comment line every 20 seconds keeps the connection open. ' +
      'Delivery is best effort: after a reconnect, read GET /notifications again.',
  })
  @ApiQuery({
    name: 'ticket',
    required: true,
    type: String,
    description: 'From POST /notifications/stream-ticket',
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({
    status: 200,
    description: 'An event stream: `event: notification` and `data: <NotificationView JSON>`',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiProblems([401, 'UNAUTHENTICATED: the ticket is missing, forged or expired'])
  stream(
    @Query('ticket') ticket: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    const memberId = this.tickets.memberOf(ticket);
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.write(': open\n\n');
    this.streams.open(memberId, reply.raw);
    request.raw.on('close', () => reply.raw.end());
  }

  @Post(':id/read')
  @HttpCode(204)
  @Access()
  @ApiOperation({ summary: 'Mark one of my notifications read (again: still 204)' })
  @ApiResponse({ status: 204, description: 'Read' })
  @ApiProblems(400, 404)
  async read(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<void> {
    await this.services.call(NotificationsMessages.read, { id }, actor);
  }
}
