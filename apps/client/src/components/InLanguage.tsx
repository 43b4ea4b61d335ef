import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The `lang` attribute for text in `lang` on this page: none when the page is in that language,
 * else the language, so screen readers read it with the right voice and browsers hyphenate it so.
 */
export function useLangMark(): (lang: string) => string | undefined {
  const { i18n } = useTranslation();
  return (lang) => (lang === i18n.resolvedLanguage ? undefined : lang);
}

/** Text in `lang`, marked so when the page is in another language (see useLangMark). */
export function InLanguage({ lang, children }: { lang: string; children: ReactNode }) {
  const mark = useLangMark();
  return <span lang={mark(lang)}>{children}</span>;
}

/** Text from the server (English messages), marked as English inside a non-English page. */
export function ServerText({ children }: { children: ReactNode }) {
  return <InLanguage lang="en">{children}</InLanguage>;
}
