import { Locale, LOCALES } from '../volunteers/credentials.dto';

export { Locale, LOCALES };

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** What a language tag (`zh`, `zh-Hans-CN`, `en-US`) means among the locales we have, if anything. */
function localeOfTag(tag: string): Locale | null {
  const primary = tag.toLowerCase().split('-')[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return null;
}

/**
 * The locale an `Accept-Language` header asks for: the supported language of
 * highest quality (ties: the first named), else `fallback`. `*` takes the fallback.
 */
export function matchLocale(header: string | string[] | undefined, fallback: Locale): Locale {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text) return fallback;
  let best: { locale: Locale; q: number } | null = null;
  // Long headers are someone's mistake or hostility; 20 ranges is plenty for a person.
  for (const range of text.split(',').slice(0, 20)) {
    const [tag, ...parameters] = range.trim().split(';');
    const qParameter = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParameter ? Number(qParameter.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    const locale = tag.trim() === '*' ? fallback : localeOfTag(tag.trim());
    if (locale && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? fallback;
}
