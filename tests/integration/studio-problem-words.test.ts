/**
 * The studio words every problem the scenario checker can report in each interface language. The
 * kinds and their values come from the checker's own list (problems.ts in the scenario engine,
 * which the client may not import), so a kind added there without its translations fails here.
 */
import i18next, { type Resource, type TFunction } from 'i18next';
import {
  OPTIONAL_TEXT,
  PROBLEM_CODES,
  PROBLEM_KINDS,
  type ProblemCode,
} from '@crossroads/scenarios';
import type { StudioProblem } from '@crossroads/shared';

/*
 * The client's own wording of a problem and its translation tables, as the studio uses them. They
 * are written for the client's bundler (imports without extensions, JSON modules), which this
 * workspace's NodeNext type check cannot follow, so they are loaded when the test runs, with the
 * signature the client gives them.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- see above */
const { problemWords } = require('../../apps/client/src/studio/problemWords') as {
  problemWords: (t: TFunction, language: string, problem: StudioProblem) => string;
};
const { resources } = require('../../apps/client/src/i18n') as { resources: Resource };
/* eslint-enable @typescript-eslint/no-require-imports */

const LANGUAGES = ['en', 'sr-Latn', 'mk', 'sq', 'bs'] as const;
/** Stands for the checker's English words: a problem worded as this was not translated. */
const ENGLISH = 'the checker’s English words';

/**
 * One set of values per listed word of each of the kind's values (the other values at their first
 * word, free values as sample text), so every variant of the sentence is worded.
 */
function valueSets(code: ProblemCode): Record<string, string>[] {
  const kind: Record<string, string | readonly string[]> = PROBLEM_KINDS[code];
  const first = Object.fromEntries(
    Object.entries(kind).map(([name, values]) => [
      name,
      Array.isArray(values) ? (values[0] as string) : name === 'known' ? 'a, b' : `v-${name}`,
    ]),
  );
  const sets = [first];
  for (const [name, values] of Object.entries(kind)) {
    if (Array.isArray(values)) for (const v of values.slice(1)) sets.push({ ...first, [name]: v });
    if (values === OPTIONAL_TEXT) {
      const without = { ...first };
      delete without[name];
      sets.push(without);
    }
  }
  return sets;
}

/**
 * Whether a value is shown as it is. Listed words are translated; `lang` is named as a language;
 * `value` goes with the `got` it belongs to (a text, number or boolean; nothing has none); an empty
 * text's `minimum` is always 1 and goes without saying.
 */
function shown(code: ProblemCode, name: string, params: Record<string, string>): boolean {
  const values: string | readonly string[] | undefined = (
    PROBLEM_KINDS[code] as Record<string, string | readonly string[]>
  )[name];
  if (Array.isArray(values) || name === 'lang') return false;
  if (name === 'value') return ['text', 'number', 'boolean'].includes(params.got ?? '');
  if (code === 'too_small' && name === 'minimum') return params.limit !== 'text';
  return true;
}

const i18n = i18next.createInstance();
beforeAll(async () => {
  // No fallback language: a text missing in one language must not borrow another's.
  await i18n.init({
    resources,
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});

test('the checker reports many kinds of problem', () => {
  expect(PROBLEM_CODES.length).toBeGreaterThan(60);
});

test.each(PROBLEM_CODES)('problem kind %s is worded in every interface language', (code) => {
  for (const params of valueSets(code)) {
    const worded = Object.fromEntries(
      LANGUAGES.map((lang) => [
        lang,
        problemWords(i18n.getFixedT(lang), lang, { path: '', message: ENGLISH, code, params }),
      ]),
    );
    for (const lang of LANGUAGES) {
      const text = worded[lang] as string;
      expect({ lang, params, text }).not.toMatchObject({ text: ENGLISH });
      expect({ lang, params, text }).not.toMatchObject({
        text: expect.stringMatching(/\{\{|\}\}|studio\.checks/),
      });
      // Every free value shows in the words (an id, a field, the parser's words).
      for (const [name, value] of Object.entries(params))
        if (shown(code, name, params))
          expect({ lang, name, text }).toMatchObject({ text: expect.stringContaining(value) });
      if (lang !== 'en') expect({ lang, params, text }).not.toMatchObject({ text: worded.en });
    }
  }
});
