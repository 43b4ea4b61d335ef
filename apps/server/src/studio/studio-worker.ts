/**
 * The studio's worker thread: receives scenario text and runs the pure studio computations
 * (studio-work.ts) on it, so parsing, analysis and dry-runs never block the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import type { StudioJob, StudioReply, StudioWorkerReady } from './studio-jobs';
import { diffSources } from './studio-diff';
import { analyseSource, dryRun, previewOption, validateSource } from './studio-work';

function run(job: StudioJob): unknown {
  switch (job.kind) {
    case 'validate':
      return validateSource(job.source);
    case 'analyse':
      return analyseSource(job.source, job.maxStates);
    case 'preview':
      return previewOption(job.source, job.decision, job.option);
    case 'diff':
      return diffSources(job.before, job.after);
    case 'dryRun':
      return dryRun(job.source, job.events, job.role, job.upTo);
  }
}

parentPort?.on('message', (message: { id: number; job: StudioJob }) => {
  let reply: StudioReply;
  try {
    reply = { id: message.id, ok: true, result: run(message.job) };
  } catch (error) {
    reply = {
      id: message.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort?.postMessage(reply);
});

const ready: StudioWorkerReady = { ready: true };
parentPort?.postMessage(ready);
