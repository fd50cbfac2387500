import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { flattenValidationErrors } from '../errors/validation-errors';

const OBJECT_SOURCES = new Set(['body', 'query']);

/**
 * Validates payload classes strictly (unknown fields refused, types converted)
 * and reports failures as VALIDATION_FAILED naming each field. Used by the
 * gateway for HTTP input and by every service for what arrives over NATS.
 */
class StrictValidationPipe extends ValidationPipe {
  constructor() {
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
      throw DomainError.validation([{ field, message: `${field} must be a JSON object` }]);
    }
    return super.transform(value, metadata);
  }
}

export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe();
}
