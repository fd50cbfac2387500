import { ServiceClient } from '@app/common';
import { holdOwnerOf } from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';

/** What the ledger asks the services its holds are taken for: does the hold's row exist? */
@Injectable()
export class HoldOwners {
  private readonly logger = new Logger('HoldOwners');

  constructor(private readonly services: ServiceClient) {}

  /**
   * Whether the row the hold was taken for exists, asked of the service that
   * owns it (named by the hold's key); null when no service owns such a key or
   * the owner did not answer.
   */
  async rowExists(holdId: string, ownerKey: string): Promise<boolean | null> {
    const owner = holdOwnerOf(ownerKey);
    if (!owner) return null;
    try {
      const answer = await this.services.call(owner.check, { holdId, rowId: owner.rowId });
      return answer.present;
    } catch (error) {
      this.logger.warn(`hold ${holdId}: its owner did not answer: ${(error as Error).message}`);
      return null;
    }
  }
}
