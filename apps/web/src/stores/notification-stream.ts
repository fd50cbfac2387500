/**
 * The line that brings a member's new notifications: a Server-Sent Events stream
 * opened with a ticket (POST /notifications/stream-ticket; an EventSource cannot
 * send the access token), and, while it is down, a poll of the unread count.
 *
 * When the stream fails it is closed, the count is polled (every 15 s) and the
 * stream is tried again later, each time with a new ticket (a ticket opens one
 * stream: the browser's own reconnect would be refused) and a longer wait (1 s
 * doubling to a minute, with jitter). When it opens, `opened` runs: whatever came
 * while it was down is counted then.
 *
 * The poll interval can be shortened for tests: localStorage
 * `timebank.notifications.pollSeconds` (seconds, at least 1).
 */
import { api } from '@/api/client';
import type { components } from '@/api/schema';

export type Notification = components['schemas']['NotificationView'];
export type StreamState = 'off' | 'connecting' | 'open' | 'polling';

export const POLL_SECONDS_KEY = 'timebank.notifications.pollSeconds';
const POLL_MS = 15_000;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 60_000;

export interface StreamListener {
  /** The stream is open (again). */
  opened(): void;
  /** A new notification came down the stream. */
  received(item: Notification): void;
  /** Time to read the count, the stream being down. */
  poll(): void;
  /** How it listens now (the bell shows it as data-stream). */
  state(state: StreamState): void;
}

/** The poll interval: 15 s, or the test setting in localStorage. */
function pollInterval(): number {
  try {
    const seconds = Number(localStorage.getItem(POLL_SECONDS_KEY));
    if (Number.isFinite(seconds) && seconds >= 1) return seconds * 1000;
  } catch {
    // No storage (private mode): the default.
  }
  return POLL_MS;
}

export function notificationStream(listener: StreamListener) {
  let running = false;
  let source: EventSource | null = null;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryMs = RETRY_FIRST_MS;
  /** Bumped on every attempt and stop: what an older attempt hears later is dropped. */
  let attempt = 0;

  function stopPolling(): void {
    if (pollTimer !== null) clearInterval(pollTimer);
    pollTimer = null;
  }

  function closeAll(): void {
    source?.close();
    source = null;
    stopPolling();
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
  }

  /** The stream failed: poll meanwhile and try it again after a wait that grows. */
  function failed(which: number): void {
    if (!running || which !== attempt) return;
    source?.close();
    source = null;
    listener.state('polling');
    listener.poll();
    pollTimer ??= setInterval(() => listener.poll(), pollInterval());
    const wait = retryMs * (0.75 + Math.random() / 2);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, wait);
  }

  function received(event: MessageEvent<string>): void {
    try {
      listener.received(JSON.parse(event.data) as Notification);
    } catch {
      // Not an item: nothing to show.
    }
  }

  async function connect(): Promise<void> {
    const which = ++attempt;
    if (pollTimer === null) listener.state('connecting');
    let ticket: string;
    try {
      ticket = (await api((c) => c.POST('/api/v1/notifications/stream-ticket'))).ticket;
    } catch {
      failed(which);
      return;
    }
    if (!running || which !== attempt) return;
    const stream = new EventSource(
      `/api/v1/notifications/stream?ticket=${encodeURIComponent(ticket)}`,
    );
    source = stream;
    stream.onopen = () => {
      if (which !== attempt) return;
      retryMs = RETRY_FIRST_MS;
      stopPolling();
      listener.state('open');
      listener.opened();
    };
    stream.addEventListener('notification', received);
    stream.onerror = () => failed(which);
  }

  return {
    start(): void {
      if (running) return;
      running = true;
      retryMs = RETRY_FIRST_MS;
      void connect();
    },
    stop(): void {
      running = false;
      attempt += 1;
      closeAll();
      listener.state('off');
    },
  };
}
