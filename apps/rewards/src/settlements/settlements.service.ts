import { DomainError, ErrorCode, fieldError, fingerprint, idempotencyMismatch } from '@app/common';
import { isUUID } from 'class-validator';
import {
  Actor,
  canCoordinate,
  CreateSettlementCommand,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  MerchantSettlementsQuery,
  SettlementPage,
  TransferView,
} from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { MerchantsRepository } from '../merchants/merchants.repository';
import { mayManageMerchant } from '../offers/offer-rules';
import { LedgerClient } from '../peers/ledger.client';
import { VolunteersDirectory } from '../peers/volunteers.directory';
import { settlementIdFor } from '../vouchers/voucher-keys';
import { SettlementsRepository } from './settlements.repository';

@Injectable()
export class SettlementsService {
  private readonly logger = new Logger('SettlementsService');

  constructor(
    private readonly settlements: SettlementsRepository,
    private readonly merchants: MerchantsRepository,
    private readonly ledger: LedgerClient,
    private readonly volunteers: VolunteersDirectory,
  ) {}

  /** What a merchant was paid back, newest first: for its staff and coordinators in scope. */
  async list(
    actor: Actor | null,
    { merchantId, cursor, limit: asked }: MerchantSettlementsQuery,
  ): Promise<SettlementPage> {
    if (!actor) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
    const merchant = await this.merchants.findById(merchantId);
    if (!merchant) throw DomainError.notFound('Merchant');
    if (!mayManageMerchant(actor, merchant)) {
      throw DomainError.forbidden('rewards.settlements.forbidden');
    }
    const after = decodeCursor<{ t: string; i: string }>(cursor, ['t', 'i']);
    // A forged id or time must be refused here: PostgreSQL would fail on it.
    if (after === null || (after && (Number.isNaN(Date.parse(after.t)) || !isUUID(after.i)))) {
      throw DomainError.validation([fieldError('cursor', 'field.badCursor')]);
    }
    const limit = asked ?? DEFAULT_PAGE_SIZE;
    const rows = await this.settlements.listOfMerchant(
      merchantId,
      after ? { at: new Date(after.t), id: after.i } : null,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const names = await this.namesOf(page.map((s) => s.createdBy));
    const last = page[page.length - 1];
    return {
      items: page.map((s) => ({
        settlementId: s.id,
        transferId: s.transfer.transferId,
        merchantId: s.merchantId,
        communityId: s.communityId,
        minutes: s.minutes,
        memo: s.transfer.memo,
        settledAt: s.transfer.at,
        settledBy: { id: s.createdBy, displayName: names.get(s.createdBy) ?? '' },
      })),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ t: last.createdAt.toISOString(), i: last.id })
          : null,
    };
  }

  /**
   * A coordinator pays a merchant's credits back to its community fund: the
   * minutes named, or all it has. Nothing to settle is 409 INSUFFICIENT_CREDITS,
   * as the ledger answers for a named amount the merchant does not have.
   */
  async settle(
    actor: Actor | null,
    { merchantId, idempotencyKey, settlement }: CreateSettlementCommand,
  ): Promise<TransferView> {
    if (!actor) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
    const merchant = await this.merchants.findById(merchantId);
    if (!merchant) throw DomainError.notFound('Merchant');
    if (!canCoordinate(actor, merchant.communityId)) {
      throw DomainError.forbidden('rewards.settle.forbidden');
    }
    // Whatever the role says today: one of its staff settling is the merchant paying itself out.
    if (actor.merchantId === merchant.id) {
      throw DomainError.forbidden('rewards.settle.ownStaff');
    }
    const id = settlementIdFor(idempotencyKey);
    const content = fingerprint(
      {
        merchantId,
        minutes: settlement.minutes,
        memo: settlement.memo,
      },
      'fields-hex',
    );
    const earlier = await this.settlements.findById(id);
    if (earlier) {
      if (earlier.fingerprint !== content) {
        throw idempotencyMismatch();
      }
      return earlier.transfer;
    }
    let minutes = settlement.minutes;
    if (minutes === undefined) {
      const account = await this.ledger.account({ type: 'merchant', id: merchantId });
      minutes = account.availableMinutes;
      if (minutes <= 0) {
        throw DomainError.of(
          ErrorCode.INSUFFICIENT_CREDITS,
          'rewards.settle.nothing',
          {},
          { availableMinutes: account.availableMinutes },
        );
      }
    }
    const transfer = await this.ledger.createTransfer({
      idempotencyKey: `settlement:${id}`,
      kind: 'settlement',
      from: { type: 'merchant', id: merchantId },
      to: { type: 'community_fund', id: merchant.communityId },
      minutes,
      reference: `settlement:${id}`,
      memo: settlement.memo ?? `Settlement: ${merchant.name}`.slice(0, 500),
    });
    await this.settlements.insertIfAbsent({
      id,
      merchantId,
      communityId: merchant.communityId,
      minutes,
      fingerprint: content,
      transfer,
      createdBy: actor.memberId,
      createdAt: new Date(),
    });
    return transfer;
  }

  /** The names of the staff who settled (one question for the page); '' while the directory is away. */
  private async namesOf(memberIds: string[]): Promise<Map<string, string>> {
    try {
      const members = await this.volunteers.lookupMany([...new Set(memberIds)]);
      return new Map(members.map((member) => [member.id, member.displayName]));
    } catch (error) {
      this.logger.warn(`could not name the settling staff: ${(error as Error).message}`);
      return new Map();
    }
  }
}
