import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DebriefView } from '../debrief/DebriefView';
import type { DebriefContext } from '../debrief/model';
import { useDebriefRefresh } from '../debrief/Refresh';
import { ReviewLinkPanel } from '../debrief/ReviewLinkPanel';
import { SignInForm, useStaffAuth } from '../debrief/SignIn';
import { useDebriefStyles } from '../debrief/styles';
import { BackLink, useDebriefTitle } from '../debrief/pageParts';
import { loadDebrief, type DebriefCredential } from '../lib/debriefApi';
import { ApiError, staffAuthStore } from '../lib/facilitatorApi';
import { loadCredential } from '../lib/traineeStorage';

type ErrorKind =
  'notFound' | 'forbidden' | 'notReleased' | 'unauthenticated' | 'network' | 'contract' | 'generic';

type Loaded =
  | { kind: 'ready'; context: DebriefContext; credential: DebriefCredential }
  | { kind: 'error'; error: ErrorKind; message: string };
type State = { kind: 'loading' } | Loaded;

function classify(error: unknown, credential: DebriefCredential): ErrorKind {
  if (!(error instanceof ApiError)) return 'generic';
  if (error.code === 'session/not_found') return 'notFound';
  if (error.code === 'auth/unauthenticated') return 'unauthenticated';
  if (error.code === 'auth/forbidden')
    return credential.kind === 'participant' ? 'notReleased' : 'forbidden';
  if (error.code === 'network') return 'network';
  if (error.code === 'contract') return 'contract';
  return 'generic';
}

/** Route /debriefs/:sessionId: a session's debrief, for its staff or (once released) its trainees. */
export function DebriefPage() {
  useDebriefStyles();
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const auth = useStaffAuth();
  const [attempt, setAttempt] = useState(0);
  const credentials = useMemo(() => {
    const list: DebriefCredential[] = [];
    if (auth) list.push({ kind: 'staff', token: auth.token });
    const trainee = loadCredential(sessionId);
    if (trainee) list.push({ kind: 'participant', token: trainee.token });
    return list;
  }, [auth, sessionId]);
  // The answer for one request (session, credentials, attempt); another key means "loading".
  const key = `${sessionId}|${credentials.map((c) => c.token).join(',')}|${attempt}`;
  const [loaded, setLoaded] = useState<{ key: string; state: Loaded } | null>(null);
  const state: State = loaded?.key === key ? loaded.state : { kind: 'loading' };
  useDebriefTitle(state.kind === 'ready' ? state.context : null);
  // While the session runs: the same request again, its answer in place of the one shown.
  const refresh = useDebriefRefresh(
    state.kind === 'ready' ? () => loadDebrief(sessionId, state.credential) : null,
    (context) =>
      setLoaded((prev) =>
        prev?.key === key && prev.state.kind === 'ready'
          ? { key, state: { ...prev.state, context } }
          : prev,
      ),
  );

  useEffect(() => {
    if (credentials.length === 0) return;
    let live = true;
    void (async () => {
      let last: Loaded = { kind: 'error', error: 'generic', message: '' };
      for (const credential of credentials) {
        try {
          const context = await loadDebrief(sessionId, credential);
          last = { kind: 'ready', context, credential };
          break;
        } catch (error) {
          const kind = classify(error, credential);
          if (kind === 'unauthenticated' && credential.kind === 'staff') staffAuthStore().clear();
          last = {
            kind: 'error',
            error: kind,
            message: error instanceof Error ? error.message : '',
          };
          // A staff account that is not a member may still be this device's trainee: try on. The
          // server answers such an account as for a session that does not exist.
          const noRight =
            kind === 'forbidden' ||
            kind === 'unauthenticated' ||
            (kind === 'notFound' && credential.kind === 'staff');
          if (!noRight) break;
        }
      }
      if (live) setLoaded({ key, state: last });
    })();
    return () => {
      live = false;
    };
  }, [credentials, sessionId, key]);

  if (credentials.length === 0) {
    return (
      <article className="page debrief-page">
        <BackLink />
        <h1>{t('debrief.page.documentTitle')}</h1>
        <p className="lead">{t('debrief.page.signInNeeded')}</p>
        <SignInForm />
      </article>
    );
  }
  if (state.kind === 'loading') {
    return (
      <article className="page debrief-page">
        <BackLink />
        <p role="status" className="loading-screen">
          {t('debrief.page.loading')}
        </p>
      </article>
    );
  }
  if (state.kind === 'error') {
    return (
      <article className="page page--narrow debrief-page">
        <BackLink />
        <h1>{t('debrief.error.title')}</h1>
        <p className="lead" role="alert" data-debrief-error={state.error}>
          {t(`debrief.error.${state.error}`, { message: state.message })}
        </p>
        {state.error === 'network' || state.error === 'generic' || state.error === 'notReleased' ? (
          <p>
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('debrief.error.retry')}
            </button>
          </p>
        ) : null}
        {state.error === 'forbidden' || state.error === 'unauthenticated' ? <SignInForm /> : null}
      </article>
    );
  }
  return (
    <div className="page debrief-page">
      <BackLink />
      {state.credential.kind === 'staff' ? (
        <ReviewLinkPanel sessionId={sessionId} token={state.credential.token} />
      ) : null}
      <DebriefView
        context={state.context}
        credential={state.credential}
        refresh={refresh}
        replay={
          state.credential.kind === 'staff'
            ? { kind: 'session', sessionId, token: state.credential.token }
            : undefined
        }
      />
    </div>
  );
}
