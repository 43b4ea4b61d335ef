import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ErrorCode } from '@crossroads/shared';
import { AppError } from '../auth/rest-error';
import type { StudioJob, StudioReply } from './studio-jobs';

/** How long one job may run before its worker is stopped (analysis of the flagship: a few seconds). */
const TIME_LIMIT_MS: Record<StudioJob['kind'], number> = {
  validate: 10_000,
  analyse: 90_000,
  preview: 30_000,
  dryRun: 15_000,
  diff: 10_000,
};
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
  private readonly queue: Pending[] = [];
  private current: (Pending & { timer: NodeJS.Timeout }) | undefined;
  private nextId = 1;
  private closed = false;

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

  private spawn(): Worker {
    const ext = extname(__filename);
    const entry = join(__dirname, `studio-worker${ext}`);
    const limits = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
    let worker: Worker;
    if (ext === '.ts') {
      // Running from the TypeScript sources (tests): compile on load with the repository's hook.
      const hook = join(__dirname, '../../bench/register-ts.cjs');
      if (!existsSync(hook)) throw new Error(`cannot start the studio worker: no ${hook}`);
      worker = new Worker(`require(${JSON.stringify(hook)}); require(${JSON.stringify(entry)});`, {
        eval: true,
        ...limits,
      });
    } else {
      worker = new Worker(entry, limits);
    }
    worker.on('message', (reply: StudioReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(worker, `The check failed: ${error.message}`));
    worker.on('exit', () => this.fail(worker, 'The check stopped unexpectedly.'));
    worker.unref();
    return worker;
  }

  private pump(): void {
    if (this.current || this.closed) return;
    const next = this.queue.shift();
    if (!next) return;
    this.worker ??= this.spawn();
    const worker = this.worker;
    const timer = setTimeout(() => {
      const seconds = TIME_LIMIT_MS[next.job.kind] / 1000;
      this.fail(worker, `The ${next.job.kind} took longer than ${seconds} s and was stopped.`);
    }, TIME_LIMIT_MS[next.job.kind]);
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
  private fail(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    void worker.terminate();
    const current = this.current;
    this.current = undefined;
    if (current) {
      clearTimeout(current.timer);
      current.reject(new AppError(ErrorCode.PayloadTooLarge, message));
    }
    this.pump();
  }
}
