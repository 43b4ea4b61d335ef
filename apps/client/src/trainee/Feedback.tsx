import { Fragment, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Feedback } from '../lib/traineeSession';
import type { Announcement } from '../lib/traineeState';
import { FacilitatorMessage } from '../components/FacilitatorMessage';
import { InLanguage } from '../components/InLanguage';
import { StatusIcon } from '../components/StatusIcon';
import { ContentLanguageContext, useContentText } from './content';
import { usePlay } from './context';
import { errorHeadline, refusalDetail } from './errors';
import { ResourceWaitText } from './ResourceWait';

/** How long an accepted answer stays on screen. */
const ACCEPTED_VISIBLE_MS = 8_000;
const REFUSED_VISIBLE_MS = 20_000;
/** Stands for the message in a translated sentence, cut there (see Announcer). */
const SLOT = '\uE000';

const ACCEPTED_KEYS = {
  'decision.submit': 'play.ack.decision',
  'joint.sign': 'play.ack.joint',
  'request.send': 'play.ack.request',
  'request.answer': 'play.ack.answer',
  'chat.send': 'play.ack.chat',
} as const;

/** One ack as a sentence: what was accepted, or why it was refused (the server's words). */
export function AckMessage({ feedback }: { feedback: Feedback }) {
  const { t, i18n } = useTranslation();
  const languages = useContext(ContentLanguageContext);
  const { ack } = feedback;
  if (ack.status === 'accepted') {
    return (
      <span className="tr-ack tr-ack--ok" data-ack="accepted">
        <StatusIcon tone="ok" />
        <span>
          {t(ACCEPTED_KEYS[feedback.name])}
          {ack.duplicate ? ` ${t('play.ack.duplicate')}` : null}
        </span>
      </span>
    );
  }
  const headline = errorHeadline(t, ack.code);
  const detail = refusalDetail(t, i18n.resolvedLanguage, languages, ack);
  return (
    <span className="tr-ack tr-ack--error" data-ack="rejected" data-code={ack.code}>
      <StatusIcon tone="error" />
      <span>
        <strong>{t('play.ack.refused')}</strong> {headline}
        {ack.wait ? (
          <>
            {' '}
            <ResourceWaitText wait={ack.wait} />
          </>
        ) : detail === null ? null : (
          <>
            {' '}
            <InLanguage lang={detail.lang}>{detail.text}</InLanguage>
          </>
        )}
      </span>
    </span>
  );
}

/** A refusal because the session was paused says nothing true once play has resumed. */
function stalePause(feedback: Feedback, paused: boolean): boolean {
  return feedback.ack.status === 'rejected' && feedback.ack.code === 'session/paused' && !paused;
}

/**
 * A form's own copy of the answer to its last command (under the decision, request or chat box).
 * Like the bar, it drops a "session is paused" refusal once play resumes, so the form does not
 * go on saying "Not done: the session is paused" in a running session.
 */
export function InlineAck({
  feedback,
  refusalsOnly = false,
}: {
  feedback: Feedback | undefined;
  /** Show refusals only (the chat shows a sent message in the list, not as an answer). */
  refusalsOnly?: boolean;
}) {
  const { snapshot } = usePlay();
  if (!feedback) return null;
  if (refusalsOnly && feedback.ack.status !== 'rejected') return null;
  if (stalePause(feedback, snapshot.state.status === 'paused')) return null;
  return (
    <p className="tr-inline-ack">
      <AckMessage feedback={feedback} />
    </p>
  );
}

/**
 * The answer to the latest command, visible and announced (aria-live). The region itself is
 * always in the page, so screen readers notice when its text changes.
 */
export function FeedbackBar({
  feedback,
  paused,
}: {
  feedback: Feedback | null;
  /** Whether the session is paused now: a "paused" refusal goes once play resumes. */
  paused: boolean;
}) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(0);
  // The answer fades after a while (it was announced; the form keeps its own copy); a refusal
  // stays longer, and either can be dismissed at once.
  useEffect(() => {
    if (!feedback) return;
    const ms = feedback.ack.status === 'accepted' ? ACCEPTED_VISIBLE_MS : REFUSED_VISIBLE_MS;
    const timer = setTimeout(() => setDismissed(feedback.id), ms);
    return () => clearTimeout(timer);
  }, [feedback]);
  const shown =
    feedback && feedback.id !== dismissed && !stalePause(feedback, paused) ? feedback : null;
  return (
    <div className={shown ? 'tr-feedback tr-feedback--shown' : 'tr-feedback'}>
      <p className="tr-feedback__text" aria-live="polite" aria-atomic="true">
        {shown ? <AckMessage feedback={shown} /> : null}
      </p>
      {shown ? (
        <button
          type="button"
          className="tr-link-button"
          onClick={() => setDismissed(shown.id)}
          aria-label={t('play.ack.dismiss')}
        >
          <span aria-hidden="true">×</span>
        </button>
      ) : null}
    </div>
  );
}

/** Reads out what the server brought (new update, phase, pause, answered request). */
export function Announcer({
  announcement,
}: {
  announcement: { id: number; items: Announcement[] } | null;
}) {
  const { t } = useTranslation();
  const text = useContentText();
  const sentences = (announcement?.items ?? []).map((item): ReactNode => {
    switch (item.kind) {
      case 'inject':
        return t('play.announce.inject', { title: text(item.title) });
      case 'phase':
        return t('play.announce.phase', { title: text(item.title) });
      case 'status':
        return t(`play.announce.status.${item.status}`);
      case 'request':
        return item.status === 'pending'
          ? t('play.announce.requestIn', { title: text(item.title) })
          : t(`play.announce.request.${item.status}`, { title: text(item.title) });
      case 'broadcast': {
        // The message is read in the language it was written in: the sentence around it in the
        // page's, the message itself marked.
        const [before = '', after = ''] = t('play.announce.broadcast', { message: SLOT }).split(
          SLOT,
        );
        return (
          <>
            {before}
            <FacilitatorMessage lang={item.lang}>{item.message}</FacilitatorMessage>
            {after}
          </>
        );
      }
      case 'ending':
        return t('play.announce.ending', { title: text(item.title) });
      case 'hint':
        return item.title === null
          ? t('play.announce.hintUntitled')
          : t('play.announce.hint', { title: text(item.title) });
      case 'debrief':
        return t('play.announce.debrief');
      case 'moved':
        return t('play.announce.moved');
    }
  });
  return (
    <div className="tr-visually-hidden" aria-live="polite" aria-atomic="true">
      {sentences.map((sentence, i) => (
        <Fragment key={i}>
          {i > 0 ? ' ' : null}
          {sentence}
        </Fragment>
      ))}
    </div>
  );
}
