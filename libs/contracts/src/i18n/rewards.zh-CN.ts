import type { rewardsEn } from './rewards.en';

/**
 * 兑换相关文案（商户、优惠、领取、柜台核销、结算）。与 rewards.en.ts 键和参数一致。
 * 柜台的提示要让店员一眼看懂、能马上告诉排队的居民怎么办。
 */
export const rewardsZhCN: Record<keyof typeof rewardsEn, string> = {
  'rewards.merchant.addForbidden': '只有本社区的协调员和管理员可以添加商户',
  'rewards.offer.publishForbidden': '只有这家商户的工作人员和所在社区的协调员可以发布优惠',
  'rewards.offer.approveForbidden': '只有商户所在社区的协调员可以审核它的优惠',
  'rewards.offer.changeForbidden': '只有这家商户的工作人员和所在社区的协调员可以修改它的优惠',
  'rewards.offer.approveState':
    '这项优惠{status, select, active {已经在进行中} paused {已暂停} other {不在待审核状态}}，只有待审核的优惠才能审核通过',
  'rewards.offer.pauseState':
    '这项优惠{status, select, pending_approval {还在等待审核} paused {已经暂停了} other {不在进行中}}，只有进行中的优惠才能暂停',
  'rewards.offer.resumeState':
    '这项优惠{status, select, pending_approval {还在等待审核} active {正在进行中} other {没有暂停}}，只有已暂停的优惠才能恢复',
  'rewards.offer.validUntilAfterFrom': '结束时间（validUntil）必须晚于开始时间（validFrom）',
  'rewards.offer.minTierRange': '最低星级（minTier）应在 0 到 {top} 之间',
  'rewards.offer.limitAboveQuantity': '每人限领数量（perMemberLimit）不能超过发放总数（quantity）',

  'rewards.claim.ownMerchant': '商户的工作人员不能领取本店的优惠',
  'rewards.claim.notActive':
    '这项优惠{status, select, pending_approval {还在等待审核} paused {已暂停} other {暂不开放}}，现在还不能领取',
  'rewards.claim.notYetValid': '这项优惠还没有开始，请到开始时间后再来领取',
  'rewards.claim.ended': '这项优惠已经结束了',
  'rewards.claim.tierTooLow':
    '这项优惠需要{minTier, select, 1 {一星} 2 {二星} 3 {三星} 4 {四星} 5 {五星} other {{minTier}星}}及以上志愿者才能领取，您目前是{tier, select, 0 {社区志愿者} 1 {一星志愿者} 2 {二星志愿者} 3 {三星志愿者} 4 {四星志愿者} other {{tier}星志愿者}}',
  'rewards.claim.limitReached': '您领取这项优惠的次数已经到上限了（每人最多 {perMemberLimit} 次）',
  'rewards.claim.soldOut': '这项优惠的兑换券已经领完了',
  'rewards.claim.insufficientCredits':
    '领取这项优惠需要 {creditCostMinutes} 分钟积分，您现在可用的只有 {availableMinutes} 分钟',
  'rewards.claim.refusedKey':
    '用这个请求编号（Idempotency-Key）提交的领取没有成功，请换一个新的编号再领取',

  'rewards.redeem.staffOnly': '只有商户的工作人员可以核销兑换券',
  'rewards.redeem.noSuchVoucher': '找不到这张兑换券：请核对兑换码，并确认是本店的兑换券',
  'rewards.redeem.expired': '这张兑换券已经过期，不能再使用',
  'rewards.redeem.already':
    '{status, select, redeemed {这张兑换券已经使用过了，不能重复使用} cancelled {这张兑换券已被持券人退回，不能使用} expired {这张兑换券已经过期，不能再使用} other {这张兑换券现在不能使用}}',
  'rewards.redeem.tooManyFailures': '兑换码输错的次数太多了，为了安全请过一会儿再试',
  'rewards.voucher.cancelState':
    '这张兑换券{status, select, redeemed {已经使用过了} cancelled {已经退回过了} expired {已经过期了} other {现在不能退回}}，只有还没使用的兑换券才能退回',
  'rewards.redemptions.forbidden': '只有这家商户的工作人员和所在社区的协调员可以查看核销记录',
  'rewards.settlements.forbidden': '只有这家商户的工作人员和所在社区的协调员可以查看结算记录',

  'rewards.settle.forbidden': '只有商户所在社区的协调员可以为它结算',
  'rewards.settle.ownStaff': '商户自己的工作人员不能为本店结算，请由另一位协调员办理',
  'rewards.settle.nothing': '这家商户目前没有可以结算的积分',

  'rewards.discount.percent': '{field} 应为 1 到 100 之间的整数（优惠的百分比）',
  'rewards.discount.amount': '{field} 应为大于 0 的金额，最多两位小数',
  'rewards.discount.item': '{field} 请写明赠送的物品（1 到 200 个字）',
  'rewards.field.phone': '{field} 应为有效的电话号码',
};
