import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { rpcDuration, rpcFailed, rpcHandled } from '../metrics/suite-metrics';

/**
 * Counts and times every request–reply message a service handles, by subject
 * without the suite prefix (so dashboards read the same in every city). It
 * sits around the pipes too, so a refused payload counts as refused.
 */
@Injectable()
export class RpcMetricsInterceptor implements NestInterceptor {
  constructor(private readonly prefix: string) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const subject = this.subjectOf(context);
    const stopTimer = rpcDuration.startTimer({ subject });
    const finish = (error?: unknown) => {
      stopTimer();
      rpcHandled.inc({ subject });
      if (error !== undefined) rpcFailed.inc({ subject, reason: failureReason(error) });
    };
    return next.handle().pipe(tap({ complete: () => finish(), error: (e: unknown) => finish(e) }));
  }

  private subjectOf(context: ExecutionContext): string {
    const subject =
      context.switchToRpc().getContext<{ getSubject?: () => string }>().getSubject?.() ?? '';
    const ownPrefix = `${this.prefix}.`;
    return subject.startsWith(ownPrefix) ? subject.slice(ownPrefix.length) : subject;
  }
}

/** `refused`: the domain said no, asking again gets the same answer; `error`: a fault. */
function failureReason(error: unknown): 'refused' | 'error' {
  return error instanceof DomainError && error.code !== ErrorCode.INTERNAL ? 'refused' : 'error';
}
