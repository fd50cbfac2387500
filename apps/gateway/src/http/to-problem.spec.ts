import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError, ErrorCode } from '@app/common';
import { toProblem } from './to-problem';

describe('toProblem', () => {
  it('keeps a domain error its code, status, message and field errors', () => {
    const error = DomainError.validation([{ field: 'password', message: 'too short' }]);
    const { problem, internal } = toProblem(error, 'req-1', 'en');
    expect(problem).toEqual({
      type: 'https://timebank.example/problems/validation-failed',
      title: 'The request is not valid',
      status: 400,
      detail: 'Invalid input: password',
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'password', message: 'too short' }],
      requestId: 'req-1',
    });
    expect(internal).toBe(false);
  });

  it('passes on the reason a service gives, and nothing else of its details', () => {
    const refused = DomainError.of(
      ErrorCode.INVALID_STATE,
      'rewards.redeem.expired',
      {},
      { status: 'expired', reason: 'expired' },
    );
    const { problem } = toProblem(refused, 'r', 'en');
    expect(problem).toMatchObject({ code: 'INVALID_STATE', reason: 'expired' });
    expect(problem).not.toHaveProperty('status', 'expired');
    for (const reason of ['Free text, not a word', 42, 'x'.repeat(60)]) {
      const odd = new DomainError(ErrorCode.CONFLICT, 'x', { reason });
      expect(toProblem(odd, 'r', 'en').problem).not.toHaveProperty('reason');
    }
  });

  it.each([
    [ErrorCode.CONFLICT, 409],
    [ErrorCode.INSUFFICIENT_CREDITS, 409],
    [ErrorCode.SERVICE_UNAVAILABLE, 503],
    [ErrorCode.SERVICE_TIMEOUT, 504],
    [ErrorCode.RATE_LIMITED, 429],
  ])('answers %s with %i', (code, status) => {
    expect(toProblem(new DomainError(code, 'x'), 'r', 'en').problem.status).toBe(status);
  });

  it('names the body when the JSON cannot be parsed', () => {
    const { problem } = toProblem(new BadRequestException('Unexpected token'), 'r', 'en');
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors).toEqual([{ field: 'body', message: 'The body is not valid JSON' }]);
  });

  it('answers a body over the limit with 413', () => {
    const { problem } = toProblem(new PayloadTooLargeException(), 'r', 'en');
    expect([problem.status, problem.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('answers an unknown route with NOT_FOUND and the rate limiter with RATE_LIMITED', () => {
    expect(toProblem(new NotFoundException(), 'r', 'en').problem.code).toBe('NOT_FOUND');
    expect(toProblem(new ThrottlerException(), 'r', 'en').problem.code).toBe('RATE_LIMITED');
  });

  it('hides what went wrong inside and flags it for the log', () => {
    const { problem, internal } = toProblem(new TypeError('secret detail'), 'r', 'en');
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('secret');
    expect(internal).toBe(true);
  });

  it.each([
    ['FST_ERR_MAX_PARAM_LENGTH', 414, 'path'],
    ['FST_ERR_BAD_URL', 400, 'path'],
    ['HPE_HEADER_OVERFLOW', undefined, 'headers'],
    ['HPE_INVALID_HEADER_TOKEN', undefined, 'request'],
  ])('answers %s as 400 naming %s, never echoing the input', (code, statusCode, field) => {
    const error = { code, statusCode, message: "'/requests/<script>' is exceeding the max" };
    const { problem, internal } = toProblem(error, 'r', 'en');
    expect([problem.status, problem.code, internal]).toEqual([400, 'VALIDATION_FAILED', false]);
    expect(problem.errors?.map((e) => e.field)).toEqual([field]);
    expect(JSON.stringify(problem)).not.toContain('script');
  });

  it("never passes a framework's message on", () => {
    const { problem } = toProblem(
      { statusCode: 400, code: 'FST_X', message: '/secret/path' },
      'r',
      'en',
    );
    expect(problem.detail).not.toContain('secret');
  });
});
