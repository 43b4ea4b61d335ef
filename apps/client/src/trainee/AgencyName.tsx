import { useContext } from 'react';
import { pickText } from '../lib/contentText';
import { ContentLanguageContext, Tx } from './content';
import { usePlay } from './context';

/**
 * An agency by its short name (the scenario's `shortName`, else its name) with the full name as
 * its tooltip: for the header and the rows that repeat an agency (requests, chat, signatures, the
 * case file), where the full name on every line buries what the line says.
 */
export function AgencyName({ id, className }: { id: string | null; className?: string }) {
  const { agencyName, agencyShortName } = usePlay();
  const language = useContext(ContentLanguageContext);
  const short = agencyShortName(id);
  const full = pickText(agencyName(id), language).text;
  const shown = pickText(short, language).text;
  return (
    <Tx
      text={short}
      {...(className !== undefined ? { className } : {})}
      title={full !== shown ? full : undefined}
    />
  );
}
