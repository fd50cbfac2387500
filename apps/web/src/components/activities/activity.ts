/**
 * An activity as the pages read it (the API's view), and the words for its state:
 * the places left or the waiting list, the member's own sign-up.
 */
import { i18n } from '@/i18n';

export interface MySignup {
  status: 'confirmed' | 'waitlisted';
  position?: number | null;
  checkedInAt?: string | null;
  checkedOutAt?: string | null;
  minutes?: number | null;
}

export interface Activity {
  id: string;
  title: string;
  description: string;
  communityId: string;
  gridUnitId: string | null;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  skills: string[];
  minutesPerVolunteer: number;
  status: 'published' | 'cancelled' | 'closed';
  signedUp: number;
  waitlisted: number;
  createdBy: string;
  mySignup?: MySignup | null;
  cancelReason?: string | null;
}

/** "还剩 3 个名额" / "名额已满，候补 2 人". */
export function placesText(a: Pick<Activity, 'capacity' | 'signedUp' | 'waitlisted'>): string {
  const t = i18n.global.t;
  const left = a.capacity - a.signedUp;
  if (left > 0) return t('activities.places.left', { n: left });
  return a.waitlisted > 0
    ? t('activities.places.full', { n: a.waitlisted })
    : t('activities.places.fullNone');
}

/** The member's own sign-up in a word: "已报名", "候补第 2 位", "已签到", "已签退". */
export function mySignupText(signup: MySignup | null | undefined): string {
  const t = i18n.global.t;
  if (!signup) return '';
  if (signup.status === 'waitlisted') {
    return t('activities.mine.waitlisted', { n: signup.position ?? 1 });
  }
  if (signup.checkedOutAt) return t('activities.mine.checkedOut');
  if (signup.checkedInAt) return t('activities.mine.checkedIn');
  return t('activities.mine.confirmed');
}

/** Minutes between two instants, rounded down. */
export function minutesBetween(fromIso: string, toIso: string): number {
  return Math.max(0, Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));
}
