import { ErrorCode } from '@app/common';
import { CreateTransferCommand, TransferView } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { createLedgerTestApp, LedgerTestApp, refusal } from '../testing/ledger-test-app';
import { scopedKey } from './idempotency';
import { TransferBatcher } from './transfer-batcher';
import { TransfersRepository } from './transfers.repository';
import { TransfersService } from './transfers.service';

describe('transfers under concurrency (PostgreSQL)', () => {
  let app: LedgerTestApp;
  let copy: LedgerTestApp;
  let transfers: TransfersService;

  beforeAll(async () => {
    app = await createLedgerTestApp();
    // a second copy of the service on the same database: its batches race the first one's
    copy = await createLedgerTestApp({}, app);
    transfers = app.get(TransfersService);
  });
  afterAll(async () => {
    await copy?.close();
    await app?.close();
  });

  function command(
    from: string,
    to: string,
    minutes: number,
    key = randomUUID(),
    kind: CreateTransferCommand['kind'] = 'service',
  ): CreateTransferCommand {
    return {
      idempotencyKey: key,
      kind,
      from: from === 'issuance' ? { type: 'issuance' } : { type: 'member', id: from },
      to: { type: 'member', id: to },
      minutes,
    };
  }

  async function funded(minutes: number): Promise<string> {
    const member = app.directory.addMember();
    if (minutes > 0)
      await transfers.create(command('issuance', member, minutes, undefined, 'allocation'));
    return member;
  }

  async function balances() {
    const [sum] = await app.query<{ total: string }>(
      'SELECT sum(balance) AS total FROM accounting.accounts',
    );
    return Number(sum.total);
  }

  it('100 conflicting spends from one account at once never overdraw it, and the total stays zero', async () => {
    const payer = await funded(1000);
    const payees = await Promise.all(Array.from({ length: 10 }, () => funded(0)));
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        (i % 2 ? copy : app).get(TransfersService).create(command(payer, payees[i % 10], 30)),
      ),
    );
    const done = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    // 1000 / 30: exactly 33 fit
    expect(done).toHaveLength(33);
    expect(new Set(refused.map((r) => (r.reason as { code: string }).code))).toEqual(
      new Set([ErrorCode.INSUFFICIENT_CREDITS]),
    );
    const payerAccount = await app.get(AccountsService).member(payer);
    expect(payerAccount.balanceMinutes).toBe(10);
    expect(await balances()).toBe(0);
    const [entries] = await app.query<{ n: string; total: string }>(
      'SELECT count(*) AS n, sum(amount) AS total FROM accounting.entries',
    );
    expect(Number(entries.total)).toBe(0);
    // no entry ever shows the payer below zero
    const [lowest] = await app.query<{ min: string }>(
      'SELECT min(balance_after) AS min FROM accounting.entries WHERE account_id = $1',
      [payerAccount.id],
    );
    expect(Number(lowest.min)).toBeGreaterThanOrEqual(0);
  });

  it('one idempotency key sent 20 times at once makes one transfer', async () => {
    const payer = await funded(500);
    const payee = await funded(0);
    const key = randomUUID();
    const views = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? copy : app).get(TransfersService).create(command(payer, payee, 45, key)),
      ),
    );
    expect(new Set(views.map((v) => v.transferId)).size).toBe(1);
    const rows = await app.query('SELECT id FROM accounting.transfers WHERE idempotency_key = $1', [
      scopedKey('transfer', null, key),
    ]);
    expect(rows).toHaveLength(1);
    expect((await app.get(AccountsService).member(payer)).balanceMinutes).toBe(455);

    // again later: the original answer; another body with the same key: refused
    expect((await transfers.create(command(payer, payee, 45, key))).transferId).toBe(
      views[0].transferId,
    );
    expect((await refusal(transfers.create(command(payer, payee, 46, key)))).code).toBe(
      ErrorCode.IDEMPOTENCY_MISMATCH,
    );
    // the same key and another body in the same instant: one of each answer
    const key2 = randomUUID();
    const mixed = await Promise.allSettled([
      transfers.create(command(payer, payee, 10, key2)),
      transfers.create(command(payer, payee, 11, key2)),
    ]);
    expect(mixed.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(
      (
        (mixed.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as {
          code: string;
        }
      ).code,
    ).toBe(ErrorCode.IDEMPOTENCY_MISMATCH);
    expect(await balances()).toBe(0);
  });

  it('batches concurrent transfers into few transactions, each answered on its own', async () => {
    const payers = await Promise.all(Array.from({ length: 64 }, () => funded(100)));
    const payee = await funded(0);
    const repository = app.get(TransfersRepository);
    const spy = jest.spyOn(repository, 'transaction');
    // every other transfer asks more than its payer has
    const results = await Promise.allSettled(
      payers.map((payer, i) => transfers.create(command(payer, payee, i % 2 === 0 ? 100 : 101))),
    );
    const transactions = spy.mock.calls.length;
    spy.mockRestore();
    expect(transactions).toBeLessThanOrEqual(4);
    results.forEach((r, i) => {
      if (i % 2 === 0) expect(r.status).toBe('fulfilled');
      else
        expect(((r as PromiseRejectedResult).reason as { code: string }).code).toBe(
          ErrorCode.INSUFFICIENT_CREDITS,
        );
    });
    expect((await app.get(AccountsService).member(payee)).balanceMinutes).toBe(32 * 100);
    expect(await balances()).toBe(0);
  });

  it('a batch that fails in the database is posted one by one: only the culprit fails', async () => {
    const payer = await funded(300);
    const payee = await funded(0);
    const accounts = app.get(AccountsService);
    const [from, to] = [(await accounts.member(payer)).id, (await accounts.member(payee)).id];
    const batcher = app.get(TransferBatcher);
    const request = (memo: string) => ({
      kind: 'gift' as const,
      fromAccountId: from,
      toAccountId: to,
      minutes: 10,
      reference: null,
      memo,
      actorId: null,
      key: randomUUID(),
      hash: 'h',
      giftAllowance: false,
      reverses: null,
    });
    // PostgreSQL text cannot hold U+0000: the whole INSERT fails, not a rule
    const results = await Promise.allSettled([
      batcher.submit(request('one')),
      batcher.submit(request('bad\u0000memo')),
      batcher.submit(request('three')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await accounts.member(payer)).balanceMinutes).toBe(280);
    expect(await balances()).toBe(0);
  });

  it('writes transfer.posted to the outbox with every transfer, in the same transaction', async () => {
    const payer = await funded(100);
    const payee = await funded(0);
    const view: TransferView = await transfers.create(command(payer, payee, 25));
    const events = await app.query<{ payload: any }>(
      `SELECT payload FROM accounting.outbox WHERE subject = 'accounting.transfer.posted'
        AND payload->>'transferId' = $1`,
      [view.transferId],
    );
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({
      kind: 'service',
      minutes: 25,
      from: { ownerType: 'member', ownerId: payer },
      to: { ownerType: 'member', ownerId: payee },
      toLifetimeEarnedMinutes: 25,
    });
    const [counts] = await app.query<{ transfers: string; events: string }>(
      `SELECT (SELECT count(*) FROM accounting.transfers) AS transfers,
              (SELECT count(*) FROM accounting.outbox WHERE subject = 'accounting.transfer.posted') AS events`,
    );
    expect(counts.events).toBe(counts.transfers);
  });

  it('creates an account asked for before its announcement once, however many ask at once', async () => {
    const member = app.directory.addMember(null, '王芳');
    const accounts = app.get(AccountsService);
    const all = await Promise.all(Array.from({ length: 10 }, () => accounts.member(member)));
    expect(new Set(all.map((a) => a.id)).size).toBe(1);
    expect(all[0].displayName).toBe('王芳');
    expect((await refusal(accounts.member(randomUUID()))).code).toBe(ErrorCode.NOT_FOUND);
  });
});
