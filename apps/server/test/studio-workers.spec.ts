/**
 * The studio worker's clocks: a job's time limit counts the job, not the worker's start (loading
 * the scenario checks on a busy machine takes seconds), and a worker that never starts fails the
 * waiting job as the server's trouble, not the text's.
 */
import { Worker } from 'node:worker_threads';
import { ErrorCode } from '@crossroads/shared';
import { AppError } from '../src/auth/rest-error';
import type { StudioJob } from '../src/studio/studio-jobs';
import { StudioWorkers } from '../src/studio/studio-workers';

/** A worker that spends `bootMs` loading, says it is ready, then takes `jobMs` per job. */
function workerScript(bootMs: number, jobMs: number): string {
  return `
    const { parentPort } = require('node:worker_threads');
    const busy = (ms) => { const until = Date.now() + ms; while (Date.now() < until) {} };
    busy(${bootMs});
    parentPort.on('message', (m) => {
      busy(${jobMs});
      parentPort.postMessage({ id: m.id, ok: true, result: m.job.kind });
    });
    parentPort.postMessage({ ready: true });
  `;
}

/** A worker stuck loading (asleep, not spinning) for `ms`. */
const stuckScript = (ms: number) =>
  `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});`;

class TimedWorkers extends StudioWorkers {
  constructor(
    private readonly script: string,
    limitMs: number,
    bootLimitMs: number,
  ) {
    super();
    Object.assign(this, {
      limits: {
        validate: limitMs,
        analyse: limitMs,
        preview: limitMs,
        dryRun: limitMs,
        diff: limitMs,
      },
      bootLimitMs,
    });
  }

  protected override startWorker(): Worker {
    return new Worker(this.script, { eval: true });
  }
}

const validate: StudioJob = { kind: 'validate', source: 'id: x' };

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the job did not fail');
}

describe('studio workers', () => {
  let workers: StudioWorkers | undefined;
  afterEach(async () => {
    await workers?.onModuleDestroy();
    workers = undefined;
  });

  it('starts a job’s clock when the worker has loaded, not when it was started', async () => {
    workers = new TimedWorkers(workerScript(1200, 0), 400, 10_000);
    await expect(workers.run(validate)).resolves.toBe('validate');
    // The warm worker answers the next one at once.
    await expect(workers.run({ kind: 'diff', before: 'a', after: 'b' })).resolves.toBe('diff');
  });

  it('stops a job that runs past its limit, as too large', async () => {
    workers = new TimedWorkers(workerScript(0, 1500), 300, 10_000);
    const slow = workers.run(validate);
    const error = await failure(slow);
    expect(error.code).toBe(ErrorCode.PayloadTooLarge);
    expect(error.message).toBe('The validate took longer than 0.3 s and was stopped.');
  });

  it('fails the waiting job as the server’s trouble when the worker never starts', async () => {
    workers = new TimedWorkers(stuckScript(5000), 300, 500);
    const error = await failure(workers.run(validate));
    expect(error.code).toBe(ErrorCode.Internal);
    expect(error.message).toBe("The studio's checks did not start within 0.5 s; try again.");
  });
});
