import type { DryRunAction } from '@crossroads/shared';

/** A unit of work for the studio worker (plain data: it crosses the thread boundary). */
export type StudioJob =
  | { kind: 'validate'; source: string }
  | { kind: 'analyse'; source: string; maxStates?: number }
  | { kind: 'preview'; source: string; decision: string; option: string }
  | { kind: 'diff'; before: string; after: string }
  | { kind: 'dryRun'; source: string; events: DryRunAction[]; role: string | null; upTo?: number };

/** The worker's first message: its code is loaded and it takes jobs. */
export interface StudioWorkerReady {
  ready: true;
}

export type StudioReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };
