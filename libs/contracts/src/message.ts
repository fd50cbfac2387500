import { BACKEND_SERVICES, BackendService } from './services';

/** A class whose instances are a message's payload: what the handler's validation reads. */
export type PayloadClass<P> = new (...args: never[]) => P;

/** The type of a message's reply, named where the message is declared; nothing at run time. */
export interface Reply<R> {
  readonly __reply?: R;
}

/** Declares a reply type: `reply<HoldView>()`. */
export function reply<R>(): Reply<R> {
  return {};
}

/** The payload of a message that carries nothing but its actor: no field is accepted. */
export class NoPayload {}

/**
 * A request–reply message between services, declared once in the owning
 * service's folder: its subject, its payload class and its reply type. The
 * caller (`ServiceClient.call`) and the handler (`@Handles`) both take this
 * declaration, so a payload or reply of another type does not compile.
 */
export interface MessageContract<P, R> {
  /** `<service>.<noun>.<verb>`, without the suite's prefix. */
  readonly subject: string;
  readonly payload: PayloadClass<P>;
  /** The service that answers it. */
  readonly service: BackendService;
  /** Phantom: the reply's type. */
  readonly reply?: R;
}

/**
 * A durable event, declared once in its producer's folder: its subject (which
 * names the producer's stream) and its payload type. The outbox writes it and
 * consumers subscribe to it by this declaration.
 */
export interface EventType<T> {
  /** `<service>.<noun>.<past-tense>`, without the suite's prefix. */
  readonly type: string;
  /** The service whose stream carries it. */
  readonly producer: BackendService;
  /** Phantom: the payload's type. */
  readonly payload?: T;
}

/** Every subject declared, so that none is declared twice. */
const declared = new Set<string>();
/** Every request–reply message declared. */
const messages: Array<MessageContract<unknown, unknown>> = [];

/** `<service>.<noun>.<verb>`: the service, then lower-case kebab words. */
const SUBJECT_SHAPE = /^([a-z]+)\.[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/;

function serviceOf(subject: string): BackendService {
  const service = SUBJECT_SHAPE.exec(subject)?.[1];
  if (!service || !(BACKEND_SERVICES as readonly string[]).includes(service)) {
    throw new Error(`${subject}: a subject is <service>.<noun>.<verb> of a backend service`);
  }
  if (declared.has(subject)) throw new Error(`${subject} is declared twice`);
  declared.add(subject);
  return service as BackendService;
}

/** Declares a request–reply message: `message('accounting.hold.create', CreateHoldCommand, reply<HoldView>())`. */
export function message<P, R>(
  subject: string,
  payload: PayloadClass<P>,
  _reply: Reply<R>,
): MessageContract<P, R> {
  const contract: MessageContract<P, R> = { subject, payload, service: serviceOf(subject) };
  messages.push(contract);
  return contract;
}

/** Declares a durable event: `event<TransferPostedEvent>('accounting.transfer.posted')`. */
export function event<T>(type: string): EventType<T> {
  return { type, producer: serviceOf(type) };
}

/** The request–reply messages declared (every one, once `@app/contracts` is loaded). */
export function declaredMessages(): ReadonlyArray<MessageContract<unknown, unknown>> {
  return messages;
}
