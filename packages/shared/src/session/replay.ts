import { z } from 'zod';
import { scoredItemSchema } from '../debrief';
import {
  idSchema,
  isoDateSchema,
  languageSchema,
  seqSchema,
  textSchema,
  uuidSchema,
} from './common';
import { agencySummarySchema } from './identity';
import { sessionPausedPayloadSchema } from './log';
import { roleViewSchema, scoresSchema } from './views';

/*
 * Replay ("time travel") of a finished or running session: what one agency of one team saw at a
 * moment of the event log, recomputed by the server from the log prefix (nothing is stored twice).
 *
 * GET /api/sessions/:id/replay?team=&role=&seq=   staff (any team/role); a trainee only its own
 *                                                 team and agency, once the debrief is released
 * GET /api/reviews/:token/replay?team=&role=&seq= read-only review link (any team/role)
 */

/** One moment the slider can stop at: an event this agency of this team could see. */
export const replayMarkSchema = z.object({
  seq: seqSchema,
  at: isoDateSchema,
  /** Scenario minute (null for session events outside the engine). */
  time: z.number().nullable(),
  type: z.string(),
  role: idSchema.nullable(),
  /** What happened, e.g. a decision's title and the option chosen. */
  label: textSchema.nullable(),
  /** A pause's kind and note (`session.paused` only), for the reader to word. */
  pause: sessionPausedPayloadSchema.optional(),
  /**
   * A facilitator's broadcast (`broadcast.sent` only): its text as written, the language it was
   * written in (absent in logs from before it was recorded: the session's language), and the team
   * it went to (null: every team). A replay shows the broadcasts the team received: those sent to
   * every team and those sent to it, never another team's.
   */
  broadcast: z
    .object({
      message: z.string(),
      lang: languageSchema.optional(),
      team: idSchema.nullable(),
    })
    .optional(),
});
export type ReplayMark = z.infer<typeof replayMarkSchema>;

export const replayFrameSchema = z.object({
  session: uuidSchema,
  team: idSchema,
  role: idSchema,
  /** The moment shown: the last mark at or before the requested seq (0: before the first mark). */
  seq: seqSchema,
  /** The last seq of the log. */
  head: seqSchema,
  /** The scenario's agencies (the ones a replay can be seen as). */
  agencies: z.array(agencySummarySchema),
  marks: z.array(replayMarkSchema),
  /** The agency's view at `seq`; null before the session started. */
  view: roleViewSchema.nullable(),
  /** The team's scores from the log up to `seq`. */
  scores: scoresSchema.nullable(),
  /** Scored items caused up to `seq`, as this agency may see them (the debrief's own items). */
  items: z.array(scoredItemSchema),
});
export type ReplayFrame = z.infer<typeof replayFrameSchema>;

export const replayQuerySchema = z.strictObject({
  team: idSchema,
  role: idSchema
    .optional()
    .describe('The agency; omitted: the first agency trainees play (a trainee: its own)'),
  seq: z.coerce
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('The moment (an event seq); omitted: the end of the log'),
});
export type ReplayQuery = z.infer<typeof replayQuerySchema>;
