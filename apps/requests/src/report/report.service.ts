import { CommunityPeriodQuery, RequestsReport } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { ReportRepository } from './report.repository';

const DAY_MS = 24 * 3600 * 1000;

@Injectable()
export class ReportService {
  constructor(private readonly report: ReportRepository) {}

  /** Whole UTC days from `from` to `to`, both included. */
  async figures({ communityId, from, to }: CommunityPeriodQuery): Promise<RequestsReport> {
    const start = new Date(`${from}T00:00:00Z`);
    const until = new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS);
    return { communityId, ...(await this.report.figures(communityId, start, until)) };
  }
}
