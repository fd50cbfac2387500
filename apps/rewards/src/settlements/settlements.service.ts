import { DomainError, ErrorCode } from '@app/common';
import { Actor, canCoordinate, CreateSettlementCommand, TransferView } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { MerchantsRepository } from '../merchants/merchants.repository';
import { LedgerClient } from '../peers/ledger.client';
import { fingerprint, settlementIdFor } from '../vouchers/voucher-keys';
import { SettlementsRepository } from './settlements.repository';

@Injectable()
export class SettlementsService {
  constructor(
    private readonly settlements: SettlementsRepository,
    private readonly merchants: MerchantsRepository,
    private readonly ledger: LedgerClient,
  ) {}

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
    const content = fingerprint({
      merchantId,
      minutes: settlement.minutes,
      memo: settlement.memo,
    });
    const earlier = await this.settlements.findById(id);
    if (earlier) {
      if (earlier.fingerprint !== content) {
        throw DomainError.of(ErrorCode.IDEMPOTENCY_MISMATCH, 'rewards.idempotencyMismatch');
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
}
