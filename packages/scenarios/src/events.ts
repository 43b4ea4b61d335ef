/**
 * Events the engine consumes: one line of the session's event log (JSONL).
 * The live server stores exactly these objects; replay() reads them back.
 */
import { z } from 'zod';
import type { ErrorCode } from '@crossroads/shared';
import type { ActRecord, RequestStatus } from './state';
import type { PersonSet } from './schema';

export const ENGINE_EVENT_TYPES = [
  'decision.made',
  'joint.signed',
  'request.sent',
  'request.answered',
  'inject.released',
  'clock.ticked',
] as const;
export type EngineEventType = (typeof ENGINE_EVENT_TYPES)[number];

/**
 * Event types the live server writes that the engine accepts and ignores (session flow, chat,
 * notes, participants, broadcasts, settings). Any other type outside ENGINE_EVENT_TYPES passes
 * through unchanged as well: it cannot change a team's state. Only malformed or impossible engine
 * events are rejected.
 */
export const PASS_THROUGH_TYPES = [
  'session.started',
  'session.paused',
  'session.resumed',
  'session.ended',
  'chat.message',
  'note.pinned',
  'participant.joined',
  'participant.moved',
  'participant.left',
  'broadcast.sent',
  'debrief.released',
  'settings.changed',
] as const;

export interface EventPayloads {
  'session.started': { scenario: string; version: string; teams: { id: string; name: string }[] };
  'decision.made': { decision: string; option: string; rationale?: string; confidence?: number };
  'joint.signed': { decision: string; option: string };
  'request.sent': { request: string; justification?: string };
  'request.answered': { request: string; granted: boolean; reason?: string };
  'inject.released': { inject: string };
  'clock.ticked': { minutes: number };
}

/** One event-log line. `team`, `role` and `participant` are null for session-level events. */
export interface LogEvent {
  seq: number;
  /** Wall-clock ISO time. */
  at?: string;
  /** Scenario minutes when the event happened (the team's clock before applying it); null for session-level events. */
  time?: number | null;
  team: string | null;
  /** Acting agency; null or 'facilitator' for the facilitator. */
  role: string | null;
  participant: string | null;
  type: string;
  payload: unknown;
}

/** A typed engine event (what step() acts on). Extra fields of the log line are allowed. */
export type EngineEvent = {
  [K in EngineEventType]: Omit<LogEvent, 'type' | 'payload'> & {
    type: K;
    payload: EventPayloads[K];
  };
}[EngineEventType];

/** Input accepted by step(): a log line, with seq/team/participant optional for convenience. */
export type StepEvent = Partial<Omit<LogEvent, 'type' | 'payload'>> & {
  type: string;
  payload?: unknown;
};

const Nullable = z.string().nullable();
export const logEventSchema = z.object({
  seq: z.number().int().nonnegative(),
  at: z.string().optional(),
  time: z.number().nullable().optional(),
  team: Nullable,
  role: Nullable,
  participant: Nullable,
  type: z.string().min(1),
  payload: z.unknown(),
});

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
