import path from 'node:path';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, Matches, MinLength } from 'class-validator';
import { BaseConfig, WholeSetting } from '@app/common';
import { Locale, LOCALES } from '@app/contracts';

export const DEV_JWT_SECRET = 'development-only-secret-change-me-0123456789';

/** Settings of the HTTP gateway. */
export class GatewayConfig extends BaseConfig {
  @WholeSetting(1, 65535)
  PORT: number = 3000;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string = DEV_JWT_SECRET;

  /** How long the gateway waits for a service before answering 504. */
  @WholeSetting(100, 120_000)
  SERVICE_TIMEOUT_MS: number = 5000;

  /** How long /health waits for each service. */
  @WholeSetting(100, 30_000)
  HEALTH_TIMEOUT_MS: number = 1500;

  /**
   * Sign-ups, refreshes and sign-outs per client address per window (a community
   * centre may share one). Failed sign-ins are limited by the volunteers service.
   */
  @WholeSetting(1, Number.MAX_SAFE_INTEGER)
  AUTH_LIMIT_PER_ADDRESS: number = 100;

  @WholeSetting(1, 86_400)
  AUTH_LIMIT_WINDOW_SECONDS: number = 900;

  /** Take the client address from X-Forwarded-For: only behind a proxy you run. */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  TRUST_PROXY: boolean = false;

  /** The language of problems and names when Accept-Language asks for none of ours. */
  @IsIn(LOCALES, { message: `DEFAULT_LOCALE must be one of ${LOCALES.join(', ')}` })
  DEFAULT_LOCALE: Locale = 'zh-CN';

  /** Web origins allowed to call the API from a browser, comma-separated; empty: none. */
  @Matches(/^$|^https?:\/\/[^\s,]+(,\s*https?:\/\/[^\s,]+)*$/, {
    message: 'must be http(s) origins, comma-separated',
  })
  CORS_ORIGINS: string = '';

  /**
   * The built web app served at `/`; empty: dist/web beside the compiled
   * gateway (dist/apps/gateway/src/config/ → dist/web). A relative path is
   * read from the working directory.
   */
  @IsString()
  WEB_ROOT: string = '';

  /**
   * The bearer token a scraper sends for GET /metrics on PORT; empty: no token.
   * Not needed when METRICS_PORT serves the metrics on a private port instead.
   */
  @Matches(/^$|^[\x21-\x7e]{32,}$/, {
    message: 'must be empty or 32 or more printable characters without spaces',
  })
  METRICS_TOKEN: string = '';

  get webRoot(): string {
    return this.WEB_ROOT !== ''
      ? path.resolve(this.WEB_ROOT)
      : path.resolve(__dirname, '..', '..', '..', '..', 'web');
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  }
}

/** Production refuses the development secret, and metrics anyone on the internet could read. */
export function productionProblems(config: GatewayConfig): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (config.JWT_SECRET === DEV_JWT_SECRET) {
    problems.push('JWT_SECRET is required in production (the development default is refused)');
  }
  if (config.METRICS_PORT === 0 && config.METRICS_TOKEN === '') {
    problems.push(
      'METRICS_PORT or METRICS_TOKEN is required in production (GET /metrics would be public)',
    );
  }
  return problems;
}
