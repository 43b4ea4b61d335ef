// `npm start`: build whatever is missing or out of date, then serve the app (production mode, embedded SQLite).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root, staleWorkspaces } from './workspaces.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// `build:emit` writes the same JavaScript as `build` without the type check (about 40 % less CPU
// on a fresh clone); the type check belongs to `npm test` and `npm run typecheck`.
for (const ws of staleWorkspaces()) {
  console.log(`[start] building ${ws.name} ...`);
  const result = spawnSync(npm, ['run', 'build:emit', '-w', ws.name, '--silent'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`[start] the build of ${ws.name} failed; see the output above.`);
    process.exit(result.status ?? 1);
  }
}

// A young generation of 2 x 32 MB instead of node's 2 x 16 MB: the server allocates a view, a
// patch and a frame per recipient group for every command, and half as many scavenges took about
// 40 % less GC time at 1,000 trainees (apps/server/README.md "Benchmark"). The bench starts the
// server the same way.
const server = spawn(
  process.execPath,
  ['--max-semi-space-size=32', join(root, 'apps/server/dist/main.js')],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
