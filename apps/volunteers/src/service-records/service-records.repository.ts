import { Outbox } from '@app/common';
import { ServiceDetails, TierReachedEvent, VolunteersEvents } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { ServiceRecordEntity } from './service-records.entity';

/** Who a record belongs to and the community that issues it (the volunteer's own). */
export interface RecordHolder {
  volunteerId: string;
  displayName: string;
  roles: string[];
  communityId: string | null;
  communityCode: string | null;
  communityName: string | null;
}

export interface EntryRow {
  source: ServiceDetails['source'];
  sourceId: string;
  transferId: string;
  description: string;
  communityId: string;
  communityName: string;
  servedOn: string;
  minutes: number;
  verifiedBy: string;
  verifiedByName: string;
  verifiedAt: Date;
  reversedAt: Date | null;
}

@Injectable()
export class ServiceRecordsRepository {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  private get records() {
    return this.manager.getRepository(ServiceRecordEntity);
  }

  /** This repository on another transaction's manager (an event being applied). */
  within(manager: EntityManager): ServiceRecordsRepository {
    return new ServiceRecordsRepository(manager, this.outbox);
  }

  /** Creates the volunteer's record with this certificate code unless it has one already. */
  async ensureRecord(volunteerId: string, certificateCode: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO volunteers.service_records (volunteer_id, certificate_code) VALUES ($1, $2)
       ON CONFLICT (volunteer_id) DO NOTHING`,
      [volunteerId, certificateCode],
    );
  }

  findRecord(volunteerId: string): Promise<ServiceRecordEntity | null> {
    return this.records.findOneBy({ volunteerId });
  }

  findRecordByCode(certificateCode: string): Promise<ServiceRecordEntity | null> {
    return this.records.findOneBy({ certificateCode });
  }

  /** Reads and locks the record until the transaction ends: one event at a time per volunteer. */
  findRecordForUpdate(volunteerId: string): Promise<ServiceRecordEntity | null> {
    return this.records
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.volunteer_id = :volunteerId', { volunteerId })
      .getOne();
  }

  async holder(volunteerId: string): Promise<RecordHolder | null> {
    const [row]: RecordHolder[] = await this.manager.query(
      `SELECT m.id AS "volunteerId", m.display_name AS "displayName", m.roles,
              c.id AS "communityId", c.code AS "communityCode", c.name AS "communityName"
         FROM volunteers.members m
         LEFT JOIN volunteers.communities c ON c.id = m.community_id
        WHERE m.id = $1`,
      [volunteerId],
    );
    return row ?? null;
  }

  /** One entry per source: a redelivered or repeated credit adds nothing. True when added. */
  async addEntry(details: ServiceDetails, transferId: string): Promise<boolean> {
    const added: unknown[] = await this.manager.query(
      `INSERT INTO volunteers.service_entries
         (volunteer_id, source, source_id, transfer_id, description, community_id, served_on,
          minutes, verified_by, verified_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        details.volunteerId,
        details.source,
        details.sourceId,
        transferId,
        details.description,
        details.communityId,
        details.servedOn,
        details.minutes,
        details.verifiedBy,
        details.verifiedAt,
      ],
    );
    return added.length > 0;
  }

  /** Marks the entry the reversed transfer paid for as undone; true when there was one. */
  async markReversed(transferId: string, reversalTransferId: string, at: string): Promise<boolean> {
    const marked: unknown[] = await this.manager.query(
      `UPDATE volunteers.service_entries SET reversed_at = $3, reversal_transfer_id = $2
        WHERE transfer_id = $1 AND reversed_at IS NULL RETURNING id`,
      [transferId, reversalTransferId, at],
    );
    return marked.length > 0;
  }

  async raiseLifetimeEarned(volunteerId: string, minutes: number): Promise<void> {
    await this.manager.query(
      `UPDATE volunteers.service_records
          SET lifetime_earned_minutes = greatest(lifetime_earned_minutes, $2)
        WHERE volunteer_id = $1`,
      [volunteerId, minutes],
    );
  }

  /** Records the tier reached and announces it (`volunteers.tier.reached`) in the same transaction. */
  async recordTierReached(event: TierReachedEvent): Promise<void> {
    await this.records.update(
      { volunteerId: event.volunteerId },
      { tierLevel: event.level, tierReachedAt: new Date(event.at) },
    );
    await this.outbox.add(this.manager, VolunteersEvents.tierReached, event);
  }

  /** Every entry, newest service first, with the names of the community and the verifier. */
  entries(volunteerId: string): Promise<EntryRow[]> {
    return this.manager.query(
      `SELECT e.source, e.source_id AS "sourceId", e.transfer_id AS "transferId", e.description,
              e.community_id AS "communityId", coalesce(c.name, '') AS "communityName",
              e.served_on::text AS "servedOn", e.minutes, e.verified_by AS "verifiedBy",
              coalesce(v.display_name, '') AS "verifiedByName", e.verified_at AS "verifiedAt",
              e.reversed_at AS "reversedAt"
         FROM volunteers.service_entries e
         LEFT JOIN volunteers.communities c ON c.id = e.community_id
         LEFT JOIN volunteers.members v ON v.id = e.verified_by
        WHERE e.volunteer_id = $1
        ORDER BY e.served_on DESC, e.verified_at DESC, e.id`,
      [volunteerId],
    );
  }
}
