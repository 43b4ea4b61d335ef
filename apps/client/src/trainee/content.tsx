import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, type Text, type WhyNot } from '@crossroads/shared';

/**
 * The language scenario content is shown in: the reader's UI language, where the scenario has
 * it (each text falls back to English on its own).
 */
export const ContentLanguageContext = createContext<Language>('en');

/** The reader's UI language as a content language (English when the UI runs in another). */
export function useReaderLanguage(): Language {
  const { i18n } = useTranslation();
  return LANGUAGES.find((l) => l === i18n.resolvedLanguage) ?? 'en';
}

/** Picks `text` in `language`, falling back to English; says which language it returned. */
export function pickText(text: Text, language: Language): { text: string; lang: Language } {
  if (typeof text === 'string') return { text, lang: 'en' };
  const translated = language === 'en' ? undefined : text[language];
  return translated ? { text: translated, lang: language } : { text: text.en, lang: 'en' };
}

/** The plain string of a scenario text in the content language (for attributes and sorting). */
export function useContentText(): (text: Text) => string {
  const language = useContext(ContentLanguageContext);
  return (text) => pickText(text, language).text;
}

/**
 * Renders scenario text as text (never as HTML). When it is in another language than the UI it
 * carries its own `lang`, so screen readers pronounce it correctly.
 */
export function Tx({
  text,
  as: Tag = 'span',
  className,
  id,
  title,
}: {
  text: Text;
  as?: 'span' | 'div' | 'p' | 'h2' | 'h3' | 'h4' | 'strong';
  className?: string;
  id?: string;
  /** A tooltip (plain text, already in the content language). */
  title?: string | undefined;
}) {
  const language = useContext(ContentLanguageContext);
  const { i18n } = useTranslation();
  const picked = pickText(text, language);
  return (
    <Tag
      className={className}
      id={id}
      title={title}
      lang={picked.lang === i18n.resolvedLanguage ? undefined : picked.lang}
    >
      {picked.text}
    </Tag>
  );
}

/** Marks text from the server (English messages) as English inside a non-English UI. */
export function ServerText({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <span lang={i18n.resolvedLanguage === 'en' ? undefined : 'en'}>{children}</span>;
}

/** Why an action is greyed out: the scenario's words in the reader's language, else the engine's English. */
export function WhyNotText({ whyNot }: { whyNot: WhyNot }) {
  return whyNot.text ? <Tx text={whyNot.text} /> : <ServerText>{whyNot.message}</ServerText>;
}

/** Turns a scenario id (`organised_group`) into words (`organised group`) when it has no label. */
export function humanise(id: string): string {
  const words = id.replace(/[_.:-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
