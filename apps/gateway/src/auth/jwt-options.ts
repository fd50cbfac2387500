import { createSecretKey } from 'node:crypto';
import type { JwtModuleOptions } from '@nestjs/jwt';
import { ACCESS_TOKEN_TTL_SECONDS } from './token.service';

export const TOKEN_ISSUER = 'timebank';

/**
 * How the gateway signs and checks its tokens (access tokens and stream
 * tickets): HS256 with JWT_SECRET, turned once into a secret KeyObject. Given
 * the secret as a string, jsonwebtoken would first try to read it as a public
 * key (crypto.createPublicKey, which throws) and only then as a secret, on
 * every sign and every verify: about 0.6 ms of the gateway's CPU per request.
 * The key holds the same bytes, so tokens signed either way check either way.
 */
export function jwtOptions(secret: string): JwtModuleOptions {
  return {
    secret: createSecretKey(Buffer.from(secret, 'utf8')),
    signOptions: {
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      issuer: TOKEN_ISSUER,
      algorithm: 'HS256',
    },
    verifyOptions: { issuer: TOKEN_ISSUER, algorithms: ['HS256'] },
  };
}
