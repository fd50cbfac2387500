import { isEmailLogin, normalisePhone } from './phone';

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
