import { MemberRights } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/** Longer than an access token lives (15 minutes), with room for clocks. */
const ENDED_SESSIONS_WINDOW_SECONDS = 20 * 60;

/** Members' rights: read for every command, and moved on when earlier tokens must stop working. */
@Injectable()
export class RightsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The same repository inside a caller's transaction. */
  static in(manager: EntityManager): RightsRepository {
    return new RightsRepository(manager);
  }

  async find(memberId: string): Promise<MemberRights | null> {
    // Sessions ended longer ago than an access token lives have no live tokens left.
    const [row] = await this.manager.query<MemberRights[]>(
      `SELECT m.id AS "memberId", m.rights_version AS "rightsVersion", m.status, m.roles,
              m.community_id AS "communityId", m.coordinator_of AS "coordinatorOf",
              m.merchant_id AS "merchantId", m.must_change_password AS "mustChangePassword",
              ARRAY(SELECT DISTINCT t.family_id::text FROM volunteers.refresh_tokens t
                     WHERE t.member_id = m.id AND t.ended_at > now() - make_interval(secs => $2))
                AS "endedSessions"
         FROM volunteers.members m WHERE m.id = $1`,
      [memberId, ENDED_SESSIONS_WINDOW_SECONDS],
    );
    return row ?? null;
  }

  /** Every access token issued before this stops working (announce it after commit). */
  async moveOn(memberId: string): Promise<void> {
    await this.manager.query(
      'UPDATE volunteers.members SET rights_version = rights_version + 1 WHERE id = $1',
      [memberId],
    );
  }
}
