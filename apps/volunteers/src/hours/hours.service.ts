import { DomainError, ErrorCode, FieldError } from '@app/common';
import {
  Actor,
  ApprovalResultView,
  ApproveHoursCommand,
  ApproveManyHoursCommand,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  HourLogPage,
  HourLogView,
  HoursQueryDto,
  LogHoursDto,
  RejectHoursCommand,
  ApproveManyResultView,
  todayIn,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { CommunitiesRepository } from '../communities/communities.repository';
import { ActorAuthority } from '../members/actor-authority';
import { nulCharacterErrors } from '../stored-text';
import { VolunteersConfig } from '../volunteers.config';
import {
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

function toHourLogView(log: HourLogEntity): HourLogView {
  return {
    id: log.id,
    status: log.status,
    volunteerId: log.volunteerId,
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

@Injectable()
export class HoursService {
  constructor(
    private readonly hours: HoursRepository,
    private readonly communities: CommunitiesRepository,
    private readonly authority: ActorAuthority,
    private readonly config: VolunteersConfig,
  ) {}

  /** A volunteer logs service done outside a request; a coordinator of that community reviews it. */
  async log(actor: Actor | null, dto: LogHoursDto): Promise<HourLogView> {
    const current = await this.authority.current(actor);
    if (!current.roles.includes('volunteer')) {
      throw DomainError.forbidden('Only volunteers log hours');
    }
    const communityId = dto.communityId ?? current.communityId;
    const errors: FieldError[] = [
      ...nulCharacterErrors({ description: dto.description }),
      ...servedOnErrors(dto.servedOn, todayIn(this.config.SERVICE_TIME_ZONE)),
    ];
    if (communityId === null) {
      errors.push({ field: 'communityId', message: 'communityId is required: you have none' });
    }
    if (errors.length > 0) throw DomainError.validation(errors);
    if (!(await this.communities.exists(communityId!))) {
      throw DomainError.validation([{ field: 'communityId', message: 'no such community' }]);
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
    return toHourLogView(log);
  }

  async get(actor: Actor | null, id: string): Promise<HourLogView> {
    const current = await this.authority.current(actor);
    const log = await this.hours.findById(id);
    if (!log || !mayViewLog(current, log)) throw DomainError.notFound('Hour log');
    return toHourLogView(log);
  }

  /** Own logs for everyone, the communities' for their coordinators, every log for admins. */
  async list(actor: Actor | null, query: HoursQueryDto): Promise<HourLogPage> {
    const current = await this.authority.current(actor);
    const cursor = decodeCursor<{ s: string }>(query.cursor, ['s']);
    if (cursor === null || (cursor && !/^\d{1,19}$/.test(cursor.s))) {
      throw DomainError.validation([{ field: 'cursor', message: 'cursor is not one of ours' }]);
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.hours.list({
      scope: listScope(current),
      status: query.status,
      communityId: query.communityId,
      volunteerId: query.mine ? current.memberId : undefined,
      beforeSeq: cursor?.s,
      limit,
    });
    const items = rows.slice(0, limit);
    const more = rows.length > limit;
    return {
      items: items.map(toHourLogView),
      nextCursor: more ? encodeCursor({ s: items[items.length - 1].seq }) : null,
    };
  }

  async approve(actor: Actor | null, command: ApproveHoursCommand): Promise<HourLogView> {
    const current = await this.authority.current(actor);
    return toHourLogView(await this.approveOne(current, command.id, command.idempotencyKey));
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
      throw DomainError.forbidden('Only coordinators approve hours');
    }
    const results: ApprovalResultView[] = [];
    for (const id of command.ids) {
      try {
        const log = await this.approveOne(current, id, `${command.idempotencyKey}:${id}`);
        results.push({ id, outcome: 'approved', log: toHourLogView(log) });
      } catch (error) {
        if (!(error instanceof DomainError) || error.code === ErrorCode.INTERNAL) throw error;
        results.push({
          id,
          outcome: 'refused',
          error: { code: error.code, message: error.message },
        });
      }
    }
    const approved = results.filter((r) => r.outcome === 'approved').length;
    return { approved, refused: results.length - approved, results };
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
    return toHourLogView(log);
  }

  /** The same Idempotency-Key again answers with the approved log instead of INVALID_STATE. */
  private approveOne(current: Actor, id: string, key: string): Promise<HourLogEntity> {
    return this.hours.transaction(async (hours) => {
      const log = await hours.findByIdForUpdate(id);
      if (!log) throw DomainError.notFound('Hour log');
      assertMayReview(current, log);
      if (log.status === 'approved' && log.approvalKey === key) return log;
      assertNotOwnLog(current, log);
      assertPending(log, 'approve');
      const at = new Date();
      return hours.approve(
        log.id,
        current.memberId,
        at,
        key,
        hoursVerifiedEvent(log, current.memberId, at),
      );
    });
  }
}
