import {
  Actor,
  CreateMemberDto,
  FindMemberQuery,
  ListMembersQuery,
  MemberIdDto,
  MemberPage,
  MemberSummary,
  MemberView,
  RegisterMemberDto,
  SessionGrant,
  UpdateMemberCommand,
  VerifyCredentialsCommand,
  VolunteersInternalSubjects,
  VolunteersSubjects,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MembersService } from './members.service';

@Controller()
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @MessagePattern(VolunteersSubjects.memberRegister)
  register(@Payload('data') dto: RegisterMemberDto): Promise<SessionGrant> {
    return this.members.register(dto);
  }

  @MessagePattern(VolunteersSubjects.credentialsVerify)
  verifyCredentials(@Payload('data') command: VerifyCredentialsCommand): Promise<MemberView> {
    return this.members.verifyCredentials(command);
  }

  @MessagePattern(VolunteersSubjects.memberGet)
  get(
    @Payload('actor') actor: Actor | null,
    @Payload('data') dto: MemberIdDto,
  ): Promise<MemberView> {
    return this.members.get(actor, dto.id);
  }

  @MessagePattern(VolunteersSubjects.memberList)
  list(
    @Payload('actor') actor: Actor | null,
    @Payload('data') query: ListMembersQuery,
  ): Promise<MemberPage> {
    return this.members.list(actor, query);
  }

  @MessagePattern(VolunteersSubjects.memberCreate)
  create(
    @Payload('actor') actor: Actor | null,
    @Payload('data') dto: CreateMemberDto,
  ): Promise<MemberView> {
    return this.members.create(actor, dto);
  }

  @MessagePattern(VolunteersSubjects.memberUpdate)
  update(
    @Payload('actor') actor: Actor | null,
    @Payload('data') command: UpdateMemberCommand,
  ): Promise<MemberView> {
    return this.members.update(actor, command);
  }

  /** For other services (accounting, requests, rewards): who a member is, without actor rules. */
  @MessagePattern(VolunteersInternalSubjects.memberLookup)
  lookup(@Payload('data') dto: MemberIdDto): Promise<MemberSummary> {
    return this.members.lookup(dto.id);
  }

  /** For the ledger: whose phone or card number this is (gifts name their recipient so). */
  @MessagePattern(VolunteersInternalSubjects.memberFind)
  find(@Payload('data') query: FindMemberQuery): Promise<MemberSummary> {
    return this.members.find(query);
  }
}
