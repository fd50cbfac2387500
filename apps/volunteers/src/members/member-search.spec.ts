import { containsPattern, readMemberSearch } from './member-search';

describe('readMemberSearch', () => {
  it('is nothing for a blank query', () => {
    expect(readMemberSearch(undefined, 'CN')).toBeNull();
    expect(readMemberSearch('   ', 'CN')).toBeNull();
  });

  it('matches one or two characters against names only', () => {
    expect(readMemberSearch('王', 'CN')).toMatchObject({ text: '王', namesOnly: true });
    expect(readMemberSearch(' 秀英 ', 'CN')).toMatchObject({ text: '秀英', namesOnly: true });
    expect(readMemberSearch('12', 'CN')).toMatchObject({ namesOnly: true, phoneDigits: null });
    // One character outside the BMP is one character, not two UTF-16 units.
    expect(readMemberSearch('𠀀', 'CN')).toMatchObject({ namesOnly: true });
  });

  it('reads a whole phone number in any notation as E.164, with its digits', () => {
    for (const typed of [
      '139 1234 5678',
      '+86 139-1234-5678',
      '(+86) 13912345678',
      '13912345678',
    ]) {
      expect(readMemberSearch(typed, 'CN')).toMatchObject({
        phone: '+8613912345678',
        namesOnly: false,
      });
    }
    expect(readMemberSearch('139 1234 5678', 'CN')?.phoneDigits).toBe('13912345678');
  });

  it('reads a phone tail as digits to find inside phone numbers', () => {
    expect(readMemberSearch('5678', 'CN')).toMatchObject({
      phone: null,
      phoneDigits: '5678',
      cardNumber: null,
    });
  });

  it('reads ten digits, with spaces or dashes, as a card number too', () => {
    expect(readMemberSearch('3141 5926 53', 'CN')).toMatchObject({ cardNumber: '3141592653' });
    expect(readMemberSearch('3141-592653', 'CN')).toMatchObject({ cardNumber: '3141592653' });
  });

  it('reads words and e-mails as text only', () => {
    expect(readMemberSearch('li.hua@example', 'CN')).toEqual({
      text: 'li.hua@example',
      namesOnly: false,
      phone: null,
      phoneDigits: null,
      cardNumber: null,
    });
  });
});

describe('containsPattern', () => {
  it('lets %, _ and \\ stand for themselves', () => {
    expect(containsPattern('秀英')).toBe('%秀英%');
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('a\\b')).toBe('%a\\\\b%');
  });
});
