import { ErrorCode, type CommandAck } from '@crossroads/shared';
import type { SessionClient } from '../../../apps/server/bench/session-client';
import { startTestServer, type TestServer } from '../helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends a command; waits out rate limits; waits until the sender has seen its own event. */
export async function act(
  c: SessionClient,
  name: Parameters<SessionClient['send']>[0],
  payload: object,
): Promise<CommandAck> {
  for (;;) {
    const ack = await c.send(name, payload as never);
    if (ack.status === 'rejected' && ack.code === ErrorCode.RateLimited) {
      await sleep(300);
      continue;
    }
    if (ack.status === 'accepted') {
      const seq = ack.seq;
      await c.until(() => c.lastSeq >= seq, 5000, `own event ${seq}`);
    }
    return ack;
  }
}

/** The lead account of useCatalogueServer()'s server. */
export const LEAD = { username: 'lead', password: 'lead-password-1' };

/**
 * A test server on the built-in catalogue (no CROSSROADS_CATALOGUE_DIR) with the LEAD admin,
 * started before the file's tests and closed after them with the clients they registered;
 * the environment is restored afterwards.
 */
export function useCatalogueServer(): { server: () => TestServer; clients: SessionClient[] } {
  let server: TestServer | undefined;
  const savedEnv = { ...process.env };
  const clients: SessionClient[] = [];

  beforeAll(async () => {
    delete process.env.CROSSROADS_CATALOGUE_DIR;
    process.env.CROSSROADS_ADMIN_USERNAME = LEAD.username;
    process.env.CROSSROADS_ADMIN_PASSWORD = LEAD.password;
    server = await startTestServer();
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.close();
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  });

  return {
    server: () => {
      if (!server) throw new Error('the catalogue server is not started yet');
      return server;
    },
    clients,
  };
}
