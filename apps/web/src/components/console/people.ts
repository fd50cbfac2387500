/** How the console names members' facts: card numbers, roles, grid units. */
import type { components } from '@/api/schema';
import { i18n } from '@/i18n';

export type Member = components['schemas']['MemberView'];
export type Role = Member['roles'][number];
export const ROLES: readonly Role[] = ['resident', 'volunteer', 'merchant', 'coordinator', 'admin'];

/** A card number in groups of four, as printed on the card and read aloud: 3054 0415 24. */
export function cardText(cardNumber: string): string {
  return cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function rolesText(roles: readonly Role[]): string {
  return roles.map((r) => i18n.global.t(`me.roles.${r}`)).join('、');
}
