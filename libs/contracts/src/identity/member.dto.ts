import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { Role, ROLES, SELF_SERVICE_ROLES } from '../common/roles';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
const PHONE_SHAPE = /^\+?[0-9][0-9 ()-]{3,30}$/;

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
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class ContactFields {
  @ApiPropertyOptional({
    maxLength: 254,
    description: 'E-mail, unique regardless of case; email or phone is required',
  })
  @ValidateIf((o: ContactFields) => o.phone === undefined || o.email !== undefined)
  @IsDefined({ message: 'email or phone is required' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: 32, description: 'Phone number, stored normalised (E.164)' })
  @IsOptional()
  @IsString()
  @Matches(PHONE_SHAPE, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, {
    message: `password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString()
  @Matches(/\S/, { message: 'displayName must not be blank' })
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  communityId!: string;
}

export class RegisterMemberDto extends ContactFields {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  gridUnitId?: string;

  @ApiPropertyOptional({ enum: SELF_SERVICE_ROLES, isArray: true, default: ['resident'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(SELF_SERVICE_ROLES.length)
  @IsIn(SELF_SERVICE_ROLES, { each: true, message: 'roles may only hold resident and volunteer' })
  roles?: Role[];
}

export class CreateMemberDto extends ContactFields {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  gridUnitId?: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for merchant staff' })
  @IsOptional()
  @IsUUID('all')
  merchantId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Required for coordinators',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  coordinatorOf?: string[];
}

export class UpdateMemberDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  priorityHousehold?: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null takes the member out of any grid unit',
  })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @IsUUID('all')
  gridUnitId?: string | null;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
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
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'displayName must not be blank' })
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({
    maxLength: 32,
    description: 'A new phone number, stored normalised (E.164)',
  })
  @IsOptional()
  @IsString()
  @Matches(PHONE_SHAPE, { message: 'phone must be a phone number' })
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

export class LoginResult {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn!: number;
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
