import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Key/value facts about this database (see migration CreateServerMeta). */
@Entity({ name: 'server_meta' })
export class ServerMetaEntity {
  @PrimaryColumn({ type: 'varchar' })
  key: string;

  @Column({ type: 'text' })
  value: string;

  // No explicit type: TypeORM maps Date to each engine's own (datetime in SQLite, timestamp in
  // PostgreSQL; 'datetime' would stop a PostgreSQL DataSource from starting). The default is
  // SQLite's, for the drift check there; on PostgreSQL the migration's now() is what applies.
  @Column({ name: 'updated_at', default: () => "datetime('now')" })
  updatedAt: Date;
}
