import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, type Text } from '@crossroads/shared';

/*
 * Picking a scenario or server text in the reader's languages: pure functions shared by the
 * trainee pages (see trainee/content.tsx), the console and the refusal texts of both sides
 * (lib/refusals).
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

/** The reader's UI language as a content language (English when the UI runs in another). */
export function useReaderLanguage(): Language {
  const { i18n } = useTranslation();
  return LANGUAGES.find((l) => l === i18n.resolvedLanguage) ?? 'en';
}

/** The reading order for this reader (see `contentLanguages`). */
export function useContentLanguages(session?: Language): readonly Language[] {
  const reader = useReaderLanguage();
  return useMemo(() => contentLanguages(reader, session), [reader, session]);
}
