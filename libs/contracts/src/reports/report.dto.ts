import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/dates';
import { Optional } from '../common/validators';

/** The default period of a report when `from` is left out. */
export const DEFAULT_REPORT_DAYS = 30;

/**
 * The longest period of a weekly series, a breakdown or an export: a year, a
 * leap one included (54 weeks at most). The totals report keeps no limit.
 */
export const MAX_REPORT_PERIOD_DAYS = 366;

/** A community as its reports name it (`volunteers.report-community.get` answer). */
export interface ReportCommunity {
  id: string;
  code: string;
  name: string;
}

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

/** Every report message: one community, the city's whole days from–to inclusive. */
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
