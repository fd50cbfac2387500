import { isEmailLogin, normaliseLogin, normalisePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['13800138000', '+8613800138000'],
    ['138 0013 8000', '+8613800138000'],
    ['138-0013-8000', '+8613800138000'],
    ['+86 138 0013 8000', '+8613800138000'],
    ['+8613800138000', '+8613800138000'],
    ['(010) 6552 9988', '+861065529988'],
  ])('reads %s as %s with region CN', (input, expected) => {
    expect(normalisePhone(input, 'CN')).toBe(expected);
  });

  it('reads a national number by the default region given', () => {
    expect(normalisePhone('020 7946 0018', 'GB')).toBe('+442079460018');
    expect(normalisePhone('020 7946 0018', 'CN')).not.toBe('+442079460018');
  });

  it('keeps an explicit country code whatever the default region', () => {
    expect(normalisePhone('+44 20 7946 0018', 'CN')).toBe('+442079460018');
  });

  it.each(['12345', '0000000000', '+86 000', '1380013800012345', 'not a phone'])(
    'refuses %s',
    (input) => {
      expect(normalisePhone(input, 'CN')).toBeNull();
    },
  );

  it('gives the same form at registration and at login', () => {
    const stored = normalisePhone('138 0013 8000', 'CN');
    expect(normalisePhone('+86-138-0013-8000', 'CN')).toBe(stored);
  });
});

describe('isEmailLogin', () => {
  it('tells an e-mail from a phone number', () => {
    expect(isEmailLogin('Li.Hua@Example.cn')).toBe(true);
    expect(isEmailLogin('+8613800138000')).toBe(false);
  });
});

describe('normaliseLogin', () => {
  it.each(['+86 138 0000 3521', '+86.138.0000.3521', '008613800003521', '13800003521'])(
    'reads the phone notation %s as the one E.164 number',
    (typed) => {
      expect(normaliseLogin(typed, 'CN')).toEqual({ kind: 'phone', value: '+8613800003521' });
    },
  );

  it('gives a phone the form it is stored in at registration', () => {
    const stored = normalisePhone('138 0000 3521', 'CN');
    expect(normaliseLogin(' +86-138-0000-3521 ', 'CN').value).toBe(stored);
  });

  it('reads an e-mail trimmed and in lower case', () => {
    expect(normaliseLogin('  Li.Hua@Example.CN ', 'CN')).toEqual({
      kind: 'email',
      value: 'li.hua@example.cn',
    });
  });

  it('keeps a login that is neither, in one form however it is cased or padded', () => {
    expect(normaliseLogin(' Not-A-Login ', 'CN')).toEqual({ kind: 'other', value: 'not-a-login' });
    expect(normaliseLogin('12345', 'CN')).toEqual({ kind: 'other', value: '12345' });
    expect(normaliseLogin('a\u0000b@example.cn', 'CN').kind).toBe('other');
  });
});
