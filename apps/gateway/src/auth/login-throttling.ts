import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { GatewayConfig } from '../config/gateway-config';

/** The account a login attempt is for, the same however it is typed. */
export function loginAccountKey(body: unknown): string | null {
  const login = (body as { login?: unknown } | undefined)?.login;
  if (typeof login !== 'string' || login.trim() === '') return null;
  return login
    .trim()
    .toLowerCase()
    .replace(/[\s()-]/g, '');
}

/**
 * Two limits on sign-in: per account (guessing one member's password) and per
 * client address (trying many accounts). Counts live in this gateway's memory.
 */
export function loginThrottling(config: GatewayConfig): ThrottlerModuleOptions {
  const ttl = config.LOGIN_LIMIT_WINDOW_SECONDS * 1000;
  return {
    errorMessage: 'Too many sign-in attempts: wait a while before trying again',
    throttlers: [
      { name: 'address', ttl, limit: config.LOGIN_LIMIT_PER_ADDRESS },
      {
        name: 'account',
        ttl,
        limit: config.LOGIN_LIMIT_PER_ACCOUNT,
        getTracker: (req: Record<string, unknown>) =>
          loginAccountKey(req.body) ?? `address:${String(req.ip)}`,
      },
    ],
  };
}
