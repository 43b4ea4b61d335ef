import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Text } from '@crossroads/shared';
import { humanizeId } from '../debrief/text';
import { pickText } from '../facilitator/format';
import { ErrorMessage, useApiErrorText } from '../facilitator/StaffGate';
import { useStaffResource } from '../facilitator/useStaff';
import { coursesApi } from '../lib/coursesApi';
import type { FacilitatorApi } from '../lib/facilitatorApi';
import { KnowledgeTables } from './KnowledgeResultsPanel';

/** The course check over every session of the course: per agency and per question, with the gain. */
export function CourseKnowledgePanel({
  token,
  courseId,
  agencies,
}: {
  token: string;
  courseId: string;
  agencies: { id: string; name: Text; shortName?: Text | undefined }[];
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
    if (id === '(none)') return t('learning.results.noAgency');
    const found = agencies.find((a) => a.id === id);
    // Short names: the tables name an agency on every row.
    return found ? pickText(found.shortName ?? found.name, language) : humanizeId(id);
  };
  return (
    <div className="trends__section" data-course-knowledge="ready">
      <p>
        {t('courses.knowledge.summary', {
          title: pickText(results.check.title, language),
          // Each count gets its own sentence part, so each agrees with its own number.
          before: t('learning.results.answeredBefore', { count: results.respondents.pre }),
          after: t('learning.results.answeredAfter', { count: results.respondents.post }),
          count: results.sessions,
        })}
      </p>
      <KnowledgeTables
        overall={results.overall}
        agencies={results.agencies}
        agencyName={agencyName}
        prompt={(text) => pickText(text, language)}
      />
    </div>
  );
}
