import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';

/** What the worker (wal-checkpoint-worker.ts) is started with. */
export interface CheckpointerSettings {
  /** The database file (absolute). */
  file: string;
  /** How often the worker checkpoints. */
  intervalMs: number;
  /** A log of this many frames (pages) is checkpointed with RESTART: see the worker's round(). */
  restartFrames: number;
  /** Bytes the WAL file is cut back to when the log starts over (PRAGMA journal_size_limit). */
  journalSizeLimit: number;
  /** How long RESTART is tried (for the write lock, for readers) before it gives up this round. */
  restartWaitMs: number;
}

export type CheckpointerMessage = { kind: 'checkpoint'; id: number } | { kind: 'close' };

/** PRAGMA wal_checkpoint's answer: frames in the log, and how many of them are in the file now. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export type CheckpointerReply =
  | {
      kind: 'checkpointed';
      id: number;
      result?: CheckpointResult;
      /** Rounds so far (PASSIVE ones, RESTART ones) and the longest log one of them saw. */
      passive?: number;
      restarts?: number;
      maxLog?: number;
      error?: string;
    }
  | { kind: 'failed'; message: string }
  | { kind: 'closed' };

/** The main connection as far as this module uses it. */
interface Connection {
  prepare(sql: string): { get(): unknown };
}

export interface WalCheckpointOptions {
  intervalMs?: number;
  restartFrames?: number;
  /**
   * The main connection's own automatic checkpoint while the worker runs: only a safety net (it
   * would stall the event loop), far above what the worker lets the log reach.
   */
  safetyNetFrames?: number;
  logger?: { warn(fields: object, message: string): void };
}

/** SQLite's default automatic checkpoint, which the main connection returns to without a worker. */
const SQLITE_AUTOCHECKPOINT = 1000;
const DEFAULTS = {
  // At 1,000 trainees the server writes about 1,300 WAL frames a second: a copy every half second
  // copies a page written several times in that time once, and a RESTART about every 3 s keeps
  // the WAL file at most 16 MB.
  intervalMs: 500,
  restartFrames: 4000,
  safetyNetFrames: 40_000,
};
const PAGE_SIZE_GUESS = 4096;
const CLOSE_TIMEOUT_MS = 3000;

/**
 * Checkpoints of a SQLite file in WAL mode, off the event loop: a worker thread with its own
 * connection checkpoints on an interval, and the main connection's automatic checkpoint (which
 * SQLite runs inside a COMMIT, on the thread that commits) is raised to a safety net. If the worker
 * dies, the main connection goes back to SQLite's default so the log cannot grow without bound.
 * What stays on the main thread: when a commit starts the log over after a RESTART, SQLite syncs
 * the new WAL header there (one fsync, well under a millisecond mostly, every few seconds).
 */
export class WalCheckpoints {
  private closing: Promise<void> | undefined;
  private exited = false;
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: CheckpointerReply) => void>();

  private constructor(
    private readonly worker: Worker,
    private readonly main: Connection,
    private readonly logger: WalCheckpointOptions['logger'],
  ) {
    worker.on('message', (reply: CheckpointerReply) => {
      if (reply.kind === 'checkpointed') {
        this.waiting.get(reply.id)?.(reply);
        this.waiting.delete(reply.id);
      } else if (reply.kind === 'failed') {
        this.logger?.warn({ err: reply.message }, 'WAL checkpoint failed');
      }
    });
    worker.on('error', (error) => {
      this.logger?.warn({ err: error }, 'WAL checkpoint worker failed');
    });
    worker.on('exit', () => {
      this.exited = true;
      for (const settle of this.waiting.values()) {
        settle({ kind: 'checkpointed', id: 0, error: 'the checkpoint worker stopped' });
      }
      this.waiting.clear();
      if (this.closing) return;
      this.logger?.warn({}, 'WAL checkpoint worker stopped; the server checkpoints itself again');
      this.autocheckpoint(SQLITE_AUTOCHECKPOINT);
    });
    // Never the reason a process stays up.
    worker.unref();
  }

  /**
   * Starts the worker for the database file `file` of the main connection `main`. Answers
   * undefined (and leaves the main connection as it is) for an in-memory database or when the
   * worker cannot be started.
   */
  static start(
    main: Connection,
    file: string,
    options: WalCheckpointOptions = {},
  ): WalCheckpoints | undefined {
    if (file === ':memory:' || file === '') return undefined;
    const intervalMs = options.intervalMs ?? DEFAULTS.intervalMs;
    const restartFrames = options.restartFrames ?? DEFAULTS.restartFrames;
    const settings: CheckpointerSettings = {
      file: resolve(file),
      intervalMs,
      restartFrames,
      journalSizeLimit: restartFrames * PAGE_SIZE_GUESS,
      restartWaitMs: 1000,
    };
    let worker: Worker;
    try {
      worker = spawn(settings);
    } catch (error) {
      options.logger?.warn({ err: error }, 'WAL checkpoint worker not started');
      return undefined;
    }
    const checkpoints = new WalCheckpoints(worker, main, options.logger);
    checkpoints.autocheckpoint(options.safetyNetFrames ?? DEFAULTS.safetyNetFrames);
    main.prepare(`PRAGMA journal_size_limit = ${settings.journalSizeLimit}`).get();
    return checkpoints;
  }

  private autocheckpoint(frames: number): void {
    try {
      this.main.prepare(`PRAGMA wal_autocheckpoint = ${frames}`).get();
    } catch (error) {
      // The main connection is closed already (shutdown): nothing left to protect.
      this.logger?.warn({ err: error }, 'WAL autocheckpoint not changed');
    }
  }

  /** One checkpoint round now, in the worker (tests, diagnostics). */
  checkpointNow(): Promise<CheckpointerReply & { kind: 'checkpointed' }> {
    const id = this.nextId++;
    return new Promise((settle) => {
      if (this.exited) {
        settle({ kind: 'checkpointed', id, error: 'the checkpoint worker stopped' });
        return;
      }
      // The answer is awaited: keep the process up for it.
      this.worker.ref();
      this.waiting.set(id, (reply) => {
        if (this.waiting.size === 1 && !this.closing) this.worker.unref();
        settle(reply as CheckpointerReply & { kind: 'checkpointed' });
      });
      this.worker.postMessage({ kind: 'checkpoint', id } satisfies CheckpointerMessage);
    });
  }

  /**
   * A last checkpoint, then the worker's connection is closed and the thread ends (stopped after
   * CLOSE_TIMEOUT_MS if it does not: a checkpoint waiting on a lock must not hold up a shutdown).
   */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((done) => {
      if (this.exited) {
        done();
        return;
      }
      // Unreferenced while running; the shutdown waits for it now.
      this.worker.ref();
      const timer = setTimeout(() => void this.worker.terminate(), CLOSE_TIMEOUT_MS);
      this.worker.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      this.worker.postMessage({ kind: 'close' } satisfies CheckpointerMessage);
    });
    return this.closing;
  }
}

function spawn(settings: CheckpointerSettings): Worker {
  const ext = extname(__filename);
  const entry = join(__dirname, `wal-checkpoint-worker${ext}`);
  if (ext === '.ts') {
    // Running from the TypeScript sources (tests, bench from sources): compile on load with the
    // repository's hook, as the studio worker does.
    const hook = join(__dirname, '../../bench/register-ts.cjs');
    if (!existsSync(hook)) throw new Error(`cannot start the checkpoint worker: no ${hook}`);
    return new Worker(`require(${JSON.stringify(hook)}); require(${JSON.stringify(entry)});`, {
      eval: true,
      workerData: settings,
    });
  }
  return new Worker(entry, { workerData: settings });
}

/**
 * The server's checkpoint worker for its SQLite file (none for PostgreSQL or an in-memory
 * database), closed when the application shuts down.
 */
@Injectable()
export class SqliteCheckpointing implements OnApplicationShutdown {
  readonly checkpoints: WalCheckpoints | undefined;

  constructor(dataSource: DataSource, @InjectPinoLogger('WalCheckpoints') logger: PinoLogger) {
    const { options } = dataSource;
    if (options.type !== 'better-sqlite3') return;
    // TypeORM's better-sqlite3 driver keeps the open Database as `databaseConnection` (typed any).
    const driver = dataSource.driver as unknown as { databaseConnection: Connection };
    this.checkpoints = WalCheckpoints.start(driver.databaseConnection, options.database, {
      logger,
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.checkpoints?.close() ?? Promise.resolve();
  }
}
