import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Optional } from './validators';

/**
 * An optional id (a filter of a list, or a default the caller may override):
 * one place says how every such field is documented and checked, so the
 * OpenAPI description and the validation cannot drift apart between them.
 */
export function OptionalUuid(description?: string): PropertyDecorator {
  const docs = description === undefined ? { format: 'uuid' } : { format: 'uuid', description };
  return (target, key) => {
    IsUUID('all')(target, key);
    Optional()(target, key);
    ApiPropertyOptional(docs)(target, key);
  };
}
