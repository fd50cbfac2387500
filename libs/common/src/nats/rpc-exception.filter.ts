import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { isDatabaseUnavailable } from '../database/postgres-errors';
import { DomainError, ErrorPayload } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/** How long a caller is told to wait before asking again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * The one place a service turns what it threw into the wire error: a
 * DomainError keeps its code; PostgreSQL away (by the error's codes) is
 * SERVICE_UNAVAILABLE with a wait to retry after; anything else is logged and
 * becomes INTERNAL.
 */
@Catch()
export class ServiceExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('ServiceExceptionFilter');

  constructor(private readonly service: string) {}

  catch(exception: unknown, _host: ArgumentsHost): Observable<ErrorPayload> {
    if (exception instanceof DomainError) return throwError(() => exception.toPayload());
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      const { service } = this;
      const unavailable = DomainError.of(
        ErrorCode.SERVICE_UNAVAILABLE,
        'http.serviceUnavailable',
        { service },
        { service, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
      );
      return throwError(() => unavailable.toPayload());
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return throwError(() => ({
      code: ErrorCode.INTERNAL,
      status: 500,
      message: 'The service failed to handle this request',
    }));
  }
}
