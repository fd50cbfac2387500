/** The credits area's words for what the API sends as codes: kinds of transfer, discounts. */
import type { components } from '@/api/schema';
import type { ApiProblem } from '@/api/problem';
import { i18n } from '@/i18n';

type Kind = components['schemas']['StatementItemView']['kind'];
type Discount = components['schemas']['DiscountView'];

/** What a line of the statement was, as a person would say it. */
export function kindText(kind: Kind, minutes: number): string {
  return i18n.global.t(`credits.statement.kinds.${kind}.${minutes < 0 ? 'out' : 'in'}`);
}

/** "打8折", "减 5 元", "送一杯豆浆": the discount as the shop would put it. */
export function discountText(discount: Discount): string {
  const t = i18n.global.t;
  const value = discount.value;
  switch (discount.kind) {
    case 'percent': {
      // 20 % off is "八折" in Chinese: the share that is still paid, in tenths.
      const percent = Number(value);
      const rate = Math.round(100 - percent) / 10;
      return t('credits.discount.percent', { value: percent, rate });
    }
    case 'amount':
      return t('credits.discount.amount', { value });
    case 'item':
      return t('credits.discount.item', { value });
  }
}

/** A voucher code split in groups of four, so it can be read aloud at the counter. */
export function spacedCode(code: string): string {
  return code.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The API's message for one field, with the field's wire name ("toPhone") replaced
 * by the label the member sees ("家人的手机号"); undefined when the API did not name it.
 */
export function fieldWords(problem: ApiProblem, field: string, label: string): string | undefined {
  const message = problem.fieldMessage(field);
  if (message === undefined) return undefined;
  return message.startsWith(field) ? label + message.slice(field.length) : message;
}
