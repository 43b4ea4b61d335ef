import { PostgresSqlClient, toPostgresPlaceholders, type SqlValue } from '../../src/database/sql';
import { PostgresEventStore } from '../../src/sessions/postgres-event-store';
import { eventTypeIndexContract } from '../support/event-type-index-contract';
import { createTestSchema } from './test-schema';

eventTypeIndexContract('PostgreSQL', async () => {
  const schema = await createTestSchema('typeindex');
  const dataSource = await schema.open(2);
  const sql = new PostgresSqlClient(dataSource);
  return {
    sql,
    events: new PostgresEventStore(dataSource),
    explain: async (statement: string, params: readonly SqlValue[]) => {
      // The store's own statements use `$n` already; the SqlClient's use `?`.
      const rows = (await dataSource.query(`EXPLAIN ${toPostgresPlaceholders(statement)}`, [
        ...params,
      ])) as { 'QUERY PLAN': string }[];
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    },
    statementsOf: async (work: () => Promise<unknown>) => {
      // The SqlClient's statements and the event store's own (DataSource.query).
      const seen: { sql: string; params: SqlValue[] }[] = [];
      const all = jest.spyOn(sql, 'all');
      const query = jest.spyOn(dataSource, 'query');
      try {
        await work();
        for (const [statement, params] of all.mock.calls)
          seen.push({ sql: statement, params: [...(params ?? [])] });
        for (const [statement, params] of query.mock.calls)
          seen.push({ sql: statement, params: (params ?? []) as SqlValue[] });
        return seen;
      } finally {
        all.mockRestore();
        query.mockRestore();
      }
    },
    // What autovacuum's ANALYZE gives a live database.
    settle: async () => {
      await dataSource.query('ANALYZE events');
    },
    indexed:
      /Index Scan (Backward )?using (ix_events_type|events_pkey) on events|Bitmap Index Scan on ix_events_type/,
    partial:
      /Index Scan (Backward )?using ix_events_type on events|Bitmap Index Scan on ix_events_type/,
    close: () => schema.drop(),
  };
});
