/**
 * The app's words: zh-CN first, en second. Each area of the app keeps its words in
 * its own file under zh-CN/ and en/; the Chinese catalogue is the schema, so a key
 * missing in English fails the type check, not a member's screen.
 */
import { createI18n } from 'vue-i18n';
import { Locale as VantLocale } from 'vant';
import vantEnUS from 'vant/es/locale/lang/en-US';
import vantZhCN from 'vant/es/locale/lang/zh-CN';
import * as en from './en';
import * as zhCN from './zh-CN';
import type { Messages } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export const i18n = createI18n<[Messages], AppLocale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  // Copies, as vue-i18n takes plain objects and a module namespace is not one.
  messages: { 'zh-CN': { ...zhCN }, en: { ...en } },
});

/** Switches every word on screen (ours and Vant's) and the page's lang attribute. */
export function applyLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  if (locale === 'en') VantLocale.use('en-US', vantEnUS);
  else VantLocale.use('zh-CN', vantZhCN);
  document.documentElement.lang = locale;
}
