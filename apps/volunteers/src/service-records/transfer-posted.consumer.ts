import { EventConsumers } from '@app/common';
import { AccountingEvents } from '@app/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { PostedTransfer } from './service-record-rules';
import { ServiceRecordsService } from './service-records.service';

/** The ledger's posted transfers: service credits become record entries and tiers follow. */
@Injectable()
export class TransferPostedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly records: ServiceRecordsService,
  ) {}

  onModuleInit(): void {
    this.consumers.subscribe<PostedTransfer>({
      type: AccountingEvents.transferPosted,
      handler: (event, manager) => this.records.applyTransferPosted(event.data, manager),
    });
  }
}
