import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewLink } from '@crossroads/shared';
import { createReviewLink } from '../lib/debriefApi';
import { ApiError } from '../lib/facilitatorApi';

type State =
  | { kind: 'idle' }
  | { kind: 'creating' }
  | { kind: 'ready'; link: ReviewLink; copied: 'ok' | 'failed' | null }
  | { kind: 'error'; error: 'forbidden' | 'network' | 'generic' };

/** Staff debrief page: create a read-only link reviewers open without an account. */
export function ReviewLinkPanel({ sessionId, token }: { sessionId: string; token: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });
  // Once a link is made, focus goes to it (its text is selected on focus, ready to copy).
  const focusLink = useRef(false);
  const linkRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.kind !== 'ready' || !focusLink.current) return;
    focusLink.current = false;
    linkRef.current?.focus();
  }, [state.kind]);

  const create = async () => {
    // Marked busy rather than disabled while creating: a focused button that becomes disabled
    // drops keyboard focus on <body>.
    if (state.kind === 'creating') return;
    focusLink.current = true;
    setState({ kind: 'creating' });
    try {
      const link = await createReviewLink(sessionId, token);
      setState({ kind: 'ready', link, copied: null });
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      setState({
        kind: 'error',
        error: code === 'auth/forbidden' ? 'forbidden' : code === 'network' ? 'network' : 'generic',
      });
    }
  };

  const copy = async (link: ReviewLink) => {
    try {
      await navigator.clipboard.writeText(link.url);
      setState({ kind: 'ready', link, copied: 'ok' });
    } catch {
      setState({ kind: 'ready', link, copied: 'failed' });
    }
  };

  return (
    <section className="review-link" aria-label={t('debrief.review.panelLabel')}>
      <p>
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={state.kind === 'creating' || undefined}
          onClick={() => void create()}
        >
          {t('debrief.review.create')}
        </button>
      </p>
      {state.kind === 'ready' ? (
        <div>
          <p className="muted">{t('debrief.review.created')}</p>
          <div className="review-link__row">
            <label className="review-link__field">
              {t('debrief.review.linkLabel')}
              <input
                type="text"
                readOnly
                value={state.link.url}
                data-review-link
                ref={linkRef}
                onFocus={(event) => event.currentTarget.select()}
              />
            </label>
            <button type="button" className="button" onClick={() => void copy(state.link)}>
              {t('debrief.review.copy')}
            </button>
          </div>
          {state.copied ? (
            <p role="status">
              {state.copied === 'ok' ? t('debrief.review.copied') : t('debrief.review.copyFailed')}
            </p>
          ) : null}
        </div>
      ) : null}
      {state.kind === 'error' ? (
        <p role="alert" className="exports__message exports__message--error">
          {t(`debrief.review.error.${state.error}`)}
        </p>
      ) : null}
    </section>
  );
}
