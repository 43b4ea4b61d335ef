import type { Language, Text } from '@crossroads/shared';

/*
 * Picking a scenario or server text in the reader's languages: pure functions shared by the
 * trainee pages (see trainee/content.tsx) and by the refusal texts of both sides (lib/refusals).
 */

/** The reading order for a reader in `reader` of a session in `session` (if known). */
export function contentLanguages(reader: Language, session?: Language): readonly Language[] {
  return [...new Set<Language>([reader, ...(session ? [session] : []), 'en'])];
}

/** Picks `text` in the first of `languages` it has (English last); says which it returned. */
export function pickText(
  text: Text,
  languages: Language | readonly Language[],
): { text: string; lang: Language } {
  if (typeof text === 'string') return { text, lang: 'en' };
  const order = typeof languages === 'string' ? [languages] : languages;
  for (const language of order) {
    const translated = language === 'en' ? text.en : text[language];
    if (translated) return { text: translated, lang: language };
  }
  return { text: text.en, lang: 'en' };
}
