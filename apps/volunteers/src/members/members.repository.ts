import {
  DomainError,
  ErrorCode,
  Outbox,
  violatedForeignKey,
  violatedUniqueConstraint,
} from '@app/common';
import { MemberCreatedEvent, MemberUpdatedEvent, Role, VolunteersEvents } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { MemberEntity } from './members.entity';

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
    | 'phone'
  >
>;

const UNIQUE_FIELDS: Record<string, 'email' | 'phone'> = {
  members_email_key: 'email',
  members_phone_key: 'phone',
};

@Injectable()
export class MembersRepository {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  private get members() {
    return this.manager.getRepository(MemberEntity);
  }

  /** Runs `work` in one transaction, against a repository bound to it. */
  transaction<T>(work: (members: MembersRepository) => Promise<T>): Promise<T> {
    return this.manager.transaction((manager) => work(new MembersRepository(manager, this.outbox)));
  }

  findById(id: string): Promise<MemberEntity | null> {
    return this.members.findOneBy({ id });
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
   * e-mail or phone is a CONFLICT naming the field.
   */
  async insert(
    member: NewMember,
    alsoInTransaction?: (manager: EntityManager, saved: MemberEntity) => Promise<void>,
  ): Promise<MemberEntity> {
    try {
      return await this.manager.transaction(async (manager) => {
        const saved = await manager
          .getRepository(MemberEntity)
          .save(
            manager.getRepository(MemberEntity).create({ ...member, priorityHousehold: false }),
          );
        await this.announce(manager, saved);
        await alsoInTransaction?.(manager, saved);
        return saved;
      });
    } catch (error) {
      throw refusalOf(error) ?? error;
    }
  }

  /** Inserts (and announces) the member unless its e-mail or phone is already taken; true when inserted. */
  async insertUnlessTaken(member: NewMember): Promise<boolean> {
    return this.manager.transaction(async (manager) => {
      const result = await manager
        .getRepository(MemberEntity)
        .createQueryBuilder()
        .insert()
        .values({ ...member, priorityHousehold: false })
        .orIgnore()
        .returning('id, updated_at')
        .execute();
      const [inserted] = result.raw as Array<{ id: string; updated_at: Date }>;
      if (!inserted) return false;
      await this.announce(manager, { ...member, id: inserted.id, updatedAt: inserted.updated_at });
      return true;
    });
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

function refusalOf(error: unknown): DomainError | null {
  const unique = violatedUniqueConstraint(error);
  const field = unique ? UNIQUE_FIELDS[unique] : undefined;
  if (field) {
    return new DomainError(ErrorCode.CONFLICT, `This ${field} is already registered`, {
      errors: [{ field, message: `${field} is already registered` }],
    });
  }
  // Grid units are checked first; this is the database's last word if one moved meanwhile.
  if (violatedForeignKey(error) === 'members_grid_unit_fkey') {
    return DomainError.validation([
      { field: 'gridUnitId', message: 'gridUnitId is not a grid unit of the community' },
    ]);
  }
  return null;
}
