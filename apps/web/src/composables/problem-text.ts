import { ApiProblem } from '@/api/problem';
import { i18n } from '@/i18n';

/**
 * What to tell the member about a failure, in their language: the API's own
 * words (it answers in the member's language), or ours when nothing answered.
 */
export function problemText(error: unknown): string {
  const t = i18n.global.t;
  if (error instanceof ApiProblem) {
    if (error.status === 0) return t('common.error.network');
    if (error.status === 429 && error.retryAfterSeconds !== null) {
      return error.detail || t('common.error.tooFast', { seconds: error.retryAfterSeconds });
    }
    if (error.status >= 500) return error.detail || t('common.error.server');
    return error.detail || error.title || t('common.error.unknown');
  }
  return t('common.error.unknown');
}
