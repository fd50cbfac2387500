import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches } from 'class-validator';
import { AccessTokenGrant, MemberView } from './member.dto';
import { fieldMessage } from '../i18n/field-message';

/** Refresh tokens: 32 random bytes, base64url. */
export const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** `POST /auth/refresh` and `POST /auth/logout`. */
export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token from sign-in, registration or the last refresh' })
  @IsString()
  @Matches(REFRESH_TOKEN_PATTERN, { message: fieldMessage('volunteers.sessions.badRefreshToken') })
  refreshToken!: string;
}

/** `volunteers.session.open` (internal): a new session for a member who just proved who they are. */
export class OpenSessionCommand {
  @IsUUID('all') memberId!: string;
}

/** What the volunteers service answers when it opens or renews a session. */
export interface SessionGrant {
  member: MemberView;
  /** The member's rights version, for the access token (never shown to clients). */
  rightsVersion: number;
  /** The session the access token belongs to (never shown to clients). */
  sessionId: string;
  refreshToken: string;
  refreshExpiresAt: string;
}

export class RefreshResult extends AccessTokenGrant {
  @ApiProperty({ description: 'Use it once: every refresh hands out a new one' })
  refreshToken!: string;
  @ApiProperty({ format: 'date-time' }) refreshExpiresAt!: string;
  @ApiProperty({ type: MemberView }) member!: MemberView;
}
