import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The authoring studio: an author permission on accounts, studio scenarios with one editable draft
 * each, and their published versions. A published version is immutable: the trigger refuses any
 * UPDATE, so a session that pinned `scenario_id@version` always replays the text it was played with.
 */
export class CreateStudio1764633600000 implements MigrationInterface {
  name = 'CreateStudio1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE "accounts" ADD COLUMN "can_author" integer NOT NULL DEFAULT 0`,
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
      `CREATE TRIGGER "studio_versions_immutable" BEFORE UPDATE ON "studio_versions"
       BEGIN SELECT RAISE(ABORT, 'a published scenario version is immutable'); END`,
      `CREATE TRIGGER "studio_versions_kept" BEFORE DELETE ON "studio_versions"
       BEGIN SELECT RAISE(ABORT, 'a published scenario version is kept'); END`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "studio_versions_kept"`);
    await queryRunner.query(`DROP TRIGGER "studio_versions_immutable"`);
    await queryRunner.query(`DROP TABLE "studio_versions"`);
    await queryRunner.query(`DROP TABLE "studio_scenarios"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "can_author"`);
  }
}
