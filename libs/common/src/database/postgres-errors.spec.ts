import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './postgres-errors';

const coded = (code: string) => Object.assign(new Error('any words at all'), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    '57P01',
    '57P02',
    '57P03',
    '08000',
    '08001',
    '08006',
  ])('says %s is the database away', (code) => {
    expect(isDatabaseUnavailable(coded(code))).toBe(true);
  });

  it.each(['23505', '40001', '42P01', 'ENOENT', undefined])('says %s is not', (code) => {
    expect(isDatabaseUnavailable(code ? coded(code) : new Error('Connection terminated'))).toBe(
      false,
    );
  });

  it("reads TypeORM's driverError, a cause and each error of an AggregateError", () => {
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], coded('08006')))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout', { cause: coded('08001') }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([coded('ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], coded('23505')))).toBe(false);
  });

  it('goes round a cause that points back at itself', () => {
    const error = coded('23505') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
