import { useTranslation } from 'react-i18next';
import type { SessionDetails } from '@crossroads/shared';
import { sessionFacts, type Translate } from '../lib/sessionDetails';

/** The session details (title, place, days, …) as a description list; nothing when the session has none. */
export function SessionDetailsList({
  details,
  className = 'session-details',
}: {
  details: SessionDetails | undefined;
  className?: string;
}) {
  const { i18n } = useTranslation();
  // i18next's t is typed per key; sessionFacts asks for sessionDetails.* keys by name.
  const t = i18n.t.bind(i18n) as unknown as Translate;
  const facts = sessionFacts(details, i18n.resolvedLanguage ?? i18n.language, t);
  if (facts.length === 0) return null;
  return (
    <dl className={className} data-session-details>
      {facts.map((f) => (
        <div key={f.key} data-session-fact={f.key}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
