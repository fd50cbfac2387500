import type { volunteersEn } from './volunteers.en';

/** 志愿者服务的中文文案：与 volunteers.en.ts 键和参数一致，写给老人、居民和社区工作人员看。 */
export const volunteersZhCN: Record<keyof typeof volunteersEn, string> = {
  'volunteers.signIn.wrongCredentials': '账号或密码不对，请检查后再试',
  'volunteers.signIn.suspended': '这个账号已暂停使用，请联系您所在社区的协调员',
  'volunteers.signIn.tooManyAttempts': '登录失败的次数太多了，请稍等一会儿再试',
  'volunteers.sessions.badRefreshToken': '登录凭证（refreshToken）无效，请重新登录',

  'volunteers.credentials.notOwnAccount':
    '不能对自己的账号办理这项操作；要修改自己的密码，请到“修改密码”（/me/password）',
  'volunteers.credentials.coordinatorScope': '协调员只能管理自己社区的成员',
  'volunteers.credentials.staffByAdmins': '管理员和协调员的账号只能由管理员管理',
  'volunteers.credentials.samePassword': '新密码不能和现在的密码一样',
  'volunteers.credentials.wrongCurrentPassword': '现在的密码输入不对，请再试一次',

  'volunteers.members.emailOrPhone': '请填写电子邮箱或手机号',
  'volunteers.members.phoneShape': '手机号的格式不对，请检查一下',
  'volunteers.members.phoneInvalid': '这不是有效的手机号，请检查一下',
  'volunteers.members.selfServiceRoles': '自己注册时只能选择“居民”或“志愿者”',
  'volunteers.members.statusIn': '状态只能是 active（正常）或 suspended（已暂停）',
  'volunteers.members.alreadyRegistered':
    '这个{field, select, email {电子邮箱} phone {手机号} other {{field}}}已经注册过了',
  'volunteers.members.fieldAlreadyRegistered':
    '{field, select, email {电子邮箱} phone {手机号} other {{field}}}已经注册过了',
  'volunteers.members.gridUnitNotInCommunity': '所选网格不属于这个社区',
  'volunteers.members.gridUnitNotMembersCommunity': '所选网格不属于该成员所在的社区',
  'volunteers.members.rolesEmpty': '请至少选择一个身份',
  'volunteers.members.noSuchCommunities': '找不到这些社区：{ids}',
  'volunteers.members.phoneOrCardNumber': '请填写手机号或卡号，只填其中一项',
  'volunteers.members.noSuchMerchant': '找不到这家商户',
  'volunteers.members.merchantOfOtherCommunity': '这家商户属于其他社区',
  'volunteers.members.coordinatorOfRequired': '请填写这位协调员负责的社区',
  'volunteers.members.coordinatorOfOnlyCoordinators': '只有协调员才需要填写负责的社区',
  'volunteers.members.merchantIdRequired': '商户店员需要填写所属商户',
  'volunteers.members.merchantIdOnlyMerchants': '只有商户店员才需要填写所属商户',
  'volunteers.members.createForbidden': '只有管理员和协调员可以添加成员',
  'volunteers.members.createScope': '协调员只能在自己负责的社区添加成员',
  'volunteers.members.grantAdmin': '只有管理员可以设置管理员身份',
  'volunteers.members.appointScope': '协调员只能为自己负责的社区任命协调员',
  'volunteers.members.changeForbidden': '只有管理员和协调员可以修改成员信息',
  'volunteers.members.changeScope': '协调员只能修改自己负责社区的成员',
  'volunteers.members.listScope': '协调员只能查看自己负责社区的成员',
  'volunteers.members.staffRoles': '只有管理员可以设置或取消管理员、协调员身份',
  'volunteers.members.merchantRoleAdded': '商户店员需要随商户一起添加（POST /members）',
  'volunteers.members.noCommunityToCoordinate': '没有所属社区的成员不能担任协调员',
  'volunteers.members.noCommunityKeepsAdmin': '没有所属社区的成员必须保留管理员身份',

  'volunteers.profiles.volunteersOnly': '只有志愿者才能填写志愿者资料',
  'volunteers.profiles.skillBlank': '每项特长都要填写内容，不能只填空格',
  'volunteers.serviceRecords.readForbidden':
    '服务记录只有志愿者本人、所在社区的协调员和管理员可以查看',

  'volunteers.hours.calendarDate': '{field} 应为日期，格式如 2026-05-03',
  'volunteers.hours.futureDate': '服务日期不能晚于今天（今天是 {today}）',
  'volunteers.hours.dailyLimit':
    '{servedOn} 这一天最多登记 {maxMinutes} 分钟，已经登记了 {loggedMinutes} 分钟，' +
    '还可以登记 {remainingMinutes} 分钟',
  'volunteers.hours.reviewScope': '只有服务所在社区的协调员可以审核这些时长',
  'volunteers.hours.ownHours': '协调员不能审核自己的服务时长，请由另一位协调员审核',
  'volunteers.hours.notPending':
    '只有待审核的时长才能{action, select, approve {通过} other {退回}}，' +
    '这条已经{status, select, approved {审核通过} rejected {被退回} other {是 {status} 状态}}了',
  'volunteers.hours.volunteersOnly': '只有志愿者才能登记服务时长',
  'volunteers.hours.noCommunity': '请选择服务所在的社区：您还没有加入社区',
  'volunteers.hours.approveForbidden': '只有协调员可以审核服务时长',
  'volunteers.hours.eachIdUuid': '每个编号都应为有效的编号（UUID）',

  'volunteers.communities.createForbidden': '只有管理员可以新建社区',
  'volunteers.communities.codeShape': '代码应为 1 到 32 个字母、数字、“_”或“-”',
  'volunteers.communities.nameBlank': '名称不能只填空格',
  'volunteers.communities.codeTaken': '社区代码 {code} 已经被使用了',
  'volunteers.communities.codeTakenField': '这个代码已经被其他社区使用了',
  'volunteers.communities.gridUnitCodeRepeated':
    '网格代码“{code}”和 gridUnits[{first}] 的代码重复了',
  'volunteers.reports.forbidden': '只有本社区的协调员和管理员可以查看社区报表',
  'volunteers.reports.fromAfterTo': '开始日期不能晚于结束日期',
  'volunteers.activities.codeShape': '签到码是门口显示的 8 位数字',
  'volunteers.activities.endsAfterStart': '结束时间要晚于开始时间',
  'volunteers.activities.startsInFuture': '开始时间要在现在之后',
  'volunteers.activities.tooLong': '一场活动最长 {max} 分钟',
  'volunteers.activities.minutesWithinLength': '每人计时不能超过活动时长（{max} 分钟）',
  'volunteers.activities.gridUnitNotOfCommunity': '所选网格不属于这个社区',
  'volunteers.activities.coordinatorScope': '只有活动所在社区的协调员可以办理',
  'volunteers.activities.volunteersOnly': '只有志愿者可以报名参加活动',
  'volunteers.activities.notOpen':
    '这场活动{status, select, cancelled {已取消} closed {已结束} other {是 {status} 状态}}，不能再报名',
  'volunteers.activities.over': '这场活动已经结束了',
  'volunteers.activities.full': '这场活动的名额和候补都已经满了',
  'volunteers.activities.notSignedUp': '您还没有报名这场活动',
  'volunteers.activities.notConfirmed': '只有已确认报名的志愿者才能签到，您还在候补名单上',
  'volunteers.activities.wrongCode': '签到码不对或已过期，请扫描门口最新的二维码',
  'volunteers.activities.checkInNotOpen':
    '活动开始前 {minutes} 分钟起可以签到，活动结束后不能再签到',
  'volunteers.activities.notCheckedIn': '请先签到，再签退',
  'volunteers.activities.notPublished':
    '这场活动{status, select, cancelled {已取消} closed {已结束} other {是 {status} 状态}}',
  'volunteers.activities.notStarted': '活动开始之后才能结束并发放时长',
  'volunteers.activities.closeTooLate':
    '活动结束 {days} 天内才能结算；之后冻结的基金已释放，无法再发放时长',
  'volunteers.activities.outAfterIn': '签退时间要晚于签到时间',
  'volunteers.activities.volunteerNotConfirmed': '这位志愿者不是这场活动已确认的报名者',
};
