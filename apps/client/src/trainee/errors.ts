import type { TFunction } from 'i18next';
import type { Language, RejectedAck } from '@crossroads/shared';
import { pickText } from './content';

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

/**
 * What a refused command's headline is followed by: the server's words in the first of the
 * reader's content `languages` the ack's `text` has (the scenario's why-not, as the agency's view
 * says it), else its English message when that adds something (see serverDetail). `lang` is the
 * language of the words, for their `lang` attribute.
 */
export function refusalDetail(
  t: TFunction,
  language: string | undefined,
  languages: readonly Language[],
  ack: Pick<RejectedAck, 'code' | 'message' | 'text'>,
): { text: string; lang: Language } | null {
  if (ack.text !== undefined) {
    const picked = pickText(ack.text, languages);
    if (picked.lang !== 'en') {
      const same = picked.text.trim().toLowerCase() === errorHeadline(t, ack.code).toLowerCase();
      return same ? null : picked;
    }
    // Only the English came (a scenario without the reader's language): as any English message.
    return serverDetail(t, language, ack.code, picked.text) === null ? null : picked;
  }
  const english = serverDetail(t, language, ack.code, ack.message);
  return english === null ? null : { text: english, lang: 'en' };
}
