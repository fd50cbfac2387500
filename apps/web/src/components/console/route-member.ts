/**
 * The member a console page is about (`/console/members/:id…`), loaded with the
 * city's facts the page names them by; loaded again when the route moves to
 * another member.
 */
import { computed, watch } from 'vue';
import { useRoute } from 'vue-router';
import { api } from '@/api/client';
import { useLoad } from '@/composables/use-load';
import { useCity } from '@/stores/city';
import type { Member } from './people';

export function useRouteMember() {
  const route = useRoute();
  const city = useCity();
  const id = computed(() => String(route.params.id));
  const loaded = useLoad(async (): Promise<Member> => {
    const [member] = await Promise.all([
      api((c) => c.GET('/api/v1/members/{id}', { params: { path: { id: id.value } } })),
      city.load(),
    ]);
    return member;
  });
  watch(id, () => void loaded.reload());
  const member = computed(() => loaded.data.value);
  return { id, loaded, member };
}
