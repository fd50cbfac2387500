/** Vouchers that take stock from an offer: those still usable and those used. */
export const TAKEN = `status IN ('issued', 'redeemed')`;

/**
 * SQL counting the vouchers taken from the offer `offerId` names (a column),
 * by anyone or, with `memberId` (a parameter), by that member: for the offers'
 * list, which keeps only what can still be claimed.
 */
export function takenVouchersSql(offerId: string, memberId?: string): string {
  const byMember = memberId ? ` AND v.member_id = ${memberId}` : '';
  return `(SELECT count(*) FROM rewards.vouchers v
             WHERE v.offer_id = ${offerId}${byMember} AND v.${TAKEN})`;
}
