import { DomainError, ErrorCode, fieldError, RightsCache } from '@app/common';
import {
  Actor,
  ChangePasswordDto,
  MemberView,
  SuspendMemberCommand,
  TemporaryPasswordView,
  UpdateMeDto,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { MemberEntity } from '../members/members.entity';
import { MembersRepository } from '../members/members.repository';
import { MembersService, toMemberView } from '../members/members.service';
import { PasswordHasher } from '../members/password-hasher';
import { SessionsService } from '../sessions/sessions.service';
import { assertMayManageAccess, temporaryPassword } from './credential-rules';

/**
 * A member's own account (name, language, password) and what staff do to one
 * (a temporary password, suspension). Every change that alters what a member
 * may do is announced, so every service's cached rights follow at once.
 */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly members: MembersRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly rights: RightsCache,
    private readonly memberChanges: MembersService,
  ) {}

  async updateMe(actor: Actor | null, changes: UpdateMeDto): Promise<MemberView> {
    const me = signedIn(actor);
    const member = await this.members.transaction(async (members) => {
      const current = await members.findByIdForUpdate(me.memberId);
      if (!current) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
      // Through MembersService.change, so a new name reaches every service that copies it.
      return this.memberChanges.change(members, current, {
        ...(changes.displayName !== undefined && { displayName: changes.displayName }),
        ...(changes.locale !== undefined && { locale: changes.locale }),
      });
    });
    return toMemberView(member);
  }

  /** The member's own password; every other session of theirs ends, this one goes on. */
  async changePassword(actor: Actor | null, change: ChangePasswordDto): Promise<void> {
    const me = signedIn(actor);
    if (change.newPassword === change.currentPassword) {
      throw DomainError.validation([
        fieldError('newPassword', 'volunteers.credentials.samePassword'),
      ]);
    }
    const hash = await this.passwords.hash(change.newPassword);
    await this.members.transaction(async (members, manager) => {
      const member = await members.findByIdForUpdate(me.memberId);
      if (!member) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
      if (!(await this.passwords.verify(member.passwordHash, change.currentPassword))) {
        throw DomainError.validation([
          fieldError('currentPassword', 'volunteers.credentials.wrongCurrentPassword'),
        ]);
      }
      await members.update(member.id, { passwordHash: hash, mustChangePassword: false });
      await this.sessions.endOthersIn(manager, member.id, me.sessionId ?? null);
    });
    this.rights.announce(me.memberId);
  }

  /**
   * A temporary password, shown once: it ends every session, and the member
   * must choose their own before anything else. Resets one after another
   * (two coordinators at once) leave only the last password valid.
   */
  async resetPassword(actor: Actor | null, id: string): Promise<TemporaryPasswordView> {
    const staff = signedIn(actor);
    const password = temporaryPassword();
    const hash = await this.passwords.hash(password);
    await this.changeAccess(staff, id, async (members, member) => {
      await members.update(member.id, { passwordHash: hash, mustChangePassword: true });
      await members.rights.moveOn(member.id);
      return true;
    });
    return { temporaryPassword: password };
  }

  /** Nothing of a suspended member's is deleted: their requests, hours and credits stay as they are. */
  async suspend(
    actor: Actor | null,
    { id, suspension }: SuspendMemberCommand,
  ): Promise<MemberView> {
    const staff = signedIn(actor);
    return this.changeAccess(staff, id, async (members, member) => {
      if (member.status === 'suspended') return false;
      await members.update(member.id, {
        status: 'suspended',
        suspendedAt: new Date(),
        suspensionReason: suspension.reason,
      });
      return true;
    });
  }

  async reinstate(actor: Actor | null, id: string): Promise<MemberView> {
    const staff = signedIn(actor);
    return this.changeAccess(staff, id, async (members, member) => {
      if (member.status === 'active') return false;
      await members.update(member.id, {
        status: 'active',
        suspendedAt: null,
        suspensionReason: null,
      });
      return true;
    });
  }

  /**
   * One staff change to a member's access, under the member's row lock; when
   * `change` changed anything, every session of the member ends and the change
   * is announced after commit.
   */
  private async changeAccess(
    staff: Actor,
    id: string,
    change: (members: MembersRepository, member: MemberEntity) => Promise<boolean>,
  ): Promise<MemberView> {
    let changed = false;
    const member = await this.members.transaction(async (members, manager) => {
      const found = await members.findByIdForUpdate(id);
      if (!found) throw DomainError.notFound('Member');
      assertMayManageAccess(staff, found);
      changed = await change(members, found);
      if (changed) await this.sessions.endOthersIn(manager, found.id, null);
      return (await members.findById(found.id))!;
    });
    if (changed) this.rights.announce(id);
    return toMemberView(member);
  }
}

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
  return actor;
}
