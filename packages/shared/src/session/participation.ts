import { z } from 'zod';
import { freeText, idSchema, isoDateSchema, textSchema, uuidSchema } from './common';

/*
 * Participation and donor report, per session or over a date range: participants by agency,
 * institution and country (and self-declared gender where given), hours of play, attendance
 * through the session, knowledge gain, scores on both axes by agency, red lines.
 * Staff see trainees' display names; review links (and every export made from them) get
 * pseudonyms (P1, P2, … in join order). The session's trainees get 403; whoever may not know the
 * session (another session's trainee, staff who are not its members) gets 404, as for no session.
 *
 * GET /api/sessions/:id/participation            staff → ParticipationReport
 * GET /api/sessions/:id/participation.csv        staff → text/csv
 * GET /api/participation?from=YYYY-MM-DD&to=YYYY-MM-DD   staff → ParticipationReport over the
 *     sessions (started in the range) they are a member of (administrators: all); .csv likewise at
 *     /api/participation.csv
 * GET /api/reviews/:token/participation(.csv)    review link → pseudonymised ParticipationReport
 */

/** Self-declared, optional, never required; "prefer not to say" is an answer of its own. */
export const GENDERS = ['woman', 'man', 'another', 'prefer_not_to_say'] as const;
export const genderSchema = z.enum(GENDERS);
export type Gender = z.infer<typeof genderSchema>;

/** ISO 3166-1 alpha-2 (XK for Kosovo, as used by the EU and the Balkan states' own registers). */
export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter country code' });

/** What a trainee may say about themselves when joining; every field optional. */
export const participantProfileSchema = z.strictObject({
  institution: freeText(120).optional(),
  country: countryCodeSchema.optional(),
  gender: genderSchema.optional(),
});
export type ParticipantProfile = z.infer<typeof participantProfileSchema>;

const count = z.number().int().nonnegative();
const gainSchema = z.object({
  /** Share of correct answers before and after (0..1), and how many answered. */
  pre: z.number().nullable(),
  post: z.number().nullable(),
  gain: z.number().nullable(),
  respondentsPre: count,
  respondentsPost: count,
});

export const participationReportSchema = z.object({
  format: z.literal('crossroads.participation/1'),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('session'), session: uuidSchema }),
    z.object({ kind: z.literal('range'), from: z.iso.date(), to: z.iso.date() }),
  ]),
  generatedAt: isoDateSchema,
  /** staff: display names; pseudonymised: P1, P2, … */
  names: z.enum(['staff', 'pseudonymised']),
  totals: z.object({
    sessions: count,
    participants: count,
    /** Sum over trainees of the minutes they were connected while the session ran, in hours. */
    hoursOfPlay: z.number(),
    /** Sum over sessions of the minutes they ran (pauses excluded), in hours. */
    runningHours: z.number(),
    redLines: count,
    knowledge: gainSchema,
  }),
  sessions: z.array(
    z.object({
      id: uuidSchema,
      scenario: z.object({ id: idSchema, version: z.string(), title: textSchema }),
      createdAt: isoDateSchema,
      startedAt: isoDateSchema.nullable(),
      endedAt: isoDateSchema.nullable(),
      runningMinutes: z.number(),
      participants: count,
      hoursOfPlay: z.number(),
      /** Trainees connected at each tenth of the running time (11 points, start to end). */
      attendance: z.array(count),
      knowledge: gainSchema,
      teams: z.array(
        z.object({
          id: idSchema,
          name: z.string(),
          evidence: z.number().nullable(),
          rights: z.number().nullable(),
          redLines: count,
        }),
      ),
    }),
  ),
  byAgency: z.array(
    z.object({
      agency: idSchema,
      name: textSchema,
      /** For rows that repeat it (the scenario's `shortName`); optional: added later. */
      shortName: textSchema.optional(),
      participants: count,
      hoursOfPlay: z.number(),
      /** Counted points on each axis over every team and session. */
      evidencePoints: z.number(),
      rightsPoints: z.number(),
      redLines: count,
      knowledge: gainSchema,
    }),
  ),
  /** null key: not given. */
  byInstitution: z.array(z.object({ institution: z.string().nullable(), participants: count })),
  byCountry: z.array(z.object({ country: z.string().nullable(), participants: count })),
  byGender: z.array(z.object({ gender: genderSchema.nullable(), participants: count })),
  /** Each red line once (as totals.redLines counts them). */
  redLines: z.array(
    z.object({
      session: uuidSchema,
      team: idSchema,
      /** The agency whose act applied it (a joint decision's last signer, a request's granter). */
      agency: idSchema.nullable(),
      /**
       * Every agency answering for it, as byAgency counts it: a joint decision's signers, a request
       * granted by trainees' requester and granter; empty when it is nobody's.
       */
      agencies: z.array(idSchema),
      ruleId: z.string(),
      title: textSchema,
      time: z.number(),
    }),
  ),
  participants: z.array(
    z.object({
      /** Display name for staff; a pseudonym (P1, P2, …) otherwise. */
      name: z.string(),
      session: uuidSchema,
      team: idSchema.nullable(),
      agency: idSchema.nullable(),
      institution: z.string().nullable(),
      country: z.string().nullable(),
      joinedAt: isoDateSchema,
      minutesConnected: z.number(),
      /** Share of the session's running time connected (0..1; null: the session never ran). */
      attendance: z.number().nullable(),
      decisions: count,
    }),
  ),
});
export type ParticipationReport = z.infer<typeof participationReportSchema>;

export const participationRangeQuerySchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
});
