/**
 * A Server-Sent Events reader over Node's fetch, for the notification stream
 * (GET /notifications/stream?ticket=…): what a browser's EventSource does,
 * with the moment each event arrived, for the suites and the benchmark.
 */
import { sharedBaseUrl } from './http';
import { until } from './wait';

export interface StreamEvent {
  event: string;
  data: string;
  /** performance.now() when it was read. */
  at: number;
}

export interface OpenStream {
  status: number;
  contentType: string | null;
  /** Waits for the next unread event named `event`, and takes it. */
  next(event: string, ms?: number): Promise<StreamEvent>;
  close(): void;
}

export async function openStream(ticket: string, baseUrl = sharedBaseUrl()): Promise<OpenStream> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/notifications/stream?ticket=${encodeURIComponent(ticket)}`, {
    headers: { accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const events: StreamEvent[] = [];
  if (res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          const at = performance.now();
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const lines = buffer.slice(0, end).split('\n');
            buffer = buffer.slice(end + 2);
            const name = lines.find((l) => l.startsWith('event: '))?.slice(7);
            const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
            if (name && data !== undefined) events.push({ event: name, data, at });
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    async next(event, ms = 10_000) {
      const found = await until(
        `an SSE "${event}" event`,
        () => events.findIndex((e) => e.event === event),
        (i) => i >= 0,
        ms,
      );
      return events.splice(found, 1)[0];
    },
    close: () => abort.abort(),
  };
}
