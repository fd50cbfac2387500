import { HoldStatus, TransferKind } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { RawTerms, termsOf, TransfersRepository } from '../transfers/transfers.repository';

export interface HoldRow {
  id: string;
  kind: TransferKind;
  fromAccountId: string;
  toAccountId: string | null;
  minutes: number;
  status: HoldStatus;
  postedMinutes: number | null;
  transferId: string | null;
  reference: string | null;
  memo: string | null;
  actorId: string | null;
  idempotencyKey: string;
  requestHash: string;
  resolveKey: string | null;
  resolveHash: string | null;
  expiresAt: Date | null;
  createdAt: Date;
  resolvedAt: Date | null;
  voidedBecause: 'owner-absent' | null;
}

interface RawHold extends RawTerms {
  to_account_id: string | null;
  status: HoldStatus;
  posted_minutes: string | null;
  transfer_id: string | null;
  resolve_key: string | null;
  resolve_hash: string | null;
  expires_at: Date | null;
  resolved_at: Date | null;
  voided_because: 'owner-absent' | null;
}

const HOLD_COLUMNS = `id, kind, from_account_id, to_account_id, minutes, status, posted_minutes,
  transfer_id, reference, memo, actor_id, idempotency_key, request_hash, resolve_key,
  resolve_hash, expires_at, created_at, resolved_at, voided_because`;

function toHoldRow(raw: RawHold): HoldRow {
  return {
    ...termsOf(raw),
    toAccountId: raw.to_account_id,
    status: raw.status,
    postedMinutes: raw.posted_minutes === null ? null : Number(raw.posted_minutes),
    transferId: raw.transfer_id,
    resolveKey: raw.resolve_key,
    resolveHash: raw.resolve_hash,
    expiresAt: raw.expires_at,
    resolvedAt: raw.resolved_at,
    voidedBecause: raw.voided_because,
  };
}

/** Keys of holds taken for a service's row (`hold|service|request:<id>…`, voucher, hours). */
const OWNED_HOLD_KEY = '^hold\\|service\\|(request|voucher|hours):';

@Injectable()
export class HoldsRepository {
  constructor(@InjectEntityManager() readonly manager: EntityManager) {}

  /**
   * Runs `work` in one transaction, with the holds and the ledger bound to it:
   * the caller's when `joined` is given (an event's consumer), else a new one.
   */
  transaction<T>(
    work: (holds: HoldsRepository, ledger: TransfersRepository) => Promise<T>,
    joined?: EntityManager,
  ): Promise<T> {
    const bound = (manager: EntityManager) =>
      work(new HoldsRepository(manager), new TransfersRepository(manager));
    return joined ? bound(joined) : this.manager.transaction(bound);
  }

  async findByKey(key: string): Promise<HoldRow | null> {
    const rows: RawHold[] = await this.manager.query(
      `SELECT ${HOLD_COLUMNS} FROM accounting.holds WHERE idempotency_key = $1`,
      [key],
    );
    return rows[0] ? toHoldRow(rows[0]) : null;
  }

  /** Reads and locks a hold; take it before any account lock. */
  async lock(id: string): Promise<HoldRow | null> {
    const rows: RawHold[] = await this.manager.query(
      `SELECT ${HOLD_COLUMNS} FROM accounting.holds WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? toHoldRow(rows[0]) : null;
  }

  /** Open holds past their expiry, locked; those another copy is expiring are skipped. */
  async lockDue(limit: number): Promise<HoldRow[]> {
    const rows: RawHold[] = await this.manager.query(
      `SELECT ${HOLD_COLUMNS} FROM accounting.holds
        WHERE status = 'open' AND expires_at <= now()
        ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map(toHoldRow);
  }

  /**
   * Open holds taken more than `graceMs` ago whose owner has not confirmed
   * them, unlocked: their owners are asked with no transaction open. Only holds
   * whose key names an owning row (see holdOwnerOf) are worth asking about.
   */
  async findUnconfirmed(graceMs: number, limit: number): Promise<HoldRow[]> {
    const rows: RawHold[] = await this.manager.query(
      `SELECT ${HOLD_COLUMNS} FROM accounting.holds
        WHERE status = 'open' AND owner_confirmed_at IS NULL
          AND created_at <= now() - make_interval(secs => $1 / 1000.0)
          AND idempotency_key ~ $2
        ORDER BY created_at LIMIT $3`,
      [graceMs, OWNED_HOLD_KEY, limit],
    );
    return rows.map(toHoldRow);
  }

  /**
   * Of these holds, those still open and unconfirmed, locked in id order;
   * those another transaction holds are skipped (the next sweep asks again).
   */
  async lockStillUnconfirmed(ids: string[]): Promise<HoldRow[]> {
    if (ids.length === 0) return [];
    const rows: RawHold[] = await this.manager.query(
      `SELECT ${HOLD_COLUMNS} FROM accounting.holds
        WHERE id = ANY($1::uuid[]) AND status = 'open' AND owner_confirmed_at IS NULL
        ORDER BY id FOR UPDATE SKIP LOCKED`,
      [ids],
    );
    return rows.map(toHoldRow);
  }

  /** The owners said these holds' rows exist: they are never asked about again. */
  async confirmOwners(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.manager.query(
      `UPDATE accounting.holds SET owner_confirmed_at = now() WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async insert(hold: HoldRow): Promise<void> {
    await this.manager.query(
      `INSERT INTO accounting.holds (${HOLD_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
         $19)`,
      [
        hold.id,
        hold.kind,
        hold.fromAccountId,
        hold.toAccountId,
        hold.minutes,
        hold.status,
        hold.postedMinutes,
        hold.transferId,
        hold.reference,
        hold.memo,
        hold.actorId,
        hold.idempotencyKey,
        hold.requestHash,
        hold.resolveKey,
        hold.resolveHash,
        hold.expiresAt,
        hold.createdAt,
        hold.resolvedAt,
        hold.voidedBecause,
      ],
    );
  }

  /** Records how holds were resolved (each must be locked by this transaction). */
  async saveResolutions(holds: HoldRow[]): Promise<void> {
    if (holds.length === 0) return;
    await this.manager.query(
      `UPDATE accounting.holds AS h
          SET status = v.status, posted_minutes = v.posted_minutes, transfer_id = v.transfer_id,
              to_account_id = v.to_account_id, resolve_key = v.resolve_key,
              resolve_hash = v.resolve_hash, resolved_at = v.resolved_at,
              voided_because = v.voided_because
         FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::uuid[], $5::uuid[], $6::text[],
                     $7::text[], $8::timestamptz[], $9::text[])
           AS v (id, status, posted_minutes, transfer_id, to_account_id, resolve_key,
                 resolve_hash, resolved_at, voided_because)
        WHERE h.id = v.id`,
      [
        holds.map((h) => h.id),
        holds.map((h) => h.status),
        holds.map((h) => h.postedMinutes),
        holds.map((h) => h.transferId),
        holds.map((h) => h.toAccountId),
        holds.map((h) => h.resolveKey),
        holds.map((h) => h.resolveHash),
        holds.map((h) => h.resolvedAt?.toISOString() ?? null),
        holds.map((h) => h.voidedBecause),
      ],
    );
  }
}
