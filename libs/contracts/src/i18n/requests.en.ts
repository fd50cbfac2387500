/**
 * The requests service's texts (help requests, their rules and fields), in
 * English; requests.zh-CN.ts has the same keys and params. Spread into en.ts.
 */
export const requestsEn = {
  // Moving a request: who may, and from which state.
  'requests.invalidState': 'This request is {status}: only {allowed} requests can be {doing}',
  'requests.windowPassed': "This request's window has passed",
  'requests.acceptVolunteersOnly': 'Only volunteers accept requests',
  'requests.acceptOwn': 'A volunteer cannot accept their own request',
  'requests.releaseNotVolunteer': 'Only the volunteer who accepted a request may release it',
  'requests.completeNotVolunteer': 'Only the volunteer who accepted a request may complete it',
  'requests.resolveNotCoordinator': "Only a coordinator of the request's community may resolve it",
  'requests.requesterOrCoordinator':
    'Only the requester or a coordinator of its community may {doing} a request',
  'requests.verifyOwnService': 'A volunteer cannot verify their own service',
  'requests.resolveOwnRequest': 'A requester cannot resolve a dispute over their own request',
  'requests.resolveOwnDispute':
    'A coordinator who disputed a request for its requester cannot also resolve it; another coordinator or an admin does',

  // Minutes confirmed or resolved: at most what was held.
  'requests.minutesOverHeld':
    '{field} must be at most the {estimatedMinutes} estimated minutes held',
  'requests.minutesOverHeldReported':
    '{field} must be at most the {estimatedMinutes} estimated minutes held; {completedMinutes} were reported, so name the minutes to confirm',

  // Posting a request.
  'requests.windowEndBeforeStart': '{field} must be after windowStart',
  'requests.windowEndPast': '{field} must be in the future',
  'requests.gridUnitNotOfCommunity': "{field} is not a grid unit of the requester's community",
  'requests.residentsOnly':
    'Only residents post requests; a coordinator posting for a resident names them in requesterId',
  'requests.communityMembersOnly': 'Only members of a community post requests',
  'requests.forOthersCoordinatorsOnly': 'Only coordinators post requests for other members',
  'requests.requesterNotResident': '{field} must name a resident of a community',
  'requests.requesterOutOfScope': 'Coordinators post only for residents of their communities',
} as const;
