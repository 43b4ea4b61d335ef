import { z } from 'zod';
import { freeText, idSchema, isoDateSchema, textSchema, uuidSchema } from './common';
import { agencyKnowledgeSchema } from './knowledge';

/*
 * Courses (cohorts): staff-owned groups of sessions, followed over time. A course may carry a
 * knowledge check that then replaces the scenario's in every session of the course, so one set of
 * questions is asked across the cohort. Trends are recomputed from each session's event log, under
 * the rubric each session pinned or, when asked, re-scored under one rubric version.
 *
 * GET    /api/courses                                  staff → CourseListItem[]
 * POST   /api/courses                                  staff, CreateCourseRequest → Course
 * GET    /api/courses/knowledge-checks                 staff → CourseCheckOption[]
 * GET    /api/courses/:id                              course owner → Course
 * PATCH  /api/courses/:id                              course owner, UpdateCourseRequest → Course
 * DELETE /api/courses/:id                              course owner → 204 (sessions stay)
 * PUT    /api/courses/:id/sessions/:sessionId          course owner and session facilitator → Course
 * DELETE /api/courses/:id/sessions/:sessionId          course owner → Course
 * GET    /api/courses/:id/trends?scenario=&rubric=     course owner → CourseTrends
 * GET    /api/courses/:id/knowledge-results            course owner → CourseKnowledgeResults
 */

const courseName = freeText(120).pipe(z.string().min(1, { error: 'a course needs a name' }));
const courseDescription = freeText(2000);
const checkRefSchema = z.strictObject({ id: idSchema, version: z.string().max(32).optional() });

export const createCourseRequestSchema = z.strictObject({
  name: courseName,
  description: courseDescription.optional(),
  /** A knowledge check from the library (newest version when none is given); null or absent: none. */
  knowledgeCheck: checkRefSchema.nullable().optional(),
});
export type CreateCourseRequest = z.input<typeof createCourseRequestSchema>;

export const updateCourseRequestSchema = createCourseRequestSchema.partial();
export type UpdateCourseRequest = z.input<typeof updateCourseRequestSchema>;

export const courseCheckSchema = z.object({ id: idSchema, version: z.string(), title: textSchema });
export type CourseCheck = z.infer<typeof courseCheckSchema>;

export const courseCheckOptionSchema = courseCheckSchema.extend({
  questions: z.number().int(),
  /** Scenarios that carry it on their own ([]: a check made for courses). */
  scenarios: z.array(z.string()),
});
export type CourseCheckOption = z.infer<typeof courseCheckOptionSchema>;

export const courseSessionSchema = z.object({
  id: uuidSchema,
  scenario: z.object({ id: z.string(), version: z.string(), title: textSchema }),
  status: z.enum(['lobby', 'running', 'paused', 'ended']),
  createdAt: isoDateSchema,
  startedAt: isoDateSchema.nullable(),
  endedAt: isoDateSchema.nullable(),
  rubricVersion: z.string().nullable(),
  teams: z.number().int(),
  participants: z.number().int(),
  addedAt: isoDateSchema,
});
export type CourseSession = z.infer<typeof courseSessionSchema>;

export const courseListItemSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  description: z.string(),
  createdAt: isoDateSchema,
  owner: z.string(),
  knowledgeCheck: courseCheckSchema.nullable(),
  sessions: z.number().int(),
});
export type CourseListItem = z.infer<typeof courseListItemSchema>;

export const courseSchema = courseListItemSchema.extend({
  sessions: z.array(courseSessionSchema),
});
export type Course = z.infer<typeof courseSchema>;

export const trendsQuerySchema = z.strictObject({
  scenario: idSchema.optional().describe('Only sessions of this scenario'),
  rubric: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, { error: 'must be a rubric version like 2.0.0' })
    .optional()
    .describe("Re-score every session under this rubric version (omitted: each session's own)"),
});
export type TrendsQuery = z.infer<typeof trendsQuerySchema>;

const rangeSchema = z.object({ mean: z.number(), min: z.number(), max: z.number() });
const phaseFigureSchema = z.object({ n: z.number().int(), value: z.number().nullable() });

export const trendAgencySchema = z.object({
  agency: z.string(),
  /** Counted points this agency's acts earned or lost, per team (mean over the session's teams). */
  evidence: z.number(),
  rights: z.number(),
  redLines: z.number().int(),
  /** Obligations this agency could have discharged and nobody did. */
  missedObligations: z.number().int(),
});
export type TrendAgency = z.infer<typeof trendAgencySchema>;

export const trendSessionSchema = z.object({
  session: uuidSchema,
  scenario: z.object({ id: z.string(), version: z.string(), title: textSchema }),
  createdAt: isoDateSchema,
  endedAt: isoDateSchema.nullable(),
  status: z.enum(['lobby', 'running', 'paused', 'ended']),
  /** The rubric these figures were computed under, and the one the session pinned. */
  rubricVersion: z.string(),
  pinnedRubricVersion: z.string().nullable(),
  /** Teams scored (teams without a single event are left out). */
  teams: z.number().int(),
  events: z.number().int(),
  evidence: rangeSchema.nullable(),
  rights: rangeSchema.nullable(),
  redLines: z.number().int(),
  teamsWithRedLine: z.number().int(),
  missedObligations: z.number().int(),
  agencies: z.array(trendAgencySchema),
  knowledge: z.object({
    check: z.object({ id: idSchema, version: z.string() }).nullable(),
    respondents: z.object({ pre: z.number().int(), post: z.number().int() }),
    pre: phaseFigureSchema,
    post: phaseFigureSchema,
    gain: z.number().nullable(),
    agencies: z.array(
      z.object({
        agency: z.string(),
        pre: phaseFigureSchema,
        post: phaseFigureSchema,
        gain: z.number().nullable(),
      }),
    ),
  }),
});
export type TrendSession = z.infer<typeof trendSessionSchema>;

export const ruleCountSchema = z.object({
  ruleId: z.string(),
  title: textSchema,
  /** How many times across the sessions shown. */
  count: z.number().int(),
  /** In how many of the sessions shown. */
  sessions: z.number().int(),
  agencies: z.array(z.object({ agency: z.string(), count: z.number().int() })),
});
export type RuleCount = z.infer<typeof ruleCountSchema>;

export const courseTrendsSchema = z.object({
  course: z.object({ id: uuidSchema, name: z.string() }),
  generatedAt: isoDateSchema,
  filters: z.object({ scenario: z.string().nullable(), rubric: z.string().nullable() }),
  /** Rubric versions the figures use (more than one: pinned versions differ; re-score to compare). */
  rubricVersions: z.array(z.string()),
  /** Every published rubric version, oldest first, for the re-score choice. */
  rubrics: z.array(z.object({ version: z.string(), title: textSchema, default: z.boolean() })),
  /** Scenarios among the course's sessions (for the filter). */
  scenarios: z.array(z.object({ id: z.string(), title: textSchema })),
  agencies: z.array(
    z.object({
      id: z.string(),
      name: textSchema,
      /** For rows and charts (the scenario's `shortName`); optional: added later. */
      shortName: textSchema.optional(),
    }),
  ),
  /** Sessions oldest first; sessions still in the lobby are left out. */
  sessions: z.array(trendSessionSchema),
  redLines: z.array(ruleCountSchema),
  /** The most missed obligations, most frequent first. */
  missedObligations: z.array(ruleCountSchema),
});
export type CourseTrends = z.infer<typeof courseTrendsSchema>;

export const courseKnowledgeResultsSchema = z.object({
  course: uuidSchema,
  check: courseCheckSchema.nullable(),
  /** Sessions of the course whose trainees answered this check. */
  sessions: z.number().int(),
  respondents: z.object({ pre: z.number().int(), post: z.number().int() }),
  overall: agencyKnowledgeSchema.nullable(),
  agencies: z.array(agencyKnowledgeSchema),
});
export type CourseKnowledgeResults = z.infer<typeof courseKnowledgeResultsSchema>;
