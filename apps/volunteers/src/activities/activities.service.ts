import {
  DomainError,
  ErrorCode,
  fieldError,
  FieldError,
  fingerprint,
  idempotencyMismatch,
  uuidFromKey,
} from '@app/common';
import {
  ActivitiesQueryDto,
  ActivityCodeCommand,
  ActivityPage,
  ActivityView,
  Actor,
  AttendanceListView,
  AttendanceView,
  canCoordinate,
  CancelActivityCommand,
  CheckInCodeView,
  CheckInView,
  CheckOutView,
  CloseActivityCommand,
  CloseActivityView,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  hasRole,
  holdAfterSweeps,
  HoldOwnerAnswer,
  HoldOwnerCheckQuery,
  PublishActivityCommand,
  RecordAttendanceCommand,
  SignupView,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { CommunitiesRepository } from '../communities/communities.repository';
import { ActorAuthority } from '../members/actor-authority';
import { LedgerClient } from '../peers/ledger.client';
import { VolunteersConfig } from '../volunteers.config';
import { ActivitiesRepository, ActivityRow, SignupRow } from './activities.repository';
import {
  activityRef,
  assertCheckInOpen,
  assertCheckOutOpen,
  assertConfirmed,
  assertMayClose,
  assertPublished,
  closeAnswer,
  closing,
  holdExpiry,
  paidMinutes,
  placeForSignup,
  publishRules,
} from './activity-rules';
import { doorCodeAt, isDoorCode } from './check-in-code';

function signupView(signup: SignupRow, position: number | null): SignupView {
  return signup.status === 'waitlisted' && position !== null
    ? { status: signup.status, position }
    : { status: signup.status };
}

function attendanceView(
  signup: SignupRow & { displayName: string },
  position: number | null,
): AttendanceView {
  return {
    volunteerId: signup.volunteerId,
    displayName: signup.displayName,
    status: signup.status,
    ...(position !== null && { position }),
    checkedInAt: signup.checkedInAt?.toISOString() ?? null,
    checkedOutAt: signup.checkedOutAt?.toISOString() ?? null,
    recordedBy: signup.recordedBy,
    paidMinutes: signup.paidMinutes,
  };
}

/** Community activities: publishing against the fund, sign-ups, the door, and closing. */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly activities: ActivitiesRepository,
    private readonly communities: CommunitiesRepository,
    private readonly authority: ActorAuthority,
    private readonly ledger: LedgerClient,
    private readonly config: VolunteersConfig,
  ) {}

  /**
   * Holds capacity × minutesPerVolunteer on the community fund, then stores the
   * activity with its hold. The activity's id comes from the Idempotency-Key, so
   * a retry asks for the same hold; a hold whose row never appeared is voided by
   * the ledger's sweeper (no undo here), and a retry then takes a fresh one.
   */
  async publish(actor: Actor | null, command: PublishActivityCommand): Promise<ActivityView> {
    const me = await this.authority.current(actor);
    const { idempotencyKey, ...dto } = command;
    if (!canCoordinate(me, dto.communityId)) {
      throw DomainError.forbidden('volunteers.activities.coordinatorScope');
    }
    const { errors, minutesPerVolunteer } = publishRules(dto, new Date());
    if (!(await this.communities.exists(dto.communityId))) {
      errors.push(fieldError('communityId', 'field.noSuchCommunity'));
    } else if (
      dto.gridUnitId !== undefined &&
      !(await this.communities.gridUnitBelongsTo(dto.gridUnitId, dto.communityId))
    ) {
      errors.push(fieldError('gridUnitId', 'volunteers.activities.gridUnitNotOfCommunity'));
    }
    if (errors.length > 0) throw DomainError.validation(errors);

    const id = uuidFromKey(`activity:${idempotencyKey}`);
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    const content = fingerprint(
      {
        title: dto.title,
        description: dto.description,
        communityId: dto.communityId,
        gridUnitId: dto.gridUnitId,
        place: dto.place,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        capacity: dto.capacity,
        skills: dto.skills ?? [],
        minutesPerVolunteer,
      },
      'fields-hex',
    );
    const earlier = await this.activities.findById(id);
    if (earlier) return this.replayOfPublish(earlier, content, me);

    const hold = await holdAfterSweeps(`activity:${id}:hold`, (key) =>
      this.ledger.createHold({
        idempotencyKey: key,
        kind: 'service',
        from: { type: 'community_fund', id: dto.communityId },
        minutes: dto.capacity * minutesPerVolunteer,
        reference: `activity:${id}`,
        memo: dto.title.slice(0, 500),
        expiresAt: holdExpiry(endsAt).toISOString(),
      }),
    );
    const stored = await this.activities.insert({
      id,
      title: dto.title,
      description: dto.description,
      communityId: dto.communityId,
      gridUnitId: dto.gridUnitId ?? null,
      place: dto.place,
      startsAt,
      endsAt,
      capacity: dto.capacity,
      skills: dto.skills ?? [],
      minutesPerVolunteer,
      createdBy: me.memberId,
      holdId: hold.holdId,
      publishFingerprint: content,
    });
    const activity = await this.activities.findById(id);
    if (!activity) throw new Error(`activity ${id} stored a moment ago is gone`);
    return stored ? this.view(activity, me) : this.replayOfPublish(activity, content, me);
  }

  private replayOfPublish(earlier: ActivityRow, content: string, me: Actor): Promise<ActivityView> {
    if (earlier.publishFingerprint !== content) throw idempotencyMismatch();
    return this.view(earlier, me);
  }

  /** Any signed-in member sees every activity. */
  async list(actor: Actor | null, query: ActivitiesQueryDto): Promise<ActivityPage> {
    const me = await this.authority.current(actor);
    const after = decodeCursor<{ startsAt: string; seq: string }>(query.cursor, [
      'startsAt',
      'seq',
    ]);
    const errors: FieldError[] = [];
    if (
      after === null ||
      (after && (!/^\d+$/.test(after.seq) || isNaN(Date.parse(after.startsAt))))
    ) {
      errors.push(fieldError('cursor', 'field.badCursor'));
    }
    if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) {
      errors.push(fieldError('from', 'field.fromAfterTo', { from: query.from, to: query.to }));
    }
    if (errors.length > 0) throw DomainError.validation(errors);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.activities.list({
      communityId: query.communityId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      mineOf: query.mine === 'true' ? me.memberId : undefined,
      after: after ?? undefined,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.views(page, me),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ startsAt: last.startsAt.toISOString(), seq: last.seq })
          : null,
    };
  }

  async get(actor: Actor | null, id: string): Promise<ActivityView> {
    const me = await this.authority.current(actor);
    return this.view(await this.found(id), me);
  }

  /**
   * Confirmed while places are left, else waitlisted. The activity's row is
   * locked first, so sign-ups sent at once are counted one after another and
   * never exceed the capacity. Signing up again answers the sign-up there is.
   */
  async signUp(actor: Actor | null, id: string): Promise<SignupView> {
    const me = await this.authority.current(actor);
    if (!hasRole(me, 'volunteer'))
      throw DomainError.forbidden('volunteers.activities.volunteersOnly');
    return this.activities.transaction(async (activities) => {
      const activity = await activities.findByIdForUpdate(id);
      if (!activity) throw DomainError.notFound('Activity');
      const existing = await activities.signupOf(id, me.memberId);
      if (existing) return signupView(existing, await activities.waitlistPosition(existing));
      const counts = (await activities.countsOf([id])).get(id)!;
      const status = placeForSignup(activity, counts.signedUp, counts.waitlisted, new Date());
      const signup = await activities.insertSignup(id, me.memberId, status);
      return signupView(signup, counts.waitlisted + 1);
    });
  }

  /**
   * Withdraws the caller's sign-up. A confirmed place freed goes to the first
   * on the waitlist, and the promotion is announced in the same transaction.
   */
  async withdraw(actor: Actor | null, id: string): Promise<void> {
    const me = await this.authority.current(actor);
    await this.activities.transaction(async (activities) => {
      const activity = await activities.findByIdForUpdate(id);
      if (!activity) throw DomainError.notFound('Activity');
      const signup = await activities.signupOf(id, me.memberId);
      if (!signup) return;
      assertPublished(activity);
      await activities.deleteSignup(signup.id);
      const at = new Date();
      if (signup.status === 'confirmed' && activity.endsAt > at) {
        await activities.promoteFirstWaitlisted(id, (volunteerId) => ({
          activity: activityRef(activity),
          volunteerId,
          at: at.toISOString(),
        }));
      }
    });
  }

  async checkInCode(actor: Actor | null, id: string): Promise<CheckInCodeView> {
    const activity = await this.coordinated(actor, id);
    assertPublished(activity);
    const { code, expiresAt } = doorCodeAt(this.config.CHECK_IN_SECRET, id, new Date());
    return { code, expiresAt: expiresAt.toISOString() };
  }

  /**
   * A confirmed volunteer checks in with the door code of now or of the step
   * before. Checking in again answers the first check-in. The activity is read
   * under a share lock, so no check-in slips in beside a close.
   */
  async checkIn(actor: Actor | null, { id, code }: ActivityCodeCommand): Promise<CheckInView> {
    const me = await this.authority.current(actor);
    return this.activities.transaction(async (activities) => {
      const activity = await activities.findByIdForShare(id);
      if (!activity) throw DomainError.notFound('Activity');
      const signup = assertConfirmed(await activities.signupOf(id, me.memberId));
      if (signup.checkedInAt) return { checkedInAt: signup.checkedInAt.toISOString() };
      const now = new Date();
      assertCheckInOpen(activity, now);
      this.assertDoorCode(id, code, now);
      const after = await activities.checkIn(signup.id, now);
      return { checkedInAt: after.checkedInAt!.toISOString() };
    });
  }

  async checkOut(actor: Actor | null, { id, code }: ActivityCodeCommand): Promise<CheckOutView> {
    const me = await this.authority.current(actor);
    return this.activities.transaction(async (activities) => {
      const activity = await activities.findByIdForShare(id);
      if (!activity) throw DomainError.notFound('Activity');
      let signup = assertConfirmed(await activities.signupOf(id, me.memberId));
      if (!signup.checkedInAt) {
        throw DomainError.of(ErrorCode.INVALID_STATE, 'volunteers.activities.notCheckedIn');
      }
      if (!signup.checkedOutAt) {
        const now = new Date();
        assertCheckOutOpen(activity, now);
        this.assertDoorCode(id, code, now);
        signup = await activities.checkOut(signup.id, now);
      }
      return {
        checkedOutAt: signup.checkedOutAt!.toISOString(),
        minutes: paidMinutes(activity, signup.checkedInAt!, signup.checkedOutAt),
      };
    });
  }

  private assertDoorCode(id: string, code: string, now: Date): void {
    if (!isDoorCode(this.config.CHECK_IN_SECRET, id, code, now)) {
      throw DomainError.of(ErrorCode.INVALID_STATE, 'volunteers.activities.wrongCode');
    }
  }

  /** Every sign-up, confirmed first, then the waitlist in order. */
  async attendance(actor: Actor | null, id: string): Promise<AttendanceListView> {
    await this.coordinated(actor, id);
    const signups = await this.activities.signupsOf(id);
    let waiting = 0;
    return {
      items: signups.map((s) => attendanceView(s, s.status === 'waitlisted' ? ++waiting : null)),
    };
  }

  /** A coordinator records the attendance of a confirmed volunteer without a phone. */
  async recordAttendance(
    actor: Actor | null,
    command: RecordAttendanceCommand,
  ): Promise<AttendanceView> {
    const me = await this.authority.current(actor);
    const checkedInAt = new Date(command.checkedInAt);
    const checkedOutAt = new Date(command.checkedOutAt);
    return this.activities.transaction(async (activities) => {
      const activity = await activities.findByIdForUpdate(command.id);
      if (!activity) throw DomainError.notFound('Activity');
      if (!canCoordinate(me, activity.communityId)) {
        throw DomainError.forbidden('volunteers.activities.coordinatorScope');
      }
      if (checkedOutAt <= checkedInAt) {
        throw DomainError.validation([
          fieldError('checkedOutAt', 'volunteers.activities.outAfterIn'),
        ]);
      }
      assertPublished(activity);
      const signup = await activities.signupOf(command.id, command.volunteerId);
      if (!signup || signup.status !== 'confirmed') {
        throw DomainError.of(
          ErrorCode.INVALID_STATE,
          'volunteers.activities.volunteerNotConfirmed',
        );
      }
      await activities.recordAttendance(signup.id, checkedInAt, checkedOutAt, me.memberId);
      const [recorded] = (await activities.signupsOf(command.id)).filter((s) => s.id === signup.id);
      return attendanceView(recorded, null);
    });
  }

  /**
   * Closes the activity in one transaction: each attendance's minutes are
   * recorded and announced with the hold, and the ledger pays them from it,
   * once, and releases the rest. Closing a closed activity answers the same and
   * announces nothing.
   */
  async close(actor: Actor | null, { id }: CloseActivityCommand): Promise<CloseActivityView> {
    const me = await this.authority.current(actor);
    return this.activities.transaction(async (activities) => {
      const activity = await activities.findByIdForUpdate(id);
      if (!activity) throw DomainError.notFound('Activity');
      if (!canCoordinate(me, activity.communityId)) {
        throw DomainError.forbidden('volunteers.activities.coordinatorScope');
      }
      const signups = await activities.signupsOf(id);
      if (activity.status === 'closed') return closeAnswer(activity, signups);
      const now = new Date();
      assertMayClose(activity, now);
      const { event, paid, answer } = closing(
        activity,
        signups,
        me.memberId,
        now,
        this.config.CITY_TIME_ZONE,
      );
      await activities.close(id, me.memberId, now, paid, event);
      return answer;
    });
  }

  /** Cancels a published activity: the ledger voids its hold, and everyone signed up is told. */
  async cancel(actor: Actor | null, { id, reason }: CancelActivityCommand): Promise<ActivityView> {
    const me = await this.authority.current(actor);
    const activity = await this.activities.transaction(async (activities) => {
      const found = await activities.findByIdForUpdate(id);
      if (!found) throw DomainError.notFound('Activity');
      if (!canCoordinate(me, found.communityId)) {
        throw DomainError.forbidden('volunteers.activities.coordinatorScope');
      }
      if (found.status === 'cancelled' && found.cancelReason === reason) return found;
      assertPublished(found);
      const at = new Date();
      const signups = await activities.signupsOf(id);
      await activities.cancel(id, me.memberId, at, reason, {
        activity: activityRef(found),
        holdId: found.holdId,
        reason,
        volunteerIds: signups.map((s) => s.volunteerId),
        cancelledBy: me.memberId,
        at: at.toISOString(),
      });
      return (await activities.findById(id))!;
    });
    return this.view(activity, me);
  }

  /** Announces the activities starting within ACTIVITY_REMINDER_HOURS, each once. */
  remindDue(): Promise<number> {
    const now = new Date();
    const until = new Date(now.getTime() + this.config.ACTIVITY_REMINDER_HOURS * 3600 * 1000);
    return this.activities.remindDue(now, until, 100, (activity, volunteerIds) => ({
      activity: activityRef(activity),
      volunteerIds,
    }));
  }

  /** For the ledger's hold sweeper: a cancelled or absent activity holds nothing. */
  async holdsHold({ rowId }: HoldOwnerCheckQuery): Promise<HoldOwnerAnswer> {
    return { present: await this.activities.holdsHold(rowId) };
  }

  private async found(id: string): Promise<ActivityRow> {
    const activity = await this.activities.findById(id);
    if (!activity) throw DomainError.notFound('Activity');
    return activity;
  }

  /** The activity, if the caller coordinates its community. */
  private async coordinated(actor: Actor | null, id: string): Promise<ActivityRow> {
    const me = await this.authority.current(actor);
    const activity = await this.found(id);
    if (!canCoordinate(me, activity.communityId)) {
      throw DomainError.forbidden('volunteers.activities.coordinatorScope');
    }
    return activity;
  }

  private async view(activity: ActivityRow, me: Actor): Promise<ActivityView> {
    const [view] = await this.views([activity], me);
    return view;
  }

  private async views(activities: ActivityRow[], me: Actor): Promise<ActivityView[]> {
    const ids = activities.map((a) => a.id);
    const counts = await this.activities.countsOf(ids);
    const mine = await this.activities.signupsOfMember(me.memberId, ids);
    return activities.map((a) => {
      const signup = mine.get(a.id);
      return {
        id: a.id,
        title: a.title,
        description: a.description,
        communityId: a.communityId,
        gridUnitId: a.gridUnitId,
        place: a.place,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt.toISOString(),
        capacity: a.capacity,
        skills: a.skills,
        minutesPerVolunteer: a.minutesPerVolunteer,
        status: a.status,
        signedUp: counts.get(a.id)?.signedUp ?? 0,
        waitlisted: counts.get(a.id)?.waitlisted ?? 0,
        createdBy: a.createdBy,
        mySignup: signup
          ? {
              status: signup.status,
              ...(signup.position !== null && { position: signup.position }),
              ...(signup.checkedInAt && { checkedInAt: signup.checkedInAt.toISOString() }),
              ...(signup.checkedOutAt && { checkedOutAt: signup.checkedOutAt.toISOString() }),
            }
          : null,
        cancelReason: a.cancelReason,
        createdAt: a.createdAt.toISOString(),
      };
    });
  }
}
