/** A tier: reached once lifetime earned minutes are at least `minMinutes`. */
export interface Tier {
  level: number;
  name: string;
  minMinutes: number;
}

/** The national volunteer star rating: 1 to 5 stars at 100, 300, 600, 1000 and 1500 hours. */
export const DEFAULT_TIER_HOURS = [100, 300, 600, 1000, 1500];

const NAMES = [
  'Community volunteer',
  'One-star volunteer',
  'Two-star volunteer',
  'Three-star volunteer',
  'Four-star volunteer',
  'Five-star volunteer',
];

/** Tiers from thresholds in hours (the `TIER_THRESHOLDS_HOURS` setting), with the entry tier below them. */
export function tiersFromHours(hours: number[] = DEFAULT_TIER_HOURS): Tier[] {
  return [
    { level: 0, name: NAMES[0], minMinutes: 0 },
    ...hours.map((h, i) => ({
      level: i + 1,
      name: NAMES[i + 1] ?? `${i + 1}-star volunteer`,
      minMinutes: h * 60,
    })),
  ];
}

/** Parses `TIER_THRESHOLDS_HOURS` ("100,300,600,1000,1500"): strictly rising whole hours. */
export function parseTierHours(value: string): number[] | null {
  const hours = value.split(',').map((h) => Number(h.trim()));
  const valid =
    hours.length > 0 &&
    hours.every((h, i) => Number.isInteger(h) && h > 0 && (i === 0 || h > hours[i - 1]));
  return valid ? hours : null;
}

export function tierFor(
  lifetimeMinutes: number,
  tiers: Tier[],
): { level: number; name: string; nextLevelAtMinutes: number | null } {
  let index = 0;
  for (let i = 0; i < tiers.length; i++) if (lifetimeMinutes >= tiers[i].minMinutes) index = i;
  const next = tiers[index + 1];
  return {
    level: tiers[index].level,
    name: tiers[index].name,
    nextLevelAtMinutes: next ? next.minMinutes : null,
  };
}
