import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ErrorCode } from '@crossroads/shared';
import { AppError } from '../auth/rest-error';
import type { StudioJob, StudioReply, StudioWorkerReady } from './studio-jobs';

/** How long one job may run before its worker is stopped (analysis of the flagship: a few seconds). */
const TIME_LIMIT_MS: Record<StudioJob['kind'], number> = {
  validate: 10_000,
  analyse: 90_000,
  preview: 30_000,
  dryRun: 15_000,
  diff: 10_000,
};
/**
 * How long a new worker may take to load the studio's code before its first job's clock starts
 * (a cold start on a loaded machine takes seconds; that is not the job's time).
 */
const BOOT_LIMIT_MS = 60_000;
/** Jobs waiting for the worker; beyond this the studio answers "busy". */
const MAX_QUEUE = 32;
/** The worker's heap: a hostile text cannot take the server's memory with it. */
const WORKER_HEAP_MB = 512;

interface Pending {
  id: number;
  job: StudioJob;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread for the studio's CPU work, jobs run one at a time in arrival order. A job that
 * runs past its time limit (or crashes the worker) fails with a clear error and the worker is
 * replaced; the server's event loop never runs the scenario checks itself.
 */
@Injectable()
export class StudioWorkers implements OnModuleDestroy {
  private worker: Worker | undefined;
  /** Whether the worker has loaded its code and said so (the job clocks start from then). */
  private ready = false;
  private readonly queue: Pending[] = [];
  private current: (Pending & { timer: NodeJS.Timeout }) | undefined;
  private nextId = 1;
  private closed = false;
  /** Per job kind; a subclass in tests shortens them. */
  protected readonly limits: Readonly<Record<StudioJob['kind'], number>> = TIME_LIMIT_MS;
  protected readonly bootLimitMs: number = BOOT_LIMIT_MS;

  run<T>(job: StudioJob): Promise<T> {
    if (this.closed)
      return Promise.reject(new AppError(ErrorCode.Internal, 'The server is stopping.'));
    if (this.queue.length >= MAX_QUEUE)
      return Promise.reject(
        new AppError(ErrorCode.RateLimited, 'The studio is busy; try again in a moment.'),
      );
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0))
      p.reject(new AppError(ErrorCode.Internal, 'The server is stopping.'));
    if (this.current) {
      clearTimeout(this.current.timer);
      this.current.reject(new AppError(ErrorCode.Internal, 'The server is stopping.'));
      this.current = undefined;
    }
    const worker = this.worker;
    this.worker = undefined;
    return worker ? worker.terminate().then(() => undefined) : Promise.resolve();
  }

  /** A new worker thread running studio-worker (compiled on load when running from sources). */
  protected startWorker(): Worker {
    const ext = extname(__filename);
    const entry = join(__dirname, `studio-worker${ext}`);
    const limits = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
    if (ext !== '.ts') return new Worker(entry, limits);
    // Running from the TypeScript sources (tests): compile on load with the repository's hook.
    const hook = join(__dirname, '../../bench/register-ts.cjs');
    if (!existsSync(hook)) throw new Error(`cannot start the studio worker: no ${hook}`);
    return new Worker(`require(${JSON.stringify(hook)}); require(${JSON.stringify(entry)});`, {
      eval: true,
      ...limits,
    });
  }

  private spawn(): Worker {
    const worker = this.startWorker();
    this.ready = false;
    worker.on('message', (reply: StudioReply | StudioWorkerReady) => {
      if ('ready' in reply) this.started(worker);
      else this.settle(reply);
    });
    worker.on('error', (error) => this.fail(worker, `The check failed: ${error.message}`));
    worker.on('exit', () => this.fail(worker, 'The check stopped unexpectedly.'));
    worker.unref();
    return worker;
  }

  /** The worker has loaded its code: the job waiting for it starts its clock now. */
  private started(worker: Worker): void {
    if (this.worker !== worker) return;
    this.ready = true;
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    current.timer = this.jobTimer(worker, current.job);
  }

  private jobTimer(worker: Worker, job: StudioJob): NodeJS.Timeout {
    const limit = this.limits[job.kind];
    return setTimeout(
      () =>
        this.fail(worker, `The ${job.kind} took longer than ${limit / 1000} s and was stopped.`),
      limit,
    );
  }

  private pump(): void {
    if (this.current || this.closed) return;
    const next = this.queue.shift();
    if (!next) return;
    this.worker ??= this.spawn();
    const worker = this.worker;
    // Until the worker has loaded its code, only its start is timed (the job waits in its port).
    const timer = this.ready
      ? this.jobTimer(worker, next.job)
      : setTimeout(
          () =>
            this.fail(
              worker,
              `The studio's checks did not start within ${this.bootLimitMs / 1000} s; try again.`,
              // Not the text's fault: nothing of it has run yet.
              ErrorCode.Internal,
            ),
          this.bootLimitMs,
        );
    this.current = { ...next, timer };
    worker.postMessage({ id: next.id, job: next.job });
  }

  private settle(reply: StudioReply): void {
    const current = this.current;
    if (!current || current.id !== reply.id) return;
    clearTimeout(current.timer);
    this.current = undefined;
    if (reply.ok) current.resolve(reply.result);
    else current.reject(new AppError(ErrorCode.Internal, `The check failed: ${reply.message}`));
    this.pump();
  }

  /** The worker failed or ran too long: fail the current job, replace the worker, go on. */
  private fail(worker: Worker, message: string, code: ErrorCode = ErrorCode.PayloadTooLarge): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    void worker.terminate();
    const current = this.current;
    this.current = undefined;
    if (current) {
      clearTimeout(current.timer);
      current.reject(new AppError(code, message));
    }
    this.pump();
  }
}
