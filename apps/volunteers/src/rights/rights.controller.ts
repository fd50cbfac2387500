import { Handles } from '@app/common';
import { RightsQuery, RightsReply, VolunteersMessages } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { RightsRepository } from './rights.repository';

@Controller()
export class RightsController {
  constructor(private readonly rights: RightsRepository) {}

  /** For every other service: what a member may do now (they cache it until told it changed). */
  @Handles(VolunteersMessages.rightsGet)
  async get({ memberId }: RightsQuery): Promise<RightsReply> {
    return { rights: await this.rights.find(memberId) };
  }
}
