import { createRequire } from 'node:module';
import { SqliteSqlClient, toPostgresPlaceholders } from '../src/database/sql';
import { sqlClientContract } from './support/sql-client-contract';

// better-sqlite3 ships no types and this server installs none: the constructor is all we need.
const Database = createRequire(__filename)('better-sqlite3') as new (
  file: string,
) => ConstructorParameters<typeof SqliteSqlClient>[0];

sqlClientContract('SQLite', () => Promise.resolve(new SqliteSqlClient(new Database(':memory:'))));

describe('toPostgresPlaceholders', () => {
  it('numbers ? marks outside literals, quoted names and comments', () => {
    expect(
      toPostgresPlaceholders(`SELECT "a?" FROM t WHERE x = ? AND y = '?' -- why?\nAND z IN (?, ?)`),
    ).toBe(`SELECT "a?" FROM t WHERE x = $1 AND y = '?' -- why?\nAND z IN ($2, $3)`);
  });
});
