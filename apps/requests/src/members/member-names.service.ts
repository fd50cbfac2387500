import { Injectable, Logger } from '@nestjs/common';
import { VolunteersDirectory } from '../peers/volunteers.directory';
import { MemberName, MemberNamesRepository } from './member-names.repository';

/**
 * Names and phones of members for the request views, from the local copy.
 * A member the copy lacks (announced before the stream's retention, or read a
 * moment before its event arrives) is fetched once from the volunteers
 * service and stored, so the next read finds it here.
 */
@Injectable()
export class MemberNamesService {
  private readonly logger = new Logger(MemberNamesService.name);

  constructor(
    private readonly names: MemberNamesRepository,
    private readonly volunteers: VolunteersDirectory,
  ) {}

  async of(memberIds: string[]): Promise<Map<string, MemberName>> {
    const known = await this.names.namesOf(memberIds);
    const missing = [...new Set(memberIds)].filter((id) => !known.has(id));
    for (const id of missing) {
      const fetched = await this.fetch(id);
      if (fetched) known.set(id, fetched);
    }
    return known;
  }

  private async fetch(memberId: string): Promise<MemberName | null> {
    try {
      const member = await this.volunteers.lookup(memberId);
      if (!member) return null;
      const name: MemberName = {
        memberId: member.id,
        displayName: member.displayName,
        phone: member.phone,
        asOf: new Date(member.updatedAt),
      };
      await this.names.keep(name);
      return name;
    } catch (error) {
      // A view without one name beats no view while the volunteers service is away.
      this.logger.warn(`could not fetch member ${memberId}: ${(error as Error).message}`);
      return null;
    }
  }
}
