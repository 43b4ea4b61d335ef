import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReplaySource } from '../../lib/debriefApi';

/** From a debrief (staff or review link) to its after-action report and participation report. */
export function ReportLinks({ source }: { source: ReplaySource }) {
  const { t } = useTranslation();
  const base =
    source.kind === 'session'
      ? `/debriefs/${encodeURIComponent(source.sessionId)}`
      : `/review/${encodeURIComponent(source.token)}`;
  return (
    <nav aria-label={t('reports.links.label')} className="panel" data-report-links>
      <h2>{t('reports.links.title')}</h2>
      <ul>
        <li>
          <Link to={`${base}/aar`}>{t('reports.aar.title')}</Link> — {t('reports.links.aar')}
        </li>
        <li>
          <Link to={`${base}/participation`}>{t('reports.participation.title')}</Link> —{' '}
          {t('reports.links.participation')}
        </li>
      </ul>
    </nav>
  );
}
