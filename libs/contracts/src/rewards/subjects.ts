/** Request–reply subjects of the rewards service (prefix added by the transport). */
export const RewardsSubjects = {
  health: 'rewards.health.check',
} as const;

/** Internal: other services ask the rewards service (never exposed over HTTP). */
export const RewardsInternalSubjects = {} as const;
