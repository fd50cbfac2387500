/**
 * The report's period as the page's address keeps it (?preset=&from=&to=), so a
 * reload, a bookmark or the printable page show the same days. Without one: the
 * last 4 weeks of the city.
 */
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useCity } from '@/stores/city';
import { cityDate, isDate, periodProblem, PRESETS, presetPeriod, type Preset } from './period';
import type { Selection } from './PeriodPicker.vue';

export function useReportPeriod() {
  const route = useRoute();
  const router = useRouter();
  const city = useCity();
  const today = computed(() => cityDate(city.timeZone));

  const selection = computed<Selection>({
    get() {
      const { preset, from, to } = route.query;
      const chosen = PRESETS.find((p) => p === preset) as Preset | undefined;
      if (chosen && chosen !== 'custom')
        return { preset: chosen, ...presetPeriod(chosen, today.value) };
      if (isDate(from) && isDate(to) && periodProblem({ from, to }, today.value) === null) {
        return { preset: 'custom', from, to };
      }
      return { preset: 'last4', ...presetPeriod('last4', today.value) };
    },
    set(next) {
      const query =
        next.preset === 'custom'
          ? { ...route.query, preset: 'custom', from: next.from, to: next.to }
          : { ...route.query, preset: next.preset, from: undefined, to: undefined };
      void router.replace({ query });
    },
  });

  const period = computed(() => ({ from: selection.value.from, to: selection.value.to }));
  return { today, selection, period };
}
