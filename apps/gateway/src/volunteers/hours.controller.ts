import { ServiceClient } from '@app/common';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ApproveManyHoursDto,
  ApprovalRefusalView,
  ApproveManyResultView,
  formatMessage,
  isMessageKey,
  Locale,
  HourLogPage,
  HourLogView,
  HoursQueryDto,
  LogHoursDto,
  RejectHoursDto,
  RejectManyHoursDto,
  RejectManyResultView,
  VolunteersMessages,
} from '@app/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdempotencyKey, MovesCredits } from '../http/idempotency-key.decorator';
import { RequestLocale } from '../http/locale.decorator';
import { IdParam } from '../http/id-param.dto';

/** A refusal of a bulk review as the caller reads it: its message in their language, no key. */
function refusalIn<R extends { error?: ApprovalRefusalView }>(result: R, locale: Locale): R {
  if (!result.error) return result;
  const { code, message, messageKey, params } = result.error;
  return {
    ...result,
    error: {
      code,
      message: isMessageKey(messageKey) ? formatMessage(locale, messageKey, params) : message,
    },
  };
}

@ApiTags('Logged hours and service records')
@Controller('hours')
export class HoursController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Access(['volunteer'])
  @ApiOperation({
    summary: 'Log hours served outside a request, for a coordinator of that community to review',
    description:
      '1 to 1440 minutes, not in the future; at most 1440 minutes per volunteer and served day ' +
      'across pending and approved logs (409 NOT_ELIGIBLE beyond that).',
  })
  @ApiResponse({ status: 201, type: HourLogView })
  @ApiProblems(400, 409)
  log(@CurrentActor() actor: Actor, @Body() body: LogHoursDto): Promise<HourLogView> {
    return this.services.call(VolunteersMessages.hoursLog, body, actor);
  }

  @Get()
  @Access()
  @ApiOperation({
    summary: 'Hour logs, newest first',
    description:
      "Volunteers see their own; coordinators also their communities'; admins all. " +
      "volunteerId narrows it to one volunteer's logs, for a member page.",
  })
  @ApiResponse({ status: 200, type: HourLogPage })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() query: HoursQueryDto): Promise<HourLogPage> {
    return this.services.call(VolunteersMessages.hoursList, query, actor);
  }

  @Post('approve')
  @HttpCode(200)
  @Access(['coordinator'])
  @MovesCredits()
  @ApiOperation({
    summary: "Approve several logs of the coordinator's queue at once",
    description:
      'Each id is approved or refused on its own (code and message per id, in the order sent).',
  })
  @ApiResponse({ status: 200, type: ApproveManyResultView })
  async approveMany(
    @CurrentActor() actor: Actor,
    @Body() { ids }: ApproveManyHoursDto,
    @IdempotencyKey() idempotencyKey: string,
    @RequestLocale() locale: Locale,
  ): Promise<ApproveManyResultView> {
    const outcome = await this.services.call(
      VolunteersMessages.hoursApproveMany,
      { idempotencyKey, ids },
      actor,
    );
    return { ...outcome, results: outcome.results.map((result) => refusalIn(result, locale)) };
  }

  @Post('reject')
  @HttpCode(200)
  @Access(['coordinator'])
  @ApiOperation({
    summary: "Reject several logs of the coordinator's queue at once, each with its reason",
    description:
      'Each log is rejected or refused on its own (code and message per log, in the order ' +
      'sent). Sending the same batch again answers the same: a log this coordinator already ' +
      'rejected for the same reason is reported rejected, not refused.',
  })
  @ApiResponse({ status: 200, type: RejectManyResultView })
  @ApiProblems(400)
  async rejectMany(
    @CurrentActor() actor: Actor,
    @Body() { items }: RejectManyHoursDto,
    @RequestLocale() locale: Locale,
  ): Promise<RejectManyResultView> {
    const outcome = await this.services.call(VolunteersMessages.hoursRejectMany, { items }, actor);
    return { ...outcome, results: outcome.results.map((result) => refusalIn(result, locale)) };
  }

  @Get(':id')
  @Access()
  @ApiOperation({ summary: 'One hour log (its volunteer, coordinators in scope, admins)' })
  @ApiResponse({ status: 200, type: HourLogView })
  @ApiProblems(404)
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<HourLogView> {
    return this.services.call(VolunteersMessages.hoursGet, { id }, actor);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Access(['coordinator'])
  @MovesCredits()
  @ApiOperation({
    summary: 'Approve pending hours: the community fund pays the volunteer',
    description:
      "Coordinators of the log's community only, never for their own log (409 NOT_ELIGIBLE); " +
      'a log no longer pending is 409 INVALID_STATE.',
  })
  @ApiResponse({ status: 200, type: HourLogView })
  approve(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<HourLogView> {
    return this.services.call(VolunteersMessages.hoursApprove, { idempotencyKey, id }, actor);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Access(['coordinator'])
  @ApiOperation({ summary: 'Reject pending hours with a reason' })
  @ApiResponse({ status: 200, type: HourLogView })
  @ApiProblems(400, 404, 409)
  reject(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() { reason }: RejectHoursDto,
  ): Promise<HourLogView> {
    return this.services.call(VolunteersMessages.hoursReject, { id, reason }, actor);
  }
}
