import { StampedEntity } from '@app/common';
import { RequestCategory, RequestFunding, RequestStatus, RequestStepAction } from '@app/contracts';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

const time = (name: string) => ({ name, type: 'timestamptz' as const, nullable: true });

@Entity({ schema: 'requests', name: 'help_requests' })
export class HelpRequestEntity extends StampedEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @Column('text') category!: RequestCategory;
  @Column('text') status!: RequestStatus;
  @Column('uuid', { name: 'requester_id' }) requesterId!: string;
  /** Who posted it: the requester, or a coordinator acting for them. */
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('uuid', { name: 'volunteer_id', nullable: true }) volunteerId!: string | null;
  @Column('uuid', { name: 'community_id' }) communityId!: string;
  @Column('uuid', { name: 'grid_unit_id', nullable: true }) gridUnitId!: string | null;
  @Column('timestamptz', { name: 'window_start' }) windowStart!: Date;
  @Column('timestamptz', { name: 'window_end' }) windowEnd!: Date;
  @Column('int', { name: 'estimated_minutes' }) estimatedMinutes!: number;
  @Column('int', { name: 'completed_minutes', nullable: true }) completedMinutes!: number | null;
  @Column('int', { name: 'confirmed_minutes', nullable: true }) confirmedMinutes!: number | null;
  @Column('text') funding!: RequestFunding;
  /** The ledger hold of the estimated minutes, taken when the request was posted. */
  @Column('uuid', { name: 'hold_id' }) holdId!: string;
  @Column('text', { name: 'create_fingerprint' }) createFingerprint!: string;
  @Column('text', { name: 'completion_note', nullable: true }) completionNote!: string | null;
  @Column('text', { name: 'dispute_reason', nullable: true }) disputeReason!: string | null;
  @Column('text', { name: 'resolution_note', nullable: true }) resolutionNote!: string | null;
  @Column('uuid', { name: 'confirmed_by', nullable: true }) confirmedBy!: string | null;
  @Column('uuid', { name: 'cancelled_by', nullable: true }) cancelledBy!: string | null;
  @Column('uuid', { name: 'resolved_by', nullable: true }) resolvedBy!: string | null;
  @Column('uuid', { name: 'disputed_by', nullable: true }) disputedBy!: string | null;
  /** The Idempotency-Key and content of the confirmation or resolution that settled it. */
  @Column('text', { name: 'settle_key', nullable: true }) settleKey!: string | null;
  @Column('text', { name: 'settle_fingerprint', nullable: true }) settleFingerprint!: string | null;
  @Column(time('accepted_at')) acceptedAt!: Date | null;
  @Column(time('first_accepted_at')) firstAcceptedAt!: Date | null;
  @Column(time('completed_at')) completedAt!: Date | null;
  @Column(time('confirmed_at')) confirmedAt!: Date | null;
  @Column(time('disputed_at')) disputedAt!: Date | null;
  @Column(time('resolved_at')) resolvedAt!: Date | null;
  @Column(time('cancelled_at')) cancelledAt!: Date | null;
  @Column(time('expired_at')) expiredAt!: Date | null;
}

/** One change of a request's status, and who made it: the request's history, appended to only. */
@Entity({ schema: 'requests', name: 'help_request_steps' })
export class RequestStepEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq!: string;
  @Column('uuid', { name: 'request_id' }) requestId!: string;
  @Column('text') action!: RequestStepAction;
  @Column('text') status!: RequestStatus;
  /** null: the service itself (a window that passed). */
  @Column('uuid', { name: 'acted_by', nullable: true }) actedBy!: string | null;
  /** The requester, when someone else did one of their steps. */
  @Column('uuid', { name: 'on_behalf_of', nullable: true }) onBehalfOf!: string | null;
  @Column('timestamptz') at!: Date;
}
