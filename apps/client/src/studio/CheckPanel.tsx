import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorText } from '../facilitator/StaffGate';
import { ApiError } from '../lib/facilitatorApi';
import type { StudioAnalysis, StudioPreview } from '@crossroads/shared';
import { pickText } from '../facilitator/format';
import { formatUnit } from '../i18n/numbers';
import { studioApi } from '../lib/studioApi';
import { scenarioNames } from './scenarioNames';
import { parseSource } from './yamlDoc';
import { actionWords, effectWords } from './stepWords';

/** The part of the scenarios package's ScenarioAnalysis this panel shows. */
interface AnalysisView {
  reachableEndings: string[];
  endings: string[];
  boundHit: boolean;
  states: number;
  unreachable: { phases: string[]; options: string[]; endings: string[] };
  deadEnds: {
    count: number;
    examples: {
      phase: string;
      clock: number;
      path: { role: string | null; type: string; payload: unknown }[];
    }[];
  };
  viewLeaks: { role: string; item: string; kind: string }[];
  paths: {
    perEnding: Record<
      string,
      { count: number; shortest: number | null; longest: number | null; realised: number }
    >;
  };
}

export interface OptionRef {
  decision: string;
  option: string;
}

/** scenarios:check on the current text, and the legal model's preview of any option. */
export function CheckPanel({
  token,
  source,
  options,
}: {
  token: string;
  source: string;
  options: OptionRef[];
}) {
  const { t, i18n } = useTranslation();
  const [analysis, setAnalysis] = useState<StudioAnalysis | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReactNode>(null);
  const errorText = useApiErrorText();
  // The server's refusal in the page's language (its English words only as a detail).
  const failed = (e: unknown): ReactNode =>
    e instanceof ApiError ? errorText(e) : (e as Error).message;
  const [choice, setChoice] = useState(0);
  const [preview, setPreview] = useState<StudioPreview | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setAnalysis(await studioApi().analyse(token, source));
    } catch (e) {
      setError(failed(e));
    } finally {
      setBusy(false);
    }
  };
  const runPreview = async () => {
    const o = options[choice];
    if (!o) return;
    setError(null);
    try {
      setPreview(await studioApi().preview(token, source, o.decision, o.option));
    } catch (e) {
      setError(failed(e));
    }
  };
  const a = analysis?.analysis as AnalysisView | null | undefined;
  const language = i18n.resolvedLanguage ?? 'en';
  // The scenario's names for what the engine's answers give by id (read here, not on the server:
  // the page has the text, and an action not yet replayed has no answer).
  const names = useMemo(
    () => scenarioNames(parseSource(source).data, language),
    [source, language],
  );

  return (
    <div className="studio-check-panel">
      <section aria-labelledby="studio-analysis">
        <h2 id="studio-analysis">{t('studio.check.title')}</h2>
        <p>{t('studio.check.lead')}</p>
        <button type="button" className="button" onClick={() => void run()} disabled={busy}>
          {busy ? t('studio.check.running') : t('studio.check.run')}
        </button>
        {error ? (
          <p role="alert" className="fac-error">
            {error}
          </p>
        ) : null}
        {analysis && !a ? (
          <p role="alert">{t('studio.check.invalid', { count: analysis.errors.length })}</p>
        ) : null}
        {a ? (
          <div className="studio-analysis" role="status">
            <p className={analysis?.ok ? 'studio-ok' : 'studio-bad'}>
              {analysis?.ok ? t('studio.check.sound') : t('studio.check.unsound')} ·{' '}
              {t('studio.check.states', { count: a.states })}
              {a.boundHit ? ` · ${t('studio.check.bounded')}` : ''} ·{' '}
              {Math.round(analysis?.ms ?? 0)} ms
            </p>
            <h3>{t('studio.check.routes')}</h3>
            <table className="studio-table">
              <thead>
                <tr>
                  <th scope="col">{t('studio.check.ending')}</th>
                  <th scope="col">{t('studio.check.reachable')}</th>
                  <th scope="col">{t('studio.check.routeCount')}</th>
                  <th scope="col">{t('studio.check.steps')}</th>
                </tr>
              </thead>
              <tbody>
                {a.endings.map((ending) => {
                  const r = a.paths.perEnding[ending];
                  return (
                    <tr key={ending}>
                      <th scope="row">{names.ending(ending)}</th>
                      <td>
                        {a.reachableEndings.includes(ending)
                          ? t('studio.check.yes')
                          : t('studio.check.no')}
                      </td>
                      <td>
                        {r
                          ? `${r.count} (${t('studio.check.realised', { count: r.realised })})`
                          : '0'}
                      </td>
                      <td>
                        {r && r.shortest !== null
                          ? `${r.shortest}–${r.longest ?? r.shortest}`
                          : '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <h3>{t('studio.check.deadEnds', { count: a.deadEnds.count })}</h3>
            <ul>
              {a.deadEnds.examples.map((d, i) => (
                <li key={i}>
                  {t('studio.check.deadEndAt', {
                    phase: names.phase(d.phase),
                    clock: d.clock,
                    count: d.path.length,
                  })}
                </li>
              ))}
            </ul>
            <h3>{t('studio.check.leaks', { count: a.viewLeaks.length })}</h3>
            <ul>
              {a.viewLeaks.map((l, i) => (
                <li key={i}>
                  {t('studio.check.leak', { item: names.item(l.item), role: names.agency(l.role) })}
                </li>
              ))}
            </ul>
            <h3>{t('studio.check.unreachable')}</h3>
            <ul>
              {[
                ...a.unreachable.phases.map((x) => [x, names.phase(x)] as const),
                ...a.unreachable.options.map((x) => [x, names.optionKey(x)] as const),
                ...a.unreachable.endings.map((x) => [x, names.ending(x)] as const),
              ].map(([key, name]) => (
                <li key={key}>{name}</li>
              ))}
              {a.unreachable.phases.length +
                a.unreachable.options.length +
                a.unreachable.endings.length ===
              0 ? (
                <li>{t('studio.check.allReached')}</li>
              ) : null}
            </ul>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="studio-preview">
        <h2 id="studio-preview">{t('studio.preview.title')}</h2>
        <p>{t('studio.preview.lead')}</p>
        <label className="studio-field">
          <span className="studio-field__label">{t('studio.preview.option')}</span>
          <select value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
            {options.map((o, i) => (
              <option key={`${o.decision}/${o.option}`} value={i}>
                {names.decision(o.decision)} → {names.option(o.decision, o.option)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          onClick={() => void runPreview()}
          disabled={options.length === 0}
        >
          {t('studio.preview.run')}
        </button>
        {preview ? (
          <div className="studio-preview" role="status">
            {!preview.ok ? <p>{preview.message}</p> : null}
            {preview.path.length > 0 ? (
              <p>
                {t('studio.preview.after', {
                  steps: preview.path.map((p) => actionWords(t, p.action, language)).join(' → '),
                })}
              </p>
            ) : null}
            {preview.waited ? (
              <p data-waited={preview.waited.minutes}>
                {t('studio.preview.waited', {
                  duration: formatUnit(t, preview.waited.minutes, 'minutes', language),
                  from: preview.waited.from,
                  until: preview.waited.until,
                  resource: pickText(preview.waited.resource, language),
                })}
              </p>
            ) : null}
            {preview.effects.length > 0 ? (
              <p>
                {t('studio.preview.effects', {
                  effects: preview.effects
                    .map((e) => effectWords(t, e, language, names.agency))
                    .join('; '),
                })}
              </p>
            ) : null}
            {preview.ok && preview.items.length === 0 ? <p>{t('studio.preview.nothing')}</p> : null}
            <ul className="studio-preview__items">
              {preview.items.map((item, i) => (
                <li key={i} className={item.points < 0 ? 'studio-bad' : 'studio-ok'}>
                  <strong>
                    {item.points > 0 ? '+' : ''}
                    {item.points}{' '}
                    {t(`studio.preview.axis.${item.axis === 'rights' ? 'rights' : 'evidence'}`)}
                  </strong>{' '}
                  {pickText(item.title, language)} <code>{item.ruleId}</code>
                  {item.counted ? '' : ` (${t('studio.preview.notCounted')})`}
                  <br />
                  <small>
                    {pickText(item.explanation, language)}{' '}
                    {item.legalBasis.length > 0 ? `— ${item.legalBasis.join('; ')}` : ''}
                  </small>
                </li>
              ))}
            </ul>
            {preview.redLines.length > 0 ? (
              <p className="studio-bad">
                {t('studio.preview.redLines', { rules: preview.redLines.join(', ') })}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>
    </div>
  );
}
