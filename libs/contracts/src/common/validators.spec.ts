import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  AtMostDaysAhead,
  firstBadString,
  IsDateTimeWithZone,
  Optional,
  OptionalNullable,
} from './validators';

class Sample {
  @Optional() @IsDateTimeWithZone('at') at?: string;
  @OptionalNullable() @IsDateTimeWithZone('cleared') cleared?: string | null;
  @Optional() @AtMostDaysAhead('soon', 1) soon?: string;
}

const errorsOf = (plain: object) =>
  validateSync(plainToInstance(Sample, plain)).map((error) => error.property);

describe('firstBadString', () => {
  it('names the first string holding NUL or a lone surrogate, wherever it is', () => {
    expect(firstBadString({ memo: 'a\u0000' })).toMatchObject({ field: 'memo' });
    expect(firstBadString({ a: 'ok', b: ['x', { c: '\ud800' }] })).toMatchObject({
      field: 'b[1].c',
    });
    expect(firstBadString({ tail: 'x\udc00' })).toMatchObject({ field: 'tail' });
    expect(firstBadString('\u0000', 'id')).toMatchObject({ field: 'id' });
    expect(firstBadString({ first: '\u0000', second: '\u0000' })).toMatchObject({ field: 'first' });
    expect(firstBadString({ ['k\u0000']: 1 })).not.toBeNull();
  });

  it('lets well-formed text through, emoji and Chinese included', () => {
    expect(
      firstBadString({ memo: '给妈妈 🎉 <b>"x"</b>', n: 1, f: null, list: [true] }),
    ).toBeNull();
  });

  it('walks any depth without recursion', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(firstBadString(deep)?.message).toMatch(/NUL/);
  });
});

describe('Optional', () => {
  it('skips a field left out but checks null like any value', () => {
    expect(errorsOf({})).toEqual([]);
    expect(errorsOf({ at: null })).toEqual(['at']);
    expect(errorsOf({ cleared: null })).toEqual([]);
  });
});

describe('dates', () => {
  it('keeps date-times within the years 1900 to 9998', () => {
    expect(errorsOf({ at: '2026-05-03T09:00:00Z' })).toEqual([]);
    expect(errorsOf({ at: '0000-01-01T00:00:00Z' })).toEqual(['at']);
    expect(errorsOf({ at: '9999-12-31T00:00:00Z' })).toEqual(['at']);
  });

  it('bounds how far ahead a moment may be', () => {
    expect(errorsOf({ soon: new Date(Date.now() + 3600_000).toISOString() })).toEqual([]);
    expect(errorsOf({ soon: new Date(Date.now() + 2 * 86_400_000).toISOString() })).toEqual([
      'soon',
    ]);
  });
});
