import { StampedEntity } from '@app/common';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'volunteers', name: 'volunteer_profiles' })
export class VolunteerProfileEntity extends StampedEntity {
  @PrimaryColumn('uuid', { name: 'member_id' }) memberId!: string;
  @Column('text', { array: true }) skills!: string[];
  @Column('text', { nullable: true }) availability!: string | null;
  @Column('text', { nullable: true }) bio!: string | null;
}
