import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  NotEquals,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/page';
import { IsCardNumber } from '../volunteers/card-number';
import { PHONE_SHAPE } from '../volunteers/member.dto';
import { Optional, WholeNumber } from '../common/validators';
import { fieldMessage } from '../i18n/field-message';
import {
  ACCOUNT_OWNER_TYPES,
  AccountOwnerType,
  HoldStatus,
  MAX_TRANSFER_MINUTES,
  TRANSFER_KINDS,
  TransferKind,
} from './ledger.types';

/** Names an account by its owner; the issuance account has no owner id. */
export class AccountOwnerRef {
  @IsIn(ACCOUNT_OWNER_TYPES)
  type!: AccountOwnerType;

  @ValidateIf((o: AccountOwnerRef) => o.type !== 'issuance')
  @IsUUID('all')
  id?: string;
}

/** Every command that moves credits carries the key that makes a retry harmless. */
class IdempotentCommand {
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  idempotencyKey!: string;
}

// ---- public HTTP bodies (gateway) ----

/** The three ways a gift names its recipient; a gift uses exactly one. */
export const GIFT_RECIPIENT_FIELDS = ['toMemberId', 'toPhone', 'toCardNumber'] as const;

export class GiftDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The member who receives the credits (or toPhone, or toCardNumber)',
  })
  @Optional()
  @IsUUID('all', { message: fieldMessage('field.isUuid') })
  toMemberId?: string;

  @ApiPropertyOptional({
    maxLength: 32,
    example: '139 1234 5678',
    description: 'The phone number of the member who receives the credits, in any common notation',
  })
  @Optional()
  @IsString()
  @MaxLength(32)
  @Matches(PHONE_SHAPE, { message: fieldMessage('rewards.field.phone') })
  toPhone?: string;

  @ApiPropertyOptional({
    example: '3141 5926 53',
    description: 'The card number of the member who receives the credits (spaces, dashes allowed)',
  })
  @Optional()
  @IsString()
  @MaxLength(32)
  @IsCardNumber('toCardNumber')
  toCardNumber?: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_TRANSFER_MINUTES, example: 60 })
  @WholeNumber('minutes', 1, MAX_TRANSFER_MINUTES)
  minutes!: number;

  @ApiPropertyOptional({ maxLength: 500, example: '给妈妈的时间' })
  @Optional()
  @IsString()
  @MaxLength(500)
  memo?: string;
}

export class AdjustmentDto {
  @ApiProperty({
    type: 'integer',
    minimum: -MAX_TRANSFER_MINUTES,
    maximum: MAX_TRANSFER_MINUTES,
    description:
      'Not 0: positive credits the member from its community fund; negative returns credits to the fund',
    example: -30,
  })
  @IsInt({ message: fieldMessage('field.isInt') })
  @NotEquals(0, { message: fieldMessage('field.notEquals', { value: 0 }) })
  @Min(-MAX_TRANSFER_MINUTES)
  @Max(MAX_TRANSFER_MINUTES)
  minutes!: number;

  @ApiProperty({ maxLength: 500, example: 'Hours logged twice on 3 May' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class AllocationDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_TRANSFER_MINUTES, example: 60000 })
  @WholeNumber('minutes', 1, MAX_TRANSFER_MINUTES)
  minutes!: number;

  @ApiPropertyOptional({ maxLength: 500, example: '2026 Q4 allocation' })
  @Optional()
  @IsString()
  @MaxLength(500)
  memo?: string;
}

export class ReverseDto {
  @ApiProperty({ maxLength: 500, example: 'Paid to the wrong volunteer' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class StatementQueryDto extends PageQueryDto {}

// ---- NATS commands (services) ----

/** `accounting.gift.create`: the actor gives credits to another member. */
export class GiftCommand extends IdempotentCommand {
  @ValidateNested() @Type(() => GiftDto) gift!: GiftDto;
}

/** `accounting.adjustment.create`. */
export class AdjustmentCommand extends IdempotentCommand {
  @IsUUID('all') memberId!: string;
  @ValidateNested() @Type(() => AdjustmentDto) adjustment!: AdjustmentDto;
}

/** `accounting.allocation.create`: issuance → a community fund. */
export class AllocationCommand extends IdempotentCommand {
  @IsUUID('all') communityId!: string;
  @ValidateNested() @Type(() => AllocationDto) allocation!: AllocationDto;
}

/** `accounting.transfer.reverse`. */
export class ReverseCommand extends IdempotentCommand {
  @IsUUID('all') transferId!: string;
  @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

/** `accounting.transfer.create`: the ledger's own command, for services (not exposed over HTTP). */
export class CreateTransferCommand extends IdempotentCommand {
  @IsIn(TRANSFER_KINDS) kind!: TransferKind;
  @ValidateNested() @Type(() => AccountOwnerRef) from!: AccountOwnerRef;
  @ValidateNested() @Type(() => AccountOwnerRef) to!: AccountOwnerRef;

  @WholeNumber('minutes', 1, MAX_TRANSFER_MINUTES)
  minutes!: number;

  @Optional() @IsString() @MaxLength(200) reference?: string;
  @Optional() @IsString() @MaxLength(500) memo?: string;
  /** Carried unchanged into the transfer-posted event (a service record entry's details). */
  @Optional() @IsObject() details?: Record<string, unknown>;
}

/** `accounting.hold.create`: reserve credits now, post or void them later. */
export class CreateHoldCommand extends IdempotentCommand {
  @IsIn(TRANSFER_KINDS) kind!: TransferKind;
  @ValidateNested() @Type(() => AccountOwnerRef) from!: AccountOwnerRef;
  /** The recipient, when already known; otherwise named when the hold is posted. */
  @Optional() @ValidateNested() @Type(() => AccountOwnerRef) to?: AccountOwnerRef;

  @WholeNumber('minutes', 1, MAX_TRANSFER_MINUTES)
  minutes!: number;

  @Optional() @IsString() @MaxLength(200) reference?: string;
  @Optional() @IsString() @MaxLength(500) memo?: string;
  /** When an unresolved hold voids itself; none means never. */
  @Optional() @IsDateString() expiresAt?: string;
}

/** `accounting.hold.post`: pays up to the held amount to the hold's recipient; the rest is released. */
export class PostHoldCommand extends IdempotentCommand {
  @IsUUID('all') holdId!: string;
  /** Defaults to the held amount; 0 releases it all without a transfer. */
  @Optional() @IsInt() @Min(0) @Max(MAX_TRANSFER_MINUTES) minutes?: number;
  /** The recipient, when it is only known at posting time (the volunteer who served). */
  @Optional() @ValidateNested() @Type(() => AccountOwnerRef) to?: AccountOwnerRef;
  @Optional() @IsString() @MaxLength(500) memo?: string;
  /** Carried unchanged into the transfer-posted event (a service record entry's details). */
  @Optional() @IsObject() details?: Record<string, unknown>;
}

/** One payment of a hold settled to several recipients. */
export class HoldPayment {
  @ValidateNested() @Type(() => AccountOwnerRef) to!: AccountOwnerRef;
  @WholeNumber('minutes', 1, MAX_TRANSFER_MINUTES) minutes!: number;
  @Optional() @IsString() @MaxLength(500) memo?: string;
  /** Carried unchanged into the payment's transfer-posted event (a service record entry's details). */
  @Optional() @IsObject() details?: Record<string, unknown>;
}

/**
 * Pays several recipients from one hold, releases the rest (the ledger's
 * activity close, inside its event consumer; not a message of its own).
 */
export class SettleHoldCommand extends IdempotentCommand {
  @IsUUID('all') holdId!: string;
  @ValidateNested({ each: true }) @Type(() => HoldPayment) payments!: HoldPayment[];
}

/** `accounting.hold.void`. */
export class VoidHoldCommand {
  @IsUUID('all') holdId!: string;
}

/** `accounting.account.get` / `accounting.statement.get`. */
export class AccountQuery extends PageQueryDto {
  @ValidateNested() @Type(() => AccountOwnerRef) owner!: AccountOwnerRef;
}

/** `accounting.account.get-many`: several at once. */
export class AccountsQuery {
  @ValidateNested({ each: true }) @Type(() => AccountOwnerRef) owners!: AccountOwnerRef[];
}

/** `accounting.member-account.get`: a member's credits as staff see them. */
export class MemberAccountQuery {
  @IsUUID('all') memberId!: string;
}

/** `accounting.fund.get`. */
export class FundQuery {
  @IsUUID('all') communityId!: string;
}

/** `accounting.overdraft-limit.set`: a member's overdraft limit (admin). */
export class SetOverdraftLimitCommand {
  @IsUUID('all') memberId!: string;
  @IsInt() @Min(0) @Max(100_000) overdraftLimitMinutes!: number;
}

/**
 * `<service>.hold-owner.check`: the ledger asks the service a hold was taken
 * for whether the row it belongs to holds it (see hold-owner.ts).
 */
export class HoldOwnerCheckQuery {
  @IsUUID()
  holdId!: string;

  /** The id in the hold's key: the request, voucher or hour log. */
  @IsUUID()
  rowId!: string;
}

// ---- views ----

export interface HoldOwnerAnswer {
  /** The row exists and may still use this hold. */
  present: boolean;
}

export class TierView {
  @ApiProperty({ type: 'integer', example: 1 }) level!: number;
  @ApiProperty({ example: 'One-star volunteer' }) name!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 18000,
    description: 'null at the top tier',
  })
  nextLevelAtMinutes!: number | null;
}

export class AccountView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ enum: ACCOUNT_OWNER_TYPES }) ownerType!: AccountOwnerType;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) communityId!: string | null;
  @ApiProperty({ type: 'integer' }) balanceMinutes!: number;
  @ApiProperty({ type: 'integer' }) heldMinutes!: number;
  @ApiProperty({ type: 'integer', description: 'balance − held + overdraft limit' })
  availableMinutes!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'null: unlimited (the issuance account)',
  })
  overdraftLimitMinutes!: number | null;
  @ApiProperty({ type: 'integer' }) lifetimeEarnedMinutes!: number;
}

export class MyAccountView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ type: 'integer' }) balanceMinutes!: number;
  @ApiProperty({ type: 'integer' }) heldMinutes!: number;
  @ApiProperty({ type: 'integer' }) availableMinutes!: number;
  @ApiProperty({ type: 'integer' }) overdraftLimitMinutes!: number;
  @ApiProperty({ type: 'integer' }) lifetimeEarnedMinutes!: number;
  @ApiProperty({ type: TierView }) tier!: TierView;
}

export class FundView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ type: 'integer' }) balanceMinutes!: number;
  @ApiProperty({ type: 'integer' }) heldMinutes!: number;
  @ApiProperty({ type: 'integer' }) availableMinutes!: number;
}

export class TransferView {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty({ enum: TRANSFER_KINDS }) kind!: TransferKind;
  @ApiProperty({ type: 'integer' }) minutes!: number;
  @ApiProperty({ format: 'uuid' }) fromAccountId!: string;
  @ApiProperty({ format: 'uuid' }) toAccountId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) memo!: string | null;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reversesTransferId!: string | null;
}

export class CounterpartyView {
  @ApiProperty({ enum: ACCOUNT_OWNER_TYPES }) type!: AccountOwnerType;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty() name!: string;
}

export class StatementItemView {
  @ApiProperty({ format: 'uuid' }) transferId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: TRANSFER_KINDS }) kind!: TransferKind;
  @ApiProperty({ type: 'integer', description: 'Negative for credits going out' }) minutes!: number;
  @ApiProperty({ type: 'integer' }) balanceAfterMinutes!: number;
  @ApiProperty({ type: CounterpartyView }) counterparty!: CounterpartyView;
  @ApiProperty({ type: String, nullable: true }) memo!: string | null;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
}

export class StatementPage {
  @ApiProperty({ type: [StatementItemView] }) items!: StatementItemView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export interface HoldView {
  holdId: string;
  kind: TransferKind;
  status: HoldStatus;
  minutes: number;
  postedMinutes: number | null;
  fromAccountId: string;
  toAccountId: string | null;
  reference: string | null;
  expiresAt: string | null;
  transferId: string | null;
  createdAt: string;
  /** Set when the ledger voided the hold because the row it was taken for never appeared. */
  voidedBecause: 'owner-absent' | null;
}

export class LedgerViolationView {
  @ApiProperty({ example: 'balance_mismatch' }) rule!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) accountId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) transferId!: string | null;
  @ApiProperty({ example: 'balance 120 but its entries sum to 100' }) detail!: string;
}

export class LedgerCheckView {
  @ApiProperty() balanced!: boolean;
  @ApiProperty({ type: 'integer', description: 'Sum of every balance: 0 when the books balance' })
  totalMinutes!: number;
  @ApiProperty({ type: 'integer', description: 'How many accounts were checked' })
  accounts!: number;
  @ApiProperty({ type: 'integer', description: 'How many transfers were checked' })
  transfers!: number;
  @ApiProperty({ type: [LedgerViolationView] }) violations!: LedgerViolationView[];
}
