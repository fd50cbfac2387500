import { Handles } from '@app/common';
import { RequestsMessages, VolunteerRatingsQuery, VolunteerRatingsView } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { RatingsService } from './ratings.service';

@Controller()
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Handles(RequestsMessages.ratingsGet)
  get({ volunteerId }: VolunteerRatingsQuery): Promise<VolunteerRatingsView> {
    return this.ratings.of(volunteerId);
  }
}
