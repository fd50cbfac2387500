/**
 * The city's facts (communities, categories, time zone) a desk page needs before
 * it can ask for anything of a community: `ready` once they are in.
 */
import { computed } from 'vue';
import { useLoad } from '@/composables/use-load';
import { useCity } from '@/stores/city';

export function useCityReady() {
  const city = useCity();
  const state = useLoad(async () => {
    await city.load();
    return true;
  });
  const ready = computed(() => state.data.value === true);
  return { state, ready };
}
