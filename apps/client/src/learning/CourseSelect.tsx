import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseListItem } from '@crossroads/shared';
import { coursesApi } from '../lib/coursesApi';

/**
 * "Part of a course" on the new-session form: the staff member's courses, so a session is in its
 * course before anyone joins (trainees then get the course's knowledge check from the start).
 * Renders nothing while there are no courses.
 */
export function CourseSelect({
  token,
  value,
  onChange,
}: {
  token: string;
  value: string;
  onChange: (course: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [courses, setCourses] = useState<CourseListItem[]>([]);
  useEffect(() => {
    let live = true;
    coursesApi()
      .list(token)
      .then((list) => live && setCourses(list))
      .catch(() => live && setCourses([]));
    return () => {
      live = false;
    };
  }, [token]);
  if (courses.length === 0) return null;
  return (
    <div className="fac-field">
      <label htmlFor={id}>{t('courses.newSession.label')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-help`}
      >
        <option value="">{t('courses.newSession.none')}</option>
        {courses.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <p id={`${id}-help`} className="fac-help">
        {t('courses.newSession.help')}
      </p>
    </div>
  );
}
