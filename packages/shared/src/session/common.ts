import { z } from 'zod';
import { LIMITS } from './limits';

/**
 * UI / content languages a session can run in, as BCP 47 tags: English, Serbian (Latin),
 * Macedonian (Cyrillic), Albanian and Bosnian (Latin).
 */
export const LANGUAGES = ['en', 'sr-Latn', 'mk', 'sq', 'bs'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

/** A text shown to users: plain English, or English plus translations. Clients pick the language. */
export const textSchema = z.union([
  z.string(),
  z.object({
    en: z.string(),
    'sr-Latn': z.string().optional(),
    mk: z.string().optional(),
    sq: z.string().optional(),
    bs: z.string().optional(),
  }),
]);
export type Text = z.infer<typeof textSchema>;

/** `text` in `language` when it has that translation, else English. */
export function textIn(text: Text, language: Language): string {
  if (typeof text === 'string') return text;
  const translated = language === 'en' ? undefined : text[language];
  return translated !== undefined && translated !== '' ? translated : text.en;
}

/** Letters of the `index`-th team (0 → A, 25 → Z, 26 → AA): its id (`team-a`) and default name. */
export function teamLetters(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

/** The word for "team" in each session language (written here, not in the client's files, because the server names teams too). */
const TEAM_WORD: Record<Language, string> = {
  en: 'Team',
  'sr-Latn': 'Tim',
  mk: 'Тим',
  sq: 'Ekipi',
  bs: 'Tim',
};

/**
 * The name a team gets when nobody typed one: "Team A" in English, "Tim A" in Serbian. It is
 * stored with the session, so it is written in the session's language, which trainees and the
 * debrief read, whatever language the facilitator's own screen is in.
 */
export function defaultTeamName(index: number, language: Language): string {
  return `${TEAM_WORD[language]} ${teamLetters(index)}`;
}

/** Ids of scenario things and teams: short, printable, no spaces. */
export const idSchema = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, { error: 'must be an id (letters, digits, _ . : -)' });

/** Server-generated ids of sessions, participants and accounts. */
export const uuidSchema = z.uuid();

/** Client-generated command id; a repeated id is re-acked and applied once. */
export const commandIdSchema = z.uuid();

/** Session sequence number: 1 for the first event; 0 means "nothing yet". */
export const seqSchema = z.number().int().nonnegative();

export const tokenSchema = z.string().min(16).max(LIMITS.token);

/** Alphabet for join codes: no 0/O, 1/I/L, so codes survive being read aloud or off a projector. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
export const joinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH},12}$`), {
    error: 'must be the join code shown by the facilitator',
  });

/** ISO 8601 timestamp (UTC). */
export const isoDateSchema = z.iso.datetime();

/** Half of a UTF-16 surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Free text a person typed: trimmed, no control characters but line breaks (CR, LF) and tab, well-formed. */
export const freeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
    .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v), {
      error: 'must not contain control characters',
    })
    // Half of a UTF-16 pair alone is no character: it cannot be encoded as UTF-8 for exports,
    // and shows as a replacement box.
    .refine((v) => !LONE_SURROGATE.test(v), { error: 'must be valid Unicode text' });

/** Any JSON value (for attributes whose shape belongs to the scenario). */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);
