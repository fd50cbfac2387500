import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { fieldMessage, Optional, REFRESH_TOKEN_PATTERN } from '@app/contracts';

/**
 * The body of `POST /auth/refresh` and `POST /auth/logout` at the gateway: the
 * contract's RefreshTokenDto, but the token may be left out when the refresh
 * cookie carries it (the web app's case).
 */
export class RefreshRequestDto {
  @ApiPropertyOptional({
    description:
      'The refresh token from sign-in, registration or the last refresh; leave it out to use ' +
      'the timebank_refresh cookie instead (this body field wins when both are sent)',
  })
  @Optional()
  @IsString()
  @Matches(REFRESH_TOKEN_PATTERN, { message: fieldMessage('volunteers.sessions.badRefreshToken') })
  refreshToken?: string;
}
