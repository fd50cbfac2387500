import { DomainError, ErrorCode } from '@app/common';
import {
  AccountOwnerRef,
  AccountView,
  Actor,
  canCoordinate,
  FundView,
  hasRole,
  MyAccountView,
  SetOverdraftLimitCommand,
  tierFor,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountingConfig } from '../accounting.config';
import { AccountDirectory } from '../peers/account-directory';
import { AccountRow, AccountsRepository } from './accounts.repository';

/** Owner → account id never changes; a bounded memo spares the lookup on every transfer. */
const MAX_REMEMBERED_ACCOUNTS = 50_000;

export function toAccountView(account: AccountRow): AccountView {
  return {
    accountId: account.id,
    ownerType: account.ownerType,
    ownerId: account.ownerId,
    communityId: account.communityId,
    balanceMinutes: account.balance,
    heldMinutes: account.held,
    availableMinutes: availableMinutes(account),
    overdraftLimitMinutes: account.overdraftLimit,
    lifetimeEarnedMinutes: account.lifetimeEarned,
  };
}

/** The issuance account has no limit: it reports what the rest of the city holds instead of ∞. */
function availableMinutes(account: AccountRow): number {
  return account.overdraftLimit === null
    ? Number.MAX_SAFE_INTEGER
    : account.balance - account.held + account.overdraftLimit;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor?.memberId) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
  return actor;
}

@Injectable()
export class AccountsService {
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly directory: AccountDirectory,
    private readonly config: AccountingConfig,
  ) {}

  // ---- member-facing ----

  async mine(actor: Actor | null): Promise<MyAccountView> {
    return this.asMine(await this.member(requireActor(actor).memberId));
  }

  private asMine(account: AccountRow): MyAccountView {
    return {
      accountId: account.id,
      balanceMinutes: account.balance,
      heldMinutes: account.held,
      availableMinutes: availableMinutes(account),
      overdraftLimitMinutes: account.overdraftLimit ?? 0,
      lifetimeEarnedMinutes: account.lifetimeEarned,
      tier: tierFor(account.lifetimeEarned, this.config.tiers),
    };
  }

  /** A member's credits, as /accounts/me shows them, for admins and coordinators in scope. */
  async ofMember(actor: Actor | null, memberId: string): Promise<MyAccountView> {
    const staff = requireActor(actor);
    if (!hasRole(staff, 'admin', 'coordinator')) {
      throw DomainError.forbidden('credits.memberAccountForbidden');
    }
    const account = await this.member(memberId);
    if (!canCoordinate(staff, account.communityId)) {
      throw DomainError.forbidden('credits.memberAccountForbidden');
    }
    return this.asMine(account);
  }

  async fund(actor: Actor | null, communityId: string): Promise<FundView> {
    if (!canCoordinate(requireActor(actor), communityId)) {
      throw DomainError.forbidden('credits.fundForbidden');
    }
    const fund = await this.resolve({ type: 'community_fund', id: communityId });
    return {
      accountId: fund.id,
      balanceMinutes: fund.balance,
      heldMinutes: fund.held,
      availableMinutes: availableMinutes(fund),
    };
  }

  async setOverdraftLimit(
    actor: Actor | null,
    command: SetOverdraftLimitCommand,
  ): Promise<AccountView> {
    if (!hasRole(requireActor(actor), 'admin')) {
      throw DomainError.forbidden('credits.overdraftForbidden');
    }
    const account = await this.member(command.memberId);
    if (!(await this.accounts.setOverdraftLimit(account.id, command.overdraftLimitMinutes))) {
      throw DomainError.of(
        ErrorCode.INVALID_STATE,
        'credits.overdraftTooLow',
        {},
        { availableMinutes: availableMinutes(account) },
      );
    }
    return toAccountView((await this.accounts.findById(account.id)) as AccountRow);
  }

  // ---- for services ----

  async get(owner: AccountOwnerRef): Promise<AccountView> {
    return toAccountView(await this.resolve(owner));
  }

  async getMany(owners: AccountOwnerRef[]): Promise<AccountView[]> {
    const accounts: AccountView[] = [];
    for (const owner of owners) accounts.push(await this.get(owner));
    return accounts;
  }

  // ---- resolving owners to accounts ----

  /** The member's account id, without creating the account when it has none yet. */
  async memberAccountIdIfAny(memberId: string): Promise<string | null> {
    const known = this.ids.get(`member:${memberId}`);
    if (known) return known;
    const account = await this.accounts.findByOwner('member', memberId);
    if (account) this.remember(account);
    return account?.id ?? null;
  }

  member(memberId: string): Promise<AccountRow> {
    return this.resolve({ type: 'member', id: memberId });
  }

  /** The id of the member with this phone or card number (the volunteers service knows). */
  async memberIdBy(contact: { phone: string } | { cardNumber: string }): Promise<string> {
    const member = await this.directory.findMemberBy(contact);
    if (!member) throw DomainError.notFound('Member');
    return member.id;
  }

  /**
   * The account of an owner, created on the spot when its announcement has not
   * arrived yet, once the owning service confirms the owner exists. Inside a
   * caller's transaction (`joined`) it is not remembered: that may roll back.
   */
  async resolve(owner: AccountOwnerRef, joined?: EntityManager): Promise<AccountRow> {
    const accounts = this.accounts.joining(joined);
    const ownerId = owner.type === 'issuance' ? null : (owner.id ?? null);
    const known = this.ids.get(`${owner.type}:${ownerId}`);
    const account =
      (known ? await accounts.findById(known) : null) ??
      (await accounts.findByOwner(owner.type, ownerId)) ??
      (await this.create(owner, accounts));
    if (!joined) this.remember(account);
    return account;
  }

  /** The account id of an owner, without reading the account when it is already known. */
  async resolveId(owner: AccountOwnerRef, joined?: EntityManager): Promise<string> {
    const ownerId = owner.type === 'issuance' ? null : (owner.id ?? null);
    return this.ids.get(`${owner.type}:${ownerId}`) ?? (await this.resolve(owner, joined)).id;
  }

  private remember(account: AccountRow): void {
    if (this.ids.size >= MAX_REMEMBERED_ACCOUNTS) this.ids.clear();
    this.ids.set(`${account.ownerType}:${account.ownerId}`, account.id);
  }

  private async create(owner: AccountOwnerRef, accounts: AccountsRepository): Promise<AccountRow> {
    const id = owner.id as string;
    switch (owner.type) {
      case 'member': {
        const member = await this.directory.findMember(id);
        if (!member) throw DomainError.notFound('Member');
        return accounts.insertIfAbsent({
          ownerType: 'member',
          ownerId: member.id,
          communityId: member.communityId,
          displayName: member.displayName,
        });
      }
      case 'community_fund': {
        const community = await this.directory.findCommunity(id);
        if (!community) throw DomainError.notFound('Community');
        return accounts.insertIfAbsent({
          ownerType: 'community_fund',
          ownerId: community.id,
          communityId: community.id,
          displayName: community.name,
        });
      }
      case 'merchant': {
        const merchant = await this.directory.findMerchant(id);
        if (!merchant) throw DomainError.notFound('Merchant');
        return accounts.insertIfAbsent({
          ownerType: 'merchant',
          ownerId: merchant.id,
          communityId: merchant.communityId,
          displayName: merchant.name,
        });
      }
      case 'issuance':
        // Created by the migration: its absence is a broken installation.
        throw new Error('the issuance account is missing');
    }
  }
}
