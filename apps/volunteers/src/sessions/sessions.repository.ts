import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

export interface RefreshTokenRow {
  id: string;
  memberId: string;
  /** The session: every refresh token one sign-in rotates through shares it. */
  familyId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  replacedBy: string | null;
  endedAt: Date | null;
}

const COLUMNS = `id, member_id AS "memberId", family_id AS "familyId", expires_at AS "expiresAt",
                 revoked_at AS "revokedAt", replaced_by AS "replacedBy", ended_at AS "endedAt"`;

@Injectable()
export class SessionsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** Runs `work` in one transaction, against a repository bound to it. */
  transaction<T>(
    work: (sessions: SessionsRepository, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.manager.transaction((manager) => work(new SessionsRepository(manager), manager));
  }

  async insert(
    memberId: string,
    familyId: string,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<string> {
    const [row] = await this.manager.query<Array<{ id: string }>>(
      `INSERT INTO volunteers.refresh_tokens (member_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [memberId, familyId, tokenHash, expiresAt],
    );
    return row.id;
  }

  /** The token with this hash, locked until the transaction ends. */
  async lockByHash(tokenHash: string): Promise<RefreshTokenRow | null> {
    const [row] = await this.manager.query<RefreshTokenRow[]>(
      `SELECT ${COLUMNS} FROM volunteers.refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return row ?? null;
  }

  /** A token used for a refresh: `replacedBy` is the one handed out instead. */
  async revoke(id: string, replacedBy: string): Promise<void> {
    await this.manager.query(
      `UPDATE volunteers.refresh_tokens SET revoked_at = now(), replaced_by = $2
        WHERE id = $1 AND revoked_at IS NULL`,
      [id, replacedBy],
    );
  }

  /** Ends one session: its refresh token stops working and its access tokens are void. */
  async end(familyId: string): Promise<void> {
    await this.manager.query(
      `UPDATE volunteers.refresh_tokens
          SET revoked_at = coalesce(revoked_at, now()), ended_at = now()
        WHERE family_id = $1 AND ended_at IS NULL`,
      [familyId],
    );
  }

  /** Ends every session of a member, but `keep` (the one asking) when given. */
  async endAllOf(memberId: string, keep: string | null = null): Promise<void> {
    await this.manager.query(
      `UPDATE volunteers.refresh_tokens
          SET revoked_at = coalesce(revoked_at, now()), ended_at = now()
        WHERE member_id = $1 AND ended_at IS NULL AND family_id IS DISTINCT FROM $2`,
      [memberId, keep],
    );
  }
}
