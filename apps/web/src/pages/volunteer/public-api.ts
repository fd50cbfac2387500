/**
 * What the public certificate check asks the API, with no session at all: the
 * page is opened from a QR code by anyone, and whoever is signed in on this
 * phone has nothing to do with the certificate being checked.
 */
import createClient from 'openapi-fetch';
import type { paths } from '@/api/schema';
import { offlineProblem, problemOf } from '@/api/problem';
import { i18n } from '@/i18n';

const anonymous = createClient<paths>({ baseUrl: '', credentials: 'omit' });

const headers = () => ({ 'Accept-Language': i18n.global.locale.value });

export async function fetchCertificate(code: string) {
  const answer = await anonymous
    .GET('/api/v1/certificates/{code}', { params: { path: { code } }, headers: headers() })
    .catch(() => {
      throw offlineProblem();
    });
  if (answer.data) return answer.data;
  throw await problemOf(answer.response, answer.error);
}

/** The highest tier level, to draw the right number of stars (5 when unknown). */
export async function fetchMaxLevel(): Promise<number> {
  const answer = await anonymous.GET('/api/v1/tiers', { headers: headers() }).catch(() => null);
  const levels = answer?.data?.map((tier) => tier.level) ?? [];
  return levels.length > 0 ? Math.max(...levels) : 5;
}
