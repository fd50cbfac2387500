import { Handles } from '@app/common';
import {
  Actor,
  ChangePasswordCommand,
  MemberCommand,
  MemberView,
  SuspendMemberCommand,
  TemporaryPasswordView,
  UpdateMeCommand,
  VolunteersMessages,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { CredentialsService } from './credentials.service';

@Controller()
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Handles(VolunteersMessages.meUpdate)
  updateMe({ changes }: UpdateMeCommand, actor: Actor | null): Promise<MemberView> {
    return this.credentials.updateMe(actor, changes);
  }

  @Handles(VolunteersMessages.passwordChange)
  async changePassword(
    { change }: ChangePasswordCommand,
    actor: Actor | null,
  ): Promise<Record<string, never>> {
    await this.credentials.changePassword(actor, change);
    return {};
  }

  @Handles(VolunteersMessages.passwordReset)
  resetPassword({ id }: MemberCommand, actor: Actor | null): Promise<TemporaryPasswordView> {
    return this.credentials.resetPassword(actor, id);
  }

  @Handles(VolunteersMessages.memberSuspend)
  suspend(command: SuspendMemberCommand, actor: Actor | null): Promise<MemberView> {
    return this.credentials.suspend(actor, command);
  }

  @Handles(VolunteersMessages.memberReinstate)
  reinstate({ id }: MemberCommand, actor: Actor | null): Promise<MemberView> {
    return this.credentials.reinstate(actor, id);
  }
}
