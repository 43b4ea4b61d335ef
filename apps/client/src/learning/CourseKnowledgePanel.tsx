import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyKnowledge, Text } from '@crossroads/shared';
import { humanizeId, signed } from '../debrief/text';
import { pickText } from '../facilitator/format';
import { ErrorMessage, useApiErrorText } from '../facilitator/StaffGate';
import { useStaffResource } from '../facilitator/useStaff';
import { coursesApi } from '../lib/coursesApi';
import type { FacilitatorApi } from '../lib/facilitatorApi';
import { GroupedBars } from './charts';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);
const gain = (value: number | null) =>
  value === null ? '—' : `${signed(Math.round(value * 100))} pp`;

/** The course check over every session of the course: per agency and per question, with the gain. */
export function CourseKnowledgePanel({
  token,
  courseId,
  agencies,
}: {
  token: string;
  courseId: string;
  agencies: { id: string; name: Text }[];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const errorText = useApiErrorText();
  const load = useCallback(
    (_api: FacilitatorApi, tk: string) => coursesApi().knowledgeResults(tk, courseId),
    [courseId],
  );
  const { resource } = useStaffResource(token, load);
  if (resource.state === 'loading') return <p role="status">{t('learning.results.loading')}</p>;
  if (resource.state === 'error') return <ErrorMessage>{errorText(resource.error)}</ErrorMessage>;
  const results = resource.data;
  if (!results.check) return <p data-course-knowledge="none">{t('courses.knowledge.none')}</p>;
  if (!results.overall)
    return <p data-course-knowledge="empty">{t('courses.knowledge.noAnswers')}</p>;
  const agencyName = (id: string) => {
    if (id === '(all)') return t('learning.results.allAgencies');
    const found = agencies.find((a) => a.id === id);
    return found ? pickText(found.name, language) : humanizeId(id);
  };
  const rows: AgencyKnowledge[] = [results.overall, ...results.agencies];
  return (
    <div className="trends__section" data-course-knowledge="ready">
      <p>
        {t('courses.knowledge.summary', {
          title: pickText(results.check.title, language),
          pre: results.respondents.pre,
          post: results.respondents.post,
          sessions: results.sessions,
        })}
      </p>
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
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('learning.results.byAgency')}
      >
        <table className="learning-table" data-course-knowledge-table="agencies">
          <caption>{t('learning.results.byAgency')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('learning.results.agency')}</th>
              <th scope="col">{t('learning.results.pre')}</th>
              <th scope="col">{t('learning.results.post')}</th>
              <th scope="col">{t('learning.results.gain')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.agency}>
                <th scope="row">{agencyName(r.agency)}</th>
                <td>
                  {percent(r.pre.value)} (n = {r.pre.n})
                </td>
                <td>
                  {percent(r.post.value)} (n = {r.post.n})
                </td>
                <td>{gain(r.gain)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('learning.results.byQuestion')}
      >
        <table className="learning-table" data-course-knowledge-table="questions">
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
            {results.overall.questions.map((q) => (
              <tr key={q.question}>
                <th scope="row">{pickText(q.prompt, language)}</th>
                {q.kind === 'confidence' ? (
                  <>
                    <td>{q.pre.value === null ? '—' : q.pre.value.toFixed(1)}</td>
                    <td>{q.post.value === null ? '—' : q.post.value.toFixed(1)}</td>
                    <td>{q.gain === null ? '—' : signed(q.gain)}</td>
                  </>
                ) : (
                  <>
                    <td>{percent(q.pre.value)}</td>
                    <td>{percent(q.post.value)}</td>
                    <td>{gain(q.gain)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="trends__note">{t('learning.results.privacy')}</p>
    </div>
  );
}
