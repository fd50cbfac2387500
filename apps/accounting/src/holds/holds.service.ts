import {
  DomainError,
  fieldError,
  idempotencyMismatch,
  ErrorCode,
  Outbox,
  outboxEntry,
  pgError,
  UNIQUE_VIOLATION,
} from '@app/common';
import {
  AccountingEvents,
  CreateHoldCommand,
  HoldChangedEvent,
  HoldView,
  PostHoldCommand,
  SettleHoldCommand,
  VoidHoldCommand,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { ownerKey, requestHash, scopedKey } from '../transfers/idempotency';
import { AccountState, release, reserve } from '../transfers/ledger-rules';
import { accountRef } from '../transfers/transfer-views';
import { TransferWriter } from '../transfers/transfer-writer';
import { TransfersRepository } from '../transfers/transfers.repository';
import { HoldRow, HoldsRepository } from './holds.repository';

/** What a hold's view and its events both begin with. */
function holdFigures(hold: HoldRow) {
  return {
    holdId: hold.id,
    kind: hold.kind,
    status: hold.status,
    minutes: hold.minutes,
    postedMinutes: hold.postedMinutes,
  };
}

export function toHoldView(hold: HoldRow): HoldView {
  return {
    ...holdFigures(hold),
    fromAccountId: hold.fromAccountId,
    toAccountId: hold.toAccountId,
    reference: hold.reference,
    expiresAt: hold.expiresAt?.toISOString() ?? null,
    transferId: hold.transferId,
    createdAt: hold.createdAt.toISOString(),
    voidedBecause: hold.voidedBecause,
  };
}

function holdChanged(hold: HoldRow, accounts: Map<string, AccountState>): HoldChangedEvent {
  const to = hold.toAccountId ? accounts.get(hold.toAccountId) : undefined;
  return {
    ...holdFigures(hold),
    from: accountRef(accounts.get(hold.fromAccountId) as AccountState),
    to: to ? accountRef(to) : null,
    reference: hold.reference,
    transferId: hold.transferId,
    at: (hold.resolvedAt ?? hold.createdAt).toISOString(),
    ...(hold.voidedBecause && { voidedBecause: hold.voidedBecause }),
  };
}

const EVENT_OF_STATUS = {
  open: AccountingEvents.holdCreated,
  posted: AccountingEvents.holdPosted,
  voided: AccountingEvents.holdVoided,
  expired: AccountingEvents.holdVoided,
} as const;

/**
 * Retries once when another copy committed the same key between our read and
 * our write — not inside a caller's transaction (`joined`): the violation has
 * aborted it, so it fails and its event is delivered again.
 */
async function onceMoreOnDuplicate<T>(work: () => Promise<T>, joined?: EntityManager): Promise<T> {
  if (joined) return work();
  try {
    return await work();
  } catch (error) {
    if (pgError(error).code !== UNIQUE_VIOLATION) throw error;
    return work();
  }
}

/**
 * What posting `hold` pays and to whom: the minutes asked for (all of it when
 * not said) to the recipient named now or when it was taken. Refuses what the
 * hold does not allow.
 */
function payoutOf(
  hold: HoldRow,
  command: PostHoldCommand,
  namedTo: string | null,
): { minutes: number; toAccountId: string | null } {
  if (hold.status !== 'open') {
    throw DomainError.of(ErrorCode.INVALID_STATE, 'credits.holdAlready', { status: hold.status });
  }
  const minutes = command.minutes ?? hold.minutes;
  if (minutes > hold.minutes) {
    throw DomainError.validation([
      fieldError('minutes', 'credits.holdMinutes', { heldMinutes: hold.minutes }),
    ]);
  }
  if (namedTo && hold.toAccountId && namedTo !== hold.toAccountId) {
    throw DomainError.validation([fieldError('to', 'credits.holdOtherRecipient')]);
  }
  const toAccountId = namedTo ?? hold.toAccountId;
  if (minutes > 0 && !toAccountId) {
    throw DomainError.validation([fieldError('to', 'credits.holdNoRecipient')]);
  }
  if (toAccountId === hold.fromAccountId) {
    throw DomainError.validation([fieldError('to', 'credits.holdPayer')]);
  }
  return { minutes, toAccountId };
}

/** Holds reserve credits now (a voucher, a help request's estimate) and are posted or voided later. */
@Injectable()
export class HoldsService {
  constructor(
    private readonly holds: HoldsRepository,
    private readonly accounts: AccountsService,
    private readonly writer: TransferWriter,
    private readonly outbox: Outbox,
  ) {}

  async create(command: CreateHoldCommand): Promise<HoldView> {
    if (command.kind === 'reversal') {
      throw DomainError.validation([fieldError('kind', 'credits.holdReversal')]);
    }
    const fromId = await this.accounts.resolveId(command.from);
    const toId = command.to ? await this.accounts.resolveId(command.to) : null;
    if (fromId === toId) {
      throw DomainError.validation([fieldError('to', 'credits.otherAccount')]);
    }
    const expiresAt = command.expiresAt ? new Date(command.expiresAt) : null;
    const key = scopedKey('hold', null, command.idempotencyKey);
    // What the hold reserves, not until when: callers compute the expiry from their
    // clock, so the same hold asked for twice (a retry, or two approvals of one log at
    // once) names two instants. The first ask sets it; a later one gets that hold back.
    const hash = requestHash({
      kind: command.kind,
      from: ownerKey(command.from),
      to: command.to ? ownerKey(command.to) : null,
      minutes: command.minutes,
      reference: command.reference ?? null,
      memo: command.memo ?? null,
    });
    return onceMoreOnDuplicate(() =>
      this.holds.transaction(async (holds, ledger) => {
        const done = await holds.findByKey(key);
        if (done) {
          if (done.requestHash !== hash) throw idempotencyMismatch();
          return toHoldView(done);
        }
        const accounts = await ledger.lockAccounts(toId ? [fromId, toId] : [fromId]);
        const from = accounts.get(fromId) as AccountState;
        const refusal = reserve(from, command.minutes);
        if (refusal) throw refusal;
        const hold: HoldRow = {
          id: randomUUID(),
          kind: command.kind,
          fromAccountId: fromId,
          toAccountId: toId,
          minutes: command.minutes,
          status: 'open',
          postedMinutes: null,
          transferId: null,
          reference: command.reference ?? null,
          memo: command.memo ?? null,
          actorId: null,
          idempotencyKey: key,
          requestHash: hash,
          resolveKey: null,
          resolveHash: null,
          expiresAt,
          createdAt: new Date(),
          resolvedAt: null,
          voidedBecause: null,
        };
        await holds.insert(hold);
        await ledger.saveAccounts([from]);
        await this.outbox.add(
          ledger.manager,
          AccountingEvents.holdCreated,
          holdChanged(hold, accounts),
        );
        return toHoldView(hold);
      }),
    );
  }

  /**
   * Pays up to the held minutes to the recipient; what is not paid is released.
   * Inside the caller's transaction when `joined` is given (an event's consumer).
   */
  async post(command: PostHoldCommand, joined?: EntityManager): Promise<HoldView> {
    const namedTo = command.to ? await this.accounts.resolveId(command.to, joined) : null;
    const key = scopedKey('hold.post', null, command.idempotencyKey);
    const hash = requestHash({
      holdId: command.holdId,
      minutes: command.minutes ?? null,
      to: command.to ? ownerKey(command.to) : null,
      memo: command.memo ?? null,
    });
    return onceMoreOnDuplicate(
      () =>
        this.holds.transaction(async (holds, ledger) => {
          const hold = await holds.lock(command.holdId);
          if (!hold) throw DomainError.notFound('Hold');
          if (hold.resolveKey === key) {
            if (hold.resolveHash !== hash) throw idempotencyMismatch();
            return toHoldView(hold);
          }
          const { minutes, toAccountId } = payoutOf(hold, command, namedTo);
          const accounts = await ledger.lockAccounts(
            toAccountId ? [hold.fromAccountId, toAccountId] : [hold.fromAccountId],
          );
          const now = new Date();
          const pending = this.writer.begin(ledger, accounts, now);
          if (toAccountId && minutes > 0) {
            const transfer = pending.post({
              kind: hold.kind,
              fromAccountId: hold.fromAccountId,
              toAccountId,
              minutes,
              reference: hold.reference,
              memo: command.memo ?? hold.memo,
              actorId: null,
              idempotencyKey: key,
              requestHash: hash,
              reversesTransferId: null,
              holdId: hold.id,
              // What the hold reserved and does not pay is released with the payment.
              releasesHeldMinutes: hold.minutes,
              unearns: false,
              details: command.details ?? null,
            });
            if (transfer instanceof DomainError) throw transfer;
            hold.transferId = transfer.id;
          } else {
            release(accounts.get(hold.fromAccountId) as AccountState, hold.minutes);
            await ledger.saveAccounts([...accounts.values()]);
          }
          Object.assign(hold, {
            status: 'posted',
            postedMinutes: minutes,
            toAccountId,
            resolveKey: key,
            resolveHash: hash,
            resolvedAt: now,
          });
          // The transfer comes first: the hold points at it.
          await pending.write(
            outboxEntry(AccountingEvents.holdPosted, holdChanged(hold, accounts)),
          );
          await holds.saveResolutions([hold]);
          return toHoldView(hold);
        }, joined),
      joined,
    );
  }

  /**
   * Pays several recipients from one hold at once (an activity's attendances),
   * one `service` transfer each carrying its details, releases the rest and
   * marks the hold posted, all in the caller's transaction when `joined` is
   * given. Settling again with the same key answers the same and pays nothing.
   */
  async settle(command: SettleHoldCommand, joined?: EntityManager): Promise<HoldView> {
    const recipients = await Promise.all(
      command.payments.map((p) => this.accounts.resolveId(p.to, joined)),
    );
    const key = scopedKey('hold.settle', null, command.idempotencyKey);
    const hash = requestHash({
      holdId: command.holdId,
      payments: command.payments.map((p) => ({ to: ownerKey(p.to), minutes: p.minutes })),
    });
    return this.holds.transaction(async (holds, ledger) => {
      const hold = await holds.lock(command.holdId);
      if (!hold) throw DomainError.notFound('Hold');
      if (hold.resolveKey === key) {
        if (hold.resolveHash !== hash) throw idempotencyMismatch();
        return toHoldView(hold);
      }
      if (hold.status !== 'open') {
        throw DomainError.of(ErrorCode.INVALID_STATE, 'credits.holdAlready', {
          status: hold.status,
        });
      }
      const total = command.payments.reduce((sum, p) => sum + p.minutes, 0);
      if (total > hold.minutes || recipients.includes(hold.fromAccountId)) {
        throw DomainError.validation([
          fieldError('payments', 'credits.holdMinutes', { heldMinutes: hold.minutes }),
        ]);
      }
      const accounts = await ledger.lockAccounts([hold.fromAccountId, ...recipients]);
      const now = new Date();
      const pending = this.writer.begin(ledger, accounts, now);
      command.payments.forEach((payment, i) => {
        const transfer = pending.post({
          kind: hold.kind,
          fromAccountId: hold.fromAccountId,
          toAccountId: recipients[i],
          minutes: payment.minutes,
          reference: hold.reference,
          memo: payment.memo ?? hold.memo,
          actorId: null,
          idempotencyKey: `${key}|${i}`,
          requestHash: hash,
          reversesTransferId: null,
          // A transfer names at most one hold, and a hold one transfer: the first payment.
          holdId: i === 0 ? hold.id : null,
          // The first payment releases the whole hold; the next ones pay from what it freed.
          releasesHeldMinutes: i === 0 ? hold.minutes : 0,
          unearns: false,
          details: payment.details ?? null,
        });
        if (transfer instanceof DomainError) throw transfer;
        if (i === 0) hold.transferId = transfer.id;
      });
      if (command.payments.length === 0) {
        release(accounts.get(hold.fromAccountId) as AccountState, hold.minutes);
        await ledger.saveAccounts([accounts.get(hold.fromAccountId) as AccountState]);
      }
      Object.assign(hold, {
        status: 'posted',
        postedMinutes: total,
        resolveKey: key,
        resolveHash: hash,
        resolvedAt: now,
      });
      await pending.write(outboxEntry(AccountingEvents.holdPosted, holdChanged(hold, accounts)));
      await holds.saveResolutions([hold]);
      return toHoldView(hold);
    }, joined);
  }

  /**
   * Releases a hold. Voiding it again answers the same; a posted hold cannot be
   * voided. Inside the caller's transaction when `joined` is given.
   */
  async void(command: VoidHoldCommand, joined?: EntityManager): Promise<HoldView> {
    return this.holds.transaction(async (holds, ledger) => {
      const hold = await holds.lock(command.holdId);
      if (!hold) throw DomainError.notFound('Hold');
      if (hold.status === 'voided' || hold.status === 'expired') return toHoldView(hold);
      if (hold.status === 'posted') {
        throw DomainError.of(ErrorCode.INVALID_STATE, 'credits.holdAlready', { status: 'posted' });
      }
      const accounts = await ledger.lockAccounts(
        hold.toAccountId ? [hold.fromAccountId, hold.toAccountId] : [hold.fromAccountId],
      );
      release(accounts.get(hold.fromAccountId) as AccountState, hold.minutes);
      Object.assign(hold, { status: 'voided', resolvedAt: new Date() });
      await holds.saveResolutions([hold]);
      await ledger.saveAccounts([accounts.get(hold.fromAccountId) as AccountState]);
      await this.outbox.add(
        ledger.manager,
        AccountingEvents.holdVoided,
        holdChanged(hold, accounts),
      );
      return toHoldView(hold);
    }, joined);
  }

  /** Voids up to `limit` open holds past their expiry; several copies may run it at once. */
  async expireDue(limit = 100): Promise<number> {
    return this.holds.transaction(async (holds, ledger) => {
      const due = await holds.lockDue(limit);
      await this.releaseLocked(due, { status: 'expired' }, holds, ledger);
      return due.length;
    });
  }

  /**
   * Asks the owners of up to `limit` open holds older than `graceMs`, not yet
   * confirmed, whether the row each was taken for exists: a confirmed one is
   * never asked about again, one whose row never appeared is voided (its event
   * says why), one whose owner did not answer (null) is asked about at the next
   * sweep. The owners are asked with no transaction open; then, in a short one,
   * the holds still unconfirmed are locked and settled. Several copies may run
   * it at once (an answer for a hold settled meanwhile is dropped).
   */
  async sweepUnowned(
    graceMs: number,
    limit: number,
    ask: (hold: HoldRow) => Promise<boolean | null>,
  ): Promise<{ asked: number; confirmed: number; voided: number }> {
    const unconfirmed = await this.holds.findUnconfirmed(graceMs, limit);
    const answers = await Promise.all(unconfirmed.map(ask));
    const answerOf = new Map(unconfirmed.map((hold, i) => [hold.id, answers[i]]));
    const answered = unconfirmed.filter((_, i) => answers[i] !== null).map((h) => h.id);
    return this.holds.transaction(async (holds, ledger) => {
      const locked = await holds.lockStillUnconfirmed(answered);
      const present = locked.filter((h) => answerOf.get(h.id) === true);
      const absent = locked.filter((h) => answerOf.get(h.id) === false);
      await holds.confirmOwners(present.map((h) => h.id));
      await this.releaseLocked(
        absent,
        { status: 'voided', voidedBecause: 'owner-absent' },
        holds,
        ledger,
      );
      return { asked: unconfirmed.length, confirmed: present.length, voided: absent.length };
    });
  }

  /** Releases open holds this transaction has locked, and announces each. */
  private async releaseLocked(
    locked: HoldRow[],
    outcome: Pick<HoldRow, 'status'> & Partial<Pick<HoldRow, 'voidedBecause'>>,
    holds: HoldsRepository,
    ledger: TransfersRepository,
  ): Promise<void> {
    if (locked.length === 0) return;
    const accounts = await ledger.lockAccounts(
      locked.flatMap((h) => (h.toAccountId ? [h.fromAccountId, h.toAccountId] : [h.fromAccountId])),
    );
    const now = new Date();
    for (const hold of locked) {
      release(accounts.get(hold.fromAccountId) as AccountState, hold.minutes);
      Object.assign(hold, outcome, { resolvedAt: now });
    }
    await holds.saveResolutions(locked);
    await ledger.saveAccounts(
      [...new Set(locked.map((h) => h.fromAccountId))].map(
        (id) => accounts.get(id) as AccountState,
      ),
    );
    await this.outbox.addMany(
      ledger.manager,
      locked.map((hold) => ({
        type: EVENT_OF_STATUS[hold.status],
        data: holdChanged(hold, accounts),
      })),
    );
  }
}
