import type { IncomingMessage } from 'node:http';
import { requestIdFor } from './request-id';

const withHeader = (value?: string) =>
  ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as IncomingMessage;

describe('requestIdFor', () => {
  it("echoes the client's request id", () => {
    expect(requestIdFor(withHeader('abc-123'))).toBe('abc-123');
  });

  it('mints a UUID when none or an unusable one was sent', () => {
    const uuid = /^[0-9a-f-]{36}$/;
    expect(requestIdFor(withHeader())).toMatch(uuid);
    expect(requestIdFor(withHeader('a'.repeat(201)))).toMatch(uuid);
    expect(requestIdFor(withHeader('<script>'))).toMatch(uuid);
  });
});
