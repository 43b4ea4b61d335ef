import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyKnowledge, KnowledgeResults, Text } from '@crossroads/shared';
import { fetchKnowledgeResults, type ReplaySource } from '../lib/debriefApi';
import { useContent } from '../debrief/parts';
import { humanizeId, signed } from '../debrief/text';
import { formatNumber } from '../i18n/numbers';
import { GroupedBars } from './charts';
import { ScrollRegion } from '../components/ScrollRegion';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);
const points = (value: number | null, language: string | undefined) =>
  value === null ? '—' : formatNumber(value, language);
const gainText = (
  value: number | null,
  unit: 'percent' | 'points',
  language: string | undefined,
) =>
  value === null
    ? '—'
    : unit === 'percent'
      ? `${signed(Math.round(value * 100), language)} pp`
      : signed(value, language);

/** Knowledge-check results of a session: per agency and per question, before and after. */
export function KnowledgeResultsPanel({
  source,
  agencies,
}: {
  source: ReplaySource;
  agencies: Record<string, Text>;
}) {
  const { t } = useTranslation();
  const { text } = useContent();
  const [results, setResults] = useState<KnowledgeResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sourceKey =
    source.kind === 'session' ? `${source.sessionId}|${source.token}` : source.token;
  useEffect(() => {
    let live = true;
    fetchKnowledgeResults(source)
      .then((r) => live && setResults(r))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : ''));
    return () => {
      live = false;
    };
    // `source` is identified by sourceKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceKey]);

  if (error !== null) return <p role="alert">{t('learning.results.error', { message: error })}</p>;
  if (!results) return <p role="status">{t('learning.results.loading')}</p>;
  if (!results.check) return <p data-knowledge-results="none">{t('learning.results.noCheck')}</p>;
  if (!results.overall)
    return <p data-knowledge-results="empty">{t('learning.results.noAnswers')}</p>;
  const agencyName = (id: string) => {
    if (id === '(all)') return t('learning.results.allAgencies');
    if (id === '(none)') return t('learning.results.noAgency');
    const name = agencies[id];
    return name ? text(name) : humanizeId(id);
  };
  return (
    <div className="knowledge-results" data-knowledge-results="ready">
      <p>
        {t('learning.results.summary', {
          title: text(results.check.title),
          // Each count gets its own sentence part, so each agrees with its own number.
          before: t('learning.results.answeredBefore', { count: results.respondents.pre }),
          after: t('learning.results.answeredAfter', { count: results.respondents.post }),
        })}
      </p>
      <KnowledgeTables
        overall={results.overall}
        agencies={results.agencies}
        agencyName={agencyName}
        prompt={text}
      />
    </div>
  );
}

/**
 * The chart and tables of knowledge-check results (a session's or a course's): each agency before and
 * after with its gain and confidence, then each question. Shared so both read the same way.
 */
export function KnowledgeTables({
  overall,
  agencies,
  agencyName,
  prompt,
}: {
  overall: AgencyKnowledge;
  agencies: AgencyKnowledge[];
  agencyName: (id: string) => string;
  prompt: (text: AgencyKnowledge['questions'][number]['prompt']) => string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const rows: AgencyKnowledge[] = [overall, ...agencies];
  const questions = overall.questions;
  return (
    <>
      <GroupedBars
        title={t('learning.results.chartTitle')}
        groups={rows.map((r) => ({
          label: agencyName(r.agency),
          values: [r.pre.value, r.post.value],
        }))}
        series={[t('learning.results.pre'), t('learning.results.post')]}
        max={1}
        format={(v) => percent(v)}
        noData={t('learning.results.noData')}
      />
      <ScrollRegion label={t('learning.results.byAgency')}>
        <table className="learning-table" data-knowledge-table="agencies">
          <caption>{t('learning.results.byAgency')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('learning.results.agency')}</th>
              <th scope="col">{t('learning.results.pre')}</th>
              <th scope="col">{t('learning.results.post')}</th>
              <th scope="col">{t('learning.results.gain')}</th>
              <th scope="col">{t('learning.results.confidence')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.agency} data-agency={r.agency}>
                <th scope="row">{agencyName(r.agency)}</th>
                <td>
                  {percent(r.pre.value)} <span className="muted">(n={r.pre.n})</span>
                </td>
                <td>
                  {percent(r.post.value)} <span className="muted">(n={r.post.n})</span>
                </td>
                <td data-gain>{gainText(r.gain, 'percent', language)}</td>
                <td>
                  {points(r.confidencePre.value, language)} →{' '}
                  {points(r.confidencePost.value, language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ScrollRegion label={t('learning.results.byQuestion')}>
        <table className="learning-table" data-knowledge-table="questions">
          <caption>{t('learning.results.byQuestion')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('learning.results.question')}</th>
              <th scope="col">{t('learning.results.pre')}</th>
              <th scope="col">{t('learning.results.post')}</th>
              <th scope="col">{t('learning.results.gain')}</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q) => {
              const confidence = q.kind === 'confidence';
              const show = (v: number | null) => (confidence ? points(v, language) : percent(v));
              return (
                <tr key={q.question} data-question={q.question}>
                  <th scope="row">
                    {prompt(q.prompt)}
                    {confidence ? (
                      <span className="muted"> ({t('learning.results.confidenceScale')})</span>
                    ) : null}
                  </th>
                  <td>{show(q.pre.value)}</td>
                  <td>{show(q.post.value)}</td>
                  <td>{gainText(q.gain, confidence ? 'points' : 'percent', language)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="muted">{t('learning.results.privacy')}</p>
    </>
  );
}
