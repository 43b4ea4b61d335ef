import type { TFunction } from 'i18next';

/** i18n keys of error codes a trainee can meet (acks, handshakes, REST). */
const CODE_KEYS = {
  'protocol/invalid_payload': 'play.errors.invalid',
  'protocol/payload_too_large': 'play.errors.tooLarge',
  'protocol/unsupported_version': 'play.errors.version',
  'protocol/rate_limited': 'play.errors.rateLimited',
  'protocol/slow_consumer': 'play.errors.slowConsumer',
  'protocol/internal': 'play.errors.internal',
  'auth/unauthenticated': 'play.errors.unauthenticated',
  'auth/forbidden': 'play.errors.forbidden',
  'auth/foreign_origin': 'play.errors.foreignOrigin',
  'session/not_found': 'play.errors.notFound',
  'session/paused': 'play.errors.paused',
  'session/not_running': 'play.errors.notRunning',
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
