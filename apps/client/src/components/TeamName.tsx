import { createContext, Fragment, useContext } from 'react';
import { useLangMark } from './InLanguage';

/*
 * Team names are typed by the facilitator in the session's language; a page in another language
 * marks them with it (as scenario texts are marked, see facilitator/consoleText), so a screen reader
 * reads "Tim Sever" in an English page with the Serbian voice. The pages that show a session
 * (console, projector, trainee page, debrief) give its language below them.
 */

/** The session's language (what its team names were typed in); undefined: unknown, not marked. */
export const SessionLanguageContext = createContext<string | undefined>(undefined);

/** The `lang` attribute for an element holding just a team name (an option, a heading). */
export function useTeamNameLang(): string | undefined {
  const language = useContext(SessionLanguageContext);
  const mark = useLangMark();
  return language === undefined ? undefined : mark(language);
}

/** A team's name, marked with the session's language when the page is in another. */
export function TeamName({ name }: { name: string }) {
  const lang = useTeamNameLang();
  return lang === undefined ? <>{name}</> : <span lang={lang}>{name}</span>;
}

const SLOT = '\uE000';

/**
 * A translated sentence with a team's name in it: `sentence` gets a placeholder for the name and
 * the name goes in its place, marked (see TeamName).
 */
export function WithTeamName({
  sentence,
  name,
}: {
  sentence: (team: string) => string;
  name: string;
}) {
  const pieces = sentence(SLOT).split(SLOT);
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>
          {i > 0 ? <TeamName name={name} /> : null}
          {piece}
        </Fragment>
      ))}
    </>
  );
}
