import { DiscountView, OfferStatus } from '@app/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'rewards', name: 'offers' })
export class OfferEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'merchant_id' }) merchantId!: string;
  @Column('uuid', { name: 'community_id' }) communityId!: string;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @Column('jsonb') discount!: DiscountView;
  @Column('int', { name: 'credit_cost_minutes' }) creditCostMinutes!: number;
  @Column('int', { name: 'min_tier' }) minTier!: number;
  @Column('timestamptz', { name: 'valid_from' }) validFrom!: Date;
  @Column('timestamptz', { name: 'valid_until' }) validUntil!: Date;
  @Column('int') quantity!: number;
  @Column('int', { name: 'per_member_limit' }) perMemberLimit!: number;
  @Column('text') status!: OfferStatus;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('uuid', { name: 'approved_by', nullable: true }) approvedBy!: string | null;
  @Column('timestamptz', { name: 'approved_at', nullable: true }) approvedAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
