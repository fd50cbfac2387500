import { ServiceClient } from '@app/common';
import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CreateMemberDto,
  MemberView,
  UpdateMemberDto,
  VolunteersSubjects,
} from '@app/contracts';
import { Access, inBody } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdParam } from './id-param.dto';

@ApiTags('Identity and communities')
@Controller('members')
export class MembersController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Access(['admin', 'coordinator'], inBody('communityId'))
  @ApiOperation({
    summary: 'Create a member with any roles (coordinators, merchant staff)',
    description: 'Admins anywhere; coordinators in their own communities, never granting admin.',
  })
  @ApiResponse({ status: 201, type: MemberView })
  @ApiProblems(400, 409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateMemberDto): Promise<MemberView> {
    return this.services.call(VolunteersSubjects.memberCreate, body, actor);
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
  @ApiProblems(400, 404)
  update(
    @CurrentActor() actor: Actor,
    @Param() { id }: IdParam,
    @Body() changes: UpdateMemberDto,
  ): Promise<MemberView> {
    return this.services.call(VolunteersSubjects.memberUpdate, { id, changes }, actor);
  }
}
