import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { AccountsModule } from '../../src/accounts/accounts.module';
import { RestErrorFilter } from '../../src/auth/rest-error';
import { loadConfig, type Env } from '../../src/config';
import { AppConfigModule } from '../../src/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import { API_PREFIX } from '../../src/index';
import { loggingModule } from '../../src/logging/logging.module';
import { createTestSchema, type TestSchema } from './test-schema';

/**
 * The accounts and auth REST endpoints on PostgreSQL, through Nest: the server's own
 * DatabaseModule (DATABASE_URL), AccountsModule (its controllers, BearerGuard and the start-up
 * admin) and nothing else, since the session modules do not run on PostgreSQL yet.
 */
@Module({})
class AccountsOnlyModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: AccountsOnlyModule,
      imports: [
        AppConfigModule.forRoot(loadConfig(env)),
        loggingModule(),
        DatabaseModule,
        AccountsModule,
      ],
    };
  }
}

interface Server {
  app: INestApplication;
  url: string;
}

async function start(env: Env): Promise<Server> {
  const app = await NestFactory.create(AccountsOnlyModule.forRoot(env), {
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalFilters(new RestErrorFilter());
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}/${API_PREFIX}` };
}

async function call(
  server: Server,
  method: string,
  route: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

describe('login, accounts and logout over REST on PostgreSQL (two servers, one database)', () => {
  let schema: TestSchema;
  const servers: Server[] = [];
  beforeAll(async () => {
    schema = await createTestSchema('auth_rest');
    const env: Env = {
      // The search path in the URL puts the tables in this run's schema (libpq's `options`).
      DATABASE_URL: `${schema.url}?options=${encodeURIComponent(`-c search_path=${schema.name}`)}`,
      LOG_LEVEL: 'silent',
      CROSSROADS_ADMIN_USERNAME: 'lead',
      CROSSROADS_ADMIN_PASSWORD: 'lead-password-long',
    };
    // One after the other: the first runs the migrations, the second finds them done.
    servers.push(await start(env));
    servers.push(await start(env));
  });
  afterAll(async () => {
    for (const server of servers.splice(0)) await server.app.close();
    await schema?.drop();
  });

  it('creates accounts for an admin only, and a login made on one server holds on the other', async () => {
    const [a, b] = servers as [Server, Server];
    const wrong = await call(a, 'POST', '/auth/login', {
      body: { username: 'lead', password: 'not-the-password' },
    });
    expect(wrong.status).toBe(401);

    const admin = await call(a, 'POST', '/auth/login', {
      body: { username: 'LEAD', password: 'lead-password-long' },
    });
    expect(admin).toMatchObject({ status: 200, body: { account: { username: 'lead' } } });
    const adminToken = admin.body.token as string;
    expect(await call(b, 'GET', '/auth/me', { token: adminToken })).toMatchObject({
      status: 200,
      body: { username: 'lead', role: 'admin' },
    });
    expect((await call(b, 'GET', '/auth/me')).status).toBe(401);
    // The configured admin is the only account: no demo account beside it, nothing to show.
    expect((await call(a, 'GET', '/auth/demo')).body).toEqual({ shown: false });

    const created = await call(b, 'POST', '/accounts', {
      token: adminToken,
      body: { username: 'ana', password: 'ana-password-long', role: 'facilitator' },
    });
    expect(created).toMatchObject({ status: 201, body: { username: 'ana', author: false } });
    const taken = await call(a, 'POST', '/accounts', {
      token: adminToken,
      body: { username: 'Ana', password: 'ana-password-long', role: 'facilitator' },
    });
    expect(taken.status).toBe(400);

    const ana = await call(a, 'POST', '/auth/login', {
      body: { username: 'ana', password: 'ana-password-long' },
    });
    const anaToken = ana.body.token as string;
    const refused = await call(b, 'POST', '/accounts', {
      token: anaToken,
      body: { username: 'bo', password: 'bo-password-long', role: 'facilitator' },
    });
    expect(refused.status).toBe(403);

    expect((await call(b, 'POST', '/auth/logout', { token: anaToken })).status).toBe(204);
    expect((await call(a, 'GET', '/auth/me', { token: anaToken })).status).toBe(401);
    expect((await call(a, 'GET', '/auth/me', { token: adminToken })).status).toBe(200);
  });
});
