import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode, fieldError } from '@app/common';
import { REFRESH_TOKEN_PATTERN } from '@app/contracts';

/**
 * The web app's refresh token lives in this cookie, out of reach of scripts
 * (HttpOnly), sent only to the auth routes (Path) and only by pages of this
 * site (SameSite=Strict). Other clients keep using the JSON body.
 */
export const REFRESH_COOKIE = 'timebank_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/** The cookie's attributes for a refresh token that expires at `expiresAt`. */
export function refreshCookieOptions(
  expiresAt: string,
  secure: boolean,
  now: number = Date.now(),
): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    secure,
    maxAge: Math.max(0, Math.floor((Date.parse(expiresAt) - now) / 1000)),
  };
}

/** Sets the cookie; `Secure` when the client reached us over HTTPS (the forwarded proto behind TRUST_PROXY). */
export function setRefreshCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: { refreshToken: string; refreshExpiresAt: string },
): void {
  void reply.setCookie(
    REFRESH_COOKIE,
    session.refreshToken,
    refreshCookieOptions(session.refreshExpiresAt, request.protocol === 'https'),
  );
}

export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    secure: request.protocol === 'https',
  });
}

/** Where a refresh or sign-out found its token. */
export type PresentedToken =
  | { from: 'body'; token: string }
  /** `wellFormed` false: a cookie that cannot be a refresh token (no session to look up). */
  | { from: 'cookie'; token: string; wellFormed: boolean };

/**
 * The refresh token of a refresh or sign-out: the body's when it has one (API
 * clients, and it wins over a cookie), else the cookie's. Neither is 400
 * naming refreshToken, as a body without it always was.
 *
 * A cookie is sent by the browser whoever made the page, so a cookie-borne call
 * must also come from one of our own pages. SameSite=Strict keeps other sites'
 * pages out, but not those of a sibling subdomain (same site, other origin), nor
 * a browser that ignores SameSite; the Origin header names the page's origin on
 * every cross-origin POST, so one that is neither ours nor an allowed CORS
 * origin is refused (403) before the token is used: a foreign page can neither
 * rotate the cookie nor sign the member out.
 */
export function presentedToken(
  request: FastifyRequest,
  bodyToken: string | undefined,
  allowedOrigins: readonly string[],
): PresentedToken {
  if (bodyToken !== undefined) return { from: 'body', token: bodyToken };
  const cookie = request.cookies?.[REFRESH_COOKIE];
  if (cookie === undefined || cookie === '') {
    throw DomainError.validation([fieldError('refreshToken', 'field.isDefined')]);
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, ownOrigin(request), allowedOrigins)) {
    throw DomainError.forbidden('auth.foreignOrigin');
  }
  return { from: 'cookie', token: cookie, wellFormed: REFRESH_TOKEN_PATTERN.test(cookie) };
}

/** This gateway's origin as the client sees it (the forwarded proto and host behind TRUST_PROXY). */
export function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Whether `origin` is ours or an allowed one; 'null' (sandboxed pages, files) never is. */
export function isOwnOrigin(origin: string, own: string, allowed: readonly string[]): boolean {
  const normal = normalOrigin(origin);
  if (normal === null) return false;
  return [own, ...allowed].some((candidate) => normalOrigin(candidate) === normal);
}

/** Scheme, host and port in one spelling (case, default ports), or null when it is no http(s) origin. */
function normalOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** A cookie that cannot be a refresh token: the session it would name does not exist. */
export function sessionEnded(): DomainError {
  return DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.sessionEnded');
}
