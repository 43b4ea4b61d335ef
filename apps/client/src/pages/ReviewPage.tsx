import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DebriefView } from '../debrief/DebriefView';
import type { DebriefContext } from '../debrief/model';
import { useDebriefRefresh } from '../debrief/Refresh';
import { useDebriefTitle } from '../debrief/pageParts';
import { useDebriefStyles } from '../debrief/styles';
import { loadReviewDebrief } from '../lib/debriefApi';
import { ApiError } from '../lib/facilitatorApi';

type ErrorKind = 'reviewNotFound' | 'network' | 'contract' | 'generic';
type Loaded =
  { kind: 'ready'; context: DebriefContext } | { kind: 'error'; error: ErrorKind; message: string };

function classify(error: unknown): ErrorKind {
  if (!(error instanceof ApiError)) return 'generic';
  if (error.code === 'session/not_found') return 'reviewNotFound';
  if (error.code === 'network') return 'network';
  if (error.code === 'contract') return 'contract';
  return 'generic';
}

/** Route /review/:token: a session's debrief through a read-only review link (no account). */
export function ReviewPage() {
  useDebriefStyles();
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [attempt, setAttempt] = useState(0);
  const key = `${token}|${attempt}`;
  const [loaded, setLoaded] = useState<{ key: string; state: Loaded } | null>(null);
  const state = loaded?.key === key ? loaded.state : null;
  useDebriefTitle(state?.kind === 'ready' ? state.context : null);
  const refresh = useDebriefRefresh(
    state?.kind === 'ready' ? () => loadReviewDebrief(token) : null,
    (context) =>
      setLoaded((prev) =>
        prev?.key === key && prev.state.kind === 'ready'
          ? { key, state: { kind: 'ready', context } }
          : prev,
      ),
  );

  useEffect(() => {
    let live = true;
    void (async () => {
      let next: Loaded;
      try {
        next = { kind: 'ready', context: await loadReviewDebrief(token) };
      } catch (error) {
        next = {
          kind: 'error',
          error: classify(error),
          message: error instanceof Error ? error.message : '',
        };
      }
      if (live) setLoaded({ key, state: next });
    })();
    return () => {
      live = false;
    };
  }, [token, key]);

  if (!state) {
    return (
      <article className="page debrief-page">
        <p role="status" className="loading-screen">
          {t('debrief.page.loading')}
        </p>
      </article>
    );
  }
  if (state.kind === 'error') {
    return (
      <article className="page page--narrow debrief-page">
        <h1>{t('debrief.error.title')}</h1>
        <p className="lead" role="alert" data-debrief-error={state.error}>
          {t(`debrief.error.${state.error}`, { message: state.message })}
        </p>
        {state.error === 'network' || state.error === 'generic' ? (
          <p>
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('debrief.error.retry')}
            </button>
          </p>
        ) : null}
      </article>
    );
  }
  return (
    <div className="page debrief-page">
      <DebriefView
        context={state.context}
        credential={null}
        replay={{ kind: 'review', token }}
        refresh={refresh}
      />
    </div>
  );
}
