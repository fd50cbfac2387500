import { ServiceClient } from '@app/common';
import { Body, Controller, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import {
  CLIENT_ADDRESS_MAX_LENGTH,
  LoginDto,
  LoginResult,
  MemberView,
  RefreshResult,
  RefreshTokenDto,
  RegisterMemberDto,
  RegisterResult,
  SessionGrant,
  VerifyCredentialsCommand,
  VolunteersSubjects,
} from '@app/contracts';
import { ApiProblems } from '../docs/api-problems.decorator';
import { Public } from './access.decorator';
import { TokenService } from './token.service';

@ApiTags('Identity and communities')
@Controller('auth')
@UseGuards(ThrottlerGuard)
export class AuthController {
  constructor(
    private readonly services: ServiceClient,
    private readonly tokens: TokenService,
  ) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Join the time bank as a resident and/or volunteer' })
  @ApiResponse({ status: 201, type: RegisterResult })
  @ApiProblems(400, 409, 429)
  async register(@Body() body: RegisterMemberDto): Promise<RegisterResult> {
    // The member and its first session are made together: no account without a way in.
    const session = await this.services.call<SessionGrant>(
      VolunteersSubjects.memberRegister,
      body,
      null,
    );
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
  @ApiResponse({ status: 200, type: LoginResult })
  @ApiProblems(400, 401, [403, 'ACCOUNT_SUSPENDED: the account is suspended'], 429)
  async login(@Body() body: LoginDto, @Ip() ip: string): Promise<LoginResult> {
    const command: VerifyCredentialsCommand = {
      ...body,
      // A forged X-Forwarded-For can be any length; cut, it is still one address.
      clientAddress: ip.slice(0, CLIENT_ADDRESS_MAX_LENGTH),
    };
    const member = await this.services.call<MemberView>(
      VolunteersSubjects.credentialsVerify,
      command,
      null,
    );
    return this.signedIn(await this.openSession(member.id));
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Trade a refresh token for a new access token (and a new refresh token)',
    description:
      'Each refresh token works once; the access token carries the roles as they are now. ' +
      'A refresh token used a second time ends every session of its member.',
  })
  @ApiResponse({ status: 200, type: RefreshResult })
  @ApiProblems(400, 401, 429)
  async refresh(@Body() { refreshToken }: RefreshTokenDto): Promise<RefreshResult> {
    const session = await this.services.call<SessionGrant>(
      VolunteersSubjects.sessionRefresh,
      { refreshToken },
      null,
    );
    return this.signedIn(session);
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: 'End a session: its refresh token stops working' })
  @ApiResponse({ status: 204, description: 'Signed out' })
  @ApiProblems(400)
  async logout(@Body() { refreshToken }: RefreshTokenDto): Promise<void> {
    await this.services.call(VolunteersSubjects.sessionClose, { refreshToken }, null);
  }

  private openSession(memberId: string): Promise<SessionGrant> {
    return this.services.call<SessionGrant>(VolunteersSubjects.sessionOpen, { memberId }, null);
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
