import { DomainError, fieldError } from '@app/common';
import { Actor, canCoordinate, CommunityPeriodQuery, VolunteersReport } from '@app/contracts';
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
  async community(
    actor: Actor | null,
    { communityId, from, to }: CommunityPeriodQuery,
  ): Promise<VolunteersReport> {
    const current = await this.authority.current(actor);
    if (!canCoordinate(current, communityId)) {
      throw DomainError.forbidden('volunteers.reports.forbidden');
    }
    if (from > to) {
      throw DomainError.validation([fieldError('from', 'volunteers.reports.fromAfterTo')]);
    }
    if (!(await this.communities.exists(communityId))) throw DomainError.notFound('Community');
    return { communityId, ...(await this.reports.serviceIn(communityId, from, to)) };
  }
}
