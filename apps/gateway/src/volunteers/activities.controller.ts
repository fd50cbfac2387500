import { ServiceClient } from '@app/common';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import {
  ActivitiesQueryDto,
  ActivityPage,
  ActivityView,
  Actor,
  AttendanceListView,
  AttendanceView,
  CancelActivityDto,
  CheckInCodeDto,
  CheckInCodeView,
  CheckInView,
  CheckOutView,
  CloseActivityView,
  PublishActivityDto,
  RecordAttendanceDto,
  SignupView,
  VolunteersMessages,
} from '@app/contracts';
import { Access, inBody } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdempotencyKey, MovesCredits } from '../http/idempotency-key.decorator';
import { IdParam } from '../http/id-param.dto';

class AttendanceParams extends IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'volunteerId must be a UUID' })
  volunteerId!: string;
}

const COORDINATORS = ['coordinator', 'admin'] as const;

@ApiTags('Activities')
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Access([...COORDINATORS], inBody('communityId'))
  @MovesCredits()
  @ApiOperation({
    summary: 'Publish an activity: capacity × minutesPerVolunteer is held from the community fund',
    description:
      'startsAt in the future, endsAt after it (at most a day later), capacity 1..500, ' +
      'minutesPerVolunteer at most the length (the default). A fund that cannot hold it is 409 ' +
      'INSUFFICIENT_CREDITS.',
  })
  @ApiResponse({ status: 201, type: ActivityView })
  publish(
    @CurrentActor() actor: Actor,
    @Body() body: PublishActivityDto,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<ActivityView> {
    return this.services.call(
      VolunteersMessages.activityPublish,
      { ...body, idempotencyKey },
      actor,
    );
  }

  @Get()
  @Access()
  @ApiOperation({
    summary: 'Activities, soonest first',
    description:
      'from/to narrow to activities overlapping the period; mine=true to those the caller ' +
      'signed up for (coordinators: also those they published).',
  })
  @ApiResponse({ status: 200, type: ActivityPage })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() query: ActivitiesQueryDto): Promise<ActivityPage> {
    return this.services.call(VolunteersMessages.activityList, query, actor);
  }

  @Get(':id')
  @Access()
  @ApiOperation({ summary: 'One activity, with the caller’s own sign-up' })
  @ApiResponse({ status: 200, type: ActivityView })
  @ApiProblems(404)
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<ActivityView> {
    return this.services.call(VolunteersMessages.activityGet, { id }, actor);
  }

  @Post(':id/signups')
  @Access(['volunteer'])
  @ApiOperation({
    summary: 'Sign up: confirmed while there are places, else on the waitlist',
    description:
      'The waitlist is at most as long as the capacity. A full, past, cancelled or closed ' +
      'activity is 409 INVALID_STATE. Signing up again answers 201 with the existing sign-up.',
  })
  @ApiResponse({ status: 201, type: SignupView })
  @ApiProblems(404, 409)
  signUp(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<SignupView> {
    return this.services.call(VolunteersMessages.activitySignUp, { id }, actor);
  }

  @Delete(':id/signups/me')
  @HttpCode(204)
  @Access(['volunteer'])
  @ApiOperation({
    summary: 'Withdraw my sign-up; the first on the waitlist takes a freed place',
    description:
      'Withdrawing when not signed up is 204 as well; from a cancelled or closed activity, ' +
      '409 INVALID_STATE. The promoted volunteer is told (volunteers.activity.signup-promoted).',
  })
  @ApiResponse({ status: 204, description: 'Withdrawn' })
  @ApiProblems(404, 409)
  async withdraw(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<void> {
    await this.services.call(VolunteersMessages.activityWithdraw, { id }, actor);
  }

  @Get(':id/check-in-code')
  @Access([...COORDINATORS])
  @ApiOperation({
    summary: 'The door code now: 8 digits that change every 30 seconds (show it as a QR code)',
  })
  @ApiResponse({ status: 200, type: CheckInCodeView })
  @ApiProblems(404, 409)
  checkInCode(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<CheckInCodeView> {
    return this.services.call(VolunteersMessages.activityCheckInCode, { id }, actor);
  }

  @Post(':id/check-in')
  @HttpCode(200)
  @Access(['volunteer'])
  @ApiOperation({
    summary: 'Check in with the door code (a confirmed volunteer)',
    description:
      'From 60 minutes before the start to the end. The current and the previous code are ' +
      'taken; an older or foreign code, a waitlisted or not signed-up caller is 409 ' +
      'INVALID_STATE. Checking in again answers the first checkedInAt.',
  })
  @ApiResponse({ status: 200, type: CheckInView })
  @ApiProblems(400, 404, 409)
  checkIn(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() { code }: CheckInCodeDto,
  ): Promise<CheckInView> {
    return this.services.call(VolunteersMessages.activityCheckIn, { id, code }, actor);
  }

  @Post(':id/check-out')
  @HttpCode(200)
  @Access(['volunteer'])
  @ApiOperation({
    summary: 'Check out with the door code',
    description:
      'Until the activity is closed. Before checking in is 409 INVALID_STATE; checking out ' +
      'again answers the first. minutes: the overlap with the activity, at most minutesPerVolunteer.',
  })
  @ApiResponse({ status: 200, type: CheckOutView })
  @ApiProblems(400, 404, 409)
  checkOut(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() { code }: CheckInCodeDto,
  ): Promise<CheckOutView> {
    return this.services.call(VolunteersMessages.activityCheckOut, { id, code }, actor);
  }

  @Get(':id/attendance')
  @Access([...COORDINATORS])
  @ApiOperation({
    summary: 'Every sign-up with its check-in and check-out (the live list at the door)',
    description: 'paidMinutes once the activity is closed.',
  })
  @ApiResponse({ status: 200, type: AttendanceListView })
  @ApiProblems(404)
  attendance(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<AttendanceListView> {
    return this.services.call(VolunteersMessages.activityAttendanceList, { id }, actor);
  }

  @Put(':id/attendance/:volunteerId')
  @Access([...COORDINATORS])
  @ApiOperation({
    summary: 'Record the attendance of a confirmed volunteer without a phone',
    description:
      'checkedOutAt after checkedInAt; a volunteer not confirmed is 409 INVALID_STATE; the ' +
      'activity must not be closed or cancelled.',
  })
  @ApiResponse({ status: 200, type: AttendanceView })
  @ApiProblems(400, 404, 409)
  recordAttendance(
    @CurrentActor() actor: Actor,
    @Param() { id, volunteerId }: AttendanceParams,
    @Body() body: RecordAttendanceDto,
  ): Promise<AttendanceView> {
    return this.services.call(
      VolunteersMessages.activityAttendanceRecord,
      { id, volunteerId, ...body },
      actor,
    );
  }

  @Post(':id/close')
  @HttpCode(200)
  @Access([...COORDINATORS])
  @MovesCredits()
  @ApiOperation({
    summary: 'Close: pay each attendance from the hold, once; release the rest',
    description:
      'Once the activity has started. A volunteer checked in but not out is counted until the ' +
      'end; paid lists each attendance worth a minute or more, noShows the confirmed volunteers ' +
      'who never checked in. Closing again answers the same and pays nothing more. The fund ' +
      'holds the credits until 30 days after the end; a close later than 28 days after it is ' +
      'refused (409 INVALID_STATE).',
  })
  @ApiResponse({ status: 200, type: CloseActivityView })
  close(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<CloseActivityView> {
    return this.services.call(VolunteersMessages.activityClose, { id, idempotencyKey }, actor);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Access([...COORDINATORS])
  @ApiOperation({
    summary: 'Cancel a published activity: the hold is released and everyone signed up is told',
  })
  @ApiResponse({ status: 200, type: ActivityView })
  @ApiProblems(400, 404, 409)
  cancel(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() { reason }: CancelActivityDto,
  ): Promise<ActivityView> {
    return this.services.call(VolunteersMessages.activityCancel, { id, reason }, actor);
  }
}
