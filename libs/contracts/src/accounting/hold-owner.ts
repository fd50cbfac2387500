import { IsUUID } from 'class-validator';
import { VolunteersInternalSubjects } from '../volunteers/subjects';
import { RequestsInternalSubjects } from '../requests/subjects';
import { RewardsInternalSubjects } from '../rewards/subjects';
import { HoldView } from './ledger.dto';

/**
 * The ledger asks the service a hold was taken for whether the row it belongs
 * to holds it: a hold is taken before its row is written, and a row that never
 * appeared (its service failed in between) must not keep the credits held.
 */
export class HoldOwnerCheckQuery {
  @IsUUID()
  holdId!: string;

  /** The id in the hold's key: the request, voucher or hour log. */
  @IsUUID()
  rowId!: string;
}

export interface HoldOwnerAnswer {
  /** The row exists and may still use this hold. */
  present: boolean;
}

/** Which service to ask about a hold, by the prefix of the key it was taken with. */
const HOLD_OWNER_SUBJECTS: Readonly<Record<string, string>> = {
  request: RequestsInternalSubjects.holdOwnerCheck,
  voucher: RewardsInternalSubjects.holdOwnerCheck,
  hours: VolunteersInternalSubjects.holdOwnerCheck,
};

const HOLD_KEY =
  /^(request|voucher|hours):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(:|$)/i;

/**
 * The owner of a hold taken with `key` (`request:<id>:hold`, `voucher:<id>:hold`,
 * `hours:<id>`, each perhaps followed by `:after:<hold>`), or null for a hold
 * no service row owns.
 */
export function holdOwnerOf(key: string): { subject: string; rowId: string } | null {
  const match = HOLD_KEY.exec(key);
  return match ? { subject: HOLD_OWNER_SUBJECTS[match[1]], rowId: match[2].toLowerCase() } : null;
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
