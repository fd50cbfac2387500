import { ErrorCode } from '@app/common';
import { randomUUID } from 'node:crypto';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AccountsService } from '../accounts/accounts.service';
import { StatementsService } from '../statements/statements.service';
import {
  createLedgerTestApp,
  LedgerTestApp,
  memberActor,
  refusal,
} from '../testing/ledger-test-app';
import { HoldsService } from './holds.service';

describe('holds, statements and accounts (PostgreSQL)', () => {
  let app: LedgerTestApp;
  let holds: HoldsService;
  let accounts: AccountsService;
  let payer: string;
  let volunteer: string;

  beforeAll(async () => {
    app = await createLedgerTestApp({ TIER_THRESHOLDS_HOURS: '1,2' });
    holds = app.get(HoldsService);
    accounts = app.get(AccountsService);
    payer = app.directory.addMember(null, 'Resident');
    volunteer = app.directory.addMember(null, 'Volunteer');
    await app.issue(payer, 300, 'seed');
  });
  afterAll(() => app?.close());

  const hold = (minutes: number, extra: object = {}) =>
    holds.create({
      idempotencyKey: randomUUID(),
      kind: 'service',
      from: { type: 'member', id: payer },
      minutes,
      ...extra,
    });

  it('a hold reserves credits; posting pays part of it to a recipient named then, and releases the rest', async () => {
    const created = await hold(120, { reference: 'request-1' });
    expect(created).toMatchObject({ status: 'open', minutes: 120, toAccountId: null });
    expect(await accounts.member(payer)).toMatchObject({ balanceMinutes: 300, heldMinutes: 120 });
    expect((await refusal(hold(181))).code).toBe(ErrorCode.INSUFFICIENT_CREDITS);

    const post = {
      idempotencyKey: randomUUID(),
      holdId: created.holdId,
      minutes: 90,
      to: { type: 'member' as const, id: volunteer },
    };
    expect((await refusal(holds.post({ ...post, minutes: 121 }))).code).toBe(
      ErrorCode.VALIDATION_FAILED,
    );
    const posted = await holds.post(post);
    expect(posted).toMatchObject({ status: 'posted', postedMinutes: 90 });
    expect(await accounts.member(payer)).toMatchObject({ balanceMinutes: 210, heldMinutes: 0 });
    expect(await accounts.member(volunteer)).toMatchObject({
      balanceMinutes: 90,
      lifetimeEarnedMinutes: 90,
    });
    // the same posting again answers the same; another posting or a void is refused
    expect((await holds.post(post)).transferId).toBe(posted.transferId);
    expect((await refusal(holds.post({ ...post, minutes: 80 }))).code).toBe(
      ErrorCode.IDEMPOTENCY_MISMATCH,
    );
    expect((await refusal(holds.post({ ...post, idempotencyKey: 'other' }))).code).toBe(
      ErrorCode.INVALID_STATE,
    );
    expect((await refusal(holds.void({ holdId: created.holdId }))).code).toBe(
      ErrorCode.INVALID_STATE,
    );
    const events = await app.query<{ subject: string }>(
      `SELECT subject FROM accounting.outbox WHERE payload->>'holdId' = $1 ORDER BY seq`,
      [created.holdId],
    );
    expect(events.map((e) => e.subject)).toEqual([
      'accounting.hold.created',
      'accounting.transfer.posted',
      'accounting.hold.posted',
    ]);
  });

  it('settling pays several recipients from one hold with their details, once, and releases the rest', async () => {
    // A payer of its own, so the statements below are not changed.
    const fund = app.directory.addMember(null, 'Fund');
    await app.issue(fund, 200, 'seed-settle');
    const holdOnFund = (minutes: number, extra: object = {}) =>
      holds.create({
        idempotencyKey: randomUUID(),
        kind: 'service',
        from: { type: 'member', id: fund },
        minutes,
        ...extra,
      });
    const other = app.directory.addMember(null, 'Second volunteer');
    const third = app.directory.addMember(null, 'Third volunteer');
    const before = await accounts.member(fund);
    const created = await holdOnFund(100, { reference: 'activity:bench' });
    const settle = {
      idempotencyKey: `activity:${randomUUID()}:close`,
      holdId: created.holdId,
      payments: [
        { to: { type: 'member' as const, id: other }, minutes: 30, details: { sourceId: 'a' } },
        { to: { type: 'member' as const, id: third }, minutes: 45, details: { sourceId: 'b' } },
      ],
    };
    expect(
      (
        await refusal(
          holds.settle({
            ...settle,
            payments: [{ to: { type: 'member', id: other }, minutes: 101 }],
          }),
        )
      ).code,
    ).toBe(ErrorCode.VALIDATION_FAILED);
    const settled = await holds.settle(settle);
    expect(settled).toMatchObject({ status: 'posted', postedMinutes: 75 });
    expect(await accounts.member(fund)).toMatchObject({
      balanceMinutes: before.balanceMinutes - 75,
      heldMinutes: before.heldMinutes,
    });
    expect(await accounts.member(other)).toMatchObject({ balanceMinutes: 30 });
    expect(await accounts.member(third)).toMatchObject({ lifetimeEarnedMinutes: 45 });
    // Again: the same answer, nothing paid twice.
    expect((await holds.settle(settle)).transferId).toBe(settled.transferId);
    expect(await accounts.member(other)).toMatchObject({ balanceMinutes: 30 });
    const posted = await app.query<{ minutes: string; details: { sourceId: string } }>(
      `SELECT payload->>'minutes' AS minutes, payload->'details' AS details FROM accounting.outbox
        WHERE subject = 'accounting.transfer.posted' AND payload->>'reference' = 'activity:bench'
        ORDER BY seq`,
    );
    expect(posted.map((p) => [Number(p.minutes), p.details.sourceId])).toEqual([
      [30, 'a'],
      [45, 'b'],
    ]);
    // Nobody attended: the whole hold goes back.
    const empty = await holdOnFund(20);
    await holds.settle({ idempotencyKey: randomUUID(), holdId: empty.holdId, payments: [] });
    expect(await accounts.member(fund)).toMatchObject({ heldMinutes: before.heldMinutes });
  });

  it('voiding releases the hold; voiding again answers the same', async () => {
    const created = await hold(50);
    expect((await holds.void({ holdId: created.holdId })).status).toBe('voided');
    expect((await holds.void({ holdId: created.holdId })).status).toBe('voided');
    expect((await accounts.member(payer)).heldMinutes).toBe(0);
  });

  it('one key asked for at once, each with its own expiry, is one hold; other content is refused', async () => {
    const idempotencyKey = randomUUID();
    const ask = (minutes: number, inMs: number) =>
      holds.create({
        idempotencyKey,
        kind: 'service',
        from: { type: 'member', id: payer },
        minutes,
        expiresAt: new Date(Date.now() + 3_600_000 + inMs).toISOString(),
      });
    const answers = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((ms) => ask(20, ms)));
    expect(new Set(answers.map((h) => h.holdId)).size).toBe(1);
    expect((await accounts.member(payer)).heldMinutes).toBe(20);
    expect((await refusal(ask(21, 0))).code).toBe(ErrorCode.IDEMPOTENCY_MISMATCH);
    await holds.void({ holdId: answers[0].holdId });
    expect((await accounts.member(payer)).heldMinutes).toBe(0);
  });

  it('expired holds void themselves, each once, with several expirers at once', async () => {
    const past = new Date(Date.now() - 1000).toISOString();
    const due = await Promise.all([1, 2, 3, 4, 5].map(() => hold(10, { expiresAt: past })));
    const later = await hold(10, { expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect((await accounts.member(payer)).heldMinutes).toBe(60);
    const counts = await Promise.all([holds.expireDue(2), holds.expireDue(2), holds.expireDue(2)]);
    const total = counts.reduce((a, b) => a + b, 0) + (await holds.expireDue());
    expect(total).toBe(5);
    expect((await accounts.member(payer)).heldMinutes).toBe(10);
    const voided = await app.query(
      `SELECT id FROM accounting.outbox WHERE subject = 'accounting.hold.voided'
        AND payload->>'status' = 'expired'`,
    );
    expect(voided).toHaveLength(5);
    expect(due.every((h) => h.status === 'open')).toBe(true);
    await holds.void({ holdId: later.holdId });
  });

  it('statements page newest first with running balances and counterparties', async () => {
    const statements = app.get(StatementsService);
    const first = await statements.mine(memberActor(payer), { limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({
      kind: 'service',
      minutes: -90,
      balanceAfterMinutes: 210,
      counterparty: { type: 'member', id: volunteer, name: 'Volunteer' },
      reference: 'request-1',
    });
    const second = await statements.mine(memberActor(payer), {
      limit: 5,
      cursor: first.nextCursor!,
    });
    expect(second.items).toEqual([
      expect.objectContaining({
        kind: 'allocation',
        minutes: 300,
        balanceAfterMinutes: 300,
        counterparty: { type: 'issuance', id: null, name: 'City issuance' },
      }),
    ]);
    expect(second.nextCursor).toBeNull();
    expect((await refusal(statements.mine(memberActor(payer), { cursor: 'nonsense' }))).code).toBe(
      ErrorCode.VALIDATION_FAILED,
    );
  });

  it('my account shows the tier of lifetime earned minutes', async () => {
    const mine = await accounts.mine(memberActor(volunteer));
    expect(mine).toMatchObject({
      balanceMinutes: 90,
      availableMinutes: 90,
      lifetimeEarnedMinutes: 90,
      overdraftLimitMinutes: 0,
      tier: { level: 1, nextLevelAtMinutes: 120 },
    });
  });

  it('an announcement names the account; one that came first is kept', async () => {
    const repository = app.get(AccountsRepository);
    const memberId = randomUUID();
    await repository.upsertFromEvent({
      ownerType: 'member',
      ownerId: memberId,
      communityId: null,
      displayName: '张伟',
    });
    const lookups = app.directory.lookups;
    const account = await accounts.member(memberId);
    expect(account.displayName).toBe('张伟');
    expect(app.directory.lookups).toBe(lookups);
  });
});
