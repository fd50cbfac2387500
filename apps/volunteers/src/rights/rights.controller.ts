import { RightsReply } from '@app/common';
import { RightsQuery, VolunteersInternalSubjects } from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RightsRepository } from './rights.repository';

@Controller()
export class RightsController {
  constructor(private readonly rights: RightsRepository) {}

  /** For every other service: what a member may do now (they cache it until told it changed). */
  @MessagePattern(VolunteersInternalSubjects.rightsGet)
  async get(@Payload('data') { memberId }: RightsQuery): Promise<RightsReply> {
    return { rights: await this.rights.find(memberId) };
  }
}
