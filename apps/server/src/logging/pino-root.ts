import path from 'node:path';

/**
 * nestjs-pino 5 builds one pino-http instance per *process*, on first use, and every later
 * application in the same process logs through it: its level and destination win. A server
 * process runs one application, so that is harmless there; but tests boot several in one jest
 * worker. createApp calls this when the last open application of the process closes, so the
 * next one gets a logger built from its own configuration. Applications that overlap in time
 * share the first one's logger (level and destination).
 *
 * The reset function is not exported from the package entry, so it is loaded by file path
 * (a path is not subject to the package's "exports" map). If a future version moves it, this
 * degrades to a no-op: only several-apps-per-process setups (tests) notice.
 */
export function resetPinoRootLogger(): void {
  try {
    const entry = require.resolve('nestjs-pino');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate deep load, see above
    const mod = require(path.join(path.dirname(entry), 'PinoLogger.js')) as {
      __resetOutOfContextForTests?: () => void;
    };
    mod.__resetOutOfContextForTests?.();
  } catch {
    // Layout changed: see the comment above.
  }
}
