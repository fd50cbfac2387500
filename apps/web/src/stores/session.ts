/**
 * Who is signed in. The access token lives in memory only; the refresh token is
 * an HttpOnly cookie the gateway sets on the auth routes, so a reload signs the
 * member back in without anything secret in localStorage.
 *
 * Refresh tokens work once, and using one twice ends every session of the member.
 * Two tabs reloading together must therefore never refresh with the same cookie:
 * refreshes are serialised across tabs with the Web Locks API, and within a tab
 * concurrent callers share one refresh.
 */
import { defineStore } from 'pinia';
import { computed, ref, type Ref } from 'vue';
import { api, connectSession } from '@/api/client';
import type { components } from '@/api/schema';
import { ApiProblem, problemOf } from '@/api/problem';
import { i18n } from '@/i18n';
import { router } from '@/router';

export type Member = components['schemas']['MemberView'];
type Role = Member['roles'][number];

interface Grant {
  accessToken: string;
  expiresIn: number;
  member: Member;
}

const REFRESH_LOCK = 'timebank-session-refresh';

export const useSession = defineStore('session', () => {
  const { accessToken, expiresAt, member, take, forget } = useGrant();
  /** The first restore has finished: the router may decide. */
  const ready = ref(false);

  const signedIn = computed(() => member.value !== null);
  const has = (role: Role) => member.value?.roles.includes(role) ?? false;
  const isVolunteer = computed(() => has('volunteer'));
  const mustChangePassword = computed(() => member.value?.mustChangePassword === true);

  let inFlight: Promise<boolean> | null = null;

  /** A new access token from the refresh cookie; false when there is no session. */
  function refresh(): Promise<boolean> {
    inFlight ??= withRefreshLock(async () => {
      const grant = await grantFromCookie();
      if (grant === null) forget();
      else take(grant);
      return grant !== null;
    }).finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  /** At start: signed back in by the cookie, or signed out. Never throws. */
  async function restore(): Promise<void> {
    try {
      await refresh();
    } catch {
      // The server did not answer: the pages say so when they load.
    } finally {
      ready.value = true;
    }
  }

  async function signIn(login: string, password: string): Promise<Member> {
    const grant = await api((c) => c.POST('/api/v1/auth/login', { body: { login, password } }));
    take(grant);
    return grant.member;
  }

  async function signOut(): Promise<void> {
    try {
      await endCookieSession();
    } finally {
      forget();
      await router.replace({ name: 'login' });
    }
  }

  /** The member as the API sees it now (after a profile or password change). */
  async function reload(): Promise<void> {
    member.value = await api((c) => c.GET('/api/v1/me'));
  }

  connectClient(accessToken, member, forget, refresh);

  return {
    accessToken,
    expiresAt,
    member,
    ready,
    signedIn,
    isVolunteer,
    mustChangePassword,
    has,
    take,
    refresh,
    restore,
    signIn,
    signOut,
    reload,
  };
});

/** The access token and the member it speaks for, as the last grant gave them. */
function useGrant() {
  const accessToken = ref<string | null>(null);
  /** When the access token stops working (ms since epoch). */
  const expiresAt = ref(0);
  const member = ref<Member | null>(null);

  function take(grant: Grant): void {
    accessToken.value = grant.accessToken;
    expiresAt.value = Date.now() + grant.expiresIn * 1000;
    member.value = grant.member;
  }

  function forget(): void {
    accessToken.value = null;
    expiresAt.value = 0;
    member.value = null;
  }

  return { accessToken, expiresAt, member, take, forget };
}

/** What the API client asks of the session: the token, a refresh, and where to send the member. */
function connectClient(
  accessToken: Ref<string | null>,
  member: Ref<Member | null>,
  forget: () => void,
  refresh: () => Promise<boolean>,
): void {
  connectSession({
    accessToken: () => accessToken.value,
    locale: () => i18n.global.locale.value,
    refresh: () => refresh().catch(() => false),
    passwordChangeRequired: () => {
      if (member.value) member.value = { ...member.value, mustChangePassword: true };
      void router.push({ name: 'password' });
    },
    signedOut: () => {
      forget();
      void router.replace({ name: 'login', query: { next: router.currentRoute.value.fullPath } });
    },
  });
}

/** A grant for the refresh cookie; null when there is no session (never signed in here, or ended). */
async function grantFromCookie(): Promise<Grant | null> {
  const answer = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      'Accept-Language': i18n.global.locale.value,
    },
    body: '{}',
  });
  if (answer.ok) return (await answer.json()) as Grant;
  // Anything but 400/401 (the suite restarting, no network) is not a reason to sign out.
  if (answer.status !== 400 && answer.status !== 401) throw await problemOf(answer);
  // Read the refusal to its end, or the connection stays busy with it.
  await answer.body?.cancel();
  return null;
}

/** Ends the session the cookie belongs to, on the server. */
async function endCookieSession(): Promise<void> {
  const answer = await fetch('/api/v1/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  await answer.body?.cancel();
}

/** Runs `work` while holding the cross-tab refresh lock (where the browser has one). */
function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && 'locks' in navigator) {
    return navigator.locks.request(REFRESH_LOCK, work) as Promise<T>;
  }
  return work();
}

export { ApiProblem };
