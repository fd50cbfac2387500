import { Type } from '@nestjs/common';
import { GUARDS_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ThrottlerGuard } from '@nestjs/throttler';
import { THROTTLER_SKIP } from '@nestjs/throttler/dist/throttler.constants';
import { ACCESS_POLICY, AccessPolicy } from '../auth/access.decorator';

/** What a route declares that its description must say. */
export interface RouteDeclaration {
  /** No sign-in needed (`security: []`). */
  public: boolean;
  /** The gateway's own rate limits that count this route's calls (their headers name them). */
  rateLimits: string[];
}

function metadata<T>(key: string, handler: object, controller: object): T | undefined {
  return (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as
    T | undefined;
}

/**
 * Each route's declarations, read from the same metadata the guards act on,
 * by the operationId Swagger gives the route (`<Controller>_<method>`).
 */
export function routeDeclarations(
  controllers: Type[],
  rateLimits: string[],
): Map<string, RouteDeclaration> {
  const declarations = new Map<string, RouteDeclaration>();
  for (const controller of controllers) {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (
        name === 'constructor' ||
        typeof handler !== 'function' ||
        Reflect.getMetadata(PATH_METADATA, handler) === undefined
      ) {
        continue;
      }
      const guards = [
        ...((Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[] | undefined) ?? []),
        ...((Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[] | undefined) ?? []),
      ];
      const throttled = guards.includes(ThrottlerGuard);
      declarations.set(`${controller.name}_${name}`, {
        public: metadata<AccessPolicy>(ACCESS_POLICY, handler, controller)?.public === true,
        rateLimits: throttled
          ? rateLimits.filter((limit) => !metadata(THROTTLER_SKIP + limit, handler, controller))
          : [],
      });
    }
  }
  return declarations;
}
