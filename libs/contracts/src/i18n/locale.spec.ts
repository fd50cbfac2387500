import { matchLocale } from './locale';

describe('matchLocale (Accept-Language)', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-CN;q=0.9,en;q=0.8', 'zh-CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['fr-FR,en;q=0.5', 'en'],
    ['en;q=0.2, zh;q=0.7', 'zh-CN'],
  ])('%s → %s', (header, locale) => {
    expect(matchLocale(header, 'en')).toBe(locale === 'en' ? 'en' : 'zh-CN');
    expect(matchLocale(header, 'zh-CN')).toBe(locale);
  });

  it.each([undefined, '', 'fr', '*', 'de-DE;q=1', 'en;q=0', 'en;q=abc', ';;;,,,'])(
    'takes the default for %p',
    (header) => {
      expect(matchLocale(header, 'zh-CN')).toBe('zh-CN');
      expect(matchLocale(header, 'en')).toBe('en');
    },
  );
});
