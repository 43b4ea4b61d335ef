import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * First schema step: a small key/value table about the database itself.
 * `schema_created_at` records when this database was first migrated.
 */
export class CreateServerMeta1764374400000 implements MigrationInterface {
  name = 'CreateServerMeta1764374400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "server_meta" (
        "key" varchar PRIMARY KEY NOT NULL,
        "value" text NOT NULL,
        "updated_at" datetime NOT NULL DEFAULT (datetime('now'))
      )`,
    );
    await queryRunner.query(`INSERT INTO "server_meta" ("key", "value") VALUES (?, ?)`, [
      'schema_created_at',
      new Date().toISOString(),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "server_meta"`);
  }
}
