import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';
import { ConsoleScreen } from '../facilitator/ConsoleScreen';
import { StaffGate } from '../facilitator/StaffGate';

/** Route /facilitate/sessions/:id: the lobby, then the live console of one session. */
export function FacilitateSessionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('console.heading'));
  return (
    <div className="page fac-page fac-page--wide">
      <StaffGate bar={false} loginHeading={t('console.heading')}>
        {(auth) => <ConsoleScreen key={id} sessionId={id} kind="facilitator" auth={auth} />}
      </StaffGate>
    </div>
  );
}
