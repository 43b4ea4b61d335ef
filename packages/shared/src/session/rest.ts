import { z } from 'zod';
import { debriefSchema } from '../debrief';
import {
  freeText,
  idSchema,
  isoDateSchema,
  joinCodeSchema,
  languageSchema,
  seqSchema,
  textSchema,
  tokenSchema,
  uuidSchema,
} from './common';
import {
  accountSchema,
  agencySummarySchema,
  feedbackPolicySchema,
  memberRoleSchema,
  participantSchema,
  sessionDetailsSchema,
  sessionMetaSchema,
  sessionSettingsSchema,
} from './identity';
import { LIMITS } from './limits';
import { countryCodeSchema, participantProfileSchema } from './participation';

/*
 * REST API under /api. Authenticated requests send `Authorization: Bearer <token>`
 * (account token from /api/auth/login, or participant token from /api/join where stated).
 * Every error is a RestError `{ code, message, details? }` with an HTTP status:
 * 400 protocol/invalid_payload, 401 auth/unauthenticated, 403 auth/forbidden, 404 session/not_found,
 * 409 session/not_running, 413 protocol/payload_too_large, 429 protocol/rate_limited, 500 protocol/internal.
 */

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(LIMITS.username)
  .regex(/^[A-Za-z0-9._@-]+$/, { error: 'letters, digits and . _ @ - only' });

// POST /api/auth/login
export const loginRequestSchema = z.strictObject({
  username: usernameSchema,
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;
export const loginResponseSchema = z.object({
  token: tokenSchema,
  account: accountSchema,
  expiresAt: isoDateSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;
// POST /api/auth/logout (Bearer) → 204. GET /api/auth/me (Bearer) → Account.

// GET /api/auth/demo → the demo facilitator's generated credentials, shown only to a browser on the
// server's own machine (loopback) while the demo account exists; `{ shown: false }` otherwise.
export const demoCredentialsSchema = z.discriminatedUnion('shown', [
  z.object({ shown: z.literal(true), username: z.string(), password: z.string() }),
  z.object({ shown: z.literal(false) }),
]);
export type DemoCredentials = z.infer<typeof demoCredentialsSchema>;

// POST /api/accounts (admin) → Account
export const createAccountRequestSchema = z.strictObject({
  username: usernameSchema,
  password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
  role: z.enum(['admin', 'facilitator']).default('facilitator'),
  /** The author permission: may use the authoring studio. */
  author: z.boolean().default(false),
});
export type CreateAccountRequest = z.infer<typeof createAccountRequestSchema>;

// GET /api/scenarios → ScenarioSummary[] (any account). No restricted content: no documents,
// evidence, people, option effects or scoring annotations.
export const scenarioGraphSchema = z.object({
  phases: z.array(z.object({ id: idSchema, title: textSchema })),
  endings: z.array(z.object({ id: idSchema, title: textSchema, kind: z.string() })),
  /** Phase → phase or phase → ending transitions the scenario can make. */
  edges: z.array(z.object({ from: idSchema, to: idSchema })),
});
export const scenarioSummarySchema = z.object({
  id: idSchema,
  version: z.string(),
  /** Other versions available (newest first); sessions pin one. */
  versions: z.array(z.string()),
  title: textSchema,
  summary: textSchema,
  agencies: z.array(agencySummarySchema),
  durationMinutes: z.number(),
  objectives: z.array(textSchema),
  contentWarnings: z.array(textSchema),
  languages: z.array(z.string()),
  /** Where the case is investigated, whose law the debrief cites (ISO 3166-1 alpha-2, XK Kosovo). */
  country: countryCodeSchema,
  graph: scenarioGraphSchema,
});
export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;

// POST /api/sessions (facilitator) → SessionMeta (with joinCode and joinLink)
export const createSessionRequestSchema = z.strictObject({
  scenario: idSchema,
  version: z.string().max(LIMITS.id).optional(),
  /** Team names, or a number of teams named Team A, Team B, ... in the session's language (Tim A, ...). */
  teams: z.union([
    z
      .array(freeText(LIMITS.teamName).pipe(z.string().min(1)))
      .min(1)
      .max(LIMITS.teams),
    z.number().int().min(1).max(LIMITS.teams),
  ]),
  feedbackPolicy: feedbackPolicySchema.default('debrief_only'),
  scoresVisibleToTrainees: z.boolean().default(false),
  timeRatio: z.number().min(0).max(1440).default(10),
  timeLimitMinutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60)
    .optional(),
  language: languageSchema.default('en'),
  /** Title, place, days, organisation and facilitators of the training (all optional). */
  details: sessionDetailsSchema.optional(),
});
export type CreateSessionRequest = z.input<typeof createSessionRequestSchema>;

// GET /api/sessions (facilitator/observer: sessions they are a member of; admin: all)
export const sessionListItemSchema = sessionMetaSchema.extend({
  participants: z.number().int().nonnegative(),
  memberRole: memberRoleSchema.nullable(),
});
export type SessionListItem = z.infer<typeof sessionListItemSchema>;

// PATCH /api/sessions/:id (facilitator) → SessionMeta. Any subset of the settings.
export const updateSessionRequestSchema = sessionSettingsSchema.partial().strict();
export type UpdateSessionRequest = z.infer<typeof updateSessionRequestSchema>;

// POST /api/sessions/:id/end (facilitator) → SessionMeta  (same as the session.end command)

// POST /api/join (no auth) → JoinResponse. team/role are wishes: the server places the participant in
// the requested team and role when they exist (a role is a playable agency), else in the team and role
// with the fewest members. The facilitator can move them later.
export const joinRequestSchema = z.strictObject({
  code: joinCodeSchema,
  displayName: freeText(LIMITS.displayName).pipe(z.string().min(1)),
  team: idSchema.optional(),
  role: idSchema.optional(),
  /** Optional institution, country and self-declared gender for the participation report. */
  profile: participantProfileSchema.optional(),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;
export const joinResponseSchema = z.object({
  /** Keep it (e.g. localStorage): it is how this trainee rejoins after a drop. */
  participantToken: tokenSchema,
  participant: participantSchema,
  session: sessionMetaSchema,
});
export type JoinResponse = z.infer<typeof joinResponseSchema>;

// GET /api/join/:code (no auth) → JoinInfo: what the join screen shows before joining.
export const joinInfoSchema = z.object({
  session: uuidSchema,
  scenario: z.object({ title: textSchema, contentWarnings: z.array(textSchema) }),
  status: z.enum(['lobby', 'running', 'paused', 'ended']),
  teams: z.array(z.object({ id: idSchema, name: z.string(), members: z.number().int() })),
  roles: z.array(agencySummarySchema),
  language: languageSchema,
});
export type JoinInfo = z.infer<typeof joinInfoSchema>;

// POST /api/sessions/:id/observers and /facilitators (owner) {username} → SessionMember
// DELETE /api/sessions/:id/members/:accountId (owner) → 204
export const addMemberRequestSchema = z.strictObject({ username: usernameSchema });
export const sessionMemberSchema = z.object({
  account: accountSchema,
  role: memberRoleSchema,
  addedAt: isoDateSchema,
});
export type SessionMember = z.infer<typeof sessionMemberSchema>;
// GET /api/sessions/:id/members (staff) → SessionMember[]

// GET /api/sessions/:id/teams/:team/views/:role (staff) → RoleView: what that agency sees right now.

// GET /api/sessions/:id/debrief → DebriefEnvelope (staff always; trainees with their participant token
// once released, scoped to their own team). `debrief` is the scoring package's `debrief()` result.
export const debriefEnvelopeSchema = z.object({
  session: uuidSchema,
  seq: seqSchema,
  generatedAt: isoDateSchema,
  /** Scoped to one team for trainees; every team for staff. */
  teams: z.array(z.object({ id: idSchema, name: z.string() })),
  debrief: debriefSchema,
  /** Title, place, days, organisation, facilitators (what the report's cover names). */
  details: sessionDetailsSchema.optional(),
  /**
   * The session's language: what its trainees and facilitators typed (rationales, justifications,
   * answers' reasons) is taken to be written in it. Older servers leave it out.
   */
  language: languageSchema.optional(),
  startedAt: isoDateSchema.nullable().optional(),
  endedAt: isoDateSchema.nullable().optional(),
  /** The scenario's agencies with their names, so no reader sees an agency's id. */
  agencies: z.array(agencySummarySchema).optional(),
  /**
   * Display names this reader may see, by participant id: staff every trainee, a trainee only the
   * members of their own team. Review links get none (reviewers see pseudonyms).
   */
  participants: z.record(uuidSchema, z.string()).optional(),
});
export type DebriefEnvelope = z.infer<typeof debriefEnvelopeSchema>;

// POST /api/sessions/:id/review-links (facilitator) { label? } → ReviewLink: a read-only link to the
// session's staff debrief for reviewers without an account. The token is shown once; the server keeps
// only its SHA-256 hash.
export const createReviewLinkRequestSchema = z.strictObject({
  label: freeText(120).optional(),
});
export type CreateReviewLinkRequest = z.infer<typeof createReviewLinkRequestSchema>;
export const reviewLinkSchema = z.object({
  token: tokenSchema,
  /** `<PUBLIC_ORIGIN>/review/<token>` */
  url: z.string(),
  createdAt: isoDateSchema,
  /** After this the link answers 410 session/link_gone (CROSSROADS_REVIEW_LINK_DAYS, default 30). */
  expiresAt: isoDateSchema.optional(),
});
export type ReviewLink = z.infer<typeof reviewLinkSchema>;
// GET /api/reviews/:token (no auth) → DebriefEnvelope: the staff debrief (every team). 404
// session/not_found for an unknown token; 410 session/link_gone for an expired or revoked one.
// DELETE /api/sessions/:id/review-links (facilitators) → { revoked }: with `token`, that one link
// (404 session/not_found when it is not a live link of the session); without, every live link.
export const revokeReviewLinksRequestSchema = z.strictObject({ token: z.string().optional() });
export type RevokeReviewLinksRequest = z.infer<typeof revokeReviewLinksRequestSchema>;
export const revokeReviewLinksResponseSchema = z.object({
  revoked: z.number().int().nonnegative(),
});
export type RevokeReviewLinksResponse = z.infer<typeof revokeReviewLinksResponseSchema>;

// GET /api/sessions/:id/events.jsonl (staff) → application/x-ndjson, one LogEvent per line, seq order.
// GET /api/sessions/:id/scores.csv (staff) → text/csv: team,evidence,rights,red_lines,ending
// GET /api/sessions/:id/decisions.csv (staff) → text/csv: seq,at,time,team,role,participant,decision,option,confidence,rationale
