import { refusalTexts } from '../lib/refusals';

/** i18n keys of error codes a trainee can meet (acks, handshakes, REST). */
const CODE_KEYS = {
  'protocol/invalid_payload': 'play.errors.invalid',
  'protocol/payload_too_large': 'play.errors.tooLarge',
  'protocol/unsupported_version': 'play.errors.version',
  'protocol/rate_limited': 'play.errors.rateLimited',
  'protocol/slow_consumer': 'play.errors.slowConsumer',
  'protocol/internal': 'play.errors.internal',
  'protocol/session_unavailable': 'play.errors.unavailable',
  'protocol/command_id_reused': 'play.errors.commandIdReused',
  'auth/unauthenticated': 'play.errors.unauthenticated',
  'auth/forbidden': 'play.errors.forbidden',
  'auth/foreign_origin': 'play.errors.foreignOrigin',
  'session/not_found': 'play.errors.notFound',
  'session/paused': 'play.errors.paused',
  'session/not_running': 'play.errors.notRunning',
  'session/seat_changed': 'play.errors.seatChanged',
  'session/name_taken': 'play.errors.nameTaken',
  'engine/wrong_role': 'play.errors.wrongRole',
  'engine/not_in_phase': 'play.errors.notInPhase',
  'engine/condition_not_met': 'play.errors.conditionNotMet',
  'engine/request_pending': 'play.errors.requestPending',
  'engine/already_decided': 'play.errors.alreadyDecided',
  'engine/ended': 'play.errors.ended',
  network: 'play.errors.network',
  unexpected: 'play.errors.unexpected',
} as const;

/**
 * Codes whose translated headline says all there is to say: the server's English message
 * after it would only repeat it, in English, in a Serbian or Albanian screen ("Sesija je
 * pauzirana. The session is paused."). Internal errors and reused command ids say nothing more
 * than their headline either, and an unavailable session's message tells a program to resend
 * with the same commandId, which the outbox does by itself (a trainee has nothing to do).
 *
 * For the other codes the English message is kept, marked as English, when the ack brings no
 * text in the reader's language: it carries what the headline cannot (which field was invalid,
 * why the agency may not, which condition of the scenario is missing, for a scenario whose words
 * are not translated), and a reader of the headline alone would not know what to change.
 */
const SELF_EXPLAINING: ReadonlySet<string> = new Set([
  'protocol/unsupported_version',
  'protocol/rate_limited',
  'protocol/slow_consumer',
  'protocol/internal',
  'protocol/session_unavailable',
  'protocol/command_id_reused',
  'auth/unauthenticated',
  'auth/foreign_origin',
  'session/not_found',
  'session/paused',
  'session/not_running',
  'session/seat_changed',
  'session/name_taken',
  'engine/already_decided',
  'engine/ended',
  'network',
]);

/**
 * The trainee's refusal texts (see lib/refusals): `errorHeadline` (a short translated headline;
 * the server's own message gives the detail), `serverDetail` (that message, or null when it adds
 * nothing) and `refusalDetail` (the server's words after the headline: the scenario's why-not in
 * the reader's language, as the agency's view says it, else the English message when it adds
 * something).
 */
export const {
  headline: errorHeadline,
  serverDetail,
  refusalDetail,
} = refusalTexts({
  headlines: CODE_KEYS,
  fallback: 'play.errors.unexpected',
  selfExplaining: SELF_EXPLAINING,
});
