import { ErrorCode } from '@app/common';
import { cityDate, startOfCityDay } from '@app/contracts';
import {
  createLedgerTestApp,
  LedgerTestApp,
  memberActor,
  refusal,
} from '../testing/ledger-test-app';
import { TransfersService } from './transfers.service';

/**
 * The gift allowance is per city day (CITY_TIME_ZONE): it starts again at
 * midnight in Shanghai, 16:00 UTC, not at midnight UTC. Shanghai's midnight
 * is 8 hours from UTC's either way, so one of the two gifts moved across it
 * below lands on the other side of UTC's midnight.
 */
describe("the gift allowance counts the city's day (PostgreSQL)", () => {
  const zone = 'Asia/Shanghai';
  let app: LedgerTestApp;
  let transfers: TransfersService;
  let giver: string;
  let receiver: string;

  beforeAll(async () => {
    app = await createLedgerTestApp({ GIFT_MAX_MINUTES_PER_DAY: '300', CITY_TIME_ZONE: zone });
    transfers = app.get(TransfersService);
    const community = app.directory.addCommunity();
    giver = app.directory.addMember(community, 'Giver');
    receiver = app.directory.addMember(community, 'Receiver');
    await app.issue(giver, 2000, 'opening');
  });
  afterAll(() => app?.close());

  const gift = (key: string, minutes: number) =>
    transfers.gift(memberActor(giver), {
      idempotencyKey: key,
      gift: { toMemberId: receiver, minutes },
    });

  /** Moves a gift's time to `seconds` from the start of the city's today. */
  async function moveGift(transferId: string, seconds: number): Promise<void> {
    const start = startOfCityDay(cityDate(new Date(), zone), zone);
    await app.query(`UPDATE accounting.transfers SET created_at = $2 WHERE id = $1`, [
      transferId,
      new Date(start.getTime() + seconds * 1000),
    ]);
  }

  it("counts a gift given just after the city's midnight, and not one given just before", async () => {
    const early = await gift('early', 250);
    await moveGift(early.transferId, 1);
    expect((await refusal(gift('more', 51))).code).toBe(ErrorCode.NOT_ELIGIBLE);

    await moveGift(early.transferId, -1);
    await gift('more', 300); // yesterday's, in the city: the whole allowance again
  });
});
