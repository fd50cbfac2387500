/**
 * The signed-in member's notifications as the whole app sees them: how many are
 * unread (the bell's badge) and the newest ones, arriving by themselves.
 *
 * While a member is signed in and the page is visible (App.vue decides), the stream
 * of notification-stream.ts is open. Each new notification adds one to the count,
 * goes on top and is said briefly on screen and to screen readers. Whenever the
 * stream opens, and on each poll while it is down, the count is read again. A hidden
 * page stops everything; signing out also forgets it all.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { api } from '@/api/client';
import { router } from '@/router';
import { notificationStream, type Notification, type StreamState } from './notification-stream';

export type { Notification };

/** How many of the newest the store keeps (the page pages the rest from the API). */
const KEEP = 20;

/** Only a path inside the app is followed: never another site, never a script. */
export function inAppLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  return link;
}

/** `items` with those of `ids` (or all) read now. */
export function withRead(items: Notification[], ids: Set<string> | 'all'): Notification[] {
  const at = new Date().toISOString();
  return items.map((item) =>
    item.readAt === null && (ids === 'all' || ids.has(item.id)) ? { ...item, readAt: at } : item,
  );
}

/**
 * A tap on one: read, and off to what it is about (read or not: offline, it stays
 * unread and the member still goes). Whether it is read now.
 */
export async function openNotification(item: Notification): Promise<boolean> {
  let read = true;
  try {
    await useNotifications().markRead(item);
  } catch {
    read = false;
  }
  const link = inAppLink(item.link);
  if (link !== null) await router.push(link);
  return read;
}

export const useNotifications = defineStore('notifications', () => {
  const unread = ref(0);
  const latest = shallowRef<Notification[]>([]);
  /** The one that arrived last (a page showing the list puts it on top). */
  const arrived = shallowRef<Notification | null>(null);
  /** What the polite live region says: the title of the one that just arrived. */
  const announcement = ref('');
  const state = ref<StreamState>('off');
  let listening = false;
  let onArrival: (item: Notification) => void = () => undefined;

  async function readCount(): Promise<void> {
    try {
      const answer = await api((c) => c.GET('/api/v1/notifications/unread-count'));
      if (listening) unread.value = answer.unread;
    } catch {
      // Offline or the server restarting: the next poll or the stream tries again.
    }
  }

  function received(item: Notification): void {
    if (latest.value.some((known) => known.id === item.id)) return;
    latest.value = [item, ...latest.value].slice(0, KEEP);
    if (item.readAt === null) unread.value += 1;
    arrived.value = item;
    announcement.value = item.title;
    onArrival(item);
  }

  const stream = notificationStream({
    opened: () => void readCount(),
    poll: () => void readCount(),
    received,
    state: (now) => (state.value = now),
  });

  /** Signed in and the page visible: the count now, and the stream. */
  function start(): void {
    if (listening) return;
    listening = true;
    void readCount();
    stream.start();
  }

  /** The page hidden (or signed out): nothing open, nothing polled. */
  function stop(): void {
    listening = false;
    stream.stop();
  }

  /** Signed out or someone else signed in: forget whose these were. */
  function reset(): void {
    stop();
    unread.value = 0;
    latest.value = [];
    arrived.value = null;
    announcement.value = '';
  }

  /** Marks one read (again is harmless: 204); the badge goes down at once. */
  async function markRead(item: Notification): Promise<void> {
    if (item.readAt !== null) return;
    await api((c) =>
      c.POST('/api/v1/notifications/{id}/read', { params: { path: { id: item.id } } }),
    );
    unread.value = Math.max(0, unread.value - 1);
    latest.value = withRead(latest.value, new Set([item.id]));
  }

  async function markAllRead(): Promise<void> {
    await api((c) => c.POST('/api/v1/notifications/read-all'));
    unread.value = 0;
    latest.value = withRead(latest.value, 'all');
  }

  /** What to show when one arrives (App.vue shows it); one listener. */
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
    whenOneArrives,
  };
});
