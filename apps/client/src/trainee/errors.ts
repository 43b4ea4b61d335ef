import type { TFunction } from 'i18next';

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

/** A short translated headline for an error code (the server's own message gives the detail). */
export function errorHeadline(t: TFunction, code: string): string {
  const key = (CODE_KEYS as Record<string, (typeof CODE_KEYS)[keyof typeof CODE_KEYS]>)[code];
  return key ? t(key) : t('play.errors.unexpected');
}

/**
 * Codes whose translated headline says all there is to say: the server's English message
 * after it would only repeat it, in English, in a Serbian or Albanian screen ("Sesija je
 * pauzirana. The session is paused."). For other codes its message carries the detail (which
 * field, which condition) and is kept, marked as English.
 */
const SELF_EXPLAINING: ReadonlySet<string> = new Set([
  'protocol/unsupported_version',
  'protocol/rate_limited',
  'protocol/slow_consumer',
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

/** The server's own message to show after the headline, or null when it adds nothing. */
export function serverDetail(
  t: TFunction,
  language: string | undefined,
  code: string,
  message: string,
): string | null {
  const headline = errorHeadline(t, code);
  if (headline.trim().toLowerCase() === message.trim().toLowerCase()) return null;
  if (language !== 'en' && SELF_EXPLAINING.has(code)) return null;
  return message;
}
