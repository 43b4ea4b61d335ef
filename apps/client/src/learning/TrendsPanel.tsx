import { formatNumber } from '../i18n/numbers';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseTrends, RuleCount, Text, TrendSession } from '@crossroads/shared';
import { fileSlug, saveBlob } from '../debrief/download';
import { formatDateTime } from '../debrief/Exports';
import { humanizeId, signed } from '../debrief/text';
import { pickText } from '../facilitator/format';
import { ErrorMessage, useApiErrorText } from '../facilitator/StaffGate';
import { ApiError, staffAuthStore } from '../lib/facilitatorApi';
import { coursesApi } from '../lib/coursesApi';
import { GroupedBars } from './charts';
import { LineChart } from './trendCharts';
import { trendsCsv } from './trendsCsv';
import { ScrollRegion } from '../components/ScrollRegion';

const ALL = '';
const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);

function RuleTable({
  caption,
  rows,
  agencyName,
  text,
  data,
}: {
  caption: string;
  rows: RuleCount[];
  agencyName: (id: string) => string;
  text: (t: Text) => string;
  data: string;
}) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={caption}>
      <table className="learning-table" data-trends-table={data}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('courses.trends.rule')}</th>
            <th scope="col">{t('courses.trends.count')}</th>
            <th scope="col">{t('courses.trends.inSessions')}</th>
            <th scope="col">{t('courses.trends.agencies')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.ruleId}>
              <th scope="row">{text(r.title)}</th>
              <td>{r.count}</td>
              <td>{r.sessions}</td>
              <td>{r.agencies.map((a) => `${agencyName(a.agency)} ${a.count}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * Trends of a course: both axes, red-line frequency, the most missed obligations and knowledge gain
 * over the sessions, for every agency or one; filtered by scenario and, when asked, re-scored
 * under one rubric version. Every chart has its table.
 */
export function TrendsPanel({ token, courseId }: { token: string; courseId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const text = (value: Text) => pickText(value, language);
  // Means and axis ticks as this page's language writes numbers ("9,2" in Serbian).
  const points = (value: number) => formatNumber(value, language);
  const errorText = useApiErrorText();
  const ids = { scenario: useId(), rubric: useId(), agency: useId() };
  const [scenario, setScenario] = useState(ALL);
  const [rubric, setRubric] = useState(ALL);
  const [agency, setAgency] = useState(ALL);
  const [state, setState] = useState<
    | { kind: 'loading' }
    | { kind: 'ready'; trends: CourseTrends }
    | { kind: 'error'; error: ApiError }
  >({ kind: 'loading' });
  // The last figures stay on screen while new ones are computed, so the filters keep their place.
  const [shown, setShown] = useState<CourseTrends | null>(null);

  useEffect(() => {
    let live = true;
    coursesApi()
      .trends(token, courseId, { scenario: scenario || undefined, rubric: rubric || undefined })
      .then(
        (trends) => {
          if (!live) return;
          setState({ kind: 'ready', trends });
          setShown(trends);
        },
        (error: unknown) => {
          if (!live) return;
          const apiError =
            error instanceof ApiError ? error : new ApiError(0, 'network', String(error));
          if (apiError.status === 401) staffAuthStore().clear();
          setState({ kind: 'error', error: apiError });
        },
      );
    return () => {
      live = false;
    };
  }, [token, courseId, scenario, rubric]);

  /** A new filter: the figures shown stay until the new ones arrive, marked as loading. */
  const refilter = (set: (value: string) => void, value: string) => {
    setState({ kind: 'loading' });
    set(value);
  };
  const trends = shown;
  const agencyName = (id: string) => {
    if (id === '(none)') return t('courses.trends.noAgency');
    const found = trends?.agencies.find((a) => a.id === id);
    // Short names: tables and charts name an agency on every row.
    return found ? text(found.shortName ?? found.name) : humanizeId(id);
  };

  const filters = (
    <div className="trends__filters" data-trends-filters>
      <div className="trends__field">
        <label htmlFor={ids.scenario}>{t('courses.trends.scenario')}</label>
        <select
          id={ids.scenario}
          value={scenario}
          onChange={(e) => refilter(setScenario, e.target.value)}
        >
          <option value={ALL}>{t('courses.trends.allScenarios')}</option>
          {(trends?.scenarios ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {text(s.title)}
            </option>
          ))}
        </select>
      </div>
      <div className="trends__field">
        <label htmlFor={ids.rubric}>{t('courses.trends.rubric')}</label>
        <select
          id={ids.rubric}
          value={rubric}
          onChange={(e) => refilter(setRubric, e.target.value)}
        >
          <option value={ALL}>{t('courses.trends.rubricPinned')}</option>
          {(trends?.rubrics ?? []).map((r) => (
            <option key={r.version} value={r.version}>
              {r.default
                ? t('courses.trends.rubricCurrent', { version: r.version })
                : t('courses.trends.rubricVersion', { version: r.version })}
            </option>
          ))}
        </select>
      </div>
      <div className="trends__field">
        <label htmlFor={ids.agency}>{t('courses.trends.agency')}</label>
        <select id={ids.agency} value={agency} onChange={(e) => setAgency(e.target.value)}>
          <option value={ALL}>{t('courses.trends.allAgencies')}</option>
          {(trends?.agencies ?? []).map((a) => (
            <option key={a.id} value={a.id} title={text(a.name)}>
              {text(a.shortName ?? a.name)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );

  if (!trends) {
    return state.kind === 'error' ? (
      <ErrorMessage>
        {errorText(state.error, {
          // The report's filters, by the query names the server checks them under.
          fields: {
            scenario: t('courses.trends.scenario'),
            rubric: t('courses.trends.rubric'),
          },
        })}
      </ErrorMessage>
    ) : (
      <p role="status">{t('courses.trends.loading')}</p>
    );
  }

  const sessions = trends.sessions;
  const label = (i: number) => t('courses.trends.sessionLabel', { n: i + 1 });
  const xLabels = sessions.map((_, i) => label(i));
  const forAgency = (s: TrendSession) => s.agencies.find((a) => a.agency === agency);
  const knowledgeOf = (s: TrendSession) =>
    agency === ALL ? s.knowledge : s.knowledge.agencies.find((a) => a.agency === agency);
  const agencyLabel = agency === ALL ? t('courses.trends.allAgencies') : agencyName(agency);
  const redLines =
    agency === ALL
      ? trends.redLines
      : trends.redLines.flatMap((r) => {
          const hit = r.agencies.find((a) => a.agency === agency);
          return hit ? [{ ...r, count: hit.count }] : [];
        });
  const missed =
    agency === ALL
      ? trends.missedObligations
      : trends.missedObligations.flatMap((r) => {
          const hit = r.agencies.find((a) => a.agency === agency);
          return hit ? [{ ...r, count: hit.count }] : [];
        });
  const redPerSession = sessions.map((s) =>
    agency === ALL ? s.redLines : (forAgency(s)?.redLines ?? 0),
  );
  const axisValues =
    agency === ALL
      ? [sessions.map((s) => s.evidence?.mean ?? null), sessions.map((s) => s.rights?.mean ?? null)]
      : [
          sessions.map((s) => forAgency(s)?.evidence ?? null),
          sessions.map((s) => forAgency(s)?.rights ?? null),
        ];
  const agencyPoints = axisValues.flat().filter((v): v is number => v !== null);
  const axisMin = agency === ALL ? 0 : Math.min(0, ...agencyPoints);
  const axisMax = agency === ALL ? 100 : Math.max(1, ...agencyPoints);
  const hasKnowledge = sessions.some((s) => (knowledgeOf(s)?.pre.n ?? 0) > 0);

  return (
    <div className="trends" data-trends={state.kind} aria-busy={state.kind === 'loading'}>
      {filters}
      {state.kind === 'error' ? (
        <ErrorMessage>
          {errorText(state.error, {
            // The report's filters, by the query names the server checks them under.
            fields: {
              scenario: t('courses.trends.scenario'),
              rubric: t('courses.trends.rubric'),
            },
          })}
        </ErrorMessage>
      ) : null}
      <p role="status" className="trends__note">
        {state.kind === 'loading'
          ? t('courses.trends.loading')
          : t('courses.trends.summary', { count: sessions.length, agency: agencyLabel })}
      </p>
      {trends.filters.rubric ? (
        <p className="trends__note" data-trends-rescored={trends.filters.rubric}>
          {t('courses.trends.rescored', { version: trends.filters.rubric })}
        </p>
      ) : trends.rubricVersions.length > 1 ? (
        <p className="trends__warning">
          {t('courses.trends.mixed', { versions: trends.rubricVersions.join(', ') })}
        </p>
      ) : null}
      {sessions.length > 0 ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              saveBlob(
                new Blob(
                  [
                    trendsCsv(trends, (id) => {
                      const found = trends.scenarios.find((sc) => sc.id === id);
                      return found ? text(found.title) : id;
                    }),
                  ],
                  { type: 'text/csv;charset=utf-8' },
                ),
                `trends-${fileSlug(trends.course.name)}${
                  trends.filters.rubric ? `-rubric-${trends.filters.rubric}` : ''
                }.csv`,
              )
            }
          >
            {t('courses.trends.download')}
          </button>
        </p>
      ) : null}
      {sessions.length === 0 ? (
        <p data-trends-empty>{t('courses.trends.empty')}</p>
      ) : (
        <>
          <section className="trends__section" aria-labelledby="trends-axes">
            <h3 id="trends-axes">{t('courses.trends.axes.title')}</h3>
            <LineChart
              title={
                agency === ALL
                  ? t('courses.trends.axes.chart')
                  : t('courses.trends.axes.agencyChart', { agency: agencyLabel })
              }
              description={
                agency === ALL
                  ? t('courses.trends.axes.desc')
                  : t('courses.trends.axes.agencyDesc', { agency: agencyLabel })
              }
              xLabels={xLabels}
              series={[
                { name: t('courses.trends.evidence'), values: axisValues[0] ?? [] },
                { name: t('courses.trends.rights'), values: axisValues[1] ?? [] },
              ]}
              min={axisMin}
              max={axisMax}
              format={points}
            />
            <ScrollRegion label={t('courses.trends.table.caption')}>
              <table className="learning-table" data-trends-table="sessions">
                <caption>{t('courses.trends.table.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('courses.trends.table.session')}</th>
                    <th scope="col">{t('courses.trends.table.scenario')}</th>
                    <th scope="col">{t('courses.trends.table.rubric')}</th>
                    <th scope="col">{t('courses.trends.evidence')}</th>
                    <th scope="col">{t('courses.trends.rights')}</th>
                    <th scope="col">{t('courses.trends.redLines.count')}</th>
                    <th scope="col">{t('courses.trends.missed.count')}</th>
                    <th scope="col">{t('courses.trends.knowledge.gain')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sessions.map((s, i) => {
                    const a = forAgency(s);
                    const k = knowledgeOf(s);
                    return (
                      <tr key={s.session}>
                        <th scope="row">
                          {label(i)} · {formatDateTime(s.createdAt, language)}
                        </th>
                        <td>{text(s.scenario.title)}</td>
                        <td>{s.rubricVersion}</td>
                        <td>
                          {agency === ALL
                            ? s.evidence
                              ? t('courses.trends.table.range', {
                                  mean: points(s.evidence.mean),
                                  min: s.evidence.min,
                                  max: s.evidence.max,
                                })
                              : '—'
                            : a
                              ? signed(a.evidence, language)
                              : '—'}
                        </td>
                        <td>
                          {agency === ALL
                            ? s.rights
                              ? t('courses.trends.table.range', {
                                  mean: points(s.rights.mean),
                                  min: s.rights.min,
                                  max: s.rights.max,
                                })
                              : '—'
                            : a
                              ? signed(a.rights, language)
                              : '—'}
                        </td>
                        <td>{agency === ALL ? s.redLines : (a?.redLines ?? 0)}</td>
                        <td>
                          {agency === ALL ? s.missedObligations : (a?.missedObligations ?? 0)}
                        </td>
                        <td>
                          {k?.gain === null || k?.gain === undefined
                            ? '—'
                            : `${signed(Math.round(k.gain * 100), language)} pp`}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          </section>

          <section className="trends__section" aria-labelledby="trends-red">
            <h3 id="trends-red">{t('courses.trends.redLines.title')}</h3>
            <GroupedBars
              title={t('courses.trends.redLines.chart', { agency: agencyLabel })}
              groups={sessions.map((s, i) => ({
                label: `${label(i)} · ${text(s.scenario.title)}`,
                values: [redPerSession[i] ?? 0],
              }))}
              series={[t('courses.trends.redLines.count')]}
              max={Math.max(1, ...redPerSession)}
              format={(v) => String(v)}
              noData={t('courses.trends.noData')}
            />
            {redLines.length === 0 ? (
              <p>{t('courses.trends.redLines.none')}</p>
            ) : (
              <RuleTable
                caption={t('courses.trends.redLines.byRule')}
                rows={redLines}
                agencyName={agencyName}
                text={text}
                data="red-lines"
              />
            )}
          </section>

          <section className="trends__section" aria-labelledby="trends-missed">
            <h3 id="trends-missed">{t('courses.trends.missed.title')}</h3>
            {missed.length === 0 ? (
              <p>{t('courses.trends.missed.none')}</p>
            ) : (
              <>
                <GroupedBars
                  title={t('courses.trends.missed.chart', { agency: agencyLabel })}
                  groups={missed.map((r) => ({ label: text(r.title), values: [r.count] }))}
                  series={[t('courses.trends.missed.count')]}
                  max={Math.max(1, ...missed.map((r) => r.count))}
                  format={(v) => String(v)}
                  noData={t('courses.trends.noData')}
                />
                <RuleTable
                  caption={t('courses.trends.missed.byRule')}
                  rows={missed}
                  agencyName={agencyName}
                  text={text}
                  data="missed"
                />
              </>
            )}
          </section>

          <section className="trends__section" aria-labelledby="trends-knowledge">
            <h3 id="trends-knowledge">{t('courses.trends.knowledge.title')}</h3>
            {!hasKnowledge ? (
              <p>{t('courses.trends.knowledge.none')}</p>
            ) : (
              <>
                <LineChart
                  title={t('courses.trends.knowledge.chart', { agency: agencyLabel })}
                  description={t('courses.trends.knowledge.desc')}
                  xLabels={xLabels}
                  series={[
                    {
                      name: t('courses.trends.knowledge.pre'),
                      values: sessions.map((s) => knowledgeOf(s)?.pre.value ?? null),
                    },
                    {
                      name: t('courses.trends.knowledge.post'),
                      values: sessions.map((s) => knowledgeOf(s)?.post.value ?? null),
                    },
                  ]}
                  min={0}
                  max={1}
                  format={(v) => percent(v)}
                />
                <ScrollRegion label={t('courses.trends.knowledge.table')}>
                  <table className="learning-table" data-trends-table="knowledge">
                    <caption>{t('courses.trends.knowledge.table')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('courses.trends.table.session')}</th>
                        <th scope="col">{t('courses.trends.knowledge.pre')}</th>
                        <th scope="col">{t('courses.trends.knowledge.post')}</th>
                        <th scope="col">{t('courses.trends.knowledge.gain')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {sessions.map((s, i) => {
                        const k = knowledgeOf(s);
                        return (
                          <tr key={s.session}>
                            <th scope="row">{label(i)}</th>
                            <td>
                              {percent(k?.pre.value ?? null)} (n = {k?.pre.n ?? 0})
                            </td>
                            <td>
                              {percent(k?.post.value ?? null)} (n = {k?.post.n ?? 0})
                            </td>
                            <td>
                              {k?.gain === null || k?.gain === undefined
                                ? '—'
                                : `${signed(Math.round(k.gain * 100), language)} pp`}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </ScrollRegion>
                <p className="trends__note">{t('courses.trends.knowledge.privacy')}</p>
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
