import { TransferView } from '@app/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'rewards', name: 'settlements' })
export class SettlementEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'merchant_id' }) merchantId!: string;
  @Column('uuid', { name: 'community_id' }) communityId!: string;
  @Column('int') minutes!: number;
  @Column('text') fingerprint!: string;
  /** The ledger's answer, returned again to a retry. */
  @Column('jsonb') transfer!: TransferView;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
