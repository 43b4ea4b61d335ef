import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from './usePageTitle';

export interface ComingSoonProps {
  title: string;
  lead: string;
  /** What the finished page will let the user do, one sentence each. */
  coming: readonly string[];
}

/** A page that is not built yet: its title, what it is for, and what it will do. */
export function ComingSoon({ title, lead, coming }: ComingSoonProps) {
  const { t } = useTranslation();
  const comingId = useId();
  usePageTitle(title);
  return (
    <article className="page page--narrow">
      <p className="badge">{t('placeholder.badge')}</p>
      <h1>{title}</h1>
      <p className="lead">{lead}</p>
      <section className="panel" aria-labelledby={comingId}>
        <h2 id={comingId}>{t('placeholder.comingTitle')}</h2>
        <ul className="checklist">
          {coming.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
      <p>
        <Link to="/" className="back-link">
          <span aria-hidden="true">←</span> {t('placeholder.backHome')}
        </Link>
      </p>
    </article>
  );
}
