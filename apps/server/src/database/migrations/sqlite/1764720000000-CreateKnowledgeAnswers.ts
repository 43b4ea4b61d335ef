import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Knowledge-check answers: one row per participant and phase (pre on joining, post after the
 * debrief). The answers are kept so results can be recomputed when a check's scoring is fixed;
 * they are only ever read back aggregated per agency and question.
 */
export class CreateKnowledgeAnswers1764720000000 implements MigrationInterface {
  name = 'CreateKnowledgeAnswers1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "knowledge_answers" (
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
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "knowledge_answers"`);
  }
}
