import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * The created_at and updated_at columns that TypeORM stamps on insert and on
 * every save: declared once for each entity whose table keeps both, so they
 * are the same column everywhere.
 */
export abstract class StampedEntity {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
