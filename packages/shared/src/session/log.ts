import { z } from 'zod';
import { idSchema, isoDateSchema, languageSchema, seqSchema, uuidSchema } from './common';
import { sessionSettingsSchema, teamRefSchema } from './identity';

/**
 * The event log. Every committed change to a session is one event with the next per-session `seq`.
 * This is both what the server stores and one line of GET /api/sessions/:id/events.jsonl
 * (see README.md, "Event log").
 */
const base = {
  seq: seqSchema,
  /** Wall-clock time the server committed the event. */
  at: isoDateSchema,
  /** The team's scenario clock (minutes) before the event; null for session-level events. */
  time: z.number().nonnegative().nullable(),
  team: idSchema.nullable(),
  /** Agency that acted; `facilitator` when the facilitator answers for a facilitator-played agency. */
  role: idSchema.nullable(),
  /** Participant id of the trainee who acted; null for staff and the server. */
  participant: uuidSchema.nullable(),
};

/**
 * Why a facilitator paused: a code each reader's page translates (the presets the console offers),
 * not text in the session's language.
 */
export const PAUSE_KINDS = ['break', 'wellbeing', 'technical', 'discussion', 'other'] as const;
export const pauseKindSchema = z.enum(PAUSE_KINDS);
export type PauseKind = z.infer<typeof pauseKindSchema>;

/**
 * A `session.paused` payload. `kind` is the code; `note` the facilitator's own words, kept apart;
 * `lang` the language the free text (`note`, or an older client's `reason`) was written in: the
 * one the command named (the console's UI language), else the session's language at the time. Logs written before kinds existed carry only
 * `reason`, one text in the session's language, and no `lang`.
 */
export const sessionPausedPayloadSchema = z.object({
  kind: pauseKindSchema.optional(),
  note: z.string().optional(),
  lang: languageSchema.optional(),
  reason: z.string().optional(),
});
export type SessionPausedPayload = z.infer<typeof sessionPausedPayloadSchema>;

const ev = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.object({ ...base, type: z.literal(type), payload });

export const logEventSchema = z.discriminatedUnion('type', [
  ev(
    'session.started',
    z.object({ scenario: idSchema, version: z.string(), teams: z.array(teamRefSchema) }),
  ),
  ev('session.paused', sessionPausedPayloadSchema),
  ev('session.resumed', z.object({})),
  ev('session.ended', z.object({ reason: z.string().optional() })),
  ev(
    'decision.made',
    z.object({
      decision: idSchema,
      option: idSchema,
      rationale: z.string().optional(),
      confidence: z.number().int().min(1).max(5).optional(),
    }),
  ),
  ev('joint.signed', z.object({ decision: idSchema, option: idSchema })),
  ev('request.sent', z.object({ request: idSchema, justification: z.string().optional() })),
  ev('request.answered', z.object({ request: idSchema, granted: z.boolean(), reason: z.string() })),
  ev('inject.released', z.object({ inject: idSchema })),
  ev('clock.ticked', z.object({ minutes: z.number().positive() })),
  ev('chat.message', z.object({ text: z.string() })),
  // `lang`: the language the message was written in (the command's, else the session's); logs
  // written before it carry none (their message is in the session's language).
  ev('broadcast.sent', z.object({ message: z.string(), lang: languageSchema.optional() })),
  ev('note.pinned', z.object({ seq: seqSchema, text: z.string() })),
  ev(
    'participant.joined',
    z.object({ displayName: z.string(), team: idSchema.nullable(), role: idSchema.nullable() }),
  ),
  ev('participant.moved', z.object({ participant: uuidSchema, team: idSchema, role: idSchema })),
  ev('debrief.released', z.object({})),
  ev('settings.changed', z.object({ settings: sessionSettingsSchema })),
]);
export type LogEvent = z.infer<typeof logEventSchema>;
export type LogEventType = LogEvent['type'];
export type LogEventOf<T extends LogEventType> = Extract<LogEvent, { type: T }>;

/** The payload of each event type, read off the schema above (not restated by hand). */
export type EventPayloads = { [T in LogEventType]: LogEventOf<T>['payload'] };

/** Every event type of the log, in the schema's order. */
export const LOG_EVENT_TYPES: readonly LogEventType[] = logEventSchema.options.map(
  (o) => o.shape.type.value,
);

/** Event types the scenario engine consumes (the rest pass through it unchanged). */
export const ENGINE_EVENT_TYPES = [
  'decision.made',
  'joint.signed',
  'request.sent',
  'request.answered',
  'inject.released',
  'clock.ticked',
] as const satisfies readonly LogEventType[];
export type EngineEventType = (typeof ENGINE_EVENT_TYPES)[number];
/** An event the engine acts on. */
export type EngineEvent = LogEventOf<EngineEventType>;
const engineTypes: ReadonlySet<string> = new Set(ENGINE_EVENT_TYPES);
export const isEngineLogEvent = (event: LogEvent): event is EngineEvent =>
  engineTypes.has(event.type);

/**
 * Event types the engine accepts and ignores (session flow, chat, notes, participants, broadcasts,
 * settings): they cannot change a team's state.
 */
export const PASS_THROUGH_TYPES: readonly Exclude<LogEventType, EngineEventType>[] =
  LOG_EVENT_TYPES.filter(
    (t): t is Exclude<LogEventType, EngineEventType> =>
      !(ENGINE_EVENT_TYPES as readonly string[]).includes(t),
  );

/**
 * Who receives which event (the server filters every path: live updates, catch-up, snapshots):
 * - staff (facilitators, observers): everything;
 * - a trainee: session-level events (team null) except notes; in their own team: chat, clock ticks,
 *   participant.joined/moved, broadcasts, and the agency-specific events their agency took part in
 *   (decisions and signatures of their agency or of a joint decision it belongs to, requests from or
 *   to it, injects addressed to it). Never note.pinned, never another team's events.
 * Of an event a trainee receives, the reasons other agencies typed are left out of its payload: a
 * decision's `rationale` reaches its author's agency only, a request's `justification` its
 * sender's agency and the agency it is addressed to (staff receive them all).
 */
export const STAFF_ONLY_EVENT_TYPES = ['note.pinned'] as const;
