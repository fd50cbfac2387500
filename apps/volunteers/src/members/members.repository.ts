import { Outbox, violatedForeignKey, violatedUniqueConstraint } from '@app/common';
import {
  MemberCreatedEvent,
  MemberStatus,
  MemberUpdatedEvent,
  Role,
  VolunteersEvents,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { Brackets, EntityManager, In } from 'typeorm';
import { RightsRepository } from '../rights/rights.repository';
import { newCardNumber } from './card-number';
import { containsPattern, MemberSearch } from './member-search';
import { MemberEntity } from './members.entity';

/**
 * A write the database refused by one of its rules: an e-mail or phone already
 * registered, or a grid unit gone meanwhile. The service words it.
 */
export class MemberWriteRefused extends Error {
  constructor(
    readonly refusal:
      { code: 'alreadyRegistered'; field: 'email' | 'phone' } | { code: 'gridUnitGone' },
  ) {
    super(`member write refused: ${refusal.code}`);
  }
}

export interface NewMember {
  email: string | null;
  phone: string | null;
  passwordHash: string;
  displayName: string;
  roles: Role[];
  communityId: string | null;
  gridUnitId: string | null;
  merchantId: string | null;
  coordinatorOf: string[];
  mustChangePassword?: boolean;
}

export type MemberChanges = Partial<
  Pick<
    MemberEntity,
    | 'roles'
    | 'gridUnitId'
    | 'priorityHousehold'
    | 'merchantId'
    | 'coordinatorOf'
    | 'displayName'
    | 'locale'
    | 'passwordHash'
    | 'mustChangePassword'
    | 'status'
    | 'suspendedAt'
    | 'suspensionReason'
    | 'phone'
  >
>;

const UNIQUE_FIELDS: Record<string, 'email' | 'phone'> = {
  members_email_key: 'email',
  members_phone_key: 'phone',
};
const CARD_NUMBER_KEY = 'members_card_number_key';
/** Random card numbers collide about once in 9,000 new members at 100,000; five draws in a row never do. */
const CARD_NUMBER_ATTEMPTS = 5;

/** What the directory lists: a page of members in name order, within scope and filters. */
export interface DirectoryQuery {
  /** The communities in scope; null for all (admins). */
  communityIds: string[] | null;
  gridUnitId?: string;
  role?: Role;
  status?: MemberStatus;
  search: MemberSearch | null;
  /** The last member of the previous page. */
  after: { displayName: string; id: string } | null;
  limit: number;
}

@Injectable()
export class MembersRepository {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  /** Rights in this repository's transaction. */
  get rights(): RightsRepository {
    return RightsRepository.in(this.manager);
  }

  private get members() {
    return this.manager.getRepository(MemberEntity);
  }

  /** Runs `work` in one transaction, against a repository bound to it. */
  transaction<T>(
    work: (members: MembersRepository, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.manager.transaction((manager) =>
      work(new MembersRepository(manager, this.outbox), manager),
    );
  }

  findById(id: string): Promise<MemberEntity | null> {
    return this.members.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<MemberEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.members.findBy({ id: In(ids) });
  }

  /** Reads and locks the member until the transaction ends (call inside `transaction`). */
  findByIdForUpdate(id: string): Promise<MemberEntity | null> {
    return this.members
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id })
      .getOne();
  }

  findByEmail(email: string): Promise<MemberEntity | null> {
    return this.members
      .createQueryBuilder('m')
      .where('lower(m.email) = lower(:email)', { email })
      .getOne();
  }

  findByPhone(phone: string): Promise<MemberEntity | null> {
    return this.members.findOneBy({ phone });
  }

  /**
   * Inserts a member and announces it (`volunteers.member.created`) in one
   * transaction, with `alsoInTransaction` (a first session, say); a taken
   * e-mail or phone is a MemberWriteRefused naming the field.
   */
  async insert(
    member: NewMember,
    alsoInTransaction?: (manager: EntityManager, saved: MemberEntity) => Promise<void>,
  ): Promise<MemberEntity> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.manager.transaction(async (manager) => {
          const members = manager.getRepository(MemberEntity);
          const saved = await members.save(
            members.create({ ...member, cardNumber: newCardNumber(), priorityHousehold: false }),
          );
          await this.announce(manager, saved);
          await alsoInTransaction?.(manager, saved);
          return saved;
        });
      } catch (error) {
        // Someone already holds this random card number: draw another.
        if (violatedUniqueConstraint(error) === CARD_NUMBER_KEY && attempt < CARD_NUMBER_ATTEMPTS) {
          continue;
        }
        throw refusalOf(error) ?? error;
      }
    }
  }

  /** Inserts (and announces) the member unless its e-mail or phone is already taken; true when inserted. */
  async insertUnlessTaken(member: NewMember): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const cardNumber = newCardNumber();
      const inserted = await this.manager.transaction(async (manager) => {
        const result = await manager
          .getRepository(MemberEntity)
          .createQueryBuilder()
          .insert()
          .values({ ...member, cardNumber, priorityHousehold: false })
          .orIgnore()
          .returning('id, updated_at')
          .execute();
        const [row] = result.raw as Array<{ id: string; updated_at: Date }>;
        if (row) {
          await this.announce(manager, { ...member, id: row.id, updatedAt: row.updated_at });
        }
        return !!row;
      });
      if (inserted) return true;
      // Ignored because of the login, or (rarely) because the random card number was taken.
      if (!(await this.members.existsBy({ cardNumber })) || attempt >= CARD_NUMBER_ATTEMPTS) {
        return false;
      }
    }
  }

  findByCardNumber(cardNumber: string): Promise<MemberEntity | null> {
    return this.members.findOneBy({ cardNumber });
  }

  /**
   * One page of the directory, in name order. Each way of matching `search` is
   * served by an index of its own (see migration 1764620000000), so PostgreSQL
   * can OR their bitmaps instead of reading every member.
   */
  directory(query: DirectoryQuery): Promise<MemberEntity[]> {
    const qb = this.members.createQueryBuilder('m');
    if (query.communityIds !== null) {
      qb.andWhere('m.community_id = ANY(:communityIds)', { communityIds: query.communityIds });
    }
    if (query.gridUnitId !== undefined) {
      qb.andWhere('m.grid_unit_id = :gridUnitId', { gridUnitId: query.gridUnitId });
    }
    if (query.role !== undefined) qb.andWhere(':role = ANY(m.roles)', { role: query.role });
    if (query.status !== undefined) {
      qb.andWhere('m.status = :status', { status: query.status });
    }
    const search = query.search;
    if (search) {
      const pattern = containsPattern(search.text);
      qb.andWhere(
        new Brackets((any) => {
          if (search.namesOnly) {
            // One or two characters: pg_trgm has no trigram to look up, the name's pairs do.
            any.orWhere(
              'm.name_grams @> volunteers.name_grams(:text) AND lower(m.display_name) LIKE lower(:pattern)',
            );
            return;
          }
          any.orWhere('lower(m.display_name) LIKE lower(:pattern)');
          any.orWhere('lower(m.email) LIKE lower(:pattern)');
          if (search.phone !== null) any.orWhere('m.phone = :phone', { phone: search.phone });
          if (search.phoneDigits !== null) {
            any.orWhere('m.phone LIKE :phonePattern', {
              phonePattern: containsPattern(search.phoneDigits),
            });
          }
          if (search.cardNumber !== null) {
            any.orWhere('m.card_number = :cardNumber', { cardNumber: search.cardNumber });
          }
        }),
        { text: search.text, pattern },
      );
    }
    if (query.after !== null) {
      qb.andWhere('(m.display_name, m.id) > (:afterName, :afterId)', {
        afterName: query.after.displayName,
        afterId: query.after.id,
      });
    }
    return qb.orderBy('m.displayName').addOrderBy('m.id').limit(query.limit).getMany();
  }

  private async announce(
    manager: EntityManager,
    member: Pick<
      MemberEntity,
      'id' | 'displayName' | 'communityId' | 'roles' | 'phone' | 'updatedAt'
    >,
  ): Promise<void> {
    const event: MemberCreatedEvent = {
      memberId: member.id,
      displayName: member.displayName,
      communityId: member.communityId,
      roles: member.roles,
      phone: member.phone,
      asOf: new Date(member.updatedAt).toISOString(),
    };
    await this.outbox.add(manager, VolunteersEvents.memberCreated, event);
  }

  /** `volunteers.member.updated`, in this repository's transaction: copies of name and phone follow. */
  async announceUpdated(
    member: Pick<MemberEntity, 'id' | 'displayName' | 'phone' | 'updatedAt'>,
  ): Promise<void> {
    const event: MemberUpdatedEvent = {
      memberId: member.id,
      displayName: member.displayName,
      phone: member.phone,
      asOf: member.updatedAt.toISOString(),
    };
    await this.outbox.add(this.manager, VolunteersEvents.memberUpdated, event);
  }

  async update(id: string, changes: MemberChanges): Promise<MemberEntity> {
    try {
      if (Object.keys(changes).length > 0) await this.members.update({ id }, changes);
    } catch (error) {
      throw refusalOf(error) ?? error;
    }
    return this.members.findOneByOrFail({ id });
  }
}

function refusalOf(error: unknown): MemberWriteRefused | null {
  const unique = violatedUniqueConstraint(error);
  const field = unique ? UNIQUE_FIELDS[unique] : undefined;
  if (field) return new MemberWriteRefused({ code: 'alreadyRegistered', field });
  // Grid units are checked first; this is the database's last word if one moved meanwhile.
  if (violatedForeignKey(error) === 'members_grid_unit_fkey') {
    return new MemberWriteRefused({ code: 'gridUnitGone' });
  }
  return null;
}
