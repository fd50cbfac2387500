import { MessageContract } from '../message';
import { RequestsMessages } from '../requests/messages';
import { RewardsMessages } from '../rewards/messages';
import { VolunteersMessages } from '../volunteers/messages';
import { HoldOwnerAnswer, HoldOwnerCheckQuery, HoldView } from './ledger.dto';

/**
 * The ledger asks the service a hold was taken for whether the row it belongs
 * to holds it: a hold is taken before its row is written, and a row that never
 * appeared (its service failed in between) must not keep the credits held.
 */
export type HoldOwnerCheck = MessageContract<HoldOwnerCheckQuery, HoldOwnerAnswer>;

/** Which service to ask about a hold, by the prefix of the key it was taken with. */
const HOLD_OWNER_CHECKS: Readonly<Record<string, HoldOwnerCheck>> = {
  request: RequestsMessages.holdOwnerCheck,
  voucher: RewardsMessages.holdOwnerCheck,
  hours: VolunteersMessages.holdOwnerCheck,
  activity: VolunteersMessages.activityHoldOwnerCheck,
};

const HOLD_KEY =
  /^(request|voucher|hours|activity):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(:|$)/i;

/**
 * The owner of a hold taken with `key` (`request:<id>:hold`, `voucher:<id>:hold`,
 * `hours:<id>`, `activity:<id>:hold`, each perhaps followed by `:after:<hold>`), or null for a hold
 * no service row owns.
 */
export function holdOwnerOf(key: string): { check: HoldOwnerCheck; rowId: string } | null {
  const match = HOLD_KEY.exec(key);
  return match ? { check: HOLD_OWNER_CHECKS[match[1]], rowId: match[2].toLowerCase() } : null;
}

/** Sweeps of one row's holds in a row: past this, something else is wrong. */
const MAX_SWEPT_HOLDS = 10;

/**
 * The hold a row's key names, taken with `take`: one the ledger voided because
 * the row never appeared (its create failed midway and is retried after the
 * sweep) is followed by a fresh hold keyed after it, the same for every retry.
 */
export async function holdAfterSweeps(
  key: string,
  take: (key: string) => Promise<HoldView>,
): Promise<HoldView> {
  let hold = await take(key);
  for (let swept = 0; hold.voidedBecause === 'owner-absent'; swept += 1) {
    if (swept === MAX_SWEPT_HOLDS) throw new Error(`${key}: ${swept} holds in a row were swept`);
    hold = await take(`${key}:after:${hold.holdId}`);
  }
  return hold;
}
