import { RequestCategory, REQUEST_CATEGORIES } from '../requests/requests.types';
import { Locale } from './locale';
import { formatMessage, isMessageKey } from './translate';

/** A tier's name in `locale`, by its level (levels past the named ones are "N-star"). */
export function tierName(level: number, locale: Locale): string {
  const key = `tier.${level}`;
  return isMessageKey(key)
    ? formatMessage(locale, key)
    : formatMessage(locale, 'tier.n', { level });
}

/** The view with its tier's name in `locale`: services name tiers by level only in effect. */
export function withTierName<T extends { tier: { level: number; name: string } }>(
  view: T,
  locale: Locale,
): T {
  return { ...view, tier: { ...view.tier, name: tierName(view.tier.level, locale) } };
}

/** A help request category's name in `locale`. */
export function categoryName(code: RequestCategory, locale: Locale): string {
  return formatMessage(locale, `category.${code}`);
}

/** Every category, in the contract's order, with its name in `locale`. */
export function categoriesIn(locale: Locale): Array<{ code: RequestCategory; name: string }> {
  return REQUEST_CATEGORIES.map((code) => ({ code, name: categoryName(code, locale) }));
}
