import { SpanKind } from '@opentelemetry/api';
import type { JsMsg } from 'nats';
import {
  ATTR_MESSAGING_CONSUMER_GROUP,
  ATTR_MESSAGING_DESTINATION,
  ATTR_MESSAGING_SYSTEM,
  contextOfNatsHeaders,
} from './carriers';
import { inSpan } from './spans';

/**
 * Handles a JetStream event in a consumer span `process <event type>`, in the
 * trace its headers carry: what the handler logs, asks and writes to its own
 * outbox stays in the trace of the action that caused the event.
 */
export function inEventSpan(
  message: JsMsg,
  type: string,
  consumer: string,
  handle: () => Promise<void>,
): Promise<void> {
  const attributes = {
    [ATTR_MESSAGING_SYSTEM]: 'nats',
    [ATTR_MESSAGING_DESTINATION]: type,
    [ATTR_MESSAGING_CONSUMER_GROUP]: consumer,
  };
  return inSpan(
    `process ${type}`,
    { kind: SpanKind.CONSUMER, attributes },
    handle,
    contextOfNatsHeaders(message.headers),
  );
}
