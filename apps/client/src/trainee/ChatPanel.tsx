import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type ChatMessage, type Identity } from '@crossroads/shared';
import { draftKeys } from '../lib/traineeDrafts';
import { AgencyName } from './AgencyName';
import { usePlay } from './context';
import { InlineAck } from './Feedback';
import { formatClock } from './format';
import { useDraft } from './hooks';
import { useScenarioTime } from './useScenarioTime';

/** Messages from others after the last one read. */
export function unreadChat(
  chat: ChatMessage[],
  readSeq: number,
  identity: Identity | null,
): number {
  const me = identity?.kind === 'participant' ? identity.participant.id : null;
  return chat.filter((m) => m.seq > readSeq && m.participant !== me).length;
}

/**
 * Team chat: messages (always plain text), pending ones marked, and a box that keeps its draft.
 * Each message reads the scenario clock, as every "at" of the play screen does; the real time it
 * was sent stays beside it, quieter and worded apart ("sent 14:03"), so the two clocks never look
 * alike.
 */
export function ChatPanel({ visible }: { visible: boolean }) {
  const { t, i18n } = useTranslation();
  const at = useScenarioTime();
  const { session, snapshot, marks, memberName, finished } = usePlay();
  const { chat, identity } = snapshot.state;
  const [draft, setDraft] = useDraft(session.drafts, draftKeys.chat());
  const listRef = useRef<HTMLOListElement>(null);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const me = identity?.kind === 'participant' ? identity.participant.id : null;
  const pending = snapshot.pending.filter((entry) => entry.name === 'chat.send');
  const feedback = snapshot.feedback.chat;
  const lastSeq = chat.at(-1)?.seq ?? 0;

  // Seen messages are read; the list follows new messages.
  useEffect(() => {
    if (visible && lastSeq > 0) marks.markChat(lastSeq);
  }, [visible, lastSeq, marks]);
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [lastSeq, pending.length]);

  const send = () => {
    const text = draft.trim();
    if (text === '') return;
    setDraft('');
    void session.send('chat.send', { text }, { subject: 'chat' }).then((ack) => {
      // A refused message goes back in the box (unless something new was typed meanwhile).
      if (ack.status === 'rejected' && session.drafts.get(draftKeys.chat()) === '') {
        setDraft(text);
      }
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
    // Sent with the button: it turns disabled with the box empty, and the browser would drop
    // focus on the page (an open chat dock then stays over the column, nothing focused in it).
    // The next message is typed in the box, so the cursor goes back there.
    boxRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <div className="tr-chat">
      <ol
        ref={listRef}
        className="tr-chat__list"
        aria-label={t('play.chat.listLabel')}
        tabIndex={0}
      >
        {chat.length === 0 && pending.length === 0 ? (
          <li className="tr-muted">{t('play.chat.empty')}</li>
        ) : null}
        {chat.map((message) => {
          const mine = message.participant !== null && message.participant === me;
          const name = memberName(message.participant) || message.displayName;
          const clock = formatClock(message.at, i18n.resolvedLanguage);
          return (
            <li
              key={message.seq}
              className={mine ? 'tr-msg tr-msg--mine' : 'tr-msg'}
              data-seq={message.seq}
            >
              <p className="tr-msg__meta">
                <span className="tr-msg__name">{mine ? t('play.chat.you') : name}</span>
                {message.role ? (
                  <>
                    {' · '}
                    <AgencyName id={message.role} className="tr-msg__role" />
                  </>
                ) : null}
                {typeof message.time === 'number' ? (
                  // An older server's message carries no scenario time: only when it was sent.
                  <>
                    {' · '}
                    <span className="tr-msg__at">{at(message.time)}</span>
                  </>
                ) : null}
                {' · '}
                <time
                  dateTime={message.at}
                  className="tr-msg__sent"
                  title={t('play.chat.sentTitle', { time: clock })}
                >
                  {t('play.chat.sent', { time: clock })}
                </time>
              </p>
              <p className="tr-msg__text">{message.text}</p>
            </li>
          );
        })}
        {pending.map((entry) => (
          <li
            key={entry.commandId}
            className="tr-msg tr-msg--mine tr-msg--pending"
            data-pending="chat"
          >
            <p className="tr-msg__meta">
              <span className="tr-msg__name">{t('play.chat.you')}</span> ·{' '}
              {snapshot.connection.phase === 'connected'
                ? t('play.pending.sending')
                : t('play.pending.queued')}
            </p>
            <p className="tr-msg__text">{String(entry.payload.text ?? '')}</p>
          </li>
        ))}
      </ol>
      <form className="tr-chat__form" onSubmit={onSubmit}>
        <label htmlFor={`${id}-text`}>{t('play.chat.label')}</label>
        <p className="tr-hint" id={`${id}-hint`}>
          {t('play.chat.hint')}
        </p>
        <div className="tr-chat__row">
          <textarea
            ref={boxRef}
            id={`${id}-text`}
            className="tr-input"
            rows={2}
            maxLength={LIMITS.chat}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            aria-describedby={`${id}-hint`}
            disabled={finished}
          />
          <button type="submit" className="button" disabled={finished || draft.trim() === ''}>
            {t('play.chat.send')}
          </button>
        </div>
        <InlineAck feedback={feedback} refusalsOnly />
      </form>
    </div>
  );
}
