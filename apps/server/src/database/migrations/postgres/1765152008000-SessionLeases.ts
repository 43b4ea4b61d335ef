import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * session_leases, as in the SQLite migration of the same name: which server process owns each
 * live session (issue 10, scale-out). One row per session that was ever owned; `token` is the fencing token, raised every time the owner changes
 * and never lowered (a release only expires the row), so an append fenced with an older token is
 * refused however late it arrives. `expires_at` is an ISO time like every other time column.
 */
export class SessionLeases1765152008000 implements MigrationInterface {
  name = 'SessionLeases1765152008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "session_leases" (
      "session_id" varchar PRIMARY KEY NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
      "owner" varchar NOT NULL,
      "token" integer NOT NULL,
      "expires_at" varchar NOT NULL
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "session_leases"`);
  }
}
