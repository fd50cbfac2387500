import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ schema: 'volunteers', name: 'volunteer_profiles' })
export class VolunteerProfileEntity {
  @PrimaryColumn('uuid', { name: 'member_id' }) memberId!: string;
  @Column('text', { array: true }) skills!: string[];
  @Column('text', { nullable: true }) availability!: string | null;
  @Column('text', { nullable: true }) bio!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
