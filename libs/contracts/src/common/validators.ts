import {
  IsInt,
  IsISO8601,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** PostgreSQL text cannot hold U+0000; everything else is stored exactly as given. */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what it looks for
export const NO_NUL = /^[^\u0000]*$/;

/** A moment with its time zone, e.g. 2026-05-03T09:00:00Z. */
export function IsDateTimeWithZone(field: string): PropertyDecorator {
  return (target, key) => {
    IsISO8601({ strict: true }, { message: `${field} must be an ISO 8601 date-time` })(target, key);
    Matches(DATE_TIME, { message: `${field} must be a date-time with a time zone` })(target, key);
  };
}

/**
 * Free text, stored and returned exactly as given (Chinese, emoji, quotes,
 * angle brackets…), within `min`..`max` characters; required text may not be blank.
 */
export function FreeText(field: string, max: number, min = 1): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    MinLength(min, { message: `${field} must not be empty` })(target, key);
    MaxLength(max)(target, key);
    Matches(NO_NUL, { message: `${field} must not contain the NUL character` })(target, key);
    if (min > 0) Matches(/\S/, { message: `${field} must not be blank` })(target, key);
  };
}

/** A whole number within bounds, with one message naming the field and the range. */
export function WholeNumber(field: string, min: number, max: number): PropertyDecorator {
  const message = `${field} must be a whole number from ${min} to ${max}`;
  return (target, key) => {
    IsInt({ message })(target, key);
    Min(min, { message })(target, key);
    Max(max, { message })(target, key);
  };
}
