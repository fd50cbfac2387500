import type { notificationsEn } from './notifications.en';

/** 消息通知的中文文案：与 notifications.en.ts 键和参数一致，阅读时按成员当前语言生成。 */
export const notificationsZhCN: Record<keyof typeof notificationsEn, string> = {
  'notifications.badTicket':
    '消息推送凭证无效或已过期，请重新获取（POST /notifications/stream-ticket）',
  'notFound.notification': '找不到这条消息',

  'notifications.request.accepted.title': '您的求助有人接单了',
  'notifications.request.accepted.body': '已有志愿者接下“{request}”。',
  'notifications.request.completed.title': '请确认服务时长',
  'notifications.request.completed.body':
    '志愿者为“{request}”报了 {minutes} 分钟，请确认，或提出异议。',
  'notifications.request.confirmed.title': '您的服务已确认',
  'notifications.request.confirmed.body': '“{request}”的 {minutes} 分钟已确认并记入积分。',
  'notifications.request.disputed.title': '您的服务时长有异议',
  'notifications.request.disputed.body': '居民对“{request}”的时长提出了异议，将由协调员处理。',
  'notifications.request.resolved.title': '异议已处理',
  'notifications.request.resolved.body': '协调员已将“{request}”认定为 {minutes} 分钟。',
  'notifications.request.expiring.title': '您的求助快到期了',
  'notifications.request.expiring.body': '“{request}”还没有人接单，将于 {endsAt} 到期。',
  'notifications.hours.approved.title': '您的服务时长已通过',
  'notifications.hours.approved.body': '{servedOn} 服务的 {minutes} 分钟已审核通过并记入积分。',
  'notifications.hours.rejected.title': '您的服务时长未通过',
  'notifications.hours.rejected.body': '{servedOn} 服务的 {minutes} 分钟未通过审核：{reason}',
  'notifications.hours.waiting.title': '有服务时长待审核',
  'notifications.hours.waiting.body': '{volunteer} 登记了 {servedOn} 服务的 {minutes} 分钟。',
  'notifications.dispute.opened.title': '有新的异议',
  'notifications.dispute.opened.body': '“{request}”的服务时长有异议，等待您处理。',
  'notifications.voucher.redeemed.title': '您的兑换券已使用',
  'notifications.voucher.redeemed.body': '您的“{offer}”兑换券已核销。',
  'notifications.voucher.expiring.title': '您的兑换券快过期了',
  'notifications.voucher.expiring.body': '您的“{offer}”兑换券将于 {expiresOn} 过期，请尽早使用。',
  'notifications.tier.reached.title': '星级提升',
  'notifications.tier.reached.body': '您已成为{tier}，感谢您的付出！',
  'notifications.activity.tomorrow.title': '您报名的活动明天开始',
  'notifications.activity.tomorrow.body': '“{activity}”将于 {startsAt} 在{place}开始。',
  'notifications.activity.cancelled.title': '活动已取消',
  'notifications.activity.cancelled.body': '“{activity}”已取消：{reason}',
  'notifications.activity.paid.title': '活动时长已记入积分',
  'notifications.activity.paid.body': '“{activity}”的 {minutes} 分钟已记入积分。',
  'notifications.activity.promoted.title': '您已获得名额',
  'notifications.activity.promoted.body': '有名额空出，您已报名“{activity}”（{startsAt}）。',
};
