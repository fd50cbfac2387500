import { MerchantStatus } from '@app/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'rewards', name: 'merchants' })
export class MerchantEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('uuid', { name: 'community_id' }) communityId!: string;
  @Column('text') address!: string;
  @Column('text', { nullable: true }) contact!: string | null;
  @Column('text') status!: MerchantStatus;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
