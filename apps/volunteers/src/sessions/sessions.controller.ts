import { Handles } from '@app/common';
import {
  OpenSessionCommand,
  RefreshTokenDto,
  SessionGrant,
  VolunteersMessages,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { SessionsService } from './sessions.service';

@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  /** Internal: the gateway opens a session once the member has proved who they are. */
  @Handles(VolunteersMessages.sessionOpen)
  open({ memberId }: OpenSessionCommand): Promise<SessionGrant> {
    return this.sessions.open(memberId);
  }

  @Handles(VolunteersMessages.sessionRefresh)
  refresh({ refreshToken }: RefreshTokenDto): Promise<SessionGrant> {
    return this.sessions.refresh(refreshToken);
  }

  @Handles(VolunteersMessages.sessionClose)
  close({ refreshToken }: RefreshTokenDto): Promise<Record<string, never>> {
    return this.sessions.close(refreshToken);
  }
}
