import type { SqlClient } from '../../src/database/sql';
import { isUniqueViolation } from '../../src/database/sql';

/**
 * What every SqlClient must do, run against SQLite (server project) and PostgreSQL (postgres
 * project) on a table `sql_contract (id varchar PRIMARY KEY, n integer NOT NULL, note text)`.
 */
export function sqlClientContract(name: string, open: () => Promise<SqlClient>): void {
  describe(`SqlClient on ${name}`, () => {
    let sql: SqlClient;
    beforeAll(async () => {
      sql = await open();
      await sql.run(
        'CREATE TABLE sql_contract (id varchar PRIMARY KEY, n integer NOT NULL, note text)',
      );
    });
    beforeEach(async () => {
      await sql.run('DELETE FROM sql_contract');
    });

    it('binds ? placeholders in order and reads rows back with numbers as numbers', async () => {
      await sql.run('INSERT INTO sql_contract (id, n, note) VALUES (?, ?, ?)', ['a', 1, "it's ?"]);
      await sql.run('INSERT INTO sql_contract (id, n, note) VALUES (?, ?, ?)', ['b', 2, null]);
      const rows = await sql.all<{ id: string; n: number; note: string | null }>(
        "SELECT id, n, note FROM sql_contract WHERE note IS NULL OR note <> '?' ORDER BY id",
      );
      expect(rows).toEqual([
        { id: 'a', n: 1, note: "it's ?" },
        { id: 'b', n: 2, note: null },
      ]);
      const count = await sql.get<{ c: number }>(
        'SELECT COUNT(*) AS c FROM sql_contract WHERE n > ?',
        [0],
      );
      expect(count).toEqual({ c: 2 });
      expect(await sql.get('SELECT id FROM sql_contract WHERE id = ?', ['none'])).toBeUndefined();
    });

    it('answers how many rows a write changed, and upserts with ON CONFLICT', async () => {
      await sql.run('INSERT INTO sql_contract (id, n) VALUES (?, ?), (?, ?)', ['a', 1, 'b', 1]);
      expect(await sql.run('UPDATE sql_contract SET n = n + 1 WHERE n = ?', [1])).toEqual({
        changes: 2,
      });
      await sql.run(
        'INSERT INTO sql_contract (id, n) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET n = excluded.n',
        ['a', 9],
      );
      expect(await sql.get('SELECT n FROM sql_contract WHERE id = ?', ['a'])).toEqual({ n: 9 });
    });

    it('commits a transaction whole, and rolls it back whole when the work throws', async () => {
      await sql.transaction(async (tx) => {
        await tx.run('INSERT INTO sql_contract (id, n) VALUES (?, ?)', ['a', 1]);
        await tx.run('INSERT INTO sql_contract (id, n) VALUES (?, ?)', ['b', 2]);
      });
      const failed = await sql
        .transaction(async (tx) => {
          await tx.run('INSERT INTO sql_contract (id, n) VALUES (?, ?)', ['c', 3]);
          await tx.run('INSERT INTO sql_contract (id, n) VALUES (?, ?)', ['a', 4]);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(isUniqueViolation(failed)).toBe(true);
      const ids = await sql.all<{ id: string }>('SELECT id FROM sql_contract ORDER BY id');
      expect(ids.map((r) => r.id)).toEqual(['a', 'b']);
    });

    it('serialises read-modify-write transactions that overlap in time', async () => {
      await sql.run('INSERT INTO sql_contract (id, n) VALUES (?, ?)', ['counter', 0]);
      const bump = () =>
        sql.transaction(async (tx) => {
          // Postgres: the row lock makes the second writer wait for the first's commit.
          const row = await tx.get<{ n: number }>(
            sql.dialect === 'postgres'
              ? 'SELECT n FROM sql_contract WHERE id = ? FOR UPDATE'
              : 'SELECT n FROM sql_contract WHERE id = ?',
            ['counter'],
          );
          await new Promise((resolve) => setTimeout(resolve, 2));
          await tx.run('UPDATE sql_contract SET n = ? WHERE id = ?', [row!.n + 1, 'counter']);
        });
      // Statements outside a transaction interleave with them without joining one.
      const outside = Array.from({ length: 5 }, (_, i) =>
        sql.run('INSERT INTO sql_contract (id, n) VALUES (?, ?)', [`o${i}`, i]),
      );
      await Promise.all([...Array.from({ length: 10 }, bump), ...outside]);
      expect(await sql.get('SELECT n FROM sql_contract WHERE id = ?', ['counter'])).toEqual({
        n: 10,
      });
      expect(await sql.get('SELECT COUNT(*) AS c FROM sql_contract')).toEqual({ c: 6 });
    });
  });
}
