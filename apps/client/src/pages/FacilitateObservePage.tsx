import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';
import { ConsoleScreen } from '../facilitator/ConsoleScreen';
import { StaffGate } from '../facilitator/StaffGate';

/** Route /observe/:id: the console read-only, where observers pin notes to events. */
export function FacilitateObservePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('console.observerHeading'));
  return (
    <div className="page fac-page fac-page--wide">
      <StaffGate bar={false} loginHeading={t('console.observerHeading')}>
        {(auth) => <ConsoleScreen key={id} sessionId={id} kind="observer" auth={auth} />}
      </StaffGate>
    </div>
  );
}
