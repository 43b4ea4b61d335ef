import type { ReactNode } from 'react';
import { ErrorCode, type ServerNotice } from '@crossroads/shared';
import { useTranslation } from 'react-i18next';
import { ServerText } from '../components/InLanguage';
import { StatusIcon } from '../components/StatusIcon';
import { useStickyInset } from '../components/useStickyInset';
import { usePlay } from './context';
import { errorHeadline, serverDetail } from './errors';
import { FeedbackBar } from './Feedback';
import { endsSentence } from './format';
import {
  hasPauseText,
  PauseReason,
  pausePlain,
  pauseText,
  type PauseText,
} from '../components/PauseReason';

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
 * The pause with its reason (the latest session.paused event's, in the reader's language) and
 * what still works. Said once, in the bar that stays in view, so a trainee scrolled down a long
 * case file still sees it, and nobody reads "paused" three times at the top of the screen.
 */
function PausedBanner() {
  const { t } = useTranslation();
  const { snapshot, credential } = usePlay();
  const { state } = snapshot;
  let pause: PauseText | undefined;
  for (let i = state.events.length - 1; i >= 0; i -= 1) {
    const event = state.events[i];
    if (event?.type === 'session.paused') {
      pause = pauseText(event.payload, t, state.session?.settings.language ?? credential.language);
      break;
    }
  }
  return (
    <p className="tr-banner tr-banner--paused" data-banner="paused">
      <strong>{t('play.banner.paused')}</strong>{' '}
      {pause && hasPauseText(pause) ? (
        <span data-pause-reason>
          {t('play.banner.pausedReason')} <PauseReason pause={pause} />
          {endsSentence(pausePlain(pause)) ? '' : '.'}{' '}
        </span>
      ) : null}
      {t('play.banner.pausedHelp')}
    </p>
  );
}

/**
 * The connection state, kept in view (it sits in the sticky bar with the tabs): reconnecting with
 * what is waiting to be sent, stopped with a button to try again (and why, when the server said),
 * reloaded after the server closed a connection that fell behind, or any other notice the server
 * sent; and the pause, with its reason, while the session is paused. The slot is a live region
 * that stays in the page.
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
        {state.status === 'paused' ? <PausedBanner /> : null}
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
    </>
  );
}

/**
 * What stays in view while scrolling: the connection, the pause, the tabs (phones) and the
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
