/**
 * The API has no GET for a volunteer profile (only PUT /me/volunteer-profile,
 * and neither GET /me nor the service record carries it), so the page can show
 * only what was saved from this tab: kept here, per member, for the visit.
 */
import { ref } from 'vue';
import type { components } from '@/api/schema';

type Profile = components['schemas']['VolunteerProfileView'];

export const savedProfile = ref<Profile | null>(null);

export function savedProfileOf(memberId: string | undefined): Profile | null {
  return savedProfile.value && savedProfile.value.memberId === memberId ? savedProfile.value : null;
}
