import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';
import { JoinFlow } from '../trainee/JoinFlow';

/** Routes /join and /join/:code (the join link and QR code carry the code). */
export function JoinPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  usePageTitle(t('join.title'));
  return <JoinFlow key={code ?? ''} initialCode={code ?? ''} />;
}
