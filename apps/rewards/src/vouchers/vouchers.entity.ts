import { DiscountView, VoucherStatus } from '@app/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

const time = (name: string) => ({ name, type: 'timestamptz' as const, nullable: true });

@Entity({ schema: 'rewards', name: 'vouchers' })
export class VoucherEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'offer_id' }) offerId!: string;
  @Column('uuid', { name: 'merchant_id' }) merchantId!: string;
  @Column('uuid', { name: 'community_id' }) communityId!: string;
  @Column('uuid', { name: 'member_id' }) memberId!: string;
  /** The member's name when they claimed it: what the counter sees. */
  @Column('text', { name: 'member_display_name' }) memberDisplayName!: string;
  @Column('text') code!: string;
  @Column('text') status!: VoucherStatus;
  /** The ledger hold of the credit cost, taken when the voucher was claimed. */
  @Column('uuid', { name: 'hold_id' }) holdId!: string;
  @Column('text', { name: 'offer_title' }) offerTitle!: string;
  @Column('jsonb') discount!: DiscountView;
  @Column('int', { name: 'credit_cost_minutes' }) creditCostMinutes!: number;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column(time('redeemed_at')) redeemedAt!: Date | null;
  @Column('uuid', { name: 'redeemed_by', nullable: true }) redeemedBy!: string | null;
  @Column('text', { name: 'redeem_key', nullable: true }) redeemKey!: string | null;
  @Column(time('cancelled_at')) cancelledAt!: Date | null;
  @Column(time('expired_at')) expiredAt!: Date | null;
}
