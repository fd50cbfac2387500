import { DomainError, ErrorCode } from '@app/common';
import {
  AccountState,
  applyMovement,
  availableOf,
  GiftAllowance,
  release,
  reserve,
} from './ledger-rules';

function account(id: string, balance: number, held = 0, limit: number | null = 0): AccountState {
  return {
    id,
    ownerType: 'member',
    ownerId: id,
    balanceMinutes: balance,
    heldMinutes: held,
    lifetimeEarnedMinutes: 0,
    overdraftLimitMinutes: limit,
  };
}

function move(
  from: string,
  to: string,
  minutes: number,
  extra: Partial<Parameters<typeof applyMovement>[1]> = {},
) {
  return {
    fromAccountId: from,
    toAccountId: to,
    minutes,
    earns: false,
    unearns: false,
    releasesHeldMinutes: 0,
    ...extra,
  };
}

describe('ledger rules', () => {
  it('available is balance − held + limit, unlimited without a limit', () => {
    expect(availableOf(account('a', 100, 30, 20))).toBe(90);
    expect(availableOf(account('i', -5000, 0, null))).toBe(Number.POSITIVE_INFINITY);
  });

  it('moves credits and reports the balances after', () => {
    const accounts = new Map([
      ['a', account('a', 100)],
      ['b', account('b', 5)],
    ]);
    expect(applyMovement(accounts, move('a', 'b', 60, { earns: true }))).toEqual({
      fromBalanceAfterMinutes: 40,
      toBalanceAfterMinutes: 65,
      toLifetimeEarnedMinutes: 60,
    });
    expect(accounts.get('a')!.lifetimeEarnedMinutes).toBe(0);
  });

  it('refuses what the available credits do not cover, and changes nothing', () => {
    const accounts = new Map([
      ['a', account('a', 100, 50, 10)],
      ['b', account('b', 0)],
    ]);
    const result = applyMovement(accounts, move('a', 'b', 61));
    expect(result).toBeInstanceOf(DomainError);
    expect((result as DomainError).code).toBe(ErrorCode.INSUFFICIENT_CREDITS);
    expect(accounts.get('a')).toMatchObject({ balanceMinutes: 100, heldMinutes: 50 });
    expect(applyMovement(accounts, move('a', 'b', 60))).not.toBeInstanceOf(DomainError);
    expect(accounts.get('a')!.balanceMinutes).toBe(40);
  });

  it('lets the issuance account go negative without limit', () => {
    const accounts = new Map([
      ['i', account('i', 0, 0, null)],
      ['f', account('f', 0)],
    ]);
    expect(applyMovement(accounts, move('i', 'f', 10_000_000))).toMatchObject({
      fromBalanceAfterMinutes: -10_000_000,
    });
  });

  it('a hold posting spends from its own hold, up to the held minutes', () => {
    const accounts = new Map([
      ['a', account('a', 100, 80)],
      ['b', account('b', 0)],
    ]);
    expect(applyMovement(accounts, move('a', 'b', 70, { releasesHeldMinutes: 80 }))).toMatchObject({
      fromBalanceAfterMinutes: 30,
    });
    expect(accounts.get('a')!.heldMinutes).toBe(0);
  });

  it('refuses paying oneself and non-positive or fractional minutes', () => {
    const accounts = new Map([
      ['a', account('a', 100)],
      ['b', account('b', 0)],
    ]);
    for (const m of [
      move('a', 'a', 1),
      move('a', 'b', 0),
      move('a', 'b', -5),
      move('a', 'b', 1.5),
    ]) {
      expect((applyMovement(accounts, m) as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    }
    expect(accounts.get('a')!.balanceMinutes).toBe(100);
  });

  it('a reversal of service credit gives the lifetime back', () => {
    const accounts = new Map([
      ['a', account('a', 100)],
      ['b', account('b', 0)],
    ]);
    accounts.get('a')!.lifetimeEarnedMinutes = 100;
    applyMovement(accounts, move('a', 'b', 100, { unearns: true }));
    expect(accounts.get('a')!.lifetimeEarnedMinutes).toBe(0);
  });

  it('holds reserve only what is available and release back', () => {
    const a = account('a', 100, 0, 0);
    expect(reserve(a, 101)?.code).toBe(ErrorCode.INSUFFICIENT_CREDITS);
    expect(reserve(a, 100)).toBeNull();
    expect(availableOf(a)).toBe(0);
    release(a, 100);
    expect(a.heldMinutes).toBe(0);
  });

  it('the gift allowance counts what was given today and in the same batch', () => {
    const allowance = new GiftAllowance(100, new Map([['a', 60]]));
    expect(allowance.check('a', 40)).toBeNull();
    allowance.record('a', 40);
    expect(allowance.check('a', 1)?.code).toBe(ErrorCode.NOT_ELIGIBLE);
    expect(allowance.check('b', 100)).toBeNull();
  });
});
