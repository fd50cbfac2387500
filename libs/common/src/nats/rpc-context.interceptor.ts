import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, finalize } from 'rxjs';
import { logContext } from '../logging/logger';
import { inFlight } from './in-flight';

/** Runs each handler inside its request's log context and counts it as in flight. */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const payload = context.switchToRpc().getData<{ requestId?: unknown } | undefined>();
    const requestId = typeof payload?.requestId === 'string' ? payload.requestId : undefined;
    inFlight.enter();
    return new Observable((subscriber) =>
      logContext.run({ requestId }, () => next.handle().subscribe(subscriber)),
    ).pipe(finalize(() => inFlight.leave()));
  }
}
