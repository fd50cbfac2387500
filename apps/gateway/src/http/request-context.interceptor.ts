import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { logContext } from '@app/common';

/** Runs each route inside its request's log context, so calls to services carry the id. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return new Observable((subscriber) =>
      logContext.run({ requestId: String(request.id) }, () => next.handle().subscribe(subscriber)),
    );
  }
}
