import { useTranslation } from 'react-i18next';

/** Shown while the first page's code loads (a deep link to a lazily loaded route). */
export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <p className="loading-screen" role="status">
      {t('app.loading')}
    </p>
  );
}
