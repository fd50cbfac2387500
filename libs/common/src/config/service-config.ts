import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/timebank';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** Settings every process of the suite reads, the gateway included (DESIGN.md "Running"). */
export class BaseConfig {
  @Matches(/^(nats|tls):\/\/\S+(,\s*(nats|tls):\/\/\S+)*$/, {
    message: 'must be one or more nats:// URLs, comma-separated',
  })
  NATS_URL: string = DEFAULT_NATS_URL;

  @Matches(/^[A-Za-z0-9_-]{1,64}$/, {
    message: 'must be 1-64 letters, digits, "_" or "-" (it names NATS subjects and streams)',
  })
  NATS_SUBJECT_PREFIX: string = 'timebank';

  @IsIn(['development', 'production', 'test'])
  NODE_ENV: string = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** How long a stopping service waits for messages in flight. */
  @IsInt()
  @Min(0)
  @Max(60_000)
  SHUTDOWN_GRACE_MS: number = 10_000;

  /** How long a service waits for another one (below the gateway's SERVICE_TIMEOUT_MS). */
  @IsInt()
  @Min(100)
  @Max(60_000)
  PEER_TIMEOUT_MS: number = 4000;
}

/** Settings of a service that owns a PostgreSQL schema. */
export class ServiceConfig extends BaseConfig {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = DEFAULT_DATABASE_URL;
}
