import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - events.command_digest: a SHA-256 of the command (name and payload without its id) stored with
 *   the command id, so a reused id with a different command is refused instead of acked as a repeat.
 * - review_links.expires_at: links stop working after a set time (NULL: links made before, which
 *   get the default lifetime counted from their creation).
 */
export class CommandDigestsAndLinkExpiry1764806400000 implements MigrationInterface {
  name = 'CommandDigestsAndLinkExpiry1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" ADD COLUMN "command_digest" varchar`);
    await queryRunner.query(`ALTER TABLE "review_links" ADD COLUMN "expires_at" varchar`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "review_links" DROP COLUMN "expires_at"`);
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "command_digest"`);
  }
}
