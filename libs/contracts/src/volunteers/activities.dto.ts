import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../common/page';
import { OptionalUuid } from '../common/fields';
import { FreeText, IsDateTimeWithZone, Optional, WholeNumber } from '../common/validators';
import { fieldMessage } from '../i18n/field-message';

export const ACTIVITY_STATUSES = ['published', 'cancelled', 'closed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export const MAX_ACTIVITY_CAPACITY = 500;
/** An activity lasts at most a day: minutesPerVolunteer is at most its length. */
export const MAX_ACTIVITY_MINUTES = 1440;
export const MAX_ACTIVITY_SKILLS = 20;
/** A check-in code: 8 digits (TOTP, SHA-256, 30-second steps). */
export const CHECK_IN_CODE_DIGITS = 8;
export const CHECK_IN_STEP_SECONDS = 30;
/** Volunteers may check in from this long before the start. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 60;

// ---- public HTTP bodies and queries (gateway) ----

export class PublishActivityDto {
  @ApiProperty({ maxLength: 200, example: '小区垃圾分类宣传日' })
  @FreeText('title', 200)
  title!: string;

  @ApiProperty({ maxLength: 4000, example: '在东门广场发放宣传册，回答居民问题' })
  @FreeText('description', 4000, 0)
  description!: string;

  @ApiProperty({ format: 'uuid', description: 'A community the caller coordinates' })
  @IsUUID('all', { message: fieldMessage('field.isUuid', { field: 'communityId' }) })
  communityId!: string;

  @OptionalUuid('A grid unit of that community')
  gridUnitId?: string;

  @ApiProperty({ maxLength: 200, example: '东门广场' })
  @FreeText('place', 200)
  place!: string;

  @ApiProperty({ format: 'date-time', description: 'In the future' })
  @IsDateTimeWithZone('startsAt')
  startsAt!: string;

  @ApiProperty({
    format: 'date-time',
    description: `After startsAt, at most ${MAX_ACTIVITY_MINUTES} minutes later`,
  })
  @IsDateTimeWithZone('endsAt')
  endsAt!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_ACTIVITY_CAPACITY, example: 10 })
  @WholeNumber('capacity', 1, MAX_ACTIVITY_CAPACITY)
  capacity!: number;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_ACTIVITY_SKILLS, example: ['宣传'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_ACTIVITY_SKILLS)
  @IsString({ each: true })
  @Matches(/\S/, { each: true, message: fieldMessage('volunteers.profiles.skillBlank') })
  @MaxLength(60, { each: true })
  skills?: string[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_ACTIVITY_MINUTES,
    description: 'At most the length of the activity, which is the default',
  })
  @Optional()
  @WholeNumber('minutesPerVolunteer', 1, MAX_ACTIVITY_MINUTES)
  minutesPerVolunteer?: number;
}

export class ActivitiesQueryDto extends PageQueryDto {
  @OptionalUuid()
  communityId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Activities ending at or after this' })
  @Optional()
  @IsDateTimeWithZone('from')
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Activities starting before this' })
  @Optional()
  @IsDateTimeWithZone('to')
  to?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only activities I signed up for (or, for a coordinator, published)',
  })
  @Optional()
  @IsIn(['true', 'false'], { message: fieldMessage('field.isBoolean') })
  mine?: 'true' | 'false';
}

export class CheckInCodeDto {
  @ApiProperty({ example: '12345678', description: 'The code shown at the door (8 digits)' })
  @IsString()
  @Matches(/^\d{8}$/, { message: fieldMessage('volunteers.activities.codeShape') })
  code!: string;
}

export class RecordAttendanceDto {
  @ApiProperty({ format: 'date-time' })
  @IsDateTimeWithZone('checkedInAt')
  checkedInAt!: string;

  @ApiProperty({ format: 'date-time', description: 'After checkedInAt' })
  @IsDateTimeWithZone('checkedOutAt')
  checkedOutAt!: string;
}

export class CancelActivityDto {
  @ApiProperty({ maxLength: 500, example: '暴雨预警，活动取消' })
  @FreeText('reason', 500)
  reason!: string;
}

// ---- NATS commands (volunteers service) ----

class IdempotentCommand {
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  idempotencyKey!: string;
}

export class ActivityIdDto {
  @IsUUID('all') id!: string;
}

/** `volunteers.activity.publish`: the body and the caller-scoped Idempotency-Key. */
export class PublishActivityCommand extends PublishActivityDto {
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  idempotencyKey!: string;
}

/** `volunteers.activity.check-in` / `check-out`: the activity and the code scanned. */
export class ActivityCodeCommand extends CheckInCodeDto {
  @IsUUID('all') id!: string;
}

/** `volunteers.activity.attendance-record` */
export class RecordAttendanceCommand extends RecordAttendanceDto {
  @IsUUID('all') id!: string;
  @IsUUID('all') volunteerId!: string;
}

/** `volunteers.activity.close` */
export class CloseActivityCommand extends IdempotentCommand {
  @IsUUID('all') id!: string;
}

/** `volunteers.activity.cancel` */
export class CancelActivityCommand extends CancelActivityDto {
  @IsUUID('all') id!: string;
}

// ---- views ----

export class MySignupView {
  @ApiProperty({ enum: SIGNUP_STATUSES }) status!: SignupStatus;
  @ApiPropertyOptional({ type: 'integer', description: 'Place on the waitlist, from 1' })
  position?: number;
  @ApiPropertyOptional({ format: 'date-time' }) checkedInAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) checkedOutAt?: string;
}

export class ActivityView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) gridUnitId!: string | null;
  @ApiProperty() place!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ type: 'integer' }) capacity!: number;
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ type: 'integer' }) minutesPerVolunteer!: number;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status!: ActivityStatus;
  @ApiProperty({ type: 'integer', description: 'Confirmed volunteers' }) signedUp!: number;
  @ApiProperty({ type: 'integer' }) waitlisted!: number;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({
    type: MySignupView,
    nullable: true,
    description: "The caller's own sign-up, if any",
  })
  mySignup!: MySignupView | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was cancelled' })
  cancelReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ActivityPage {
  @ApiProperty({ type: [ActivityView] }) items!: ActivityView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class SignupView {
  @ApiProperty({ enum: SIGNUP_STATUSES }) status!: SignupStatus;
  @ApiPropertyOptional({ type: 'integer', description: 'Place on the waitlist, from 1' })
  position?: number;
}

export class CheckInCodeView {
  @ApiProperty({ example: '12345678' }) code!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the current 30-second step' })
  expiresAt!: string;
}

export class CheckInView {
  @ApiProperty({ format: 'date-time' }) checkedInAt!: string;
}

export class CheckOutView {
  @ApiProperty({ format: 'date-time' }) checkedOutAt!: string;
  @ApiProperty({ type: 'integer', description: 'Minutes that will be paid at close' })
  minutes!: number;
}

export class AttendanceView {
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: SIGNUP_STATUSES }) status!: SignupStatus;
  @ApiPropertyOptional({ type: 'integer', description: 'Place on the waitlist, from 1' })
  position?: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedOutAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The coordinator who recorded it, when not scanned',
  })
  recordedBy!: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Minutes paid, once the activity is closed',
  })
  paidMinutes!: number | null;
}

export class AttendanceListView {
  @ApiProperty({ type: [AttendanceView], description: 'Confirmed first, then the waitlist' })
  items!: AttendanceView[];
}

export class PaymentView {
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty({ type: 'integer' }) minutes!: number;
}

export class CloseActivityView {
  @ApiProperty({ type: [PaymentView] }) paid!: PaymentView[];
  @ApiProperty({ type: [String], format: 'uuid' }) noShows!: string[];
}
