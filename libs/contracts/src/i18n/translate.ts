import { IntlMessageFormat } from 'intl-messageformat';
import { en, MessageKey } from './en';
import { Locale } from './locale';
import { zhCN } from './zh-CN';

export type MessageParams = Record<string, string | number>;

/** A text to show a person, by key: what DomainError and field errors carry. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(en, value);
}

const compiled = new Map<string, IntlMessageFormat>();

function formatterOf(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let formatter = compiled.get(id);
  if (!formatter) {
    formatter = new IntlMessageFormat(CATALOGUES[locale][key], locale);
    compiled.set(id, formatter);
  }
  return formatter;
}

/** The text of `key` in `locale`; a missing param shows as its name rather than failing the answer. */
export function formatMessage(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  try {
    return String(formatterOf(locale, key).format(params));
  } catch {
    return CATALOGUES[locale][key];
  }
}
