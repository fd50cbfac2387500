/**
 * An activity as the pages read it (the API's view), and the words for its state:
 * the places left or the waiting list, the member's own sign-up.
 */
import type { components } from '@/api/schema';
import { i18n } from '@/i18n';

export type Activity = components['schemas']['ActivityView'];
export type MySignup = components['schemas']['MySignupView'];

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
