/**
 * What the counter's browser test and bench need: a shop with an approved offer
 * and members holding its vouchers (made through the API), and a camera's picture
 * of a voucher's QR code for Chromium's fake video capture.
 */
import QRCode from 'qrcode';
import { writeFileSync } from 'node:fs';
import { api as sharedApi, ok } from './http';
import { approvedOffer, credit, merchantWithStaff, register, SignedIn, unique } from './fixtures';

type Api = typeof sharedApi;
const HOUR = 3_600_000;

export interface Voucher {
  voucherId: string;
  code: string;
  qrPayload: string;
  status: string;
}

export interface Shop {
  id: string;
  name: string;
  staff: SignedIn;
  offerId: string;
}

/** A shop of the community with one approved offer. */
export async function shopWithOffer(
  coordinator: SignedIn,
  communityId: string,
  offer: { title: string; discount: { kind: string; value: number | string } } & Record<
    string,
    unknown
  >,
  api: Api = sharedApi,
): Promise<Shop> {
  const name = `${unique('店').slice(0, 8)} 豆浆铺`;
  const merchant = await merchantWithStaff(coordinator.token, communityId, name, api);
  const created = await approvedOffer(
    coordinator,
    merchant,
    {
      description: '每天早上 6 点到 10 点',
      validUntil: new Date(Date.now() + 30 * 24 * HOUR).toISOString(),
      quantity: 50,
      perMemberLimit: 5,
      ...offer,
    },
    api,
  );
  return { id: merchant.id, name, staff: merchant.staff, offerId: created.id };
}

/** The member claims a voucher of the offer, as the member's phone would. */
export async function claim(
  member: SignedIn,
  offerId: string,
  api: Api = sharedApi,
): Promise<Voucher> {
  const claimed = ok(
    await api('POST', `/offers/${offerId}/claim`, {
      token: member.token,
      headers: { 'idempotency-key': unique('claim') },
    }),
    201,
    'claim',
  );
  const mine = ok(
    await api('GET', '/vouchers/mine?limit=100', { token: member.token }),
    200,
    'my vouchers',
  );
  const voucher = (mine.items as Voucher[]).find((v) => v.voucherId === claimed.voucherId);
  if (!voucher)
    throw new Error(`claimed voucher ${String(claimed.voucherId)} not in /vouchers/mine`);
  return voucher;
}

/** The member claims a voucher of the offer and the shop's staff redeem it: one sale, settled at period end. */
export async function claimAndRedeem(
  member: SignedIn,
  offerId: string,
  staff: SignedIn,
  api: Api = sharedApi,
): Promise<void> {
  const { code } = await claim(member, offerId, api);
  ok(await api('POST', '/vouchers/redeem', { token: staff.token, body: { code } }), 200, 'redeem');
}

/** A member of the community with credits to spend. */
export async function memberWithCredits(
  coordinator: SignedIn,
  communityId: string,
  displayName: string,
  minutes: number,
  api: Api = sharedApi,
): Promise<SignedIn> {
  const member = await register(communityId, { displayName }, api);
  await credit(coordinator, member, minutes, api);
  return member;
}

/**
 * A camera's picture of a QR code, as a YUV4MPEG2 file for Chromium's
 * --use-file-for-fake-video-capture: black modules on white paper, centred in a
 * 640×480 frame with a quiet zone, in grey (chroma at 128), a few identical frames.
 */
export function writeQrVideo(file: string, payload: string): void {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const width = 640;
  const height = 480;
  const scale = Math.floor(360 / (size + 8));
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = (top + row * scale + y) * width + left + col * scale;
        luma.fill(16, start, start + scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F15:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, frame, frame, frame]));
}
