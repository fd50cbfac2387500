import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { logContext } from '../logging/logger';

/**
 * Runs each handler inside its request's log context, so every line it logs
 * carries the gateway's request id, and logs the call itself at debug level.
 */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Rpc');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const payload = context.switchToRpc().getData<{ requestId?: unknown } | undefined>();
    const requestId = typeof payload?.requestId === 'string' ? payload.requestId : undefined;
    const subject = context
      .switchToRpc()
      .getContext<{ getSubject?: () => string }>()
      .getSubject?.();
    const started = Date.now();
    const done = (outcome: string) =>
      this.logger.debug(`${subject} ${outcome} in ${Date.now() - started} ms`);
    return new Observable((subscriber) =>
      logContext.run({ requestId }, () =>
        next
          .handle()
          .pipe(tap({ complete: () => done('answered'), error: () => done('refused') }))
          .subscribe(subscriber),
      ),
    );
  }
}
