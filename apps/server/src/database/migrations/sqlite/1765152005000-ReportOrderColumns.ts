import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * improvement_item_history and presence_log get an `id` that orders their rows: both are read in
 * the order they were written (an item's history; presence changes of one instant), which was
 * SQLite's hidden rowid, and PostgreSQL has none. `integer PRIMARY KEY` is SQLite's rowid under a
 * name, so writers that leave `id` out get the next one, as before.
 *
 * SQLite cannot add a primary key to a table, so each table is rebuilt with the old rowids kept as
 * ids (the order readers saw stays the order they see). The column comes last, where PostgreSQL's
 * ALTER TABLE … ADD COLUMN puts it, so both schemas list the same columns in the same order.
 */
export class ReportOrderColumns1765152005000 implements MigrationInterface {
  name = 'ReportOrderColumns1765152005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "improvement_item_history_new" (
        "item_id" varchar NOT NULL REFERENCES "improvement_items" ("id") ON DELETE CASCADE,
        "at" varchar NOT NULL,
        "by" varchar NOT NULL,
        "status" varchar NOT NULL,
        "note" text,
        "session_id" varchar,
        "changes" text NOT NULL,
        "id" integer PRIMARY KEY NOT NULL
      )`);
    await queryRunner.query(
      `INSERT INTO "improvement_item_history_new" ("item_id", "at", "by", "status", "note", "session_id", "changes", "id")
       SELECT "item_id", "at", "by", "status", "note", "session_id", "changes", rowid FROM "improvement_item_history"`,
    );
    await queryRunner.query(`DROP TABLE "improvement_item_history"`);
    await queryRunner.query(
      `ALTER TABLE "improvement_item_history_new" RENAME TO "improvement_item_history"`,
    );
    await queryRunner.query(
      `CREATE INDEX "improvement_item_history_item" ON "improvement_item_history" ("item_id")`,
    );

    await queryRunner.query(`CREATE TABLE "presence_log_new" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "participant_id" varchar NOT NULL,
        "presence" varchar NOT NULL,
        "at" varchar NOT NULL,
        "id" integer PRIMARY KEY NOT NULL
      )`);
    await queryRunner.query(
      `INSERT INTO "presence_log_new" ("session_id", "participant_id", "presence", "at", "id")
       SELECT "session_id", "participant_id", "presence", "at", rowid FROM "presence_log"`,
    );
    await queryRunner.query(`DROP TABLE "presence_log"`);
    await queryRunner.query(`ALTER TABLE "presence_log_new" RENAME TO "presence_log"`);
    await queryRunner.query(
      `CREATE INDEX "presence_log_session" ON "presence_log" ("session_id", "at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // DROP COLUMN cannot drop a primary key: rebuild without it (rowids keep the order).
    await queryRunner.query(`CREATE TABLE "presence_log_old" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "participant_id" varchar NOT NULL,
        "presence" varchar NOT NULL,
        "at" varchar NOT NULL
      )`);
    await queryRunner.query(
      `INSERT INTO "presence_log_old" (rowid, "session_id", "participant_id", "presence", "at")
       SELECT "id", "session_id", "participant_id", "presence", "at" FROM "presence_log"`,
    );
    await queryRunner.query(`DROP TABLE "presence_log"`);
    await queryRunner.query(`ALTER TABLE "presence_log_old" RENAME TO "presence_log"`);
    await queryRunner.query(
      `CREATE INDEX "presence_log_session" ON "presence_log" ("session_id", "at")`,
    );

    await queryRunner.query(`CREATE TABLE "improvement_item_history_old" (
        "item_id" varchar NOT NULL REFERENCES "improvement_items" ("id") ON DELETE CASCADE,
        "at" varchar NOT NULL,
        "by" varchar NOT NULL,
        "status" varchar NOT NULL,
        "note" text,
        "session_id" varchar,
        "changes" text NOT NULL
      )`);
    await queryRunner.query(
      `INSERT INTO "improvement_item_history_old" (rowid, "item_id", "at", "by", "status", "note", "session_id", "changes")
       SELECT "id", "item_id", "at", "by", "status", "note", "session_id", "changes" FROM "improvement_item_history"`,
    );
    await queryRunner.query(`DROP TABLE "improvement_item_history"`);
    await queryRunner.query(
      `ALTER TABLE "improvement_item_history_old" RENAME TO "improvement_item_history"`,
    );
    await queryRunner.query(
      `CREATE INDEX "improvement_item_history_item" ON "improvement_item_history" ("item_id")`,
    );
  }
}
