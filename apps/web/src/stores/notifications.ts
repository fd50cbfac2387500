/**
 * The signed-in member's notifications as the whole app sees them: how many are
 * unread (the bell's badge) and the newest ones, arriving by themselves.
 *
 * While a member is signed in and the page is visible, a Server-Sent Events stream
 * is open (a ticket from POST /notifications/stream-ticket, since an EventSource
 * cannot send the access token). Each new notification adds one to the count, goes
 * on top of the list and is said briefly on screen (and to screen readers). When the
 * stream fails it is closed, the count is polled (every 15 s) and the stream is
 * tried again later, each time with a new ticket and a longer wait (1 s doubling to
 * a minute). Whenever the stream opens the count is read again: notifications may
 * have come while it was down. A hidden page closes everything; signing out too.
 *
 * The poll interval can be shortened for tests: localStorage
 * `timebank.notifications.pollSeconds` (a number of seconds, at least 1).
 */
import { defineStore } from 'pinia';
import { shallowRef, ref } from 'vue';
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import { router } from '@/router';

export type Notification = components['schemas']['NotificationView'];

const POLL_KEY = 'timebank.notifications.pollSeconds';
const POLL_MS = 15_000;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 60_000;
/** How many of the newest items the store keeps (the page pages the rest from the API). */
const KEEP = 20;

/** The poll interval: 15 s, or the test setting in localStorage. */
function pollInterval(): number {
  try {
    const seconds = Number(localStorage.getItem(POLL_KEY));
    if (Number.isFinite(seconds) && seconds >= 1) return seconds * 1000;
  } catch {
    // No storage (private mode): the default.
  }
  return POLL_MS;
}

/** Only a path inside the app is followed: never another site, never a script. */
export function inAppLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  return link;
}

export const useNotifications = defineStore('notifications', () => {
  const unread = ref(0);
  const latest = shallowRef<Notification[]>([]);
  /** The one that arrived last over the stream (a page showing the list adds it). */
  const arrived = shallowRef<Notification | null>(null);
  /** What the polite live region says: the title of the one that just arrived. */
  const announcement = ref('');
  /** 'open' while the stream is, 'polling' while it is down, 'off' when stopped. */
  const state = ref<'off' | 'connecting' | 'open' | 'polling'>('off');

  let running = false;
  let source: EventSource | null = null;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryMs = RETRY_FIRST_MS;
  /** Bumped on every stop and reconnect: a late answer for an older attempt is dropped. */
  let generation = 0;
  let onArrival: (item: Notification) => void = () => undefined;

  async function readCount(): Promise<void> {
    try {
      const answer = await api((c) => c.GET('/api/v1/notifications/unread-count'));
      if (running) unread.value = answer.unread;
    } catch {
      // Offline or the server restarting: the next poll or stream tries again.
    }
  }

  function closeStream(): void {
    source?.close();
    source = null;
  }

  function stopPolling(): void {
    if (pollTimer !== null) clearInterval(pollTimer);
    pollTimer = null;
  }

  function startPolling(): void {
    if (pollTimer !== null) return;
    pollTimer = setInterval(() => void readCount(), pollInterval());
  }

  /** The stream failed: poll meanwhile and try it again after a wait that grows. */
  function streamFailed(attempt: number): void {
    if (!running || attempt !== generation) return;
    closeStream();
    state.value = 'polling';
    void readCount();
    startPolling();
    if (retryTimer !== null) clearTimeout(retryTimer);
    const wait = retryMs * (0.75 + Math.random() / 2);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void openStream();
    }, wait);
  }

  function received(event: MessageEvent<string>): void {
    let item: Notification;
    try {
      item = JSON.parse(event.data) as Notification;
    } catch {
      return; // Not ours to show.
    }
    if (latest.value.some((known) => known.id === item.id)) return;
    latest.value = [item, ...latest.value].slice(0, KEEP);
    if (item.readAt === null) unread.value += 1;
    arrived.value = item;
    announcement.value = item.title;
    onArrival(item);
  }

  async function openStream(): Promise<void> {
    if (!running) return;
    closeStream();
    const attempt = ++generation;
    state.value = state.value === 'polling' ? 'polling' : 'connecting';
    let ticket: string;
    try {
      ticket = (await api((c) => c.POST('/api/v1/notifications/stream-ticket'))).ticket;
    } catch {
      streamFailed(attempt);
      return;
    }
    if (!running || attempt !== generation) return;
    const stream = new EventSource(
      `/api/v1/notifications/stream?ticket=${encodeURIComponent(ticket)}`,
    );
    source = stream;
    stream.onopen = () => {
      if (attempt !== generation) return;
      state.value = 'open';
      retryMs = RETRY_FIRST_MS;
      stopPolling();
      // Whatever came while the stream was down is counted now.
      void readCount();
    };
    stream.addEventListener('notification', received);
    // A ticket works once: the browser's own reconnect would be refused, so we reconnect.
    stream.onerror = () => streamFailed(attempt);
  }

  /** Signed in and the page visible: the count now, and the stream. */
  function start(): void {
    if (running) return;
    running = true;
    retryMs = RETRY_FIRST_MS;
    void readCount();
    void openStream();
  }

  /** Signed out or the page hidden: nothing open, nothing polled. */
  function stop(): void {
    running = false;
    generation += 1;
    closeStream();
    stopPolling();
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
    state.value = 'off';
  }

  /** Signed out: also forget whose notifications these were. */
  function reset(): void {
    stop();
    unread.value = 0;
    latest.value = [];
    arrived.value = null;
    announcement.value = '';
  }

  function markedRead(ids: Set<string> | 'all', at: string): void {
    latest.value = latest.value.map((item) =>
      item.readAt === null && (ids === 'all' || ids.has(item.id)) ? { ...item, readAt: at } : item,
    );
  }

  /** Marks one read (the API's answer is 204); the badge goes down at once. */
  async function markRead(item: Notification): Promise<void> {
    if (item.readAt !== null) return;
    await api((c) =>
      c.POST('/api/v1/notifications/{id}/read', { params: { path: { id: item.id } } }),
    );
    unread.value = Math.max(0, unread.value - 1);
    markedRead(new Set([item.id]), new Date().toISOString());
  }

  async function markAllRead(): Promise<void> {
    await api((c) => c.POST('/api/v1/notifications/read-all'));
    unread.value = 0;
    markedRead('all', new Date().toISOString());
  }

  /** A tap on one: read, and off to what it is about (if it links anywhere in the app). */
  async function open(item: Notification): Promise<void> {
    try {
      await markRead(item);
    } catch {
      // Not marked (offline): it stays unread, and the member still goes where it leads.
    }
    const link = inAppLink(item.link);
    if (link !== null) await router.push(link);
  }

  /** What to do on screen when one arrives (App.vue shows it); one listener. */
  function whenOneArrives(listener: (item: Notification) => void): void {
    onArrival = listener;
  }

  return {
    unread,
    latest,
    arrived,
    announcement,
    state,
    start,
    stop,
    reset,
    readCount,
    markRead,
    markAllRead,
    open,
    whenOneArrives,
  };
});
