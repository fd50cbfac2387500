import { loginAccountKey } from './login-throttling';

describe('loginAccountKey', () => {
  it('counts one account however its login is typed', () => {
    expect(loginAccountKey({ login: ' Li.Hua@Example.CN ' })).toBe(
      loginAccountKey({ login: 'li.hua@example.cn' }),
    );
    expect(loginAccountKey({ login: '+86 138-0013 8000' })).toBe(
      loginAccountKey({ login: '+8613800138000' }),
    );
  });

  it('has no account key for a body without a login', () => {
    expect(loginAccountKey(undefined)).toBeNull();
    expect(loginAccountKey({ login: 42 })).toBeNull();
    expect(loginAccountKey({ login: '  ' })).toBeNull();
  });
});
