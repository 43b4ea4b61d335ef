// `npm run dev`: compile the packages and the server in watch mode, restart the server on change,
// and run Vite with hot module replacement (it proxies /api and /socket.io to the server).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root, staleWorkspaces } from './workspaces.mjs';

for (const ws of staleWorkspaces().filter((w) => w.name !== '@crossroads/client')) {
  spawnSync('npm', ['run', 'build', '-w', ws.name, '--silent'], { cwd: root, stdio: 'inherit' });
}

const children = [
  ['tsc', '-p', 'packages/shared/tsconfig.build.json', '--watch', '--preserveWatchOutput'],
  ['tsc', '-p', 'packages/scenarios/tsconfig.build.json', '--watch', '--preserveWatchOutput'],
  ['tsc', '-p', 'apps/server/tsconfig.build.json', '--watch', '--preserveWatchOutput'],
].map((args) => spawn('npx', args, { cwd: root, stdio: 'inherit' }));

children.push(
  spawn(process.execPath, ['--watch', join(root, 'apps/server/dist/main.js')], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'development',
      // Browsers reach the server through Vite's proxy, so their Origin is Vite's.
      PUBLIC_ORIGIN: process.env.PUBLIC_ORIGIN ?? 'http://localhost:5173',
    },
  }),
  spawn('npm', ['run', 'dev', '-w', '@crossroads/client'], { cwd: root, stdio: 'inherit' }),
);

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
