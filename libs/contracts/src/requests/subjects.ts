/** Subjects only other services call (never exposed over HTTP). */
export const RequestsInternalSubjects = {} as const;

/** Request–reply subjects of the requests service (prefix added by the transport). */
export const RequestsSubjects = {
  health: 'requests.health.check',
} as const;
