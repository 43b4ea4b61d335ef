import { useEffect, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SessionListItem } from '@crossroads/shared';
import { usePageTitle } from '../components/usePageTitle';
import { formatDateTime } from '../debrief/Exports';
import { sessionContext } from '../facilitator/format';
import { rememberDebriefFile } from '../debrief/fileStore';
import { fromDebriefFile } from '../debrief/model';
import { SignInForm, useStaffAuth } from '../debrief/SignIn';
import { useDebriefStyles } from '../debrief/styles';
import { contentLanguage, pick, sessionIdFrom } from '../debrief/text';
import { createFacilitatorApi, staffAuthStore, type StaffAuth } from '../lib/facilitatorApi';
import { listCredentials } from '../lib/traineeStorage';

const STATUS_ORDER = { ended: 0, paused: 1, running: 2, lobby: 3 } as const;

function StaffSessions({ auth }: { auth: StaffAuth }) {
  const { t, i18n } = useTranslation();
  const language = contentLanguage(i18n.language);
  const headingId = useId();
  const [state, setState] = useState<
    | { kind: 'loading' }
    | { kind: 'ready'; sessions: SessionListItem[] }
    | { kind: 'error'; message: string }
  >({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    createFacilitatorApi()
      .sessions(auth.token)
      .then(
        (sessions) => {
          if (!live) return;
          const sorted = [...sessions].sort(
            (a, b) =>
              STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
              b.createdAt.localeCompare(a.createdAt),
          );
          setState({ kind: 'ready', sessions: sorted });
        },
        (error: unknown) => {
          if (live)
            setState({ kind: 'error', message: error instanceof Error ? error.message : '' });
        },
      );
    return () => {
      live = false;
    };
  }, [auth.token]);

  return (
    <section aria-labelledby={headingId} className="debrief-block">
      <h2 id={headingId}>{t('debrief.list.staffTitle')}</h2>
      <p>
        {t('debrief.list.signedInAs', { name: auth.account.username })}{' '}
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => staffAuthStore().clear()}
        >
          {t('debrief.list.signOut')}
        </button>
      </p>
      {state.kind === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {state.kind === 'error' ? (
        <p className="form-error">{t('debrief.list.loadFailed', { message: state.message })}</p>
      ) : null}
      {state.kind === 'ready' && state.sessions.length === 0 ? (
        <p>{t('debrief.list.staffEmpty')}</p>
      ) : null}
      {state.kind === 'ready' && state.sessions.length > 0 ? (
        <ul className="debrief-list" data-session-list>
          {state.sessions.map((s) => (
            <li key={s.id} data-session={s.id}>
              <div>
                <h3>{s.details?.title ?? pick(s.scenario.title, language)}</h3>
                <p className="muted">
                  {sessionContext(s, pick(s.scenario.title, language))}
                  {t(`debrief.list.status.${s.status}`)} ·{' '}
                  {t('debrief.list.created', { date: formatDateTime(s.createdAt, i18n.language) })}{' '}
                  · {t('debrief.list.participants', { n: s.participants })}
                </p>
                <p className="muted">{s.teams.map((team) => team.name).join(', ')}</p>
              </div>
              <Link className="button button--small" to={`/debriefs/${s.id}`}>
                {t('debrief.list.open')}
                <span className="visually-hidden">
                  : {s.details?.title ?? pick(s.scenario.title, language)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function TraineeSessions() {
  const { t, i18n } = useTranslation();
  const language = contentLanguage(i18n.language);
  const headingId = useId();
  const credentials = useMemo(() => listCredentials(), []);
  if (credentials.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="debrief-block">
      <h2 id={headingId}>{t('debrief.list.traineeTitle')}</h2>
      <p>{t('debrief.list.traineeLead')}</p>
      <ul className="debrief-list">
        {credentials.map((c) => (
          <li key={c.session}>
            <div>
              <h3>{pick(c.title, language)}</h3>
              <p className="muted">{c.displayName}</p>
            </div>
            <Link className="button button--small" to={`/debriefs/${c.session}`}>
              {t('debrief.list.open')}
              <span className="visually-hidden">: {pick(c.title, language)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OpenByLink() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = sessionIdFrom(value);
    if (!id) {
      setError(true);
      return;
    }
    void navigate(`/debriefs/${id}`);
  };
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('debrief.list.linkTitle')}</h2>
      <form className="debrief-form" onSubmit={submit}>
        <label htmlFor={inputId}>
          {t('debrief.list.linkLabel')}
          <input
            id={inputId}
            type="text"
            value={value}
            aria-describedby={hintId}
            aria-invalid={error}
            onChange={(e) => {
              setValue(e.target.value);
              setError(false);
            }}
          />
        </label>
        <p id={hintId} className="muted">
          {error ? <span className="form-error">{t('debrief.list.linkInvalid')} </span> : null}
          {t('debrief.list.linkHint')}
        </p>
        <div>
          <button type="submit" className="button button--secondary">
            {t('debrief.list.openLink')}
          </button>
        </div>
      </form>
    </section>
  );
}

function OpenFile() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState(false);
  const headingId = useId();
  const inputId = useId();
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const context = fromDebriefFile(await file.text());
    if (!context) {
      setError(true);
      return;
    }
    setError(false);
    rememberDebriefFile(context);
    void navigate('/debriefs/file');
  };
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('debrief.list.fileTitle')}</h2>
      <p>{t('debrief.list.fileLead')}</p>
      <div className="debrief-form">
        <label htmlFor={inputId}>
          {t('debrief.list.fileLabel')}
          <input
            id={inputId}
            type="file"
            accept=".json,application/json"
            onChange={(e) => void onFile(e)}
          />
        </label>
        <p className="form-error" role="alert">
          {error ? t('debrief.list.fileInvalid') : ''}
        </p>
      </div>
    </section>
  );
}

/** Route /debriefs: the sessions the user can review, and other ways to open a debrief. */
export function DebriefsPage() {
  useDebriefStyles();
  const { t } = useTranslation();
  usePageTitle(t('debrief.list.title'));
  const auth = useStaffAuth();
  return (
    <article className="page debrief-page">
      <h1>{t('debrief.list.title')}</h1>
      <p className="lead">{t('debrief.list.lead')}</p>
      {auth ? <StaffSessions auth={auth} /> : <SignInForm />}
      {auth ? (
        <p>
          <Link to="/reports/participation">{t('reports.participation.rangeLink')}</Link>
        </p>
      ) : null}
      <TraineeSessions />
      <OpenByLink />
      <OpenFile />
    </article>
  );
}
