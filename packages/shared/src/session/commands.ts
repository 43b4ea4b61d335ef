import { z } from 'zod';
import { rejectedAckSchema } from '../protocol';
import {
  commandIdSchema,
  freeText,
  idSchema,
  languageSchema,
  seqSchema,
  uuidSchema,
} from './common';
import type { CredentialKind } from './handshake';
import { LIMITS } from './limits';
import { pauseKindSchema } from './log';

/** Every command carries a client-generated uuid; resending the same id is safe (applied once). */
const command = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ commandId: commandIdSchema, ...shape });

const reasonText = freeText(LIMITS.reason);

/**
 * The seat (team and agency) a trainee command was made from. A client that queues commands while
 * offline sends it: if the facilitator moved the trainee meanwhile, the command is refused with
 * `session/seat_changed` instead of being applied in a team whose case the trainee never saw.
 */
export const seatSchema = z.strictObject({ team: idSchema, role: idSchema });
export type Seat = z.infer<typeof seatSchema>;

// ---- facilitator ---------------------------------------------------------------------------

/** Start the session: lobby → running. Creates every team's initial state. */
export const sessionStartSchema = command({});
/**
 * Stop the clock; trainee commands are refused with session/paused until resumed. `kind` says why
 * (a code every reader sees in their own language); `note` is the facilitator's own words, and
 * `lang` the language they were written in (the console's UI language; one of LANGUAGES), recorded
 * with them; without it the session's language is taken. `reason` (one text) is still accepted
 * from older clients.
 */
export const sessionPauseSchema = command({
  kind: pauseKindSchema.optional(),
  note: freeText(LIMITS.reason).optional(),
  lang: languageSchema.optional(),
  reason: freeText(LIMITS.reason).optional(),
});
export const sessionResumeSchema = command({});
/** End the session for every team (running/paused/lobby → ended). Final. */
export const sessionEndSchema = command({});
/** Release an inject (normally one with `release: facilitator`) to one team or all teams. */
export const injectReleaseSchema = command({
  inject: idSchema,
  team: z.union([idSchema, z.literal('all')]),
});
/**
 * Answer a request. Trainees answer requests addressed to their own agency (omit `team`).
 * Facilitators answer requests addressed to facilitator-played agencies, or to an agency none of
 * whose trainees is present in that team (see `facilitatorAnswers`), and name either the `team` or,
 * to give the same answer to the same request of several teams at once, `teams` (all or nothing).
 */
export const requestAnswerSchema = command({
  team: idSchema.optional(),
  teams: z.array(idSchema).min(1).max(LIMITS.teams).optional(),
  requestInstance: idSchema,
  granted: z.boolean(),
  reason: reasonText,
  /** Trainees only (see `seatSchema`). */
  seat: seatSchema.optional(),
});
/**
 * A message to every connected person in the session, or to one team. `lang` is the language the
 * message was written in (the console's UI language; one of LANGUAGES), recorded with it; without
 * it the session's language is taken.
 */
export const broadcastSendSchema = command({
  message: freeText(LIMITS.broadcast).pipe(z.string().min(1)),
  team: idSchema.optional(),
  lang: languageSchema.optional(),
});
/** Place a participant in a team and role (also mid-session). */
export const participantMoveSchema = command({
  participant: uuidSchema,
  team: idSchema,
  role: idSchema,
});
/** Manual pacing: advance every team's scenario clock (or one team's). */
export const clockAdvanceSchema = command({
  minutes: z.number().int().positive().max(LIMITS.clockAdvanceMinutes),
  team: idSchema.optional(),
});
/** Let trainees open the debrief (GET /api/sessions/:id/debrief). */
export const debriefReleaseSchema = command({});

// ---- trainee ---------------------------------------------------------------------------------

export const decisionSubmitSchema = command({
  decision: idSchema,
  option: idSchema,
  rationale: freeText(LIMITS.rationale).optional(),
  confidence: z.number().int().min(1).max(5).optional(),
  seat: seatSchema.optional(),
});
/** Sign a joint decision for your agency; the option applies once every joint agency signed it. */
export const jointSignSchema = command({
  decision: idSchema,
  option: idSchema,
  seat: seatSchema.optional(),
});
/**
 * Send a request (from the scenario's `requests`) from your agency. `justification` says why it is
 * needed: the answering agency reads it, and the debrief shows it.
 */
export const requestSendSchema = command({
  request: idSchema,
  justification: freeText(LIMITS.justification).optional(),
  seat: seatSchema.optional(),
});
/** Team chat (visible to your team and the staff). */
export const chatSendSchema = command({
  text: freeText(LIMITS.chat).pipe(z.string().min(1)),
  seat: seatSchema.optional(),
});

// ---- observer (and facilitator) ----------------------------------------------------------

/** Pin a note to an event for the debrief (staff only; never shown to trainees). */
export const notePinSchema = command({
  seq: seqSchema,
  text: freeText(LIMITS.note).pipe(z.string().min(1)),
});

// ---- anyone --------------------------------------------------------------------------------

/**
 * Ask for a fresh `session.snapshot` (e.g. after the client detected a gap). No event is written;
 * the ack's seq is the current head.
 */
export const sessionSyncSchema = command({});

/** Command name → payload schema. The socket.io event name is the command name. */
export const commandSchemas = {
  'session.start': sessionStartSchema,
  'session.pause': sessionPauseSchema,
  'session.resume': sessionResumeSchema,
  'session.end': sessionEndSchema,
  'inject.release': injectReleaseSchema,
  'request.answer': requestAnswerSchema,
  'broadcast.send': broadcastSendSchema,
  'participant.move': participantMoveSchema,
  'clock.advance': clockAdvanceSchema,
  'debrief.release': debriefReleaseSchema,
  'decision.submit': decisionSubmitSchema,
  'joint.sign': jointSignSchema,
  'request.send': requestSendSchema,
  'chat.send': chatSendSchema,
  'note.pin': notePinSchema,
  'session.sync': sessionSyncSchema,
} as const;

export type CommandName = keyof typeof commandSchemas;
export const COMMAND_NAMES = Object.keys(commandSchemas) as CommandName[];
export type CommandPayload<N extends CommandName> = z.infer<(typeof commandSchemas)[N]>;

/**
 * Who may send which command (checked against the socket's authenticated identity).
 * `facilitator` covers the session owner and co-facilitators.
 */
export const commandPermissions: Record<CommandName, readonly CredentialKind[]> = {
  'session.start': ['facilitator'],
  'session.pause': ['facilitator'],
  'session.resume': ['facilitator'],
  'session.end': ['facilitator'],
  'inject.release': ['facilitator'],
  'request.answer': ['facilitator', 'participant'],
  'broadcast.send': ['facilitator'],
  'participant.move': ['facilitator'],
  'clock.advance': ['facilitator'],
  'debrief.release': ['facilitator'],
  'decision.submit': ['participant'],
  'joint.sign': ['participant'],
  'request.send': ['participant'],
  'chat.send': ['participant'],
  'note.pin': ['facilitator', 'observer'],
  'session.sync': ['facilitator', 'observer', 'participant'],
};

/** Trainee commands: refused with session/paused while paused, session/not_running before start/after end. */
export const TRAINEE_COMMANDS: readonly CommandName[] = [
  'decision.submit',
  'joint.sign',
  'request.send',
  'request.answer',
  'chat.send',
];

/**
 * The ack of every command. `seq` is the seq of the (last) event the command wrote, or the current
 * head for commands that write none. `duplicate: true` = this commandId was already applied; nothing
 * new happened and `seq` is the original one.
 */
export const commandAckSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('accepted'),
    seq: seqSchema,
    duplicate: z.boolean().optional(),
  }),
  rejectedAckSchema,
]);
export type CommandAck = z.infer<typeof commandAckSchema>;
