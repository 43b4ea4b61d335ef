/**
 * What the engine says about the events it consumes: what a step emitted, and why it refused one.
 */
import type { ErrorCode, LogEvent } from '@crossroads/shared';
import type { ActRecord, RequestStatus } from './state';
import type { PersonSet } from './schema';

// The log line, its payloads and the split between engine and pass-through types are the wire
// contract's (`@crossroads/shared`: logEventSchema, LogEvent, EngineEvent, EventPayloads,
// ENGINE_EVENT_TYPES, PASS_THROUGH_TYPES); the engine adds only how leniently it reads them.

/**
 * A log line as the engine and the debrief read it: a `LogEvent` whose type and payload are not
 * trusted (a file being replayed or scored may hold types the engine does not know, or come from a
 * tool that omits `at`/`time`). Engine events are checked when applied; other types pass through.
 */
export type LogLine = Pick<LogEvent, 'seq' | 'team' | 'role' | 'participant'> &
  Partial<Pick<LogEvent, 'at' | 'time'>> & { type: string; payload: unknown };

/** Input accepted by step(): a log line, with seq/team/participant optional for convenience. */
export type StepEvent = Partial<Omit<LogLine, 'type' | 'payload'>> & {
  type: string;
  payload?: unknown;
};

export type Emitted = { seq: number; time: number } & (
  | { kind: 'decision'; decision: string; option: string; role: string | null }
  | {
      kind: 'joint';
      decision: string;
      option: string;
      role: string;
      signed: Record<string, string>;
      missing: string[];
    }
  | { kind: 'act'; act: ActRecord }
  | { kind: 'fact'; fact: string; value: string | number | boolean }
  | { kind: 'reveal'; item: string; to: string[] }
  | { kind: 'evidence'; evidence: string; tainted: boolean; taintReasons: string[] }
  | { kind: 'person'; person: string; set: PersonSet }
  | { kind: 'observe'; person: string; to: string[]; attrs: string[] }
  | { kind: 'request'; request: string; status: RequestStatus; from: string; to: string }
  | {
      kind: 'inject';
      inject: string;
      to: string[];
      by: 'facilitator' | 'time' | 'condition' | 'effect';
    }
  /** `via`: what moved the team (see `ActRecord.via`): `decision/option`, `request:<id>`, `inject:<id>` or `enter:<phase>`. */
  | { kind: 'phase'; phase: string; via: string }
  | { kind: 'clock'; from: number; to: number }
  | { kind: 'booking'; resource: string; count: number; until: number }
  /** `via` as for `phase`, or `when` (the ending's condition became true) or `time` (the time limit). */
  | { kind: 'ended'; ending: string; via: string }
);

export interface Rejection {
  ok: false;
  code: ErrorCode;
  message: string;
}
