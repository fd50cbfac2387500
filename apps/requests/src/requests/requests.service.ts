import {
  DomainError,
  fieldError,
  ErrorCode,
  FieldError,
  fingerprint,
  idempotencyMismatch,
  OutboxEntry,
  outboxEntry,
} from '@app/common';
import { isUUID } from 'class-validator';
import {
  Actor,
  canCoordinate,
  CommunityQueueQuery,
  CompleteHelpRequestCommand,
  ConfirmHelpRequestCommand,
  CreateHelpRequestCommand,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  DisputeHelpRequestCommand,
  encodeCursor,
  HelpRequestPage,
  HelpRequestView,
  ListHelpRequestsQuery,
  MemberView,
  RequestFunding,
  RequestsEvents,
  RequestsQueue,
  ResolveHelpRequestCommand,
  holdAfterSweeps,
  HoldOwnerAnswer,
  HoldOwnerCheckQuery,
} from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { MemberNamesService } from '../members/member-names.service';
import { MemberName } from '../members/member-names.repository';
import { LedgerClient } from '../peers/ledger.client';
import { VolunteersDirectory } from '../peers/volunteers.directory';
import { RequestsConfig } from '../requests.config';
import { holdKeyFor, requestIdFor } from './request-keys';
import {
  hoursVerifiedEvent,
  lifecycleEvent,
  listRank,
  RequestAction,
  requestClosedEvent,
  settleReplay,
  stepOf,
  transition,
  windowErrors,
} from './request-rules';
import { toHelpRequestView, toRequestStepView } from './request-views';
import { maySee, RequestViewer, seesPrivateDetails, viewerOf } from './request-visibility';
import { HelpRequestEntity } from './requests.entity';
import { RequestsRepository } from './requests.repository';

const HOUR_MS = 3600 * 1000;

interface Requester {
  id: string;
  communityId: string;
  gridUnitId: string | null;
  priorityHousehold: boolean;
}

/** A settling command's Idempotency-Key and content, so a retry gets the first answer. */
interface Settle {
  key: string;
  fingerprint: string;
}

@Injectable()
export class RequestsService {
  constructor(
    private readonly requests: RequestsRepository,
    private readonly volunteers: VolunteersDirectory,
    private readonly ledger: LedgerClient,
    private readonly config: RequestsConfig,
    private readonly names: MemberNamesService,
  ) {}

  /**
   * A resident asks for help, or a coordinator asks for a resident. The payer's
   * estimated minutes are held first, then the request is stored with its hold:
   * if storing fails, the ledger's sweeper voids the hold minutes later (no undo
   * here), and a retry of the same create takes a fresh one (holdAfterSweeps).
   */
  async create(
    actor: Actor | null,
    { idempotencyKey, request: dto }: CreateHelpRequestCommand,
  ): Promise<HelpRequestView> {
    const { actor: me, member } = await this.volunteers.current(actor);
    const requester = await this.requesterFor(me, member, dto.requesterId);
    const windowStart = new Date(dto.windowStart);
    const windowEnd = new Date(dto.windowEnd);
    const errors: FieldError[] = windowErrors(windowStart, windowEnd, new Date());
    if (
      dto.gridUnitId !== undefined &&
      !(await this.volunteers.isGridUnitOf(dto.gridUnitId, requester.communityId))
    ) {
      errors.push(fieldError('gridUnitId', 'requests.gridUnitNotOfCommunity'));
    }
    if (errors.length > 0) throw DomainError.validation(errors);

    const id = requestIdFor(idempotencyKey);
    const content = fingerprint(
      {
        title: dto.title,
        description: dto.description,
        category: dto.category,
        windowStart: windowStart.toISOString(),
        windowEnd: windowEnd.toISOString(),
        estimatedMinutes: dto.estimatedMinutes,
        gridUnitId: dto.gridUnitId,
        requesterId: requester.id,
      },
      'fields-hex',
    );
    const earlier = await this.requests.findById(id);
    if (earlier) return this.replayOfCreate(earlier, content, me);

    const funding: RequestFunding = requester.priorityHousehold ? 'community' : 'requester';
    const hold = await holdAfterSweeps(holdKeyFor(id), (key) =>
      this.ledger.createHold({
        idempotencyKey: key,
        kind: 'service',
        from:
          funding === 'community'
            ? { type: 'community_fund', id: requester.communityId }
            : { type: 'member', id: requester.id },
        minutes: dto.estimatedMinutes,
        reference: `request:${id}`,
        expiresAt: new Date(
          windowEnd.getTime() + this.config.REQUEST_HOLD_GRACE_HOURS * HOUR_MS,
        ).toISOString(),
      }),
    );
    const postedAt = new Date();
    const posted = stepOf({ id, requesterId: requester.id }, 'post', 'open', me, postedAt);
    const saved = await this.requests.insert(
      {
        id,
        title: dto.title,
        description: dto.description,
        category: dto.category,
        requesterId: requester.id,
        createdBy: me.memberId,
        communityId: requester.communityId,
        gridUnitId: dto.gridUnitId ?? requester.gridUnitId,
        windowStart,
        windowEnd,
        estimatedMinutes: dto.estimatedMinutes,
        funding,
        holdId: hold.holdId,
        createFingerprint: content,
        createdAt: postedAt,
      },
      posted,
    );
    if (!saved) {
      // The same POST, retried at the same moment, stored it first.
      return this.replayOfCreate(await this.requests.findById(id), content, me);
    }
    return this.view(saved, me);
  }

  /** For the ledger's hold sweeper: whether the request holds this hold. */
  async holdsHold({ rowId, holdId }: HoldOwnerCheckQuery): Promise<HoldOwnerAnswer> {
    const request = await this.requests.findById(rowId);
    return { present: request?.holdId === holdId };
  }

  /** One request, if the rules let the caller see it; otherwise 404, as if there were none. */
  async get(actor: Actor | null, id: string): Promise<HelpRequestView> {
    if (!actor) throw DomainError.notFound('Help request');
    const request = await this.requests.findById(id);
    if (!request || !maySee(viewerOf(actor), request)) throw DomainError.notFound('Help request');
    return this.view(request, actor);
  }

  /**
   * What the caller may see (the same rule as `get`, as SQL); a volunteer sees
   * their grid unit's, then their community's first.
   */
  async list(actor: Actor | null, query: ListHelpRequestsQuery): Promise<HelpRequestPage> {
    const { actor: me, member } = await this.volunteers.current(actor);
    // The caller's rights as the gateway verified them, as `get` uses them: both agree.
    const seer = viewerOf(actor as Actor);
    const after = decodeCursor<{ r: number; w: string; i: string }>(query.cursor, ['r', 'w', 'i']);
    // Every part is checked here: a forged rank or id would make PostgreSQL fail.
    const forged =
      after &&
      (Number.isNaN(new Date(after.w).getTime()) ||
        !Number.isSafeInteger(after.r) ||
        Math.abs(after.r) > 2_147_483_647 ||
        !isUUID(after.i));
    if (after === null || forged) {
      throw DomainError.validation([fieldError('cursor', 'field.badCursor')]);
    }
    const viewer = me.roles.includes('volunteer')
      ? { gridUnitId: member.gridUnitId, communityId: member.communityId }
      : { gridUnitId: null, communityId: null };
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.requests.list(
      {
        status: query.status,
        communityId: query.communityId,
        category: query.category,
        mineOf: query.mine === 'true' ? me.memberId : undefined,
        requesterId: query.requesterId,
        volunteerId: query.volunteerId,
      },
      seer,
      viewer,
      after ? { rank: after.r, windowStart: new Date(after.w), id: after.i } : null,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: (await this.views(page, seer)).views,
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({
              r: listRank(last, viewer),
              w: last.windowStart.toISOString(),
              i: last.id,
            })
          : null,
    };
  }

  accept(actor: Actor | null, id: string): Promise<HelpRequestView> {
    return this.act(actor, id, { type: 'accept' });
  }

  release(actor: Actor | null, id: string): Promise<HelpRequestView> {
    return this.act(actor, id, { type: 'release' });
  }

  complete(
    actor: Actor | null,
    { id, completion }: CompleteHelpRequestCommand,
  ): Promise<HelpRequestView> {
    return this.act(actor, id, { type: 'complete', ...completion });
  }

  confirm(
    actor: Actor | null,
    { id, idempotencyKey, confirmation }: ConfirmHelpRequestCommand,
  ): Promise<HelpRequestView> {
    const action: RequestAction = { type: 'confirm', ...confirmation };
    return this.act(actor, id, action, {
      key: idempotencyKey,
      fingerprint: fingerprint({ ...confirmation, type: 'confirm' }, 'fields-hex'),
    });
  }

  dispute(
    actor: Actor | null,
    { id, dispute }: DisputeHelpRequestCommand,
  ): Promise<HelpRequestView> {
    return this.act(actor, id, { type: 'dispute', ...dispute });
  }

  resolve(
    actor: Actor | null,
    { id, idempotencyKey, resolution }: ResolveHelpRequestCommand,
  ): Promise<HelpRequestView> {
    return this.act(
      actor,
      id,
      { type: 'resolve', ...resolution },
      {
        key: idempotencyKey,
        fingerprint: fingerprint({ ...resolution, type: 'resolve' }, 'fields-hex'),
      },
    );
  }

  cancel(actor: Actor | null, id: string): Promise<HelpRequestView> {
    return this.act(actor, id, { type: 'cancel' });
  }

  /** The requests share of a community's queue: disputes to resolve, services to confirm. */
  async queue(actor: Actor | null, { communityId }: CommunityQueueQuery): Promise<RequestsQueue> {
    if (!canCoordinate(actor, communityId)) throw DomainError.forbidden('auth.roleOrCommunity');
    return this.requests.queueOf(communityId);
  }

  /** Tells requesters whose open request ends soon, each once, batch by batch; returns how many. */
  async warnExpiring(batch = 200): Promise<number> {
    let total = 0;
    let warned: number;
    do {
      warned = await this.requests.warnExpiring(this.config.REQUEST_EXPIRY_WARNING_HOURS, batch);
      total += warned;
    } while (warned === batch);
    return total;
  }

  /** Expires what is due, batch by batch; returns how many. */
  async expireDue(batch = 200): Promise<number> {
    let total = 0;
    let expired: number;
    do {
      expired = await this.requests.expireDue(batch);
      total += expired;
    } while (expired === batch);
    return total;
  }

  /**
   * One transition under the request's row lock: concurrent commands on one
   * request take turns, and each sees the state the previous one left. The
   * event it causes is written in the same transaction.
   */
  private async act(
    actor: Actor | null,
    id: string,
    action: RequestAction,
    settle?: Settle,
  ): Promise<HelpRequestView> {
    // The gateway's verified token, not a fresh lookup: a request once posted moves
    // (and above all is confirmed) even while the volunteers service is down.
    if (!actor) throw DomainError.of(ErrorCode.UNAUTHENTICATED, 'auth.noMember');
    const me = actor;
    const updated = await this.requests.transaction(async (requests) => {
      const request = await requests.findByIdForUpdate(id);
      if (!request) throw DomainError.notFound('Help request');
      const replay = settle ? settleReplay(request, settle.key, settle.fingerprint) : null;
      if (replay === 'replay') return request;
      if (replay === 'mismatch') throw idempotencyMismatch();

      const now = new Date();
      const { changes, effect, rating } = transition(request, action, me, now);
      const saved = await requests.update(
        request,
        {
          ...changes,
          ...(settle ? { settleKey: settle.key, settleFingerprint: settle.fingerprint } : {}),
        },
        now,
      );
      await requests.addStep(stepOf(request, action.type, saved.status, me, now));
      if (rating) {
        await requests.addRating({
          requestId: id,
          volunteerId: request.volunteerId as string,
          ratedBy: me.memberId,
          ...rating,
        });
      }
      // The step's events in one write: what it pays or releases, and what it tells.
      const events: OutboxEntry[] = [];
      if (effect.type === 'hoursVerified') {
        events.push(
          outboxEntry(
            RequestsEvents.hoursVerified,
            hoursVerifiedEvent(
              request,
              effect.minutes,
              me.memberId,
              now,
              this.config.CITY_TIME_ZONE,
            ),
          ),
        );
      } else if (effect.type === 'closed') {
        events.push(
          outboxEntry(RequestsEvents.requestClosed, requestClosedEvent(request, effect.reason)),
        );
      }
      const told = lifecycleEvent(saved, action, now);
      if (told) events.push(told);
      await requests.announce(events);
      return saved;
    });
    return this.view(updated, me);
  }

  /** One request, with its history for those who see its private details. */
  private async view(request: HelpRequestEntity, actor: Actor): Promise<HelpRequestView> {
    const viewer = viewerOf(actor);
    if (!seesPrivateDetails(viewer, request)) return (await this.views([request], viewer)).views[0];
    const steps = await this.requests.stepsOf(request.id);
    // The history's people are mostly the request's own: their names in the same one query.
    const actors = steps.flatMap((step) =>
      [step.actedBy, step.onBehalfOf].filter((id) => id !== null),
    );
    const { views, names } = await this.views([request], viewer, actors);
    return { ...views[0], history: steps.map((step) => toRequestStepView(step, names)) };
  }

  /** Views of one page: its ratings, and its people's names (and `alsoNamed`), one query each. */
  private async views(
    requests: HelpRequestEntity[],
    viewer: RequestViewer,
    alsoNamed: string[] = [],
  ): Promise<{ views: HelpRequestView[]; names: Map<string, MemberName> }> {
    const ratings = await this.requests.ratingsOf(requests.map((r) => r.id));
    const names = await this.names.of([
      ...requests.flatMap((r) =>
        r.volunteerId ? [r.requesterId, r.volunteerId] : [r.requesterId],
      ),
      ...alsoNamed,
    ]);
    const views = requests.map((r) => toHelpRequestView(r, ratings.get(r.id), names, viewer));
    return { views, names };
  }

  /** The member the request is for: the acting resident, or the resident a coordinator names. */
  private async requesterFor(
    me: Actor,
    member: MemberView,
    requesterId: string | undefined,
  ): Promise<Requester> {
    if (requesterId === undefined || requesterId === me.memberId) {
      if (!me.roles.includes('resident')) {
        throw DomainError.forbidden('requests.residentsOnly');
      }
      if (member.communityId === null) {
        throw DomainError.forbidden('requests.communityMembersOnly');
      }
      return {
        id: member.id,
        communityId: member.communityId,
        gridUnitId: member.gridUnitId,
        priorityHousehold: member.priorityHousehold,
      };
    }
    if (!me.roles.includes('coordinator') && !me.roles.includes('admin')) {
      throw DomainError.forbidden('requests.forOthersCoordinatorsOnly');
    }
    const requester = await this.volunteers.lookup(requesterId);
    if (!requester || requester.communityId === null || !requester.roles.includes('resident')) {
      throw DomainError.validation([fieldError('requesterId', 'requests.requesterNotResident')]);
    }
    if (!canCoordinate(me, requester.communityId)) {
      throw DomainError.forbidden('requests.requesterOutOfScope');
    }
    return {
      id: requester.id,
      communityId: requester.communityId,
      gridUnitId: requester.gridUnitId,
      priorityHousehold: requester.priorityHousehold,
    };
  }

  private async replayOfCreate(
    earlier: HelpRequestEntity | null,
    content: string,
    me: Actor,
  ): Promise<HelpRequestView> {
    if (!earlier) throw new Error('a request stored a moment ago is gone');
    if (earlier.createFingerprint !== content) throw idempotencyMismatch();
    return this.view(earlier, me);
  }
}
