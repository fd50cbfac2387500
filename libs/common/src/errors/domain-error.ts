import { englishOf, isMessageKey, Message, MessageKey, MessageParams } from '@app/contracts';
import { ErrorCode, httpStatusOf, isErrorCode } from './error-code';

/**
 * A refusal of one field. `message` is the English text (logs, and the English
 * answer); `messageKey` and `params` let the gateway say it in the caller's language.
 */
export interface FieldError {
  field: string;
  message: string;
  messageKey?: MessageKey;
  params?: MessageParams;
}

/** What a domain error looks like on the wire between services. */
export interface ErrorPayload {
  code: ErrorCode;
  status: number;
  message: string;
  messageKey?: MessageKey;
  params?: MessageParams;
  details?: { errors?: FieldError[] } & Record<string, unknown>;
}

/** A field error by key: its English text comes from the catalogue. */
export function fieldError(field: string, key: MessageKey, params: MessageParams = {}): FieldError {
  const all = { field, ...params };
  return { field, message: englishOf({ key, params: all }), messageKey: key, params: all };
}

/** Things a NOT_FOUND names, each with its message. */
const NOT_FOUND = {
  Account: 'notFound.account',
  Certificate: 'notFound.certificate',
  Community: 'notFound.community',
  'Help request': 'notFound.helpRequest',
  Hold: 'notFound.hold',
  'Hour log': 'notFound.hourLog',
  Member: 'notFound.member',
  Merchant: 'notFound.merchant',
  Offer: 'notFound.offer',
  'Service record': 'notFound.serviceRecord',
  Transfer: 'notFound.transfer',
  Volunteer: 'notFound.volunteer',
  'Volunteer profile': 'notFound.volunteerProfile',
  Voucher: 'notFound.voucher',
  Notification: 'notFound.notification',
} as const satisfies Record<string, MessageKey>;

/**
 * A refusal by a domain rule. Services throw these (never HTTP exceptions);
 * they cross NATS as an ErrorPayload and become a problem response at the gateway.
 * The message is a catalogue key with params; the English text is kept as the
 * Error's message for logs. (A bare string is still taken, and shown as is.)
 */
export class DomainError extends Error {
  readonly messageKey?: MessageKey;
  readonly params?: MessageParams;

  constructor(
    readonly code: ErrorCode,
    message: string | Message,
    readonly details?: ErrorPayload['details'],
  ) {
    super(typeof message === 'string' ? message : englishOf(message));
    this.name = 'DomainError';
    if (typeof message !== 'string') {
      this.messageKey = message.key;
      this.params = message.params;
    }
  }

  /** The usual form: a code, a catalogue key and its params, and details for clients. */
  static of(
    code: ErrorCode,
    key: MessageKey,
    params?: MessageParams,
    details?: ErrorPayload['details'],
  ): DomainError {
    return new DomainError(code, { key, params }, details);
  }

  get status(): number {
    return httpStatusOf(this.code);
  }

  toPayload(): ErrorPayload {
    return {
      code: this.code,
      status: this.status,
      message: this.message,
      ...(this.messageKey && { messageKey: this.messageKey, params: this.params }),
      details: this.details,
    };
  }

  /** Back from the wire: the key survives only if this side's catalogue knows it. */
  static fromPayload(payload: ErrorPayload): DomainError {
    const message = isMessageKey(payload.messageKey)
      ? { key: payload.messageKey, params: payload.params }
      : payload.message;
    const error = new DomainError(payload.code, message, payload.details);
    // The sender's English text stands, in case the catalogues differ between versions.
    error.message = payload.message;
    return error;
  }

  static validation(errors: FieldError[]): DomainError {
    const fields = errors.map((e) => e.field).join(', ');
    return DomainError.of(ErrorCode.VALIDATION_FAILED, 'http.invalidInput', { fields }, { errors });
  }

  static notFound(what: keyof typeof NOT_FOUND): DomainError {
    return DomainError.of(ErrorCode.NOT_FOUND, NOT_FOUND[what]);
  }

  /** By catalogue key; a plain English text is still taken while call sites move to keys. */
  static forbidden(message: string = 'auth.forbidden', params?: MessageParams): DomainError {
    return isMessageKey(message)
      ? DomainError.of(ErrorCode.FORBIDDEN, message, params)
      : new DomainError(ErrorCode.FORBIDDEN, message);
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

/** The answer, or null when it is NOT_FOUND: for a lookup whose "there is none" is an answer too. */
export async function nullIfNotFound<T>(answer: Promise<T>): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return null;
    throw error;
  }
}
