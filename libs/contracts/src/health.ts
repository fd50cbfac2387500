import { message, MessageContract, NoPayload, reply } from './message';
import { BackendService } from './services';

/** `<service>.health.check` answer: up when the service reaches its database. */
export interface ServiceHealth {
  service: string;
  status: 'up' | 'down';
  database: 'up' | 'down';
}

/** `<service>.health.live` answer: the process runs and hears NATS. */
export interface ServiceLiveness {
  service: string;
  status: 'up';
}

/** `<service>.health.ready` answer: whether the service can do its work now, and if not, why. */
export interface ServiceReadiness {
  service: string;
  ready: boolean;
  /** What is not ready: `migrations` while they run or the service starts, `database`, `nats`. */
  notReady: string[];
}

/** The three questions every backend answers about itself. */
export interface HealthMessages {
  check: MessageContract<NoPayload, ServiceHealth>;
  live: MessageContract<NoPayload, ServiceLiveness>;
  ready: MessageContract<NoPayload, ServiceReadiness>;
}

function healthMessagesOf(service: BackendService): HealthMessages {
  return {
    check: message(`${service}.health.check`, NoPayload, reply<ServiceHealth>()),
    live: message(`${service}.health.live`, NoPayload, reply<ServiceLiveness>()),
    ready: message(`${service}.health.ready`, NoPayload, reply<ServiceReadiness>()),
  };
}

/** Each backend's health messages, declared once (a new service does not compile until named here). */
export const HEALTH_MESSAGES: Record<BackendService, HealthMessages> = {
  volunteers: healthMessagesOf('volunteers'),
  accounting: healthMessagesOf('accounting'),
  requests: healthMessagesOf('requests'),
  rewards: healthMessagesOf('rewards'),
};
