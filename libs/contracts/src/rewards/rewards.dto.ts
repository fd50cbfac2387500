import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/page';
import { PersonView } from '../common/person';
import { IsCalendarDate } from '../common/dates';
import { MessageKey } from '../i18n/en';
import { fieldMessage } from '../i18n/field-message';
import { FreeText, IsDateTimeWithZone, NO_NUL, Optional, WholeNumber } from '../common/validators';
import { OptionalUuid } from '../common/fields';
import { MAX_TRANSFER_MINUTES } from '../accounting/ledger.types';
import {
  DISCOUNT_KINDS,
  DiscountKind,
  MAX_OFFER_QUANTITY,
  OFFER_INELIGIBILITY_REASONS,
  OfferIneligibilityReason,
  MERCHANT_STATUSES,
  MerchantStatus,
  OFFER_STATUSES,
  OfferStatus,
  VOUCHER_STATUSES,
  VoucherStatus,
} from './rewards.types';

/**
 * A discount's value as its kind needs it: percent 1–100, an amount of money, or
 * an item. The answer is the message key of what is wrong, or null.
 */
export function discountValueProblem(kind: unknown, value: unknown): MessageKey | null {
  switch (kind) {
    case 'percent':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 100
        ? null
        : 'rewards.discount.percent';
    case 'amount':
      return typeof value === 'number' &&
        value > 0 &&
        value <= 1_000_000 &&
        Math.round(value * 100) === value * 100
        ? null
        : 'rewards.discount.amount';
    case 'item':
      return typeof value === 'string' &&
        /\S/.test(value) &&
        value.length <= 200 &&
        NO_NUL.test(value)
        ? null
        : 'rewards.discount.item';
    default:
      return null; // the kind's own check reports it
  }
}

function IsDiscountValue(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDiscountValue',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args) =>
          fieldMessage(
            discountValueProblem((args.object as DiscountDto).kind, args.value) ?? 'field.invalid',
          )(args),
      },
      validator: {
        validate: (value: unknown, args) =>
          discountValueProblem((args?.object as DiscountDto).kind, value) === null,
      },
    });
}

// ---- public HTTP bodies and queries (gateway) ----

export class CreateMerchantDto {
  @ApiProperty({ maxLength: 100, example: '青山豆浆铺' })
  @FreeText('name', 100)
  name!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  communityId!: string;

  @ApiProperty({ maxLength: 300, example: '青山路 12 号' })
  @FreeText('address', 300)
  address!: string;

  @ApiPropertyOptional({ maxLength: 200, example: '王老板 138 0013 8000' })
  @Optional()
  @FreeText('contact', 200, 0)
  contact?: string;
}

export class DiscountDto {
  @ApiProperty({ enum: DISCOUNT_KINDS })
  @IsIn(DISCOUNT_KINDS, {
    message: fieldMessage('field.isIn', { values: DISCOUNT_KINDS.join(', ') }),
  })
  kind!: DiscountKind;

  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'string' }],
    description:
      'percent: 1–100; amount: money off, e.g. 5.5; item: what is given, e.g. "一杯豆浆"',
    example: 10,
  })
  @IsDefined({ message: fieldMessage('field.isDefined') })
  @IsDiscountValue()
  value!: number | string;
}

export class CreateOfferDto {
  @ApiProperty({ maxLength: 200, example: '豆浆九折' })
  @FreeText('title', 200)
  title!: string;

  @ApiProperty({ maxLength: 4000, example: '每天早上 6 点到 10 点' })
  @FreeText('description', 4000, 0)
  description!: string;

  @ApiProperty({ type: DiscountDto })
  @IsDefined({ message: fieldMessage('field.isDefined') })
  @ValidateNested()
  @Type(() => DiscountDto)
  discount!: DiscountDto;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_TRANSFER_MINUTES, example: 60 })
  @WholeNumber('creditCostMinutes', 1, MAX_TRANSFER_MINUTES)
  creditCostMinutes!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    description: 'The lowest tier level that may claim it (0: everyone)',
  })
  @WholeNumber('minTier', 0, 100)
  minTier!: number;

  @ApiProperty({ format: 'date-time' })
  @IsDateTimeWithZone('validFrom')
  validFrom!: string;

  @ApiProperty({ format: 'date-time', description: 'After validFrom' })
  @IsDateTimeWithZone('validUntil')
  validUntil!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_OFFER_QUANTITY, example: 50 })
  @WholeNumber('quantity', 1, MAX_OFFER_QUANTITY)
  quantity!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000, example: 1 })
  @WholeNumber('perMemberLimit', 1, 1000)
  perMemberLimit!: number;
}

export class ListOffersQuery extends PageQueryDto {
  @OptionalUuid()
  communityId?: string;

  @OptionalUuid()
  merchantId?: string;

  @ApiPropertyOptional({
    enum: OFFER_STATUSES,
    description:
      'Only offers in this state (pending_approval: waiting for a coordinator; paused), of ' +
      'those the caller sees',
  })
  @Optional()
  @IsIn(OFFER_STATUSES)
  status?: OfferStatus;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only offers the caller may claim now (tier, limit, window, stock, credits)',
  })
  @Optional()
  @IsIn(['true', 'false'], { message: fieldMessage('field.isBoolean') })
  eligible?: 'true' | 'false';
}

export class MyVouchersQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: VOUCHER_STATUSES })
  @Optional()
  @IsIn(VOUCHER_STATUSES)
  status?: VoucherStatus;
}

export class RedeemVoucherDto {
  @ApiProperty({
    maxLength: 100,
    example: 'K7QM3XPA',
    description: 'The code as printed (case, spaces and dashes do not matter) or the QR payload',
  })
  @IsString()
  @MinLength(1, { message: fieldMessage('field.notEmpty') })
  @MaxLength(100)
  code!: string;
}

export class RedemptionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-05-03',
    description: "Only redemptions on or after this city's day (today's: from=to=today)",
  })
  @Optional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-05-03',
    description: "Only redemptions on or before this city's day",
  })
  @Optional()
  @IsCalendarDate()
  to?: string;
}

export class SettlementDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_TRANSFER_MINUTES,
    description: "Default: all of the merchant's available credits",
  })
  @Optional()
  @WholeNumber('minutes', 1, MAX_TRANSFER_MINUTES)
  minutes?: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @Optional()
  @FreeText('memo', 500, 0)
  memo?: string;
}

// ---- NATS commands (services) ----

class IdempotentCommand {
  @IsString() @MinLength(1) @MaxLength(300) idempotencyKey!: string;
}

/** `rewards.merchant.get` (internal) and other commands naming one thing by id. */
export class RewardsIdCommand {
  @IsUUID('all') id!: string;
}

/** `rewards.offer.create`. */
export class CreateOfferCommand {
  @IsUUID('all') merchantId!: string;
  @ValidateNested() @Type(() => CreateOfferDto) offer!: CreateOfferDto;
}

/** `rewards.offer.claim`. */
export class ClaimOfferCommand extends IdempotentCommand {
  @IsUUID('all') id!: string;
}

/** `rewards.voucher.redeem`. */
export class RedeemVoucherCommand extends IdempotentCommand {
  @ValidateNested() @Type(() => RedeemVoucherDto) redemption!: RedeemVoucherDto;
}

/** `rewards.redemption.list`. */
export class MerchantRedemptionsQuery extends RedemptionsQueryDto {
  @IsUUID('all') merchantId!: string;
}

/** `rewards.settlement.list`. */
export class MerchantSettlementsQuery extends PageQueryDto {
  @IsUUID('all') merchantId!: string;
}

/** `rewards.settlement.create`. */
export class CreateSettlementCommand extends IdempotentCommand {
  @IsUUID('all') merchantId!: string;
  @ValidateNested() @Type(() => SettlementDto) settlement!: SettlementDto;
}

// ---- views ----

export class MerchantView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MERCHANT_STATUSES }) status!: MerchantStatus;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ type: String, nullable: true }) contact!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DiscountView {
  @ApiProperty({ enum: DISCOUNT_KINDS }) kind!: DiscountKind;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }] }) value!: number | string;
}

export class OfferEligibilityView {
  @ApiProperty({ description: 'Whether the caller may claim this offer now' }) ok!: boolean;
  @ApiProperty({
    type: String,
    enum: OFFER_INELIGIBILITY_REASONS,
    nullable: true,
    description:
      'Why not (null when ok): own_merchant (staff of its merchant), not_active (pending or ' +
      'paused), not_yet_valid, expired (past validUntil), tier_too_low, limit_reached ' +
      '(per-member limit), sold_out, insufficient_credits (available credits below the cost). ' +
      'The claim answers 409 NOT_ELIGIBLE, INVALID_STATE, SOLD_OUT or INSUFFICIENT_CREDITS alike.',
  })
  reason!: OfferIneligibilityReason | null;
}

export class OfferView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) merchantId!: string;
  @ApiProperty() merchantName!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: DiscountView }) discount!: DiscountView;
  @ApiProperty({ type: 'integer' }) creditCostMinutes!: number;
  @ApiProperty({ type: 'integer' }) minTier!: number;
  @ApiProperty({ format: 'date-time' }) validFrom!: string;
  @ApiProperty({ format: 'date-time' }) validUntil!: string;
  @ApiProperty({ type: 'integer' }) quantity!: number;
  @ApiProperty({ type: 'integer' }) perMemberLimit!: number;
  @ApiProperty({ enum: OFFER_STATUSES }) status!: OfferStatus;
  @ApiProperty({
    type: 'integer',
    description: 'Vouchers still to be had: quantity − issued − redeemed',
  })
  remaining!: number;
  @ApiProperty({ type: OfferEligibilityView, description: 'Whether the caller may claim it now' })
  eligibility!: OfferEligibilityView;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) approvedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class OfferPage {
  @ApiProperty({ type: [OfferView] }) items!: OfferView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class VoucherView {
  @ApiProperty({ format: 'uuid' }) voucherId!: string;
  @ApiProperty({ example: 'K7QM3XPA' }) code!: string;
  @ApiProperty({ example: 'TB:V1:K7QM3XPA', description: 'What a QR code of the voucher carries' })
  qrPayload!: string;
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty() offerTitle!: string;
  @ApiProperty({ format: 'uuid' }) merchantId!: string;
  @ApiProperty({ type: DiscountView }) discount!: DiscountView;
  @ApiProperty({ type: 'integer' }) creditCostMinutes!: number;
  @ApiProperty({ enum: VOUCHER_STATUSES }) status!: VoucherStatus;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) redeemedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
}

export class VoucherPage {
  @ApiProperty({ type: [VoucherView] }) items!: VoucherView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class RedeemedVoucherView {
  @ApiProperty({ format: 'uuid' }) voucherId!: string;
  @ApiProperty({ enum: ['redeemed'] }) status!: 'redeemed';
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty() offerTitle!: string;
  @ApiProperty() memberDisplayName!: string;
  @ApiProperty({ type: DiscountView }) discount!: DiscountView;
  @ApiProperty({ type: 'integer' }) creditCostMinutes!: number;
  @ApiProperty({ format: 'date-time' }) redeemedAt!: string;
}

export class RedemptionView {
  @ApiProperty({ format: 'uuid' }) voucherId!: string;
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty() offerTitle!: string;
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty() memberDisplayName!: string;
  @ApiProperty({ type: DiscountView }) discount!: DiscountView;
  @ApiProperty({ type: 'integer' }) creditCostMinutes!: number;
  @ApiProperty({ format: 'date-time' }) redeemedAt!: string;
  @ApiProperty({ format: 'uuid', description: 'The staff member who redeemed it' })
  redeemedBy!: string;
}

export class RedemptionPage {
  @ApiProperty({ type: [RedemptionView] }) items!: RedemptionView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** A settlement as its merchant received it: its credits paid back to the community fund. */
export class SettlementView {
  @ApiProperty({ format: 'uuid' }) settlementId!: string;
  @ApiProperty({ format: 'uuid', description: 'The ledger transfer (kind settlement)' })
  transferId!: string;
  @ApiProperty({ format: 'uuid' }) merchantId!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ type: 'integer', description: 'Credits settled' }) minutes!: number;
  @ApiProperty({ type: String, nullable: true }) memo!: string | null;
  @ApiProperty({ format: 'date-time' }) settledAt!: string;
  @ApiProperty({ type: PersonView, description: 'The coordinator (or admin) who settled it' })
  settledBy!: PersonView;
}

export class SettlementPage {
  @ApiProperty({ type: [SettlementView] }) items!: SettlementView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** `rewards.report.get` answer. */
export interface RewardsReport {
  communityId: string;
  /** Vouchers redeemed at the community's merchants in the period. */
  vouchersRedeemed: number;
}
