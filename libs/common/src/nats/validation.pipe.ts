import { ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { flattenValidationErrors } from '../errors/validation-errors';

/**
 * Validates payload classes strictly (unknown fields refused, types converted)
 * and reports failures as VALIDATION_FAILED naming each field. Used by the
 * gateway for HTTP input and by every service for what arrives over NATS.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}
