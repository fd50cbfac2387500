import { nestsDeeperThan } from './json-body';

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('nestsDeeperThan', () => {
  it('counts object and array levels', () => {
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
    expect(nestsDeeperThan('['.repeat(33), 32)).toBe(true);
    expect(nestsDeeperThan('{"a":[{"b":[]}],"c":{}}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[]}],"c":{}}', 3)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ text: '['.repeat(100) }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ text: '\\"[[[[' + '{'.repeat(50) }), 1)).toBe(false);
  });

  it('scans a megabyte of nesting without overflowing the stack', () => {
    expect(nestsDeeperThan(nested(170_000), 32)).toBe(true);
  });
});
