// `node scripts/parallel.mjs 'cmd a' 'cmd b && cmd c' ...`: runs each shell command at the same
// time and fails when any of them fails. `npm test` uses it for the checks before jest: the type
// check, the lint and the build are each one single-threaded process, so run one after another
// they leave the second core of a two-core CI machine idle for minutes.
// Each command's output is held back and printed whole when it ends, so two logs never
// interleave; every command runs to its end, so one run reports all that is wrong.
import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error('usage: node scripts/parallel.mjs <command> [<command> ...]');
  process.exit(2);
}

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(0);

const children = [];
// Each command runs in a process group of its own (detached), so that stopping this script
// (Ctrl-C, a cancelled CI job) stops the tsc, eslint or vite under the shell too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // That command has already ended.
      }
    }
    process.exit(1);
  });
}

const runs = commands.map(
  (command) =>
    new Promise((resolve) => {
      const chunks = [];
      const child = spawn(command, {
        shell: true,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      child.stdout.on('data', (chunk) => chunks.push(chunk));
      child.stderr.on('data', (chunk) => chunks.push(chunk));
      child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
      child.on('close', (code, signal) => {
        const ok = code === 0;
        const how = ok ? 'passed' : `FAILED (${signal ?? `exit code ${code}`})`;
        process.stdout.write(`\n== ${command}: ${how} after ${seconds()} s\n`);
        process.stdout.write(Buffer.concat(chunks));
        resolve(ok);
      });
    }),
);

const results = await Promise.all(runs);
const failed = commands.filter((_, i) => !results[i]);
if (failed.length > 0) {
  console.error(`\n${failed.length} of ${commands.length} failed: ${failed.join('; ')}`);
  process.exit(1);
}
