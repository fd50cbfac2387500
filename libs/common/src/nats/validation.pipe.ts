import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { firstBadString, NoPayload } from '@app/contracts';
import { DomainError } from '../errors/domain-error';
import { flattenValidationErrors } from '../errors/validation-errors';
import { fieldError } from '../errors/domain-error';
import { rememberValidationRules } from './validation-metadata';

const OBJECT_SOURCES = new Set(['body', 'query']);
/** What comes from outside: HTTP body, query and path, and a NATS message's payload (RpcParamtype.PAYLOAD). */
const OUTSIDE_SOURCES = new Set<unknown>(['body', 'query', 'param', 3]);

/**
 * Validates payload classes strictly (unknown fields refused, types converted)
 * and reports failures as VALIDATION_FAILED naming each field. Used by the
 * gateway for HTTP input and by every service for what arrives over NATS.
 */
class StrictValidationPipe extends ValidationPipe {
  constructor() {
    rememberValidationRules();
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const validated = metadata.metatype && this.toValidate(metadata);
    // A JSON array, string or number where an object is expected is refused, not coerced.
    if (
      validated &&
      value !== undefined &&
      (typeof value !== 'object' || value === null || Array.isArray(value))
    ) {
      const field = OBJECT_SOURCES.has(metadata.type)
        ? metadata.type
        : (metadata.data ?? 'payload');
      throw DomainError.validation([fieldError(field, 'field.notJsonObject')]);
    }
    if (OUTSIDE_SOURCES.has(metadata.type)) {
      // Strings no text column can hold, in any field, typed or not. A payload's
      // `data` is the envelope's, not a field the client named.
      const named = typeof metadata.type === 'string' ? (metadata.data ?? '') : '';
      const bad = firstBadString(value, named);
      if (bad) throw DomainError.validation([bad]);
    }
    // A message that carries nothing has a class with no fields to validate: any field is unknown.
    if (metadata.metatype === NoPayload) {
      const field = Object.keys(value ?? {})[0];
      if (field !== undefined) throw DomainError.validation([fieldError(field, 'field.unknown')]);
      return new NoPayload();
    }
    return super.transform(value, metadata);
  }
}

export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe();
}
