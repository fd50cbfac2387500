import { ref, shallowRef, type Ref } from 'vue';

/**
 * A page's data and its three other states (loading, error, empty are the
 * template's to show through <AsyncState>). `reload()` fetches again, keeping
 * what is on screen until the new answer arrives.
 */
export function useLoad<T>(fetcher: () => Promise<T>, options: { immediate?: boolean } = {}) {
  const data = shallowRef<T | null>(null) as Ref<T | null>;
  const error = shallowRef<unknown>(null);
  const loading = ref(false);

  async function reload(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      data.value = await fetcher();
    } catch (caught) {
      error.value = caught;
    } finally {
      loading.value = false;
    }
  }

  if (options.immediate !== false) void reload();
  return { data, error, loading, reload };
}

/** What <LoadedState> shows: what useLoad gives a page, or anything that reads like it. */
export interface Load<T> {
  data: Readonly<Ref<T | null>>;
  error: Readonly<Ref<unknown>>;
  loading: Readonly<Ref<boolean>>;
  reload: () => unknown;
}
