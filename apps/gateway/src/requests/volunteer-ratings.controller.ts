import { ServiceClient } from '@app/common';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor, RequestsMessages, VolunteerRatingsView } from '@app/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { IdParam } from '../http/id-param.dto';

@ApiTags('Help requests')
@Controller('volunteers/:id/ratings')
export class VolunteerRatingsController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Access()
  @ApiOperation({ summary: 'How requesters rated a volunteer: how many ratings, and their mean' })
  @ApiResponse({ status: 200, type: VolunteerRatingsView })
  @ApiProblems(400)
  ratings(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<VolunteerRatingsView> {
    return this.services.call(RequestsMessages.ratingsGet, { volunteerId: id }, actor);
  }
}
