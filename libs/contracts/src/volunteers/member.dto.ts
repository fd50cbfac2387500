import { MEMBER_STATUSES, MemberStatus } from './rights';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { MAX_PAGE_SIZE, PageLimit } from '../common/page';
import { Role, ROLES, SELF_SERVICE_ROLES } from '../common/roles';
import { NO_NUL, Optional, OptionalNullable } from '../common/validators';
import { OptionalUuid } from '../common/fields';
import { fieldMessage } from '../i18n/field-message';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** Longer than any IPv6 address with a zone; a forged X-Forwarded-For is cut to it. */
export const CLIENT_ADDRESS_MAX_LENGTH = 100;
/** What a phone number may look like when typed: the service normalises it (E.164). */
export const PHONE_SHAPE = /^\+?[0-9][0-9 ()-]{3,30}$/;

/** What a member looks like to clients (`member` in API.md). */
export class MemberView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'li.hua@example.cn' }) email!:
    string | null;
  @ApiProperty({ type: String, nullable: true, example: '+8613800138000' }) phone!: string | null;
  @ApiProperty({ example: '李华' }) displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) communityId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) gridUnitId!: string | null;
  @ApiProperty() priorityHousehold!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) merchantId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) coordinatorOf!: string[];
  @ApiProperty({
    enum: MEMBER_STATUSES,
    description: 'A suspended member cannot sign in; nothing of theirs is deleted',
  })
  status!: MemberStatus;
  @ApiProperty({
    description:
      'A temporary password was given by staff: until it is changed, every route but GET /me, ' +
      'POST /me/password and POST /auth/logout answers 403 PASSWORD_CHANGE_REQUIRED',
  })
  mustChangePassword!: boolean;
  @ApiProperty({ enum: ['zh-CN', 'en'], description: 'The language of messages to this member' })
  locale!: 'zh-CN' | 'en';
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    example: '3141592653',
    pattern: '^[0-9]{10}$',
    description: 'Printed on the member card: 10 digits, the last a Luhn check digit',
  })
  cardNumber!: string;
}

class ContactFields {
  @ApiPropertyOptional({
    maxLength: 254,
    description: 'E-mail, unique regardless of case; email or phone is required',
  })
  @ValidateIf((o: ContactFields) => o.phone === undefined || o.email !== undefined)
  @IsDefined({ message: fieldMessage('volunteers.members.emailOrPhone') })
  @IsEmail({}, { message: fieldMessage('field.isEmail') })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: 32, description: 'Phone number, stored normalised (E.164)' })
  @Optional()
  @IsString()
  @Matches(PHONE_SHAPE, { message: fieldMessage('volunteers.members.phoneShape') })
  phone?: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, {
    message: fieldMessage('field.minLength', { min: PASSWORD_MIN_LENGTH }),
  })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString()
  @Matches(/\S/, { message: fieldMessage('field.notBlank') })
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  communityId!: string;
}

export class RegisterMemberDto extends ContactFields {
  @OptionalUuid()
  gridUnitId?: string;

  @ApiPropertyOptional({ enum: SELF_SERVICE_ROLES, isArray: true, default: ['resident'] })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(SELF_SERVICE_ROLES.length)
  @IsIn(SELF_SERVICE_ROLES, {
    each: true,
    message: fieldMessage('volunteers.members.selfServiceRoles'),
  })
  roles?: Role[];
}

export class CreateMemberDto extends ContactFields {
  @OptionalUuid()
  gridUnitId?: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for merchant staff' })
  @Optional()
  @IsUUID('all')
  merchantId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Required for coordinators',
  })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  coordinatorOf?: string[];
}

export class UpdateMemberDto {
  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  priorityHousehold?: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null takes the member out of any grid unit',
  })
  @OptionalNullable()
  @IsUUID('all')
  gridUnitId?: string | null;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 100,
    description: 'Correct the name on the member’s card; every view naming them follows',
  })
  @Optional()
  @IsString()
  @Matches(/\S/, { message: fieldMessage('field.notBlank') })
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({
    maxLength: 32,
    description: 'A new phone number, stored normalised (E.164)',
  })
  @Optional()
  @IsString()
  @Matches(PHONE_SHAPE, { message: fieldMessage('volunteers.members.phoneShape') })
  phone?: string;
}

export class LoginDto {
  @ApiProperty({ description: 'E-mail or phone', maxLength: 254 })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  login!: string;

  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

/**
 * `volunteers.credentials.verify`: a sign-in attempt and the address it came
 * from, so failures are counted per account, per address and per both.
 */
export class VerifyCredentialsCommand extends LoginDto {
  /** The client address the gateway saw (X-Forwarded-For only when it trusts a proxy). */
  @IsString()
  @MinLength(1)
  @MaxLength(CLIENT_ADDRESS_MAX_LENGTH)
  clientAddress!: string;
}

/**
 * The access token a sign-in or a refresh hands out and how long it lasts:
 * one class, so both answers describe their token alike (their first fields).
 */
export class AccessTokenGrant {
  @ApiProperty() accessToken!: string;
  @ApiProperty({
    type: 'integer',
    description: 'Seconds until the access token expires',
    example: 900,
  })
  expiresIn!: number;
}

export class LoginResult extends AccessTokenGrant {
  @ApiProperty({ type: MemberView }) member!: MemberView;
  @ApiProperty({ description: 'Trade it at POST /auth/refresh for a new access token' })
  refreshToken!: string;
  @ApiProperty({ format: 'date-time' }) refreshExpiresAt!: string;
}

export class RegisterResult {
  @ApiProperty({ type: MemberView }) member!: MemberView;
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Trade it at POST /auth/refresh for a new access token' })
  refreshToken!: string;
  @ApiProperty({ format: 'date-time' }) refreshExpiresAt!: string;
}

/** Payload of `volunteers.member.update`: which member, and what changes. */
export class UpdateMemberCommand {
  @IsUUID('all') id!: string;
  @IsDefined()
  @ValidateNested()
  @Type(() => UpdateMemberDto)
  changes!: UpdateMemberDto;
}

/** Payload of `volunteers.member.get`. */
export class MemberIdDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;
}

/** Several members at once, e.g. the staff named on a page of settlements. */
export class MemberIdsQuery {
  @IsArray()
  @ArrayMaxSize(MAX_PAGE_SIZE)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export const MEMBER_SEARCH_MAX_LENGTH = 100;
const limitMessage = fieldMessage('field.wholeNumberRange', { min: 1, max: MAX_PAGE_SIZE });

/** `GET /members`: the directory, for coordinators (their communities) and admins. */
export class ListMembersQuery {
  @PageLimit({ message: limitMessage })
  limit?: number;

  @ApiPropertyOptional({
    maxLength: MEMBER_SEARCH_MAX_LENGTH,
    example: '秀英',
    description:
      'Part of the display name (any part, case-insensitive), of the e-mail, or of the phone ' +
      'digits (3 or more, e.g. the last 4), a phone number in any notation, or a card number ' +
      '(spaces and dashes allowed). One or two characters match names only.',
  })
  @Optional()
  @IsString()
  @MaxLength(MEMBER_SEARCH_MAX_LENGTH)
  @Matches(NO_NUL, { message: fieldMessage('field.nul') })
  q?: string;

  @OptionalUuid()
  communityId?: string;

  @OptionalUuid()
  gridUnitId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES, { message: fieldMessage('field.isIn', { values: ROLES.join(', ') }) })
  role?: Role;

  @ApiPropertyOptional({ enum: MEMBER_STATUSES })
  @Optional()
  @IsIn(MEMBER_STATUSES, { message: fieldMessage('volunteers.members.statusIn') })
  status?: MemberStatus;

  // Longer than other lists' cursors: it carries the last display name (100 characters of any script).
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page', maxLength: 1000 })
  @Optional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}

export class MemberPage {
  @ApiProperty({ type: [MemberView] }) items!: MemberView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** `volunteers.member.find` (internal): the member with this phone or card number. */
export class FindMemberQuery {
  @Optional()
  @IsString()
  @MaxLength(64)
  phone?: string;

  @Optional()
  @IsString()
  @MaxLength(64)
  cardNumber?: string;
}

/** `volunteers.member.lookup` answer. */
export interface MemberSummary {
  id: string;
  displayName: string;
  communityId: string | null;
  gridUnitId: string | null;
  roles: string[];
  priorityHousehold: boolean;
  /** E.164 or null. */
  phone: string | null;
  /** The member row's version: what MemberUpdatedEvent.asOf compares with. */
  updatedAt: string;
}
