import { ErrorCode } from '@crossroads/shared';
import { AppError } from '../auth/rest-error';
import type { ParticipantRow } from './session-store';

/** A display name reduced to what a reader tells apart: letters and digits, no case or accents. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'dj')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

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
        ErrorCode.InvalidPayload,
        'Someone in this team already uses this name; add an initial or choose another.',
      );
    }
  }
}
