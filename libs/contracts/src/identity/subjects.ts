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
} as const;
