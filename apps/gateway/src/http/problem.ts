import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode, FieldError } from '@app/common';
import { formatMessage, Locale } from '@app/contracts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One field a problem names, and what is wrong with it in the request's language. */
export class ProblemFieldError {
  @ApiProperty({
    example: 'password',
    description: 'The field: a body field (gridUnits[0].code), a query or path parameter, a header',
  })
  field!: string;
  @ApiProperty({ example: 'password must be at least 10 characters' }) message!: string;
}

/** An RFC 9457 problem document, as API.md "Conventions" fixes it. */
export class Problem {
  @ApiProperty({ example: 'https://timebank.example/problems/validation-failed' }) type!: string;
  @ApiProperty({ example: 'The request is not valid' }) title!: string;
  @ApiProperty({ type: 'integer', example: 400, description: 'The HTTP status' }) status!: number;
  @ApiProperty({ example: 'Invalid input: password' }) detail!: string;
  @ApiProperty({
    enum: ErrorCode,
    enumName: 'ErrorCode',
    example: ErrorCode.VALIDATION_FAILED,
    description: 'Never changes with the language, unlike title and detail',
  })
  code!: ErrorCode;
  @ApiPropertyOptional({ type: [ProblemFieldError], description: 'Each field that is wrong' })
  errors?: ProblemFieldError[];
  @ApiPropertyOptional({
    example: 'expired',
    description:
      'Why, in a word a client can act on, where a route names its reasons; like code it never ' +
      'changes with the language. POST /vouchers/redeem: not_found, expired, redeemed, ' +
      'cancelled, too_many_failures. POST /offers/{id}/claim: the reasons of ' +
      'OfferEligibilityView.reason.',
  })
  reason?: string;
  @ApiProperty({
    example: '3f0c7c1e-5a0e-4b1e-9d7e-2f1b2c3d4e5f',
    description: 'The X-Request-Id of the answer',
  })
  requestId!: string;
}

/** A field error as the client sees it: its message in the request's language. */
function shownFieldError(error: FieldError, locale: Locale): ProblemFieldError {
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
  reason?: string,
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
    ...(reason !== undefined ? { reason } : {}),
    requestId,
  };
}
