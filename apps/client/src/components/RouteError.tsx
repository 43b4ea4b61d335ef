import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { isStaleCode, mayReloadForNewVersion, reloadForNewVersion } from '../lib/staleCode';
import { NotFoundPage } from '../pages/NotFoundPage';
import { LoadingScreen } from './LoadingScreen';
import { usePageTitle } from './usePageTitle';

function ErrorMessage() {
  const { t } = useTranslation();
  usePageTitle(t('error.title'));
  return (
    <article className="page page--narrow" role="alert">
      <h1>{t('error.title')}</h1>
      <p className="lead">{t('error.body')}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </button>
      </p>
    </article>
  );
}

/** Shown inside the layout when a page fails to load or render (a 404 response gets the 404 page). */
export function RouteError() {
  const error = useRouteError();
  // The page's code is gone since a server update: reload once, here, at the address opened.
  const [reloading] = useState(() => isStaleCode(error) && mayReloadForNewVersion());
  useEffect(() => {
    if (reloading) reloadForNewVersion();
  }, [reloading]);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (reloading) return <LoadingScreen />;
  return <ErrorMessage />;
}
