import { EventConsumers } from '@app/common';
import { AccountingEvents } from '@app/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { PostedTransfer, touchesServiceRecords } from '../service-records/service-record-rules';
import { ServiceRecordsService } from '../service-records/service-records.service';

/** The ledger's posted transfers: service credits become record entries and tiers follow. */
@Injectable()
export class TransferPostedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly records: ServiceRecordsService,
  ) {}

  onModuleInit(): void {
    this.consumers.subscribe({
      type: AccountingEvents.transferPosted,
      // The ledger carries `details` as the command gave them; they are re-checked on arrival.
      handler: (event, manager) =>
        this.records.applyTransferPosted(event.data as PostedTransfer, manager),
      // Most posted transfers are gifts and other moves no record keeps: acknowledged at once.
      relevant: ({ data }) =>
        typeof data === 'object' && data !== null && touchesServiceRecords(data),
    });
  }
}
