// The build order of the workspaces and a staleness check, shared by start.mjs and dev.mjs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each workspace, the folders its build reads, and a file its build writes. */
export const workspaces = [
  { name: '@crossroads/shared', dir: 'packages/shared', inputs: ['src'], output: 'dist/index.js' },
  {
    name: '@crossroads/scenarios',
    dir: 'packages/scenarios',
    inputs: ['src', 'node', 'cli', 'bench', 'catalogue'],
    output: 'dist-cli/node/index.js',
  },
  { name: '@crossroads/server', dir: 'apps/server', inputs: ['src'], output: 'dist/main.js' },
  {
    name: '@crossroads/client',
    dir: 'apps/client',
    inputs: ['src', 'index.html', 'vite.config.ts', 'public'],
    output: 'dist/index.html',
  },
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** A workspace needs a build when its output is missing or older than any of its inputs or a dependency's output. */
export function staleWorkspaces() {
  const stale = [];
  let upstreamNewest = 0;
  for (const ws of workspaces) {
    const output = join(root, ws.dir, ws.output);
    const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0;
    const inputsNewest = Math.max(...ws.inputs.map((p) => newestMtime(join(root, ws.dir, p))));
    if (builtAt === 0 || inputsNewest > builtAt || upstreamNewest > builtAt) {
      stale.push(ws);
      upstreamNewest = Date.now();
    } else {
      upstreamNewest = Math.max(upstreamNewest, builtAt);
    }
  }
  return stale;
}
