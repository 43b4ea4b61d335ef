import { z } from 'zod';
import {
  freeText,
  idSchema,
  isoDateSchema,
  LANGUAGES,
  seqSchema,
  textSchema,
  uuidSchema,
} from './common';
import { startTimeSchema } from '../clock';
import { LIMITS } from './limits';

export const ACCOUNT_ROLES = ['admin', 'facilitator'] as const;
export const accountRoleSchema = z.enum(ACCOUNT_ROLES);
export type AccountRole = z.infer<typeof accountRoleSchema>;

/** A staff account (never includes the password hash). */
export const accountSchema = z.object({
  id: uuidSchema,
  username: z.string().max(LIMITS.username),
  role: accountRoleSchema,
  /** May use the authoring studio (admins always may). */
  author: z.boolean().optional(),
  createdAt: isoDateSchema,
});
export type Account = z.infer<typeof accountSchema>;

/** How a staff account relates to a session. */
export const MEMBER_ROLES = ['owner', 'facilitator', 'observer'] as const;
export const memberRoleSchema = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof memberRoleSchema>;

export const SESSION_STATUSES = ['lobby', 'running', 'paused', 'ended'] as const;
export const sessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const PRESENCES = ['online', 'away', 'left'] as const;
/** online = a socket is connected; away = disconnected less than 2 minutes ago or tab hidden; left = longer. */
export const presenceSchema = z.enum(PRESENCES);
export type Presence = z.infer<typeof presenceSchema>;

export const FEEDBACK_POLICIES = ['hints', 'debrief_only'] as const;
export const feedbackPolicySchema = z.enum(FEEDBACK_POLICIES);
export type FeedbackPolicy = z.infer<typeof feedbackPolicySchema>;

/** Session settings (POST /api/sessions, PATCH /api/sessions/:id). */
export const sessionSettingsSchema = z.object({
  /** hints = trainees see an option's feedback right after deciding; debrief_only = only in the debrief. */
  feedbackPolicy: feedbackPolicySchema,
  /** Whether trainees see their team's scores during play (their view's live scores); a released debrief shows them its scores either way. */
  scoresVisibleToTrainees: z.boolean(),
  /** Scenario minutes per real minute while running (0 = the clock moves only by decisions and clock.advance). */
  timeRatio: z.number().min(0).max(1440),
  /** Optional limit in real running minutes (pauses excluded); when reached the server ends the session with `session.ended { reason: 'time_limit' }`. */
  timeLimitMinutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60)
    .optional(),
  language: z.enum(LANGUAGES),
});
export type SessionSettings = z.infer<typeof sessionSettingsSchema>;

/** A calendar day (YYYY-MM-DD): a training runs on days, not at instants. */
export const calendarDaySchema = z.iso.date();

/**
 * What a session is called and where and when it runs: set when the session is created, printed on
 * the lobby, the debrief, its review page and the PDF so a report names the training, not a UUID. Every field is optional;
 * empty strings are dropped.
 */
export const sessionDetailsSchema = z
  .strictObject({
    title: freeText(LIMITS.sessionTitle).optional(),
    place: freeText(LIMITS.sessionPlace).optional(),
    /** First and last day of the training. */
    startsOn: calendarDaySchema.optional(),
    endsOn: calendarDaySchema.optional(),
    organisation: freeText(LIMITS.sessionOrganisation).optional(),
    facilitators: z
      .array(freeText(LIMITS.facilitatorName).pipe(z.string().min(1)))
      .max(LIMITS.sessionFacilitators)
      .optional(),
  })
  .refine((d) => !d.startsOn || !d.endsOn || d.startsOn <= d.endsOn, {
    error: 'the last day cannot come before the first',
    path: ['endsOn'],
  });
export type SessionDetails = z.infer<typeof sessionDetailsSchema>;

/** The details without empty fields; undefined when nothing is left. */
export function compactSessionDetails(
  details: SessionDetails | null | undefined,
): SessionDetails | undefined {
  if (!details) return undefined;
  const out: SessionDetails = {};
  if (details.title) out.title = details.title;
  if (details.place) out.place = details.place;
  if (details.startsOn) out.startsOn = details.startsOn;
  if (details.endsOn) out.endsOn = details.endsOn;
  if (details.organisation) out.organisation = details.organisation;
  const facilitators = (details.facilitators ?? []).filter((f) => f !== '');
  if (facilitators.length > 0) out.facilitators = facilitators;
  return Object.keys(out).length > 0 ? out : undefined;
}

export const teamRefSchema = z.object({ id: idSchema, name: z.string().max(LIMITS.teamName) });
export type TeamRef = z.infer<typeof teamRefSchema>;

export const agencySummarySchema = z.object({
  id: idSchema,
  name: textSchema,
  /** A few words for timelines, cards and queues (the scenario's `shortName`; else use `name`). */
  shortName: textSchema.optional(),
  /** required/optional = played by trainees; facilitator = nobody plays it, the facilitator answers for it. */
  playable: z.enum(['required', 'optional', 'facilitator']),
});
export type AgencySummary = z.infer<typeof agencySummarySchema>;

/** Session metadata every recipient gets. `joinCode`/`joinLink` only go to staff. */
export const sessionMetaSchema = z.object({
  id: uuidSchema,
  scenario: z.object({
    id: idSchema,
    version: z.string(),
    title: textSchema,
    /** Time of day at scenario minute 0, which is Day 1 ("03:10"); absent: clocks show time elapsed. */
    startTime: startTimeSchema.optional(),
  }),
  status: sessionStatusSchema,
  settings: sessionSettingsSchema,
  teams: z.array(teamRefSchema),
  agencies: z.array(agencySummarySchema),
  createdAt: isoDateSchema,
  startedAt: isoDateSchema.nullable(),
  endedAt: isoDateSchema.nullable(),
  debriefReleased: z.boolean(),
  /** Highest committed seq when this was produced. */
  seq: seqSchema,
  joinCode: z.string().optional(),
  joinLink: z.string().optional(),
  /** Rubric version the session is scored with (pinned at creation). */
  rubricVersion: z.string().optional(),
  /** Title, place, days, organisation and facilitators, as far as the facilitator gave them. */
  details: sessionDetailsSchema.optional(),
});
export type SessionMeta = z.infer<typeof sessionMetaSchema>;

/** A trainee as others see them. */
export const participantSchema = z.object({
  id: uuidSchema,
  displayName: z.string().max(LIMITS.displayName),
  team: idSchema.nullable(),
  role: idSchema.nullable(),
  presence: presenceSchema,
  joinedAt: isoDateSchema,
});
export type Participant = z.infer<typeof participantSchema>;

/** Who the socket is, from the server's point of view (never from the client's claims). */
export const identitySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('facilitator'),
    account: accountSchema,
    memberRole: z.enum(['owner', 'facilitator']),
  }),
  z.object({ kind: z.literal('observer'), account: accountSchema }),
  z.object({ kind: z.literal('participant'), participant: participantSchema }),
]);
export type Identity = z.infer<typeof identitySchema>;

/**
 * The lobby: teams with their members. Staff see every team; a trainee sees their own team only
 * (other teams appear with no members).
 */
export const lobbySchema = z.object({
  teams: z.array(teamRefSchema.extend({ members: z.array(participantSchema) })),
  /** Joined but not yet placed in a team/role (staff only). */
  unassigned: z.array(participantSchema),
});
export type Lobby = z.infer<typeof lobbySchema>;
