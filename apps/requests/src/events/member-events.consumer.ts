import { EventConsumers } from '@app/common';
import { VolunteersEvents } from '@app/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { MemberNamesRepository } from '../members/member-names.repository';
import { VolunteersDirectory } from '../peers/volunteers.directory';

/**
 * Keeps `requests.member_names` from the volunteers service's member events.
 * Its durables are created with the volunteers stream (EVENT_CONSUMERS), so
 * every member announced since waits for this service even before it first
 * runs; members announced before are fetched once on a miss (MemberNamesService).
 */
@Injectable()
export class MemberEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly names: MemberNamesRepository,
    private readonly volunteers: VolunteersDirectory,
  ) {}

  onModuleInit(): void {
    this.consumers.subscribe({
      type: VolunteersEvents.memberCreated,
      handler: async ({ data, occurredAt }, manager) => {
        if (data.phone === undefined || data.asOf === undefined) {
          // Announced before events carried phones: the source knows it now.
          const member = await this.volunteers.lookup(data.memberId);
          if (member) {
            return this.names.keep(
              {
                memberId: member.id,
                displayName: member.displayName,
                phone: member.phone,
                asOf: new Date(member.updatedAt),
              },
              manager,
            );
          }
        }
        return this.names.keep(
          {
            memberId: data.memberId,
            displayName: data.displayName,
            phone: data.phone ?? null,
            asOf: new Date(data.asOf ?? occurredAt),
          },
          manager,
        );
      },
    });
    this.consumers.subscribe({
      type: VolunteersEvents.memberUpdated,
      handler: ({ data }, manager) =>
        this.names.keep(
          {
            memberId: data.memberId,
            displayName: data.displayName,
            phone: data.phone,
            asOf: new Date(data.asOf),
          },
          manager,
        ),
    });
  }
}
