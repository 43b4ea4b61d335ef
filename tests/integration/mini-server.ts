import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Env } from '@crossroads/server';
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
    /** Extra or overriding settings (e.g. PUBLIC_ORIGIN: undefined). */
    env?: Env;
  } = {},
): Promise<TestServer> {
  const catalogueDir = mkdtempSync(path.join(os.tmpdir(), 'crossroads-catalogue-'));
  copyFileSync(MINI_SCENARIO, path.join(catalogueDir, 'mini.yaml'));
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
