/** Request–reply subjects of the volunteers service (prefix added by the transport). */
export const VolunteersSubjects = {
  health: 'volunteers.health.check',
  memberRegister: 'volunteers.member.register',
  memberCreate: 'volunteers.member.create',
  memberGet: 'volunteers.member.get',
  memberUpdate: 'volunteers.member.update',
  memberList: 'volunteers.member.list',
  credentialsVerify: 'volunteers.credentials.verify',
  profileUpsert: 'volunteers.profile.upsert',
  profileGet: 'volunteers.profile.get',
  communityList: 'volunteers.community.list',
  communityCreate: 'volunteers.community.create',
  sessionOpen: 'volunteers.session.open',
  sessionRefresh: 'volunteers.session.refresh',
  sessionClose: 'volunteers.session.close',
  passwordChange: 'volunteers.password.change',
  passwordReset: 'volunteers.password.reset',
  meUpdate: 'volunteers.me.update',
  memberSuspend: 'volunteers.member.suspend',
  memberReinstate: 'volunteers.member.reinstate',
} as const;

/** Internal: other services look a member up (no actor rules; never exposed over HTTP). */
export const VolunteersInternalSubjects = {
  memberLookup: 'volunteers.member.lookup',
  /** FindMemberQuery → MemberSummary: whose phone or card number this is (gifts). */
  memberFind: 'volunteers.member.find',
  /** A member's rights as they are now (roles, scope, status, rights version). */
  rightsGet: 'volunteers.rights.get',
  /** HoldOwnerCheckQuery → HoldOwnerAnswer: may the hour log still use this hold? */
  holdOwnerCheck: 'volunteers.hold-owner.check',
} as const;

/**
 * Plain NATS broadcasts (every copy of every service hears them, no queue
 * group): at most once, so listeners also forget what they cached after a
 * reconnect and after a short time to live.
 */
export const VolunteersBroadcasts = {
  /** A member's rights changed: drop what you cached of them. Payload `RightsChanged`. */
  rightsChanged: 'volunteers.rights.changed',
} as const;
