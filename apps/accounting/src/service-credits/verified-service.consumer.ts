import { EventConsumers } from '@app/common';
import {
  HoursVerifiedEvent,
  RequestClosedEvent,
  RequestsEvents,
  VolunteersEvents,
} from '@app/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HoldsService } from '../holds/holds.service';
import { TransfersService } from '../transfers/transfers.service';

/**
 * Verified service becomes credit, once. A confirmed request posts the hold
 * taken when it was posted; approved hours are paid by their payer (the
 * community fund). The idempotency key is the verified source, so a redelivered
 * event — or one applied before a crash cut the inbox write short — pays nothing twice.
 */
@Injectable()
export class VerifiedServiceConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly holds: HoldsService,
    private readonly transfers: TransfersService,
  ) {}

  onModuleInit(): void {
    this.consumers.subscribe<HoursVerifiedEvent>({
      producer: 'requests',
      type: RequestsEvents.hoursVerified,
      streamSubjects: Object.values(RequestsEvents),
      handler: ({ data }) => this.pay(data),
    });
    this.consumers.subscribe<HoursVerifiedEvent>({
      producer: 'volunteers',
      type: VolunteersEvents.hoursVerified,
      streamSubjects: Object.values(VolunteersEvents),
      handler: ({ data }) => this.pay(data),
    });
    this.consumers.subscribe<RequestClosedEvent>({
      producer: 'requests',
      type: RequestsEvents.requestClosed,
      streamSubjects: Object.values(RequestsEvents),
      handler: async ({ data }) => {
        await this.holds.void({ holdId: data.holdId });
      },
    });
  }

  private async pay({ details, holdId, payer }: HoursVerifiedEvent): Promise<void> {
    const idempotencyKey = `verified:${details.source}:${details.sourceId}`;
    const volunteer = { type: 'member' as const, id: details.volunteerId };
    const carried = details as unknown as Record<string, unknown>;
    if (holdId) {
      await this.holds.post({
        holdId,
        minutes: details.minutes,
        to: volunteer,
        memo: details.description.slice(0, 500),
        details: carried,
        idempotencyKey,
      });
      return;
    }
    if (!payer)
      throw new Error(`verified ${details.source} ${details.sourceId} names no hold and no payer`);
    await this.transfers.create({
      kind: 'service',
      from: payer,
      to: volunteer,
      minutes: details.minutes,
      reference: `${details.source}:${details.sourceId}`,
      memo: details.description.slice(0, 500),
      details: carried,
      idempotencyKey,
    });
  }
}
