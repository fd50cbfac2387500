import { VolunteerRatingsView } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { RatingsRepository } from './ratings.repository';

@Injectable()
export class RatingsService {
  constructor(private readonly ratings: RatingsRepository) {}

  /** Open to every member: how residents rated a volunteer's service. */
  async of(volunteerId: string): Promise<VolunteerRatingsView> {
    return { volunteerId, ...(await this.ratings.summaryOf(volunteerId)) };
  }
}
