import { useContext, type ReactNode } from 'react';
import { InLanguage } from './InLanguage';
import { SessionLanguageContext } from './TeamName';

/*
 * A facilitator's broadcast is shown as written, in the language it was written in: the one the
 * console recorded with it (`lang`), else (a log written before it was recorded) the session's.
 */

/** The language a facilitator's message was written in (undefined: unknown, not marked). */
export function useMessageLanguage(): (lang: string | undefined) => string | undefined {
  const session = useContext(SessionLanguageContext);
  return (lang) => lang ?? session;
}

/** A facilitator's message, marked with its language when the page is in another. */
export function FacilitatorMessage({
  lang,
  children,
}: {
  lang: string | undefined;
  children: ReactNode;
}) {
  const written = useMessageLanguage()(lang);
  return written === undefined ? (
    <>{children}</>
  ) : (
    <InLanguage lang={written}>{children}</InLanguage>
  );
}
