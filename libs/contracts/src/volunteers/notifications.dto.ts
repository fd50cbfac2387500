import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsUUID } from 'class-validator';
import { PageQueryDto } from '../common/page';
import { Optional } from '../common/validators';
import { fieldMessage } from '../i18n/field-message';

/**
 * What a notification tells, one kind per fact. `hours.waiting` and
 * `dispute.opened` go to the coordinators of the community.
 */
export const NOTIFICATION_KINDS = [
  'request.accepted',
  'request.completed',
  'request.confirmed',
  'request.disputed',
  'request.resolved',
  'request.expiring',
  'hours.approved',
  'hours.rejected',
  'hours.waiting',
  'dispute.opened',
  'voucher.redeemed',
  'voucher.expiring',
  'tier.reached',
  'activity.tomorrow',
  'activity.cancelled',
  'activity.paid',
  'activity.promoted',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How long a stream ticket opens a stream for. */
export const STREAM_TICKET_TTL_SECONDS = 60;

// ---- public HTTP queries (gateway) ----

export class NotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only the unread ones' })
  @Optional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: fieldMessage('field.isBoolean') })
  unread?: boolean;
}

// ---- NATS commands (volunteers service) ----

/** `volunteers.notification.read`: one of the caller's own notifications. */
export class NotificationIdDto {
  @IsUUID('all') id!: string;
}

// ---- views ----

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'hours.approved' }) kind!: NotificationKind;
  @ApiProperty({
    example: 'Your hours were approved',
    description: "In the member's language as it is now",
  })
  title!: string;
  @ApiProperty({ example: '90 minutes served on 2026-05-03 were approved and credited.' })
  body!: string;
  @ApiProperty({
    example: '/hours',
    description: 'Where the web app shows what it is about (a path of the web app)',
  })
  link!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class UnreadCountView {
  @ApiProperty({ type: 'integer', minimum: 0, example: 3 }) unread!: number;
}

export class StreamTicketView {
  @ApiProperty({
    description: 'Opens GET /notifications/stream?ticket=… once within 60 seconds',
  })
  ticket!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

/**
 * `volunteers.notification.created` (a plain broadcast, at most once): a new
 * notification, in its member's language, for the gateways' open streams.
 */
export interface NotificationCreated {
  memberId: string;
  notification: NotificationView;
}
