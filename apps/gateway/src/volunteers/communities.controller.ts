import { ServiceClient } from '@app/common';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CommunityView, CreateCommunityDto, VolunteersMessages } from '@app/contracts';
import { Access, Public } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';

@ApiTags('Identity and communities')
@Controller('communities')
export class CommunitiesController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Every community with its grid units (to choose one at registration)' })
  @ApiResponse({ status: 200, type: [CommunityView] })
  list(): Promise<CommunityView[]> {
    return this.services.call(VolunteersMessages.communityList, {}, null);
  }

  @Post()
  @Access(['admin'])
  @ApiOperation({ summary: 'Create a community and its grid units' })
  @ApiResponse({ status: 201, type: CommunityView })
  @ApiProblems(400, 409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateCommunityDto): Promise<CommunityView> {
    return this.services.call(VolunteersMessages.communityCreate, body, actor);
  }
}
