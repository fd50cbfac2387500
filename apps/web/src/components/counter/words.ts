/** The counter's words for what the API sends as codes: discounts, refusals, field messages. */
import type { components } from '@/api/schema';
import type { ApiProblem } from '@/api/problem';
import { i18n } from '@/i18n';

type Discount = components['schemas']['DiscountView'];

/** What the shop assistant gives: "打 8 折", "减 5 元", "送一杯豆浆". */
export function discountWords(discount: Discount): string {
  const t = i18n.global.t;
  switch (discount.kind) {
    case 'percent': {
      // 20 % off is "八折" in Chinese: the share that is still paid, in tenths.
      const rate = Math.round(100 - Number(discount.value)) / 10;
      return t('counter.discount.percent', { rate, value: discount.value });
    }
    case 'amount':
      return t('counter.discount.amount', { value: discount.value });
    case 'item':
      return t('counter.discount.item', { value: discount.value });
  }
}

/** "便宜 20%" beside "打 8 折", for whoever thinks in percent. */
export function discountNote(discount: Discount): string | null {
  return discount.kind === 'percent'
    ? i18n.global.t('counter.discount.percentNote', {
        value: discount.value,
        paid: 100 - Number(discount.value),
      })
    : null;
}

/** The reasons POST /vouchers/redeem names (Problem.reason), each with its headline. */
const REASONS = ['not_found', 'expired', 'redeemed', 'cancelled', 'too_many_failures'] as const;
type Reason = (typeof REASONS)[number] | 'unusable' | 'forbidden' | 'other';

/** The red screen's headline: why not, in a few words. */
export function refusalHeadline(problem: ApiProblem): string {
  return i18n.global.t(`counter.result.reasons.${refusalReason(problem)}`);
}

/** The API's reason where it names one; otherwise what its code says. */
function refusalReason(problem: ApiProblem): Reason {
  const named = REASONS.find((reason) => reason === problem.reason);
  if (named) return named;
  switch (problem.code) {
    case 'NOT_FOUND':
      return 'not_found';
    case 'RATE_LIMITED':
      return 'too_many_failures';
    case 'INVALID_STATE':
      return 'unusable';
    case 'FORBIDDEN':
      return 'forbidden';
    default:
      return 'other';
  }
}

/**
 * The API's message for one field, in the words of the form: its wire name
 * ("perMemberLimit") at the start replaced by the label the staff see, and wire
 * names in brackets ("每人限领数量（perMemberLimit）") left out.
 */
export function fieldWords(problem: ApiProblem, field: string, label: string): string | undefined {
  const message = problem.fieldMessage(field);
  if (message === undefined) return undefined;
  const named = message.startsWith(field) ? label + message.slice(field.length) : message;
  return named.replace(/\s*[（(][A-Za-z][\w.]*[）)]/g, '');
}
