import { Outbox, violatedUniqueConstraint } from '@app/common';
import { CommunityCreatedEvent, VolunteersEvents } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager, In } from 'typeorm';
import { CommunityEntity, GridUnitEntity } from './communities.entity';

/** Another community has this code (regardless of case); the service words it. */
export class CommunityCodeTaken extends Error {
  constructor(readonly code: string) {
    super(`community code taken: ${code}`);
  }
}

export interface NewCommunity {
  code: string;
  name: string;
  gridUnits: { code: string; name: string }[];
}

@Injectable()
export class CommunitiesRepository {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  /** Every community with its grid units, both in code order (byte order, the same everywhere). */
  async listWithGridUnits(): Promise<CommunityEntity[]> {
    const communities = await this.manager
      .getRepository(CommunityEntity)
      .createQueryBuilder('c')
      .orderBy('c.code COLLATE "C"')
      .getMany();
    const units = await this.manager
      .getRepository(GridUnitEntity)
      .createQueryBuilder('g')
      .orderBy('g.code COLLATE "C"')
      .getMany();
    for (const community of communities) {
      community.gridUnits = units.filter((unit) => unit.communityId === community.id);
    }
    return communities;
  }

  /** The community's id, code and name, or null when there is none. */
  async named(id: string): Promise<{ id: string; code: string; name: string } | null> {
    return this.manager
      .getRepository(CommunityEntity)
      .findOne({ select: { id: true, code: true, name: true }, where: { id } });
  }

  async exists(id: string): Promise<boolean> {
    return this.manager.getRepository(CommunityEntity).existsBy({ id });
  }

  /** Which of `ids` name a community. */
  async existing(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await this.manager
      .getRepository(CommunityEntity)
      .find({ select: { id: true }, where: { id: In(ids) } });
    return found.map((community) => community.id);
  }

  async gridUnitBelongsTo(gridUnitId: string, communityId: string): Promise<boolean> {
    return this.manager.getRepository(GridUnitEntity).existsBy({ id: gridUnitId, communityId });
  }

  /**
   * Creates a community and its grid units, and announces it
   * (`volunteers.community.created`), in one transaction; a taken code is a CONFLICT.
   */
  async create(input: NewCommunity): Promise<CommunityEntity> {
    try {
      return await this.manager.transaction(async (manager) => {
        const community = await manager
          .getRepository(CommunityEntity)
          .save({ code: input.code, name: input.name });
        const gridUnits = await manager
          .getRepository(GridUnitEntity)
          .save(input.gridUnits.map((unit) => ({ ...unit, communityId: community.id })));
        const event: CommunityCreatedEvent = {
          communityId: community.id,
          code: community.code,
          name: community.name,
        };
        await this.outbox.add(manager, VolunteersEvents.communityCreated, event);
        // Codes are ASCII, so JavaScript's order is the "C" collation's, as in the list.
        gridUnits.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
        return Object.assign(community, { gridUnits });
      });
    } catch (error) {
      if (violatedUniqueConstraint(error) === 'communities_code_key') {
        throw new CommunityCodeTaken(input.code);
      }
      throw error;
    }
  }
}
