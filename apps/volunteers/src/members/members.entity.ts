import { StampedEntity } from '@app/common';
import { Locale, MemberStatus, Role } from '@app/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ schema: 'volunteers', name: 'members' })
export class MemberEntity extends StampedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** As the member wrote it; unique regardless of case. */
  @Column('text', { nullable: true }) email!: string | null;
  /** E.164. */
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text', { array: true }) roles!: Role[];
  @Column('uuid', { name: 'community_id', nullable: true }) communityId!: string | null;
  @Column('uuid', { name: 'grid_unit_id', nullable: true }) gridUnitId!: string | null;
  @Column('boolean', { name: 'priority_household' }) priorityHousehold!: boolean;
  @Column('uuid', { name: 'merchant_id', nullable: true }) merchantId!: string | null;
  @Column('uuid', { name: 'coordinator_of', array: true }) coordinatorOf!: string[];
  /** Moves on with every change that must end earlier access tokens (see MemberRights). */
  @Column('integer', { name: 'rights_version', default: 0 }) rightsVersion!: number;
  @Column('text', { default: 'active' }) status!: MemberStatus;
  @Column('boolean', { name: 'must_change_password', default: false }) mustChangePassword!: boolean;
  @Column('text', { default: 'zh-CN' }) locale!: Locale;
  @Column('timestamptz', { name: 'suspended_at', nullable: true }) suspendedAt!: Date | null;
  @Column('text', { name: 'suspension_reason', nullable: true }) suspensionReason!: string | null;
  /** Printed on the member card: 10 digits, Luhn check digit last. */
  @Column('text', { name: 'card_number' }) cardNumber!: string;
}
