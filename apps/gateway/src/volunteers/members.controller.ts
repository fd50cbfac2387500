import { ServiceClient } from '@app/common';
import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CreateMemberDto,
  ListMembersQuery,
  MemberPage,
  MemberView,
  SuspendMemberDto,
  TemporaryPasswordView,
  UpdateMemberDto,
  VolunteersMessages,
} from '@app/contracts';
import { Access, inBody, inQuery } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdParam } from '../http/id-param.dto';

@ApiTags('Identity and communities')
@Controller('members')
export class MembersController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Access(['admin', 'coordinator'], inQuery('communityId'))
  @ApiOperation({
    summary: 'The member directory: search by name, phone, e-mail or card number',
    description:
      'Coordinators see the members of their communities, admins everyone. `q` matches any ' +
      'part of the display name (case-insensitive; one or two characters match names only), ' +
      'any part of the e-mail, 3 or more digits of the phone, a whole phone number in any ' +
      'notation, or a card number. In name order.',
  })
  @ApiResponse({ status: 200, type: MemberPage })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() query: ListMembersQuery): Promise<MemberPage> {
    return this.services.call(VolunteersMessages.memberList, query, actor);
  }

  @Get(':id')
  @Access()
  @ApiOperation({
    summary: 'One member',
    description: 'The member themself, a coordinator of its community, or an admin; else 404.',
  })
  @ApiResponse({ status: 200, type: MemberView })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<MemberView> {
    return this.services.call(VolunteersMessages.memberGet, { id }, actor);
  }

  @Post()
  @Access(['admin', 'coordinator'], inBody('communityId'))
  @ApiOperation({
    summary: 'Create a member with any roles (coordinators, merchant staff)',
    description: 'Admins anywhere; coordinators in their own communities, never granting admin.',
  })
  @ApiResponse({ status: 201, type: MemberView })
  @ApiProblems(400, 409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateMemberDto): Promise<MemberView> {
    return this.services.call(VolunteersMessages.memberCreate, body, actor);
  }

  @Patch(':id')
  @Access(['admin', 'coordinator'])
  @ApiOperation({
    summary: "Change a member's priority household flag, grid unit, roles, name or phone",
    description:
      'Coordinators only for members of their communities (checked by the volunteers service). ' +
      'A new name or phone reaches every view that shows it (requests, hours) within moments.',
  })
  @ApiResponse({ status: 200, type: MemberView })
  @ApiProblems(400, 404, [409, 'CONFLICT: the phone is already registered'])
  update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() changes: UpdateMemberDto,
  ): Promise<MemberView> {
    return this.services.call(VolunteersMessages.memberUpdate, { id, changes }, actor);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Access(['admin', 'coordinator'])
  @ApiOperation({
    summary: 'Give a member a temporary password (shown once)',
    description:
      'Every session of the member ends; at the next sign-in they must choose their own ' +
      'password. Coordinators for non-staff members of their communities; never oneself.',
  })
  @ApiResponse({ status: 200, type: TemporaryPasswordView })
  @ApiProblems(404)
  resetPassword(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
  ): Promise<TemporaryPasswordView> {
    return this.services.call(VolunteersMessages.passwordReset, { id }, actor);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Access(['admin', 'coordinator'])
  @ApiOperation({
    summary: 'Suspend a member: their tokens stop working at once and they cannot sign in',
    description:
      'Nothing of theirs is deleted; their credits, requests and hours stay as they are.',
  })
  @ApiResponse({ status: 200, type: MemberView })
  @ApiProblems(400, 404)
  suspend(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() suspension: SuspendMemberDto,
  ): Promise<MemberView> {
    return this.services.call(VolunteersMessages.memberSuspend, { id, suspension }, actor);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Access(['admin', 'coordinator'])
  @ApiOperation({ summary: 'Let a suspended member sign in again' })
  @ApiResponse({ status: 200, type: MemberView })
  @ApiProblems(404)
  reinstate(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<MemberView> {
    return this.services.call(VolunteersMessages.memberReinstate, { id }, actor);
  }
}
