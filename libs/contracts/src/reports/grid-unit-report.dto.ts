import { ApiProperty } from '@nestjs/swagger';
import { ReportCommunity } from './report.dto';

/** Members living in a grid unit now (active ones; a suspended member is left out). */
export interface GridUnitMembers {
  members: number;
  volunteers: number;
  priorityHouseholds: number;
}

/** `volunteers.grid-unit-report.get` answer: every grid unit of the community, in code order. */
export interface VolunteersGridUnitReport {
  community: ReportCommunity;
  gridUnits: Array<{ gridUnitId: string; code: string; name: string } & GridUnitMembers>;
  /** Members of the community who name no grid unit. */
  withoutGridUnit: GridUnitMembers;
}

/** What the requests service attributes to a request's grid unit in the period. */
export interface GridUnitRequests {
  requestsPosted: number;
  requestsConfirmed: number;
  minutesServedOnRequests: number;
}

/** `requests.grid-unit-report.get` answer: the grid units with requests active in the period; null for requests naming none. */
export interface RequestsGridUnitReport {
  gridUnits: Array<{ gridUnitId: string | null } & GridUnitRequests>;
}

export class GridUnitFiguresView implements GridUnitMembers, GridUnitRequests {
  @ApiProperty({
    type: 'integer',
    description: 'Active members (residents and volunteers) living there now, whatever the period',
  })
  members!: number;

  @ApiProperty({ type: 'integer', description: 'Of them, volunteers' })
  volunteers!: number;

  @ApiProperty({ type: 'integer', description: 'Of them, priority households' })
  priorityHouseholds!: number;

  @ApiProperty({
    type: 'integer',
    description:
      "Requests posted in the period for this grid unit (the request's own, by default its requester's)",
  })
  requestsPosted!: number;

  @ApiProperty({
    type: 'integer',
    description: 'Requests of this grid unit confirmed with credit in the period',
  })
  requestsConfirmed!: number;

  @ApiProperty({
    type: 'integer',
    description:
      'Minutes credited for the requests of this grid unit served in the period (by the day of ' +
      'service, as the service record files them); logged hours belong to no grid unit and ' +
      'are not here',
  })
  minutesServedOnRequests!: number;
}

export class GridUnitReportRowView extends GridUnitFiguresView {
  @ApiProperty({ format: 'uuid' }) gridUnitId!: string;
  @ApiProperty({ example: 'G1' }) code!: string;
  @ApiProperty({ example: '第1网格' }) name!: string;
}

export class CommunityGridUnitReportView {
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;

  @ApiProperty({
    type: [GridUnitReportRowView],
    description: 'Every grid unit of the community, in code order, zeros included',
  })
  gridUnits!: GridUnitReportRowView[];

  @ApiProperty({
    type: GridUnitFiguresView,
    description:
      'Members and requests that name no grid unit: with it, each column adds up to the ' +
      "community's figure",
  })
  withoutGridUnit!: GridUnitFiguresView;
}
