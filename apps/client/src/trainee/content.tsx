import { createContext, useContext, type ReactNode } from 'react';
import type { Language, Text, WhyNot } from '@crossroads/shared';
import { useTranslation } from 'react-i18next';
import { InLanguage, useLangMark } from '../components/InLanguage';
import { SessionLanguageContext } from '../components/TeamName';
import { pickText } from '../lib/contentText';
import { errorHeadline, refusalDetail } from './errors';
import { ResourceWaitText } from './ResourceWait';

/**
 * The languages scenario content is read in, best first: the reader's UI language, then the
 * session's language, then English (which every scenario has). Each text takes the first of
 * them it has, on its own, so a scenario with Serbian texts but no Macedonian ones reads in
 * Serbian to a Macedonian reader of a Serbian session rather than in English.
 */
export const ContentLanguageContext = createContext<readonly Language[]>(['en']);

/**
 * The content languages (see ContentLanguageContext) and the session's language (what its team
 * names were typed in, see TeamName) for everything below it.
 */
export function ContentLanguages({
  languages,
  session,
  children,
}: {
  languages: readonly Language[];
  session: Language;
  children: ReactNode;
}) {
  return (
    <ContentLanguageContext.Provider value={languages}>
      <SessionLanguageContext.Provider value={session}>{children}</SessionLanguageContext.Provider>
    </ContentLanguageContext.Provider>
  );
}

/** The plain string of a scenario text in the content language (for attributes and sorting). */
export function useContentText(): (text: Text) => string {
  const languages = useContext(ContentLanguageContext);
  return (text) => pickText(text, languages).text;
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
  const languages = useContext(ContentLanguageContext);
  const mark = useLangMark();
  const picked = pickText(text, languages);
  return (
    <Tag className={className} id={id} title={title} lang={mark(picked.lang)}>
      {picked.text}
    </Tag>
  );
}

/**
 * Why an action is greyed out: the translated headline of its code, then the scenario's or the
 * engine's words when they add something to it (the same rule as a refused command's answer, so
 * "Already decided." is not followed by "Already decided." again). An action waiting for a scarce
 * resource says from when it is free instead (see ResourceWaitText).
 */
export function WhyNotText({ whyNot }: { whyNot: WhyNot }) {
  const { t, i18n } = useTranslation();
  const languages = useContext(ContentLanguageContext);
  const detail = refusalDetail(t, i18n.resolvedLanguage, languages, whyNot);
  return (
    <>
      {errorHeadline(t, whyNot.code)}
      {whyNot.wait ? (
        <>
          {' '}
          <ResourceWaitText wait={whyNot.wait} />
        </>
      ) : detail === null ? null : (
        <>
          {' '}
          <InLanguage lang={detail.lang}>{detail.text}</InLanguage>
        </>
      )}
    </>
  );
}

/** Turns a scenario id (`organised_group`) into words (`organised group`) when it has no label. */
export function humanise(id: string): string {
  const words = id.replace(/[_.:-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
