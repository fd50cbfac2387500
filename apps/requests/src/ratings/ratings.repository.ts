import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

@Injectable()
export class RatingsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** How many ratings the volunteer has, and their mean (null with none). */
  async summaryOf(volunteerId: string): Promise<{ count: number; average: number | null }> {
    const [row] = await this.manager.query<Array<{ count: number; average: number | null }>>(
      `SELECT count(*)::int AS count, round(avg(rating), 2)::float8 AS average
         FROM requests.ratings WHERE volunteer_id = $1`,
      [volunteerId],
    );
    return { count: row.count, average: row.average };
  }
}
