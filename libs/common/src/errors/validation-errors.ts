import { ValidationError } from 'class-validator';
import { MessageKey, readFieldMessage } from '@app/contracts';
import { FieldError, fieldError } from './domain-error';

/**
 * class-validator's own constraints, by name: the key of their message and how
 * to read the constraint's values back out of its default English message.
 */
const CONSTRAINTS: Record<string, { key: MessageKey; param?: string; pattern?: RegExp }> = {
  whitelistValidation: { key: 'field.unknown' },
  isDefined: { key: 'field.isDefined' },
  isString: { key: 'field.isString' },
  isInt: { key: 'field.isInt' },
  isNumber: { key: 'field.isNumber' },
  isBoolean: { key: 'field.isBoolean' },
  isArray: { key: 'field.isArray' },
  isObject: { key: 'field.isObject' },
  isUuid: { key: 'field.isUuid' },
  isEmail: { key: 'field.isEmail' },
  isIso8601: { key: 'field.isIso8601' },
  isDateString: { key: 'field.isDateString' },
  nestedValidation: { key: 'field.nested' },
  arrayUnique: { key: 'field.arrayUnique' },
  matches: { key: 'field.matches' },
  isIn: { key: 'field.isIn', param: 'values', pattern: /following values: (.*)$/ },
  isEnum: { key: 'field.isEnum', param: 'values', pattern: /following values: (.*)$/ },
  min: { key: 'field.min', param: 'min', pattern: /less than (\S+)$/ },
  max: { key: 'field.max', param: 'max', pattern: /greater than (\S+)$/ },
  minLength: { key: 'field.minLength', param: 'min', pattern: /equal to (\d+) characters$/ },
  maxLength: { key: 'field.maxLength', param: 'max', pattern: /equal to (\d+) characters$/ },
  arrayMinSize: { key: 'field.arrayMinSize', param: 'min', pattern: /at least (\d+) elements$/ },
  arrayMaxSize: { key: 'field.arrayMaxSize', param: 'max', pattern: /more than (\d+) elements$/ },
  notEquals: { key: 'field.notEquals', param: 'value', pattern: /equal to (.*)$/ },
};

/**
 * One constraint's failure as a field error with a message key: a decorator's
 * fieldMessage() names its own; class-validator's defaults go by the constraint.
 * The English text stays what class-validator or the decorator said.
 */
function fieldErrorOf(field: string, constraint: string, text: string): FieldError {
  const own = readFieldMessage(text);
  if (own) return fieldError(field, own.key, { ...own.params, field });
  const known = CONSTRAINTS[constraint];
  const value = known?.pattern?.exec(text)?.[1];
  const message = text.replace(/^property (\S+) should not exist$/, 'unknown field $1');
  if (!known || (known.param && value === undefined)) {
    return { field, message, messageKey: 'field.invalid', params: { field } };
  }
  const params = { field, ...(known.param && { [known.param]: value as string }) };
  return { field, message, messageKey: known.key, params };
}

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
      for (const [constraint, text] of Object.entries(error.constraints)) {
        out.push(fieldErrorOf(field, constraint, text));
      }
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}
