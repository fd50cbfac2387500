import {
  Column,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  CreateDateColumn,
  ManyToOne,
  JoinColumn,
} from 'typeorm';

@Entity({ schema: 'volunteers', name: 'communities' })
export class CommunityEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;

  @OneToMany(() => GridUnitEntity, (unit) => unit.community) gridUnits?: GridUnitEntity[];
}

@Entity({ schema: 'volunteers', name: 'grid_units' })
export class GridUnitEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'community_id' }) communityId!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;

  @ManyToOne(() => CommunityEntity, (community) => community.gridUnits)
  @JoinColumn({ name: 'community_id' })
  community?: CommunityEntity;
}
