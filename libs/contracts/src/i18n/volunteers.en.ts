/**
 * The volunteers service's texts in English (members, sign-in, credentials,
 * hours, communities, profiles, service records, reports), spread into en.ts.
 * Each is exactly what the service said before it spoke by key.
 */
export const volunteersEn = {
  // Signing in: what a resident sees first.
  'volunteers.signIn.wrongCredentials': 'Wrong login or password',
  'volunteers.signIn.suspended': 'This account is suspended: ask your community coordinator',
  'volunteers.signIn.tooManyAttempts': 'Too many failed sign-in attempts: wait before trying again',
  'volunteers.sessions.badRefreshToken': 'refreshToken is not a refresh token',

  // Passwords and suspension.
  'volunteers.credentials.notOwnAccount':
    'Not on your own account: change your password at /me/password',
  'volunteers.credentials.coordinatorScope':
    'Coordinators may only manage members of their own communities',
  'volunteers.credentials.staffByAdmins':
    'Only admins may manage the accounts of admins and coordinators',
  'volunteers.credentials.samePassword': 'newPassword must differ from the current password',
  'volunteers.credentials.wrongCurrentPassword': 'currentPassword is not your current password',

  // Members.
  'volunteers.members.emailOrPhone': 'email or phone is required',
  'volunteers.members.phoneShape': 'phone must be a phone number',
  'volunteers.members.phoneInvalid': 'phone must be a valid phone number',
  'volunteers.members.selfServiceRoles': 'roles may only hold resident and volunteer',
  'volunteers.members.statusIn': 'status must be active or suspended',
  'volunteers.members.alreadyRegistered': 'This {field} is already registered',
  'volunteers.members.fieldAlreadyRegistered': '{field} is already registered',
  'volunteers.members.gridUnitNotInCommunity': 'gridUnitId is not a grid unit of the community',
  'volunteers.members.gridUnitNotMembersCommunity':
    "gridUnitId is not a grid unit of the member's community",
  'volunteers.members.rolesEmpty': 'roles must hold at least one role',
  'volunteers.members.noSuchCommunities': 'no such community: {ids}',
  'volunteers.members.phoneOrCardNumber': 'give exactly one of phone and cardNumber',
  'volunteers.members.noSuchMerchant': 'no such merchant',
  'volunteers.members.merchantOfOtherCommunity': 'merchantId names a merchant of another community',
  'volunteers.members.coordinatorOfRequired':
    'coordinatorOf must list the communities a coordinator serves',
  'volunteers.members.coordinatorOfOnlyCoordinators':
    'coordinatorOf is only for members with the coordinator role',
  'volunteers.members.merchantIdRequired': 'merchantId is required for merchant staff',
  'volunteers.members.merchantIdOnlyMerchants':
    'merchantId is only for members with the merchant role',
  'volunteers.members.createForbidden': 'Only admins and coordinators may create members',
  'volunteers.members.createScope':
    'Coordinators may only create members in communities they coordinate',
  'volunteers.members.grantAdmin': 'Only admins may grant the admin role',
  'volunteers.members.appointScope':
    'Coordinators may only appoint coordinators of communities they coordinate',
  'volunteers.members.changeForbidden': 'Only admins and coordinators may change members',
  'volunteers.members.changeScope':
    'Coordinators may only change members of communities they coordinate',
  'volunteers.members.listScope':
    'Coordinators may only list members of communities they coordinate',
  'volunteers.members.staffRoles':
    'Only admins may grant or remove the admin and coordinator roles',
  'volunteers.members.merchantRoleAdded':
    'merchant staff are created with their merchant (POST /members)',
  'volunteers.members.noCommunityToCoordinate':
    'a member without a community cannot coordinate one',
  'volunteers.members.noCommunityKeepsAdmin':
    'a member without a community must keep the admin role',

  // Volunteer profiles and service records.
  'volunteers.profiles.volunteersOnly': 'Only volunteers keep a volunteer profile',
  'volunteers.profiles.skillBlank': 'each skill must not be blank',
  'volunteers.serviceRecords.readForbidden':
    "Only the volunteer, coordinators of the volunteer's community and admins see a service record",

  // Logged hours.
  'volunteers.hours.calendarDate': '{field} must be a date written YYYY-MM-DD',
  'volunteers.hours.futureDate': 'servedOn must not be in the future (today is {today})',
  'volunteers.hours.dailyLimit':
    'At most {maxMinutes} minutes can be logged for {servedOn}: ' +
    '{loggedMinutes} already are, {remainingMinutes} left',
  'volunteers.hours.reviewScope':
    'Only a coordinator of the community where the hours were served may review them',
  'volunteers.hours.ownHours':
    'Coordinators may not approve their own hours: another coordinator must',
  'volunteers.hours.notPending':
    'Only pending hours can be {action, select, approve {approved} other {rejected}}; these are {status}',
  'volunteers.hours.volunteersOnly': 'Only volunteers log hours',
  'volunteers.hours.noCommunity': 'communityId is required: you have none',
  'volunteers.hours.approveForbidden': 'Only coordinators approve hours',
  'volunteers.hours.eachIdUuid': 'each id must be a UUID',

  // Communities and reports.
  'volunteers.communities.createForbidden': 'Only admins create communities',
  'volunteers.communities.codeShape': 'code must be 1-32 letters, digits, "_" or "-"',
  'volunteers.communities.nameBlank': 'name must not be blank',
  'volunteers.communities.codeTaken': 'Community code {code} is already taken',
  'volunteers.communities.codeTakenField': 'code is already taken by another community',
  'volunteers.communities.gridUnitCodeRepeated': 'code "{code}" repeats gridUnits[{first}].code',
  'volunteers.reports.forbidden': "Only the community's coordinators and admins see its report",
  'volunteers.reports.fromAfterTo': 'from must not be after to',
  // Activities.
  'volunteers.activities.codeShape': 'code must be the 8 digits shown at the door',
  'volunteers.activities.endsAfterStart': 'endsAt must be after startsAt',
  'volunteers.activities.startsInFuture': 'startsAt must be in the future',
  'volunteers.activities.tooLong': 'an activity lasts at most {max} minutes',
  'volunteers.activities.minutesWithinLength':
    'minutesPerVolunteer must be at most the length of the activity ({max} minutes)',
  'volunteers.activities.gridUnitNotOfCommunity': 'gridUnitId is not a grid unit of the community',
  'volunteers.activities.coordinatorScope':
    "Only a coordinator of the activity's community may do this",
  'volunteers.activities.volunteersOnly': 'Only volunteers sign up for activities',
  'volunteers.activities.notOpen': 'This activity is {status} and takes no more sign-ups',
  'volunteers.activities.over': 'This activity is over',
  'volunteers.activities.full': 'This activity and its waitlist are full',
  'volunteers.activities.notSignedUp': 'You are not signed up for this activity',
  'volunteers.activities.notConfirmed':
    'Only confirmed volunteers check in: you are on the waitlist',
  'volunteers.activities.wrongCode': 'This code is not the current code of this activity',
  'volunteers.activities.checkInNotOpen':
    'Check-in opens {minutes} minutes before the start and closes at the end',
  'volunteers.activities.notCheckedIn': 'Check in before checking out',
  'volunteers.activities.notPublished': 'This activity is {status}',
  'volunteers.activities.notStarted': 'An activity closes only once it has started',
  'volunteers.activities.closeTooLate':
    'An activity closes within {days} days of its end; after that its hold is released and it can no longer pay',
  'volunteers.activities.outAfterIn': 'checkedOutAt must be after checkedInAt',
  'volunteers.activities.volunteerNotConfirmed':
    'This volunteer is not a confirmed volunteer of the activity',
} as const;
