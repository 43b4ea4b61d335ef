import type { TFunction } from 'i18next';
import {
  PROBLEM_EXPECTED,
  PROBLEM_GOT,
  PROBLEM_WHAT,
  type StudioProblem,
} from '@crossroads/shared';
import { languageName } from '../trainee/terms';
import { fieldLabel } from './SchemaForm';

/*
 * The checker's problems in the page's language. Every problem comes with its kind (a code) and
 * its values (see the scenarios package's problems.ts); `studio.checks.<code>` words it. A value
 * that is one of a few words is translated before it is put in (`got`, `expected`, `what`, a
 * language), or picks the variant of the sentence (`studio.checks.<code>_<word>`, i18next's
 * context). A code or word this page does not know reads as the checker's English words.
 */

/** The value that picks a kind's sentence, for kinds worded differently by one of their values. */
const VARIANT_OF: Readonly<Record<string, string>> = {
  yaml_syntax: 'reason',
  text_too_long: 'kind',
  control_character: 'kind',
  too_small: 'limit',
  inc_needs_counter: 'type',
  migrated_chase: 'reckless',
  option_rates_itself: 'axis',
};

/** Returned by a missing translation instead of its key (never a real text). */
const MISSING = '\u0000missing';

const known = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  list.find((x) => x === value);

/** What the file holds where the problem is (`got` and `value` of its params). */
function gotWords(t: TFunction, params: Record<string, string>): string | undefined {
  const got = known(PROBLEM_GOT, params.got);
  return got ? t(`studio.checks.got.${got}`, { value: params.value ?? '' }) : undefined;
}

export function problemWords(t: TFunction, language: string, problem: StudioProblem): string {
  const p = problem.params ?? {};
  const code = problem.code;
  if (code === undefined) return problem.message;
  // A listed value the page does not know reads as the checker's words, not half translated.
  const words: Record<string, string> = { ...p };
  if (p.got !== undefined) {
    const got = gotWords(t, p);
    if (got === undefined) return problem.message;
    words.got = got;
  }
  if (p.expected !== undefined) {
    const expected = known(PROBLEM_EXPECTED, p.expected);
    if (!expected) return problem.message;
    words.expected = t(`studio.checks.expected.${expected}`);
  }
  if (p.what !== undefined) {
    const what = known(PROBLEM_WHAT, p.what);
    if (!what) return problem.message;
    words.what = t(`studio.checks.what.${what}`);
  }
  if (p.lang !== undefined) words.language = languageName(p.lang, language);
  if (p.field !== undefined) words.label = fieldLabel(t, p.field);
  const variantOf = VARIANT_OF[code];
  const variant =
    code === 'unknown_ref' && p.known === ''
      ? 'none'
      : variantOf !== undefined
        ? p[variantOf]
        : undefined;
  // The key is built from the code the server sent, so it is not one of the typed keys: the
  // sentinel default tells a missing one.
  const translate = t as unknown as (key: string, options: Record<string, unknown>) => string;
  const text = translate(`studio.checks.${code}`, {
    ...words,
    ...(variant !== undefined ? { context: variant } : {}),
    defaultValue: MISSING,
  });
  return text === MISSING || typeof text !== 'string' ? problem.message : text;
}
