/**
 * The admin's tables with one row per community (each one's fund, each one's
 * report): every community asked at once, and one that fails keeps its row with
 * the problem in words while the others stay on screen.
 */
import { problemText } from '@/composables/problem-text';

interface Community {
  id: string;
  name: string;
  code: string;
}

/** What was fetched for one community, or why it could not be. */
export interface Fetched<T> {
  data: T | null;
  failure: string | null;
}
export type CommunityRow<T> = Community & Fetched<T>;

/** `fetch`'s answer, or its problem in words. */
export async function fetched<T>(fetch: () => Promise<T>): Promise<Fetched<T>> {
  try {
    return { data: await fetch(), failure: null };
  } catch (error) {
    return { data: null, failure: problemText(error) };
  }
}

/** One row per community, in the order of their codes, each with what `fetch` gives for it. */
export function communityRows<T>(
  communities: readonly Community[],
  fetch: (id: string) => Promise<T>,
): Promise<Array<CommunityRow<T>>> {
  const sorted = [...communities].sort((a, b) => a.code.localeCompare(b.code));
  return Promise.all(
    sorted.map(async (c) => ({
      id: c.id,
      name: c.name,
      code: c.code,
      ...(await fetched(() => fetch(c.id))),
    })),
  );
}
