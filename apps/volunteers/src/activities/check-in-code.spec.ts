import { doorCodeAt, isDoorCode } from './check-in-code';

const SECRET = 'test-check-in-secret';
const ACTIVITY = '5b0e6c7a-2d1f-4c3e-9a8b-7c6d5e4f3a21';
const OTHER = '6c1f7d8b-3e2a-4d4f-8b9c-8d7e6f5a4b32';
const AT = new Date('2026-06-01T09:00:10Z');

describe('door codes', () => {
  it('are 8 digits that change every 30 seconds and end with their step', () => {
    const now = doorCodeAt(SECRET, ACTIVITY, AT);
    expect(now.code).toMatch(/^\d{8}$/);
    expect(now.expiresAt.toISOString()).toBe('2026-06-01T09:00:30.000Z');
    expect(doorCodeAt(SECRET, ACTIVITY, new Date(AT.getTime() + 15_000)).code).toBe(now.code);
    expect(doorCodeAt(SECRET, ACTIVITY, new Date(AT.getTime() + 30_000)).code).not.toBe(now.code);
  });

  it('take the current and the previous step only', () => {
    const at = (ms: number) => new Date(AT.getTime() + ms);
    const { code } = doorCodeAt(SECRET, ACTIVITY, AT);
    expect(isDoorCode(SECRET, ACTIVITY, code, AT)).toBe(true);
    expect(isDoorCode(SECRET, ACTIVITY, code, at(30_000))).toBe(true);
    expect(isDoorCode(SECRET, ACTIVITY, code, at(60_000))).toBe(false);
    // A code of the next step (a clock ahead) is not the current one either.
    expect(isDoorCode(SECRET, ACTIVITY, code, at(-30_000))).toBe(false);
  });

  it('of one activity, or under another secret, are refused for another', () => {
    const { code } = doorCodeAt(SECRET, ACTIVITY, AT);
    expect(isDoorCode(SECRET, OTHER, code, AT)).toBe(false);
    expect(isDoorCode('another-secret', ACTIVITY, code, AT)).toBe(false);
  });
});
