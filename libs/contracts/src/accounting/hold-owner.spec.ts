import { holdAfterSweeps, holdOwnerOf } from './hold-owner';
import { HoldView } from './ledger.dto';

const ROW = '2f1c0b3e-8a4d-4c1e-9f6a-0b1c2d3e4f50';

function hold(holdId: string, voidedBecause: HoldView['voidedBecause']): HoldView {
  return { holdId, status: voidedBecause ? 'voided' : 'open', voidedBecause } as HoldView;
}

describe('hold owners', () => {
  it('names the service to ask and its row from the key a hold was taken with', () => {
    expect(holdOwnerOf(`request:${ROW}:hold`)).toEqual({
      check: expect.objectContaining({ subject: 'requests.hold-owner.check' }),
      rowId: ROW,
    });
    expect(holdOwnerOf(`voucher:${ROW}:hold:after:${ROW}`)?.check.subject).toBe(
      'rewards.hold-owner.check',
    );
    expect(holdOwnerOf(`hours:${ROW}`)?.check.subject).toBe('volunteers.hold-owner.check');
    expect(holdOwnerOf(`activity:${ROW}:hold`)?.check.subject).toBe(
      'volunteers.activity-hold-owner.check',
    );
    expect(holdOwnerOf('settlement:1')).toBeNull();
    expect(holdOwnerOf(`request:${ROW}x`)).toBeNull();
  });

  it('follows a swept hold with a fresh one keyed after it, the same for every retry', async () => {
    const answers: Record<string, HoldView> = {
      k: hold('a', 'owner-absent'),
      'k:after:a': hold('b', 'owner-absent'),
      'k:after:b': hold('c', null),
    };
    const asked: string[] = [];
    const taken = await holdAfterSweeps('k', async (key) => {
      asked.push(key);
      return answers[key];
    });
    expect(taken.holdId).toBe('c');
    expect(asked).toEqual(['k', 'k:after:a', 'k:after:b']);
  });

  it('leaves a hold its owner released itself as it is', async () => {
    const released = { ...hold('a', null), status: 'voided' } as HoldView;
    expect(await holdAfterSweeps('k', async () => released)).toBe(released);
  });
});
