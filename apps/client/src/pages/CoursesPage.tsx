import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CourseCheckOption } from '@crossroads/shared';
import type { FieldLabels } from '../components/ValidationDetails';
import { usePageTitle } from '../components/usePageTitle';
import { pickText } from '../facilitator/format';
import { ErrorMessage, StaffGate, useApiErrorText } from '../facilitator/StaffGate';
import { useStaffResource } from '../facilitator/useStaff';
import { coursesApi } from '../lib/coursesApi';
import { ApiError, type FacilitatorApi } from '../lib/facilitatorApi';
import '../learning/trends.css';

const loadCourses = (_api: FacilitatorApi, token: string) => coursesApi().list(token);
const loadChecks = (_api: FacilitatorApi, token: string) => coursesApi().checks(token);

/** The label of a library check in a choice: its title, version and what it was written for. */
export function useCheckLabel(): (check: CourseCheckOption) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return (check) =>
    `${pickText(check.title, language)} (${check.version}) · ${
      check.scenarios.length === 0
        ? t('courses.form.forCourses')
        : t('courses.form.forScenarios', { scenarios: check.scenarios.join(', ') })
    }`;
}

/** The course forms' names for the fields a refused course request names. */
export function useCourseFieldLabels(): FieldLabels {
  const { t } = useTranslation();
  return {
    name: t('courses.form.name'),
    description: t('courses.form.description'),
    knowledgeCheck: t('courses.form.check'),
  };
}

function NewCourse({ token }: { token: string }) {
  const { t } = useTranslation();
  const courseFields = useCourseFieldLabels();
  const navigate = useNavigate();
  const errorText = useApiErrorText();
  const checkLabel = useCheckLabel();
  const ids = { name: useId(), description: useId(), check: useId() };
  const { resource } = useStaffResource(token, loadChecks);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [check, setCheck] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReactNode>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const [id, version] = check.split('@');
    coursesApi()
      .create(token, {
        name,
        description,
        knowledgeCheck: id ? { id, ...(version ? { version } : {}) } : null,
      })
      .then(
        (course) => navigate(`/facilitate/courses/${course.id}`),
        (e: unknown) => {
          setBusy(false);
          setError(
            e instanceof ApiError
              ? errorText(e, {
                  fields: courseFields,
                })
              : String(e),
          );
        },
      );
  };

  return (
    <form className="panel trends__section" onSubmit={submit} aria-labelledby="course-new">
      <h2 id="course-new">{t('courses.form.title')}</h2>
      <div className="trends__filters">
        <div className="trends__field">
          <label htmlFor={ids.name}>{t('courses.form.name')}</label>
          <input
            id={ids.name}
            value={name}
            required
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="trends__field">
          <label htmlFor={ids.check}>{t('courses.form.check')}</label>
          <select id={ids.check} value={check} onChange={(e) => setCheck(e.target.value)}>
            <option value="">{t('courses.form.checkNone')}</option>
            {resource.state === 'ready'
              ? resource.data.map((c) => (
                  <option key={`${c.id}@${c.version}`} value={`${c.id}@${c.version}`}>
                    {checkLabel(c)}
                  </option>
                ))
              : null}
          </select>
        </div>
      </div>
      <div className="trends__field">
        <label htmlFor={ids.description}>{t('courses.form.description')}</label>
        <textarea
          id={ids.description}
          value={description}
          maxLength={2000}
          rows={2}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <p>
        <button type="submit" className="button" disabled={busy || name.trim() === ''}>
          {busy ? t('courses.form.creating') : t('courses.form.create')}
        </button>
      </p>
    </form>
  );
}

function CourseList({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const errorText = useApiErrorText();
  const { resource, reload } = useStaffResource(token, loadCourses);
  if (resource.state === 'loading') return <p role="status">{t('facilitate.loading')}</p>;
  if (resource.state === 'error')
    return (
      <>
        <ErrorMessage>{errorText(resource.error)}</ErrorMessage>
        <button type="button" className="button" onClick={reload}>
          {t('facilitate.retry')}
        </button>
      </>
    );
  return (
    <section className="trends__section" aria-labelledby="course-list">
      <h2 id="course-list">{t('courses.list.title')}</h2>
      {resource.data.length === 0 ? (
        <p>{t('courses.list.empty')}</p>
      ) : (
        <ul className="trends__list" data-course-list>
          {resource.data.map((course) => (
            <li key={course.id} className="trends__item">
              <Link to={`/facilitate/courses/${course.id}`}>{course.name}</Link>
              <span className="trends__note">
                {t('courses.list.sessions', { n: course.sessions })} ·{' '}
                {course.knowledgeCheck
                  ? t('courses.list.check', {
                      title: pickText(course.knowledgeCheck.title, language),
                    })
                  : t('courses.list.noCheck')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Route /facilitate/courses: the courses (cohorts) this account owns, and a new one. */
export function CoursesPage() {
  const { t } = useTranslation();
  usePageTitle(t('courses.title'));
  return (
    <div className="page fac-page">
      <h1>{t('courses.title')}</h1>
      <StaffGate>
        {(auth) => (
          <div className="trends">
            <p className="lead">{t('courses.lead')}</p>
            <p>
              <Link to="/facilitate">{t('courses.backToSessions')}</Link>
            </p>
            <CourseList token={auth.token} />
            <NewCourse token={auth.token} />
          </div>
        )}
      </StaffGate>
    </div>
  );
}
