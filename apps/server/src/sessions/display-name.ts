import { ErrorCode } from '@crossroads/shared';
import { AppError } from '../auth/rest-error';
import type { ParticipantRow } from './session-store';

/**
 * Cyrillic (Serbian, Macedonian, Russian, Ukrainian) and Greek letters in Latin, after lower-casing:
 * "Ана" is "Ana" written in another script, and "Fаcilitаtor" with a Cyrillic а is read as
 * "Facilitator". Greek letters map to the Latin letter they look like.
 */
const TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  ђ: 'dj',
  ѓ: 'gj',
  е: 'e',
  ё: 'e',
  є: 'e',
  ж: 'z',
  з: 'z',
  ѕ: 's',
  и: 'i',
  і: 'i',
  ї: 'i',
  й: 'j',
  ј: 'j',
  к: 'k',
  ќ: 'kj',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'c',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'c',
  џ: 'dz',
  ш: 's',
  щ: 's',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'ju',
  я: 'ja',
  α: 'a',
  β: 'b',
  γ: 'y',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'n',
  θ: 'o',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'v',
  ξ: 'e',
  ο: 'o',
  π: 'n',
  ρ: 'p',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'u',
  φ: 'f',
  χ: 'x',
  ψ: 'y',
  ω: 'w',
  ı: 'i',
};
const NON_LATIN = new RegExp(`[${Object.keys(TO_LATIN).join('')}]`, 'gu');

/**
 * A display name reduced to what a reader tells apart: letters and digits, no case, accents or
 * script (Cyrillic and Greek letters read as the Latin ones they stand for or look like).
 */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[đĐ]/g, 'dj')
    .replace(NON_LATIN, (letter) => TO_LATIN[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Characters that reorder or break how a name is shown: bidirectional controls (U+202E shows
 * "\u202Erotatilicaf" as "facilitator") and line breaks or tabs (a name is one line).
 */
const LAYOUT_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\n\r\t\u2028\u2029]/;

/** Words a trainee's display name may not contain (English and Serbian staff titles). */
const STAFF_WORDS = [
  'facilitator',
  'fasilitator',
  'moderator',
  'observer',
  'posmatrac',
  'staff',
  'osoblje',
  'admin',
  'trainer',
  'voditelj',
  'trener',
  'crossroads',
];

/**
 * A display name must not pass for staff ("Facilitator (staff)", "posmatrač") and must have
 * letters or digits. Needs nothing but the name, so it is checked before a join is queued.
 */
export function checkDisplayNameShape(displayName: string): void {
  if (LAYOUT_CONTROLS.test(displayName)) {
    throw new AppError(
      ErrorCode.InvalidPayload,
      'A display name is one line of text, without direction-control characters.',
    );
  }
  const key = nameKey(displayName);
  if (STAFF_WORDS.some((word) => key.includes(word))) {
    throw new AppError(
      ErrorCode.InvalidPayload,
      'Choose a display name that does not look like a staff title (facilitator, observer, staff, admin).',
    );
  }
  if (key === '') {
    throw new AppError(ErrorCode.InvalidPayload, 'The display name needs letters or digits.');
  }
}

/**
 * A display name must differ from every teammate's (compared without case, accents, spaces and
 * punctuation), so a message in the team chat is never mistaken for someone else's. The host
 * checks it inside the queued join, against the participants as of the append, so two trainees
 * joining at the same moment under one name cannot both get in.
 */
export function checkDisplayNameFree(
  participants: Iterable<Pick<ParticipantRow, 'team_id' | 'display_name'>>,
  displayName: string,
  team: string | null,
): void {
  const key = nameKey(displayName);
  for (const p of participants) {
    if (p.team_id === team && nameKey(p.display_name) === key) {
      throw new AppError(
        ErrorCode.NameTaken,
        'Someone in this team already uses this name; add an initial or choose another.',
      );
    }
  }
}
