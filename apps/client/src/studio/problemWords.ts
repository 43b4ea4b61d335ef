import type { TFunction } from 'i18next';
import type { StudioProblem } from '@crossroads/shared';
import { languageName } from '../trainee/terms';
import { fieldLabel } from './SchemaForm';

/*
 * The checker's problems in the page's language. The most common kinds come with a code and their
 * values (see the scenarios package's ProblemCode); the others, and a code this page does not know,
 * read as the checker's English words.
 */

const EXPECTED = ['object', 'string', 'number', 'array', 'boolean'] as const;
const GOT = ['nothing', 'null', 'list', 'object', 'text', 'number', 'boolean'] as const;
const WHAT = [
  'agency',
  'person',
  'fact',
  'resource',
  'document',
  'evidence',
  'phase',
  'request',
  'inject',
  'ending',
  'decision',
] as const;

const known = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  list.find((x) => x === value);

/** What the file holds where the problem is (`got` and `value` of its params). */
function gotWords(t: TFunction, params: Record<string, string>): string | undefined {
  const got = known(GOT, params.got);
  return got ? t(`studio.checks.got.${got}`, { value: params.value ?? '' }) : undefined;
}

export function problemWords(t: TFunction, language: string, problem: StudioProblem): string {
  const p = problem.params ?? {};
  const has = (...keys: string[]) => keys.every((k) => typeof p[k] === 'string');
  switch (problem.code) {
    case 'missing_field':
      if (!has('field')) break;
      return t('studio.checks.missing_field', {
        field: p.field,
        label: fieldLabel(t, p.field ?? ''),
      });
    case 'unknown_field':
      if (!has('field')) break;
      return t('studio.checks.unknown_field', { field: p.field });
    case 'expected_type': {
      const expected = known(EXPECTED, p.expected);
      const got = gotWords(t, p);
      if (!expected || got === undefined) break;
      return t('studio.checks.expected_type', {
        expected: t(`studio.checks.expected.${expected}`),
        got,
      });
    }
    case 'one_of': {
      const got = gotWords(t, p);
      if (!has('values') || got === undefined) break;
      return t('studio.checks.one_of', { values: p.values, got });
    }
    case 'unknown_ref': {
      const what = known(WHAT, p.what);
      if (!what || !has('id', 'known')) break;
      return t(p.known === '' ? 'studio.checks.unknown_ref_none' : 'studio.checks.unknown_ref', {
        what: t(`studio.checks.what.${what}`),
        id: p.id,
        known: p.known,
      });
    }
    case 'duplicate_id': {
      const what = known(WHAT, p.what);
      if (!what || !has('id')) break;
      return t('studio.checks.duplicate_id', { what: t(`studio.checks.what.${what}`), id: p.id });
    }
    case 'no_translation':
      if (!has('lang')) break;
      return t('studio.checks.no_translation', {
        lang: p.lang,
        language: languageName(p.lang ?? '', language),
      });
  }
  return problem.message;
}
