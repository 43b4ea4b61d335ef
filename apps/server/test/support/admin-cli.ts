import { spawn } from 'node:child_process';
import path from 'node:path';

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const cliTs = path.join(repo, 'apps', 'server', 'src', 'accounts', 'cli.ts');
// The same require hook the server-process tests use: the sources compiled as jest compiles them.
const registerTs = path.join(repo, 'tests', 'integration', 'support', 'register-ts.cjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run admin:create -w @crossroads/server -- <args>` in a real node process, from the
 * TypeScript sources (no build): `env` is its whole configuration (nothing inherited but PATH),
 * `stdin` what is typed (the password when CROSSROADS_ADMIN_PASSWORD is not set).
 */
export function runAdminCli(
  args: string[],
  env: Record<string, string>,
  stdin = '',
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@crossroads/source', '-r', registerTs, cliTs, ...args],
      {
        cwd: repo,
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
