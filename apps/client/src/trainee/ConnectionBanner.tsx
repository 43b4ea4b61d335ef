import type { ReactNode } from 'react';
import { ErrorCode, type ServerNotice } from '@crossroads/shared';
import { useTranslation } from 'react-i18next';
import { ServerText } from '../components/InLanguage';
import { StatusIcon } from '../components/StatusIcon';
import { useStickyInset } from '../components/useStickyInset';
import { usePlay } from './context';
import { errorHeadline, serverDetail } from './errors';
import { FeedbackBar } from './Feedback';

/**
 * A server notice in the reader's language: the trainee's headline for its code, then the
 * server's English only where it says more than the headline (marked as English), or, for a code
 * this client does not know, after the headline that says something unexpected happened.
 */
export function NoticeText({ notice }: { notice: ServerNotice }) {
  const { t, i18n } = useTranslation();
  const detail = serverDetail(t, i18n.resolvedLanguage, notice.code, notice.message);
  return (
    <>
      {errorHeadline(t, notice.code)}
      {detail === null ? null : (
        <>
          {' '}
          <ServerText>{detail}</ServerText>
        </>
      )}
    </>
  );
}

/**
 * The connection state, kept in view (it sits in the sticky bar with the tabs): reconnecting with
 * what is waiting to be sent, stopped with a button to try again (and why, when the server said),
 * reloaded after the server closed a connection that fell behind, or any other notice the server
 * sent; and a one-line reminder while the session is paused. The slot is a live region that stays
 * in the page.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { snapshot, session, finished } = usePlay();
  const { connection, state, pending } = snapshot;
  const offline = connection.phase === 'reconnecting' || connection.phase === 'connecting';
  return (
    <>
      <div role="status" className="tr-banner-slot">
        {offline && state.loaded ? (
          <p className="tr-banner tr-banner--warning" data-banner="reconnecting">
            <strong>{t('play.banner.reconnecting')}</strong>{' '}
            {connection.phase === 'reconnecting' && connection.attempt > 0
              ? `${t('play.banner.attempt', { n: connection.attempt })} `
              : null}
            {t('play.banner.keepTyping')}
            {pending.length > 0 ? ` ${t('play.banner.queued', { n: pending.length })}` : null}
          </p>
        ) : null}
        {snapshot.notice !== null && connection.phase === 'connected' ? (
          // A connection closed for falling behind is back with everything: say so, not the code.
          <p
            className="tr-banner tr-banner--warning"
            data-banner={snapshot.notice.code === ErrorCode.SlowConsumer ? 'resynced' : 'notice'}
          >
            <strong>
              {snapshot.notice.code === ErrorCode.SlowConsumer ? (
                t('play.banner.resynced')
              ) : (
                <NoticeText notice={snapshot.notice} />
              )}
            </strong>{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => session.dismissNotice()}
            >
              {t('play.banner.dismiss')}
            </button>
          </p>
        ) : null}
        {connection.phase === 'stopped' ? (
          <p className="tr-banner tr-banner--error" data-banner="stopped">
            <strong>{t('play.banner.stopped')}</strong>{' '}
            {snapshot.notice !== null && snapshot.notice.code !== ErrorCode.SlowConsumer ? (
              <>
                <NoticeText notice={snapshot.notice} />{' '}
              </>
            ) : null}
            <button
              type="button"
              className="button button--small"
              onClick={() => session.reconnect()}
            >
              {t('play.banner.reconnect')}
            </button>
          </p>
        ) : null}
      </div>
      {finished ? (
        <p className="tr-sticky-note tr-sticky-note--ended" data-sticky="ended">
          <StatusIcon tone="ok" />
          {t('play.status.ended')}
        </p>
      ) : null}
      {state.status === 'paused' ? (
        <p className="tr-sticky-note" data-sticky="paused">
          <StatusIcon tone="warning" />
          {t('play.status.paused')}
        </p>
      ) : null}
    </>
  );
}

/**
 * What stays in view while scrolling: the connection, a pause reminder, the tabs (phones) and the
 * answer to the latest command, so none of them is ever hidden behind the content. Its height is
 * the page's scroll padding, so nothing Tab reaches is scrolled under it; `inset={false}` when a
 * sticky wrapper around it (the wide layout's, with the chat) keeps that height instead.
 */
export function StickyBar({ children, inset = true }: { children?: ReactNode; inset?: boolean }) {
  const { snapshot } = usePlay();
  const ref = useStickyInset('top');
  return (
    <div className="tr-sticky" ref={inset ? ref : undefined}>
      <ConnectionBanner />
      {children}
      <FeedbackBar feedback={snapshot.lastFeedback} paused={snapshot.state.status === 'paused'} />
    </div>
  );
}
