/**
 * How the app looks for this person on this device: language, text size and
 * contrast. Nothing secret, so it is remembered in localStorage; the language is
 * also saved on the member (PATCH /me) so what the services write follows it.
 */
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { applyLocale, isLocale, type AppLocale } from '@/i18n';

export const TEXT_SIZES = ['standard', 'large', 'xlarge'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

const KEY = 'timebank.preferences';

interface Stored {
  locale?: unknown;
  textSize?: unknown;
  highContrast?: unknown;
}

function read(): Stored {
  try {
    return (JSON.parse(localStorage.getItem(KEY) ?? '{}') as Stored) ?? {};
  } catch {
    return {};
  }
}

/** The browser's language when the member has not chosen: Chinese unless it asks for English. */
function browserLocale(): AppLocale {
  const first = navigator.languages?.[0] ?? navigator.language ?? '';
  return first.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export const usePreferences = defineStore('preferences', () => {
  const stored = read();
  /** Whether the member chose a language on this device (else the account's or the browser's). */
  const chosenLocale = ref(isLocale(stored.locale));
  const locale = ref<AppLocale>(isLocale(stored.locale) ? stored.locale : browserLocale());
  const textSize = ref<TextSize>(
    TEXT_SIZES.includes(stored.textSize as TextSize) ? (stored.textSize as TextSize) : 'standard',
  );
  const highContrast = ref(stored.highContrast === true);

  function apply(): void {
    applyLocale(locale.value);
    const root = document.documentElement;
    root.dataset.textSize = textSize.value;
    root.dataset.contrast = highContrast.value ? 'high' : 'normal';
  }

  function save(): void {
    const value: Stored = {
      locale: chosenLocale.value ? locale.value : undefined,
      textSize: textSize.value,
      highContrast: highContrast.value,
    };
    try {
      localStorage.setItem(KEY, JSON.stringify(value));
    } catch {
      // Private mode or a full disk: the choice holds for this visit.
    }
  }

  function chooseLocale(next: AppLocale): void {
    chosenLocale.value = true;
    locale.value = next;
  }

  /** The account's language, unless this device chose one. */
  function adoptAccountLocale(accountLocale: unknown): void {
    if (!chosenLocale.value && isLocale(accountLocale)) locale.value = accountLocale;
  }

  watch([locale, textSize, highContrast], () => {
    apply();
    save();
  });
  apply();

  return { locale, textSize, highContrast, chooseLocale, adoptAccountLocale };
});
