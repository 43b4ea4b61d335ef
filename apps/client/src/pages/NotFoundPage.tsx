import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';

/** Any unknown address. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.documentTitle'));
  return (
    <article className="page page--narrow">
      <p className="error-code" aria-hidden="true">
        404
      </p>
      <h1>{t('notFound.title')}</h1>
      <p className="lead">{t('notFound.body')}</p>
      <p>
        <Link to="/" className="button">
          {t('notFound.home')}
        </Link>
      </p>
    </article>
  );
}
