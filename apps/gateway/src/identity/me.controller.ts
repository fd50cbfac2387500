import { ServiceClient } from '@app/common';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  MemberView,
  VolunteerProfileDto,
  VolunteerProfileView,
  VolunteersSubjects,
} from '@app/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';

@ApiTags('Identity and communities')
@Controller('me')
export class MeController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Access()
  @ApiOperation({ summary: 'The signed-in member' })
  @ApiResponse({ status: 200, type: MemberView })
  me(@CurrentActor() actor: Actor): Promise<MemberView> {
    return this.services.call(VolunteersSubjects.memberGet, { id: actor.memberId }, actor);
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
    return this.services.call(VolunteersSubjects.profileUpsert, body, actor);
  }
}
