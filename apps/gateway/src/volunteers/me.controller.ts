import { ServiceClient } from '@app/common';
import { Body, Controller, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ChangePasswordDto,
  MemberView,
  UpdateMeDto,
  VolunteerProfileDto,
  VolunteerProfileView,
  VolunteersMessages,
} from '@app/contracts';
import { Access, AccessBeforePasswordChange } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';

@ApiTags('Identity and communities')
@Controller('me')
export class MeController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @AccessBeforePasswordChange()
  @ApiOperation({ summary: 'The signed-in member' })
  @ApiResponse({ status: 200, type: MemberView })
  me(@CurrentActor() actor: Actor): Promise<MemberView> {
    return this.services.call(VolunteersMessages.memberGet, { id: actor.memberId }, actor);
  }

  @Patch()
  @Access()
  @ApiOperation({ summary: 'Change your display name or the language messages come in' })
  @ApiResponse({ status: 200, type: MemberView })
  @ApiProblems(400)
  updateMe(@CurrentActor() actor: Actor, @Body() changes: UpdateMeDto): Promise<MemberView> {
    return this.services.call(VolunteersMessages.meUpdate, { changes }, actor);
  }

  @Post('password')
  @HttpCode(204)
  @AccessBeforePasswordChange()
  @ApiOperation({
    summary: 'Change your password',
    description:
      'Every other session of yours ends at once; this one goes on. A temporary password ' +
      'given by staff must be changed here before anything else.',
  })
  @ApiResponse({ status: 204, description: 'Changed' })
  @ApiProblems(400)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() change: ChangePasswordDto,
  ): Promise<void> {
    await this.services.call(VolunteersMessages.passwordChange, { change }, actor);
  }

  @Get('volunteer-profile')
  @Access(['volunteer'])
  @ApiOperation({
    summary: "The signed-in volunteer's skills, availability and bio, as last saved",
  })
  @ApiResponse({ status: 200, type: VolunteerProfileView })
  @ApiProblems([404, 'NOT_FOUND: no profile saved yet'])
  getVolunteerProfile(@CurrentActor() actor: Actor): Promise<VolunteerProfileView> {
    return this.services.call(VolunteersMessages.profileGet, {}, actor);
  }

  @Put('volunteer-profile')
  @Access(['volunteer'])
  @ApiOperation({ summary: "Set the signed-in volunteer's skills, availability and bio" })
  @ApiResponse({ status: 200, type: VolunteerProfileView })
  @ApiProblems(400)
  putVolunteerProfile(
    @CurrentActor() actor: Actor,
    @Body() body: VolunteerProfileDto,
  ): Promise<VolunteerProfileView> {
    return this.services.call(VolunteersMessages.profileUpsert, body, actor);
  }
}
