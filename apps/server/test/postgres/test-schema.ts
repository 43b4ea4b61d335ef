import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  openDataSource,
  postgresDataSourceOptions,
  quoteIdentifier,
} from '../../src/database/data-source-options';
import { TEST_DATABASE_URL } from '../support/services';

/**
 * A schema of its own in the shared `test` database for one test file: several engineers and CI
 * run these suites at once on one server, so nothing may live in a fixed place. Dropped (with
 * everything in it) by `drop()`.
 */
export interface TestSchema {
  url: string;
  name: string;
  /** A migrated DataSource on this schema (each call opens its own pool: a separate "process"). */
  open(poolSize?: number): Promise<DataSource>;
  drop(): Promise<void>;
}

export async function createTestSchema(label: string): Promise<TestSchema> {
  const name = `t_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE SCHEMA ${quoteIdentifier(name)}`);
  const opened: DataSource[] = [];
  return {
    url: TEST_DATABASE_URL,
    name,
    async open(poolSize = 4) {
      const dataSource = await openDataSource(
        postgresDataSourceOptions({ databaseUrl: TEST_DATABASE_URL }, { schema: name, poolSize }),
      );
      opened.push(dataSource);
      return dataSource;
    },
    async drop() {
      for (const dataSource of opened.splice(0)) {
        if (dataSource.isInitialized) await dataSource.destroy();
      }
      await admin(`DROP SCHEMA IF EXISTS ${quoteIdentifier(name)} CASCADE`);
    },
  };
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
