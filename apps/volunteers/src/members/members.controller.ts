import { Handles } from '@app/common';
import {
  Actor,
  CreateMemberDto,
  FindMemberQuery,
  ListMembersQuery,
  MemberIdDto,
  MemberIdsQuery,
  MemberPage,
  MemberSummary,
  MemberView,
  RegisterMemberDto,
  SessionGrant,
  UpdateMemberCommand,
  VerifyCredentialsCommand,
  VolunteersMessages,
} from '@app/contracts';
import { Controller } from '@nestjs/common';
import { MembersService } from './members.service';

@Controller()
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Handles(VolunteersMessages.memberRegister)
  register(dto: RegisterMemberDto): Promise<SessionGrant> {
    return this.members.register(dto);
  }

  @Handles(VolunteersMessages.credentialsVerify)
  verifyCredentials(command: VerifyCredentialsCommand): Promise<MemberView> {
    return this.members.verifyCredentials(command);
  }

  @Handles(VolunteersMessages.memberGet)
  get(dto: MemberIdDto, actor: Actor | null): Promise<MemberView> {
    return this.members.get(actor, dto.id);
  }

  @Handles(VolunteersMessages.memberList)
  list(query: ListMembersQuery, actor: Actor | null): Promise<MemberPage> {
    return this.members.list(actor, query);
  }

  @Handles(VolunteersMessages.memberCreate)
  create(dto: CreateMemberDto, actor: Actor | null): Promise<MemberView> {
    return this.members.create(actor, dto);
  }

  @Handles(VolunteersMessages.memberUpdate)
  update(command: UpdateMemberCommand, actor: Actor | null): Promise<MemberView> {
    return this.members.update(actor, command);
  }

  /** For other services (accounting, requests, rewards): who a member is, without actor rules. */
  @Handles(VolunteersMessages.memberLookup)
  lookup(dto: MemberIdDto): Promise<MemberSummary> {
    return this.members.lookup(dto.id);
  }

  @Handles(VolunteersMessages.memberLookupMany)
  lookupMany({ ids }: MemberIdsQuery): Promise<MemberSummary[]> {
    return this.members.lookupMany(ids);
  }

  /** For the ledger: whose phone or card number this is (gifts name their recipient so). */
  @Handles(VolunteersMessages.memberFind)
  find(query: FindMemberQuery): Promise<MemberSummary> {
    return this.members.find(query);
  }
}
