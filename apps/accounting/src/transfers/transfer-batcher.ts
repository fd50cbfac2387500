import { DomainError, ErrorCode, pgError, UNIQUE_VIOLATION } from '@app/common';
import { cityDate, startOfCityDay, TransferKind, TransferView } from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountingConfig } from '../accounting.config';
import { idempotencyMismatch } from '@app/common';
import { GiftAllowance } from './ledger-rules';
import { toTransferView } from './transfer-views';
import { NewTransfer, TransferWriter } from './transfer-writer';
import { TransferRow, TransfersRepository } from './transfers.repository';

/** A transfer between two resolved accounts, ready for the ledger. */
export interface TransferRequest extends Pick<
  TransferRow,
  'kind' | 'fromAccountId' | 'toAccountId' | 'minutes' | 'reference' | 'memo' | 'actorId'
> {
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
    private readonly writer: TransferWriter,
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
    const outcomes = await this.answeredBefore(tx, requests);
    const fresh = requests.filter((r) => !outcomes.has(r.key));
    if (fresh.length === 0) return outcomes;

    const accounts = await tx.lockAccounts(fresh.flatMap((r) => [r.fromAccountId, r.toAccountId]));
    const reversed = await tx.reversedAmong(
      fresh.flatMap((r) => (r.reverses ? [r.reverses.transferId] : [])),
    );
    const allowance = await this.giftAllowance(tx, fresh);
    const pending = this.writer.begin(tx, accounts);
    for (const r of fresh) {
      const refusal =
        (r.reverses && reversed.has(r.reverses.transferId)
          ? DomainError.of(ErrorCode.INVALID_STATE, 'credits.alreadyReversed')
          : null) ?? (r.giftAllowance ? allowance.check(r.fromAccountId, r.minutes) : null);
      const posted = refusal ?? pending.post(newTransfer(r));
      if (posted instanceof DomainError) {
        outcomes.set(r.key, posted);
        continue;
      }
      if (r.giftAllowance) allowance.record(r.fromAccountId, r.minutes);
      if (r.reverses) reversed.add(r.reverses.transferId);
      outcomes.set(r.key, toTransferView(posted));
    }
    await pending.write();
    return outcomes;
  }

  /** The answers of requests whose key was posted before: the same transfer, or a mismatch. */
  private async answeredBefore(
    tx: TransfersRepository,
    requests: TransferRequest[],
  ): Promise<Map<string, Outcome>> {
    const outcomes = new Map<string, Outcome>();
    const byKey = new Map(requests.map((r) => [r.key, r]));
    for (const done of await tx.findByKeys([...byKey.keys()])) {
      const same = byKey.get(done.idempotencyKey)?.hash === done.requestHash;
      outcomes.set(done.idempotencyKey, same ? toTransferView(done) : idempotencyMismatch());
    }
    return outcomes;
  }

  /** What the givers among `requests` may still give today. */
  private async giftAllowance(
    tx: TransfersRepository,
    requests: TransferRequest[],
  ): Promise<GiftAllowance> {
    const zone = this.config.CITY_TIME_ZONE;
    return new GiftAllowance(
      this.config.GIFT_MAX_MINUTES_PER_DAY,
      await tx.giftsSince(
        [...new Set(requests.filter((r) => r.giftAllowance).map((r) => r.fromAccountId))],
        // A day's allowance is the city's day: it starts again at midnight there.
        startOfCityDay(cityDate(new Date(), zone), zone),
      ),
    );
  }
}

/** The transfer a request asks for, as the writer takes it. */
function newTransfer({
  key,
  hash,
  reverses,
  details,
  giftAllowance: _counted,
  ...terms
}: TransferRequest): NewTransfer {
  return {
    ...terms,
    idempotencyKey: key,
    requestHash: hash,
    reversesTransferId: reverses?.transferId ?? null,
    holdId: null,
    releasesHeldMinutes: 0,
    unearns: reverses?.kind === 'service',
    details: details ?? null,
  };
}
