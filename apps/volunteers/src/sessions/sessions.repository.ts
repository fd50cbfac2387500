import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

export interface RefreshTokenRow {
  id: string;
  memberId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  replacedBy: string | null;
}

const COLUMNS = `id, member_id AS "memberId", expires_at AS "expiresAt",
                 revoked_at AS "revokedAt", replaced_by AS "replacedBy"`;

@Injectable()
export class SessionsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** Runs `work` in one transaction, against a repository bound to it. */
  transaction<T>(work: (sessions: SessionsRepository) => Promise<T>): Promise<T> {
    return this.manager.transaction((manager) => work(new SessionsRepository(manager)));
  }

  async insert(memberId: string, tokenHash: string, expiresAt: Date): Promise<string> {
    const [row] = await this.manager.query<Array<{ id: string }>>(
      `INSERT INTO volunteers.refresh_tokens (member_id, token_hash, expires_at)
       VALUES ($1, $2, $3) RETURNING id`,
      [memberId, tokenHash, expiresAt],
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

  async revoke(id: string, replacedBy: string | null = null): Promise<void> {
    await this.manager.query(
      `UPDATE volunteers.refresh_tokens SET revoked_at = now(), replaced_by = $2
        WHERE id = $1 AND revoked_at IS NULL`,
      [id, replacedBy],
    );
  }

  /** Ends every session of a member (a replayed token means one was stolen). */
  async revokeAllOf(memberId: string): Promise<void> {
    await this.manager.query(
      `UPDATE volunteers.refresh_tokens SET revoked_at = now()
        WHERE member_id = $1 AND revoked_at IS NULL`,
      [memberId],
    );
  }
}
