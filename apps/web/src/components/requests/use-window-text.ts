import { useI18n } from 'vue-i18n';
import { relativeDayKey, windowText } from '@/composables/city-time';
import { useCity } from '@/stores/city';
import type { HelpRequest } from './categories';

/**
 * A request's window as its card and its page say it: the city's day and hours,
 * after "today" / "tomorrow" / "the day after" when it starts that soon.
 */
export function useWindowText(): (
  request: Pick<HelpRequest, 'windowStart' | 'windowEnd'>,
) => string {
  const { t } = useI18n();
  const city = useCity();
  return (request) => {
    const text = windowText(request.windowStart, request.windowEnd, city.timeZone);
    const near = relativeDayKey(request.windowStart, city.timeZone);
    return near ? `${t(`requests.days.${near}`)} ${text}` : text;
  };
}
