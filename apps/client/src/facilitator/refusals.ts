import { refusalTexts } from '../lib/refusals';

/*
 * Refused staff commands, as the console words them. The trainee's headlines (trainee/errors.ts)
 * speak of "your agency" and "your team", which would mislead a facilitator, so staff have their
 * own, for every code a staff command can be refused with:
 *
 * - the gateway: invalid_payload (malformed call), rate_limited (command limits), and, when the
 *   socket is checked again before each command, unauthenticated (log-in ended), forbidden (now an
 *   observer) and not_found (removed from the staff);
 * - SessionsService.execute: forbidden (a command this kind of staff may not send),
 *   invalid_payload (the contract), internal, session_unavailable (the owning process does not
 *   answer, or the session moves on);
 * - SessionHost.execute and session-plan: not_running (checkStatus, a team without state),
 *   command_id_reused, internal (busy, moved), condition_not_met ("nothing to do"), not_found (no
 *   such team, inject, participant, request or event), invalid_payload (a move to the same seat or
 *   an agency trainees cannot play, a request answer naming no team or a team twice), forbidden
 *   (a request the agency's trainees answer themselves), already_decided (the debrief, an answered
 *   request);
 * - the scenario engine, for the events staff commands write (inject.released, clock.ticked,
 *   request.answered): ended, invalid_payload, wrong_role, already_decided (an inject released
 *   before), condition_not_met (an automatic inject, a request not waiting for an answer).
 *
 * The staff pages' REST calls (StaffGate's useApiErrorText) use the same table for the codes they
 * have no text of their own for (staffRestRefusals): mostly the ones above, and payload_too_large (a
 * request body over the limit; a scenario the studio's checker gave up on, too large or too slow,
 * said which in the message). A REST call is no command, so the headlines that speak of one have a
 * REST wording of their own there (STAFF_REST_KEYS).
 *
 * Codes only trainees, authors or handshakes meet (paused, seat_changed, name_taken,
 * not_in_phase, request_pending, link_gone, stale_revision...) get the fallback headline, with
 * the server's English after it.
 */
const STAFF_CODE_KEYS = {
  'protocol/invalid_payload': 'console.refusal.invalid',
  'protocol/payload_too_large': 'console.refusal.tooLarge',
  'protocol/rate_limited': 'console.refusal.rateLimited',
  'protocol/command_id_reused': 'console.refusal.commandIdReused',
  'protocol/internal': 'console.refusal.internal',
  'protocol/session_unavailable': 'console.refusal.unavailable',
  'auth/unauthenticated': 'console.refusal.unauthenticated',
  'auth/forbidden': 'console.refusal.forbidden',
  'session/not_found': 'console.refusal.notFound',
  'session/not_running': 'console.refusal.notRunning',
  'engine/already_decided': 'console.refusal.alreadyDone',
  'engine/condition_not_met': 'console.refusal.conditionNotMet',
  'engine/ended': 'console.refusal.ended',
  'engine/wrong_role': 'console.refusal.wrongRole',
} as const;

/**
 * Codes whose staff headline says all the server's English would, so a facilitator reading
 * another language is not shown it:
 *
 * - rate_limited: "Too many commands; slow down." is the headline (the snapshot limit's seconds
 *   concern session.sync, which the console never shows).
 * - command_id_reused, session_unavailable: the messages tell a program what to do with a
 *   commandId; the headline tells the facilitator (do it again; check whether it happened first).
 * - internal: busy, moved to another process, failed: the facilitator does the same for each (try
 *   again), and failures are in the server's log for whoever runs it.
 * - unauthenticated: the log-in has ended, whatever the cause (the console then asks to log in).
 * - not_running: the message names the session's status, which the console's header shows in
 *   the reader's language (and the wire's raw status word, "The session is lobby", is no prose).
 * - already_decided: it names the debrief, request or inject the facilitator has just acted on.
 * - ended: it names the team's ending, which its card shows in the reader's language.
 *
 * The others keep the English, marked as such: only the message says which team, inject,
 * request, participant or agency it is about, or why (the trainees answer that agency
 * themselves; you are now an observer; an inject arrives by itself), and the headline alone
 * would leave the facilitator guessing.
 */
const STAFF_SELF_EXPLAINING: ReadonlySet<string> = new Set([
  'protocol/rate_limited',
  'protocol/command_id_reused',
  'protocol/internal',
  'protocol/session_unavailable',
  'auth/unauthenticated',
  'session/not_running',
  'engine/already_decided',
  'engine/ended',
]);

/** The console's refusal texts: `headline`, `serverDetail` and `refusalDetail` (lib/refusals). */
export const staffRefusals = refusalTexts({
  headlines: STAFF_CODE_KEYS,
  fallback: 'console.refusal.other',
  selfExplaining: STAFF_SELF_EXPLAINING,
});

/**
 * The staff pages' REST errors: the console's headlines, except those that speak of a command,
 * worded for a request (a form sent, a page loaded) instead.
 */
const STAFF_REST_KEYS = {
  ...STAFF_CODE_KEYS,
  'protocol/invalid_payload': 'facilitate.errors.invalid',
  'protocol/rate_limited': 'facilitate.errors.rateLimited',
  'protocol/command_id_reused': 'facilitate.errors.requestReused',
  'session/not_found': 'facilitate.errors.notFound',
} as const;

/** The staff pages' REST error texts (see useApiErrorText). */
export const staffRestRefusals = refusalTexts({
  headlines: STAFF_REST_KEYS,
  fallback: 'console.refusal.other',
  selfExplaining: STAFF_SELF_EXPLAINING,
});
