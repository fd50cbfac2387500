/** Subjects only other services call (never exposed over HTTP). */
export const RequestsInternalSubjects = {} as const;

/** Request–reply subjects of the requests service (prefix added by the transport). */
export const RequestsSubjects = {
  health: 'requests.health.check',
  requestCreate: 'requests.request.create',
  requestList: 'requests.request.list',
  requestGet: 'requests.request.get',
  requestAccept: 'requests.request.accept',
  requestRelease: 'requests.request.release',
  requestComplete: 'requests.request.complete',
  requestConfirm: 'requests.request.confirm',
  requestDispute: 'requests.request.dispute',
  requestResolve: 'requests.request.resolve',
  requestCancel: 'requests.request.cancel',
  ratingsGet: 'requests.ratings.get',
} as const;
