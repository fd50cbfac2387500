import { ApiProperty } from '@nestjs/swagger';
import { ReportCommunity } from './report.dto';

/**
 * The owning services' weekly figures: only the weeks with something in them,
 * each named by its Monday (`YYYY-MM-DD`, the city's calendar), counting only
 * the period's days. The gateway lays them over every week of the period.
 */
export interface VolunteersWeeklyReport {
  community: ReportCommunity;
  weeks: Array<{ weekStart: string; minutesServed: number; activeVolunteers: number }>;
}

export interface RequestsWeeklyReport {
  weeks: Array<{
    weekStart: string;
    requestsPosted: number;
    requestsConfirmed: number;
    medianMinutesToAccept: number | null;
  }>;
}

export interface RewardsWeeklyReport {
  weeks: Array<{ weekStart: string; vouchersRedeemed: number }>;
}

export class CommunityReportWeekView {
  @ApiProperty({
    format: 'date',
    example: '2026-03-09',
    description: "The week's Monday in the city's calendar (CITY_TIME_ZONE)",
  })
  weekStart!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 7,
    description:
      'How many days of this week the period covers: the first and last weeks may count fewer ' +
      'than 7, and their figures only those days',
  })
  days!: number;

  @ApiProperty({
    type: 'integer',
    description: 'Verified minutes served on these days (by the day of service)',
  })
  minutesServed!: number;

  @ApiProperty({ type: 'integer', description: 'Requests posted on these days' })
  requestsPosted!: number;

  @ApiProperty({ type: 'integer', description: 'Requests confirmed with credit on these days' })
  requestsConfirmed!: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'Median minutes from posting to the first acceptance, of the requests first accepted on ' +
      'these days; null when none was',
  })
  medianMinutesToAccept!: number | null;

  @ApiProperty({
    type: 'integer',
    description:
      "Volunteers with verified service on these days (a volunteer active in several weeks counts in each, so weeks do not add up to the period's figure)",
  })
  activeVolunteers!: number;

  @ApiProperty({
    type: 'integer',
    description: "Vouchers redeemed at the community's merchants on these days",
  })
  vouchersRedeemed!: number;
}

export class CommunityWeeklyReportView {
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;

  @ApiProperty({
    type: [CommunityReportWeekView],
    description:
      'Every week the period touches, oldest first, empty ones with zeros; the figures of all ' +
      'weeks add up to those of GET /reports/communities/{id} for the same period (but for ' +
      'activeVolunteers and medianMinutesToAccept)',
  })
  weeks!: CommunityReportWeekView[];
}
