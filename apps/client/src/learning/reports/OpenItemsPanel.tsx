import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImprovementItem } from '@crossroads/shared';
import { useContent } from '../../debrief/parts';
import { fetchImprovementItems } from '../../lib/reportsApi';

/**
 * The improvement-plan items still open from earlier sessions of a scenario, shown while preparing
 * the next one so the exercise can check them.
 */
export function OpenItemsPanel({ token, scenario }: { token: string; scenario: string }) {
  const { t } = useTranslation();
  const { text } = useContent();
  const [loaded, setLoaded] = useState<{ key: string; items: ImprovementItem[] | null } | null>(
    null,
  );
  useEffect(() => {
    let live = true;
    fetchImprovementItems(token, { status: 'open,in_progress', scenario }).then(
      (items) => live && setLoaded({ key: scenario, items }),
      () => live && setLoaded({ key: scenario, items: null }),
    );
    return () => {
      live = false;
    };
  }, [token, scenario]);
  const items = loaded?.key === scenario ? loaded.items : undefined;
  if (items === undefined || items === null || items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="open-items" data-open-items={items.length}>
      <h2 id="open-items">{t('reports.openItems.title', { count: items.length })}</h2>
      <p className="muted">{t('reports.openItems.lead')}</p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <strong>{text(item.agencyName)}</strong>: {item.action} ({item.owner},{' '}
            {t('reports.openItems.due', { date: item.dueDate })},{' '}
            {t(`reports.status.${item.status}`)}) —{' '}
            <Link to={`/debriefs/${item.session}/aar`}>{t('reports.openItems.source')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
