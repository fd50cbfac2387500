import { canonicalJson } from '@app/common';
import { requestHash, scopedKey } from './idempotency';

describe('request hashes', () => {
  it('ignore key order and undefined fields', () => {
    expect(requestHash({ a: 1, b: { c: 'x', d: undefined } })).toBe(
      requestHash({ b: { c: 'x' }, a: 1 }),
    );
    expect(canonicalJson({ b: [1, { z: 1, y: 2 }], a: null })).toBe(
      '{"a":null,"b":[1,{"y":2,"z":1}]}',
    );
  });

  it('differ for any difference in content', () => {
    expect(requestHash({ minutes: 60 })).not.toBe(requestHash({ minutes: 61 }));
    expect(requestHash({ memo: 'a' })).not.toBe(requestHash({ memo: null }));
  });

  it('keys are scoped by command and sender', () => {
    expect(scopedKey('gift', 'm1', 'k')).not.toBe(scopedKey('gift', 'm2', 'k'));
    expect(scopedKey('transfer', null, 'k')).toBe('transfer|service|k');
  });
});
