import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { textSchema, type Text } from '@crossroads/shared';
import { usePageTitle } from '../components/usePageTitle';
import { pickText } from '../facilitator/format';
import { ErrorMessage, StaffGate, useApiErrorText } from '../facilitator/StaffGate';
import { useStaffResource } from '../facilitator/useStaff';
import { studioApi } from '../lib/studioApi';
import { StudioEditor } from '../studio/StudioEditor';
import { getAt, parseSource } from '../studio/yamlDoc';
import '../facilitator/facilitator.css';
import '../studio/studio.css';

/**
 * A draft's title in the page's language, read from its source as it is edited; the server's title
 * (in the page's language where it has it) when the source has none that reads.
 */
function useDraftTitle(source: string | undefined, fallback: Text | undefined): string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const title = textSchema.safeParse(
      source === undefined ? undefined : getAt(parseSource(source).data, ['title']),
    );
    const words = title.success ? pickText(title.data, language).trim() : '';
    return words !== '' ? words : fallback === undefined ? '' : pickText(fallback, language);
  }, [source, fallback, language]);
}

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
  const loaded = resource.state === 'ready' ? resource.data.scenario : undefined;
  const title = useDraftTitle(loaded?.source, loaded?.title);
  if (resource.state === 'loading') return <p role="status">{t('facilitate.loading')}</p>;
  if (resource.state === 'error') return <ErrorMessage>{errorText(resource.error)}</ErrorMessage>;
  const { scenario, schema } = resource.data;
  return (
    <>
      <h1>{title}</h1>
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
