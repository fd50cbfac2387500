import type { IncomingHttpHeaders } from 'node:http';
import { Locale, matchLocale } from '@app/contracts';

/**
 * The language of what the gateway says when the client asks for none we have
 * (`DEFAULT_LOCALE`). Set once at boot: refusals made before Nest runs need it too.
 */
let defaultLocale: Locale = 'zh-CN';

export function setDefaultLocale(locale: Locale): void {
  defaultLocale = locale;
}

/** The language a request asked for in Accept-Language, among ours, else the default. */
export function localeOf(headers: IncomingHttpHeaders | undefined): Locale {
  return matchLocale(headers?.['accept-language'], defaultLocale);
}
