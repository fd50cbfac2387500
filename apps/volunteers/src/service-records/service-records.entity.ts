import { ServiceSource } from '@app/contracts';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One per volunteer: its numbers, its certificate and the tier it has reached. */
@Entity({ schema: 'volunteers', name: 'service_records' })
export class ServiceRecordEntity {
  @PrimaryColumn('uuid', { name: 'volunteer_id' }) volunteerId!: string;
  @Column({ type: 'bigint', name: 'volunteer_number', insert: false, update: false })
  volunteerNumber!: string;
  /** 192 random bits, URL-safe: the only key to the public certificate. */
  @Column('text', { name: 'certificate_code' }) certificateCode!: string;
  @Column({ type: 'bigint', name: 'certificate_number', insert: false, update: false })
  certificateNumber!: string;
  @Column({ type: 'timestamptz', name: 'issued_at', insert: false, update: false }) issuedAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  /** The highest lifetime earned minutes the ledger has announced for the volunteer. */
  @Column('int', { name: 'lifetime_earned_minutes' }) lifetimeEarnedMinutes!: number;
  /** The highest tier announced (volunteers.tier.reached), so each is announced once. */
  @Column('int', { name: 'tier_level' }) tierLevel!: number;
  @Column('timestamptz', { name: 'tier_reached_at', nullable: true }) tierReachedAt!: Date | null;
}

/** One piece of verified, paid service: what, where, when, how long, verified by whom. */
@Entity({ schema: 'volunteers', name: 'service_entries' })
export class ServiceEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'volunteer_id' }) volunteerId!: string;
  @Column('text') source!: ServiceSource;
  @Column('uuid', { name: 'source_id' }) sourceId!: string;
  @Column('uuid', { name: 'transfer_id' }) transferId!: string;
  @Column('text') description!: string;
  @Column('uuid', { name: 'community_id' }) communityId!: string;
  @Column('date', { name: 'served_on' }) servedOn!: string;
  @Column('int') minutes!: number;
  @Column('uuid', { name: 'verified_by' }) verifiedBy!: string;
  @Column('timestamptz', { name: 'verified_at' }) verifiedAt!: Date;
  @Column({ type: 'timestamptz', name: 'recorded_at', insert: false, update: false })
  recordedAt!: Date;
  @Column('timestamptz', { name: 'reversed_at', nullable: true }) reversedAt!: Date | null;
  @Column('uuid', { name: 'reversal_transfer_id', nullable: true })
  reversalTransferId!: string | null;
}
