import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../common/page';
import { PersonView } from '../common/person';
import {
  AtMostDaysAhead,
  FreeText,
  IsDateTimeWithZone,
  Optional,
  WholeNumber,
} from '../common/validators';
import { OptionalUuid } from '../common/fields';
import { fieldMessage } from '../i18n/field-message';
import {
  MAX_SERVICE_MINUTES,
  MAX_WINDOW_END_DAYS,
  REQUEST_CATEGORIES,
  REQUEST_FUNDINGS,
  REQUEST_STATUSES,
  REQUEST_STEP_ACTIONS,
  RequestCategory,
  RequestFunding,
  RequestStatus,
  RequestStepAction,
} from './requests.types';

// ---- public HTTP bodies and queries (gateway) ----

export class CreateHelpRequestDto {
  @ApiProperty({ maxLength: 200, example: '陪同去社区医院复诊' })
  @FreeText('title', 200)
  title!: string;

  @ApiProperty({ maxLength: 4000, example: '周三上午九点，需要轮椅协助' })
  @FreeText('description', 4000, 0)
  description!: string;

  @ApiProperty({ enum: REQUEST_CATEGORIES })
  @IsIn(REQUEST_CATEGORIES, {
    message: fieldMessage('field.isIn', { values: REQUEST_CATEGORIES.join(', ') }),
  })
  category!: RequestCategory;

  @ApiProperty({ format: 'date-time' })
  @IsDateTimeWithZone('windowStart')
  windowStart!: string;

  @ApiProperty({
    format: 'date-time',
    description: `After windowStart, in the future, and within ${MAX_WINDOW_END_DAYS} days`,
  })
  @IsDateTimeWithZone('windowEnd')
  @AtMostDaysAhead('windowEnd', MAX_WINDOW_END_DAYS)
  windowEnd!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_SERVICE_MINUTES, example: 90 })
  @WholeNumber('estimatedMinutes', 1, MAX_SERVICE_MINUTES)
  estimatedMinutes!: number;

  @OptionalUuid("A grid unit of the requester's community; defaults to the requester's own")
  gridUnitId?: string;

  @OptionalUuid(
    'A coordinator posting for a resident who cannot use the app names the resident here',
  )
  requesterId?: string;
}

export class ListHelpRequestsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @Optional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @OptionalUuid()
  communityId?: string;

  @ApiPropertyOptional({ enum: REQUEST_CATEGORIES })
  @Optional()
  @IsIn(REQUEST_CATEGORIES)
  category?: RequestCategory;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only requests I posted or took',
  })
  @Optional()
  @IsIn(['true', 'false'], { message: fieldMessage('field.isBoolean') })
  mine?: 'true' | 'false';

  @OptionalUuid(
    'Only requests this member asked for (a member page); what the caller may see of them',
  )
  requesterId?: string;

  @OptionalUuid('Only requests this member is the volunteer of; what the caller may see of them')
  volunteerId?: string;
}

export class CompleteHelpRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_SERVICE_MINUTES, example: 75 })
  @WholeNumber('minutes', 1, MAX_SERVICE_MINUTES)
  minutes!: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Optional()
  @FreeText('note', 2000, 0)
  note?: string;
}

export class ConfirmHelpRequestDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_SERVICE_MINUTES,
    description: 'Defaults to the completed minutes; at most the estimated minutes held',
  })
  @Optional()
  @WholeNumber('minutes', 1, MAX_SERVICE_MINUTES)
  minutes?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5 })
  @Optional()
  @WholeNumber('rating', 1, 5)
  rating?: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Optional()
  @FreeText('comment', 2000, 0)
  comment?: string;
}

export class DisputeHelpRequestDto {
  @ApiProperty({ maxLength: 2000, example: '志愿者只待了半小时' })
  @FreeText('reason', 2000)
  reason!: string;
}

export class ResolveHelpRequestDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX_SERVICE_MINUTES,
    description: 'Minutes to credit, at most the estimated minutes held; 0 closes without credit',
  })
  @WholeNumber('minutes', 0, MAX_SERVICE_MINUTES)
  minutes!: number;

  @ApiProperty({ maxLength: 2000 })
  @FreeText('note', 2000)
  note!: string;
}

// ---- NATS commands (services) ----

class IdempotentCommand {
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  idempotencyKey!: string;
}

/** `requests.request.create`. */
export class CreateHelpRequestCommand extends IdempotentCommand {
  @ValidateNested() @Type(() => CreateHelpRequestDto) request!: CreateHelpRequestDto;
}

/** `requests.request.get` / `.accept` / `.release` / `.cancel`. */
export class HelpRequestIdCommand {
  @IsUUID('all') id!: string;
}

/** `requests.request.complete`. */
export class CompleteHelpRequestCommand extends HelpRequestIdCommand {
  @ValidateNested() @Type(() => CompleteHelpRequestDto) completion!: CompleteHelpRequestDto;
}

/** `requests.request.confirm`. */
export class ConfirmHelpRequestCommand extends HelpRequestIdCommand {
  @IsString() @MinLength(1) @MaxLength(300) idempotencyKey!: string;
  @ValidateNested() @Type(() => ConfirmHelpRequestDto) confirmation!: ConfirmHelpRequestDto;
}

/** `requests.request.dispute`. */
export class DisputeHelpRequestCommand extends HelpRequestIdCommand {
  @ValidateNested() @Type(() => DisputeHelpRequestDto) dispute!: DisputeHelpRequestDto;
}

/** `requests.request.resolve`. */
export class ResolveHelpRequestCommand extends HelpRequestIdCommand {
  @IsString() @MinLength(1) @MaxLength(300) idempotencyKey!: string;
  @ValidateNested() @Type(() => ResolveHelpRequestDto) resolution!: ResolveHelpRequestDto;
}

/** `requests.ratings.get`. */
export class VolunteerRatingsQuery {
  @IsUUID('all') volunteerId!: string;
}

// ---- views ----

/**
 * One change of a request's status and who made it. `onBehalfOf` names the
 * requester when someone else (a coordinator) did one of the requester's
 * steps for them: posted, confirmed, disputed or cancelled it.
 */
export class RequestStepView {
  @ApiProperty({ enum: REQUEST_STEP_ACTIONS }) action!: RequestStepAction;
  @ApiProperty({ enum: REQUEST_STATUSES, description: 'The status the step left it in' })
  status!: RequestStatus;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    type: PersonView,
    nullable: true,
    description: 'Who did it; null when the service did (a window that passed)',
  })
  actedBy!: PersonView | null;
  @ApiProperty({
    type: PersonView,
    nullable: true,
    description: 'The requester, when someone else did one of their steps for them',
  })
  onBehalfOf!: PersonView | null;
}

/**
 * How to reach the other party of an accepted request. The requester gets the
 * volunteer's phone and the volunteer the requester's; a coordinator in scope
 * or an admin (no party) gets both, `phone` being the requester's.
 */
export class RequestContactView {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '+8613912345678',
    description: 'The other party’s phone (E.164); for a coordinator, the requester’s',
  })
  phone!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Coordinators in scope and admins only: the requester’s phone',
  })
  requesterPhone?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Coordinators in scope and admins only: the volunteer’s phone',
  })
  volunteerPhone?: string | null;
}

/**
 * A help request as clients see it (API.md "Help requests"), with its lifecycle
 * times. Who sees it: its requester and volunteer, every volunteer while it is
 * open (the board), coordinators of its community, admins. `disputeReason`,
 * `ratingComment` and `contact` are left out for anyone but its requester, its
 * volunteer, a coordinator in scope and an admin.
 */
export class HelpRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: REQUEST_CATEGORIES }) category!: RequestCategory;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: RequestStatus;
  @ApiProperty({ format: 'uuid' }) requesterId!: string;
  @ApiProperty({ format: 'uuid', description: 'Who posted it: the requester or a coordinator' })
  createdBy!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) volunteerId!: string | null;
  @ApiProperty({ type: PersonView, description: 'Who asked for help' }) requester!: PersonView;
  @ApiProperty({ type: PersonView, nullable: true, description: 'Who took it, while someone has' })
  volunteer!: PersonView | null;
  @ApiPropertyOptional({
    type: RequestContactView,
    nullable: true,
    description:
      'Once accepted (accepted, completed, disputed, confirmed): the other party’s phone; ' +
      'null before or after. Left out for anyone but the parties, coordinators in scope, admins.',
  })
  contact?: RequestContactView | null;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) gridUnitId!: string | null;
  @ApiProperty({ format: 'date-time' }) windowStart!: string;
  @ApiProperty({ format: 'date-time' }) windowEnd!: string;
  @ApiProperty({ type: 'integer' }) estimatedMinutes!: number;
  @ApiProperty({ type: 'integer', nullable: true }) completedMinutes!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) confirmedMinutes!: number | null;
  @ApiProperty({ enum: REQUEST_FUNDINGS }) funding!: RequestFunding;
  @ApiProperty({ type: String, nullable: true }) completionNote!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Left out for anyone but the parties, coordinators in scope, admins',
  })
  disputeReason?: string | null;
  @ApiProperty({ type: String, nullable: true }) resolutionNote!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who confirmed' })
  confirmedBy!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who cancelled' })
  cancelledBy!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Who disputed: the requester, or a coordinator for them',
  })
  disputedBy!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) rating!: number | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Left out for anyone but the parties, coordinators in scope, admins',
  })
  ratingComment?: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disputedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiredAt!: string | null;
  @ApiPropertyOptional({
    type: [RequestStepView],
    description:
      'Every change of status, oldest first, and who made it. In the answers about one ' +
      'request (not in lists), for the parties, coordinators in scope and admins.',
  })
  history?: RequestStepView[];
}

export class HelpRequestPage {
  @ApiProperty({ type: [HelpRequestView] }) items!: HelpRequestView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class VolunteerRatingsView {
  @ApiProperty({ format: 'uuid' }) volunteerId!: string;
  @ApiProperty({ type: 'integer', example: 12 }) count!: number;
  @ApiProperty({ type: Number, nullable: true, example: 4.75, description: 'null with no ratings' })
  average!: number | null;
}

/** A help request category with its name in the caller's language (GET /categories). */
export class CategoryView {
  @ApiProperty({ enum: REQUEST_CATEGORIES, example: 'escort' }) code!: RequestCategory;
  @ApiProperty({ example: '陪同就医办事' }) name!: string;
}
