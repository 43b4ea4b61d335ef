import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole schema of the SQLite migrations up to SessionDetails1765065600000, in their final
 * state, in one step: PostgreSQL installations start here, so they never replay SQLite's history
 * of ALTERs. Column order follows SQLite's (added columns last) so `SELECT *` reads the same rows.
 *
 * Types are chosen so one SQL text works on both engines: flags stay `integer` 0/1 (the code
 * compares `= 1`), times stay ISO strings in `varchar`, SQLite's 8-byte `real` is `double
 * precision`. `accounts.username` compares case-insensitively as SQLite's NOCASE does, through a
 * non-deterministic ICU collation, so `WHERE username = $1` and the unique key behave alike.
 *
 * The schema test (apps/server/test/postgres/schema.spec.ts) runs both lists on fresh databases
 * and fails when tables, columns, keys, indexes, foreign keys or triggers differ.
 */
export class PostgresBaseline1765065600000 implements MigrationInterface {
  name = 'PostgresBaseline1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE "server_meta" (
        "key" varchar PRIMARY KEY NOT NULL,
        "value" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE COLLATION IF NOT EXISTS "nocase" (provider = icu, locale = 'und-u-ks-level2', deterministic = false)`,
      `CREATE TABLE "accounts" (
        "id" varchar PRIMARY KEY NOT NULL,
        "username" varchar NOT NULL COLLATE "nocase",
        "password_hash" varchar NOT NULL,
        "role" varchar NOT NULL CHECK ("role" IN ('admin', 'facilitator')),
        "disabled" integer NOT NULL DEFAULT 0,
        "created_at" varchar NOT NULL,
        "can_author" integer NOT NULL DEFAULT 0,
        CONSTRAINT "uq_accounts_username" UNIQUE ("username")
      )`,
      `CREATE TABLE "auth_tokens" (
        "token_hash" varchar PRIMARY KEY NOT NULL,
        "account_id" varchar NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
        "created_at" varchar NOT NULL,
        "expires_at" varchar NOT NULL,
        "revoked_at" varchar
      )`,
      `CREATE INDEX "ix_auth_tokens_account" ON "auth_tokens" ("account_id")`,
      `CREATE TABLE "sessions" (
        "id" varchar PRIMARY KEY NOT NULL,
        "scenario_id" varchar NOT NULL,
        "scenario_version" varchar NOT NULL,
        "rubric_version" varchar,
        "settings" text NOT NULL,
        "status" varchar NOT NULL CHECK ("status" IN ('lobby', 'running', 'paused', 'ended')),
        "join_code" varchar NOT NULL,
        "owner_id" varchar NOT NULL REFERENCES "accounts" ("id"),
        "debrief_released" integer NOT NULL DEFAULT 0,
        "created_at" varchar NOT NULL,
        "started_at" varchar,
        "ended_at" varchar,
        "details" text,
        CONSTRAINT "uq_sessions_join_code" UNIQUE ("join_code")
      )`,
      `CREATE INDEX "ix_sessions_status" ON "sessions" ("status")`,
      `CREATE TABLE "teams" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "id" varchar NOT NULL,
        "name" varchar NOT NULL,
        "position" integer NOT NULL,
        PRIMARY KEY ("session_id", "id")
      )`,
      `CREATE TABLE "participants" (
        "id" varchar PRIMARY KEY NOT NULL,
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "display_name" varchar NOT NULL,
        "team_id" varchar,
        "role" varchar,
        "token_hash" varchar NOT NULL,
        "presence" varchar NOT NULL DEFAULT 'left' CHECK ("presence" IN ('online', 'away', 'left')),
        "joined_at" varchar NOT NULL,
        "last_seen_at" varchar,
        CONSTRAINT "uq_participants_token" UNIQUE ("token_hash")
      )`,
      `CREATE INDEX "ix_participants_session" ON "participants" ("session_id")`,
      `CREATE TABLE "session_members" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "account_id" varchar NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
        "role" varchar NOT NULL CHECK ("role" IN ('owner', 'facilitator', 'observer')),
        "added_at" varchar NOT NULL,
        PRIMARY KEY ("session_id", "account_id")
      )`,
      `CREATE INDEX "ix_session_members_account" ON "session_members" ("account_id")`,
      // The primary key (session_id, seq) serialises appends: of two writers that read the same
      // head, the second one's INSERT fails and it reloads. (session_id, command_id) makes client
      // commands idempotent (NULLs are distinct in both engines, so events without one never clash).
      `CREATE TABLE "events" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "seq" integer NOT NULL,
        "at" varchar NOT NULL,
        "time" double precision,
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
      )`,
      `CREATE INDEX "ix_events_type" ON "events" ("session_id", "type", "team", "seq")`,
      `CREATE TABLE "checkpoints" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "seq" integer NOT NULL,
        "teams" text NOT NULL,
        "created_at" varchar NOT NULL,
        PRIMARY KEY ("session_id", "seq")
      )`,
      `CREATE TABLE "review_links" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "token_hash" varchar NOT NULL,
        "label" varchar,
        "created_at" varchar NOT NULL,
        "revoked_at" varchar,
        "expires_at" varchar,
        CONSTRAINT "uq_review_links_token" UNIQUE ("token_hash")
      )`,
      `CREATE INDEX "ix_review_links_session" ON "review_links" ("session_id")`,
      `CREATE TABLE "studio_scenarios" (
        "id" varchar PRIMARY KEY NOT NULL,
        "owner_id" varchar NOT NULL REFERENCES "accounts" ("id"),
        "scenario_id" varchar NOT NULL,
        "published_id" varchar,
        "title" varchar NOT NULL,
        "draft" text NOT NULL,
        "created_at" varchar NOT NULL,
        "draft_updated_at" varchar NOT NULL,
        CONSTRAINT "uq_studio_scenarios_published_id" UNIQUE ("published_id")
      )`,
      `CREATE TABLE "studio_versions" (
        "studio_id" varchar NOT NULL REFERENCES "studio_scenarios" ("id"),
        "scenario_id" varchar NOT NULL,
        "version" varchar NOT NULL,
        "source" text NOT NULL,
        "published_at" varchar NOT NULL,
        "published_by" varchar NOT NULL REFERENCES "accounts" ("id"),
        PRIMARY KEY ("studio_id", "version"),
        CONSTRAINT "uq_studio_versions_scenario" UNIQUE ("scenario_id", "version")
      )`,
      // A session that pinned scenario_id@version must always replay the text it was played with.
      `CREATE FUNCTION "studio_versions_refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' THEN
           RAISE EXCEPTION 'a published scenario version is immutable';
         END IF;
         RAISE EXCEPTION 'a published scenario version is kept';
       END $$`,
      `CREATE TRIGGER "studio_versions_immutable" BEFORE UPDATE ON "studio_versions"
       FOR EACH ROW EXECUTE FUNCTION "studio_versions_refuse"()`,
      `CREATE TRIGGER "studio_versions_kept" BEFORE DELETE ON "studio_versions"
       FOR EACH ROW EXECUTE FUNCTION "studio_versions_refuse"()`,
      `CREATE TABLE "knowledge_answers" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "participant_id" varchar NOT NULL REFERENCES "participants" ("id") ON DELETE CASCADE,
        "phase" varchar NOT NULL CHECK ("phase" IN ('pre', 'post')),
        "check_id" varchar NOT NULL,
        "check_version" varchar NOT NULL,
        "agency" varchar,
        "answers" text NOT NULL,
        "correct" integer NOT NULL,
        "of" integer NOT NULL,
        "submitted_at" varchar NOT NULL,
        PRIMARY KEY ("session_id", "participant_id", "phase")
      )`,
      `CREATE TABLE "courses" (
        "id" varchar PRIMARY KEY NOT NULL,
        "name" varchar NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "owner_id" varchar NOT NULL REFERENCES "accounts" ("id"),
        "check_id" varchar,
        "check_version" varchar,
        "created_at" varchar NOT NULL
      )`,
      `CREATE INDEX "ix_courses_owner" ON "courses" ("owner_id")`,
      `CREATE TABLE "course_sessions" (
        "session_id" varchar PRIMARY KEY NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "course_id" varchar NOT NULL REFERENCES "courses" ("id") ON DELETE CASCADE,
        "added_at" varchar NOT NULL
      )`,
      `CREATE INDEX "ix_course_sessions_course" ON "course_sessions" ("course_id")`,
      `CREATE TABLE "aar_revisions" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "revision" integer NOT NULL,
        "edits" text NOT NULL,
        "account_id" varchar NOT NULL,
        "edited_by" varchar NOT NULL,
        "edited_at" varchar NOT NULL,
        PRIMARY KEY ("session_id", "revision")
      )`,
      `CREATE TABLE "improvement_items" (
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
      )`,
      `CREATE INDEX "improvement_items_status" ON "improvement_items" ("status", "agency")`,
      `CREATE TABLE "improvement_item_history" (
        "item_id" varchar NOT NULL REFERENCES "improvement_items" ("id") ON DELETE CASCADE,
        "at" varchar NOT NULL,
        "by" varchar NOT NULL,
        "status" varchar NOT NULL,
        "note" text,
        "session_id" varchar,
        "changes" text NOT NULL
      )`,
      `CREATE INDEX "improvement_item_history_item" ON "improvement_item_history" ("item_id")`,
      `CREATE TABLE "participant_profiles" (
        "participant_id" varchar PRIMARY KEY NOT NULL REFERENCES "participants" ("id") ON DELETE CASCADE,
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "institution" varchar,
        "country" varchar,
        "gender" varchar
      )`,
      `CREATE TABLE "presence_log" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "participant_id" varchar NOT NULL,
        "presence" varchar NOT NULL,
        "at" varchar NOT NULL
      )`,
      `CREATE INDEX "presence_log_session" ON "presence_log" ("session_id", "at")`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
    await queryRunner.query(`INSERT INTO "server_meta" ("key", "value") VALUES ($1, $2)`, [
      'schema_created_at',
      new Date().toISOString(),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'presence_log',
      'participant_profiles',
      'improvement_item_history',
      'improvement_items',
      'aar_revisions',
      'course_sessions',
      'courses',
      'knowledge_answers',
      'studio_versions',
      'studio_scenarios',
      'review_links',
      'checkpoints',
      'events',
      'session_members',
      'participants',
      'teams',
      'sessions',
      'auth_tokens',
      'accounts',
      'server_meta',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "studio_versions_refuse"()`);
    await queryRunner.query(`DROP COLLATION "nocase"`);
  }
}
