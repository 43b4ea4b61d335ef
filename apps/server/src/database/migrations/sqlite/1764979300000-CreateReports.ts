import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After-action reports, improvement plans and the participation report:
 * - aar_revisions: staff edits of a session's AAR, one row per save (the draft itself is never
 *   stored: it is recomputed from the log, so only what people wrote is kept);
 * - improvement_items (+ improvement_item_history, append-only): the improvement plan, tracked
 *   across sessions;
 * - participant_profiles: institution, country and self-declared gender a trainee chose to give;
 * - presence_log: every presence change, so hours of play and attendance can be computed.
 */
export class CreateReports1764979300000 implements MigrationInterface {
  name = 'CreateReports1764979300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "aar_revisions" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "revision" integer NOT NULL,
        "edits" text NOT NULL,
        "account_id" varchar NOT NULL,
        "edited_by" varchar NOT NULL,
        "edited_at" varchar NOT NULL,
        PRIMARY KEY ("session_id", "revision")
      )`);
    await queryRunner.query(`CREATE TABLE "improvement_items" (
        "id" varchar PRIMARY KEY NOT NULL,
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "capability" varchar NOT NULL,
        "entry" varchar,
        "agency" varchar NOT NULL,
        "issue" text NOT NULL,
        "action" text NOT NULL,
        "owner" varchar NOT NULL,
        "due_date" varchar NOT NULL,
        "status" varchar NOT NULL CHECK ("status" IN ('open', 'in_progress', 'done', 'dropped')),
        "created_at" varchar NOT NULL,
        "created_by" varchar NOT NULL,
        "updated_at" varchar NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "improvement_items_status" ON "improvement_items" ("status", "agency")`,
    );
    await queryRunner.query(`CREATE TABLE "improvement_item_history" (
        "item_id" varchar NOT NULL REFERENCES "improvement_items" ("id") ON DELETE CASCADE,
        "at" varchar NOT NULL,
        "by" varchar NOT NULL,
        "status" varchar NOT NULL,
        "note" text,
        "session_id" varchar,
        "changes" text NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "improvement_item_history_item" ON "improvement_item_history" ("item_id")`,
    );
    await queryRunner.query(`CREATE TABLE "participant_profiles" (
        "participant_id" varchar PRIMARY KEY NOT NULL REFERENCES "participants" ("id") ON DELETE CASCADE,
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "institution" varchar,
        "country" varchar,
        "gender" varchar
      )`);
    await queryRunner.query(`CREATE TABLE "presence_log" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "participant_id" varchar NOT NULL,
        "presence" varchar NOT NULL,
        "at" varchar NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "presence_log_session" ON "presence_log" ("session_id", "at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "presence_log"`);
    await queryRunner.query(`DROP TABLE "participant_profiles"`);
    await queryRunner.query(`DROP TABLE "improvement_item_history"`);
    await queryRunner.query(`DROP TABLE "improvement_items"`);
    await queryRunner.query(`DROP TABLE "aar_revisions"`);
  }
}
