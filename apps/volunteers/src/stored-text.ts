import { FieldError, fieldError } from '@app/common';

type TextFields = Record<string, string | readonly string[] | null | undefined>;

/** PostgreSQL text cannot hold U+0000: refuse it by field rather than fail on the insert. */
export function nulCharacterErrors(fields: TextFields): FieldError[] {
  return Object.entries(fields)
    .filter(([, value]) => [value ?? []].flat().some((text) => text.includes('\u0000')))
    .map(([field]) => fieldError(field, 'field.nul'));
}

export function hasNulCharacter(text: string): boolean {
  return text.includes('\u0000');
}
