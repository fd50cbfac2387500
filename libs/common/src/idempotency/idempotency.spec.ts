import { ErrorCode } from '../errors/error-code';
import { canonicalJson, fingerprint, idempotencyMismatch, uuidFromKey } from './idempotency';

// Digests written before the helpers moved here are stored in the databases:
// the same content must give the very same bytes.
describe('idempotency', () => {
  it('writes fields-hex fingerprints as requests and rewards always did', () => {
    const content = {
      title: 'Shopping',
      minutes: 60,
      memo: undefined,
      windowStart: '2026-01-01T00:00:00.000Z',
      type: 'confirm',
      rating: null,
    };
    expect(fingerprint(content, 'fields-hex')).toBe(
      '0047e0e4511f1f1ff6423ff9ae6235fe790301784ee0a11f368f30945cb1e560',
    );
    expect(fingerprint({ a: 1, b: undefined }, 'fields-hex')).toBe(
      fingerprint({ b: null, a: 1 }, 'fields-hex'),
    );
  });

  it('writes document-base64url fingerprints as accounting always did', () => {
    const content = {
      toMemberId: 'm1',
      minutes: 60,
      memo: null,
      from: { type: 'member', id: 'x' },
      extra: undefined,
    };
    expect(fingerprint(content, 'document-base64url')).toBe(
      'kZEoaNnPLKAy813LY18FDRjrJHgiLYbx_Wovo6yDIG8',
    );
  });

  it('sorts keys at every depth and leaves undefined out', () => {
    expect(canonicalJson({ b: [{ d: 1, c: undefined }], a: null })).toBe(
      '{"a":null,"b":[{"d":1}]}',
    );
  });

  it('derives the same UUIDs as before from a key', () => {
    expect(uuidFromKey('help-request:key-1')).toBe('a2dcf5ba-b5ba-8c6d-9eba-ee0c788aab49');
    expect(uuidFromKey('voucher:key-1')).toBe('b7e86bc9-57c6-8548-845f-7ef1d16cbd58');
  });

  it('refuses a reused key with one code and one message', () => {
    expect(idempotencyMismatch()).toMatchObject({ code: ErrorCode.IDEMPOTENCY_MISMATCH });
  });
});
