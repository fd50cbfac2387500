import { nullIfNotFound, ServiceClient } from '@app/common';
import { MerchantView, RewardsMessages } from '@app/contracts';
import { Injectable } from '@nestjs/common';

/** What the volunteers service asks the rewards service: the merchants staff belong to. */
@Injectable()
export class RewardsDirectory {
  constructor(private readonly peers: ServiceClient) {}

  /** The merchant, or null when the rewards service knows none with this id. */
  merchant(merchantId: string): Promise<MerchantView | null> {
    return nullIfNotFound(this.peers.call(RewardsMessages.merchantGet, { id: merchantId }));
  }
}
