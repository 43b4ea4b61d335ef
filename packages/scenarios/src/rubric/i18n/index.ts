import type { LocalText, Rubric, RubricLang } from '../types';
import { BS } from './bs';
import { MK } from './mk';
import { SQ } from './sq';
import type { RubricTranslation } from './types';

export type { RubricTranslation } from './types';

/** The languages the rubric is translated into besides English and Serbian (Latin). */
export const RUBRIC_TRANSLATIONS: Readonly<
  Record<Exclude<RubricLang, 'en' | 'sr-Latn'>, RubricTranslation>
> = {
  mk: MK,
  sq: SQ,
  bs: BS,
};

const entries = Object.entries(RUBRIC_TRANSLATIONS) as [
  Exclude<RubricLang, 'en' | 'sr-Latn'>,
  RubricTranslation,
][];

function withTranslations(
  text: LocalText,
  pick: (t: RubricTranslation) => string | undefined,
): LocalText {
  const out: LocalText = { ...text };
  for (const [lang, translation] of entries) {
    const translated = pick(translation);
    if (translated !== undefined) out[lang] = translated;
  }
  return out;
}

/**
 * The rubric with its Macedonian, Albanian and Bosnian texts added (pure: the input is not changed).
 * A text with no translation is left as it is; `validateRubric` reports it by rule and language.
 */
export function translateRubric(rubric: Rubric): Rubric {
  return {
    ...rubric,
    title: withTranslations(rubric.title, (t) => t.title),
    situations: Object.fromEntries(
      Object.entries(rubric.situations).map(([id, name]) => [
        id,
        withTranslations(name, (t) => t.situations[id]),
      ]),
    ),
    changelog: rubric.changelog.map((change) => ({
      ...change,
      note: withTranslations(change.note, (t) => t.changelog[change.version]),
    })),
    rules: rubric.rules.map((rule) => ({
      ...rule,
      title: withTranslations(rule.title, (t) => t.rules[rule.id]?.[0]),
      explanation: withTranslations(rule.explanation, (t) => t.rules[rule.id]?.[1]),
    })),
  };
}
