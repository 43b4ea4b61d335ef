import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';
import { ErrorMessage, StaffGate, useApiErrorText } from '../facilitator/StaffGate';
import { useStaffResource } from '../facilitator/useStaff';
import { studioApi } from '../lib/studioApi';
import { StudioEditor } from '../studio/StudioEditor';
import '../facilitator/facilitator.css';
import '../studio/studio.css';

function Loaded({ token, id }: { token: string; id: string }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const load = useCallback(
    async (_api: unknown, tk: string) => {
      const [scenario, schema] = await Promise.all([
        studioApi().get(tk, id),
        studioApi().schema(tk),
      ]);
      return { scenario, schema };
    },
    [id],
  );
  const { resource, reload } = useStaffResource(token, load);
  if (resource.state === 'loading') return <p role="status">{t('facilitate.loading')}</p>;
  if (resource.state === 'error') return <ErrorMessage>{errorText(resource.error)}</ErrorMessage>;
  const { scenario, schema } = resource.data;
  return (
    <>
      <h1>{scenario.title}</h1>
      <p className="studio-hint">
        <Link to="/facilitate/studio">{t('studio.back')}</Link> · {scenario.scenarioId} ·{' '}
        {scenario.owner}
      </p>
      <StudioEditor
        key={scenario.id}
        token={token}
        initial={scenario}
        schema={schema}
        reload={reload}
      />
    </>
  );
}

/** Route /facilitate/studio/:id: one studio scenario in the editor. */
export function StudioScenarioPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('studio.title'));
  return (
    <div className="page fac-page studio-page">
      <StaffGate>{(auth) => <Loaded token={auth.token} id={id} />}</StaffGate>
    </div>
  );
}
