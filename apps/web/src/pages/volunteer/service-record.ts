import { api } from '@/api/client';
import { useCity } from '@/stores/city';
import { useSession } from '@/stores/session';

/** The signed-in volunteer's service record, with the city's facts (its days are the city's). */
export async function myServiceRecord() {
  const id = useSession().member?.id ?? '';
  const [record] = await Promise.all([
    api((c) => c.GET('/api/v1/volunteers/{id}/service-record', { params: { path: { id } } })),
    useCity().ready(),
  ]);
  return record;
}
