import { LIMITS } from '@crossroads/shared';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The common-password list of @zxcvbn-ts/language-common (passwords seen most often in leaks),
 * lower-cased. Only entries at least LIMITS.passwordMin long matter: shorter ones fail the length
 * rule already.
 */
const COMMON = new Set(
  dictionary['passwords-common']
    .filter((p) => p.length >= Math.min(LIMITS.passwordMin, 8))
    .map((p) => p.toLowerCase()),
);

/** Lower-case, and without the separators people add to make a known password "different". */
function squash(text: string): string {
  return text.toLowerCase().replace(/[\s._\-@!#$%^&*()+=~]/g, '');
}

/**
 * Why a password may not be used, or null when it may. Length first, then: a common password
 * (also with separators or a trailing number run added), the username itself, or mostly the
 * username.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < LIMITS.passwordMin || Buffer.byteLength(password) > LIMITS.passwordMax) {
    return `The password must be ${LIMITS.passwordMin}-${LIMITS.passwordMax} bytes long.`;
  }
  const lower = password.toLowerCase();
  const squashed = squash(password);
  const withoutDigits = squashed.replace(/\d+$/, '');
  if (
    COMMON.has(lower) ||
    COMMON.has(squashed) ||
    (withoutDigits.length >= 6 && COMMON.has(withoutDigits))
  ) {
    return 'This password is one of the most common ones; choose a less predictable phrase.';
  }
  if (/^(.)\1+$/.test(password) || /^(?:0123456789|1234567890|9876543210)+/.test(squashed)) {
    return 'The password is a simple sequence or repetition; choose a less predictable phrase.';
  }
  const name = squash(username);
  if (name.length > 0) {
    if (squashed === name || squashed === [...name].reverse().join('')) {
      return 'The password may not be the username.';
    }
    // What is left besides the username must be a password on its own, not a digit or two.
    if (squashed.includes(name) && squashed.replace(name, '').length < 6) {
      return 'The password is mostly the username; choose something else.';
    }
  }
  return null;
}
