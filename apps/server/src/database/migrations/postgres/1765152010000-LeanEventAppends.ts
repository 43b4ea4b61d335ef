import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `ix_events_type` keeps only the types read by type (status events at a session's load, chat,
 * broadcasts and notes for a snapshot), as in the SQLite migration of the same name, so a
 * decision, the most frequent event, is not written to it. (SQLite also makes `events` a WITHOUT
 * ROWID table there; a PostgreSQL table is a heap with its key in an index either way.)
 *
 * The index is built in the migration's transaction, holding off writes to `events` meanwhile:
 * once, at the first start after the upgrade.
 */
export class LeanEventAppends1765152010000 implements MigrationInterface {
  name = 'LeanEventAppends1765152010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_events_type"`);
    await queryRunner.query(
      `CREATE INDEX "ix_events_type" ON "events" ("session_id", "type", "team", "seq")
       WHERE "type" IN ('broadcast.sent', 'chat.message', 'note.pinned', 'session.ended', 'session.paused', 'session.resumed', 'session.started')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_events_type"`);
    await queryRunner.query(
      `CREATE INDEX "ix_events_type" ON "events" ("session_id", "type", "team", "seq")`,
    );
  }
}
