import { ServiceClient } from '@app/common';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CompleteHelpRequestDto,
  ConfirmHelpRequestDto,
  CreateHelpRequestDto,
  DisputeHelpRequestDto,
  HelpRequestPage,
  HelpRequestView,
  ListHelpRequestsQuery,
  RequestsMessages,
  ResolveHelpRequestDto,
} from '@app/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdempotencyKey, MovesCredits } from '../http/idempotency-key.decorator';
import { IdParam } from '../http/id-param.dto';

@ApiTags('Help requests')
@Controller('requests')
export class RequestsController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Access(['resident', 'coordinator', 'admin'])
  @MovesCredits()
  @ApiOperation({
    summary: 'Ask for help; the estimated minutes are held from the payer',
    description:
      'A resident for themselves, or a coordinator for a resident of their community named in ' +
      'requesterId. A priority household’s requests are paid by the community fund. ' +
      '409 INSUFFICIENT_CREDITS when the payer cannot cover the estimate.',
  })
  @ApiResponse({ status: 201, type: HelpRequestView })
  create(
    @CurrentActor() actor: Actor,
    @Body() request: CreateHelpRequestDto,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<HelpRequestView> {
    return this.services.call(RequestsMessages.requestCreate, { idempotencyKey, request }, actor);
  }

  @Get()
  @Access()
  @ApiOperation({
    summary: 'Help requests, filtered; a volunteer’s own grid unit first, then their community',
    description:
      'Only what the caller may see (a coordinator: every request of its communities). ' +
      'requesterId and volunteerId narrow it to one member’s requests, for a member page.',
  })
  @ApiResponse({ status: 200, type: HelpRequestPage })
  @ApiProblems(400)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListHelpRequestsQuery,
  ): Promise<HelpRequestPage> {
    return this.services.call(RequestsMessages.requestList, query, actor);
  }

  @Get(':id')
  @Access()
  @ApiOperation({
    summary: 'One help request, with its history for its parties, coordinators and admins',
    description:
      'history lists every change of status and who made it; onBehalfOf names the requester ' +
      'when a coordinator posted, confirmed, disputed or cancelled it for them.',
  })
  @ApiResponse({ status: 200, type: HelpRequestView })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<HelpRequestView> {
    return this.services.call(RequestsMessages.requestGet, { id }, actor);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Access(['volunteer'])
  @ApiOperation({
    summary: 'Take an open request (not one’s own: 409 NOT_ELIGIBLE)',
    description: 'Only one volunteer wins; anyone after them gets 409 INVALID_STATE.',
  })
  @ApiResponse({ status: 200, type: HelpRequestView })
  @ApiProblems(400, 404, 409)
  accept(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<HelpRequestView> {
    return this.services.call(RequestsMessages.requestAccept, { id }, actor);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Access(['volunteer'])
  @ApiOperation({ summary: 'Give an accepted request back (its volunteer): open again' })
  @ApiResponse({ status: 200, type: HelpRequestView })
  @ApiProblems(400, 404, 409)
  release(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<HelpRequestView> {
    return this.services.call(RequestsMessages.requestRelease, { id }, actor);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Access(['volunteer'])
  @ApiOperation({ summary: 'Report the minutes served (its volunteer)' })
  @ApiResponse({ status: 200, type: HelpRequestView })
  @ApiProblems(400, 404, 409)
  complete(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() completion: CompleteHelpRequestDto,
  ): Promise<HelpRequestView> {
    return this.services.call(RequestsMessages.requestComplete, { id, completion }, actor);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Access()
  @MovesCredits()
  @ApiOperation({
    summary: 'Confirm the service, and optionally rate it; the volunteer is credited',
    description:
      'Its requester, or a coordinator of its community. confirmedMinutes is `minutes`, else ' +
      'the completed minutes, and at most the estimated minutes held.',
  })
  @ApiResponse({ status: 200, type: HelpRequestView })
  confirm(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() confirmation: ConfirmHelpRequestDto,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<HelpRequestView> {
    return this.services.call(
      RequestsMessages.requestConfirm,
      { id, idempotencyKey, confirmation },
      actor,
    );
  }

  @Post(':id/dispute')
  @HttpCode(200)
  @Access()
  @ApiOperation({
    summary: 'Dispute the minutes reported (its requester, or a coordinator in scope for them)',
    description:
      'Another coordinator or an admin then resolves it: whoever disputed for the requester ' +
      'does not also judge it (403 FORBIDDEN on resolve).',
  })
  @ApiResponse({ status: 200, type: HelpRequestView })
  @ApiProblems(400, 404, 409)
  dispute(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() dispute: DisputeHelpRequestDto,
  ): Promise<HelpRequestView> {
    return this.services.call(RequestsMessages.requestDispute, { id, dispute }, actor);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Access(['coordinator', 'admin'])
  @MovesCredits()
  @ApiOperation({
    summary: 'Settle a dispute (coordinator in scope); 0 minutes closes it without credit',
  })
  @ApiResponse({ status: 200, type: HelpRequestView })
  resolve(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() resolution: ResolveHelpRequestDto,
    @IdempotencyKey() idempotencyKey: string,
  ): Promise<HelpRequestView> {
    return this.services.call(
      RequestsMessages.requestResolve,
      { id, idempotencyKey, resolution },
      actor,
    );
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Access()
  @ApiOperation({
    summary: 'Cancel while open or accepted (its requester, a coordinator); the hold is released',
  })
  @ApiResponse({ status: 200, type: HelpRequestView })
  @ApiProblems(400, 404, 409)
  cancel(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<HelpRequestView> {
    return this.services.call(RequestsMessages.requestCancel, { id }, actor);
  }
}
