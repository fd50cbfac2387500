import type { components } from '@/api/schema';

export type CategoryCode = components['schemas']['CategoryView']['code'];
export type HelpRequest = components['schemas']['HelpRequestView'];
export type RequestStatus = HelpRequest['status'];

/** A picture for each kind of help (Vant's icon font, shipped with the app). */
const ICONS: Record<CategoryCode, string> = {
  companionship: 'smile-comment-o',
  escort: 'friends-o',
  errands: 'cart-o',
  home_repair: 'setting-o',
  cleaning: 'brush-o',
  tutoring: 'notes-o',
  tech_help: 'phone-o',
  meals: 'hot-o',
  other: 'more-o',
};

export function categoryIcon(code: string): string {
  return ICONS[code as CategoryCode] ?? 'more-o';
}

/** Still going somewhere: someone has something to do. */
export const ACTIVE_STATUSES: readonly RequestStatus[] = [
  'open',
  'accepted',
  'completed',
  'disputed',
];
