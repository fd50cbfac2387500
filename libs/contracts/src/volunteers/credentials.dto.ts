import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { FreeText, Optional } from '../common/validators';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './member.dto';
import { fieldMessage } from '../i18n/field-message';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** `PATCH /me`. */
export class UpdateMeDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100, example: '王秀英' })
  @Optional()
  @FreeText('displayName', 100)
  displayName?: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'The language of messages to this member' })
  @Optional()
  @IsIn(LOCALES, { message: fieldMessage('field.isIn', { values: LOCALES.join(', ') }) })
  locale?: Locale;
}

/** `POST /me/password`. */
export class ChangePasswordDto {
  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(1, { message: fieldMessage('field.notEmpty') })
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, {
    message: fieldMessage('field.minLength', { min: PASSWORD_MIN_LENGTH }),
  })
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}

/** `POST /members/{id}/suspend`. */
export class SuspendMemberDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: '家属要求暂停账户' })
  @FreeText('reason', 500)
  reason!: string;
}

/** `POST /members/{id}/password-reset` answer: shown once, never stored in clear. */
export class TemporaryPasswordView {
  @ApiProperty({
    example: 'kq7m-3xtp-9fhw',
    description: 'Give it to the member; they must choose their own at their next sign-in',
  })
  temporaryPassword!: string;
}

/** `volunteers.me.update`. */
export class UpdateMeCommand {
  @IsDefined() @ValidateNested() @Type(() => UpdateMeDto) changes!: UpdateMeDto;
}

/** `volunteers.password.change`. */
export class ChangePasswordCommand {
  @IsDefined() @ValidateNested() @Type(() => ChangePasswordDto) change!: ChangePasswordDto;
}

/** `volunteers.password.reset` and `volunteers.member.reinstate`. */
export class MemberCommand {
  @IsUUID('all') id!: string;
}

/** `volunteers.member.suspend`. */
export class SuspendMemberCommand {
  @IsUUID('all') id!: string;
  @IsDefined() @ValidateNested() @Type(() => SuspendMemberDto) suspension!: SuspendMemberDto;
}
