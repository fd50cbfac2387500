import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, ValidationOptions } from 'class-validator';
import { Optional } from './validators';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * `?limit=` of a list: how many items a page holds, DEFAULT_PAGE_SIZE when left
 * out. One composition, so every list documents and checks its limit alike;
 * `options` carries a list's own message, if it words the error itself.
 */
export function PageLimit(options?: ValidationOptions): PropertyDecorator {
  return (target, key) => {
    Max(MAX_PAGE_SIZE, options)(target, key);
    Min(1, options)(target, key);
    IsInt(options)(target, key);
    Type(() => Number)(target, key);
    Optional()(target, key);
    ApiPropertyOptional({
      type: 'integer',
      minimum: 1,
      maximum: MAX_PAGE_SIZE,
      default: DEFAULT_PAGE_SIZE,
    })(target, key);
  };
}

/** `?limit=&cursor=` of every list (API.md "Conventions"). */
export class PageQueryDto {
  @PageLimit()
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @Optional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** An opaque cursor from the sort key of the last item of a page. */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Reads a cursor back; null when it is not one of ours. */
export function decodeCursor<T extends Record<string, string | number>>(
  cursor: string | undefined,
  keys: (keyof T)[],
): T | null | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
    if (typeof value !== 'object' || value === null) return null;
    return keys.every((k) => ['string', 'number'].includes(typeof value[k])) ? value : null;
  } catch {
    return null;
  }
}
