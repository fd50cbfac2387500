import {
  OpenSessionCommand,
  RefreshTokenDto,
  SessionGrant,
  VolunteersSubjects,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SessionsService } from './sessions.service';

@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  /** Internal: the gateway opens a session once the member has proved who they are. */
  @MessagePattern(VolunteersSubjects.sessionOpen)
  open(@Payload('data') { memberId }: OpenSessionCommand): Promise<SessionGrant> {
    return this.sessions.open(memberId);
  }

  @MessagePattern(VolunteersSubjects.sessionRefresh)
  refresh(@Payload('data') { refreshToken }: RefreshTokenDto): Promise<SessionGrant> {
    return this.sessions.refresh(refreshToken);
  }

  @MessagePattern(VolunteersSubjects.sessionClose)
  close(@Payload('data') { refreshToken }: RefreshTokenDto): Promise<Record<string, never>> {
    return this.sessions.close(refreshToken);
  }
}
