import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// Booting a server takes seconds on a loaded 2-core machine; the 5 s default is too tight.
jest.setTimeout(60_000);

// The runner (apps/server/src/main.ts) in a real node process, from the TypeScript sources, so
// signals and exit codes are the real thing and no build is needed.
const repo = path.resolve(__dirname, '..', '..');
const mainTs = path.join(repo, 'apps', 'server', 'src', 'main.ts');
const registerTs = path.join(__dirname, 'support', 'register-ts.cjs');

interface Runner {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function runServer(env: Record<string, string>): Runner {
  const child = spawn(
    process.execPath,
    ['--conditions=@crossroads/source', '-r', registerTs, mainTs],
    { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/**
 * Waits for the "listening" log line and returns its url field. The server compiles its sources
 * as it loads them: 18 s were seen on a loaded machine, so the wait is bounded by the test's own
 * time, not by a start-up speed this file does not test.
 */
async function listeningUrl(runner: Runner, timeoutMs = 45_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const line of runner.stdout().split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { url?: string; msg?: string };
      if (entry.url && entry.msg?.includes('listening')) return entry.url;
    }
    if (runner.child.exitCode !== null) {
      throw new Error(`server exited early:\n${runner.stdout()}\n${runner.stderr()}`);
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${runner.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the server process (main.ts)', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'crossroads-proc-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([['SIGTERM' as const], ['SIGINT' as const]])(
    'serves, then on %s closes everything, logs it and exits 0',
    async (signal) => {
      const runner = runServer({
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        NODE_ENV: 'test',
      });
      try {
        const url = await listeningUrl(runner);
        const health = await fetch(`${url}/api/health`);
        expect(health.status).toBe(200);
        const databasePath = path.join(dataDir, 'crossroads.sqlite');
        expect(existsSync(databasePath)).toBe(true);

        runner.child.kill(signal);
        await expect(runner.exited).resolves.toEqual({ code: 0, signal: null });
        expect(runner.stdout()).toContain('"msg":"shutdown complete"');
        // The database was closed properly: the WAL file is checkpointed away.
        expect(existsSync(`${databasePath}-wal`)).toBe(false);
      } finally {
        if (runner.child.exitCode === null) runner.child.kill('SIGKILL');
      }
    },
    30000,
  );

  it('refuses to start on invalid configuration, printing every problem, exit code 1', async () => {
    const runner = runServer({ PORT: 'eighty', NODE_ENV: 'staging', DATA_DIR: dataDir });
    const { code } = await runner.exited;
    expect(code).toBe(1);
    expect(runner.stderr()).toContain('Invalid server configuration, 2 problems');
    expect(runner.stderr()).toMatch(/PORT: .*"eighty".*Example: PORT=3000/);
    expect(runner.stderr()).toMatch(/NODE_ENV: .*"staging".*Example: NODE_ENV=/);
    expect(existsSync(path.join(dataDir, 'crossroads.sqlite'))).toBe(false);
  }, 30000);
});
