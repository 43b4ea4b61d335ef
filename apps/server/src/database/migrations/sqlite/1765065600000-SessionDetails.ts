import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * sessions.details: what the session is (title, place, days, organisation, facilitators) as
 * JSON, so the lobby, the debrief and its PDF name the training instead of showing a UUID.
 * NULL for sessions made before, which simply show no details.
 */
export class SessionDetails1765065600000 implements MigrationInterface {
  name = 'SessionDetails1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" ADD COLUMN "details" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "details"`);
  }
}
