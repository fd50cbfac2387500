import { DomainError, ErrorCode } from '@app/common';
import { RedeemRefusalReason, VoucherStatus } from '@app/contracts';
import { RedemptionFailureReason } from './vouchers.repository';

export interface RedeemFacts {
  merchantId: string;
  status: VoucherStatus;
  expiresAt: Date;
}

export interface Refusal {
  reason: RedemptionFailureReason;
  error: DomainError;
}

/**
 * One answer for a code that does not exist and one of another merchant:
 * a 403 would tell a guesser that the code is real.
 */
export function noSuchVoucher(reason: 'malformed' | 'unknown' | 'other_merchant'): Refusal {
  return {
    reason,
    error: DomainError.of(
      ErrorCode.NOT_FOUND,
      'rewards.redeem.noSuchVoucher',
      {},
      shown('not_found'),
    ),
  };
}

/** Why this merchant's staff may not redeem the voucher now; null when they may. */
export function redemptionRefusal(
  voucher: RedeemFacts | null,
  merchantId: string,
  now: Date,
): Refusal | null {
  if (!voucher) return noSuchVoucher('unknown');
  if (voucher.merchantId !== merchantId) return noSuchVoucher('other_merchant');
  const expired =
    voucher.status === 'expired' ||
    (voucher.status === 'issued' && voucher.expiresAt.getTime() <= now.getTime());
  if (expired) {
    return {
      reason: 'expired',
      error: DomainError.of(
        ErrorCode.INVALID_STATE,
        'rewards.redeem.expired',
        {},
        { status: 'expired', ...shown('expired') },
      ),
    };
  }
  if (voucher.status === 'redeemed' || voucher.status === 'cancelled') {
    return {
      reason: voucher.status,
      error: DomainError.of(
        ErrorCode.INVALID_STATE,
        'rewards.redeem.already',
        { status: voucher.status },
        { status: voucher.status, ...shown(voucher.status) },
      ),
    };
  }
  return null;
}

/** The reason the counter is told (Problem.reason). */
function shown(reason: RedeemRefusalReason): { reason: RedeemRefusalReason } {
  return { reason };
}

/**
 * Refused until the failures counted against the limit leave the window: the
 * `limit`-th latest failure of the staff member or of the merchant (whichever
 * is later) is `window` old then, and one more attempt fits again.
 */
export function retryAfterSeconds(
  limitReachedSince: Date[],
  windowSeconds: number,
  now: Date,
): number {
  const freedAt = Math.max(...limitReachedSince.map((at) => at.getTime())) + windowSeconds * 1000;
  return Math.min(windowSeconds, Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)));
}

export function rateLimited(retryAfter: number): DomainError {
  return DomainError.of(
    ErrorCode.RATE_LIMITED,
    'rewards.redeem.tooManyFailures',
    {},
    { retryAfterSeconds: retryAfter, ...shown('too_many_failures') },
  );
}
