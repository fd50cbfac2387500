import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { GatewayConfig } from '../config/gateway-config';

/** The gateway's one rate limit of its own, per client address (its headers carry the name). */
export const ADDRESS_LIMIT = 'address';

/**
 * Sign-up, refresh and sign-out per client address, counted in this gateway's
 * memory: a brake on one client hammering them. Sign-in is not counted here:
 * the volunteers service counts failed sign-ins where every gateway sees them.
 */
export function authThrottling(config: GatewayConfig): ThrottlerModuleOptions {
  return {
    errorMessage: 'Too many requests from this address: wait a while before trying again',
    throttlers: [
      {
        name: ADDRESS_LIMIT,
        ttl: config.AUTH_LIMIT_WINDOW_SECONDS * 1000,
        limit: config.AUTH_LIMIT_PER_ADDRESS,
      },
    ],
  };
}
