import {
  Actor,
  ChangePasswordCommand,
  MemberCommand,
  MemberView,
  SuspendMemberCommand,
  TemporaryPasswordView,
  UpdateMeCommand,
  VolunteersSubjects,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CredentialsService } from './credentials.service';

@Controller()
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @MessagePattern(VolunteersSubjects.meUpdate)
  updateMe(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { changes }: UpdateMeCommand,
  ): Promise<MemberView> {
    return this.credentials.updateMe(actor, changes);
  }

  @MessagePattern(VolunteersSubjects.passwordChange)
  async changePassword(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { change }: ChangePasswordCommand,
  ): Promise<Record<string, never>> {
    await this.credentials.changePassword(actor, change);
    return {};
  }

  @MessagePattern(VolunteersSubjects.passwordReset)
  resetPassword(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { id }: MemberCommand,
  ): Promise<TemporaryPasswordView> {
    return this.credentials.resetPassword(actor, id);
  }

  @MessagePattern(VolunteersSubjects.memberSuspend)
  suspend(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: SuspendMemberCommand,
  ): Promise<MemberView> {
    return this.credentials.suspend(actor, command);
  }

  @MessagePattern(VolunteersSubjects.memberReinstate)
  reinstate(
    @Payload('actor') actor: Actor | null,
    @Payload('data') { id }: MemberCommand,
  ): Promise<MemberView> {
    return this.credentials.reinstate(actor, id);
  }
}
