/**
 * Every request–reply message between services is wrapped in an envelope:
 * the gateway's request id (to follow one user action through every log),
 * who is acting (so each service can apply its own rules), and the payload.
 */
export interface RpcEnvelope<TData = unknown, TActor = unknown> {
  requestId: string;
  actor: TActor | null;
  data: TData;
}

export function subjectFor(prefix: string, pattern: string): string {
  return `${prefix}.${pattern}`;
}
