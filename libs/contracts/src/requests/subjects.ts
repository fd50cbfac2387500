/** Subjects only other services call (never exposed over HTTP). */
export const RequestsInternalSubjects = {
  /** HoldOwnerCheckQuery → HoldOwnerAnswer: does the request hold this hold? */
  holdOwnerCheck: 'requests.hold-owner.check',
} as const;

/** Request–reply subjects of the requests service (prefix added by the transport). */
export const RequestsSubjects = {
  health: 'requests.health.check',
} as const;
