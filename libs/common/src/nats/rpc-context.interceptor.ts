import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { logContext } from '../logging/logger';

/** Runs each handler inside its request's log context, so its log lines carry the request id. */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const payload = context.switchToRpc().getData<{ requestId?: unknown } | undefined>();
    const requestId = typeof payload?.requestId === 'string' ? payload.requestId : undefined;
    return new Observable((subscriber) =>
      logContext.run({ requestId }, () => next.handle().subscribe(subscriber)),
    );
  }
}
