/**
 * Completeness of the UI translations, checked against English (the source of every key).
 * Used by the test suite; the messages name the file, the key and what is wrong, so whoever
 * adds an English key sees exactly which translations still need it.
 */

export type ResourceTree = { [key: string]: string | ResourceTree };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]`; non-string leaves are kept so they can be reported. */
export function flattenResource(tree: ResourceTree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flattenResource(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

/** The `{{placeholders}}` of a text, sorted and without repeats. */
export function placeholdersOf(text: unknown): string[] {
  const names = [...String(text).matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1] ?? '');
  return [...new Set(names)].sort();
}

/** The plural forms a language needs (CLDR cardinal categories, as i18next uses them). */
export function pluralForms(language: string): string[] {
  return [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
}

/**
 * The keys `language` must have, given the English keys: every plain key, and for every plural
 * key (`name_one`, `name_other` in English) the forms of that language's own plural rules.
 * Each expected key maps to the English key it translates.
 */
export function expectedKeys(englishKeys: Iterable<string>, language: string): Map<string, string> {
  const forms = pluralForms(language);
  const expected = new Map<string, string>();
  for (const key of englishKeys) {
    const plural = PLURAL_SUFFIX.exec(key);
    if (!plural) {
      expected.set(key, key);
      continue;
    }
    const base = key.slice(0, plural.index);
    // Each form of the other language translates the English "other" form (it has the count).
    for (const form of forms) expected.set(`${base}_${form}`, `${base}_other`);
  }
  return expected;
}

/**
 * Every problem of one translation against English, as a readable line:
 * missing keys, keys English does not have, empty or non-string values, and placeholders that
 * differ from the English text. Empty when the translation is complete.
 */
export function translationGaps(
  language: string,
  english: ResourceTree,
  translation: ResourceTree,
): string[] {
  const file = `apps/client/src/i18n/${language}.json`;
  const source = flattenResource(english);
  const target = flattenResource(translation);
  const expected = expectedKeys(source.keys(), language);
  const gaps: string[] = [];
  for (const [key, englishKey] of expected) {
    if (!target.has(key)) {
      gaps.push(
        `${language}: missing key "${key}" (English: "${String(source.get(englishKey))}") in ${file}`,
      );
      continue;
    }
    const value = target.get(key);
    if (typeof value !== 'string' || value.trim() === '') {
      gaps.push(`${language}: key "${key}" is empty or not a string in ${file}`);
      continue;
    }
    const want = placeholdersOf(source.get(englishKey)).join(', ');
    const have = placeholdersOf(value).join(', ');
    if (want !== have)
      gaps.push(
        `${language}: key "${key}" has placeholders [${have}] but English has [${want}] in ${file}`,
      );
  }
  for (const key of target.keys()) {
    if (!expected.has(key))
      gaps.push(`${language}: key "${key}" is not in English (remove or rename it) in ${file}`);
  }
  return gaps;
}

/** Placeholders that always hold a number of things (minutes, for `ratio`). */
const NUMBERS = new Set(['n', 'ratio', 'pre', 'post']);

/**
 * Numbers of people that are the subject of their sentence (`pre`/`post`: trainees who answered
 * before and after): the verb agrees with them even when it comes first ("odgovorilo {{pre}}").
 */
const SUBJECTS = new Set(['pre', 'post']);

/** Words that may follow a bare `{{n}}` without agreeing with it: "{{n}} of {{total}}". */
const NOT_A_NOUN = /^(of|od|од|nga)$/i;

/**
 * Keys that put a count into a sentence without i18next's plural forms, as readable lines.
 * i18next chooses a plural form only for `{{count}}` in a key with `_one`/`_other`… forms, so a
 * `{{count}}` in a plain key, a `{{n}}` directly before a word ("{{n}} sessions", in any of the
 * languages), or a number named after the noun it counts ("{{teams}} teams") reads wrongly for
 * some numbers ("1 sessions", "2 sesija"). A number as the value of a label ("Sessions: {{n}}",
 * "Documents ({{n}})") agrees with nothing and is fine.
 */
export function countsWithoutPlural(language: string, translation: ResourceTree): string[] {
  const file = `apps/client/src/i18n/${language}.json`;
  const problems: string[] = [];
  for (const [key, value] of flattenResource(translation)) {
    if (PLURAL_SUFFIX.test(key)) continue;
    const text = String(value);
    if (/\{\{\s*count\s*\}\}/.test(text)) {
      problems.push(`${language}: "${key}" has {{count}} but no plural forms in ${file}`);
      continue;
    }
    for (const [, word = '', name = ''] of text.matchAll(/(\p{L}+)\s+\{\{\s*(\w+)\s*\}\}/gu)) {
      if (SUBJECTS.has(name))
        problems.push(
          `${language}: "${key}" puts "${word}" before {{${name}}}: use {{count}} and plural forms in ${file}`,
        );
    }
    for (const [, name = '', word = ''] of text.matchAll(/\{\{\s*(\w+)\s*\}\}\s+(\p{L}+)/gu)) {
      const counted =
        (NUMBERS.has(name) && !NOT_A_NOUN.test(word)) ||
        // Unit symbols ("{{ms}} ms", "{{h}} h") do not inflect.
        (word.length > 2 && word.toLowerCase() === name.toLowerCase());
      if (counted)
        problems.push(
          `${language}: "${key}" puts {{${name}}} before "${word}": use {{count}} and plural forms in ${file}`,
        );
    }
  }
  return problems;
}
