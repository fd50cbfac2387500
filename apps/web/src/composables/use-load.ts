import { computed, ref, shallowRef, type Ref } from 'vue';

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

/**
 * `then` with the `first` load it waits for (the city's facts before a community's
 * figures) as one Load for <LoadedState>: loading while either is, the first's
 * error before the second's, and a retry that fetches again whichever failed.
 */
export function loadAfter<T>(first: Load<unknown>, then: Load<T>): Load<T> {
  return {
    data: then.data,
    loading: computed(() => first.loading.value || then.loading.value),
    error: computed(() => first.error.value ?? then.error.value),
    reload: () => (first.error.value ? first.reload() : then.reload()),
  };
}
