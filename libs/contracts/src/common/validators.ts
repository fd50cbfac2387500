import {
  IsInt,
  IsISO8601,
  IsOptional, // only here, behind Optional() and OptionalNullable() (see eslint.config.mjs)
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
} from 'class-validator';
import { MessageKey } from '../i18n/en';
import { fieldMessage } from '../i18n/field-message';
import { englishOf } from '../i18n/field-message';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** PostgreSQL text cannot hold U+0000; everything else is stored exactly as given. */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what it looks for
export const NO_NUL = /^[^\u0000]*$/;

/**
 * A field that may be left out, but not sent as `null`: class-validator's
 * IsOptional skips every check for null too, so a null would reach code that
 * expects the type (a 500). Use this for every optional field.
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/** A field that may be left out or sent as `null` (only where the contract says null means something). */
export function OptionalNullable(): PropertyDecorator {
  return IsOptional();
}

/**
 * Why a string cannot be taken as text: PostgreSQL text holds no U+0000, and a
 * lone UTF-16 surrogate is no character at all (it would be stored mangled).
 */
export function badCharacterIn(text: string): 'field.nul' | 'field.loneSurrogate' | null {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) return 'field.nul';
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return 'field.loneSurrogate';
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      return 'field.loneSurrogate';
    }
  }
  return null;
}

/**
 * The first string anywhere in `value` (keys included) that is not storable
 * text, with its path (`gridUnits[0].name`; `root` names the value itself).
 * Walks with an explicit stack, never recursion, so no nesting overflows it.
 * Every input from outside goes through it: the gateway's body, query and path
 * parameters and every payload a service receives (the strict validation pipe).
 */
export function firstBadString(
  value: unknown,
  root = '',
): { field: string; message: string; messageKey: MessageKey; params: { field: string } } | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: root }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = badCharacterIn(current);
      if (problem) {
        const field = path || 'value';
        const params = { field };
        return { field, message: englishOf({ key: problem, params }), messageKey: problem, params };
      }
      continue;
    }
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const entries: Array<[string, unknown]> = Array.isArray(current)
      ? current.map((item, index): [string, unknown] => [`${path}[${index}]`, item])
      : Object.keys(current).map((key): [string, unknown] => {
          const keyProblem = badCharacterIn(key);
          if (keyProblem) return [path || 'value', key];
          return [path ? `${path}.${key}` : key, (current as Record<string, unknown>)[key]];
        });
    // Pushed in reverse so the first field in document order is reported first.
    for (let i = entries.length - 1; i >= 0; i--) {
      stack.push({ path: entries[i][0], value: entries[i][1] });
    }
  }
  return null;
}

/**
 * Moments outside these years are typing errors, and some cannot be stored
 * (PostgreSQL has no year 0) or written back (toISOString of year 10000 is
 * `+010000-…`, which no ISO 8601 check downstream takes).
 */
const EARLIEST_MOMENT = Date.UTC(1900, 0, 1);
const LATEST_MOMENT = Date.UTC(9999, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

function registerCheck(
  name: string,
  validate: (value: unknown) => boolean,
  message: ReturnType<typeof fieldMessage>,
): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: key as string,
      options: { message },
      validator: { validate },
    });
}

/** A moment with its time zone, e.g. 2026-05-03T09:00:00Z, from 1900 to 9998. */
export function IsDateTimeWithZone(field: string): PropertyDecorator {
  return (target, key) => {
    IsISO8601({ strict: true }, { message: fieldMessage('field.dateTime', { field }) })(
      target,
      key,
    );
    Matches(DATE_TIME, { message: fieldMessage('field.dateTimeWithZone', { field }) })(target, key);
    registerCheck(
      'isDateTimeInRange',
      (value) => {
        const at = typeof value === 'string' ? Date.parse(value) : NaN;
        return at >= EARLIEST_MOMENT && at < LATEST_MOMENT;
      },
      fieldMessage('field.dateTimeInRange', { field }),
    )(target, key);
  };
}

/** A moment no more than `days` days from the moment it is checked. */
export function AtMostDaysAhead(field: string, days: number): PropertyDecorator {
  return registerCheck(
    'atMostDaysAhead',
    (value) => typeof value === 'string' && Date.parse(value) <= Date.now() + days * DAY_MS,
    fieldMessage('field.daysAhead', { field, days }),
  );
}

/**
 * Free text, stored and returned exactly as given (Chinese, emoji, quotes,
 * angle brackets…), within `min`..`max` characters; required text may not be blank.
 */
export function FreeText(field: string, max: number, min = 1): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    MinLength(min, { message: fieldMessage('field.notEmpty', { field }) })(target, key);
    MaxLength(max, { message: fieldMessage('field.maxLength', { field, max }) })(target, key);
    Matches(NO_NUL, { message: fieldMessage('field.nul', { field }) })(target, key);
    if (min > 0) Matches(/\S/, { message: fieldMessage('field.notBlank', { field }) })(target, key);
  };
}

/** A whole number within bounds, with one message naming the field and the range. */
export function WholeNumber(field: string, min: number, max: number): PropertyDecorator {
  const message = fieldMessage('field.wholeNumberRange', { field, min, max });
  return (target, key) => {
    IsInt({ message })(target, key);
    Min(min, { message })(target, key);
    Max(max, { message })(target, key);
  };
}
