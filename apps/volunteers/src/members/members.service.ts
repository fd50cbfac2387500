import { DomainError, fieldError, ErrorCode, FieldError, RightsCache } from '@app/common';
import {
  Actor,
  cardNumberDigits,
  CreateMemberDto,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  FindMemberQuery,
  ListMembersQuery,
  MemberPage,
  MemberSummary,
  MemberView,
  RegisterMemberDto,
  Role,
  SessionGrant,
  UpdateMemberCommand,
  VerifyCredentialsCommand,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { RewardsDirectory } from '../peers/rewards.directory';
import { SessionsService } from '../sessions/sessions.service';
import { CommunitiesRepository } from '../communities/communities.repository';
import { SignInLimitsService } from '../sign-in-limits/sign-in-limits.service';
import { hasNulCharacter, nulCharacterErrors } from '../stored-text';
import { VolunteersConfig } from '../volunteers.config';
import { ActorAuthority } from './actor-authority';
import {
  assertMayChangeMember,
  assertMayCreateMember,
  assertMayManageMembers,
  directoryScope,
  mayViewMember,
  newMemberFieldErrors,
  planRoleChange,
} from './member-rules';
import { MemberEntity } from './members.entity';
import { readMemberSearch } from './member-search';
import { MemberChanges, MembersRepository, MemberWriteRefused } from './members.repository';
import { isEmailLogin, NormalisedLogin, normaliseLogin, normalisePhone } from './phone';
import { PasswordHasher } from './password-hasher';

const DEFAULT_ROLES: Role[] = ['resident'];

export function toMemberView(member: MemberEntity): MemberView {
  return {
    id: member.id,
    email: member.email,
    phone: member.phone,
    displayName: member.displayName,
    roles: member.roles,
    communityId: member.communityId,
    gridUnitId: member.gridUnitId,
    priorityHousehold: member.priorityHousehold,
    merchantId: member.merchantId,
    coordinatorOf: member.coordinatorOf,
    status: member.status,
    mustChangePassword: member.mustChangePassword,
    locale: member.locale,
    createdAt: member.createdAt.toISOString(),
    cardNumber: member.cardNumber,
  };
}

function toMemberSummary(member: MemberEntity): MemberSummary {
  return {
    id: member.id,
    displayName: member.displayName,
    communityId: member.communityId,
    gridUnitId: member.gridUnitId,
    roles: member.roles,
    priorityHousehold: member.priorityHousehold,
    phone: member.phone,
    updatedAt: member.updatedAt.toISOString(),
  };
}

interface NewMemberInput {
  email?: string;
  phone?: string;
  password: string;
  displayName: string;
  communityId: string;
  gridUnitId?: string;
  roles: Role[];
  coordinatorOf?: string[];
  merchantId?: string;
}

/** A member write the database refused, worded for the caller; any other error as it was. */
export function wordedRefusal(error: unknown): unknown {
  if (!(error instanceof MemberWriteRefused)) return error;
  const { refusal } = error;
  if (refusal.code === 'gridUnitGone') {
    return DomainError.validation([
      fieldError('gridUnitId', 'volunteers.members.gridUnitNotInCommunity'),
    ]);
  }
  return DomainError.of(
    ErrorCode.CONFLICT,
    'volunteers.members.alreadyRegistered',
    { field: refusal.field },
    { errors: [fieldError(refusal.field, 'volunteers.members.fieldAlreadyRegistered')] },
  );
}

@Injectable()
export class MembersService {
  constructor(
    private readonly members: MembersRepository,
    private readonly communities: CommunitiesRepository,
    private readonly authority: ActorAuthority,
    private readonly passwords: PasswordHasher,
    private readonly config: VolunteersConfig,
    private readonly rewards: RewardsDirectory,
    private readonly sessions: SessionsService,
    private readonly rights: RightsCache,
    private readonly signInLimits: SignInLimitsService,
  ) {}

  /**
   * Self-registration: a resident and/or volunteer of an existing community,
   * signed in at once — the member and its first session are one transaction,
   * so a registration that answers no reply leaves no half-made account behind.
   */
  async register(dto: RegisterMemberDto): Promise<SessionGrant> {
    const roles = dto.roles ?? DEFAULT_ROLES;
    if (roles.length === 0) {
      throw DomainError.validation([fieldError('roles', 'volunteers.members.rolesEmpty')]);
    }
    let session: SessionGrant | undefined;
    await this.addMember({ ...dto, roles }, async (manager, member) => {
      session = await this.sessions.openIn(manager, member);
    });
    return session as SessionGrant;
  }

  /** Staff-made members: coordinators and merchant staff above all. */
  async create(actor: Actor | null, dto: CreateMemberDto): Promise<MemberView> {
    const fieldErrors = newMemberFieldErrors(dto);
    if (fieldErrors.length > 0) throw DomainError.validation(fieldErrors);
    assertMayCreateMember(await this.authority.current(actor), dto);
    const coordinatorOf = dto.coordinatorOf ?? [];
    const existing = await this.communities.existing(coordinatorOf);
    const unknown = coordinatorOf.filter((id) => !existing.includes(id));
    if (unknown.length > 0) {
      throw DomainError.validation([
        fieldError('coordinatorOf', 'volunteers.members.noSuchCommunities', {
          ids: unknown.join(', '),
        }),
      ]);
    }
    if (dto.merchantId !== undefined) await this.assertMerchantOf(dto.merchantId, dto.communityId);
    return this.addMember(dto);
  }

  async get(actor: Actor | null, id: string): Promise<MemberView> {
    const member = await this.members.findById(id);
    if (!member || !actor) throw DomainError.notFound('Member');
    if (
      actor.memberId !== member.id &&
      !mayViewMember(await this.authority.current(actor), member)
    ) {
      throw DomainError.notFound('Member');
    }
    return toMemberView(member);
  }

  async lookup(id: string): Promise<MemberSummary> {
    const member = await this.members.findById(id);
    if (!member) throw DomainError.notFound('Member');
    return toMemberSummary(member);
  }

  async lookupMany(ids: string[]): Promise<MemberSummary[]> {
    return (await this.members.findByIds(ids)).map(toMemberSummary);
  }

  /**
   * The member with this phone (any notation of the number, read as at
   * registration) or card number (spaces and dashes allowed): how a gift finds
   * its recipient. A number no member has, or that is no number, is NOT_FOUND.
   */
  async find({ phone, cardNumber }: FindMemberQuery): Promise<MemberSummary> {
    if ((phone === undefined) === (cardNumber === undefined)) {
      throw DomainError.validation([fieldError('phone', 'volunteers.members.phoneOrCardNumber')]);
    }
    let member: MemberEntity | null = null;
    if (phone !== undefined && !hasNulCharacter(phone)) {
      const e164 = normalisePhone(phone, this.config.DEFAULT_PHONE_REGION);
      member = e164 ? await this.members.findByPhone(e164) : null;
    }
    if (cardNumber !== undefined) {
      const digits = cardNumberDigits(cardNumber);
      member = digits ? await this.members.findByCardNumber(digits) : null;
    }
    if (!member) throw DomainError.notFound('Member');
    return toMemberSummary(member);
  }

  /** The directory: coordinators see their communities' members, admins everyone's. */
  async list(actor: Actor | null, query: ListMembersQuery): Promise<MemberPage> {
    const current = await this.authority.current(actor);
    assertMayManageMembers(current);
    const communityIds = directoryScope(current, query.communityId);
    const cursor = decodeCursor<{ n: string; i: string }>(query.cursor, ['n', 'i']);
    if (cursor === null || (cursor && !isUUID(cursor.i, 'all'))) {
      throw DomainError.validation([fieldError('cursor', 'field.badCursor')]);
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.members.directory({
      communityIds,
      gridUnitId: query.gridUnitId,
      role: query.role,
      status: query.status,
      search: readMemberSearch(query.q, this.config.DEFAULT_PHONE_REGION),
      after: cursor ? { displayName: cursor.n, id: cursor.i } : null,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toMemberView),
      nextCursor: rows.length > limit ? encodeCursor({ n: last.displayName, i: last.id }) : null,
    };
  }

  /** Priority household, grid unit, roles, name and phone, by an admin or a coordinator in scope. */
  async update(actor: Actor | null, { id, changes }: UpdateMemberCommand): Promise<MemberView> {
    const current = await this.authority.current(actor);
    assertMayManageMembers(current);
    const view = await this.members.transaction(async (members) => {
      const member = await members.findByIdForUpdate(id);
      if (!member) throw DomainError.notFound('Member');
      assertMayChangeMember(current, member);

      const update: MemberChanges = {};
      if (changes.roles !== undefined) {
        const planned = planRoleChange(current, member, changes.roles);
        Object.assign(update, {
          roles: planned.roles,
          coordinatorOf: planned.coordinatorOf,
          merchantId: planned.merchantId,
        });
        // Earlier access tokens carry the old roles: they stop working now.
        await members.rights.moveOn(member.id);
      }
      if (changes.gridUnitId !== undefined) {
        if (changes.gridUnitId !== null) {
          await this.assertGridUnitOf(changes.gridUnitId, member.communityId);
        }
        update.gridUnitId = changes.gridUnitId;
      }
      if (changes.priorityHousehold !== undefined) {
        update.priorityHousehold = changes.priorityHousehold;
      }
      Object.assign(update, this.contactChanges(changes));
      return toMemberView(await this.change(members, member, update));
    });
    if (changes.roles !== undefined) this.rights.announce(id);
    return view;
  }

  /**
   * Every change to a member goes through here, inside the caller's transaction
   * (with the member locked): when the name or phone changes, the services that
   * keep a copy of them hear it (`volunteers.member.updated`) in the same commit.
   */
  async change(
    members: MembersRepository,
    member: MemberEntity,
    update: MemberChanges,
  ): Promise<MemberEntity> {
    const saved = await members.update(member.id, update).catch((error) => {
      throw wordedRefusal(error);
    });
    if (saved.displayName !== member.displayName || saved.phone !== member.phone) {
      await members.announceUpdated(saved);
    }
    return saved;
  }

  /** A new display name or phone, checked and normalised; 400 naming the field when bad. */
  private contactChanges(changes: {
    displayName?: string;
    phone?: string;
  }): Pick<MemberChanges, 'displayName' | 'phone'> {
    const errors: FieldError[] =
      changes.displayName === undefined
        ? []
        : nulCharacterErrors({ displayName: changes.displayName });
    const update: Pick<MemberChanges, 'displayName' | 'phone'> = {};
    if (changes.displayName !== undefined) update.displayName = changes.displayName;
    if (changes.phone !== undefined) {
      const phone = normalisePhone(changes.phone, this.config.DEFAULT_PHONE_REGION);
      if (phone === null) errors.push(fieldError('phone', 'volunteers.members.phoneInvalid'));
      else update.phone = phone;
    }
    if (errors.length > 0) throw DomainError.validation(errors);
    return update;
  }

  /**
   * The member whose login and password these are; one answer for every kind
   * of mismatch. The attempt is counted (or refused) before the costly hash,
   * by its normalised login, whether or not such a member exists.
   */
  async verifyCredentials({
    login,
    password,
    clientAddress,
  }: VerifyCredentialsCommand): Promise<MemberView> {
    const normalised = normaliseLogin(login, this.config.DEFAULT_PHONE_REGION);
    const attempt = await this.signInLimits.begin(normalised, clientAddress);
    const member = await this.findByNormalisedLogin(normalised);
    const valid = member
      ? await this.passwords.verify(member.passwordHash, password)
      : await this.passwords.verifyNobody(password);
    if (!member || !valid) {
      throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'volunteers.signIn.wrongCredentials');
    }
    await this.signInLimits.succeeded(attempt);
    // Said only to whoever knows the password, so it tells a guesser nothing.
    if (member.status === 'suspended') {
      throw DomainError.of(ErrorCode.ACCOUNT_SUSPENDED, 'volunteers.signIn.suspended');
    }
    return toMemberView(member);
  }

  /**
   * Creates the configured first admin unless a member already has its login.
   * Two copies starting at once both try; the unique indexes let one win.
   */
  async ensureBootstrapAdmin(): Promise<boolean> {
    const login = this.config.BOOTSTRAP_ADMIN_LOGIN;
    if (await this.findByLogin(login)) return false;
    // VolunteersConfig has checked that the login is an e-mail or a valid phone number.
    const email = isEmailLogin(login) ? login : null;
    const phone = email ? null : normalisePhone(login, this.config.DEFAULT_PHONE_REGION);
    return this.members.insertUnlessTaken({
      email,
      phone,
      passwordHash: await this.passwords.hash(this.config.BOOTSTRAP_ADMIN_PASSWORD),
      displayName: 'Administrator',
      roles: ['admin'],
      communityId: null,
      gridUnitId: null,
      merchantId: null,
      coordinatorOf: [],
      // A configured password has been seen by whoever deployed it: in production it is a first key only.
      mustChangePassword: this.config.NODE_ENV === 'production',
    });
  }

  /** Merchant staff belong to a merchant the rewards service knows, in the member's community. */
  private async assertMerchantOf(merchantId: string, communityId: string): Promise<void> {
    const merchant = await this.rewards.merchant(merchantId);
    if (!merchant) {
      throw DomainError.validation([fieldError('merchantId', 'volunteers.members.noSuchMerchant')]);
    }
    if (merchant.communityId !== communityId) {
      throw DomainError.validation([
        fieldError('merchantId', 'volunteers.members.merchantOfOtherCommunity'),
      ]);
    }
  }

  private findByLogin(login: string): Promise<MemberEntity | null> {
    return this.findByNormalisedLogin(normaliseLogin(login, this.config.DEFAULT_PHONE_REGION));
  }

  private async findByNormalisedLogin(login: NormalisedLogin): Promise<MemberEntity | null> {
    if (login.kind === 'email') return this.members.findByEmail(login.value);
    if (login.kind === 'phone') return this.members.findByPhone(login.value);
    return null;
  }

  private async addMember(
    input: NewMemberInput,
    alsoInTransaction?: (manager: EntityManager, member: MemberEntity) => Promise<void>,
  ): Promise<MemberView> {
    const errors: FieldError[] = nulCharacterErrors({ displayName: input.displayName });
    const phone =
      input.phone === undefined
        ? null
        : normalisePhone(input.phone, this.config.DEFAULT_PHONE_REGION);
    if (input.phone !== undefined && phone === null) {
      errors.push(fieldError('phone', 'volunteers.members.phoneInvalid'));
    }
    if (errors.length > 0) throw DomainError.validation(errors);
    if (!(await this.communities.exists(input.communityId))) {
      throw DomainError.validation([fieldError('communityId', 'field.noSuchCommunity')]);
    }
    if (input.gridUnitId !== undefined) {
      await this.assertGridUnitOf(input.gridUnitId, input.communityId);
    }
    const member = await this.members
      .insert(
        {
          email: input.email ?? null,
          phone,
          passwordHash: await this.passwords.hash(input.password),
          displayName: input.displayName,
          roles: input.roles,
          communityId: input.communityId,
          gridUnitId: input.gridUnitId ?? null,
          merchantId: input.merchantId ?? null,
          coordinatorOf: input.coordinatorOf ?? [],
        },
        alsoInTransaction,
      )
      .catch((error) => {
        throw wordedRefusal(error);
      });
    return toMemberView(member);
  }

  private async assertGridUnitOf(gridUnitId: string, communityId: string | null): Promise<void> {
    const belongs =
      communityId !== null && (await this.communities.gridUnitBelongsTo(gridUnitId, communityId));
    if (!belongs) {
      throw DomainError.validation([
        fieldError('gridUnitId', 'volunteers.members.gridUnitNotMembersCommunity'),
      ]);
    }
  }
}
