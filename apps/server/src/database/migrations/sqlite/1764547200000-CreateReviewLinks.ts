import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read-only review links: a reviewer without an account opens a session's staff debrief with a
 * random token. Only the token's SHA-256 hash is stored; `revoked_at` switches a link off.
 */
export class CreateReviewLinks1764547200000 implements MigrationInterface {
  name = 'CreateReviewLinks1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "review_links" (
        "session_id" varchar NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "token_hash" varchar NOT NULL,
        "label" varchar,
        "created_at" varchar NOT NULL,
        "revoked_at" varchar,
        CONSTRAINT "uq_review_links_token" UNIQUE ("token_hash")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_review_links_session" ON "review_links" ("session_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "review_links"`);
  }
}
