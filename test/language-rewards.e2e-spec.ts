import { Client } from 'pg';
import { api, ok } from './support/http';
import { inBothLanguages, Problem, Send } from './support/language';
import {
  adminToken,
  approvedOffer,
  Community,
  credit,
  coordinatorOf,
  createCommunity,
  fundCommunity,
  merchantWithStaff,
  offerTerms,
  register,
  SignedIn,
} from './support/fixtures';

/**
 * The rewards service's refusals in the caller's language (zh-CN by default),
 * above all the counter's: shop staff read them with a queue waiting.
 */
const HOUR = 3600_000;

let admin: string;
let community: Community;
let coordinator: SignedIn;

function merchant(): Promise<{ id: string; staff: SignedIn }> {
  return merchantWithStaff(coordinator.token, community.id);
}

/** An offer open for a day. */
function offerBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return offerTerms({ validUntil: new Date(Date.now() + 24 * HOUR).toISOString(), ...extra });
}

/** An offer of the shop, open for a day and approved: ready to claim. */
function activeOffer(
  shop: { id: string; staff: SignedIn },
  extra: Record<string, unknown> = {},
): Promise<{ id: string }> {
  return approvedOffer(coordinator, shop, offerBody(extra));
}

/** A volunteer of the community with `minutes` on their account. */
async function volunteerWith(minutes: number): Promise<SignedIn> {
  const member = await register(community.id, { roles: ['volunteer'] });
  await credit(coordinator, member, minutes);
  return member;
}

async function voucherOf(shop: {
  id: string;
  staff: SignedIn;
}): Promise<{ code: string; voucherId: string }> {
  const offer = await activeOffer(shop);
  const volunteer = await volunteerWith(100);
  return ok(
    await api('POST', `/offers/${offer.id}/claim`, { token: volunteer.token }),
    201,
    'claim',
  );
}

function redeem(staff: SignedIn, code: string): Send {
  return (headers) =>
    api('POST', '/vouchers/redeem', { token: staff.token, headers, body: { code } });
}

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin, 1);
  coordinator = await coordinatorOf(admin, community.id);
  await fundCommunity(admin, community.id, { minutes: 100_000, memo: 'language e2e' });
});

describe('the counter refuses in the language asked for', () => {
  it('a voucher already used', async () => {
    const shop = await merchant();
    const voucher = await voucherOf(shop);
    ok(await redeem(shop.staff, voucher.code)({}), 200, 'redeem');
    const { zh, en } = await inBothLanguages(redeem(shop.staff, voucher.code));
    expect([en.code, en.detail]).toEqual(['INVALID_STATE', 'This voucher is already redeemed']);
    expect(zh.detail).toBe('这张兑换券已经使用过了，不能重复使用');
  });

  it('a voucher past its expiry', async () => {
    const shop = await merchant();
    const voucher = await voucherOf(shop);
    const client = new Client({ connectionString: process.env.TB_DATABASE_URL });
    await client.connect();
    try {
      await client.query(
        `UPDATE rewards.vouchers SET expires_at = now() - interval '1 minute' WHERE id = $1`,
        [voucher.voucherId],
      );
    } finally {
      await client.end();
    }
    const { zh, en } = await inBothLanguages(redeem(shop.staff, voucher.code));
    expect([en.code, en.detail]).toEqual(['INVALID_STATE', 'This voucher has expired']);
    expect(zh.detail).toBe('这张兑换券已经过期，不能再使用');
  });

  it("another shop's voucher, told apart from no voucher at all by no one", async () => {
    const [shop, other] = [await merchant(), await merchant()];
    const voucher = await voucherOf(other);
    const theirs = await inBothLanguages(redeem(shop.staff, voucher.code));
    const unknown = await inBothLanguages(redeem(shop.staff, 'ZZZZZZZZ'));
    expect([theirs.en.code, theirs.en.detail]).toEqual(['NOT_FOUND', 'Voucher not found']);
    expect(theirs.zh.detail).toBe('找不到这张兑换券：请核对兑换码，并确认是本店的兑换券');
    const said = ({ zh, en }: { zh: Problem; en: Problem }) =>
      [zh, en].map(({ status, code, title, detail }) => ({ status, code, title, detail }));
    expect(said(unknown)).toEqual(said(theirs));
  });

  it('too many failed attempts', async () => {
    const shop = await merchant();
    // The shared suite allows a staff member 10 failures in the window.
    for (let i = 0; i < 10; i++) {
      ok(await redeem(shop.staff, `AAAAAAA${'BCDEFGHJKM'[i]}`)({}), 404, 'a wrong guess');
    }
    const { zh, en } = await inBothLanguages(redeem(shop.staff, 'AAAAAAAN'));
    expect([en.code, en.detail]).toEqual([
      'RATE_LIMITED',
      'Too many failed redemptions: try again later',
    ]);
    expect(zh.detail).toBe('兑换码输错的次数太多了，为了安全请过一会儿再试');
  });
});

describe('offers and claims refuse in the language asked for', () => {
  it('a tier too low to claim', async () => {
    const shop = await merchant();
    const offer = await activeOffer(shop, { minTier: 2 });
    const volunteer = await volunteerWith(100);
    const { zh, en } = await inBothLanguages((headers) =>
      api('POST', `/offers/${offer.id}/claim`, { token: volunteer.token, headers }),
    );
    expect([en.code, en.detail]).toEqual(['NOT_ELIGIBLE', 'This offer needs tier 2; yours is 0']);
    expect(zh.detail).toBe('这项优惠需要二星及以上志愿者才能领取，您目前是社区志愿者');
  });

  it('an offer whose dates and limits do not fit, field by field', async () => {
    const shop = await merchant();
    const { zh, en } = await inBothLanguages((headers) =>
      api('POST', `/merchants/${shop.id}/offers`, {
        token: shop.staff.token,
        headers,
        body: offerBody({
          validUntil: new Date(Date.now() - 2 * HOUR).toISOString(),
          perMemberLimit: 10,
          quantity: 5,
        }),
      }),
    );
    expect(en.code).toBe('VALIDATION_FAILED');
    expect(en.errors).toEqual([
      { field: 'validUntil', message: 'validUntil must be after validFrom' },
      { field: 'perMemberLimit', message: 'perMemberLimit must be at most quantity' },
    ]);
    expect(zh.errors?.map((e) => e.field)).toEqual(['validUntil', 'perMemberLimit']);
  });

  it("a discount's kind and value, and a gift's phone, field by field", async () => {
    const shop = await merchant();
    const offer = (discount: Record<string, unknown>) => (headers: Record<string, string>) =>
      api('POST', `/merchants/${shop.id}/offers`, {
        token: shop.staff.token,
        headers,
        body: offerBody({ discount }),
      });
    const kind = await inBothLanguages(offer({ kind: 'coupon', value: 10 }));
    expect(kind.en.errors).toEqual([
      { field: 'discount.kind', message: 'discount.kind must be one of percent, amount, item' },
    ]);
    expect(kind.zh.errors?.[0].message).toBe('discount.kind 只能是以下之一：percent, amount, item');
    const percent = await inBothLanguages(offer({ kind: 'percent', value: 150 }));
    expect(percent.en.errors).toEqual([
      {
        field: 'discount.value',
        message: 'discount.value must be a whole percentage from 1 to 100',
      },
    ]);
    expect(percent.zh.errors?.[0].message).toBe(
      'discount.value 应为 1 到 100 之间的整数（优惠的百分比）',
    );
    const volunteer = await volunteerWith(100);
    const gift = await inBothLanguages((headers) =>
      api('POST', '/transfers', {
        token: volunteer.token,
        headers,
        body: { toPhone: 'call me', minutes: 10 },
      }),
    );
    expect(gift.en.errors).toEqual([
      { field: 'toPhone', message: 'toPhone must be a phone number' },
    ]);
    expect(gift.zh.errors?.[0].message).toBe('toPhone 应为有效的电话号码');
  });

  it('an offer paused twice', async () => {
    const shop = await merchant();
    const offer = await activeOffer(shop);
    ok(await api('POST', `/offers/${offer.id}/pause`, { token: shop.staff.token }), 200, 'pause');
    const { zh, en } = await inBothLanguages((headers) =>
      api('POST', `/offers/${offer.id}/pause`, { token: shop.staff.token, headers }),
    );
    expect([en.code, en.detail]).toEqual([
      'INVALID_STATE',
      'This offer is paused: only active offers can be paused',
    ]);
    expect(zh.detail).toBe('这项优惠已经暂停了，只有进行中的优惠才能暂停');
  });
});
