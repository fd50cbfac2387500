import { EventConsumers } from '@app/common';
import {
  HoursVerifiedEvent,
  RequestClosedEvent,
  RequestsEvents,
  VolunteersEvents,
} from '@app/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { HoldsService } from '../holds/holds.service';
import { TransfersService } from '../transfers/transfers.service';

/** Payments of verified service applied at once, per event type (the pool holds 10 connections). */
const PAYMENTS_AT_ONCE = 4;

/**
 * Verified service becomes credit, once. A confirmed request posts the hold
 * taken when it was posted; approved hours are paid by their payer (the
 * community fund). The payment commits in the consumer's transaction with the
 * event's inbox row, so a redelivered event pays nothing twice; the idempotency
 * key (the verified source) guards the same payment asked for over RPC.
 */
@Injectable()
export class VerifiedServiceConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly holds: HoldsService,
    private readonly transfers: TransfersService,
  ) {}

  onModuleInit(): void {
    // Each payment is of its own service and locks what it changes (the hold, then the
    // accounts in id order): a burst of confirmations is paid PAYMENTS_AT_ONCE at a time.
    this.consumers.subscribe<HoursVerifiedEvent>({
      type: RequestsEvents.hoursVerified,
      handler: ({ data }, manager) => this.pay(data, manager),
      concurrency: PAYMENTS_AT_ONCE,
    });
    this.consumers.subscribe<HoursVerifiedEvent>({
      type: VolunteersEvents.hoursVerified,
      handler: ({ data }, manager) => this.pay(data, manager),
      concurrency: PAYMENTS_AT_ONCE,
    });
    this.consumers.subscribe<RequestClosedEvent>({
      type: RequestsEvents.requestClosed,
      handler: async ({ data }, manager) => {
        await this.holds.void({ holdId: data.holdId }, manager);
      },
    });
  }

  private async pay(
    { details, holdId, payer }: HoursVerifiedEvent,
    manager: EntityManager,
  ): Promise<void> {
    const idempotencyKey = `verified:${details.source}:${details.sourceId}`;
    const volunteer = { type: 'member' as const, id: details.volunteerId };
    const carried = details as unknown as Record<string, unknown>;
    if (holdId) {
      await this.holds.post(
        {
          holdId,
          minutes: details.minutes,
          to: volunteer,
          memo: details.description.slice(0, 500),
          details: carried,
          idempotencyKey,
        },
        manager,
      );
      return;
    }
    if (!payer)
      throw new Error(`verified ${details.source} ${details.sourceId} names no hold and no payer`);
    await this.transfers.create(
      {
        kind: 'service',
        from: payer,
        to: volunteer,
        minutes: details.minutes,
        reference: `${details.source}:${details.sourceId}`,
        memo: details.description.slice(0, 500),
        details: carried,
        idempotencyKey,
      },
      manager,
    );
  }
}
