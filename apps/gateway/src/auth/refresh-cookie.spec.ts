import { isOwnOrigin, refreshCookieOptions } from './refresh-cookie';

describe('refreshCookieOptions', () => {
  it('keeps the cookie as long as the token, for the auth routes only, away from scripts', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    expect(refreshCookieOptions('2026-03-31T00:00:00.500Z', false, now)).toEqual({
      httpOnly: true,
      sameSite: 'strict',
      path: '/api/v1/auth',
      secure: false,
      maxAge: 30 * 86_400,
    });
    expect(refreshCookieOptions('2026-03-31T00:00:00Z', true, now).secure).toBe(true);
    expect(refreshCookieOptions('2026-02-01T00:00:00Z', true, now).maxAge).toBe(0);
  });
});

describe('isOwnOrigin', () => {
  const own = 'https://timebank.city.example';
  const allowed = ['https://app.timebank.example'];

  it('takes our origin and the allowed ones, however they are spelled', () => {
    expect(isOwnOrigin('https://timebank.city.example', own, allowed)).toBe(true);
    expect(isOwnOrigin('HTTPS://TimeBank.City.Example:443', own, allowed)).toBe(true);
    expect(isOwnOrigin('https://app.timebank.example', own, allowed)).toBe(true);
  });

  it('refuses any other origin, a sibling subdomain or another port or scheme included', () => {
    for (const origin of [
      'https://evil.example',
      'https://forum.city.example',
      'https://timebank.city.example:8443',
      'http://timebank.city.example',
      'null',
      '',
      'timebank.city.example',
      'file:///home/x.html',
    ]) {
      expect({ origin, own: isOwnOrigin(origin, own, allowed) }).toEqual({ origin, own: false });
    }
  });
});
