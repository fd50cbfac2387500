/**
 * Facts of the city every page shares, fetched once: its time zone (days,
 * windows and "today" are the city's, wherever the phone thinks it is), its
 * communities and grid units, and the help categories in the member's language.
 */
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import { i18n } from '@/i18n';

type Community = components['schemas']['CommunityView'];
type Category = components['schemas']['CategoryView'];
interface RootFacts {
  cityTimeZone?: unknown;
}

export const useCity = defineStore('city', () => {
  const timeZone = ref('Asia/Shanghai');
  const communities = ref<Community[]>([]);
  const categories = ref<Category[]>([]);
  let loaded: Promise<void> | null = null;

  async function loadCategories(): Promise<void> {
    categories.value = await api((c) => c.GET('/api/v1/categories'));
  }

  async function loadAll(): Promise<void> {
    const [root, list] = await Promise.all([
      fetch('/api/v1', { headers: { Accept: 'application/json' } })
        .then(async (r): Promise<RootFacts> => {
          if (r.ok) return (await r.json()) as RootFacts;
          await r.body?.cancel();
          return {};
        })
        .catch((): RootFacts => ({})),
      api((c) => c.GET('/api/v1/communities')),
      loadCategories(),
    ]);
    if (typeof root.cityTimeZone === 'string') timeZone.value = root.cityTimeZone;
    communities.value = list;
  }

  /** Loads once; a failure lets the next caller try again. */
  function load(): Promise<void> {
    loaded ??= loadAll().catch((error: unknown) => {
      loaded = null;
      throw error;
    });
    return loaded;
  }

  /** Loads once, never throws: a page goes on without the city's facts (in the default time zone). */
  function ready(): Promise<void> {
    return load().catch(() => undefined);
  }

  function community(id: string | null | undefined): Community | undefined {
    return communities.value.find((c) => c.id === id);
  }

  function categoryName(code: string): string {
    return categories.value.find((c) => c.code === code)?.name ?? code;
  }

  // Category names come translated by the API.
  watch(
    () => i18n.global.locale.value,
    () => void loadCategories().catch(() => undefined),
  );

  return { timeZone, communities, categories, load, ready, community, categoryName };
});
