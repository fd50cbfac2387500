import { CATALOGUES, isMessageKey, LOCALES } from '@app/contracts';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';

describe('error codes in the catalogues', () => {
  it.each(Object.values(ErrorCode))('%s has a title in every language', (code) => {
    const key = `title.${code}`;
    expect(isMessageKey(key)).toBe(true);
    for (const locale of LOCALES) {
      expect(CATALOGUES[locale][key as keyof (typeof CATALOGUES)['en']]).toBeTruthy();
    }
  });

  it('a DomainError keeps its key and params across the wire, with the English text', () => {
    const sent = DomainError.of(ErrorCode.NOT_ELIGIBLE, 'credits.giftLimit', {
      maxMinutesPerDay: 600,
      leftMinutes: 0,
    }).toPayload();
    const back = DomainError.fromPayload(JSON.parse(JSON.stringify(sent)));
    expect([back.messageKey, back.params, back.message]).toEqual([
      'credits.giftLimit',
      { maxMinutesPerDay: 600, leftMinutes: 0 },
      'Gifts are limited to 600 minutes a day; 0 left today',
    ]);
  });
});
