import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Course, CourseCheckOption, SessionListItem, Text } from '@crossroads/shared';
import { usePageTitle } from '../components/usePageTitle';
import { formatDateTime } from '../debrief/Exports';
import { pickText } from '../facilitator/format';
import { ErrorMessage, StaffGate, useApiErrorText } from '../facilitator/StaffGate';
import { facilitatorApi, useStaffResource } from '../facilitator/useStaff';
import { CourseKnowledgePanel } from '../learning/CourseKnowledgePanel';
import { TrendsPanel } from '../learning/TrendsPanel';
import { coursesApi } from '../lib/coursesApi';
import { ApiError, type FacilitatorApi } from '../lib/facilitatorApi';
import { useCheckLabel, useCourseFieldLabels } from './CoursesPage';
import '../learning/trends.css';

const STATUS_KEYS = {
  lobby: 'courses.status.lobby',
  running: 'courses.status.running',
  paused: 'courses.status.paused',
  ended: 'courses.status.ended',
} as const;

function CourseDetail({ token, initial }: { token: string; initial: Course }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const errorText = useApiErrorText();
  const checkLabel = useCheckLabel();
  const courseFields = useCourseFieldLabels();
  const ids = { add: useId(), check: useId() };
  const [course, setCourse] = useState(initial);
  const [mine, setMine] = useState<SessionListItem[]>([]);
  const [checks, setChecks] = useState<CourseCheckOption[]>([]);
  const [agencies, setAgencies] = useState<{ id: string; name: Text }[]>([]);
  const [pick, setPick] = useState('');
  const [check, setCheck] = useState(
    initial.knowledgeCheck ? `${initial.knowledgeCheck.id}@${initial.knowledgeCheck.version}` : '',
  );
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ReactNode>(null);
  usePageTitle(course.name);

  useEffect(() => {
    let live = true;
    facilitatorApi()
      .sessions(token)
      .then((list) => live && setMine(list.filter((s) => s.memberRole !== 'observer')))
      .catch(() => live && setMine([]));
    facilitatorApi()
      .scenarios(token)
      .then((list) => {
        if (!live) return;
        const names = new Map<string, Text>();
        for (const a of list.flatMap((sc) => sc.agencies))
          if (!names.has(a.id)) names.set(a.id, a.name);
        setAgencies([...names.entries()].map(([agency, name]) => ({ id: agency, name })));
      })
      .catch(() => live && setAgencies([]));
    coursesApi()
      .checks(token)
      .then((list) => live && setChecks(list))
      .catch(() => live && setChecks([]));
    return () => {
      live = false;
    };
  }, [token]);

  const run = (work: Promise<Course | null>, done: string) => {
    setError(null);
    setMessage(null);
    work.then(
      (next) => {
        if (next) setCourse(next);
        setMessage(done);
      },
      (e: unknown) =>
        setError(
          e instanceof ApiError
            ? errorText(e, {
                fields: courseFields,
              })
            : String(e),
        ),
    );
  };

  const inCourse = new Set(course.sessions.map((s) => s.id));
  const addable = mine.filter((s) => !inCourse.has(s.id));
  const known = new Map(mine.map((s) => [s.id, s]));
  /*
   * One line per session that tells sessions of one scenario apart (a trainer often prepares
   * several in a row): the name it was given, the scenario, the place, when it was created, its
   * status, teams, participants and, where this account may see it, the join code, which is
   * unique to the session and what the lobby and the projector showed the room.
   */
  const sessionText = (s: {
    id: string;
    scenario: { title: Text };
    createdAt: string;
    status: keyof typeof STATUS_KEYS;
    teams: number;
    participants: number;
  }) => {
    const listed = known.get(s.id);
    const parts = [
      listed?.details?.title,
      pickText(s.scenario.title, language),
      listed?.details?.place,
      formatDateTime(s.createdAt, language),
      t(STATUS_KEYS[s.status]),
      t('facilitate.sessions.teams', { count: s.teams }),
      t('facilitate.sessions.participants', { count: s.participants }),
      listed?.joinCode ? t('facilitate.sessions.code', { code: listed.joinCode }) : undefined,
    ];
    return parts
      .filter((part): part is string => typeof part === 'string' && part !== '')
      .join(' · ');
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!pick) return;
    run(coursesApi().addSession(token, course.id, pick), t('courses.sessions.added'));
    setPick('');
  };
  const saveCheck = (event: FormEvent) => {
    event.preventDefault();
    const [id, version] = check.split('@');
    run(
      coursesApi().update(token, course.id, {
        knowledgeCheck: id ? { id, ...(version ? { version } : {}) } : null,
      }),
      t('courses.form.saved'),
    );
  };

  return (
    <div className="trends" data-course={course.id}>
      <p>
        <Link to="/facilitate/courses">{t('courses.back')}</Link>
      </p>
      {course.description ? <p className="lead">{course.description}</p> : null}
      <p role="status" className="trends__note">
        {message ?? ''}
      </p>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}

      <section className="panel trends__section" aria-labelledby="course-sessions">
        <h2 id="course-sessions">{t('courses.sessions.title')}</h2>
        {course.sessions.length === 0 ? (
          <p>{t('courses.sessions.empty')}</p>
        ) : (
          <ol className="trends__list" data-course-sessions>
            {course.sessions.map((s, i) => (
              <li key={s.id} className="trends__item">
                <span>
                  {t('courses.trends.sessionLabel', { n: i + 1 })} ·{' '}
                  <Link to={`/debriefs/${s.id}`}>{sessionText(s)}</Link>
                </span>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={t('courses.sessions.removeLabel', { session: sessionText(s) })}
                  onClick={() =>
                    run(
                      coursesApi().removeSession(token, course.id, s.id),
                      t('courses.sessions.removed'),
                    )
                  }
                >
                  {t('courses.sessions.remove')}
                </button>
              </li>
            ))}
          </ol>
        )}
        <p>
          <Link className="button" to={`/facilitate/sessions/new?course=${course.id}`}>
            {t('courses.newSession.start')}
          </Link>
        </p>
        <form className="trends__filters" onSubmit={add}>
          <div className="trends__field">
            <label htmlFor={ids.add}>{t('courses.sessions.add')}</label>
            <select id={ids.add} value={pick} onChange={(e) => setPick(e.target.value)}>
              <option value="">
                {addable.length === 0
                  ? t('courses.sessions.noneToAdd')
                  : t('courses.sessions.pick')}
              </option>
              {addable.map((s) => (
                <option key={s.id} value={s.id}>
                  {sessionText({ ...s, teams: s.teams.length })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={!pick}>
            {t('courses.sessions.addButton')}
          </button>
        </form>
      </section>

      <section className="panel trends__section" aria-labelledby="course-trends">
        <h2 id="course-trends">{t('courses.trends.title')}</h2>
        <TrendsPanel
          key={course.sessions.map((s) => s.id).join(',')}
          token={token}
          courseId={course.id}
        />
      </section>

      <section className="panel trends__section" aria-labelledby="course-knowledge">
        <h2 id="course-knowledge">{t('courses.knowledge.title')}</h2>
        <form className="trends__filters" onSubmit={saveCheck}>
          <div className="trends__field">
            <label htmlFor={ids.check}>{t('courses.form.check')}</label>
            <select id={ids.check} value={check} onChange={(e) => setCheck(e.target.value)}>
              <option value="">{t('courses.form.checkNone')}</option>
              {checks.map((c) => (
                <option key={`${c.id}@${c.version}`} value={`${c.id}@${c.version}`}>
                  {checkLabel(c)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t('courses.form.save')}
          </button>
        </form>
        <p className="trends__note">{t('courses.knowledge.how')}</p>
        <CourseKnowledgePanel
          // A new check or new sessions: fetched again.
          key={`${course.knowledgeCheck?.id ?? ''}@${course.knowledgeCheck?.version ?? ''}|${course.sessions.length}`}
          token={token}
          courseId={course.id}
          agencies={agencies}
        />
      </section>

      <div className="trends__section">
        <p>
          {confirmDelete ? (
            <>
              <button
                type="button"
                className="button"
                onClick={() =>
                  coursesApi()
                    .remove(token, course.id)
                    .then(
                      () => navigate('/facilitate/courses'),
                      (e: unknown) => setError(e instanceof ApiError ? errorText(e) : String(e)),
                    )
                }
              >
                {t('courses.deleteConfirm')}
              </button>{' '}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setConfirmDelete(false)}
              >
                {t('courses.deleteCancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirmDelete(true)}
            >
              {t('courses.delete')}
            </button>
          )}
        </p>
      </div>
    </div>
  );
}

function CourseLoader({ token, id }: { token: string; id: string }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const load = useCallback((_api: FacilitatorApi, tk: string) => coursesApi().get(tk, id), [id]);
  const { resource } = useStaffResource(token, load);
  if (resource.state === 'loading') return <p role="status">{t('facilitate.loading')}</p>;
  if (resource.state === 'error') return <ErrorMessage>{errorText(resource.error)}</ErrorMessage>;
  return (
    <>
      <h1>{resource.data.name}</h1>
      <CourseDetail token={token} initial={resource.data} />
    </>
  );
}

/** Route /facilitate/courses/:id: a course, its sessions, its trends and its knowledge check. */
export function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('courses.title'));
  return (
    <div className="page fac-page">
      <StaffGate>{(auth) => <CourseLoader key={id} token={auth.token} id={id} />}</StaffGate>
    </div>
  );
}
