import type { requestsEn } from './requests.en';

/**
 * 求助服务的简体中文文案，键和参数与 requests.en.ts 一致。
 * requests.invalidState 的 allowed 参数是英文状态名（多个时以 " or " 相连，
 * 目前只有取消时是 "open or accepted"，由 other 分支说明）。
 */
export const requestsZhCN: Record<keyof typeof requestsEn, string> = {
  'requests.invalidState':
    '这条求助{status, select, open {正在等待志愿者接单} accepted {已有志愿者接单} completed {已完成，正在等待确认} confirmed {已经确认过了} disputed {有异议，正在等待处理} cancelled {已经取消了} expired {已经过期了} other {当前的状态不允许这样办理}}，' +
    '只有{allowed, select, open {等待接单} accepted {已接单} completed {已完成待确认} disputed {有异议} other {等待接单或已接单}}的求助才能' +
    '{doing, select, accepted {接单} released {放弃接单} completed {标记完成} confirmed {确认} disputed {提出异议} resolved {处理异议} cancelled {取消} other {这样办理}}',
  'requests.windowPassed': '这条求助约定的服务时间已经过了，不能再接单',
  'requests.acceptVolunteersOnly': '只有志愿者才能接单',
  'requests.acceptOwn': '不能接自己发布的求助',
  'requests.releaseNotVolunteer': '只有接单的志愿者本人才能放弃这条求助',
  'requests.completeNotVolunteer': '只有接单的志愿者本人才能标记完成',
  'requests.resolveNotCoordinator': '只有这条求助所在社区的协调员才能处理异议',
  'requests.requesterOrCoordinator':
    '只有求助人本人或所在社区的协调员才能{doing, select, confirm {确认这条求助} cancel {取消这条求助} dispute {对这条求助提出异议} other {办理这条求助}}',
  'requests.verifyOwnService': '志愿者不能确认自己提供的服务，请由求助人或协调员确认',
  'requests.resolveOwnRequest': '不能处理自己求助的异议，请由另一位协调员处理',
  'requests.resolveOwnDispute':
    '代求助人提出异议的协调员不能再处理这条异议，请由另一位协调员或管理员处理',

  'requests.minutesOverHeld': '{field} 不能超过求助时预估并冻结的 {estimatedMinutes} 分钟',
  'requests.minutesOverHeldReported':
    '{field} 不能超过求助时预估并冻结的 {estimatedMinutes} 分钟；志愿者报了 {completedMinutes} 分钟，请填写要确认的分钟数',

  'requests.windowEndBeforeStart': '{field}（结束时间）应晚于开始时间',
  'requests.windowEndPast': '{field}（结束时间）应在现在之后',
  'requests.gridUnitNotOfCommunity': '{field} 不是求助人所在社区的网格',
  'requests.residentsOnly':
    '只有居民才能发布求助；协调员代居民发布时，请在 requesterId 中填写这位居民',
  'requests.communityMembersOnly': '只有加入社区的成员才能发布求助',
  'requests.forOthersCoordinatorsOnly': '只有协调员才能替其他成员发布求助',
  'requests.requesterNotResident': '{field} 应为某个社区的居民',
  'requests.requesterOutOfScope': '协调员只能为本社区的居民发布求助',
};
