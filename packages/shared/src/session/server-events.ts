import { z } from 'zod';
import { seqSchema, textSchema, uuidSchema } from './common';
import {
  identitySchema,
  lobbySchema,
  presenceSchema,
  sessionMetaSchema,
  sessionStatusSchema,
} from './identity';
import { logEventSchema } from './log';
import {
  broadcastMessageSchema,
  chatMessageSchema,
  injectControlSchema,
  pinnedNoteSchema,
  roleViewSchema,
  teamCardSchema,
} from './views';
import { teamPatchSchema, viewPatchSchema } from './view-patch';

/**
 * The version of a trainee group's role view: an opaque token, equal for equal views (the clock's
 * minutes aside) and different otherwise, on every server process. A `viewPatch` applies only to
 * the view of its `base` version.
 */
export const viewVersionSchema = z.string().min(1);

/**
 * The versions of the staff's team cards, by team id: opaque tokens, equal for equal cards (the
 * clock's minutes and the scores aside: a patch replaces `/scores` whole when they changed) and
 * different otherwise. A `teamPatches` item applies only to the card of its `base` version.
 */
export const teamVersionsSchema = z.record(z.string(), z.string().min(1));

/**
 * `session.snapshot`: everything the recipient may know, replacing whatever the client held.
 * Sent on connect (unless a catch-up batch is enough), after `session.sync`, and when the
 * recipient's identity changes (a trainee moved to another team/role).
 */
export const sessionSnapshotSchema = z.object({
  seq: seqSchema,
  session: sessionMetaSchema,
  identity: identitySchema,
  lobby: lobbySchema,
  /** Trainees only (null before they have a team and role, or before the session started). */
  view: roleViewSchema.nullable(),
  /** The version of `view` (null when `view` is): the base the next `viewPatch` must match. */
  viewVersion: viewVersionSchema.nullable(),
  /** Staff only: one card per team (empty before start). */
  teams: z.array(teamCardSchema),
  /** The version of each card of `teams`, by team id: the base its next `teamPatches` must match. */
  teamVersions: teamVersionsSchema,
  /** Staff only: injects and where they have been released. */
  injects: z.array(injectControlSchema),
  /**
   * Staff only (absent for trainees and from older servers): the titles of every decision, option
   * and request of the scenario, to name them in the timeline (events carry ids only). Keys:
   * `decision:<id>`, `option:<decision>:<id>`, `request:<id>`.
   */
  labels: z.record(z.string(), textSchema).optional(),
  /** Team chat (trainee: own team; staff: all teams), oldest first, at most LIMITS.snapshotChat. */
  chat: z.array(chatMessageSchema),
  broadcasts: z.array(broadcastMessageSchema),
  /** Staff only. */
  notes: z.array(pinnedNoteSchema),
  /** Recent events the recipient may see (at most LIMITS.catchUpEvents), oldest first: the timeline. */
  events: z.array(logEventSchema),
});
export type SessionSnapshot = z.infer<typeof sessionSnapshotSchema>;

/**
 * `session.update`: sent after each committed event to every recipient the event concerns.
 * The clock ticker's `clock.ticked` events (its scenario minutes while the session runs) are the
 * exception: a trainee group gets one only when it changed the group's view (by more than the
 * minutes), with the view or patch; staff get every one. A trainee client moves its clock itself
 * while the view's `clock.running` is true and the session runs, by the time ratio of the
 * session's settings, from the last minutes the server gave (it may lag the server's count by less
 * than a minute; the next view or patch carries the absolute minutes). The facilitator's clock
 * moves (`clock.advance`) reach every group of the team as before. The log keeps every tick:
 * catch-up batches and snapshots are unchanged.
 * - `minutes` is the team's scenario clock (absolute) after the event, sent to a trainee group
 *   when the event moved the clock otherwise than by the ticker (a decision's or a request's time
 *   cost, the facilitator's clock move) and the update carries no view or patch (which carry the
 *   minutes themselves); the event may be null (the group may not see it: only that time passed).
 *   Set the held view's `clock.minutes` to it, after applying the event;
 * - `event` is the event if the recipient may see it (already filtered), else null;
 * - only when the recipient's role view changed (apart from the clock's minutes), either
 *   `view` + `viewVersion`: the whole view (the group's first, or when a patch would not be
 *   smaller), replacing the held one; or
 *   `viewPatch` { base, version, ops }: RFC 6902 operations turning the view of version `base`
 *   into the view of version `version` (use `applyViewPatch`). A client whose view version is not
 *   `base` must not apply it: it keeps its view, applies the rest of the update, and sends
 *   `session.sync` for a snapshot. A change of the clock's minutes alone sends no view (add
 *   `clock.ticked` minutes to the held view); a view or patch sent for another change carries the
 *   current minutes (a patch replaces `/clock/minutes` with the absolute value when it differs),
 *   so a tick in the same update is counted in them already;
 * - only for the team cards that differ from the ones last sent (in an update, a snapshot or a
 *   catch-up batch), staff only, absent when none does, either
 *   `teams` + `teamVersions`: whole cards (the staff held none of that team, or a patch would not
 *   be smaller) with their versions by team id: merge them by team id, replacing the held card and
 *   its version; or
 *   `teamPatches` [{ team, base, version, ops }]: RFC 6902 operations turning the team's card of
 *   version `base` into its card of version `version` (use `applyTeamPatch`). A client whose card
 *   version for that team is not `base` must not apply it: it keeps its card, applies the rest of
 *   the update, and sends `session.sync` for a snapshot.
 *   After a `clock.ticked` event add its minutes to the team's card: a card whose only change is
 *   those minutes is not sent (its version does not count the minutes), and a card or patch sent
 *   for another change carries the current minutes (a patch replaces `/clock/minutes` with the
 *   absolute value when it differs), so a tick in the same update is counted in them already;
 * - `injects` (staff only) is the whole inject control list, only when some `releasedTo` changed
 *   (automatic releases, timed/conditional/by effect, have no `inject.released` event of their own);
 * - `status` is the session status after the event.
 * Apply in seq order; seq strictly increases per socket but has gaps (other recipients' events).
 */
export const sessionUpdateSchema = z.object({
  seq: seqSchema,
  status: sessionStatusSchema,
  event: logEventSchema.nullable(),
  view: roleViewSchema.optional(),
  /** Sent with `view` (and only then). */
  viewVersion: viewVersionSchema.optional(),
  viewPatch: viewPatchSchema.optional(),
  teams: z.array(teamCardSchema).optional(),
  /** Sent with `teams` (and only then): the version of each of its cards, by team id. */
  teamVersions: teamVersionsSchema.optional(),
  teamPatches: z.array(teamPatchSchema).optional(),
  injects: z.array(injectControlSchema).optional(),
  /** Trainee groups only: the team's clock minutes after a move not the ticker's (see above). */
  minutes: z.number().nonnegative().optional(),
});
export type SessionUpdate = z.infer<typeof sessionUpdateSchema>;

/**
 * `session.rescored`: what the live scores changed, pushed as soon as the server has recomputed them.
 * Scores, the witnesses a team lost and the hints (the legal model's findings on the decisions, in a
 * session with feedback `hints`) come from the live scores, which the server recomputes from the log
 * every few seconds while it grows, off the command path: without this message they would reach a
 * recipient only with its next `session.update`. Sent once per recomputation, only to a trainee
 * group whose role view it changed and to the staff when it changed some team cards; never with an
 * event, and never for a recomputation that changed nothing the recipient holds.
 * - `seq` is the session's head the view and cards were computed at. Ignore the message when it is
 *   below the seq you applied (it is stale); otherwise apply it but do **not** take `seq` as your
 *   last seq: no event came with it (updates with the events between are not skipped);
 * - `view` + `viewVersion` or `viewPatch` (trainees), `teams` + `teamVersions` and `teamPatches`
 *   (staff): exactly as in `session.update`, with the same rules. A patch applies only to the
 *   version it names as its `base`; a client holding another version keeps what it holds and sends
 *   `session.sync` for a snapshot. A missed `session.rescored` costs nothing more: the next update's
 *   patch names the version it left, so the client resynchronises, and every snapshot or catch-up
 *   batch carries the current view and cards.
 */
export const sessionRescoredSchema = sessionUpdateSchema.pick({
  seq: true,
  view: true,
  viewVersion: true,
  viewPatch: true,
  teams: true,
  teamVersions: true,
  teamPatches: true,
});
export type SessionRescored = z.infer<typeof sessionRescoredSchema>;

/**
 * `session.events`: the catch-up batch after a reconnect with `lastSeq`: every event with
 * seq > lastSeq the recipient may see, oldest first, plus the current view/cards.
 * Sent instead of a snapshot when fewer than LIMITS.catchUpEvents events were missed.
 */
export const sessionEventsSchema = z.object({
  /** The head seq after the batch: continue from here. */
  seq: seqSchema,
  fromSeq: seqSchema,
  status: sessionStatusSchema,
  events: z.array(logEventSchema),
  /** The current view, whole (it already counts the batch's clock ticks). */
  view: roleViewSchema.nullable(),
  /** The version of `view` (null when `view` is), as in the snapshot. */
  viewVersion: viewVersionSchema.nullable(),
  teams: z.array(teamCardSchema),
  /** The version of each card of `teams`, by team id, as in the snapshot. */
  teamVersions: teamVersionsSchema,
  /** Staff only: the current inject control list (absent from older servers). */
  injects: z.array(injectControlSchema).optional(),
});
export type SessionEvents = z.infer<typeof sessionEventsSchema>;

/** `lobby.updated`: someone joined, moved or changed presence (trainees get their own team only). */
export const lobbyUpdatedSchema = z.object({ seq: seqSchema, lobby: lobbySchema });
export type LobbyUpdated = z.infer<typeof lobbyUpdatedSchema>;

/** `presence.updated`: a participant came online, went away or left. Not part of the event log. */
export const presenceUpdatedSchema = z.object({
  participant: uuidSchema,
  presence: presenceSchema,
  at: z.iso.datetime(),
});
export type PresenceUpdated = z.infer<typeof presenceUpdatedSchema>;

/** Names of the server → client socket.io events (besides the foundation's `notice`). */
export const SERVER_EVENT_NAMES = [
  'session.snapshot',
  'session.update',
  'session.rescored',
  'session.events',
  'lobby.updated',
  'presence.updated',
  'notice',
] as const;
