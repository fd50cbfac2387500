import { StampedEntity } from '@app/common';
import { HourLogStatus } from '@app/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ schema: 'volunteers', name: 'hour_logs' })
export class HourLogEntity extends StampedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Insertion order: lists page by it. */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid', { name: 'volunteer_id' }) volunteerId!: string;
  @Column('uuid', { name: 'community_id' }) communityId!: string;
  @Column('int') minutes!: number;
  /** YYYY-MM-DD */
  @Column('date', { name: 'served_on' }) servedOn!: string;
  @Column('text') description!: string;
  @Column('text') status!: HourLogStatus;
  @Column('uuid', { name: 'reviewed_by', nullable: true }) reviewedBy!: string | null;
  @Column('timestamptz', { name: 'reviewed_at', nullable: true }) reviewedAt!: Date | null;
  @Column('text', { name: 'rejection_reason', nullable: true }) rejectionReason!: string | null;
  @Column('text', { name: 'approval_key', nullable: true }) approvalKey!: string | null;
}
