import { useTranslation } from 'react-i18next';
import type { SessionDetails } from '@crossroads/shared';
import { courseFacts, type Translate } from '../lib/courseDetails';

/** The course details as a description list; nothing when the session has none. */
export function CourseDetails({
  details,
  className = 'course-details',
}: {
  details: SessionDetails | undefined;
  className?: string;
}) {
  const { i18n } = useTranslation();
  // i18next's t is typed per key; courseFacts asks for course.* keys by name.
  const t = i18n.t.bind(i18n) as unknown as Translate;
  const facts = courseFacts(details, i18n.resolvedLanguage ?? i18n.language, t);
  if (facts.length === 0) return null;
  return (
    <dl className={className} data-course-details>
      {facts.map((f) => (
        <div key={f.key} data-course-fact={f.key}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
