import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A requester's rating of the volunteer who served one request. */
@Entity({ schema: 'requests', name: 'ratings' })
export class RatingEntity {
  @PrimaryColumn('uuid', { name: 'request_id' }) requestId!: string;
  @Column('uuid', { name: 'volunteer_id' }) volunteerId!: string;
  /** Who rated: the requester, or the coordinator confirming for them. */
  @Column('uuid', { name: 'rated_by' }) ratedBy!: string;
  @Column('int') rating!: number;
  @Column('text', { nullable: true }) comment!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
