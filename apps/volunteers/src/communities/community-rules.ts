import { FieldError, fieldError } from '@app/common';

/** Grid unit codes repeated within one community (regardless of case), named by position. */
export function duplicateGridUnitCodeErrors(gridUnits: readonly { code: string }[]): FieldError[] {
  const firstAt = new Map<string, number>();
  const errors: FieldError[] = [];
  gridUnits.forEach(({ code }, i) => {
    const key = code.toLowerCase();
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, i);
    else
      errors.push(
        fieldError(`gridUnits[${i}].code`, 'volunteers.communities.gridUnitCodeRepeated', {
          code,
          first,
        }),
      );
  });
  return errors;
}
