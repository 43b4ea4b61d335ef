/**
 * The WAL checkpointer's worker thread (wal-checkpoints.ts starts it): its own better-sqlite3
 * connection on the server's database file copies the write-ahead log back into the file, so the
 * server's event loop never does (a checkpoint copies pages and fsyncs twice: milliseconds each
 * time, which inside a COMMIT on the main thread stalled every socket of the process).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type {
  CheckpointResult,
  CheckpointerMessage,
  CheckpointerReply,
  CheckpointerSettings,
} from './wal-checkpoints';

interface Statement {
  get(): unknown;
}
interface Connection {
  prepare(sql: string): Statement;
  close(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CJS package, typed by Connection above
const Database = require('better-sqlite3') as new (
  file: string,
  options: { fileMustExist: boolean; timeout: number },
) => Connection;

const settings = workerData as CheckpointerSettings;
// No busy handler: SQLite's sleeps between attempts grow to 100 ms, and the server's transactions
// hold the write lock only for moments at a time: RESTART below polls every millisecond instead.
const db = new Database(settings.file, { fileMustExist: true, timeout: 0 });
// This connection only checkpoints; it writes no pages, so an automatic checkpoint would never
// trigger here anyway. The size limit applies when a checkpoint resets the log.
db.prepare('PRAGMA wal_autocheckpoint = 0').get();
db.prepare(`PRAGMA journal_size_limit = ${settings.journalSizeLimit}`).get();

type Mode = 'PASSIVE' | 'RESTART' | 'TRUNCATE';
const statements = new Map<Mode, Statement>();
function checkpoint(mode: Mode): CheckpointResult {
  let statement = statements.get(mode);
  if (!statement) {
    statement = db.prepare(`PRAGMA wal_checkpoint(${mode})`);
    statements.set(mode, statement);
  }
  return statement.get() as CheckpointResult;
}

let passive = 0;
let restarts = 0;
let maxLog = 0;

const pause = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread (not the server's) for `ms`. */
function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

/**
 * One round: PASSIVE copies whatever the readers allow without taking the write lock (the server
 * keeps committing meanwhile). The next writer starts the log over only if the copy caught up
 * before it began; under steady writes it may not for a while, so once the log holds
 * `restartFrames`, RESTART takes the write lock for the rest of the copy and makes the next
 * writer start over (the server's BEGIN IMMEDIATE meanwhile waits asynchronously, see sql.ts).
 * RESTART answers busy while the lock is taken; it is tried again for up to restartWaitMs.
 */
function round(): CheckpointResult {
  let result = checkpoint('PASSIVE');
  passive += 1;
  maxLog = Math.max(maxLog, result.log);
  if (result.log >= settings.restartFrames) {
    const deadline = Date.now() + settings.restartWaitMs;
    for (;;) {
      result = checkpoint('RESTART');
      if (result.busy === 0 || Date.now() >= deadline) break;
      sleep(1);
    }
    if (result.busy === 0) restarts += 1;
  }
  return result;
}

function safeRound(): CheckpointResult | string {
  try {
    return round();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const timer = setInterval(() => {
  const outcome = safeRound();
  if (typeof outcome === 'string') parentPort?.postMessage({ kind: 'failed', message: outcome });
}, settings.intervalMs);

parentPort?.on('message', (message: CheckpointerMessage) => {
  if (message.kind === 'checkpoint') {
    const outcome = safeRound();
    const reply: CheckpointerReply =
      typeof outcome === 'string'
        ? { kind: 'checkpointed', id: message.id, error: outcome }
        : { kind: 'checkpointed', id: message.id, result: outcome, passive, restarts, maxLog };
    parentPort?.postMessage(reply);
  } else {
    // Closing: one last copy, so the next start (or the last connection's close) has little left.
    clearInterval(timer);
    safeRound();
    db.close();
    parentPort?.postMessage({ kind: 'closed' });
    parentPort?.close();
  }
});
