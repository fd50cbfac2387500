import { Context, context, propagation, ROOT_CONTEXT, TextMapGetter } from '@opentelemetry/api';
import { headers as natsHeaders, MsgHdrs } from 'nats';

/** Attributes of spans around NATS messages (OpenTelemetry's messaging conventions). */
export const ATTR_MESSAGING_SYSTEM = 'messaging.system';
export const ATTR_MESSAGING_DESTINATION = 'messaging.destination.name';
export const ATTR_MESSAGING_MESSAGE_ID = 'messaging.message.id';
export const ATTR_MESSAGING_CONSUMER_GROUP = 'messaging.consumer.group.name';

const natsHeaderGetter: TextMapGetter<MsgHdrs> = {
  keys: (carrier) => carrier.keys(),
  get: (carrier, key) => (carrier.has(key) ? carrier.get(key) : undefined),
};

/** NATS message headers carrying `from`'s trace context (`traceparent`, `tracestate`). */
export function natsHeadersWith(from: Context = context.active()): MsgHdrs {
  const carrier = natsHeaders();
  propagation.inject(from, carrier, { set: (h, key, value) => h.set(key, value) });
  return carrier;
}

/** The trace context a NATS message arrived with; none (a new trace) when it carries none. */
export function contextOfNatsHeaders(carrier: MsgHdrs | undefined): Context {
  return carrier ? propagation.extract(ROOT_CONTEXT, carrier, natsHeaderGetter) : ROOT_CONTEXT;
}

/** The active trace context as plain fields, to keep beside work done later (an outbox row). */
export function traceContextFields(
  from: Context = context.active(),
): Record<string, string> | null {
  const fields: Record<string, string> = {};
  propagation.inject(from, fields);
  return Object.keys(fields).length > 0 ? fields : null;
}

/** A context kept by traceContextFields, back again. */
export function contextOfFields(fields: Record<string, string> | null): Context {
  return fields ? propagation.extract(ROOT_CONTEXT, fields) : ROOT_CONTEXT;
}
