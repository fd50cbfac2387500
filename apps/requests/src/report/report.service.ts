import { cityDays, CommunityPeriodQuery, RequestsReport } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { RequestsConfig } from '../requests.config';
import { ReportRepository } from './report.repository';

@Injectable()
export class ReportService {
  constructor(
    private readonly report: ReportRepository,
    private readonly config: RequestsConfig,
  ) {}

  /** The city's whole days from `from` to `to`, both included. */
  async figures({ communityId, from, to }: CommunityPeriodQuery): Promise<RequestsReport> {
    const { start, until } = cityDays(from, to, this.config.CITY_TIME_ZONE);
    return { communityId, ...(await this.report.figures(communityId, start, until)) };
  }
}
