import { useCallback, useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { studioScenarioIdSchema } from '@crossroads/shared';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';
import { pickText } from '../facilitator/format';
import { ErrorMessage, StaffGate, useApiErrorText } from '../facilitator/StaffGate';
import { useStaffResource } from '../facilitator/useStaff';
import type { FacilitatorApi } from '../lib/facilitatorApi';
import { ApiError } from '../lib/facilitatorApi';
import { studioApi } from '../lib/studioApi';
import { parseSource } from '../studio/yamlDoc';
import '../facilitator/facilitator.css';
import '../studio/studio.css';

/** A scenario id from a file's name (`Prelaz Drina.yaml` → `prelaz-drina`), when one can be made. */
export function idFromFileName(name: string): string | undefined {
  const id = name
    .replace(/\.[^.]*$/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return studioScenarioIdSchema.safeParse(id).success ? id : undefined;
}

/**
 * What an imported file holds, read before any draft is made: text that is not YAML or JSON, or
 * not a scenario's named fields at all, would make a draft with no id ("untitled") and nothing a
 * form can show. A scenario without an id takes one from the file's name.
 */
export function readImport(
  name: string,
  text: string,
):
  | { ok: true; scenarioId: string | undefined }
  | { ok: false; reason: 'syntax'; line: number | null }
  | { ok: false; reason: 'notScenario' } {
  const parsed = parseSource(text);
  if (parsed.syntaxError !== null) return { ok: false, reason: 'syntax', line: parsed.syntaxLine };
  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, reason: 'notScenario' };
  const id = (data as { id?: unknown }).id;
  return {
    ok: true,
    scenarioId: typeof id === 'string' && id !== '' ? undefined : idFromFileName(name),
  };
}

function StudioHome({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const navigate = useNavigate();
  const load = useCallback(async (api: FacilitatorApi, tk: string) => {
    const [list, templates, catalogue] = await Promise.all([
      studioApi().list(tk),
      studioApi().templates(tk),
      api.scenarios(tk),
    ]);
    return { list, templates, catalogue };
  }, []);
  const { resource } = useStaffResource(token, load);
  const [template, setTemplate] = useState('starter');
  const [copyOf, setCopyOf] = useState('');
  const [scenarioId, setScenarioId] = useState('');
  const [error, setError] = useState<ReactNode>(null);
  // Creating a draft checks its text on the server (seconds for a long file): meanwhile the page
  // says so, and a second click does not create a second draft.
  const [busy, setBusy] = useState(false);
  const language = i18n.resolvedLanguage ?? 'en';

  if (resource.state === 'loading') return <p role="status">{t('facilitate.loading')}</p>;
  if (resource.state === 'error') return <ErrorMessage>{errorText(resource.error)}</ErrorMessage>;
  const { list, templates, catalogue } = resource.data;

  const create = async (body: Parameters<ReturnType<typeof studioApi>['create']>[1]) => {
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      const created = await studioApi().create(token, body);
      await navigate(`/facilitate/studio/${created.id}`);
    } catch (e) {
      setBusy(false);
      setError(
        e instanceof ApiError
          ? errorText(e, {
              fields: {
                scenarioId: t('studio.home.scenarioId'),
                source: t('studio.home.import'),
                template: t('studio.home.template'),
                catalogue: t('studio.home.copy'),
              },
            })
          : (e as Error).message,
      );
    }
  };
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    // The same file chosen again (fixed meanwhile) is a change too.
    event.target.value = '';
    const source = await file.text();
    const read = readImport(file.name, source);
    if (!read.ok) {
      setError(
        read.reason === 'notScenario'
          ? t('studio.home.importNotScenario', { file: file.name })
          : read.line !== null
            ? t('studio.home.importUnreadableAt', { file: file.name, line: read.line })
            : t('studio.home.importUnreadable', { file: file.name }),
      );
      return;
    }
    const named = id.scenarioId ?? read.scenarioId;
    await create({ source, ...(named === undefined ? {} : { scenarioId: named }) });
  };
  const id = scenarioId.trim() === '' ? {} : { scenarioId: scenarioId.trim() };

  return (
    <div className="studio-home">
      <section className="panel" aria-labelledby="studio-new">
        <h2 id="studio-new">{t('studio.home.newTitle')}</h2>
        <label className="studio-field">
          <span className="studio-field__label">{t('studio.home.scenarioId')}</span>
          <input
            type="text"
            value={scenarioId}
            placeholder="my-case"
            onChange={(e) => setScenarioId(e.target.value)}
            aria-describedby="studio-id-hint"
          />
          <span className="studio-hint" id="studio-id-hint">
            {t('studio.home.scenarioIdHint')}
          </span>
        </label>
        <div className="studio-home__ways">
          <div>
            <label className="studio-field">
              <span className="studio-field__label">{t('studio.home.template')}</span>
              <select value={template} onChange={(e) => setTemplate(e.target.value)}>
                {templates.map((x) => (
                  <option key={x.id} value={x.id}>
                    {pickText(x.title, language)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void create({ template, ...id })}
            >
              {t('studio.home.fromTemplate')}
            </button>
          </div>
          <div>
            <label className="studio-field">
              <span className="studio-field__label">{t('studio.home.copy')}</span>
              <select value={copyOf} onChange={(e) => setCopyOf(e.target.value)}>
                <option value="">—</option>
                {catalogue.map((s) => (
                  <option key={s.id} value={s.id}>
                    {pickText(s.title, language)} ({s.version})
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button button--secondary"
              disabled={copyOf === '' || busy}
              onClick={() => void create({ catalogue: copyOf, ...id })}
            >
              {t('studio.home.fromCopy')}
            </button>
          </div>
          <div>
            <label className="studio-field">
              <span className="studio-field__label">{t('studio.home.import')}</span>
              <input
                type="file"
                accept=".yaml,.yml,.json,text/yaml,application/json"
                disabled={busy}
                onChange={(e) => void importFile(e)}
              />
            </label>
          </div>
        </div>
        <p role="status" className="studio-hint">
          {busy ? t('studio.home.creating') : null}
        </p>
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      </section>
      <section aria-labelledby="studio-drafts">
        <h2 id="studio-drafts">{t('studio.home.drafts')}</h2>
        {list.length === 0 ? <p>{t('studio.home.none')}</p> : null}
        <ul className="studio-list">
          {list.map((s) => (
            <li key={s.id}>
              <Link to={`/facilitate/studio/${s.id}`}>{pickText(s.title, language)}</Link>{' '}
              <span className="studio-hint">
                {s.scenarioId} · {s.owner} ·{' '}
                {s.versions.length > 0
                  ? t('studio.home.published', {
                      versions: s.versions.map((v) => v.version).join(', '),
                    })
                  : t('studio.home.unpublished')}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** Route /facilitate/studio: the authoring studio's start: new drafts and the list of drafts. */
export function StudioPage() {
  const { t } = useTranslation();
  usePageTitle(t('studio.title'));
  return (
    <div className="page fac-page">
      <h1>{t('studio.title')}</h1>
      <StaffGate>{(auth) => <StudioHome token={auth.token} />}</StaffGate>
    </div>
  );
}
