import { readdirSync } from 'node:fs';
import net from 'node:net';

/**
 * The local services some tests need, and the clear failure they give when one is missing: a test
 * that needs PostgreSQL or Redis fails naming the service and how to start it; it is never skipped
 * in silence. `.ci/run` starts both when they do not answer.
 */

/** PostgreSQL for tests: the machine's server, trust auth, database `test`. */
export const TEST_DATABASE_URL =
  process.env.CROSSROADS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Redis for tests. */
export const TEST_REDIS_URL = process.env.CROSSROADS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const PROBE_TIMEOUT_MS = 3000;

/** The installed PostgreSQL major version(s) for the hint (Debian keeps one folder per cluster version). */
function clusterVersion(): string {
  try {
    const versions = readdirSync('/etc/postgresql').filter((name) => /^\d+$/.test(name));
    return versions.sort((a, b) => Number(b) - Number(a))[0] ?? '15';
  } catch {
    return '15';
  }
}

export function postgresMissingMessage(url: string, reason: string): string {
  const { host, port } = hostAndPort(url, 5432);
  return (
    `PostgreSQL is not reachable at ${host}:${port} (${reason}) — start it with ` +
    `\`pg_ctlcluster ${clusterVersion()} main start\` (.ci/run starts it when it is down), ` +
    'or point CROSSROADS_TEST_DATABASE_URL at another server with a database the tests may use.'
  );
}

export function redisMissingMessage(url: string, reason: string): string {
  const { host, port } = hostAndPort(url, 6379);
  return (
    `Redis is not reachable at ${host}:${port} (${reason}) — start it with ` +
    '`redis-server --daemonize yes --save "" --appendonly no` (.ci/run starts it when it is down), ' +
    'or point CROSSROADS_TEST_REDIS_URL at another server.'
  );
}

function hostAndPort(url: string, defaultPort: number): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || defaultPort) };
}

/**
 * Resolves when PostgreSQL accepts a connection and answers a query; otherwise rejects with the
 * message above. Uses pg's own client, so authentication and the database name are checked too.
 */
export async function requirePostgres(url: string = TEST_DATABASE_URL): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(postgresMissingMessage(url, reasonOf(error)));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Resolves when Redis answers PING with PONG; otherwise rejects with the message above. */
export async function requireRedis(url: string = TEST_REDIS_URL): Promise<void> {
  const { host, port } = hostAndPort(url, 6379);
  try {
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect({ host, port });
      let answer = '';
      const fail = (error: Error) => {
        socket.destroy();
        reject(error);
      };
      socket.setTimeout(PROBE_TIMEOUT_MS, () => fail(new Error('no answer in time')));
      socket.on('error', fail);
      socket.on('connect', () => socket.write('PING\r\n'));
      socket.on('data', (chunk) => {
        answer += chunk.toString('utf8');
        if (!answer.includes('\r\n')) return;
        socket.destroy();
        if (answer.startsWith('+PONG')) resolve();
        else reject(new Error(`answered ${JSON.stringify(answer.trim())} to PING`));
      });
    });
  } catch (error) {
    throw new Error(redisMissingMessage(url, reasonOf(error)));
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code)
      ? `${code}: ${error.message}`
      : error.message || String(code);
  }
  return String(error);
}
