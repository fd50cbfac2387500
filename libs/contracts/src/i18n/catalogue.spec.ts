import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './en';
import { CATALOGUES, formatMessage } from './translate';
import { zhCN } from './zh-CN';

/** The named params an ICU message uses, nested select and plural options included. */
function paramsOf(message: string): string[] {
  const names = new Set<string>();
  type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }> };
  const walk = (elements: Element[]): void => {
    for (const element of elements) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (formatjs' TYPE enum).
      if (element.type >= 1 && element.type <= 6) names.add(String(element.value));
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  const ast: Element[] = new IntlMessageFormat(message, 'en').getAst();
  walk(ast);
  return [...names].sort();
}

describe('message catalogues', () => {
  const enKeys = Object.keys(en).sort();
  const zhKeys = Object.keys(zhCN).sort();

  it('have the same keys in every language', () => {
    expect(zhKeys.filter((key) => !(key in en))).toEqual([]);
    expect(enKeys.filter((key) => !(key in zhCN))).toEqual([]);
  });

  it('use the same ICU params for each key in every language', () => {
    const differing = enKeys.filter(
      (key) =>
        JSON.stringify(paramsOf(en[key as keyof typeof en])) !==
        JSON.stringify(paramsOf(zhCN[key as keyof typeof en])),
    );
    expect(differing).toEqual([]);
  });

  it('hold only messages that parse and format', () => {
    for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
      for (const [key, message] of Object.entries(catalogue)) {
        const params = Object.fromEntries(paramsOf(message).map((name) => [name, 'x']));
        expect([locale, key, typeof new IntlMessageFormat(message, locale).format(params)]).toEqual(
          [locale, key, 'string'],
        );
      }
    }
  });

  it('format named params', () => {
    const params = { availableMinutes: 0, neededMinutes: 30 };
    expect(formatMessage('en', 'credits.insufficient', params)).toBe(
      'Not enough credits: 0 minutes available, 30 needed',
    );
    expect(formatMessage('zh-CN', 'credits.insufficient', params)).toBe(
      '余额不足：可用积分只有 0 分钟，这次需要 30 分钟',
    );
  });

  it('param parity would catch a param missing in one language', () => {
    expect(paramsOf('{a} and {n, plural, one {# {b}} other {#}}')).toEqual(['a', 'b', 'n']);
  });
});
