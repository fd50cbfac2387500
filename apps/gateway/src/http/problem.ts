import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode, FieldError } from '@app/common';
import { formatMessage, Locale } from '@app/contracts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An RFC 9457 problem document, as API.md "Conventions" fixes it. */
export class Problem {
  @ApiProperty({ example: 'https://timebank.example/problems/validation-failed' }) type!: string;
  @ApiProperty({ example: 'The request is not valid' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'Invalid input: password' }) detail!: string;
  @ApiProperty({ enum: ErrorCode, example: ErrorCode.VALIDATION_FAILED }) code!: ErrorCode;
  @ApiPropertyOptional({
    example: [{ field: 'password', message: 'password must be at least 10 characters' }],
  })
  errors?: FieldError[];
  @ApiProperty({ example: '3f0c7c1e-5a0e-4b1e-9d7e-2f1b2c3d4e5f' }) requestId!: string;
}

/** A field error as the client sees it: its message in the request's language. */
function shownFieldError(error: FieldError, locale: Locale): { field: string; message: string } {
  // English is the text itself; a message without a key (not yet moved to the catalogue) stays English.
  const message =
    locale === 'en' || !error.messageKey
      ? error.message
      : formatMessage(locale, error.messageKey, error.params);
  return { field: error.field, message };
}

/** The problem of `code`: its title, and the field messages, in `locale`; `detail` already is. */
export function problemOf(
  code: ErrorCode,
  status: number,
  detail: string,
  requestId: string,
  locale: Locale,
  errors?: FieldError[],
): Problem {
  return {
    type: `https://timebank.example/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: formatMessage(locale, `title.${code}`),
    status,
    detail,
    code,
    ...(errors && errors.length > 0
      ? { errors: errors.map((error) => shownFieldError(error, locale)) }
      : {}),
    requestId,
  };
}
