import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

/** What the requests service keeps of a member: enough to name them and, for parties, call them. */
export interface MemberName {
  memberId: string;
  displayName: string;
  phone: string | null;
  /** The member row's version at the source. */
  asOf: Date;
}

@Injectable()
export class MemberNamesRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /**
   * Stores the copy unless a newer one is there already: events of one member
   * may arrive in any order (created and updated have consumers of their own).
   */
  async keep(name: MemberName, manager: EntityManager = this.manager): Promise<void> {
    await manager.query(
      `INSERT INTO requests.member_names (member_id, display_name, phone, as_of)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (member_id) DO UPDATE
         SET display_name = EXCLUDED.display_name, phone = EXCLUDED.phone, as_of = EXCLUDED.as_of
       WHERE requests.member_names.as_of <= EXCLUDED.as_of`,
      [name.memberId, name.displayName, name.phone, name.asOf],
    );
  }

  async namesOf(memberIds: string[]): Promise<Map<string, MemberName>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.manager.query<
      Array<{ member_id: string; display_name: string; phone: string | null; as_of: Date }>
    >(
      `SELECT member_id, display_name, phone, as_of FROM requests.member_names
        WHERE member_id = ANY($1::uuid[])`,
      [[...new Set(memberIds)]],
    );
    return new Map(
      rows.map((r) => [
        r.member_id,
        { memberId: r.member_id, displayName: r.display_name, phone: r.phone, asOf: r.as_of },
      ]),
    );
  }
}
