import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fewer b-trees written per appended event (issue 10: the append's COMMIT was the largest part of
 * its time, one WAL frame per page each insert touched in four b-trees).
 *
 * - `events` becomes a WITHOUT ROWID table clustered on its primary key (session_id, seq): the row
 *   and its key were two b-trees (the rowid table and the key's index), now they are one. Nothing
 *   reads the rowid (SqlClient's SQL is the subset PostgreSQL also accepts), and every read of the
 *   log is by (session_id, seq), which is now the table's own order. The foreign key with its
 *   cascade and UNIQUE (session_id, command_id) stay as they were.
 * - `ix_events_type` keeps only the types read by type (status events at a session's load, chat,
 *   broadcasts and notes for a snapshot), so a decision, the most frequent event, is not written to
 *   it; the PostgreSQL migration of the same name gives that database the same index. SQLite's
 *   planner, without statistics, would read the session's range of the table's key instead, so
 *   SessionStore names the index in those reads (eventsOfTypesFrom).
 *
 * The rows are copied in key order, so a large log takes a while once, at the first start.
 */
export class LeanEventAppends1765152010000 implements MigrationInterface {
  name = 'LeanEventAppends1765152010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rebuildEvents(queryRunner, 'WITHOUT ROWID');
    await queryRunner.query(
      `CREATE INDEX "ix_events_type" ON "events" ("session_id", "type", "team", "seq")
       WHERE "type" IN ('broadcast.sent', 'chat.message', 'note.pinned', 'session.ended', 'session.paused', 'session.resumed', 'session.started')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rebuildEvents(queryRunner, '');
    await queryRunner.query(
      `CREATE INDEX "ix_events_type" ON "events" ("session_id", "type", "team", "seq")`,
    );
  }
}

const COLUMNS = `"session_id", "seq", "at", "time", "team", "role", "participant", "type", "payload", "command_id", "actor", "command_digest"`;

/** `events` made again with `options` after its closing parenthesis, every row kept. */
async function rebuildEvents(queryRunner: QueryRunner, options: string): Promise<void> {
  await queryRunner.query(`CREATE TABLE "events_rebuilt" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "seq" integer NOT NULL,
        "at" varchar NOT NULL,
        "time" real,
        "team" varchar,
        "role" varchar,
        "participant" varchar,
        "type" varchar NOT NULL,
        "payload" text NOT NULL,
        "command_id" varchar,
        "actor" varchar,
        "command_digest" varchar,
        PRIMARY KEY ("session_id", "seq"),
        CONSTRAINT "uq_events_command" UNIQUE ("session_id", "command_id")
      ) ${options}`);
  await queryRunner.query(
    `INSERT INTO "events_rebuilt" (${COLUMNS}) SELECT ${COLUMNS} FROM "events" ORDER BY "session_id", "seq"`,
  );
  await queryRunner.query(`DROP TABLE "events"`);
  await queryRunner.query(`ALTER TABLE "events_rebuilt" RENAME TO "events"`);
}
