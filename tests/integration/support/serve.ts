/**
 * Runs the real server in this process and prints one JSON line `{ "url": ... }` on stdout once it
 * listens: the ready line server-process.ts waits for. Configuration comes from the environment,
 * as with `node dist/main.js`. The tests' own entry point (not the benchmark's) so the two can
 * change apart.
 */
import { createApp } from '@crossroads/server';

createApp({ env: process.env, shutdownHooks: true }).then(
  (app) => {
    process.stdout.write(`${JSON.stringify({ url: app.url, pid: process.pid })}\n`);
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
