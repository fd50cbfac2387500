import { Tier, tierFor } from '@app/contracts';

/**
 * The tier a service credit lifts the volunteer to, or null when it lifts
 * them to none above the highest already reached (announced once each).
 */
export function tierRise(
  reachedLevel: number,
  lifetimeEarnedMinutes: number,
  tiers: Tier[],
): { level: number; name: string } | null {
  const now = tierFor(lifetimeEarnedMinutes, tiers);
  return now.level > reachedLevel ? { level: now.level, name: now.name } : null;
}
