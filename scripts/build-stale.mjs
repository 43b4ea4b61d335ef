// `node scripts/build-stale.mjs [workspace ...]`: builds the named workspaces and those before
// them in build order (all when none is named) whose build output is missing or older than their sources, so commands that run built
// code (scenarios:check, debrief, bench) work right after `npm ci`. Progress goes to stderr:
// stdout stays the command's own (e.g. the JSON of `scenarios:check -- --json`).
import { spawnSync } from 'node:child_process';
import { root, staleWorkspaces, workspaces } from './workspaces.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!workspaces.some((ws) => ws.name === name)) {
    console.error(`[build] unknown workspace ${name}`);
    process.exit(2);
  }
}

// The build order puts every workspace after those it imports, so the named ones need no more.
const last =
  wanted.length === 0
    ? workspaces.length - 1
    : Math.max(...wanted.map((n) => workspaces.findIndex((ws) => ws.name === n)));
const needed = new Set(workspaces.slice(0, last + 1).map((ws) => ws.name));

for (const ws of staleWorkspaces()) {
  if (!needed.has(ws.name)) continue;
  console.error(`[build] building ${ws.name} (missing or out of date) ...`);
  // The same JavaScript as `build`, without the type check (that is `npm test`'s job).
  const result = spawnSync(npm, ['run', 'build:emit', '-w', ws.name, '--silent'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    console.error(`[build] the build of ${ws.name} failed; see the output above.`);
    process.exit(result.status ?? 1);
  }
}
