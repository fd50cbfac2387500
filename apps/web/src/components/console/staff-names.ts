/**
 * Names of the people who acted on a record (a coordinator who posted for a
 * resident), looked up once per visit; the API's lists carry only their ids.
 */
import { reactive } from 'vue';
import { api } from '@/api/client';
import { useSession } from '@/stores/session';

const names = reactive(new Map<string, string | null>());

export function useStaffNames() {
  const session = useSession();

  /** The name, when known; asks the API the first time (null until it answers or if it cannot). */
  function nameOf(id: string): string | null {
    if (session.member?.id === id) return session.member.displayName;
    if (!names.has(id)) {
      names.set(id, null);
      api((c) => c.GET('/api/v1/members/{id}', { params: { path: { id } } }))
        .then((m) => names.set(id, m.displayName))
        .catch(() => undefined);
    }
    return names.get(id) ?? null;
  }

  return { nameOf };
}
