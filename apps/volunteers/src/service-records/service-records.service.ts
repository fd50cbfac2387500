import { DomainError } from '@app/common';
import {
  Actor,
  CertificateView,
  ServiceRecordView,
  TierReachedEvent,
  tierFor,
} from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActorAuthority } from '../members/actor-authority';
import { tierRise } from '../tiers/tier-rules';
import { TierSchedule } from '../tiers/tier-schedule';
import { VolunteersConfig } from '../volunteers.config';
import {
  certificateNumber,
  creditedVolunteer,
  isCertificateCode,
  mayReadRecord,
  newCertificateCode,
  PostedTransfer,
  serviceDetailsProblems,
  volunteerNumber,
  summarize,
  touchesServiceRecords,
} from './service-record-rules';
import { ServiceRecordEntity } from './service-records.entity';
import { EntryRow, RecordHolder, ServiceRecordsRepository } from './service-records.repository';

const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

@Injectable()
export class ServiceRecordsService {
  private readonly logger = new Logger('ServiceRecords');

  constructor(
    private readonly records: ServiceRecordsRepository,
    private readonly authority: ActorAuthority,
    private readonly schedule: TierSchedule,
    private readonly config: VolunteersConfig,
  ) {}

  /** The volunteer's record: for the volunteer, coordinators of its community and admins. */
  async get(actor: Actor | null, volunteerId: string): Promise<ServiceRecordView> {
    const current = await this.authority.current(actor);
    const holder = await this.records.holder(volunteerId);
    if (!holder) throw DomainError.notFound('Volunteer');
    if (!mayReadRecord(current, holder)) {
      throw DomainError.forbidden('volunteers.serviceRecords.readForbidden');
    }
    let record = await this.records.findRecord(volunteerId);
    if (!record) {
      if (!holder.roles.includes('volunteer')) throw DomainError.notFound('Service record');
      await this.records.ensureRecord(volunteerId, newCertificateCode());
      record = (await this.records.findRecord(volunteerId))!;
    }
    const entries = await this.records.entries(volunteerId);
    return {
      volunteerId,
      ...this.standing(record, holder, entries),
      certificateCode: record.certificateCode,
      certificateNumber: certificateNumber(
        record.certificateNumber,
        record.issuedAt,
        this.config.CITY_TIME_ZONE,
      ),
      issuedAt: record.issuedAt.toISOString(),
      entries: entries.map((e) => ({
        source: e.source,
        sourceId: e.sourceId,
        description: e.description,
        communityId: e.communityId,
        communityName: e.communityName,
        servedOn: e.servedOn,
        minutes: e.minutes,
        verifiedBy: e.verifiedBy,
        verifiedByName: e.verifiedByName,
        verifiedAt: new Date(e.verifiedAt).toISOString(),
        transferId: e.transferId,
        reversed: e.reversedAt !== null,
        reversedAt: e.reversedAt ? new Date(e.reversedAt).toISOString() : null,
      })),
    };
  }

  /** Anyone with the code may check a certificate; any other code is simply not found. */
  async certificate(code: string): Promise<CertificateView> {
    const record = isCertificateCode(code) ? await this.records.findRecordByCode(code) : null;
    const holder = record && (await this.records.holder(record.volunteerId));
    if (!record || !holder) throw DomainError.notFound('Certificate');
    const entries = await this.records.entries(record.volunteerId);
    return {
      certificateNumber: certificateNumber(
        record.certificateNumber,
        record.issuedAt,
        this.config.CITY_TIME_ZONE,
      ),
      ...this.standing(record, holder, entries),
      issuedAt: record.issuedAt.toISOString(),
      asOf: new Date().toISOString(),
      valid: record.revokedAt === null,
      service: entries
        .filter((e) => e.reversedAt === null)
        .map((e) => ({
          servedOn: e.servedOn,
          description: e.description,
          communityName: e.communityName,
          minutes: e.minutes,
        })),
    };
  }

  /**
   * Applies one posted transfer, inside the consumer's transaction (with its
   * inbox row): a service credit adds its record entry and may lift the tier;
   * a reversal of one marks its entry reversed. Anything else is not ours.
   */
  async applyTransferPosted(posted: PostedTransfer, manager: EntityManager): Promise<void> {
    if (!touchesServiceRecords(posted)) return;
    const records = this.records.within(manager);
    if (posted.kind === 'reversal') {
      await records.markReversed(posted.reversesTransferId!, posted.transferId, posted.at);
      return;
    }
    const volunteerId = creditedVolunteer(posted);
    if (!volunteerId) return;
    if (posted.details) {
      const problems = serviceDetailsProblems(posted.details, volunteerId);
      // Thrown, so the event ends among the dead letters instead of a wrong record.
      if (problems.length > 0) {
        throw new Error(
          `transfer ${posted.transferId}: bad service details: ${problems.join(', ')}`,
        );
      }
    }
    await records.ensureRecord(volunteerId, newCertificateCode());
    const record = (await records.findRecordForUpdate(volunteerId))!;
    if (posted.details && !(await records.addEntry(posted.details, posted.transferId))) {
      this.logger.warn(
        `${posted.details.source} ${posted.details.sourceId} was already on record (transfer ${posted.transferId})`,
      );
    }
    await records.raiseLifetimeEarned(volunteerId, posted.toLifetimeEarnedMinutes);
    const rise = tierRise(record.tierLevel, posted.toLifetimeEarnedMinutes, this.schedule.tiers);
    if (rise) {
      const event: TierReachedEvent = {
        volunteerId,
        level: rise.level,
        name: rise.name,
        lifetimeEarnedMinutes: posted.toLifetimeEarnedMinutes,
        at: posted.at,
      };
      await records.recordTierReached(event);
    }
  }

  /** Who holds the record and what it adds up to: the record and the certificate both show it. */
  private standing(record: ServiceRecordEntity, holder: RecordHolder, entries: EntryRow[]) {
    const summary = summarize(entries);
    return {
      volunteerNumber: volunteerNumber(record.volunteerNumber),
      displayName: holder.displayName,
      issuingCommunity: issuingCommunity(holder),
      totalMinutes: summary.totalMinutes,
      totalHours: hoursOf(summary.totalMinutes),
      serviceCount: summary.serviceCount,
      firstServedOn: summary.firstServedOn,
      lastServedOn: summary.lastServedOn,
      tier: this.tierOf(record),
    };
  }

  private tierOf(record: ServiceRecordEntity) {
    return tierFor(record.lifetimeEarnedMinutes, this.schedule.tiers);
  }
}

function issuingCommunity(holder: RecordHolder) {
  return { id: holder.communityId, code: holder.communityCode, name: holder.communityName };
}
