/**
 * The CROSSROADS_* settings are validated with the rest of the configuration (loadConfig), and the
 * running server takes them from the configuration it was given.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, SESSION_TIMING_DEFAULTS } from '@crossroads/server';
import { api, HttpError, login } from '../../apps/server/bench/session-client';
import { startTestServer } from './helpers';

// Booting a server takes seconds on a loaded 2-core machine; the 5 s default is too tight.
jest.setTimeout(30_000);

const repo = path.resolve(__dirname, '..', '..');

function problems(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('CROSSROADS_* settings', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'crossroads-settings-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('are optional: unset means the built-in defaults', () => {
    const config = loadConfig({});
    expect(config.catalogueDir).toBeUndefined();
    expect(config.adminUsername).toBeUndefined();
    expect(config.adminPassword).toBeUndefined();
    expect(config.demoAccount).toBeUndefined();
    expect(config.tickMs).toBeUndefined();
    expect(SESSION_TIMING_DEFAULTS).toEqual({
      tickMs: 1000,
      minTickMs: 5000,
      checkpointEvery: 100,
      awayToLeftMs: 120_000,
    });
  });

  it('reads valid values, resolving the catalogue folder against the repository root', () => {
    const relative = path.relative(repo, folder);
    const config = loadConfig({
      CROSSROADS_CATALOGUE_DIR: relative,
      CROSSROADS_ADMIN_USERNAME: ' lead ',
      CROSSROADS_ADMIN_PASSWORD: ' a password with spaces ',
      CROSSROADS_DEMO: 'false',
      CROSSROADS_TICK_MS: '250',
      CROSSROADS_MIN_TICK_MS: '0',
      CROSSROADS_CHECKPOINT_EVERY: '7',
      CROSSROADS_AWAY_TO_LEFT_MS: '30000',
    });
    expect(config).toMatchObject({
      catalogueDir: folder,
      adminUsername: 'lead',
      adminPassword: ' a password with spaces ',
      demoAccount: false,
      tickMs: 250,
      minTickMs: 0,
      checkpointEvery: 7,
      awayToLeftMs: 30_000,
    });
  });

  it.each([
    ['CROSSROADS_DEMO', 'no'],
    ['CROSSROADS_TICK_MS', '5'],
    ['CROSSROADS_TICK_MS', '1s'],
    ['CROSSROADS_MIN_TICK_MS', '-1'],
    ['CROSSROADS_CHECKPOINT_EVERY', '0'],
    ['CROSSROADS_AWAY_TO_LEFT_MS', '99999999'],
    ['CROSSROADS_ADMIN_USERNAME', 'a b'],
    ['CROSSROADS_CATALOGUE_DIR', '/no/such/folder/for/crossroads'],
  ])('rejects %s=%s naming the variable, the value and an example', (name, value) => {
    const env: Record<string, string> = { [name]: value };
    if (name === 'CROSSROADS_ADMIN_USERNAME')
      env.CROSSROADS_ADMIN_PASSWORD = 'long-enough-password';
    const error = problems(env);
    expect(error.issues.map((i) => i.variable)).toEqual([name]);
    expect(error.message).toContain(`${name}: `);
    expect(error.message).toContain(JSON.stringify(value));
    expect(error.message).toContain(`Example: ${name}=`);
  });

  it('wants the admin password with the admin username, of a usable length', () => {
    expect(problems({ CROSSROADS_ADMIN_USERNAME: 'lead' }).issues).toEqual([
      expect.objectContaining({
        variable: 'CROSSROADS_ADMIN_PASSWORD',
        problem: expect.stringMatching(/must be set when CROSSROADS_ADMIN_USERNAME is set/),
      }),
    ]);
    expect(
      problems({ CROSSROADS_ADMIN_USERNAME: 'lead', CROSSROADS_ADMIN_PASSWORD: 'short' }).issues,
    ).toEqual([expect.objectContaining({ variable: 'CROSSROADS_ADMIN_PASSWORD' })]);
    // The password alone is fine: `admin:create` reads it for the account named on its command line.
    expect(loadConfig({ CROSSROADS_ADMIN_PASSWORD: 'long-enough-password' }).adminPassword).toBe(
      'long-enough-password',
    );
  });

  it('are taken from the configuration the server is given', async () => {
    const catalogue = path.join(folder, 'empty-catalogue');
    mkdirSync(catalogue, { recursive: true });
    const server = await startTestServer({
      env: {
        CROSSROADS_CATALOGUE_DIR: catalogue,
        CROSSROADS_ADMIN_USERNAME: 'settings-admin',
        CROSSROADS_ADMIN_PASSWORD: 'settings-admin-password',
        CROSSROADS_DEMO: 'false',
      },
    });
    try {
      const admin = await login(server.url, 'settings-admin', 'settings-admin-password');
      // An empty catalogue folder: no scenarios at all.
      expect(await api(server.url, 'GET', '/api/scenarios', undefined, admin.token)).toEqual([]);
      // No demo account next to the admin.
      await expect(login(server.url, 'facilitator', 'crossroads-demo')).rejects.toBeInstanceOf(
        HttpError,
      );
    } finally {
      await server.close();
    }
  });

  it('creates the demo account in an empty database unless CROSSROADS_DEMO=false', async () => {
    // No fixed password: one is generated per database, logged once, shown to loopback only.
    const withDemo = await startTestServer({
      env: { CROSSROADS_ADMIN_USERNAME: '' },
      captureLogs: true,
    });
    try {
      await expect(login(withDemo.url, 'facilitator', 'crossroads-demo')).rejects.toMatchObject({
        status: 401,
      });
      const shown = await fetch(`${withDemo.url}/api/auth/demo`);
      expect(shown.status).toBe(200);
      const demo = (await shown.json()) as { username: string; password: string };
      expect(demo.username).toBe('facilitator');
      expect(demo.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(
        withDemo.logs.filter((l) => typeof l.msg === 'string' && l.msg.includes(demo.password)),
      ).toHaveLength(1);
      await expect(login(withDemo.url, 'facilitator', demo.password)).resolves.toMatchObject({
        token: expect.any(String),
      });
      // Through a proxy (a forwarding header) it is not shown.
      const proxied = await fetch(`${withDemo.url}/api/auth/demo`, {
        headers: { 'X-Forwarded-For': '203.0.113.9' },
      });
      expect(proxied.status).toBe(200);
      expect(await proxied.json()).toEqual({ shown: false });
    } finally {
      await withDemo.close();
    }
    const chosen = await startTestServer({
      env: { CROSSROADS_ADMIN_USERNAME: '', CROSSROADS_DEMO_PASSWORD: 'a-chosen-demo-phrase' },
    });
    try {
      await expect(login(chosen.url, 'facilitator', 'a-chosen-demo-phrase')).resolves.toMatchObject(
        { token: expect.any(String) },
      );
      // A password the operator chose is never shown by the server.
      expect(await (await fetch(`${chosen.url}/api/auth/demo`)).json()).toEqual({ shown: false });
    } finally {
      await chosen.close();
    }
    const without = await startTestServer({
      env: { CROSSROADS_ADMIN_USERNAME: '', CROSSROADS_DEMO: 'false' },
    });
    try {
      await expect(login(without.url, 'facilitator', 'crossroads-demo')).rejects.toMatchObject({
        status: 401,
      });
    } finally {
      await without.close();
    }
  });
});
