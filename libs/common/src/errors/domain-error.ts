import { ErrorCode, httpStatusOf, isErrorCode } from './error-code';

export interface FieldError {
  field: string;
  message: string;
}

/** What a domain error looks like on the wire between services. */
export interface ErrorPayload {
  code: ErrorCode;
  status: number;
  message: string;
  details?: { errors?: FieldError[] } & Record<string, unknown>;
}

/**
 * A refusal by a domain rule. Services throw these (never HTTP exceptions);
 * they cross NATS as an ErrorPayload and become a problem response at the gateway.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorPayload['details'],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return httpStatusOf(this.code);
  }

  toPayload(): ErrorPayload {
    return { code: this.code, status: this.status, message: this.message, details: this.details };
  }

  static validation(errors: FieldError[]): DomainError {
    const fields = errors.map((e) => e.field).join(', ');
    return new DomainError(ErrorCode.VALIDATION_FAILED, `Invalid input: ${fields}`, { errors });
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
  }

  static forbidden(message = 'Not allowed'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static isPayload(value: unknown): value is ErrorPayload {
    return (
      typeof value === 'object' &&
      value !== null &&
      isErrorCode((value as ErrorPayload).code) &&
      typeof (value as ErrorPayload).message === 'string'
    );
  }
}
