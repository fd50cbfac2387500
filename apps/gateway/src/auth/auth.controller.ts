import { ServiceClient } from '@app/common';
import { Body, Controller, HttpCode, Inject, Ip, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CLIENT_ADDRESS_MAX_LENGTH,
  LoginDto,
  LoginResult,
  RefreshResult,
  RegisterMemberDto,
  RegisterResult,
  SessionGrant,
  VerifyCredentialsCommand,
  VolunteersMessages,
} from '@app/contracts';
import { GATEWAY_CONFIG } from '../config/config.token';
import { GatewayConfig } from '../config/gateway-config';
import { ApiCookieParam } from '../docs/api-cookie.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { Public } from './access.decorator';
import { RefreshRequestDto } from './dto/refresh-request.dto';
import {
  clearRefreshCookie,
  presentedToken,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  sessionEnded,
  setRefreshCookie,
} from './refresh-cookie';
import { TokenService } from './token.service';

/** The Set-Cookie of every answer that hands out a refresh token. */
const SETS_REFRESH_COOKIE = {
  'Set-Cookie': {
    description:
      `${REFRESH_COOKIE}=<the refresh token>; Max-Age=<until refreshExpiresAt>; ` +
      `Path=${REFRESH_COOKIE_PATH}; HttpOnly; SameSite=Strict, and Secure over HTTPS: ` +
      'for browsers, which then refresh and sign out without handling the token',
    schema: { type: 'string' },
  },
};

const REFRESH_COOKIE_PARAM = ApiCookieParam(
  REFRESH_COOKIE,
  'The refresh token, when the body leaves it out (browsers); a call carrying it must come ' +
    "from the gateway's own origin or an allowed CORS origin (Origin header), or it is 403",
);

@ApiTags('Identity and communities')
@Controller('auth')
@UseGuards(ThrottlerGuard)
export class AuthController {
  constructor(
    private readonly services: ServiceClient,
    private readonly tokens: TokenService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Join the time bank as a resident and/or volunteer' })
  @ApiResponse({ status: 201, type: RegisterResult, headers: SETS_REFRESH_COOKIE })
  @ApiProblems(400, 409, 429)
  async register(
    @Body() body: RegisterMemberDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegisterResult> {
    // The member and its first session are made together: no account without a way in.
    const session = await this.services.call(VolunteersMessages.memberRegister, body, null);
    setRefreshCookie(request, reply, session);
    return {
      member: session.member,
      accessToken: this.tokens.issue(session).accessToken,
      refreshToken: session.refreshToken,
      refreshExpiresAt: session.refreshExpiresAt,
    };
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  // Failed sign-ins are counted by the volunteers service, shared by every gateway.
  @SkipThrottle({ address: true })
  @ApiOperation({
    summary: 'Sign in with e-mail or phone; failed attempts are limited per account and address',
  })
  @ApiResponse({ status: 200, type: LoginResult, headers: SETS_REFRESH_COOKIE })
  @ApiProblems(400, 401, [403, 'ACCOUNT_SUSPENDED: the account is suspended'], 429)
  async login(
    @Body() body: LoginDto,
    @Ip() ip: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResult> {
    const command: VerifyCredentialsCommand = {
      ...body,
      // A forged X-Forwarded-For can be any length; cut, it is still one address.
      clientAddress: ip.slice(0, CLIENT_ADDRESS_MAX_LENGTH),
    };
    const member = await this.services.call(VolunteersMessages.credentialsVerify, command, null);
    const session = await this.openSession(member.id);
    setRefreshCookie(request, reply, session);
    return this.signedIn(session);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Trade a refresh token for a new access token (and a new refresh token)',
    description:
      'Each refresh token works once; the access token carries the roles as they are now. ' +
      'A refresh token used a second time ends every session of its member. The token comes ' +
      `from the body, or else from the ${REFRESH_COOKIE} cookie, which the answer renews.`,
  })
  @ApiBody({ type: RefreshRequestDto, required: false })
  @REFRESH_COOKIE_PARAM
  @ApiResponse({ status: 200, type: RefreshResult, headers: SETS_REFRESH_COOKIE })
  @ApiProblems(400, 401, 403, 429)
  async refresh(
    @Body() body: RefreshRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RefreshResult> {
    const presented = presentedToken(request, body.refreshToken, this.config.corsOrigins);
    // A failed refresh leaves the cookie alone: another tab may just have renewed it.
    if (presented.from === 'cookie' && !presented.wellFormed) throw sessionEnded();
    const session = await this.services.call(
      VolunteersMessages.sessionRefresh,
      { refreshToken: presented.token },
      null,
    );
    setRefreshCookie(request, reply, session);
    return this.signedIn(session);
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({
    summary: 'End a session: its refresh token stops working',
    description: `The token comes from the body, or else from the ${REFRESH_COOKIE} cookie, which the answer clears.`,
  })
  @ApiBody({ type: RefreshRequestDto, required: false })
  @REFRESH_COOKIE_PARAM
  @ApiResponse({
    status: 204,
    description: 'Signed out (also when the session had already ended)',
    headers: {
      'Set-Cookie': {
        description: `Clears ${REFRESH_COOKIE} (Max-Age=0) when the token came from it`,
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems(400, 403)
  async logout(
    @Body() body: RefreshRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const presented = presentedToken(request, body.refreshToken, this.config.corsOrigins);
    if (presented.from === 'body' || presented.wellFormed) {
      await this.services.call(
        VolunteersMessages.sessionClose,
        { refreshToken: presented.token },
        null,
      );
    }
    // Only once the session has ended: if that failed, the browser still holds the way to retry.
    if (presented.from === 'cookie') clearRefreshCookie(request, reply);
  }

  private openSession(memberId: string): Promise<SessionGrant> {
    return this.services.call(VolunteersMessages.sessionOpen, { memberId }, null);
  }

  private signedIn(session: SessionGrant): LoginResult {
    return {
      ...this.tokens.issue(session),
      member: session.member,
      refreshToken: session.refreshToken,
      refreshExpiresAt: session.refreshExpiresAt,
    };
  }
}
