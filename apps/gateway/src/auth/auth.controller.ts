import { ServiceClient } from '@app/common';
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import {
  LoginDto,
  LoginResult,
  MemberView,
  RegisterMemberDto,
  RegisterResult,
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
  @SkipThrottle({ account: true })
  @ApiOperation({ summary: 'Join the time bank as a resident and/or volunteer' })
  @ApiResponse({ status: 201, type: RegisterResult })
  @ApiProblems(400, 409, 429)
  async register(@Body() body: RegisterMemberDto): Promise<RegisterResult> {
    const member = await this.services.call<MemberView>(
      VolunteersSubjects.memberRegister,
      body,
      null,
    );
    return { member, accessToken: this.tokens.issue(member).accessToken };
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Sign in with e-mail or phone; attempts are limited per account and per address',
  })
  @ApiResponse({ status: 200, type: LoginResult })
  @ApiProblems(400, 401, 429)
  async login(@Body() body: LoginDto): Promise<LoginResult> {
    const member = await this.services.call<MemberView>(
      VolunteersSubjects.credentialsVerify,
      body,
      null,
    );
    return { ...this.tokens.issue(member), member };
  }
}
