import { ErrorCode } from '@app/common';
import { AccountOwnerRef, TransferKind } from '@app/contracts';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { AccountsService } from './accounts/accounts.service';
import { HoldsService } from './holds/holds.service';
import { LedgerCheckService } from './ledger-check/ledger-check.service';
import { adminActor, createLedgerTestApp, LedgerTestApp } from './testing/ledger-test-app';
import { TransfersService } from './transfers/transfers.service';

/** A small in-memory ledger: what the real one must agree with after every sequence. */
interface ModelAccount {
  balance: number;
  held: number;
  lifetime: number;
  limit: number | null;
}
interface ModelHold {
  id: string;
  from: number;
  to: number | null;
  minutes: number;
  kind: TransferKind;
  status: 'open' | 'posted' | 'voided';
}
interface ModelTransfer {
  id: string;
  from: number;
  to: number;
  minutes: number;
  kind: TransferKind;
  reversed: boolean;
}

const MEMBERS = 4;
const FUND = 4;
const ISSUANCE = 5;
const KINDS: TransferKind[] = ['service', 'gift', 'redemption', 'settlement'];

type Op =
  | { t: 'transfer'; from: number; to: number; minutes: number; kind: TransferKind }
  | { t: 'hold'; from: number; to: number | null; minutes: number; kind: TransferKind }
  | { t: 'post'; hold: number; part: number | null; to: number }
  | { t: 'void'; hold: number }
  | { t: 'reverse'; transfer: number };

const account = fc.nat(ISSUANCE);
const minutes = fc.integer({ min: 1, max: 250 });
const kind = fc.constantFrom(...KINDS);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      t: fc.constant('transfer' as const),
      from: account,
      to: account,
      minutes,
      kind,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('hold' as const),
      from: account,
      to: fc.option(account),
      minutes,
      kind,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('post' as const),
      hold: fc.nat(30),
      part: fc.option(fc.integer({ min: 0, max: 100 })),
      to: account,
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ t: fc.constant('void' as const), hold: fc.nat(30) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('reverse' as const), transfer: fc.nat(40) }), weight: 2 },
);

function available(a: ModelAccount): number {
  return a.limit === null ? Number.POSITIVE_INFINITY : a.balance - a.held + a.limit;
}

describe('the ledger agrees with a model through random sequences (PostgreSQL, fast-check)', () => {
  let app: LedgerTestApp;

  beforeAll(async () => {
    app = await createLedgerTestApp();
  }, 120_000);
  afterAll(() => app?.close());

  // 150 sequences take about a minute on an idle two-core machine and several on a
  // busy one: the 6-minute bound is on the machine, not on the ledger's speed.
  it('every balance, held amount and lifetime total, after every sequence', async () => {
    const transfers = app.get(TransfersService);
    const holds = app.get(HoldsService);
    const accounts = app.get(AccountsService);
    const admin = adminActor();

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: MEMBERS, maxLength: MEMBERS }),
        fc.option(fc.integer({ min: 0, max: 3 })),
        fc.array(op, { minLength: 1, maxLength: 25 }),
        async (opening, overdrawn, ops) => {
          const community = app.directory.addCommunity();
          const owners: AccountOwnerRef[] = [
            ...Array.from({ length: MEMBERS }, () => ({
              type: 'member' as const,
              id: app.directory.addMember(community),
            })),
            { type: 'community_fund', id: community },
            { type: 'issuance' },
          ];
          // the issuance account is shared by every run: start from where the last one left it
          const issuance = await accounts.resolve({ type: 'issuance' });
          const model: ModelAccount[] = owners.map((o) => ({
            balance: 0,
            held: 0,
            lifetime: 0,
            limit: o.type === 'issuance' ? null : 0,
          }));
          Object.assign(model[ISSUANCE], {
            balance: issuance.balanceMinutes,
            held: issuance.heldMinutes,
            lifetime: issuance.lifetimeEarnedMinutes,
          });
          const seed = async (to: number, amount: number) => {
            if (amount === 0) return;
            await transfers.create({
              idempotencyKey: randomUUID(),
              kind: 'allocation',
              from: owners[ISSUANCE],
              to: owners[to],
              minutes: amount,
            });
            model[ISSUANCE].balance -= amount;
            model[to].balance += amount;
          };
          for (let i = 0; i < MEMBERS; i++) await seed(i, opening[i]);
          await seed(FUND, 500);
          if (overdrawn !== null) {
            await accounts.setOverdraftLimit(admin, {
              memberId: owners[overdrawn].id as string,
              overdraftLimitMinutes: 50,
            });
            model[overdrawn].limit = 50;
          }
          const modelHolds: ModelHold[] = [];
          const modelTransfers: ModelTransfer[] = [];

          const outcome = async (work: () => Promise<unknown>): Promise<unknown> => {
            try {
              return await work();
            } catch (error) {
              return { refused: (error as { code?: string }).code ?? String(error) };
            }
          };

          for (const o of ops) {
            let expected: string | null = null;
            switch (o.t) {
              case 'transfer': {
                const [from, to] = [model[o.from], model[o.to]];
                if (o.from === o.to) expected = ErrorCode.VALIDATION_FAILED;
                else if (available(from) < o.minutes) expected = ErrorCode.INSUFFICIENT_CREDITS;
                const result = await outcome(() =>
                  transfers.create({
                    idempotencyKey: randomUUID(),
                    kind: o.kind,
                    from: owners[o.from],
                    to: owners[o.to],
                    minutes: o.minutes,
                  }),
                );
                expect((result as { refused?: string }).refused ?? null).toBe(expected);
                if (!expected) {
                  from.balance -= o.minutes;
                  to.balance += o.minutes;
                  if (o.kind === 'service') to.lifetime += o.minutes;
                  modelTransfers.push({
                    id: (result as { transferId: string }).transferId,
                    from: o.from,
                    to: o.to,
                    minutes: o.minutes,
                    kind: o.kind,
                    reversed: false,
                  });
                }
                break;
              }
              case 'hold': {
                const from = model[o.from];
                if (o.to === o.from) expected = ErrorCode.VALIDATION_FAILED;
                else if (available(from) < o.minutes) expected = ErrorCode.INSUFFICIENT_CREDITS;
                const result = await outcome(() =>
                  holds.create({
                    idempotencyKey: randomUUID(),
                    kind: o.kind,
                    from: owners[o.from],
                    to: o.to === null ? undefined : owners[o.to],
                    minutes: o.minutes,
                  }),
                );
                expect((result as { refused?: string }).refused ?? null).toBe(expected);
                if (!expected) {
                  from.held += o.minutes;
                  modelHolds.push({
                    id: (result as { holdId: string }).holdId,
                    from: o.from,
                    to: o.to,
                    minutes: o.minutes,
                    kind: o.kind,
                    status: 'open',
                  });
                }
                break;
              }
              case 'post': {
                const hold = modelHolds[o.hold % Math.max(1, modelHolds.length)];
                if (!hold) break;
                const postMinutes =
                  o.part === null ? hold.minutes : Math.floor((hold.minutes * o.part) / 100);
                const to = hold.to ?? o.to;
                if (hold.status !== 'open') expected = ErrorCode.INVALID_STATE;
                else if (to === hold.from) expected = ErrorCode.VALIDATION_FAILED;
                const result = await outcome(() =>
                  holds.post({
                    idempotencyKey: randomUUID(),
                    holdId: hold.id,
                    minutes: o.part === null ? undefined : postMinutes,
                    to: hold.to === null ? owners[o.to] : undefined,
                  }),
                );
                expect((result as { refused?: string }).refused ?? null).toBe(expected);
                if (!expected) {
                  hold.status = 'posted';
                  model[hold.from].held -= hold.minutes;
                  if (postMinutes > 0) {
                    model[hold.from].balance -= postMinutes;
                    model[to].balance += postMinutes;
                    if (hold.kind === 'service') model[to].lifetime += postMinutes;
                    modelTransfers.push({
                      id: (result as { transferId: string }).transferId,
                      from: hold.from,
                      to,
                      minutes: postMinutes,
                      kind: hold.kind,
                      reversed: false,
                    });
                  }
                }
                break;
              }
              case 'void': {
                const hold = modelHolds[o.hold % Math.max(1, modelHolds.length)];
                if (!hold) break;
                if (hold.status === 'posted') expected = ErrorCode.INVALID_STATE;
                const result = await outcome(() => holds.void({ holdId: hold.id }));
                expect((result as { refused?: string }).refused ?? null).toBe(expected);
                if (!expected && hold.status === 'open') {
                  hold.status = 'voided';
                  model[hold.from].held -= hold.minutes;
                }
                break;
              }
              case 'reverse': {
                const original = modelTransfers[o.transfer % Math.max(1, modelTransfers.length)];
                if (!original) break;
                const payer = model[original.to];
                if (original.kind === 'reversal' || original.reversed)
                  expected = ErrorCode.INVALID_STATE;
                else if (available(payer) < original.minutes)
                  expected = ErrorCode.INSUFFICIENT_CREDITS;
                const result = await outcome(() =>
                  transfers.reverse(admin, {
                    idempotencyKey: randomUUID(),
                    transferId: original.id,
                    reason: 'property test',
                  }),
                );
                expect((result as { refused?: string }).refused ?? null).toBe(expected);
                if (!expected) {
                  original.reversed = true;
                  payer.balance -= original.minutes;
                  model[original.from].balance += original.minutes;
                  if (original.kind === 'service') payer.lifetime -= original.minutes;
                  modelTransfers.push({
                    id: (result as { transferId: string }).transferId,
                    from: original.to,
                    to: original.from,
                    minutes: original.minutes,
                    kind: 'reversal',
                    reversed: false,
                  });
                }
                break;
              }
            }
          }

          const actual = await Promise.all(owners.map((o) => accounts.resolve(o)));
          expect(
            actual.map((a) => ({
              balance: a.balanceMinutes,
              held: a.heldMinutes,
              lifetime: a.lifetimeEarnedMinutes,
            })),
          ).toEqual(model.map((m) => ({ balance: m.balance, held: m.held, lifetime: m.lifetime })));
        },
      ),
      { numRuns: 150 },
    );

    const check = await app.get(LedgerCheckService).check(admin);
    expect(check.violations).toEqual([]);
    expect(check.totalMinutes).toBe(0);
  }, 360_000);
});
