import { ErrorCode } from '@app/common';
import {
  AdjustmentCommand,
  CreateHoldCommand,
  CreateTransferCommand,
  GiftCommand,
  MAX_TRANSFER_MINUTES,
} from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { HoldsService } from '../holds/holds.service';
import {
  adminActor,
  coordinatorActor,
  createLedgerTestApp,
  LedgerTestApp,
  memberActor,
  refusal,
  validated,
} from '../testing/ledger-test-app';
import { TransfersService } from './transfers.service';

describe('bad input answers its code and leaves the ledger untouched (PostgreSQL)', () => {
  let app: LedgerTestApp;
  let transfers: TransfersService;
  let community: string;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    app = await createLedgerTestApp({ GIFT_MAX_MINUTES_PER_DAY: '300' });
    transfers = app.get(TransfersService);
    community = app.directory.addCommunity();
    alice = app.directory.addMember(community, 'Alice');
    bob = app.directory.addMember(community, 'Bob');
    await app.issue(alice, 1000, 'seed');
    // Accounts of real owners may appear whenever they are first named; make them now,
    // so that "untouched" below means not one row changed.
    await app.get(AccountsService).member(bob);
    await app.get(AccountsService).resolve({ type: 'community_fund', id: community });
  });
  afterAll(() => app?.close());

  /** Every row count and balance, to compare before and after. */
  async function snapshot() {
    return app.query(
      `SELECT (SELECT count(*) FROM accounting.transfers) AS transfers,
              (SELECT count(*) FROM accounting.entries) AS entries,
              (SELECT count(*) FROM accounting.holds) AS holds,
              (SELECT count(*) FROM accounting.outbox) AS events,
              (SELECT json_agg(json_build_array(id, balance, held, lifetime_earned) ORDER BY id)
                 FROM accounting.accounts) AS balances`,
    );
  }

  async function untouched(
    work: () => Promise<unknown>,
  ): Promise<{ code?: string; details?: { errors: { field: string }[] } }> {
    const before = await snapshot();
    const error = await refusal(work());
    expect(await snapshot()).toEqual(before);
    return error as { code?: string; details?: { errors: { field: string }[] } };
  }

  const transfer = (minutes: unknown, extra: object = {}) => ({
    idempotencyKey: randomUUID(),
    kind: 'gift',
    from: { type: 'member', id: alice },
    to: { type: 'member', id: bob },
    minutes,
    ...extra,
  });

  it.each([0, -5, 1.5, MAX_TRANSFER_MINUTES + 1, Number.MAX_SAFE_INTEGER, '60', null])(
    'minutes %p: VALIDATION_FAILED naming minutes',
    async (minutes) => {
      const error = await untouched(async () =>
        transfers.create(await validated(CreateTransferCommand, transfer(minutes))),
      );
      expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(error.details?.errors.map((e) => e.field)).toEqual(['minutes']);
    },
  );

  it('more than the payer has: INSUFFICIENT_CREDITS', async () => {
    const error = await untouched(async () =>
      transfers.create(await validated(CreateTransferCommand, transfer(1001))),
    );
    expect(error.code).toBe(ErrorCode.INSUFFICIENT_CREDITS);
  });

  it('unknown accounts: NOT_FOUND, and no account is made for them', async () => {
    for (const body of [
      transfer(10, { to: { type: 'member', id: randomUUID() } }),
      transfer(10, { from: { type: 'member', id: randomUUID() } }),
      transfer(10, { to: { type: 'community_fund', id: randomUUID() } }),
    ]) {
      const error = await untouched(async () =>
        transfers.create(await validated(CreateTransferCommand, body)),
      );
      expect(error.code).toBe(ErrorCode.NOT_FOUND);
    }
    const error = await untouched(() => app.get(HoldsService).void({ holdId: randomUUID() }));
    expect(error.code).toBe(ErrorCode.NOT_FOUND);
  });

  it('a transfer to oneself: VALIDATION_FAILED (toMemberId for gifts)', async () => {
    const gift = await untouched(async () =>
      transfers.gift(
        memberActor(alice),
        await validated(GiftCommand, {
          idempotencyKey: 'self',
          gift: { toMemberId: alice, minutes: 10 },
        }),
      ),
    );
    expect(gift.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(gift.details?.errors[0].field).toBe('toMemberId');
    const service = await untouched(async () =>
      transfers.create(
        await validated(CreateTransferCommand, transfer(10, { to: { type: 'member', id: alice } })),
      ),
    );
    expect(service.code).toBe(ErrorCode.VALIDATION_FAILED);
    const hold = await untouched(async () =>
      app.get(HoldsService).create(
        await validated(CreateHoldCommand, {
          ...transfer(10, { to: { type: 'member', id: alice } }),
          kind: 'redemption',
        }),
      ),
    );
    expect(hold.code).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('unknown fields, a bad kind and a missing key are refused by validation', async () => {
    for (const body of [
      transfer(10, { extra: true }),
      transfer(10, { kind: 'theft' }),
      { ...transfer(10), idempotencyKey: undefined },
    ]) {
      const error = await untouched(async () =>
        transfers.create(await validated(CreateTransferCommand, body)),
      );
      expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    }
  });

  it('gifts beyond the daily allowance: NOT_ELIGIBLE', async () => {
    await transfers.gift(memberActor(alice), {
      idempotencyKey: 'g1',
      gift: { toMemberId: bob, minutes: 250 },
    });
    const error = await untouched(() =>
      transfers.gift(memberActor(alice), {
        idempotencyKey: 'g2',
        gift: { toMemberId: bob, minutes: 51 },
      }),
    );
    expect(error.code).toBe(ErrorCode.NOT_ELIGIBLE);
    await transfers.gift(memberActor(alice), {
      idempotencyKey: 'g3',
      gift: { toMemberId: bob, minutes: 50 },
    });
  });

  it('who may: adjustments by admins and coordinators in scope, allocations and reversals by admins', async () => {
    const adjustment = async (minutes: number): Promise<AdjustmentCommand> =>
      validated(AdjustmentCommand, {
        idempotencyKey: randomUUID(),
        memberId: bob,
        adjustment: { minutes, reason: 'x' },
      });
    expect(
      (await untouched(async () => transfers.adjust(memberActor(alice), await adjustment(5)))).code,
    ).toBe(ErrorCode.FORBIDDEN);
    expect(
      (
        await untouched(async () =>
          transfers.adjust(coordinatorActor(randomUUID()), await adjustment(5)),
        )
      ).code,
    ).toBe(ErrorCode.FORBIDDEN);
    expect((await refusal(adjustment(0))).code).toBe(ErrorCode.VALIDATION_FAILED);
    // the fund is empty: a positive adjustment cannot be paid
    expect(
      (
        await untouched(async () =>
          transfers.adjust(coordinatorActor(community), await adjustment(5)),
        )
      ).code,
    ).toBe(ErrorCode.INSUFFICIENT_CREDITS);
    // a negative one returns credits to the fund
    const back = await transfers.adjust(coordinatorActor(community), await adjustment(-20));
    expect(back.kind).toBe('adjustment');
    expect(back.memo).toBe('x');
    expect(
      (
        await untouched(() =>
          transfers.allocate(coordinatorActor(community), {
            idempotencyKey: 'x',
            communityId: community,
            allocation: { minutes: 5 },
          }),
        )
      ).code,
    ).toBe(ErrorCode.FORBIDDEN);
    expect(
      (
        await untouched(() =>
          transfers.reverse(memberActor(alice), {
            idempotencyKey: 'x',
            transferId: back.transferId,
            reason: 'x',
          }),
        )
      ).code,
    ).toBe(ErrorCode.FORBIDDEN);
  });

  it('a transfer is reversed once; a reversal is not reversed', async () => {
    const admin = adminActor();
    const original = await transfers.create(await validated(CreateTransferCommand, transfer(40)));
    const reversal = await transfers.reverse(admin, {
      idempotencyKey: 'r1',
      transferId: original.transferId,
      reason: 'wrong member',
    });
    expect(reversal).toMatchObject({
      kind: 'reversal',
      minutes: 40,
      fromAccountId: original.toAccountId,
      toAccountId: original.fromAccountId,
      reversesTransferId: original.transferId,
    });
    // the same request again is the same answer
    expect(
      (
        await transfers.reverse(admin, {
          idempotencyKey: 'r1',
          transferId: original.transferId,
          reason: 'wrong member',
        })
      ).transferId,
    ).toBe(reversal.transferId);
    for (const transferId of [original.transferId, reversal.transferId]) {
      const error = await untouched(() =>
        transfers.reverse(admin, { idempotencyKey: randomUUID(), transferId, reason: 'again' }),
      );
      expect(error.code).toBe(ErrorCode.INVALID_STATE);
    }
    // two different reversals of one transfer at once: one wins
    const another = await transfers.create(await validated(CreateTransferCommand, transfer(10)));
    const both = await Promise.allSettled(
      [1, 2].map(() =>
        transfers.reverse(admin, {
          idempotencyKey: randomUUID(),
          transferId: another.transferId,
          reason: 'race',
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(
      await app.query('SELECT id FROM accounting.transfers WHERE reverses_transfer_id = $1', [
        another.transferId,
      ]),
    ).toHaveLength(1);
  });

  it('an overdraft limit below what the account already uses is refused', async () => {
    const accounts = app.get(AccountsService);
    const admin = adminActor();
    const carol = app.directory.addMember(community, 'Carol');
    const set = await accounts.setOverdraftLimit(admin, {
      memberId: carol,
      overdraftLimitMinutes: 100,
    });
    expect(set).toMatchObject({ overdraftLimitMinutes: 100, availableMinutes: 100 });
    await transfers.create(
      await validated(CreateTransferCommand, transfer(80, { from: { type: 'member', id: carol } })),
    );
    const error = await untouched(() =>
      accounts.setOverdraftLimit(admin, { memberId: carol, overdraftLimitMinutes: 50 }),
    );
    expect(error.code).toBe(ErrorCode.INVALID_STATE);
    expect((await accounts.member(carol)).balanceMinutes).toBe(-80);
  });
});
