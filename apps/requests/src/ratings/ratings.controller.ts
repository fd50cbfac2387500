import { RequestsSubjects, VolunteerRatingsQuery, VolunteerRatingsView } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RatingsService } from './ratings.service';

@Controller()
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @MessagePattern(RequestsSubjects.ratingsGet)
  get(@Payload('data') { volunteerId }: VolunteerRatingsQuery): Promise<VolunteerRatingsView> {
    return this.ratings.of(volunteerId);
  }
}
