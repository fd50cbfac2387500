import { DomainError, fieldError, ErrorCode } from '@app/common';
import {
  Actor,
  AdjustmentCommand,
  AllocationCommand,
  canCoordinate,
  CreateTransferCommand,
  GiftCommand,
  hasRole,
  ReverseCommand,
  TransferView,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountsService, requireActor } from '../accounts/accounts.service';
import { giftRecipient } from './gift-recipient';
import { ownerKey, requestHash, scopedKey } from './idempotency';
import { TransferBatcher, TransferRequest } from './transfer-batcher';
import { TransfersRepository } from './transfers.repository';

@Injectable()
export class TransfersService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly batcher: TransferBatcher,
    private readonly transfers: TransfersRepository,
  ) {}

  /** A member gives credits to another member (family, within the daily allowance). */
  async gift(actor: Actor | null, { idempotencyKey, gift }: GiftCommand): Promise<TransferView> {
    const giver = requireActor(actor);
    const recipient = giftRecipient(gift);
    const toMemberId =
      recipient.field === 'toMemberId'
        ? recipient.memberId
        : await this.accounts.memberIdBy(
            recipient.field === 'toPhone'
              ? { phone: recipient.phone }
              : { cardNumber: recipient.cardNumber },
          );
    if (toMemberId === giver.memberId) {
      throw DomainError.validation([
        {
          ...fieldError(recipient.field, 'credits.giftToSelf'),
        },
      ]);
    }
    // The ids only (remembered after the first): the batch reads the accounts under their locks.
    const from = await this.accounts.resolveId({ type: 'member', id: giver.memberId });
    const to = await this.accounts.resolveId({ type: 'member', id: toMemberId });
    const memo = gift.memo ?? null;
    return this.batcher.submit({
      ...plain('gift', from, to, gift.minutes, null, memo, giver.memberId),
      key: scopedKey('gift', giver.memberId, idempotencyKey),
      // The member, however named: the same gift by phone and by card is the same request.
      hash: requestHash({ toMemberId, minutes: gift.minutes, memo }),
      giftAllowance: true,
    });
  }

  /** A correction by an admin or a coordinator of the member's community, against its fund. */
  async adjust(
    actor: Actor | null,
    { idempotencyKey, memberId, adjustment }: AdjustmentCommand,
  ): Promise<TransferView> {
    const staff = requireActor(actor);
    if (!hasRole(staff, 'admin', 'coordinator')) {
      throw DomainError.forbidden('credits.adjustForbidden');
    }
    // Four eyes, in both directions: a credit is self-dealing, and a debit moves the
    // member's credits into the fund its coordinator spends from (or undoes a correction
    // someone else made). Another coordinator or an admin corrects a staff member's account.
    if (memberId === staff.memberId) {
      throw DomainError.forbidden('credits.adjustOwn');
    }
    const member = await this.accounts.member(memberId);
    if (!canCoordinate(staff, member.communityId)) {
      throw DomainError.forbidden('credits.adjustScope');
    }
    if (member.communityId === null) {
      throw DomainError.validation([fieldError('memberId', 'credits.memberNoFund')]);
    }
    const fund = await this.accounts.resolve({ type: 'community_fund', id: member.communityId });
    const minutes = Math.abs(adjustment.minutes);
    const [from, to] = adjustment.minutes > 0 ? [fund.id, member.id] : [member.id, fund.id];
    return this.batcher.submit({
      ...plain('adjustment', from, to, minutes, null, adjustment.reason, staff.memberId),
      key: scopedKey('adjustment', staff.memberId, idempotencyKey),
      hash: requestHash({ memberId, minutes: adjustment.minutes, reason: adjustment.reason }),
    });
  }

  /** The city issues credits into a community's fund (admins). */
  async allocate(
    actor: Actor | null,
    { idempotencyKey, communityId, allocation }: AllocationCommand,
  ): Promise<TransferView> {
    const admin = requireActor(actor);
    if (!hasRole(admin, 'admin')) throw DomainError.forbidden('credits.allocateForbidden');
    const issuance = await this.accounts.resolveId({ type: 'issuance' });
    const fund = await this.accounts.resolve({ type: 'community_fund', id: communityId });
    const memo = allocation.memo ?? null;
    return this.batcher.submit({
      ...plain('allocation', issuance, fund.id, allocation.minutes, null, memo, admin.memberId),
      key: scopedKey('allocation', admin.memberId, idempotencyKey),
      hash: requestHash({ communityId, minutes: allocation.minutes, memo }),
    });
  }

  /** Undoes a transfer with one pointing back at it; a transfer is reversed at most once. */
  async reverse(
    actor: Actor | null,
    { idempotencyKey, transferId, reason }: ReverseCommand,
  ): Promise<TransferView> {
    const admin = requireActor(actor);
    if (!hasRole(admin, 'admin')) throw DomainError.forbidden('credits.reverseForbidden');
    const original = await this.transfers.findById(transferId);
    if (!original) throw DomainError.notFound('Transfer');
    if (original.kind === 'reversal') {
      throw DomainError.of(ErrorCode.INVALID_STATE, 'credits.reverseReversal');
    }
    // As with adjustments, either side: undoing one's own gift pays oneself back, and
    // undoing a credit one received is a correction of one's own account.
    const own = await this.accounts.memberAccountIdIfAny(admin.memberId);
    if (own !== null && (original.fromAccountId === own || original.toAccountId === own)) {
      throw DomainError.forbidden('credits.reverseOwn');
    }
    return this.batcher.submit({
      ...plain(
        'reversal',
        original.toAccountId,
        original.fromAccountId,
        original.minutes,
        original.reference,
        reason,
        admin.memberId,
      ),
      key: scopedKey('reverse', admin.memberId, idempotencyKey),
      hash: requestHash({ transferId, reason }),
      reverses: { transferId: original.id, kind: original.kind },
    });
  }

  /**
   * The ledger's own command, for other services: any kind but reversal, between
   * any owners. Inside the caller's transaction when `joined` is given (an
   * event's consumer): then it is not batched, it commits with the caller's work.
   */
  async create(command: CreateTransferCommand, joined?: EntityManager): Promise<TransferView> {
    if (command.kind === 'reversal') {
      throw DomainError.validation([fieldError('kind', 'credits.reversalSubject')]);
    }
    const from = await this.accounts.resolveId(command.from, joined);
    const to = await this.accounts.resolveId(command.to, joined);
    if (from === to) {
      throw DomainError.validation([fieldError('to', 'credits.otherAccount')]);
    }
    const reference = command.reference ?? null;
    const memo = command.memo ?? null;
    const request: TransferRequest = {
      ...plain(command.kind, from, to, command.minutes, reference, memo, null),
      details: command.details ?? null,
      key: scopedKey('transfer', null, command.idempotencyKey),
      hash: requestHash({
        kind: command.kind,
        from: ownerKey(command.from),
        to: ownerKey(command.to),
        minutes: command.minutes,
        reference,
        memo,
      }),
    };
    return joined ? this.batcher.commitWithin(joined, request) : this.batcher.submit(request);
  }
}

function plain(
  kind: TransferRequest['kind'],
  fromAccountId: string,
  toAccountId: string,
  minutes: number,
  reference: string | null,
  memo: string | null,
  actorId: string | null,
): Omit<TransferRequest, 'key' | 'hash'> {
  return {
    kind,
    fromAccountId,
    toAccountId,
    minutes,
    reference,
    memo,
    actorId,
    giftAllowance: false,
    reverses: null,
  };
}
