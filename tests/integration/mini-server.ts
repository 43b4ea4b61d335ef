import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Env } from '@crossroads/server';
import type { JoinResponse, SessionMeta } from '@crossroads/shared';
import { api, login, SessionClient, type Staff } from '../../apps/server/bench/session-client';
import { startTestServer, type TestServer } from './helpers';

/** The engine's small complete scenario, also the authoring guide's example. */
export const MINI_SCENARIO = path.resolve(
  __dirname,
  '../../packages/scenarios/test/fixtures/mini.yaml',
);

/** The administrator every mini server creates at start. */
export const MINI_ADMIN = { username: 'admin', password: 'admin-password-1' };

/**
 * A test server whose catalogue holds only the mini scenario and which creates MINI_ADMIN at
 * start. Settings go through the server's env option, so process.env is left alone.
 */
export async function startMiniServer(
  options: {
    /** Knowledge-check files (name → YAML) put in the catalogue's knowledge-checks folder. */
    knowledgeChecks?: Record<string, string>;
    /** Further scenario files (name → YAML) put in the catalogue beside the mini scenario. */
    scenarios?: Record<string, string>;
    /** Extra or overriding settings (e.g. PUBLIC_ORIGIN: undefined). */
    env?: Env;
  } = {},
): Promise<TestServer> {
  const catalogueDir = mkdtempSync(path.join(os.tmpdir(), 'crossroads-catalogue-'));
  copyFileSync(MINI_SCENARIO, path.join(catalogueDir, 'mini.yaml'));
  for (const [name, text] of Object.entries(options.scenarios ?? {}))
    writeFileSync(path.join(catalogueDir, name), text);
  if (options.knowledgeChecks) {
    const dir = path.join(catalogueDir, 'knowledge-checks');
    mkdirSync(dir);
    for (const [name, text] of Object.entries(options.knowledgeChecks)) {
      writeFileSync(path.join(dir, name), text);
    }
  }
  const server = await startTestServer({
    env: {
      CROSSROADS_CATALOGUE_DIR: catalogueDir,
      CROSSROADS_ADMIN_USERNAME: MINI_ADMIN.username,
      CROSSROADS_ADMIN_PASSWORD: MINI_ADMIN.password,
      ...options.env,
    },
  });
  const close = server.close;
  return {
    ...server,
    close: async () => {
      await close();
      rmSync(catalogueDir, { recursive: true, force: true });
    },
  };
}

/** A mini server with a facilitator, one session of the mini scenario and its console connected. */
export interface MiniSession {
  server: TestServer;
  /** The facilitator `fac1`, the session's owner. */
  fac: Staff;
  meta: SessionMeta;
  /** fac1's console socket. */
  facilitator: SessionClient;
  /** Joins a trainee by the session's code over REST. */
  join(displayName: string, team: string, role: string): Promise<JoinResponse>;
  close(): Promise<void>;
}

/** Creates the facilitator account `fac1` on a mini server (as MINI_ADMIN) and logs it in. */
export async function miniFacilitator(server: TestServer): Promise<Staff> {
  const admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  await api(
    server.url,
    'POST',
    '/api/accounts',
    { username: 'fac1', password: 'fac1-password' },
    admin.token,
  );
  return login(server.url, 'fac1', 'fac1-password');
}

export async function startMiniSession(teams = 1): Promise<MiniSession> {
  const server = await startMiniServer();
  const fac = await miniFacilitator(server);
  const meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams, timeRatio: 0 },
    fac.token,
  );
  const facilitator = new SessionClient(
    server.url,
    { kind: 'facilitator', token: fac.token },
    meta.id,
  );
  await facilitator.connected();
  return {
    server,
    fac,
    meta,
    facilitator,
    join: (displayName, team, role) =>
      api<JoinResponse>(server.url, 'POST', '/api/join', {
        code: meta.joinCode,
        displayName,
        team,
        role,
      }),
    close: async () => {
      facilitator.socket.close();
      await server.close();
    },
  };
}

export { accepted } from '../acks';
