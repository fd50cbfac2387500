/** A fact one service announces and others act on, as it travels through JetStream. */
export interface DomainEvent<TData = unknown> {
  /** The outbox row's id: JetStream's message id and the consumers' inbox key. */
  id: string;
  /** The subject without the suite prefix, e.g. `accounting.transfer.posted`. */
  type: string;
  occurredAt: string;
  requestId: string | null;
  data: TData;
}

/** JetStream stream and consumer names may not hold dots or wildcards. */
export function streamName(prefix: string, producer: string): string {
  return `${prefix}_${producer}_events`.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function consumerName(prefix: string, consumer: string, eventType: string): string {
  return `${prefix}_${consumer}_${eventType}`.replace(/[^A-Za-z0-9_-]/g, '_');
}
