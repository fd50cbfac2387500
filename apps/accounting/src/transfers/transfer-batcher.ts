import { DomainError, ErrorCode, Outbox, pgError, UNIQUE_VIOLATION } from '@app/common';
import {
  AccountingEvents,
  cityDate,
  startOfCityDay,
  TransferKind,
  TransferView,
} from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccountingConfig } from '../accounting.config';
import { idempotencyMismatch } from './idempotency';
import { AccountState, applyMovement, GiftAllowance } from './ledger-rules';
import { toTransferView, transferPostedEvent } from './transfer-views';
import { EntryRow, TransferRow, TransfersRepository } from './transfers.repository';

/** A transfer between two resolved accounts, ready for the ledger. */
export interface TransferRequest {
  kind: TransferKind;
  fromAccountId: string;
  toAccountId: string;
  minutes: number;
  reference: string | null;
  memo: string | null;
  actorId: string | null;
  /** Scoped idempotency key (see `scopedKey`) and the hash of the request's content. */
  key: string;
  hash: string;
  /** A member's gift, counted against the daily allowance. */
  giftAllowance: boolean;
  /** The transfer this one reverses. */
  reverses: { transferId: string; kind: TransferKind } | null;
  /** Passed on in the transfer-posted event, not stored. */
  details?: Record<string, unknown> | null;
}

type Outcome = TransferView | DomainError;

interface Pending {
  request: TransferRequest;
  resolve: (view: TransferView) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: transfers that arrive while batches are being committed wait
 * for the next one, so under load many transfers share one transaction (their
 * accounts locked once, in id order; inserts and updates set-based). Each
 * transfer still gets its own answer: one refused does not fail the others.
 * A batch that fails unexpectedly is retried one transfer at a time.
 */
@Injectable()
export class TransferBatcher {
  private readonly logger = new Logger('TransferBatcher');
  private readonly queue: Pending[] = [];
  private scheduled = false;
  private active = 0;

  constructor(
    private readonly transfers: TransfersRepository,
    private readonly outbox: Outbox,
    private readonly config: AccountingConfig,
  ) {}

  submit(request: TransferRequest): Promise<TransferView> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // Let what arrives in the same turn of the event loop join the same batch.
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** One transfer inside the caller's transaction, not batched: it commits or fails with that work. */
  async commitWithin(joined: EntityManager, request: TransferRequest): Promise<TransferView> {
    const outcomes = await this.transfers.transaction((tx) => this.apply(tx, [request]), joined);
    const outcome = outcomes.get(request.key) as Outcome;
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  }

  /** Starts batches while there is work and a free slot; each finished batch looks again. */
  private pump(): void {
    while (this.queue.length > 0 && this.active < this.config.TRANSFER_BATCH_CONCURRENCY) {
      const batch = this.queue.splice(0, this.config.TRANSFER_BATCH_MAX);
      this.active += 1;
      void this.run(batch)
        .catch((error: unknown) => batch.forEach((pending) => pending.reject(error)))
        .finally(() => {
          this.active -= 1;
          this.pump();
        });
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    // The same key twice in one batch: the later ones share the first one's answer.
    const primaries = new Map<string, Pending>();
    const followers: Pending[] = [];
    for (const pending of batch) {
      const first = primaries.get(pending.request.key);
      if (!first) primaries.set(pending.request.key, pending);
      else if (first.request.hash !== pending.request.hash) pending.reject(idempotencyMismatch());
      else followers.push(pending);
    }
    const requests = [...primaries.values()].map((p) => p.request);
    let outcomes: Map<string, Outcome | Error>;
    try {
      outcomes = await this.commit(requests);
    } catch (error) {
      if (requests.length > 1) {
        this.logger.warn(
          `a batch of ${requests.length} failed (${(error as Error).message}); posting one by one`,
        );
      }
      outcomes = new Map();
      for (const request of requests) outcomes.set(request.key, await this.commitAlone(request));
    }
    for (const pending of [...primaries.values(), ...followers]) {
      const outcome = outcomes.get(pending.request.key);
      if (outcome instanceof Error || outcome === undefined) pending.reject(outcome);
      else pending.resolve(outcome);
    }
  }

  /** One transfer in its own transaction; a key or reversal another copy just committed is retried once. */
  private async commitAlone(request: TransferRequest): Promise<Outcome | Error> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.commit([request])).get(request.key) as Outcome;
      } catch (error) {
        if (attempt === 0 && pgError(error).code === UNIQUE_VIOLATION) continue;
        return error as Error;
      }
    }
  }

  private commit(requests: TransferRequest[]): Promise<Map<string, Outcome>> {
    return this.transfers.transaction((tx) => this.apply(tx, requests));
  }

  /** Writes the transfers that are new and allowed, in `tx`; the answer of each by its key. */
  private async apply(
    tx: TransfersRepository,
    requests: TransferRequest[],
  ): Promise<Map<string, Outcome>> {
    const outcomes = new Map<string, Outcome>();
    const byKey = new Map(requests.map((r) => [r.key, r]));
    for (const done of await tx.findByKeys([...byKey.keys()])) {
      const same = byKey.get(done.idempotencyKey)?.hash === done.requestHash;
      outcomes.set(done.idempotencyKey, same ? toTransferView(done) : idempotencyMismatch());
    }
    const fresh = requests.filter((r) => !outcomes.has(r.key));
    if (fresh.length === 0) return outcomes;

    const accounts = await tx.lockAccounts(fresh.flatMap((r) => [r.fromAccountId, r.toAccountId]));
    const reversed = await tx.reversedAmong(
      fresh.flatMap((r) => (r.reverses ? [r.reverses.transferId] : [])),
    );
    const zone = this.config.CITY_TIME_ZONE;
    const allowance = new GiftAllowance(
      this.config.GIFT_MAX_MINUTES_PER_DAY,
      await tx.giftsSince(
        [...new Set(fresh.filter((r) => r.giftAllowance).map((r) => r.fromAccountId))],
        // A day's allowance is the city's day: it starts again at midnight there.
        startOfCityDay(cityDate(new Date(), zone), zone),
      ),
    );

    const at = new Date();
    const transfers: TransferRow[] = [];
    const entries: EntryRow[] = [];
    const events: Array<{ type: string; data: unknown }> = [];
    const touched = new Map<string, AccountState>();
    for (const r of fresh) {
      const refusal =
        (r.reverses && reversed.has(r.reverses.transferId)
          ? DomainError.of(ErrorCode.INVALID_STATE, 'credits.alreadyReversed')
          : null) ?? (r.giftAllowance ? allowance.check(r.fromAccountId, r.minutes) : null);
      const result =
        refusal ??
        applyMovement(accounts, {
          fromAccountId: r.fromAccountId,
          toAccountId: r.toAccountId,
          minutes: r.minutes,
          earns: r.kind === 'service',
          unearns: r.reverses?.kind === 'service',
          releasesHeld: 0,
        });
      if (result instanceof DomainError) {
        outcomes.set(r.key, result);
        continue;
      }
      if (r.giftAllowance) allowance.record(r.fromAccountId, r.minutes);
      if (r.reverses) reversed.add(r.reverses.transferId);
      const from = accounts.get(r.fromAccountId) as AccountState;
      const to = accounts.get(r.toAccountId) as AccountState;
      const transfer: TransferRow = {
        id: randomUUID(),
        kind: r.kind,
        fromAccountId: r.fromAccountId,
        toAccountId: r.toAccountId,
        minutes: r.minutes,
        reference: r.reference,
        memo: r.memo,
        actorId: r.actorId,
        idempotencyKey: r.key,
        requestHash: r.hash,
        reversesTransferId: r.reverses?.transferId ?? null,
        holdId: null,
        createdAt: at,
      };
      transfers.push(transfer);
      entries.push(
        {
          transferId: transfer.id,
          accountId: from.id,
          amount: -r.minutes,
          balanceAfter: result.fromBalanceAfter,
        },
        {
          transferId: transfer.id,
          accountId: to.id,
          amount: r.minutes,
          balanceAfter: result.toBalanceAfter,
        },
      );
      events.push({
        type: AccountingEvents.transferPosted,
        data: transferPostedEvent(transfer, from, to, result.toLifetimeAfter, r.details ?? null),
      });
      touched.set(from.id, from).set(to.id, to);
      outcomes.set(r.key, toTransferView(transfer));
    }
    await tx.insertTransfers(transfers, entries);
    await tx.saveAccounts([...touched.values()]);
    await this.outbox.addMany(tx.manager, events);
    return outcomes;
  }
}
