import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { localeOf } from './language';

/** The language of the answer, from the request's Accept-Language (see language.ts). */
export const RequestLocale = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  localeOf(context.switchToHttp().getRequest<FastifyRequest>().headers),
);
