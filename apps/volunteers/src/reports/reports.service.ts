import { DomainError, fieldError } from '@app/common';
import {
  Actor,
  canCoordinate,
  CommunityPeriodQuery,
  ReportCommunity,
  VolunteersGridUnitReport,
  VolunteersReport,
  VolunteersWeeklyReport,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { CommunitiesRepository } from '../communities/communities.repository';
import { ActorAuthority } from '../members/actor-authority';
import { ReportsRepository } from './reports.repository';

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly communities: CommunitiesRepository,
    private readonly authority: ActorAuthority,
  ) {}

  /** The volunteers' share of the community report: coordinators in scope and admins. */
  async community(actor: Actor | null, query: CommunityPeriodQuery): Promise<VolunteersReport> {
    const { id: communityId } = await this.reportable(actor, query);
    return { communityId, ...(await this.reports.serviceIn(communityId, query.from, query.to)) };
  }

  /**
   * The community whose reports the actor asks for, once it may see them: every
   * report of the gateway asks this first, so other services need not.
   */
  async reportable(
    actor: Actor | null,
    { communityId, from, to }: CommunityPeriodQuery,
  ): Promise<ReportCommunity> {
    const current = await this.authority.current(actor);
    if (!canCoordinate(current, communityId)) {
      throw DomainError.forbidden('volunteers.reports.forbidden');
    }
    if (from > to) {
      throw DomainError.validation([fieldError('from', 'volunteers.reports.fromAfterTo')]);
    }
    const community = await this.communities.named(communityId);
    if (!community) throw DomainError.notFound('Community');
    return { id: community.id, code: community.code, name: community.name };
  }

  /** Verified service week by week (the weeks with some only). */
  async weekly(actor: Actor | null, query: CommunityPeriodQuery): Promise<VolunteersWeeklyReport> {
    const community = await this.reportable(actor, query);
    const weeks = await this.reports.serviceByWeek(community.id, query.from, query.to);
    return { community, weeks };
  }

  /** Every grid unit of the community with who lives there now. */
  async gridUnits(
    actor: Actor | null,
    query: CommunityPeriodQuery,
  ): Promise<VolunteersGridUnitReport> {
    const community = await this.reportable(actor, query);
    return { community, ...(await this.reports.membersByGridUnit(community.id)) };
  }
}
