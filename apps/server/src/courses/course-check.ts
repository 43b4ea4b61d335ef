import type { SqlExecutor } from '../database/sql';

/**
 * The knowledge check a session's course carries, if the session is in a course that carries one.
 * Read by the knowledge service (which owns the answers) so a course's check replaces the scenario's
 * in every session of the course without the knowledge code knowing about courses otherwise.
 */
export async function courseCheckOf(
  sql: SqlExecutor,
  sessionId: string,
): Promise<{ id: string; version: string } | undefined> {
  const row = await sql.get<{ id: string | null; version: string | null }>(
    `SELECT c.check_id AS id, c.check_version AS version FROM course_sessions cs
     JOIN courses c ON c.id = cs.course_id WHERE cs.session_id = ?`,
    [sessionId],
  );
  return row?.id && row.version ? { id: row.id, version: row.version } : undefined;
}
