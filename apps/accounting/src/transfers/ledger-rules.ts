import { DomainError, fieldError, ErrorCode } from '@app/common';
import { AccountOwnerType } from '@app/contracts';

/** What the ledger's rules need to know of an account, as locked for a change. */
export interface AccountState {
  id: string;
  ownerType: AccountOwnerType;
  ownerId: string | null;
  balanceMinutes: number;
  heldMinutes: number;
  lifetimeEarnedMinutes: number;
  /** null: may go negative without limit (the issuance account). */
  overdraftLimitMinutes: number | null;
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
  releasesHeldMinutes: number;
}

export interface MovementResult {
  fromBalanceAfterMinutes: number;
  toBalanceAfterMinutes: number;
  toLifetimeEarnedMinutes: number;
}

/** balance − held + overdraft limit; unlimited for the issuance account. */
export function availableOf(account: AccountState): number {
  return account.overdraftLimitMinutes === null
    ? Number.POSITIVE_INFINITY
    : account.balanceMinutes - account.heldMinutes + account.overdraftLimitMinutes;
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
  const { minutes, releasesHeldMinutes } = movement;
  if (
    !Number.isSafeInteger(minutes) ||
    minutes <= 0 ||
    releasesHeldMinutes < 0 ||
    releasesHeldMinutes > from.heldMinutes
  ) {
    return DomainError.validation([fieldError('minutes', 'credits.minutesPositive')]);
  }
  // What the payer has once its own hold is settled must cover the payment.
  if (availableOf(from) + releasesHeldMinutes < minutes) return insufficient(from, minutes);
  if (movement.unearns && from.lifetimeEarnedMinutes < minutes) {
    return DomainError.of(ErrorCode.INVALID_STATE, 'credits.lifetimeBelowZero');
  }
  from.heldMinutes -= releasesHeldMinutes;
  from.balanceMinutes -= minutes;
  if (movement.unearns) from.lifetimeEarnedMinutes -= minutes;
  to.balanceMinutes += minutes;
  if (movement.earns) to.lifetimeEarnedMinutes += minutes;
  return {
    fromBalanceAfterMinutes: from.balanceMinutes,
    toBalanceAfterMinutes: to.balanceMinutes,
    toLifetimeEarnedMinutes: to.lifetimeEarnedMinutes,
  };
}

/** Reserves minutes of an account for a hold, when its available credits cover them. */
export function reserve(account: AccountState, minutes: number): DomainError | null {
  if (availableOf(account) < minutes) return insufficient(account, minutes);
  account.heldMinutes += minutes;
  return null;
}

/** Releases a hold's minutes without moving them. */
export function release(account: AccountState, minutes: number): void {
  account.heldMinutes = Math.max(0, account.heldMinutes - minutes);
}

/** Gifts of one day may not exceed the allowance; counts gifts accepted earlier in the same batch. */
export class GiftAllowance {
  constructor(
    private readonly maxMinutesPerDay: number,
    private readonly givenTodayMinutes: Map<string, number>,
  ) {}

  check(accountId: string, minutes: number): DomainError | null {
    const given = this.givenTodayMinutes.get(accountId) ?? 0;
    if (given + minutes <= this.maxMinutesPerDay) return null;
    return DomainError.of(
      ErrorCode.NOT_ELIGIBLE,
      'credits.giftLimit',
      {
        maxMinutesPerDay: this.maxMinutesPerDay,
        leftMinutes: Math.max(0, this.maxMinutesPerDay - given),
      },
      { maxMinutesPerDay: this.maxMinutesPerDay, givenTodayMinutes: given },
    );
  }

  record(accountId: string, minutes: number): void {
    this.givenTodayMinutes.set(accountId, (this.givenTodayMinutes.get(accountId) ?? 0) + minutes);
  }
}
