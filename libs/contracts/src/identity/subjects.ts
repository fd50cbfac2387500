/** Request–reply subjects of the volunteers service (prefix added by the transport). */
export const VolunteersSubjects = {
  health: 'volunteers.health.check',
  memberRegister: 'volunteers.member.register',
  memberCreate: 'volunteers.member.create',
  memberGet: 'volunteers.member.get',
  memberUpdate: 'volunteers.member.update',
  credentialsVerify: 'volunteers.credentials.verify',
  profileUpsert: 'volunteers.profile.upsert',
  communityList: 'volunteers.community.list',
  communityCreate: 'volunteers.community.create',
  sessionOpen: 'volunteers.session.open',
  sessionRefresh: 'volunteers.session.refresh',
  sessionClose: 'volunteers.session.close',
} as const;

/** Internal: other services look a member up (no actor rules; never exposed over HTTP). */
export const VolunteersInternalSubjects = {
  memberLookup: 'volunteers.member.lookup',
} as const;

/** `volunteers.member.lookup` answer. */
export interface MemberSummary {
  id: string;
  displayName: string;
  communityId: string | null;
  gridUnitId: string | null;
  roles: string[];
  priorityHousehold: boolean;
  /** E.164 or null. */
  phone: string | null;
  /** The member row's version: what MemberUpdatedEvent.asOf compares with. */
  updatedAt: string;
}
