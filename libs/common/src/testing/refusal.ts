import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/**
 * The code of the domain error `run` throws, or null when it does not throw:
 * how a rule's spec says "refused with this code" or "allowed" in one
 * expectation. Anything but a DomainError is a bug, so it is thrown on.
 */
export function refusal(run: () => unknown): ErrorCode | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}
