import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsCalendarDate } from '../hours/dates';
import { Optional } from '../common/validators';

/** Request–reply subjects other services answer for the community report. */
export const ReportSubjects = {
  /** Answered by the volunteers service: verified service in the period. */
  volunteers: 'volunteers.report.get',
  /** Answered by the requests service: requests posted, confirmed, time to accept. */
  requests: 'requests.report.get',
  /** Answered by the rewards service: vouchers redeemed (RewardsReport). */
  rewards: 'rewards.report.get',
} as const;

/** The default period of a report when `from` is left out. */
export const DEFAULT_REPORT_DAYS = 30;

export class CommunityReportQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description: 'First day, inclusive; default 29 days before `to`',
  })
  @Optional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: "Last day, inclusive (the city's days); default the city's today",
  })
  @Optional()
  @IsCalendarDate()
  to?: string;
}

/** `volunteers.report.get`, `requests.report.get` and `rewards.report.get`: one community, whole days from–to inclusive. */
export class CommunityPeriodQuery {
  @IsUUID('all') communityId!: string;
  @IsCalendarDate() from!: string;
  @IsCalendarDate() to!: string;
}

/** `volunteers.report.get` answer. */
export interface VolunteersReport {
  communityId: string;
  /** Verified service served in the community in the period (reversed service left out). */
  minutesServed: number;
  /** Volunteers with verified service in the community in the period. */
  activeVolunteers: number;
}

/** `requests.report.get` answer. */
export interface RequestsReport {
  communityId: string;
  requestsPosted: number;
  requestsConfirmed: number;
  /** null when no request in the period was accepted. */
  medianMinutesToAccept: number | null;
}

export class CommunityReportView {
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: 'integer', description: 'Verified minutes served in the period' })
  minutesServed!: number;
  @ApiProperty({ type: 'integer' }) requestsPosted!: number;
  @ApiProperty({ type: 'integer' }) requestsConfirmed!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null when none was accepted' })
  medianMinutesToAccept!: number | null;
  @ApiProperty({ type: 'integer', description: 'Volunteers with verified service in the period' })
  activeVolunteers!: number;
  @ApiProperty({
    type: 'integer',
    description: "Vouchers redeemed at the community's merchants in the period",
  })
  vouchersRedeemed!: number;
}
