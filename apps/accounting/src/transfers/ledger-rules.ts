import { DomainError, fieldError, ErrorCode } from '@app/common';
import { AccountOwnerType } from '@app/contracts';

/** What the ledger's rules need to know of an account, as locked for a change. */
export interface AccountState {
  id: string;
  ownerType: AccountOwnerType;
  ownerId: string | null;
  balance: number;
  held: number;
  lifetimeEarned: number;
  /** null: may go negative without limit (the issuance account). */
  overdraftLimit: number | null;
}

/** One movement of credits between two accounts, as a transfer or a hold's posting makes it. */
export interface Movement {
  fromAccountId: string;
  toAccountId: string;
  minutes: number;
  /** A service credit: the recipient's lifetime earned grows by it. */
  earns: boolean;
  /** The reversal of a service credit: the payer (its first recipient) gives the lifetime back. */
  unearns: boolean;
  /** Minutes of the payer's hold this movement settles (a hold's posting). */
  releasesHeld: number;
}

export interface MovementResult {
  fromBalanceAfter: number;
  toBalanceAfter: number;
  toLifetimeAfter: number;
}

/** balance − held + overdraft limit; unlimited for the issuance account. */
export function availableOf(account: AccountState): number {
  return account.overdraftLimit === null
    ? Number.POSITIVE_INFINITY
    : account.balance - account.held + account.overdraftLimit;
}

export function insufficient(account: AccountState, minutes: number): DomainError {
  const figures = { availableMinutes: availableOf(account), neededMinutes: minutes };
  return DomainError.of(ErrorCode.INSUFFICIENT_CREDITS, 'credits.insufficient', figures, figures);
}

/**
 * Applies a movement to the accounts (which it mutates) when the rules allow
 * it, or returns the refusal and leaves them as they were.
 */
export function applyMovement(
  accounts: Map<string, AccountState>,
  movement: Movement,
): MovementResult | DomainError {
  const from = accounts.get(movement.fromAccountId);
  const to = accounts.get(movement.toAccountId);
  if (!from || !to) return DomainError.notFound('Account');
  if (from.id === to.id) {
    return DomainError.validation([fieldError('to', 'credits.payItself')]);
  }
  const { minutes, releasesHeld } = movement;
  if (
    !Number.isSafeInteger(minutes) ||
    minutes <= 0 ||
    releasesHeld < 0 ||
    releasesHeld > from.held
  ) {
    return DomainError.validation([fieldError('minutes', 'credits.minutesPositive')]);
  }
  // What the payer has once its own hold is settled must cover the payment.
  if (availableOf(from) + releasesHeld < minutes) return insufficient(from, minutes);
  if (movement.unearns && from.lifetimeEarned < minutes) {
    return DomainError.of(ErrorCode.INVALID_STATE, 'credits.lifetimeBelowZero');
  }
  from.held -= releasesHeld;
  from.balance -= minutes;
  if (movement.unearns) from.lifetimeEarned -= minutes;
  to.balance += minutes;
  if (movement.earns) to.lifetimeEarned += minutes;
  return {
    fromBalanceAfter: from.balance,
    toBalanceAfter: to.balance,
    toLifetimeAfter: to.lifetimeEarned,
  };
}

/** Reserves minutes of an account for a hold, when its available credits cover them. */
export function reserve(account: AccountState, minutes: number): DomainError | null {
  if (availableOf(account) < minutes) return insufficient(account, minutes);
  account.held += minutes;
  return null;
}

/** Releases a hold's minutes without moving them. */
export function release(account: AccountState, minutes: number): void {
  account.held = Math.max(0, account.held - minutes);
}

/** Gifts of one day may not exceed the allowance; counts gifts accepted earlier in the same batch. */
export class GiftAllowance {
  constructor(
    private readonly maxPerDay: number,
    private readonly givenToday: Map<string, number>,
  ) {}

  check(accountId: string, minutes: number): DomainError | null {
    const given = this.givenToday.get(accountId) ?? 0;
    if (given + minutes <= this.maxPerDay) return null;
    return DomainError.of(
      ErrorCode.NOT_ELIGIBLE,
      'credits.giftLimit',
      { maxMinutesPerDay: this.maxPerDay, leftMinutes: Math.max(0, this.maxPerDay - given) },
      { maxMinutesPerDay: this.maxPerDay, givenTodayMinutes: given },
    );
  }

  record(accountId: string, minutes: number): void {
    this.givenToday.set(accountId, (this.givenToday.get(accountId) ?? 0) + minutes);
  }
}
