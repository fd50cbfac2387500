import { Outbox, outboxEntry } from '@app/common';
import {
  RewardsEvents,
  VoucherClosedEvent,
  VoucherRedeemedEvent,
  VoucherStatus,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { OffersRepository } from '../offers/offers.repository';
import { TAKEN } from './voucher-stock';
import { VoucherEntity } from './vouchers.entity';

export type NewVoucher = Omit<
  VoucherEntity,
  'code' | 'status' | 'redeemedAt' | 'redeemedBy' | 'redeemKey' | 'cancelledAt' | 'expiredAt'
>;

export type RedemptionFailureReason =
  'malformed' | 'unknown' | 'other_merchant' | 'redeemed' | 'cancelled' | 'expired';

export interface RedemptionFailure {
  staffId: string;
  merchantId: string;
  codeTried: string;
  reason: RedemptionFailureReason;
  at: Date;
}

/** Vouchers taken from an offer: by anyone, and by one member. */
export interface Taken {
  taken: number;
  mine: number;
}

export interface Position {
  at: Date;
  id: string;
}

/** How many times a fresh code may collide with an existing one before giving up. */
const CODE_ATTEMPTS = 5;

@Injectable()
export class VouchersRepository {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  private get vouchers() {
    return this.manager.getRepository(VoucherEntity);
  }

  /** Runs `work` in one transaction, with the vouchers and the offers bound to it. */
  transaction<T>(
    work: (vouchers: VouchersRepository, offers: OffersRepository) => Promise<T>,
  ): Promise<T> {
    return this.manager.transaction((manager) =>
      work(new VouchersRepository(manager, this.outbox), new OffersRepository(manager)),
    );
  }

  findById(id: string): Promise<VoucherEntity | null> {
    return this.vouchers.findOneBy({ id });
  }

  findByCode(code: string): Promise<VoucherEntity | null> {
    return this.vouchers.findOneBy({ code });
  }

  findByRedeemKey(redeemKey: string): Promise<VoucherEntity | null> {
    return this.vouchers.findOneBy({ redeemKey });
  }

  /** Vouchers taken from each of these offers, by anyone and by `memberId`; none when absent. */
  async takenOf(offerIds: string[], memberId: string): Promise<(offerId: string) => Taken> {
    const rows =
      offerIds.length === 0
        ? []
        : await this.manager.query<Array<Taken & { offer_id: string }>>(
            `SELECT offer_id, count(*)::int AS taken,
                    count(*) FILTER (WHERE member_id = $2)::int AS mine
               FROM rewards.vouchers WHERE offer_id = ANY($1::uuid[]) AND ${TAKEN}
              GROUP BY offer_id`,
            [offerIds, memberId],
          );
    const byOffer = new Map(rows.map((r) => [r.offer_id, { taken: r.taken, mine: r.mine }]));
    return (offerId) => byOffer.get(offerId) ?? { taken: 0, mine: 0 };
  }

  /**
   * Stores an issued voucher under a code nobody has; a colliding code is
   * drawn again. Answers the stored voucher, or null when one with its id
   * exists already (the same claim, retried).
   */
  async insertIssued(voucher: NewVoucher, newCode: () => string): Promise<VoucherEntity | null> {
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const code = newCode();
      const inserted = await this.manager.query<unknown[]>(
        `INSERT INTO rewards.vouchers (id, offer_id, merchant_id, community_id, member_id,
           member_display_name, code, status, hold_id, offer_title, discount,
           credit_cost_minutes, expires_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'issued', $8, $9, $10, $11, $12, $13)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          voucher.id,
          voucher.offerId,
          voucher.merchantId,
          voucher.communityId,
          voucher.memberId,
          voucher.memberDisplayName,
          code,
          voucher.holdId,
          voucher.offerTitle,
          JSON.stringify(voucher.discount),
          voucher.creditCostMinutes,
          voucher.expiresAt,
          voucher.createdAt,
        ],
      );
      if (inserted.length > 0) return this.vouchers.findOneByOrFail({ id: voucher.id });
      if (await this.findById(voucher.id)) return null;
    }
    throw new Error(`no free voucher code after ${CODE_ATTEMPTS} draws`);
  }

  /**
   * Takes one merchant's redemptions in turn until the transaction ends, so
   * its failed attempts are counted exactly, whichever copy of the service answers.
   */
  async serialiseRedemptionsOf(merchantId: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `rewards.redeem:${merchantId}`,
    ]);
  }

  /**
   * For the staff member and for the merchant that has failed at least its
   * limit of times since `since`: when the limit-th latest of those failures
   * was (once it leaves the window, one more attempt fits). Empty: neither has.
   */
  async limitsReached(
    staffId: string,
    merchantId: string,
    since: Date,
    limits: { staff: number; merchant: number },
  ): Promise<Date[]> {
    const [row] = await this.manager.query<Array<{ staff: Date | null; merchant: Date | null }>>(
      `SELECT (SELECT attempted_at FROM rewards.redemption_failures
                WHERE staff_id = $1 AND attempted_at > $3
                ORDER BY attempted_at DESC OFFSET $4 - 1 LIMIT 1) AS staff,
              (SELECT attempted_at FROM rewards.redemption_failures
                WHERE merchant_id = $2 AND attempted_at > $3
                ORDER BY attempted_at DESC OFFSET $5 - 1 LIMIT 1) AS merchant`,
      [staffId, merchantId, since, limits.staff, limits.merchant],
    );
    return [row.staff, row.merchant]
      .filter((at): at is Date => at !== null)
      .map((at) => new Date(at));
  }

  async recordFailure(failure: RedemptionFailure): Promise<void> {
    await this.manager.query(
      `INSERT INTO rewards.redemption_failures (staff_id, merchant_id, code_tried, reason, attempted_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        failure.staffId,
        failure.merchantId,
        failure.codeTried.slice(0, 100),
        failure.reason,
        failure.at,
      ],
    );
  }

  /**
   * Redeems an issued, unexpired voucher, and announces it in the same
   * transaction. The condition is the guard: of two counters redeeming one
   * code at once, one updates the row and the other finds it redeemed.
   */
  async markRedeemed(
    id: string,
    staffId: string,
    redeemKey: string,
    at: Date,
  ): Promise<VoucherEntity | null> {
    const [rows] = await this.manager.query<[Array<{ id: string }>, number]>(
      `UPDATE rewards.vouchers
          SET status = 'redeemed', redeemed_at = $3, redeemed_by = $2, redeem_key = $4
        WHERE id = $1 AND status = 'issued' AND expires_at > $3
        RETURNING id`,
      [id, staffId, at, redeemKey],
    );
    if (rows.length === 0) return null;
    const voucher = await this.vouchers.findOneByOrFail({ id });
    const event: VoucherRedeemedEvent = {
      voucherId: voucher.id,
      holdId: voucher.holdId,
      offerId: voucher.offerId,
      merchantId: voucher.merchantId,
      memberId: voucher.memberId,
      minutes: voucher.creditCostMinutes,
      offerTitle: voucher.offerTitle,
      redeemedAt: at.toISOString(),
    };
    await this.outbox.add(this.manager, RewardsEvents.voucherRedeemed, event);
    return voucher;
  }

  /** Cancels the member's own issued voucher, announcing it; null when it is not theirs or not issued. */
  async markCancelled(id: string, memberId: string, at: Date): Promise<VoucherEntity | null> {
    const [rows] = await this.manager.query<[Array<{ id: string; hold_id: string }>, number]>(
      `UPDATE rewards.vouchers SET status = 'cancelled', cancelled_at = $3
        WHERE id = $1 AND member_id = $2 AND status = 'issued' AND expires_at > $3
        RETURNING id, hold_id`,
      [id, memberId, at],
    );
    if (rows.length === 0) return null;
    const event: VoucherClosedEvent = {
      voucherId: id,
      holdId: rows[0].hold_id,
      reason: 'cancelled',
    };
    await this.outbox.add(this.manager, RewardsEvents.voucherClosed, event);
    return this.vouchers.findOneByOrFail({ id });
  }

  /**
   * Marks up to `batch` issued vouchers that expire within `hours` and
   * announces each to its member, in one transaction. The mark and SKIP LOCKED
   * make it once per voucher, however many copies of the service run.
   */
  async warnExpiring(hours: number, batch: number): Promise<number> {
    return this.manager.transaction(async (manager) => {
      const [rows] = await manager.query<
        [Array<{ id: string; member_id: string; offer_title: string; expires_at: Date }>, number]
      >(
        `UPDATE rewards.vouchers SET expiry_warned_at = now()
          WHERE id IN (SELECT id FROM rewards.vouchers
                        WHERE status = 'issued' AND expiry_warned_at IS NULL
                          AND expires_at > now()
                          AND expires_at <= now() + make_interval(hours => $2)
                        ORDER BY expires_at
                        LIMIT $1
                        FOR UPDATE SKIP LOCKED)
          RETURNING id, member_id, offer_title, expires_at`,
        [batch, hours],
      );
      await this.outbox.addMany(
        manager,
        rows.map((row) =>
          outboxEntry(RewardsEvents.voucherExpiring, {
            voucherId: row.id,
            memberId: row.member_id,
            offerTitle: row.offer_title,
            expiresAt: row.expires_at.toISOString(),
          }),
        ),
      );
      return rows.length;
    });
  }

  /**
   * Expires up to `batch` issued vouchers past their expiry, announcing each in
   * the same transaction. SKIP LOCKED lets copies of the service run this side
   * by side: each voucher is expired, and announced, once.
   */
  async expireDue(batch: number): Promise<number> {
    return this.manager.transaction(async (manager) => {
      const [rows] = await manager.query<[Array<{ id: string; hold_id: string }>, number]>(
        `UPDATE rewards.vouchers SET status = 'expired', expired_at = now()
          WHERE status = 'issued'
            AND id IN (SELECT id FROM rewards.vouchers
                        WHERE status = 'issued' AND expires_at <= now()
                        ORDER BY expires_at
                        LIMIT $1
                        FOR UPDATE SKIP LOCKED)
          RETURNING id, hold_id`,
        [batch],
      );
      const closed: VoucherClosedEvent[] = rows.map((row) => ({
        voucherId: row.id,
        holdId: row.hold_id,
        reason: 'expired',
      }));
      await this.outbox.addMany(
        manager,
        closed.map((data) => ({ type: RewardsEvents.voucherClosed, data })),
      );
      return rows.length;
    });
  }

  /** A member's vouchers, newest first. */
  listOfMember(
    memberId: string,
    status: VoucherStatus | undefined,
    after: Position | null,
    limit: number,
  ): Promise<VoucherEntity[]> {
    const query = this.vouchers
      .createQueryBuilder('v')
      .where('v.member_id = :memberId', { memberId });
    if (status) query.andWhere('v.status = :status', { status });
    if (after) {
      query.andWhere('(v.created_at, v.id) < (:afterAt, :afterId)', {
        afterAt: after.at,
        afterId: after.id,
      });
    }
    return query.orderBy('v.created_at', 'DESC').addOrderBy('v.id', 'DESC').limit(limit).getMany();
  }

  /** A merchant's redeemed vouchers, latest first. */
  listRedeemedAt(
    merchantId: string,
    period: { start: Date | null; until: Date | null },
    after: Position | null,
    limit: number,
  ): Promise<VoucherEntity[]> {
    const query = this.vouchers
      .createQueryBuilder('v')
      .where('v.merchant_id = :merchantId', { merchantId })
      .andWhere(`v.status = 'redeemed'`);
    if (period.start) query.andWhere('v.redeemed_at >= :start', { start: period.start });
    if (period.until) query.andWhere('v.redeemed_at < :until', { until: period.until });
    if (after) {
      query.andWhere('(v.redeemed_at, v.id) < (:afterAt, :afterId)', {
        afterAt: after.at,
        afterId: after.id,
      });
    }
    return query.orderBy('v.redeemed_at', 'DESC').addOrderBy('v.id', 'DESC').limit(limit).getMany();
  }
}
