import { cityDays } from '../common/city-time';
import { CommunityPeriodQuery } from './report.dto';

/** What a report query asks for, as the queries take it: instants [start, until) and the city's zone for weeks. */
export interface ReportPeriod {
  communityId: string;
  start: Date;
  until: Date;
  zone: string;
}

/** The city's whole days `from` to `to` of the query, both included, on the clocks of `zone`. */
export function reportPeriod(
  { communityId, from, to }: CommunityPeriodQuery,
  zone: string,
): ReportPeriod {
  return { communityId, ...cityDays(from, to, zone), zone };
}
