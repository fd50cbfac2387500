import { ValidationError } from 'class-validator';
import { FieldError } from './domain-error';

/** Flattens class-validator's tree into one entry per offending field: `gridUnits[0].code`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    if (error.constraints) {
      for (const message of Object.values(error.constraints)) {
        out.push({
          field,
          message: message.replace(/^property (\S+) should not exist$/, 'unknown field $1'),
        });
      }
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}
