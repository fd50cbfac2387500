import { ref, shallowRef, type Ref } from 'vue';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list the API pages with a cursor: the first page at once, the next one when the
 * member asks ("load more"). A failed "more" keeps what is on screen and can be tried again.
 */
export function usePages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {
  const items = shallowRef<T[]>([]) as Ref<T[]>;
  const nextCursor = ref<string | null>(null);
  const loaded = ref(false);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);

  async function load(cursor: string | undefined): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(cursor);
      items.value = cursor === undefined ? page.items : [...items.value, ...page.items];
      nextCursor.value = page.nextCursor;
      loaded.value = true;
    } catch (caught) {
      error.value = caught;
    } finally {
      loading.value = false;
    }
  }

  /** The first page again (after something changed). */
  const reload = () => load(undefined);
  const more = () => (nextCursor.value === null ? Promise.resolve() : load(nextCursor.value));

  void reload();
  return { items, nextCursor, loaded, loading, error, reload, more };
}

/** What usePages gives a page (and <PagedList>). */
export type Pages<T> = ReturnType<typeof usePages<T>>;
