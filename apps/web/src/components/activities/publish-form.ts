/**
 * The coordinator's publish form in the city's time: a day and two wall-clock
 * times become the instants the API takes, the length in minutes (the default
 * time per volunteer) and the hold the activity will take from the fund
 * (places × time per volunteer).
 */
import { computed, reactive } from 'vue';
import { cityInstant, parseDay } from '@/composables/city-time';

export interface PublishFields {
  title: string;
  description: string;
  place: string;
  gridUnitId: string;
  day: string;
  start: string;
  end: string;
  capacity: string;
  skills: string;
  minutes: string;
}

/** "09:30" as minutes of the day; NaN for anything else. */
export function minuteOfDay(clock: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(clock.trim());
  if (!m) return NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : NaN;
}

/** A whole number ≥ 1 typed in a field, or null. */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) && Number(trimmed) >= 1 ? Number(trimmed) : null;
}

/** Skills typed with commas (either width), 、 or spaces between them. */
export function skillList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function usePublishForm(timeZone: () => string, firstDay: () => string) {
  const fields = reactive<PublishFields>({
    title: '',
    description: '',
    place: '',
    gridUnitId: '',
    day: firstDay(),
    start: '09:00',
    end: '11:00',
    capacity: '',
    skills: '',
    minutes: '',
  });

  const window = computed(() => {
    const start = minuteOfDay(fields.start);
    const end = minuteOfDay(fields.end);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.day) || Number.isNaN(start) || Number.isNaN(end)) {
      return null;
    }
    const day = parseDay(fields.day);
    return {
      startsAt: cityInstant(day, start, timeZone()).toISOString(),
      endsAt: cityInstant(day, end, timeZone()).toISOString(),
      length: end - start,
    };
  });

  /** The time per volunteer: as typed, or the length of the activity. */
  const each = computed(() => {
    if (fields.minutes.trim()) return wholeNumber(fields.minutes);
    const w = window.value;
    return w && w.length > 0 ? w.length : null;
  });

  const hold = computed(() => {
    const capacity = wholeNumber(fields.capacity);
    return capacity !== null && each.value !== null
      ? { capacity, each: each.value, total: capacity * each.value }
      : null;
  });

  return { fields, window, each, hold };
}
