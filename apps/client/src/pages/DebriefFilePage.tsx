import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DebriefView } from '../debrief/DebriefView';
import { recallDebriefFile } from '../debrief/fileStore';
import { BackLink, useDebriefTitle } from '../debrief/pageParts';
import { useDebriefStyles } from '../debrief/styles';

/** Route /debriefs/file: a debrief file a reviewer opened (no account, read-only). */
export function DebriefFilePage() {
  useDebriefStyles();
  const { t } = useTranslation();
  const context = useMemo(() => recallDebriefFile(), []);
  useDebriefTitle(context);
  if (!context) {
    return (
      <article className="page page--narrow debrief-page">
        <BackLink />
        <h1>{t('debrief.page.documentTitle')}</h1>
        <p className="lead">{t('debrief.page.fileMissing')}</p>
      </article>
    );
  }
  return (
    <div className="page debrief-page">
      <BackLink />
      <DebriefView context={context} credential={null} />
    </div>
  );
}
