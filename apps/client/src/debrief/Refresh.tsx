import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './Exports';
import type { DebriefContext } from './model';

/*
 * A debrief opened while its session runs is a projection made when it was generated. It is
 * refreshed when the reader asks (a button), not on a timer: in a classroom the facilitator talks
 * the room through the page on a projector, and figures, rows and open details that change under
 * them mid-sentence (or a screen reader's place that moves) would be worse than a page that says
 * when it was made and offers "Refresh now". A refresh keeps the page (team, scroll, filters) and
 * replaces only what the server answers.
 */

export type RefreshState = 'idle' | 'busy' | 'done' | 'failed';

export interface DebriefRefresh {
  state: RefreshState;
  /** Loads the debrief again; ignored while a refresh is under way. */
  run: () => void;
}

/**
 * A refresh for a debrief page: `load` fetches the debrief again (null: nothing to refresh yet),
 * `apply` puts what it loaded in place of what is shown.
 */
export function useDebriefRefresh(
  load: (() => Promise<DebriefContext>) | null,
  apply: (context: DebriefContext) => void,
): DebriefRefresh | undefined {
  const [state, setState] = useState<RefreshState>('idle');
  const busy = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  if (!load) return undefined;
  const run = () => {
    if (busy.current) return;
    busy.current = true;
    setState('busy');
    load().then(
      (context) => {
        busy.current = false;
        if (!mounted.current) return;
        apply(context);
        setState('done');
      },
      () => {
        busy.current = false;
        if (mounted.current) setState('failed');
      },
    );
  };
  return { state, run };
}

/**
 * The projection notice of a running session's debrief with its refresh button, and the status line
 * that says how the last refresh went (read out by screen readers).
 */
export function ProjectionNotice({
  context,
  projection,
  refresh,
}: {
  context: DebriefContext;
  projection: boolean;
  refresh: DebriefRefresh | undefined;
}) {
  const { t, i18n } = useTranslation();
  const status = useRef<HTMLParagraphElement>(null);
  const generated = formatDateTime(context.generatedAt, i18n.language);
  const done = refresh?.state === 'done';
  useEffect(() => {
    // The session ended since: the button is gone, so the keyboard goes to what the refresh said.
    if (done && !projection && status.current && document.activeElement === document.body)
      status.current.focus();
  }, [done, projection]);
  if (!projection && !refresh) return null;
  const busy = refresh?.state === 'busy';
  return (
    <>
      {projection ? (
        <div className="notice notice--projection" data-debrief-projection>
          <p>{t('debrief.header.projection')}</p>
          {refresh ? (
            <>
              <p className="muted">{t('debrief.header.refreshHint')}</p>
              <p>
                <button
                  type="button"
                  className="button button--small button--secondary"
                  // Not `disabled` while busy: a disabled button drops the keyboard focus.
                  aria-disabled={busy}
                  onClick={() => refresh.run()}
                  data-debrief-refresh
                >
                  {busy ? t('debrief.header.refreshing') : t('debrief.header.refresh')}
                </button>
              </p>
            </>
          ) : null}
        </div>
      ) : null}
      {refresh ? (
        <p className="refresh-status" role="status" ref={status} tabIndex={-1}>
          {refresh.state === 'done'
            ? t('debrief.header.refreshed', { time: generated })
            : refresh.state === 'failed'
              ? t('debrief.header.refreshFailed', { time: generated })
              : ''}
        </p>
      ) : null}
    </>
  );
}
