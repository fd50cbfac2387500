import { HoldOwnerAnswer, HoldOwnerCheckQuery, TransferView } from '../accounting/ledger.dto';
import { CommunityQueueQuery, RewardsQueue } from '../queue/queue.dto';
import { CommunityPeriodQuery } from '../reports/report.dto';
import { RewardsWeeklyReport } from '../reports/weekly-report.dto';
import { RewardsReport } from './rewards.dto';
import { message, reply } from '../message';
import {
  ClaimOfferCommand,
  CreateMerchantDto,
  CreateOfferCommand,
  CreateSettlementCommand,
  ListOffersQuery,
  MerchantRedemptionsQuery,
  MerchantSettlementsQuery,
  MerchantView,
  MyVouchersQuery,
  OfferPage,
  OfferView,
  RedeemedVoucherView,
  RedeemVoucherCommand,
  RedemptionPage,
  RewardsIdCommand,
  SettlementPage,
  VoucherPage,
  VoucherView,
} from './rewards.dto';

/**
 * Every request–reply message the rewards service answers, declared once:
 * subject, payload class, reply type. Callers pass these to
 * `ServiceClient.call`, handlers to `@Handles`.
 */
export const RewardsMessages = {
  // what the gateway asks on a member's behalf
  merchantCreate: message('rewards.merchant.create', CreateMerchantDto, reply<MerchantView>()),
  offerCreate: message('rewards.offer.create', CreateOfferCommand, reply<OfferView>()),
  offerApprove: message('rewards.offer.approve', RewardsIdCommand, reply<OfferView>()),
  offerPause: message('rewards.offer.pause', RewardsIdCommand, reply<OfferView>()),
  offerResume: message('rewards.offer.resume', RewardsIdCommand, reply<OfferView>()),
  offerList: message('rewards.offer.list', ListOffersQuery, reply<OfferPage>()),
  offerClaim: message('rewards.offer.claim', ClaimOfferCommand, reply<VoucherView>()),
  voucherListMine: message('rewards.voucher.list-mine', MyVouchersQuery, reply<VoucherPage>()),
  voucherRedeem: message(
    'rewards.voucher.redeem',
    RedeemVoucherCommand,
    reply<RedeemedVoucherView>(),
  ),
  voucherCancel: message('rewards.voucher.cancel', RewardsIdCommand, reply<VoucherView>()),
  redemptionList: message(
    'rewards.redemption.list',
    MerchantRedemptionsQuery,
    reply<RedemptionPage>(),
  ),
  settlementCreate: message(
    'rewards.settlement.create',
    CreateSettlementCommand,
    reply<TransferView>(),
  ),
  settlementList: message(
    'rewards.settlement.list',
    MerchantSettlementsQuery,
    reply<SettlementPage>(),
  ),

  // what other services ask (never exposed over HTTP)
  merchantGet: message('rewards.merchant.get', RewardsIdCommand, reply<MerchantView>()),

  // asked by the ledger's hold-owner sweeper
  holdOwnerCheck: message(
    'rewards.hold-owner.check',
    HoldOwnerCheckQuery,
    reply<HoldOwnerAnswer>(),
  ),

  // asked by the gateway for a community's report and queue
  reportGet: message('rewards.report.get', CommunityPeriodQuery, reply<RewardsReport>()),
  weeklyReportGet: message(
    'rewards.weekly-report.get',
    CommunityPeriodQuery,
    reply<RewardsWeeklyReport>(),
  ),
  communityQueueGet: message(
    'rewards.community-queue.get',
    CommunityQueueQuery,
    reply<RewardsQueue>(),
  ),
} as const;
