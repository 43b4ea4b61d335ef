import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, tokens and event-sourced sessions.
 *
 * The `events` table is the source of truth for everything that happens in a session: one row per
 * committed event with a per-session `seq`. UNIQUE(session_id, seq) is the coordination point
 * between writers (a writer that lost the race reloads and retries) and UNIQUE(session_id,
 * command_id) makes client commands idempotent. `checkpoints` hold every team's engine state after
 * a given seq so a restart replays only the tail of the log.
 */
export class CreateSessions1764460800000 implements MigrationInterface {
  name = 'CreateSessions1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE "accounts" (
        "id" varchar PRIMARY KEY NOT NULL,
        "username" varchar NOT NULL COLLATE NOCASE,
        "password_hash" varchar NOT NULL,
        "role" varchar NOT NULL CHECK ("role" IN ('admin', 'facilitator')),
        "disabled" integer NOT NULL DEFAULT 0,
        "created_at" varchar NOT NULL,
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
      `CREATE TABLE "events" (
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
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'checkpoints',
      'events',
      'session_members',
      'participants',
      'teams',
      'sessions',
      'auth_tokens',
      'accounts',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
