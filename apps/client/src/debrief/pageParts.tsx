import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';
import type { DebriefContext } from './model';
import { contentLanguage, pick } from './text';

/** "Debrief: <scenario>" as the document title once a debrief is shown. */
export function useDebriefTitle(context: DebriefContext | null) {
  const { t, i18n } = useTranslation();
  const title = context
    ? `${t('debrief.page.documentTitle')}: ${pick(context.debrief.scenario.title, contentLanguage(i18n.language))}`
    : t('debrief.page.documentTitle');
  usePageTitle(title);
}

/** Back to the list of debriefs. */
export function BackLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/debriefs" className="back-link">
        <span aria-hidden="true">←</span> {t('debrief.page.back')}
      </Link>
    </p>
  );
}
