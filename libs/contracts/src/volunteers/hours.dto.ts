import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/page';
import { Optional } from '../common/validators';
import { OptionalUuid } from '../common/fields';
import { PersonView } from '../common/person';
import { IsCalendarDate } from '../common/dates';
import { fieldMessage } from '../i18n/field-message';
import type { MessageKey } from '../i18n/en';
import type { MessageParams } from '../i18n/translate';

export const HOUR_LOG_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type HourLogStatus = (typeof HOUR_LOG_STATUSES)[number];

/** A volunteer serves at most a whole day on one day, across every log of that day. */
export const MAX_MINUTES_PER_DAY = 1440;
export const MAX_BULK_APPROVALS = 100;
export const MAX_BULK_REJECTIONS = 100;

const minutesMessage = fieldMessage('field.wholeNumberRange', { min: 1, max: MAX_MINUTES_PER_DAY });

// ---- public HTTP bodies (gateway) ----

export class LogHoursDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_MINUTES_PER_DAY, example: 90 })
  @IsInt({ message: minutesMessage })
  @Min(1, { message: minutesMessage })
  @Max(MAX_MINUTES_PER_DAY, { message: minutesMessage })
  minutes!: number;

  @ApiProperty({
    format: 'date',
    example: '2026-05-03',
    description: "Not after the city's today (CITY_TIME_ZONE)",
  })
  @IsCalendarDate()
  servedOn!: string;

  @ApiProperty({ maxLength: 2000, example: '社区垃圾分类宣传活动' })
  @IsString()
  @Matches(/\S/, { message: fieldMessage('field.notBlank') })
  @MaxLength(2000)
  description!: string;

  @OptionalUuid("Where the service was done; defaults to the volunteer's own community")
  communityId?: string;
}

export class HoursQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: HOUR_LOG_STATUSES })
  @Optional()
  @IsIn(HOUR_LOG_STATUSES)
  status?: HourLogStatus;

  @OptionalUuid()
  communityId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only my own logs' })
  @Optional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: fieldMessage('field.isBoolean') })
  mine?: boolean;

  @OptionalUuid("Only this volunteer's logs (a member page); what the caller may see of them")
  volunteerId?: string;
}

/** Why a log is rejected: the volunteer reads it, so it says something (not blank). */
function RejectionReason(): PropertyDecorator {
  return (target, key) => {
    MaxLength(500)(target, key);
    Matches(/\S/, { message: fieldMessage('field.notBlank') })(target, key);
    IsString()(target, key);
    ApiProperty({ maxLength: 500, example: 'No one at the activity remembers this shift' })(
      target,
      key,
    );
  };
}

export class RejectHoursDto {
  @RejectionReason()
  reason!: string;
}

export class HourRejectionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;

  @RejectionReason()
  reason!: string;
}

export class RejectManyHoursDto {
  @ApiProperty({
    type: [HourRejectionDto],
    minItems: 1,
    maxItems: MAX_BULK_REJECTIONS,
    description: 'Each log with the reason the volunteer will read; each id once',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_REJECTIONS)
  @ArrayUnique((item: HourRejectionDto) => item?.id)
  @ValidateNested({ each: true })
  @Type(() => HourRejectionDto)
  items!: HourRejectionDto[];
}

export class ApproveManyHoursDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_BULK_APPROVALS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_APPROVALS)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: fieldMessage('volunteers.hours.eachIdUuid') })
  ids!: string[];
}

// ---- NATS commands (volunteers service) ----

export class HourLogIdDto {
  @IsUUID('all') id!: string;
}

class IdempotentCommand {
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  idempotencyKey!: string;
}

/** `volunteers.hours.approve` */
export class ApproveHoursCommand extends IdempotentCommand {
  @IsUUID('all') id!: string;
}

/**
 * `volunteers.hours.approve-many`: the gateway's body, checked again by the
 * same rules, and the Idempotency-Key it came with.
 */
export class ApproveManyHoursCommand extends IntersectionType(
  ApproveManyHoursDto,
  IdempotentCommand,
) {}

/** `volunteers.hours.reject-many`: the gateway's body, checked again by the same rules. */
export class RejectManyHoursCommand extends RejectManyHoursDto {}

/** `volunteers.hours.reject`: the log the gateway's path names, with the body's reason. */
export class RejectHoursCommand extends HourRejectionDto {}

// ---- views ----

export class HourLogView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: HOUR_LOG_STATUSES }) status!: HourLogStatus;
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty({ type: PersonView, description: 'Who served: the volunteer and their name now' })
  volunteer!: PersonView;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ type: 'integer', example: 90 }) minutes!: number;
  @ApiProperty({ format: 'date' }) servedOn!: string;
  @ApiProperty() description!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Who approved or rejected it',
  })
  reviewedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class HourLogPage {
  @ApiProperty({ type: [HourLogView] }) items!: HourLogView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ApprovalRefusalView {
  @ApiProperty({ example: 'INVALID_STATE' }) code!: string;
  @ApiProperty() message!: string;
  /** Between services only: the gateway says the message in the caller's language, then drops these. */
  messageKey?: MessageKey;
  params?: MessageParams;
}

export class ApprovalResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['approved', 'refused'] }) outcome!: 'approved' | 'refused';
  @ApiPropertyOptional({ type: HourLogView, description: 'The approved log' }) log?: HourLogView;
  @ApiPropertyOptional({ type: ApprovalRefusalView, description: 'Why it was not approved' })
  error?: ApprovalRefusalView;
}

export class ApproveManyResultView {
  @ApiProperty({ type: 'integer', description: 'How many of the ids were approved' })
  approved!: number;
  @ApiProperty({ type: 'integer', description: 'How many were refused' }) refused!: number;
  @ApiProperty({ type: [ApprovalResultView], description: 'One result per id, in the order sent' })
  results!: ApprovalResultView[];
}

export class RejectionResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['rejected', 'refused'] }) outcome!: 'rejected' | 'refused';
  @ApiPropertyOptional({
    type: HourLogView,
    description: 'The rejected log (also when this coordinator had already rejected it so)',
  })
  log?: HourLogView;
  @ApiPropertyOptional({ type: ApprovalRefusalView, description: 'Why it was not rejected' })
  error?: ApprovalRefusalView;
}

export class RejectManyResultView {
  @ApiProperty({ type: 'integer', description: 'How many of the logs are rejected' })
  rejected!: number;
  @ApiProperty({ type: 'integer', description: 'How many were refused' }) refused!: number;
  @ApiProperty({
    type: [RejectionResultView],
    description: 'One result per log, in the order sent',
  })
  results!: RejectionResultView[];
}
