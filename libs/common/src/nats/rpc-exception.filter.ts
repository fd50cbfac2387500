import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { DomainError, ErrorPayload } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/**
 * The one place a service turns what it threw into the wire error: a
 * DomainError keeps its code; anything else is logged and becomes INTERNAL.
 */
@Catch()
export class ServiceExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('ServiceExceptionFilter');

  catch(exception: unknown, _host: ArgumentsHost): Observable<ErrorPayload> {
    if (exception instanceof DomainError) return throwError(() => exception.toPayload());
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
