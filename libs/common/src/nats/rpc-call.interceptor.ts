import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { logContext } from '../logging/logger';
import { rpcDuration, rpcFailed, rpcHandled } from '../metrics/suite-metrics';

/**
 * What every request–reply message a service handles gets, around its pipes
 * and handler (so a refused payload counts as refused):
 * - the handler runs in its request's log context, so every line it logs
 *   carries the gateway's request id; the call itself is logged at debug level;
 * - it is counted and timed by subject without the suite prefix, so dashboards
 *   read the same in every city.
 * One interceptor, not one per concern: Nest binds an async resource for each
 * interceptor on every call, and these two always go together.
 */
@Injectable()
export class RpcCallInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Rpc');

  constructor(private readonly prefix: string) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rpc = context.switchToRpc();
    const payload = rpc.getData<{ requestId?: unknown } | undefined>();
    const requestId = typeof payload?.requestId === 'string' ? payload.requestId : undefined;
    const subject = rpc.getContext<{ getSubject?: () => string }>().getSubject?.() ?? '';
    const name = withoutPrefix(subject, this.prefix);
    const started = Date.now();
    const stopTimer = rpcDuration.startTimer({ subject: name });
    const finish = (error?: unknown) => {
      stopTimer();
      rpcHandled.inc({ subject: name });
      if (error !== undefined) rpcFailed.inc({ subject: name, reason: failureReason(error) });
      this.logger.debug(
        `${subject} ${error === undefined ? 'answered' : 'refused'} in ${Date.now() - started} ms`,
      );
    };
    return new Observable((subscriber) =>
      logContext.run({ requestId }, () =>
        next
          .handle()
          .pipe(tap({ complete: () => finish(), error: (e: unknown) => finish(e) }))
          .subscribe(subscriber),
      ),
    );
  }
}

function withoutPrefix(subject: string, prefix: string): string {
  const own = `${prefix}.`;
  return subject.startsWith(own) ? subject.slice(own.length) : subject;
}

/** `refused`: the domain said no, asking again gets the same answer; `error`: a fault. */
function failureReason(error: unknown): 'refused' | 'error' {
  return error instanceof DomainError && error.code !== ErrorCode.INTERNAL ? 'refused' : 'error';
}
