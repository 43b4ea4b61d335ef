/**
 * Runs the real server in this process and prints one JSON line `{ "url": ... }` on stdout once it
 * listens. Configuration comes from the environment, as with `node dist/main.js`.
 * Used by the crash-recovery test and the benchmark to put the server in its own process.
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
