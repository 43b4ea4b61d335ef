import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Courses (cohorts): a staff-owned group of sessions followed over time. A session belongs to at
 * most one course (the primary key of `course_sessions`); removing a course or a session removes
 * only the link. The course may carry a knowledge check (id and version from the library) that
 * replaces the scenario's check in its sessions.
 */
export class CreateCourses1764892800000 implements MigrationInterface {
  name = 'CreateCourses1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "courses" (
        "id" varchar PRIMARY KEY NOT NULL,
        "name" varchar NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "owner_id" varchar NOT NULL REFERENCES "accounts" ("id"),
        "check_id" varchar,
        "check_version" varchar,
        "created_at" varchar NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_courses_owner" ON "courses" ("owner_id")`);
    await queryRunner.query(`CREATE TABLE "course_sessions" (
        "session_id" varchar PRIMARY KEY NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE,
        "course_id" varchar NOT NULL REFERENCES "courses" ("id") ON DELETE CASCADE,
        "added_at" varchar NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_course_sessions_course" ON "course_sessions" ("course_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "course_sessions"`);
    await queryRunner.query(`DROP TABLE "courses"`);
  }
}
