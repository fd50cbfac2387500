/**
 * The community the console is working on. A coordinator may serve several
 * communities and an admin sees every one; the choice is kept for the visit and
 * shown in the console's header.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useCity } from './city';
import { useSession } from './session';

export const useDesk = defineStore('desk', () => {
  const session = useSession();
  const city = useCity();
  const chosen = ref<string | null>(null);

  /** The communities this member may work on. */
  const communities = computed(() => {
    const member = session.member;
    if (!member) return [];
    if (member.roles.includes('admin')) return city.communities;
    return city.communities.filter((c) => member.coordinatorOf.includes(c.id));
  });

  const communityId = computed<string | null>(() => {
    const list = communities.value;
    if (chosen.value && list.some((c) => c.id === chosen.value)) return chosen.value;
    return list[0]?.id ?? null;
  });

  const community = computed(() => communities.value.find((c) => c.id === communityId.value));

  function choose(id: string): void {
    chosen.value = id;
  }

  return { communities, communityId, community, choose };
});
