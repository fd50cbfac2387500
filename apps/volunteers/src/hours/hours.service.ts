import { DomainError, fieldError, ErrorCode, FieldError } from '@app/common';
import {
  cityDate,
  canCoordinate,
  CommunityQueueQuery,
  VolunteersQueue,
  Actor,
  ApproveHoursCommand,
  ApproveManyHoursCommand,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  HourLogPage,
  HoldView,
  HourLogView,
  HoursQueryDto,
  LogHoursDto,
  RejectHoursCommand,
  ApproveManyResultView,
  ApprovalRefusalView,
  RejectManyHoursCommand,
  RejectManyResultView,
  HoldOwnerAnswer,
  HoldOwnerCheckQuery,
} from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { CommunitiesRepository } from '../communities/communities.repository';
import { ActorAuthority } from '../members/actor-authority';
import { LedgerClient } from '../peers/ledger.client';
import { nulCharacterErrors } from '../stored-text';
import { VolunteersConfig } from '../volunteers.config';
import {
  isSameRejection,
  assertMayReview,
  assertNotOwnLog,
  assertPending,
  assertWithinDailyLimit,
  hoursVerifiedEvent,
  listScope,
  mayViewLog,
  servedOnErrors,
} from './hour-rules';
import { HourLogEntity } from './hours.entity';
import { HoursRepository } from './hours.repository';

const MAX_BIGINT = 9_223_372_036_854_775_807n;

function toHourLogView(log: HourLogEntity, names: Map<string, string>): HourLogView {
  return {
    id: log.id,
    status: log.status,
    volunteerId: log.volunteerId,
    volunteer: { id: log.volunteerId, displayName: names.get(log.volunteerId) ?? '' },
    communityId: log.communityId,
    minutes: log.minutes,
    servedOn: log.servedOn,
    description: log.description,
    reviewedBy: log.reviewedBy,
    reviewedAt: log.reviewedAt?.toISOString() ?? null,
    rejectionReason: log.rejectionReason,
    createdAt: log.createdAt.toISOString(),
    updatedAt: log.updatedAt.toISOString(),
  };
}

/** One log's answer in a batch review (ApprovalResultView, RejectionResultView). */
interface ReviewResult<O extends 'approved' | 'rejected'> {
  id: string;
  outcome: O | 'refused';
  log?: HourLogView;
  error?: ApprovalRefusalView;
}

@Injectable()
export class HoursService {
  private readonly logger = new Logger('HoursService');

  constructor(
    private readonly hours: HoursRepository,
    private readonly communities: CommunitiesRepository,
    private readonly authority: ActorAuthority,
    private readonly config: VolunteersConfig,
    private readonly ledger: LedgerClient,
  ) {}

  /** A volunteer logs service done outside a request; a coordinator of that community reviews it. */
  async log(actor: Actor | null, dto: LogHoursDto): Promise<HourLogView> {
    const current = await this.authority.current(actor);
    if (!current.roles.includes('volunteer')) {
      throw DomainError.forbidden('volunteers.hours.volunteersOnly');
    }
    const communityId = dto.communityId ?? current.communityId;
    const errors: FieldError[] = [
      ...nulCharacterErrors({ description: dto.description }),
      ...servedOnErrors(dto.servedOn, cityDate(new Date(), this.config.CITY_TIME_ZONE)),
    ];
    if (communityId === null) {
      errors.push(fieldError('communityId', 'volunteers.hours.noCommunity'));
    }
    if (errors.length > 0) throw DomainError.validation(errors);
    if (!(await this.communities.exists(communityId!))) {
      throw DomainError.validation([fieldError('communityId', 'field.noSuchCommunity')]);
    }
    const log = await this.hours.transaction(async (hours) => {
      await hours.lockVolunteerDay(current.memberId, dto.servedOn);
      const logged = await hours.minutesCountedOn(current.memberId, dto.servedOn);
      assertWithinDailyLimit(logged, dto.minutes, dto.servedOn);
      return hours.insert({
        volunteerId: current.memberId,
        communityId: communityId!,
        minutes: dto.minutes,
        servedOn: dto.servedOn,
        description: dto.description,
      });
    });
    return this.view(log);
  }

  async get(actor: Actor | null, id: string): Promise<HourLogView> {
    const current = await this.authority.current(actor);
    const log = await this.hours.findById(id);
    if (!log || !mayViewLog(current, log)) throw DomainError.notFound('Hour log');
    return this.view(log);
  }

  /** Own logs for everyone, the communities' for their coordinators, every log for admins. */
  async list(actor: Actor | null, query: HoursQueryDto): Promise<HourLogPage> {
    const current = await this.authority.current(actor);
    const cursor = decodeCursor<{ s: string }>(query.cursor, ['s']);
    // The sequence is a bigint: 19 digits may still be past its largest value.
    if (
      cursor === null ||
      (cursor && !(/^\d{1,19}$/.test(cursor.s) && BigInt(cursor.s) <= MAX_BIGINT))
    ) {
      throw DomainError.validation([fieldError('cursor', 'field.cursorNotOurs')]);
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    // Mine and another volunteer's at once: nobody's logs are both.
    if (query.mine && query.volunteerId !== undefined && query.volunteerId !== current.memberId) {
      return { items: [], nextCursor: null };
    }
    const rows = await this.hours.list({
      scope: listScope(current),
      status: query.status,
      communityId: query.communityId,
      volunteerId: query.mine ? current.memberId : query.volunteerId,
      beforeSeq: cursor?.s,
      limit,
    });
    const items = rows.slice(0, limit);
    const more = rows.length > limit;
    return {
      items: await this.views(items),
      nextCursor: more ? encodeCursor({ s: items[items.length - 1].seq }) : null,
    };
  }

  async approve(actor: Actor | null, command: ApproveHoursCommand): Promise<HourLogView> {
    const current = await this.authority.current(actor);
    return this.view(await this.approveOne(current, command.id, command.idempotencyKey));
  }

  /**
   * Approves each log of the coordinator's queue on its own: one refusal
   * (another community's, already reviewed) leaves the others approved.
   */
  async approveMany(
    actor: Actor | null,
    command: ApproveManyHoursCommand,
  ): Promise<ApproveManyResultView> {
    const current = await this.authority.current(actor);
    if (!current.roles.includes('coordinator')) {
      throw DomainError.forbidden('volunteers.hours.approveForbidden');
    }
    const ids = command.ids.map((id) => ({ id }));
    const { done, refused, results } = await this.reviewEach(ids, 'approved', ({ id }) =>
      this.approveOne(current, id, `${command.idempotencyKey}:${id}`),
    );
    return { approved: done, refused, results };
  }

  async reject(actor: Actor | null, { id, reason }: RejectHoursCommand): Promise<HourLogView> {
    const current = await this.authority.current(actor);
    const errors = nulCharacterErrors({ reason });
    if (errors.length > 0) throw DomainError.validation(errors);
    const log = await this.hours.transaction(async (hours) => {
      const log = await hours.findByIdForUpdate(id);
      if (!log) throw DomainError.notFound('Hour log');
      assertMayReview(current, log);
      assertPending(log, 'reject');
      return hours.reject(log.id, current.memberId, new Date(), reason);
    });
    return this.view(log);
  }

  /**
   * Rejects each log of the coordinator's queue on its own, with its reason:
   * one refusal leaves the others rejected. Sent again (an answer lost on the
   * way), a log this coordinator already rejected for the same reason is
   * reported rejected again rather than refused: the same batch, the same answer.
   */
  async rejectMany(
    actor: Actor | null,
    { items }: RejectManyHoursCommand,
  ): Promise<RejectManyResultView> {
    const current = await this.authority.current(actor);
    if (!current.roles.includes('coordinator')) {
      throw DomainError.forbidden('volunteers.hours.reviewScope');
    }
    const { done, refused, results } = await this.reviewEach(
      items,
      'rejected',
      async ({ id, reason }) => {
        const errors = nulCharacterErrors({ reason });
        if (errors.length > 0) throw DomainError.validation(errors);
        return this.hours.transaction(async (hours) => {
          const log = await hours.findByIdForUpdate(id);
          if (!log) throw DomainError.notFound('Hour log');
          assertMayReview(current, log);
          if (isSameRejection(log, current.memberId, reason)) return log;
          assertPending(log, 'reject');
          return hours.reject(log.id, current.memberId, new Date(), reason);
        });
      },
    );
    return { rejected: done, refused, results };
  }

  /**
   * Reviews each log on its own, in the order sent: a refusal (any domain error
   * but INTERNAL) is reported with its log and the others go on.
   */
  private async reviewEach<T extends { id: string }, O extends 'approved' | 'rejected'>(
    items: T[],
    outcome: O,
    review: (item: T) => Promise<HourLogEntity>,
  ): Promise<{ done: number; refused: number; results: ReviewResult<O>[] }> {
    const results: ReviewResult<O>[] = [];
    for (const item of items) {
      try {
        const log = await review(item);
        results.push({ id: item.id, outcome, log: await this.view(log) });
      } catch (error) {
        if (!(error instanceof DomainError) || error.code === ErrorCode.INTERNAL) throw error;
        results.push({ id: item.id, outcome: 'refused', error: refusalOf(error) });
      }
    }
    const done = results.filter((r) => r.outcome === outcome).length;
    return { done, refused: results.length - done, results };
  }

  /** The hours share of a community's queue: coordinators in scope and admins. */
  async queue(actor: Actor | null, { communityId }: CommunityQueueQuery): Promise<VolunteersQueue> {
    const current = await this.authority.current(actor);
    if (!canCoordinate(current, communityId)) throw DomainError.forbidden('auth.roleOrCommunity');
    if (!(await this.communities.exists(communityId))) throw DomainError.notFound('Community');
    return { hoursPending: await this.hours.countPending(communityId) };
  }

  private async view(log: HourLogEntity): Promise<HourLogView> {
    const [view] = await this.views([log]);
    return view;
  }

  /** Views naming each volunteer as they are called now (one query per page). */
  private async views(logs: HourLogEntity[]): Promise<HourLogView[]> {
    const names = await this.hours.volunteerNamesOf(logs.map((l) => l.volunteerId));
    return logs.map((log) => toHourLogView(log, names));
  }

  /**
   * Approval reserves the minutes on the community fund first (so an empty fund
   * refuses the approval with INSUFFICIENT_CREDITS instead of approving hours
   * nobody pays), then approves and announces the verified hours with that hold
   * in one transaction; the ledger posts the hold to the volunteer.
   * Every approval of one log asks for the same hold, so approvals sent at once
   * share it: the first to lock the log approves, the others find it approved
   * (INVALID_STATE), exactly as when they come one after another.
   * The same Idempotency-Key again answers with the approved log instead of INVALID_STATE.
   */
  private async approveOne(current: Actor, id: string, key: string): Promise<HourLogEntity> {
    const found = await this.hours.findById(id);
    if (!found) throw DomainError.notFound('Hour log');
    assertMayReview(current, found);
    if (found.status === 'approved' && found.approvalKey === key) return found;
    assertNotOwnLog(current, found);
    assertPending(found, 'approve');
    const hold = await this.reserveOnFund(found);
    try {
      return await this.hours.transaction(async (hours) => {
        const log = await hours.findByIdForUpdate(id);
        if (!log) throw DomainError.notFound('Hour log');
        if (log.status === 'approved' && log.approvalKey === key) return log;
        assertPending(log, 'approve');
        const at = new Date();
        return hours.approve(
          log.id,
          current.memberId,
          at,
          key,
          hoursVerifiedEvent(log, current.memberId, at, hold.holdId),
        );
      });
    } catch (error) {
      // Rejected meanwhile: nothing will post the hold, give the fund its minutes back.
      // Approved meanwhile, the hold is that approval's; still pending, the next approval
      // takes it up again (and it frees itself should none come).
      const now = await this.hours.findById(id);
      if (now?.status === 'rejected') await this.releaseHold(hold.holdId, id);
      throw error;
    }
  }

  /**
   * Gives the fund back the minutes of a hold no approval will post. A failure
   * here must not hide the approval's own error, and is safe: the ledger's
   * hold-owner sweeper voids a hold whose log was rejected, or it runs out.
   */
  private async releaseHold(holdId: string, logId: string): Promise<void> {
    try {
      await this.ledger.voidHold({ holdId });
    } catch (error) {
      this.logger.warn(
        `hold ${holdId} of rejected hour log ${logId} not voided, left to the ledger's sweeper: ${(error as Error).message}`,
      );
    }
  }

  /**
   * For the ledger's hold sweeper: a log's hold is taken at approval, before
   * the approval commits; a log that exists and was not rejected may still use
   * it (the next approval takes it up again).
   */
  async holdsHold({ rowId }: HoldOwnerCheckQuery): Promise<HoldOwnerAnswer> {
    const log = await this.hours.findById(rowId);
    return { present: log !== null && log.status !== 'rejected' };
  }

  /**
   * The log's one open hold: asking again returns the same hold. One that was
   * released before any approval took it up (it ran out) is followed by a fresh
   * one keyed after it, so approvals at once still ask for the same one.
   */
  private async reserveOnFund(log: HourLogEntity): Promise<HoldView> {
    let key = `hours:${log.id}`;
    for (let attempt = 0; attempt < MAX_RELEASED_HOLDS; attempt += 1) {
      const hold = await this.ledger.createHold({
        idempotencyKey: key,
        kind: 'service',
        from: { type: 'community_fund', id: log.communityId },
        to: { type: 'member', id: log.volunteerId },
        minutes: log.minutes,
        reference: `hours:${log.id}`,
        memo: log.description.slice(0, 500),
        expiresAt: new Date(Date.now() + HOLD_LIFETIME_MS).toISOString(),
      });
      if (hold.status === 'open') return hold;
      // Posted: another approval of this log came first. Released: the log must still be pending.
      const now = await this.hours.findById(log.id);
      if (!now) throw DomainError.notFound('Hour log');
      assertPending(now, 'approve');
      key = `hours:${log.id}:after:${hold.holdId}`;
    }
    throw new Error(`hour log ${log.id}: ${MAX_RELEASED_HOLDS} holds in a row were released`);
  }
}

/** A refusal of one item of a batch, with its key so the gateway can say it in the caller's language. */
function refusalOf(error: DomainError): ApprovalRefusalView {
  return {
    code: error.code,
    message: error.message,
    ...(error.messageKey && { messageKey: error.messageKey, params: error.params }),
  };
}

/** Long enough for the ledger to post it even after an outage of days. */
const HOLD_LIFETIME_MS = 14 * 24 * 3600 * 1000;

/** A log pending for months with failed approvals: past this, something else is wrong. */
const MAX_RELEASED_HOLDS = 20;
