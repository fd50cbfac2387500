import { DomainError, nullIfNotFound } from './domain-error';
import { ErrorCode } from './error-code';

describe('nullIfNotFound', () => {
  it('passes the answer through', async () => {
    expect(await nullIfNotFound(Promise.resolve({ id: 'a' }))).toEqual({ id: 'a' });
  });

  it('reads NOT_FOUND as null', async () => {
    expect(await nullIfNotFound(Promise.reject(DomainError.notFound('Member')))).toBeNull();
  });

  it('lets every other failure through', async () => {
    const unavailable = DomainError.of(ErrorCode.SERVICE_UNAVAILABLE, 'http.serviceUnavailable', {
      service: 'volunteers',
    });
    await expect(nullIfNotFound(Promise.reject(unavailable))).rejects.toBe(unavailable);
  });
});
