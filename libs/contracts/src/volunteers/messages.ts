import { HoldOwnerAnswer, HoldOwnerCheckQuery } from '../accounting/ledger.dto';
import { CommunityQueueQuery, VolunteersQueue } from '../queue/queue.dto';
import { VolunteersGridUnitReport } from '../reports/grid-unit-report.dto';
import { CommunityPeriodQuery, ReportCommunity, VolunteersReport } from '../reports/report.dto';
import { VolunteersWeeklyReport } from '../reports/weekly-report.dto';
import { message, NoPayload, reply } from '../message';
import {
  ActivitiesQueryDto,
  ActivityCodeCommand,
  ActivityIdDto,
  ActivityPage,
  ActivityView,
  AttendanceListView,
  AttendanceView,
  CancelActivityCommand,
  CheckInCodeView,
  CheckInView,
  CheckOutView,
  CloseActivityCommand,
  CloseActivityView,
  PublishActivityCommand,
  RecordAttendanceCommand,
  SignupView,
} from './activities.dto';
import { CommunityView, CreateCommunityDto } from './community.dto';
import {
  ChangePasswordCommand,
  MemberCommand,
  SuspendMemberCommand,
  TemporaryPasswordView,
  UpdateMeCommand,
} from './credentials.dto';
import {
  ApproveHoursCommand,
  ApproveManyHoursCommand,
  ApproveManyResultView,
  HourLogIdDto,
  HourLogPage,
  HourLogView,
  HoursQueryDto,
  LogHoursDto,
  RejectHoursCommand,
  RejectManyHoursCommand,
  RejectManyResultView,
} from './hours.dto';
import {
  CreateMemberDto,
  FindMemberQuery,
  ListMembersQuery,
  MemberIdDto,
  MemberIdsQuery,
  MemberPage,
  MemberSummary,
  MemberView,
  RegisterMemberDto,
  UpdateMemberCommand,
  VerifyCredentialsCommand,
} from './member.dto';
import { RightsQuery, RightsReply } from './rights';
import {
  CertificateCodeDto,
  CertificateView,
  ServiceRecordView,
  TierListItemView,
  VolunteerIdDto,
} from './service-record.dto';
import { OpenSessionCommand, RefreshTokenDto, SessionGrant } from './session.dto';
import { VolunteerProfileDto, VolunteerProfileView } from './volunteer-profile.dto';

/** The answer of a command that has nothing to say but that it was done. */
type Done = Record<string, never>;

/**
 * Every request–reply message the volunteers service answers, declared once:
 * subject, payload class, reply type. Callers pass these to
 * `ServiceClient.call`, handlers to `@Handles`.
 */
export const VolunteersMessages = {
  // what the gateway asks on a member's behalf
  memberRegister: message('volunteers.member.register', RegisterMemberDto, reply<SessionGrant>()),
  credentialsVerify: message(
    'volunteers.credentials.verify',
    VerifyCredentialsCommand,
    reply<MemberView>(),
  ),
  sessionOpen: message('volunteers.session.open', OpenSessionCommand, reply<SessionGrant>()),
  sessionRefresh: message('volunteers.session.refresh', RefreshTokenDto, reply<SessionGrant>()),
  sessionClose: message('volunteers.session.close', RefreshTokenDto, reply<Done>()),
  memberGet: message('volunteers.member.get', MemberIdDto, reply<MemberView>()),
  memberList: message('volunteers.member.list', ListMembersQuery, reply<MemberPage>()),
  memberCreate: message('volunteers.member.create', CreateMemberDto, reply<MemberView>()),
  memberUpdate: message('volunteers.member.update', UpdateMemberCommand, reply<MemberView>()),
  memberSuspend: message('volunteers.member.suspend', SuspendMemberCommand, reply<MemberView>()),
  memberReinstate: message('volunteers.member.reinstate', MemberCommand, reply<MemberView>()),
  meUpdate: message('volunteers.me.update', UpdateMeCommand, reply<MemberView>()),
  passwordChange: message('volunteers.password.change', ChangePasswordCommand, reply<Done>()),
  passwordReset: message(
    'volunteers.password.reset',
    MemberCommand,
    reply<TemporaryPasswordView>(),
  ),
  profileGet: message('volunteers.profile.get', NoPayload, reply<VolunteerProfileView>()),
  profileUpsert: message(
    'volunteers.profile.upsert',
    VolunteerProfileDto,
    reply<VolunteerProfileView>(),
  ),
  communityList: message('volunteers.community.list', NoPayload, reply<CommunityView[]>()),
  communityCreate: message(
    'volunteers.community.create',
    CreateCommunityDto,
    reply<CommunityView>(),
  ),
  hoursLog: message('volunteers.hours.log', LogHoursDto, reply<HourLogView>()),
  hoursList: message('volunteers.hours.list', HoursQueryDto, reply<HourLogPage>()),
  hoursGet: message('volunteers.hours.get', HourLogIdDto, reply<HourLogView>()),
  hoursApprove: message('volunteers.hours.approve', ApproveHoursCommand, reply<HourLogView>()),
  hoursApproveMany: message(
    'volunteers.hours.approve-many',
    ApproveManyHoursCommand,
    reply<ApproveManyResultView>(),
  ),
  hoursReject: message('volunteers.hours.reject', RejectHoursCommand, reply<HourLogView>()),
  hoursRejectMany: message(
    'volunteers.hours.reject-many',
    RejectManyHoursCommand,
    reply<RejectManyResultView>(),
  ),
  serviceRecordGet: message(
    'volunteers.service-record.get',
    VolunteerIdDto,
    reply<ServiceRecordView>(),
  ),
  certificateGet: message(
    'volunteers.certificate.get',
    CertificateCodeDto,
    reply<CertificateView>(),
  ),
  tierList: message('volunteers.tier.list', NoPayload, reply<TierListItemView[]>()),
  activityPublish: message(
    'volunteers.activity.publish',
    PublishActivityCommand,
    reply<ActivityView>(),
  ),
  activityList: message('volunteers.activity.list', ActivitiesQueryDto, reply<ActivityPage>()),
  activityGet: message('volunteers.activity.get', ActivityIdDto, reply<ActivityView>()),
  activitySignUp: message('volunteers.activity.sign-up', ActivityIdDto, reply<SignupView>()),
  activityWithdraw: message('volunteers.activity.withdraw', ActivityIdDto, reply<Done>()),
  activityCheckInCode: message(
    'volunteers.activity.check-in-code',
    ActivityIdDto,
    reply<CheckInCodeView>(),
  ),
  activityCheckIn: message(
    'volunteers.activity.check-in',
    ActivityCodeCommand,
    reply<CheckInView>(),
  ),
  activityCheckOut: message(
    'volunteers.activity.check-out',
    ActivityCodeCommand,
    reply<CheckOutView>(),
  ),
  activityAttendanceList: message(
    'volunteers.activity.attendance-list',
    ActivityIdDto,
    reply<AttendanceListView>(),
  ),
  activityAttendanceRecord: message(
    'volunteers.activity.attendance-record',
    RecordAttendanceCommand,
    reply<AttendanceView>(),
  ),
  activityClose: message(
    'volunteers.activity.close',
    CloseActivityCommand,
    reply<CloseActivityView>(),
  ),
  activityCancel: message(
    'volunteers.activity.cancel',
    CancelActivityCommand,
    reply<ActivityView>(),
  ),

  // what other services ask (never exposed over HTTP)
  /** Who a member is, without actor rules. */
  memberLookup: message('volunteers.member.lookup', MemberIdDto, reply<MemberSummary>()),
  /** The members of these ids that exist, in no particular order. */
  memberLookupMany: message(
    'volunteers.member.lookup-many',
    MemberIdsQuery,
    reply<MemberSummary[]>(),
  ),
  /** Whose phone or card number this is (gifts name their recipient so). */
  memberFind: message('volunteers.member.find', FindMemberQuery, reply<MemberSummary>()),
  /** A member's rights as they are now (roles, scope, status, rights version). */
  rightsGet: message('volunteers.rights.get', RightsQuery, reply<RightsReply>()),

  // asked by the ledger's hold-owner sweeper
  holdOwnerCheck: message(
    'volunteers.hold-owner.check',
    HoldOwnerCheckQuery,
    reply<HoldOwnerAnswer>(),
  ),
  /** The same for an activity's hold (key `activity:<id>:hold`). */
  activityHoldOwnerCheck: message(
    'volunteers.activity-hold-owner.check',
    HoldOwnerCheckQuery,
    reply<HoldOwnerAnswer>(),
  ),

  // asked by the gateway for a community's report and queue
  /** Checks the actor may see the community's reports, as each report of this service does. */
  reportCommunityGet: message(
    'volunteers.report-community.get',
    CommunityPeriodQuery,
    reply<ReportCommunity>(),
  ),
  reportGet: message('volunteers.report.get', CommunityPeriodQuery, reply<VolunteersReport>()),
  weeklyReportGet: message(
    'volunteers.weekly-report.get',
    CommunityPeriodQuery,
    reply<VolunteersWeeklyReport>(),
  ),
  gridUnitReportGet: message(
    'volunteers.grid-unit-report.get',
    CommunityPeriodQuery,
    reply<VolunteersGridUnitReport>(),
  ),
  /** Also checks the community exists. */
  communityQueueGet: message(
    'volunteers.community-queue.get',
    CommunityQueueQuery,
    reply<VolunteersQueue>(),
  ),
} as const;
