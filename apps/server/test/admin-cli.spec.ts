import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AccountsService } from '../src/accounts/accounts.service';
import { loadConfig } from '../src/config';
import { sqliteDataSourceOptions } from '../src/database/data-source-options';
import { SqliteSqlClient } from '../src/database/sql';
import { runAdminCli } from './support/admin-cli';

// Two node processes compile the server's sources on a loaded 2-core machine.
jest.setTimeout(60_000);

describe('admin:create on the SQLite file', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'crossroads-admin-cli-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('creates an account, then resets its password (password from standard input)', async () => {
    const env = { DATABASE_PATH: path.join(folder, 'crossroads.sqlite') };
    const created = await runAdminCli(
      ['ana', '--facilitator', '--author'],
      env,
      'first-long-password\n',
    );
    expect(created).toMatchObject({ status: 0, stdout: 'Created facilitator account ana.\n' });
    const reset = await runAdminCli(['ana'], {
      ...env,
      CROSSROADS_ADMIN_PASSWORD: 'second-long-password',
    });
    expect(reset).toMatchObject({
      status: 0,
      stdout: 'Password of ana changed; its open logins were ended.\n',
    });
    expect(await runAdminCli(['not a name!'], env)).toMatchObject({ status: 2 });

    const dataSource = new DataSource(sqliteDataSourceOptions(loadConfig(env)));
    await dataSource.initialize();
    try {
      const accounts = new AccountsService(SqliteSqlClient.fromDataSource(dataSource));
      expect(await accounts.verify('ana', 'first-long-password')).toBeUndefined();
      expect(await accounts.verify('ana', 'second-long-password')).toMatchObject({
        role: 'facilitator',
        author: true,
      });
    } finally {
      await dataSource.destroy();
    }
  });
});
