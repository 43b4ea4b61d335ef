import { z } from 'zod';
import { freeText, idSchema, isoDateSchema, seqSchema, textSchema, uuidSchema } from './common';
import { teamRefSchema } from './identity';
import { countryCodeSchema } from './participation';

/*
 * After-action report and improvement plan (HSEEP AAR/IP). The draft is computed from the scored
 * findings of the session (scenario + event log + rubric); staff edits are stored as numbered
 * revisions laid over it; improvement-plan items are tracked across sessions.
 *
 * GET    /api/sessions/:id/aar                 staff → AfterActionReport (?download=1: as a file)
 * PUT    /api/sessions/:id/aar                 facilitators, AarEdits → AfterActionReport (409 on a stale baseRevision)
 * GET    /api/sessions/:id/aar/revisions       staff → AarRevision[]
 * GET    /api/sessions/:id/aar.csv             staff → text/csv in HSEEP's AAR/IP headings
 * POST   /api/sessions/:id/improvement-items   facilitators, CreateImprovementItem → ImprovementItem
 * GET    /api/improvement-items                staff → ImprovementItem[] of every session they are a member of
 *                                              (?status=open,in_progress &agency=… &scenario=…)
 * PATCH  /api/improvement-items/:itemId        facilitators of its session, UpdateImprovementItem → ImprovementItem
 * GET    /api/reviews/:token/aar               review link → AfterActionReport (read-only)
 * GET    /api/reviews/:token/aar.csv           review link → text/csv
 * The session's trainees get 403 on every one of these; whoever may not know the session (another
 * session's trainee, staff who are not its members) gets 404, as for no session (or no item).
 */

export const CAPABILITY_IDS = [
  'life-safety',
  'identification-interpretation',
  'protection-referral',
  'non-refoulement',
  'evidence-custody',
  'witnesses',
  'money-cooperation',
  'detention-rights',
] as const;
export const capabilityIdSchema = z.enum(CAPABILITY_IDS);
export type CapabilityId = z.infer<typeof capabilityIdSchema>;

/** HSEEP: P without challenges, S some challenges, M major challenges, U unable to be performed. */
export const CAPABILITY_RATINGS = ['P', 'S', 'M', 'U'] as const;
export const capabilityRatingSchema = z.enum(CAPABILITY_RATINGS);
export type CapabilityRating = z.infer<typeof capabilityRatingSchema>;

export const legalBasisSchema = z.object({
  instrument: z.string(),
  article: z.string().optional(),
  case: z.string().optional(),
  verify: z.boolean().optional(),
  /** The whole citation in each language (the instrument's official name there), as the rubric writes it. */
  text: textSchema.optional(),
});
export type LegalBasisRef = z.infer<typeof legalBasisSchema>;

export const aarFindingSchema = z.object({
  team: idSchema,
  key: z.string(),
  seq: seqSchema,
  time: z.number(),
  points: z.number(),
  counted: z.boolean(),
  detail: textSchema,
});

export const aarEntrySchema = z.object({
  id: z.string().max(300),
  kind: z.enum(['strength', 'improvement']),
  capability: capabilityIdSchema,
  /**
   * The agency it is about (null: none answers for it). A finding several agencies answer for (a
   * joint decision's signers, a request's requester and trainee granter) is in an entry of each.
   */
  agency: idSchema.nullable(),
  ruleId: z.string(),
  axis: z.enum(['evidence', 'rights']),
  points: z.number(),
  redLine: z.boolean(),
  teams: z.array(idSchema),
  title: textSchema,
  observation: textSchema,
  legalBasis: z.array(legalBasisSchema),
  findings: z.array(aarFindingSchema),
  /** Staff's analysis (null: none written). */
  analysis: z.string().nullable(),
  /** False: staff left it out of the report (kept, greyed, in the editor). */
  included: z.boolean(),
});
export type AarEntry = z.infer<typeof aarEntrySchema>;

export const aarCapabilitySchema = z.object({
  id: capabilityIdSchema,
  title: textSchema,
  description: textSchema,
  /** Computed from the counted points (null: not exercised in this session). */
  draftRating: capabilityRatingSchema.nullable(),
  /** Staff's rating where set, else the draft's. */
  rating: capabilityRatingSchema.nullable(),
  summary: z.string().nullable(),
  gains: z.number(),
  losses: z.number(),
  redLines: z.number().int(),
  strengths: z.array(aarEntrySchema),
  areasForImprovement: z.array(aarEntrySchema),
});
export type AarCapability = z.infer<typeof aarCapabilitySchema>;

export const IMPROVEMENT_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export const improvementStatusSchema = z.enum(IMPROVEMENT_STATUSES);
export type ImprovementStatus = z.infer<typeof improvementStatusSchema>;

/** A calendar date, YYYY-MM-DD. */
export const calendarDateSchema = z.iso.date();

export const improvementItemSchema = z.object({
  id: uuidSchema,
  /** The session whose AAR raised it. */
  session: uuidSchema,
  scenario: z.object({ id: idSchema, title: textSchema }),
  capability: capabilityIdSchema,
  /** The area for improvement it answers (an AAR entry id), if any. */
  entry: z.string().nullable(),
  /** Responsible agency (a scenario agency id) and its name. */
  agency: idSchema,
  agencyName: textSchema,
  issue: z.string(),
  action: z.string(),
  /** Organisation point of contact (staff-entered). */
  owner: z.string(),
  dueDate: calendarDateSchema,
  status: improvementStatusSchema,
  createdAt: isoDateSchema,
  createdBy: z.string(),
  updatedAt: isoDateSchema,
  /** Every change, oldest first; `session` is the later session where it was reviewed, if any. */
  history: z.array(
    z.object({
      at: isoDateSchema,
      by: z.string(),
      status: improvementStatusSchema,
      note: z.string().nullable(),
      session: uuidSchema.nullable(),
    }),
  ),
});
export type ImprovementItem = z.infer<typeof improvementItemSchema>;

export const createImprovementItemSchema = z.strictObject({
  capability: capabilityIdSchema,
  entry: z.string().max(300).optional(),
  agency: idSchema,
  issue: freeText(2000).pipe(z.string().min(1)),
  action: freeText(2000).pipe(z.string().min(1)),
  owner: freeText(200).pipe(z.string().min(1)),
  dueDate: calendarDateSchema,
});
export type CreateImprovementItem = z.infer<typeof createImprovementItemSchema>;

export const updateImprovementItemSchema = z
  .strictObject({
    status: improvementStatusSchema.optional(),
    action: freeText(2000).pipe(z.string().min(1)).optional(),
    owner: freeText(200).pipe(z.string().min(1)).optional(),
    dueDate: calendarDateSchema.optional(),
    note: freeText(2000).optional(),
    /** A later session where the item was reviewed (the caller must be staff there too). */
    session: uuidSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'nothing to change' });
export type UpdateImprovementItem = z.infer<typeof updateImprovementItemSchema>;

export const afterActionReportSchema = z.object({
  format: z.literal('crossroads.aar/1'),
  session: uuidSchema,
  /** 0: the draft as computed, no staff edits yet. */
  revision: z.number().int().nonnegative(),
  editedAt: isoDateSchema.nullable(),
  editedBy: z.string().nullable(),
  generatedAt: isoDateSchema,
  /** HSEEP "Exercise Overview". */
  exerciseOverview: z.object({
    name: textSchema,
    /**
     * `country`: where the case is investigated, whose law the debrief cites (optional: reports made
     * before scenarios stated it name none).
     */
    scenario: z.object({
      id: idSchema,
      version: z.string(),
      country: countryCodeSchema.optional(),
    }),
    rubric: z.object({ id: z.string(), version: z.string() }),
    startedAt: isoDateSchema.nullable(),
    endedAt: isoDateSchema.nullable(),
    teams: z.array(teamRefSchema),
    participatingAgencies: z.array(
      z.object({
        id: idSchema,
        name: textSchema,
        /** For rows that repeat it (the scenario's `shortName`); optional: added later. */
        shortName: textSchema.optional(),
      }),
    ),
    coreCapabilities: z.array(capabilityIdSchema),
  }),
  /** HSEEP "Executive Summary" (staff text). */
  executiveSummary: z.string().nullable(),
  /** HSEEP "Analysis of Core Capabilities". */
  capabilities: z.array(aarCapabilitySchema),
  /** The same entries per agency (ids into the capabilities' entries). */
  agencies: z.array(
    z.object({
      agency: idSchema,
      name: textSchema,
      strengths: z.array(z.string()),
      areasForImprovement: z.array(z.string()),
    }),
  ),
  /** HSEEP "Appendix A: Improvement Plan" (this session's items). */
  improvementPlan: z.array(improvementItemSchema),
});
export type AfterActionReport = z.infer<typeof afterActionReportSchema>;

const staffText = freeText(4000).nullable().optional();
export const aarEditsSchema = z.strictObject({
  /** The revision the editor started from; the save is refused (409) if another came in between. */
  baseRevision: z.number().int().nonnegative(),
  executiveSummary: staffText,
  capabilities: z
    .partialRecord(
      capabilityIdSchema,
      z.strictObject({ rating: capabilityRatingSchema.nullable().optional(), summary: staffText }),
    )
    .optional(),
  entries: z
    .record(
      z.string().max(300),
      z.strictObject({ analysis: staffText, included: z.boolean().optional() }),
    )
    .optional(),
});
export type AarEdits = z.infer<typeof aarEditsSchema>;

export const aarRevisionSchema = z.object({
  revision: z.number().int().positive(),
  editedAt: isoDateSchema,
  editedBy: z.string(),
});
export type AarRevision = z.infer<typeof aarRevisionSchema>;
