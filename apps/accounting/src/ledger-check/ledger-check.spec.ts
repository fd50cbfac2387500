import { ErrorCode } from '@app/common';
import { AccountOwnerRef, TransferKind } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { AccountsService } from '../accounts/accounts.service';
import { HoldsService } from '../holds/holds.service';
import {
  adminActor,
  coordinatorActor,
  createLedgerTestApp,
  LedgerTestApp,
  refusal,
} from '../testing/ledger-test-app';
import { TransfersService } from '../transfers/transfers.service';
import { LedgerCheckService } from './ledger-check.service';

describe('the ledger check (PostgreSQL)', () => {
  let app: LedgerTestApp;
  let check: LedgerCheckService;
  const admin = adminActor();
  let member: string;
  let memberAccountId: string;
  let firstTransferId: string;

  beforeAll(async () => {
    app = await createLedgerTestApp();
    check = app.get(LedgerCheckService);
    const transfers = app.get(TransfersService);
    const community = app.directory.addCommunity();
    member = app.directory.addMember(community);
    const other = app.directory.addMember(community);
    await transfers.allocate(admin, {
      idempotencyKey: 'a1',
      communityId: community,
      allocation: { minutes: 1000 },
    });
    /** A transfer to a member's account from the account `from` names. */
    const pay = (
      key: string,
      kind: TransferKind,
      from: AccountOwnerRef,
      to: string,
      minutes: number,
    ) =>
      transfers.create({
        idempotencyKey: key,
        kind,
        from,
        to: { type: 'member', id: to },
        minutes,
      });
    const fund: AccountOwnerRef = { type: 'community_fund', id: community };
    firstTransferId = (await pay('t1', 'service', fund, member, 300)).transferId;
    await pay('t2', 'gift', { type: 'member', id: member }, other, 100);
    await app.get(HoldsService).create({
      idempotencyKey: 'h1',
      kind: 'redemption',
      from: { type: 'member', id: member },
      minutes: 50,
    });
    memberAccountId = (await app.get(AccountsService).member(member)).id;
  });
  afterAll(() => app?.close());

  /** Plants a corruption straight into the tables, checks, and takes it out again. */
  async function planted(corrupt: string, undo: string, params: unknown[] = []) {
    await app.query(corrupt, params);
    try {
      return await check.check(admin);
    } finally {
      await app.query(undo, params);
    }
  }

  it('is clean on a healthy ledger', async () => {
    const result = await check.check(admin);
    expect(result).toMatchObject({ balanced: true, totalMinutes: 0, violations: [] });
    expect(result.accounts).toBe(4); // issuance, the fund, two members
    expect(result.transfers).toBe(3);
  });

  it('finds a balance changed behind its entries', async () => {
    const result = await planted(
      'UPDATE accounting.accounts SET balance = balance + 7 WHERE id = $1',
      'UPDATE accounting.accounts SET balance = balance - 7 WHERE id = $1',
      [memberAccountId],
    );
    expect(result.balanced).toBe(false);
    expect(result.totalMinutes).toBe(7);
    expect(result.violations.map((v) => v.rule)).toEqual(
      expect.arrayContaining(['sum_not_zero', 'balance_mismatch', 'running_balance']),
    );
    expect(result.violations.find((v) => v.rule === 'balance_mismatch')).toMatchObject({
      accountId: memberAccountId,
    });
  });

  it('finds an entry that does not match its transfer', async () => {
    const result = await planted(
      'UPDATE accounting.entries SET amount = amount + 1 WHERE transfer_id = $1 AND amount > 0',
      'UPDATE accounting.entries SET amount = amount - 1 WHERE transfer_id = $1 AND amount > 0',
      [firstTransferId],
    );
    expect(result.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'transfer_entries', transferId: firstTransferId }),
        expect.objectContaining({ rule: 'balance_mismatch', accountId: memberAccountId }),
      ]),
    );
  });

  it('finds held minutes that no open hold explains, and lifetime that no service explains', async () => {
    /** The check finds exactly one violation of `rule`, on the member's account. */
    const findsOnly = async (rule: string, corrupt: string, undo: string) =>
      expect((await planted(corrupt, undo, [memberAccountId])).violations).toEqual([
        expect.objectContaining({ rule, accountId: memberAccountId }),
      ]);
    await findsOnly(
      'held_mismatch',
      "UPDATE accounting.holds SET status = 'voided', resolved_at = now() WHERE from_account_id = $1",
      "UPDATE accounting.holds SET status = 'open', resolved_at = NULL WHERE from_account_id = $1",
    );
    await findsOnly(
      'lifetime_mismatch',
      'UPDATE accounting.accounts SET lifetime_earned = lifetime_earned + 60 WHERE id = $1',
      'UPDATE accounting.accounts SET lifetime_earned = lifetime_earned - 60 WHERE id = $1',
    );
    expect((await check.check(admin)).balanced).toBe(true);
  });

  it('the database itself refuses a balance below its limit', async () => {
    const error = await refusal(
      app.query('UPDATE accounting.accounts SET balance = -1, held = 0 WHERE id = $1', [
        memberAccountId,
      ]),
    );
    expect((error as { driverError?: { constraint?: string } }).driverError?.constraint).toBe(
      'accounts_available_check',
    );
  });

  it('is for admins only', async () => {
    expect((await refusal(check.check(coordinatorActor(randomUUID())))).code).toBe(
      ErrorCode.FORBIDDEN,
    );
  });
});
