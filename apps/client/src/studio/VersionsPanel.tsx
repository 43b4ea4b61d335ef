import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, useApiErrorText } from '../facilitator/StaffGate';
import { ApiError } from '../lib/facilitatorApi';
import { Link } from 'react-router';
import type { StudioDiff, StudioScenario } from '@crossroads/shared';
import { studioApi } from '../lib/studioApi';
import { problemWords } from './problemWords';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Publishing, the published versions, a readable diff between any two, exports, new session. */
export function VersionsPanel({
  token,
  scenario,
  dirty,
  onPublished,
}: {
  token: string;
  scenario: StudioScenario;
  dirty: boolean;
  onPublished: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const versions = scenario.versions;
  const [from, setFrom] = useState(versions[0]?.version ?? 'draft');
  const [to, setTo] = useState('draft');
  const [diff, setDiff] = useState<StudioDiff | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ReactNode>(null);
  const errorText = useApiErrorText();
  // The server's refusal in the page's language (its English words only as a detail).
  const failed = (e: unknown): ReactNode =>
    e instanceof ApiError ? errorText(e) : (e as Error).message;
  const choices = ['draft', ...versions.map((v) => v.version)];

  const publish = async () => {
    setError(null);
    setMessage(null);
    try {
      const v = await studioApi().publish(token, scenario.id);
      setMessage(t('studio.versions.published', { version: v.version }));
      onPublished();
    } catch (e) {
      // A draft the server will not publish (one that names a rubric rule or states a legal
      // conclusion, or no longer validates): each problem in the page's language, as the editor
      // words the checker's, with its line and path.
      const problems = e instanceof ApiError ? e.details.filter((d) => d.code !== undefined) : [];
      setError(
        problems.length > 0 ? (
          <>
            {t('studio.versions.refused')}
            <ul className="fac-error__details">
              {problems.map((d, i) => (
                <li key={i} data-problem-path={d.path}>
                  {d.line !== undefined ? `${t('studio.status.line', { line: d.line })} ` : ''}
                  {problemWords(t, language, d)}{' '}
                  {d.path !== '' ? <code className="studio-hint">{d.path}</code> : null}
                </li>
              ))}
            </ul>
          </>
        ) : (
          failed(e)
        ),
      );
    }
  };
  const compare = async () => {
    setError(null);
    try {
      setDiff(await studioApi().diff(token, scenario.id, from, to));
    } catch (e) {
      setError(failed(e));
    }
  };
  const exportVersion = async (version: string) => {
    try {
      const text = await studioApi().exportText(token, scenario.id, version);
      download(`${scenario.scenarioId}-${version}.yaml`, text);
    } catch (e) {
      setError(failed(e));
    }
  };

  return (
    <div className="studio-versions">
      <section aria-labelledby="studio-publish">
        <h2 id="studio-publish">{t('studio.versions.publishTitle')}</h2>
        <p>{t('studio.versions.publishLead', { version: scenario.validation.version ?? '?' })}</p>
        {dirty ? <p className="studio-hint">{t('studio.versions.saveFirst')}</p> : null}
        <button
          type="button"
          className="button"
          disabled={dirty || !scenario.validation.ok}
          onClick={() => void publish()}
        >
          {t('studio.versions.publish', { version: scenario.validation.version ?? '?' })}
        </button>
        {message ? (
          <p role="status" className="studio-ok">
            {message}
          </p>
        ) : null}
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      </section>
      <section aria-labelledby="studio-version-list">
        <h2 id="studio-version-list">{t('studio.versions.title')}</h2>
        {versions.length === 0 ? <p>{t('studio.versions.none')}</p> : null}
        <ul className="studio-version-list">
          {versions.map((v) => (
            <li key={v.version}>
              <strong>{v.version}</strong> · {new Date(v.publishedAt).toLocaleString()} ·{' '}
              {v.publishedBy}{' '}
              <Link
                className="button button--secondary"
                to={`/facilitate/sessions/new?scenario=${encodeURIComponent(scenario.scenarioId)}&version=${encodeURIComponent(v.version)}`}
              >
                {t('studio.versions.startSession', { version: v.version })}
              </Link>{' '}
              <button
                type="button"
                className="studio-link"
                onClick={() => void exportVersion(v.version)}
              >
                {t('studio.versions.export')}
              </button>
            </li>
          ))}
          <li>
            <strong>{t('studio.versions.draft')}</strong>{' '}
            <button
              type="button"
              className="studio-link"
              onClick={() => void exportVersion('draft')}
            >
              {t('studio.versions.export')}
            </button>
          </li>
        </ul>
      </section>
      <section aria-labelledby="studio-diff">
        <h2 id="studio-diff">{t('studio.versions.diffTitle')}</h2>
        <div className="studio-diff__controls">
          <label>
            {t('studio.versions.from')}{' '}
            <select value={from} onChange={(e) => setFrom(e.target.value)}>
              {choices.map((c) => (
                <option key={c} value={c}>
                  {c === 'draft' ? t('studio.versions.draft') : c}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('studio.versions.to')}{' '}
            <select value={to} onChange={(e) => setTo(e.target.value)}>
              {choices.map((c) => (
                <option key={c} value={c}>
                  {c === 'draft' ? t('studio.versions.draft') : c}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" className="button button--secondary" onClick={() => void compare()}>
            {t('studio.versions.compare')}
          </button>
        </div>
        {diff ? (
          diff.changes.length === 0 ? (
            <p role="status">{t('studio.versions.same')}</p>
          ) : (
            <table className="studio-table" role="status">
              <thead>
                <tr>
                  <th scope="col">{t('studio.versions.where')}</th>
                  <th scope="col">{t('studio.versions.before')}</th>
                  <th scope="col">{t('studio.versions.after')}</th>
                </tr>
              </thead>
              <tbody>
                {diff.changes.map((c, i) => (
                  <tr key={i} className={`studio-diff--${c.kind}`}>
                    <th scope="row">
                      {c.path} <small>({t(`studio.versions.kind.${c.kind}`)})</small>
                    </th>
                    <td>{c.before ?? ''}</td>
                    <td>{c.after ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : null}
      </section>
    </div>
  );
}
