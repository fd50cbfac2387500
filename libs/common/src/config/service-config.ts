import { WholeSetting } from './whole-setting';
import {
  DEFAULT_CITY_TIME_ZONE,
  EVENTS_BY_PRODUCER,
  DEFAULT_TIER_HOURS,
  isTimeZone,
  parseTierHours,
  Tier,
  tiersFromHours,
} from '@app/contracts';
import { IsIn, IsString, Matches, ValidateBy, ValidationArguments } from 'class-validator';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/timebank';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/**
 * The servers NATS_URL lists, comma-separated (a cluster's nodes, so a client
 * moves to another when one goes), or null when one of them is not a nats://
 * (or tls://) URL with a host.
 */
export function parseNatsServers(value: unknown): string[] | null {
  if (typeof value !== 'string') return null;
  const servers = value.split(',').map((entry) => entry.trim());
  return servers.every(isNatsServer) ? servers : null;
}

function isNatsServer(entry: string): boolean {
  try {
    const url = new URL(entry);
    return (url.protocol === 'nats:' || url.protocol === 'tls:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The first entry of NATS_URL that is not a server's URL, for the error naming it. */
function firstBadServer(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  return value.split(',').find((entry) => !isNatsServer(entry.trim())) ?? value;
}

/** Settings every process of the suite reads, the gateway included (DESIGN.md "Running"). */
export class BaseConfig {
  @IsString()
  @ValidateBy({
    name: 'natsServers',
    validator: {
      validate: (value: unknown) => parseNatsServers(value) !== null,
      defaultMessage: ({ value }: ValidationArguments) =>
        `must be one or more nats:// URLs, comma-separated: "${firstBadServer(value)}" is not one`,
    },
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
  @WholeSetting(0, 60_000)
  SHUTDOWN_GRACE_MS: number = 10_000;

  /** How long a service waits for another one (below the gateway's SERVICE_TIMEOUT_MS). */
  @WholeSetting(100, 60_000)
  PEER_TIMEOUT_MS: number = 4000;

  /**
   * How long a member's rights may be served from this process's cache when no
   * change is announced (changes are announced at once; this bounds a lost one).
   * 0 asks the volunteers service on every call.
   */
  @WholeSetting(0, 300_000)
  RIGHTS_CACHE_TTL_MS: number = 30_000;

  /**
   * The city's time zone: every date boundary (today, "not in the future", a
   * day's gift allowance, report days, the date of a service) is a day on its
   * clocks. One setting for every process, so no two of them disagree on a day.
   */
  @IsString()
  @ValidateBy({
    name: 'timeZone',
    validator: {
      validate: (value: unknown) => isTimeZone(value),
      defaultMessage: () => 'must be an IANA time zone such as Asia/Shanghai',
    },
  })
  CITY_TIME_ZONE: string = DEFAULT_CITY_TIME_ZONE;

  /**
   * The port serving Prometheus metrics at GET /metrics, for the private network
   * Prometheus scrapes from; 0 serves none. Each process needs a port of its own
   * (docs/operations.md "Metrics").
   */
  @WholeSetting(0, 65535)
  METRICS_PORT: number = 0;

  /**
   * An OpenTelemetry collector's OTLP/HTTP address (`/v1/traces` is added): spans
   * are sent there. Empty sends none; trace ids still reach every log line.
   */
  @Matches(/^$|^https?:\/\/[^\s,]+$/, {
    message: 'must be empty or an http(s) URL such as http://collector:4318',
  })
  OTEL_EXPORTER_OTLP_ENDPOINT: string = '';

  /** How long spans wait to be sent with others to the collector, in milliseconds. */
  @WholeSetting(1, 60_000)
  OTEL_BSP_SCHEDULE_DELAY: number = 5000;

  /** NATS_URL's servers, which every NATS client of the process is given (validated above). */
  get natsServers(): string[] {
    return parseNatsServers(this.NATS_URL) ?? [DEFAULT_NATS_URL];
  }
}

/** Settings of a service that owns a PostgreSQL schema. */
export class ServiceConfig extends BaseConfig {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = DEFAULT_DATABASE_URL;

  /**
   * Lifetime hours at which each star tier starts, strictly rising; the entry
   * tier sits below the first. One setting for every service that needs tiers.
   */
  @IsString()
  @ValidateBy({
    name: 'tierHours',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseTierHours(value) !== null,
      defaultMessage: () => 'must be strictly rising whole hours, comma-separated: 100,300,600',
    },
  })
  TIER_THRESHOLDS_HOURS: string = DEFAULT_TIER_HOURS.join(',');

  /**
   * The last resort of a stream that keeps events until every consumer has them:
   * an event older than this is dropped even if a consumer never took it. The
   * alarm metric timebank_event_stream_oldest_age_seconds rises long before.
   */
  @WholeSetting(1, 365)
  EVENT_MAX_AGE_DAYS: number = 30;

  /**
   * How many NATS servers of a JetStream cluster keep a copy of each event
   * stream (and of its consumers, which follow it): 3 keeps every event
   * through the loss of one node. 1 for a single server; a stream made with
   * another count is brought to this one at the next start.
   */
  @WholeSetting(1, 5)
  NATS_STREAM_REPLICAS: number = 1;

  /**
   * A fault point for tests, honoured only when NODE_ENV=test: the process exits
   * right after committing the effect of an event of this type, before the ack.
   */
  @IsIn([
    '',
    ...Object.values(EVENTS_BY_PRODUCER).flatMap((events) => events.map(({ type }) => type)),
  ])
  EVENT_FAULT_EXIT_BEFORE_ACK: string = '';

  get tiers(): Tier[] {
    return tiersFromHours(parseTierHours(this.TIER_THRESHOLDS_HOURS) ?? DEFAULT_TIER_HOURS);
  }
}
