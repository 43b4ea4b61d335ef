import { AccountsService } from '../../src/accounts/accounts.service';
import { PostgresSqlClient } from '../../src/database/sql';
import { runAdminCli } from '../support/admin-cli';
import { createTestSchema, type TestSchema } from './test-schema';

describe('admin:create with DATABASE_URL=postgres://…', () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema('admin_cli');
  });
  afterAll(async () => {
    await schema?.drop();
  });

  it('migrates the database, creates an admin, then resets its password', async () => {
    // The search path in the URL puts the tables in this run's schema (libpq's `options`).
    const env = {
      DATABASE_URL: `${schema.url}?options=${encodeURIComponent(`-c search_path=${schema.name}`)}`,
      CROSSROADS_ADMIN_PASSWORD: 'first-long-password',
    };
    expect(await runAdminCli(['lead'], env)).toMatchObject({
      status: 0,
      stdout: 'Created admin account lead.\n',
    });
    const reset = await runAdminCli(['LEAD'], {
      ...env,
      CROSSROADS_ADMIN_PASSWORD: 'second-long-password',
    });
    expect(reset).toMatchObject({
      status: 0,
      stdout: 'Password of lead changed; its open logins were ended.\n',
    });

    const dataSource = await schema.open();
    const accounts = new AccountsService(new PostgresSqlClient(dataSource));
    expect(await accounts.count()).toBe(1);
    expect(await accounts.verify('lead', 'first-long-password')).toBeUndefined();
    expect(await accounts.verify('lead', 'second-long-password')).toMatchObject({ role: 'admin' });
  });
});
