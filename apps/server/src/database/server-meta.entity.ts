import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Key/value facts about this database (see migration CreateServerMeta). */
@Entity({ name: 'server_meta' })
export class ServerMetaEntity {
  @PrimaryColumn({ type: 'varchar' })
  key: string;

  @Column({ type: 'text' })
  value: string;

  @Column({ name: 'updated_at', type: 'datetime', default: () => "datetime('now')" })
  updatedAt: Date;
}
