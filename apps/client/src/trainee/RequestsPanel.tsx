import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type RequestRound, type RequestView, type RoleView } from '@crossroads/shared';
import { draftKeys } from '../lib/traineeDrafts';
import { AgencyName } from './AgencyName';
import { Tx, WhyNotText } from './content';
import { usePlay } from './context';
import { useScenarioTime } from './useScenarioTime';
import { InlineAck } from './Feedback';
import { useDraft } from './hooks';
import { PendingNote } from './PendingNote';

type Sendable = RoleView['sendableRequests'][number];

/** The heading of the requests this agency sent: focus goes there once a request is sent. */
const SENT_TITLE_ID = 'tr-requests-sent-title';

/**
 * Moves focus to `target` when the control that had it was removed (focus fell back to the
 * page): a row or form that unmounts takes a keyboard or screen-reader user's place with it. Focus
 * the user moved elsewhere is left alone.
 */
function focusIfLost(target: HTMLElement | null): void {
  const active = document.activeElement;
  if (active === null || active === document.body) target?.focus();
}

/** `closed`: still pending when the team's run ended, so it will never be answered. */
function StatusChip({ status, closed }: { status: RequestView['status']; closed: boolean }) {
  const { t } = useTranslation();
  const mark = status === 'granted' ? '✓' : status === 'refused' || closed ? '✗' : '…';
  return (
    <span
      className={`tr-chip tr-chip--${closed ? 'refused' : status}`}
      data-request-status={status}
    >
      <span aria-hidden="true">{mark} </span>
      {closed ? t('play.requests.closed') : t(`play.requests.status.${status}`)}
    </span>
  );
}

/**
 * A request the agency may send: first the trainee says why it is needed (the answering agency
 * reads it, the debrief shows it), then sends it.
 */
function SendRow({ request }: { request: Sendable }) {
  const { t } = useTranslation();
  const { session, snapshot, finished } = usePlay();
  const subject = `request:${request.id}`;
  const pending = snapshot.pending.some((entry) => entry.subject === subject);
  const feedback = snapshot.feedback[subject];
  const draftKey = draftKeys.justification(request.id);
  const [justification, setJustification] = useDraft(session.drafts, draftKey);
  const [open, setOpen] = useState(justification !== '');
  const [missing, setMissing] = useState(false);
  const id = useId();
  const whyId = `${id}-whynot`;
  // Where focus goes once the form has opened or closed: the control that had it is unmounted
  // (or disabled while sending), which would otherwise drop a keyboard user on <body>.
  const focusNext = useRef<'why' | 'prepare' | 'sent' | null>(null);
  const prepareRef = useRef<HTMLButtonElement>(null);
  // A sent request leaves the list of those that can be sent (it waits for an answer): when the
  // server's view arrives before the acknowledgement, this row unmounts with the focused button,
  // and the effect below never runs. Focus then goes to the sent list all the same.
  const sending = useRef(false);
  useEffect(
    () => () => {
      if (sending.current) setTimeout(() => focusIfLost(document.getElementById(SENT_TITLE_ID)));
    },
    [],
  );
  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    if (target === 'why') document.getElementById(`${id}-why`)?.focus();
    else if (target === 'prepare' && prepareRef.current && !prepareRef.current.disabled)
      prepareRef.current.focus();
    else document.getElementById(SENT_TITLE_ID)?.focus();
  }, [open, id]);
  const send = (event: FormEvent) => {
    event.preventDefault();
    const text = justification.trim();
    if (text === '') {
      setMissing(true);
      document.getElementById(`${id}-why`)?.focus();
      return;
    }
    setMissing(false);
    sending.current = true;
    void session
      .send(
        'request.send',
        { request: request.id, justification: text },
        { subject, clearDrafts: [draftKey] },
      )
      .then((ack) => {
        sending.current = ack.status === 'accepted';
        if (ack.status === 'accepted') {
          focusNext.current = 'sent';
          setOpen(false);
        }
      });
  };
  return (
    <li className="tr-card" data-sendable={request.id}>
      <p>
        <Tx text={request.title} as="strong" />
        <br />
        <span className="tr-muted">
          {t('play.requests.to')} <AgencyName id={request.to} />
        </span>
      </p>
      {request.body ? <Tx text={request.body} as="p" className="tr-request__body" /> : null}
      {!request.enabled && request.whyNot ? (
        <p className="tr-whynot" id={whyId}>
          <WhyNotText whyNot={request.whyNot} />
        </p>
      ) : null}
      {open && request.enabled && !finished ? (
        <form className="tr-answer" onSubmit={send} noValidate>
          <div className="tr-field">
            <label htmlFor={`${id}-why`}>{t('play.requests.justification')}</label>
            <p className="tr-hint" id={`${id}-hint`}>
              {t('play.requests.justificationHint')}
            </p>
            <textarea
              id={`${id}-why`}
              className="tr-input"
              rows={3}
              maxLength={LIMITS.justification}
              value={justification}
              onChange={(event) => setJustification(event.target.value)}
              aria-describedby={missing ? `${id}-hint ${id}-missing` : `${id}-hint`}
              aria-invalid={missing ? true : undefined}
              required
            />
            {missing ? (
              <p className="tr-error" id={`${id}-missing`} role="alert">
                {t('play.requests.justificationMissing')}
              </p>
            ) : null}
          </div>
          <div className="tr-actions">
            <button type="submit" className="button button--small" disabled={pending}>
              {pending ? t('play.requests.sending') : t('play.requests.send')}
            </button>
            <button
              type="button"
              className="button button--small tr-button--secondary"
              disabled={pending}
              onClick={() => {
                focusNext.current = 'prepare';
                setOpen(false);
                setMissing(false);
              }}
            >
              {t('play.requests.cancel')}
            </button>
            <PendingNote pending={pending} />
          </div>
        </form>
      ) : (
        <div className="tr-actions">
          <button
            type="button"
            className="button button--small"
            disabled={!request.enabled || pending || finished}
            aria-describedby={!request.enabled && request.whyNot ? whyId : undefined}
            aria-expanded={false}
            ref={prepareRef}
            onClick={() => {
              focusNext.current = 'why';
              setOpen(true);
            }}
          >
            {t('play.requests.prepare')}
          </button>
          <PendingNote pending={pending} />
        </div>
      )}
      {/* Only a refusal stays under the row: a sent request moves to the sent list with its status
          (and the feedback bar said so), while this row stays whenever the request can be sent
          again, where an old "Request sent." would read as if the next one had gone. */}
      {pending ? null : <InlineAck feedback={feedback} refusalsOnly />}
    </li>
  );
}

/** `onAnswer`: called as the answer is sent (the item then keeps the focus once the form is gone). */
function AnswerForm({ request, onAnswer }: { request: RequestView; onAnswer: () => void }) {
  const { t } = useTranslation();
  const { session, snapshot, finished } = usePlay();
  const [reason, setReason] = useDraft(session.drafts, draftKeys.answer(request.instance));
  const [missing, setMissing] = useState(false);
  const subject = `answer:${request.instance}`;
  const pending = snapshot.pending.some((entry) => entry.subject === subject);
  const feedback = snapshot.feedback[subject];
  const id = useId();
  const answer = (granted: boolean) => {
    const text = reason.trim();
    if (!granted && text === '') {
      setMissing(true);
      // As the send form does: the keyboard goes where the missing reason is to be typed.
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setMissing(false);
    onAnswer();
    void session.send(
      'request.answer',
      { requestInstance: request.instance, granted, reason: text },
      { subject, clearDrafts: [draftKeys.answer(request.instance)] },
    );
  };
  return (
    <div className="tr-answer">
      <div className="tr-field">
        <label htmlFor={`${id}-reason`}>{t('play.requests.reason')}</label>
        <p className="tr-hint" id={`${id}-hint`}>
          {t('play.requests.reasonHint')}
        </p>
        <textarea
          id={`${id}-reason`}
          className="tr-input"
          rows={2}
          maxLength={LIMITS.reason}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-describedby={missing ? `${id}-hint ${id}-missing` : `${id}-hint`}
          aria-invalid={missing ? true : undefined}
          disabled={finished}
        />
        {missing ? (
          <p className="tr-error" id={`${id}-missing`} role="alert">
            {t('play.requests.reasonMissing')}
          </p>
        ) : null}
      </div>
      <div className="tr-actions">
        <button
          type="button"
          className="button button--small"
          disabled={pending || finished}
          onClick={() => answer(true)}
        >
          {t('play.requests.grant')}
        </button>
        <button
          type="button"
          className="button button--small tr-button--secondary"
          disabled={pending || finished}
          onClick={() => answer(false)}
        >
          {t('play.requests.refuse')}
        </button>
        <PendingNote pending={pending} />
      </div>
      {pending ? null : <InlineAck feedback={feedback} />}
    </div>
  );
}

/**
 * The earlier exchanges of a request sent again after a refusal, oldest first: when each was sent,
 * when it was refused and why. The server lists only those this agency took part in; the agency
 * addressed is told who sent each.
 */
function EarlierRounds({ request, rounds }: { request: RequestView; rounds: RequestRound[] }) {
  const { t } = useTranslation();
  const at = useScenarioTime();
  const incoming = request.direction === 'incoming';
  const labelId = useId();
  return (
    <div className="tr-request__earlier">
      <p className="tr-request__why-label" id={labelId}>
        {t('play.requests.earlier', { n: rounds.length })}
      </p>
      <ol className="tr-plain-list" aria-labelledby={labelId}>
        {rounds.map((round, index) => (
          <li key={index} data-request-round={index}>
            <p className="tr-muted">
              {incoming ? (
                <>
                  {t('play.requests.from')} <AgencyName id={round.from} />
                  {' · '}
                </>
              ) : null}
              {round.sentAt !== null ? t('play.requests.sentAt', { time: at(round.sentAt) }) : null}
              {round.sentAt !== null && round.answeredAt !== null ? ' · ' : null}
              {round.answeredAt !== null
                ? t('play.requests.refusedAt', { time: at(round.answeredAt) })
                : null}
            </p>
            {round.reason ? (
              <blockquote className="tr-rationale tr-request__answer">
                <span className="tr-request__why-label">{t('play.requests.answerLabel')}</span>{' '}
                {round.reason}
              </blockquote>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function RequestItem({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const at = useScenarioTime();
  const { finished } = usePlay();
  const incoming = request.direction === 'incoming';
  // Once answered here, the answer form goes away with the button that had the focus: the focus
  // goes to the request's head line, which now says granted or refused.
  const answering = useRef(false);
  const headRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (request.status === 'pending' || !answering.current) return;
    answering.current = false;
    focusIfLost(headRef.current);
  }, [request.status]);
  return (
    <li className="tr-card" data-request={request.instance} data-direction={request.direction}>
      <p className="tr-request__head" ref={headRef} tabIndex={-1}>
        <Tx text={request.title} as="strong" />{' '}
        <StatusChip status={request.status} closed={finished && request.status === 'pending'} />
      </p>
      <p className="tr-muted">
        {incoming ? t('play.requests.from') : t('play.requests.to')}{' '}
        <AgencyName id={incoming ? request.from : request.to} />
        {' · '}
        {t('play.requests.sentAt', { time: at(request.sentAt) })}
        {request.answeredAt !== null
          ? ` · ${t('play.requests.answeredAt', { time: at(request.answeredAt) })}`
          : null}
      </p>
      {request.body ? <Tx text={request.body} as="p" className="tr-request__body" /> : null}
      {request.justification ? (
        <blockquote className="tr-rationale tr-request__why">
          <span className="tr-request__why-label">{t('play.requests.why')}</span>{' '}
          {request.justification}
        </blockquote>
      ) : null}
      {request.reason ? (
        <blockquote className="tr-rationale tr-request__answer">
          <span className="tr-request__why-label">{t('play.requests.answerLabel')}</span>{' '}
          {request.reason}
        </blockquote>
      ) : null}
      {request.earlier && request.earlier.length > 0 ? (
        <EarlierRounds request={request} rounds={request.earlier} />
      ) : null}
      {incoming && request.status === 'pending' && !finished ? (
        <AnswerForm
          request={request}
          onAnswer={() => {
            answering.current = true;
          }}
        />
      ) : null}
    </li>
  );
}

/** Requests to and from other agencies: what can be sent, what waits for an answer, what came back. */
export function RequestsPanel() {
  const { t } = useTranslation();
  const { snapshot } = usePlay();
  const view = snapshot.state.view;
  if (!view) return null;
  const incoming = view.requests.filter((r) => r.direction === 'incoming');
  const outgoing = view.requests.filter((r) => r.direction === 'outgoing');
  const available = view.sendableRequests.filter((r) => r.enabled);
  const unavailable = view.sendableRequests.filter((r) => !r.enabled);
  const byNewest = (a: RequestView, b: RequestView) =>
    Number(b.status === 'pending') - Number(a.status === 'pending') || b.sentAt - a.sentAt;
  return (
    <div className="tr-requests">
      <h3>{t('play.requests.incoming', { n: incoming.length })}</h3>
      {incoming.length === 0 ? (
        <p className="tr-muted">{t('play.requests.noIncoming')}</p>
      ) : (
        <ul className="tr-plain-list">
          {[...incoming].sort(byNewest).map((request) => (
            <RequestItem key={request.instance} request={request} />
          ))}
        </ul>
      )}
      <h3 id={SENT_TITLE_ID} tabIndex={-1}>
        {t('play.requests.outgoing', { n: outgoing.length })}
      </h3>
      {outgoing.length === 0 ? (
        <p className="tr-muted">{t('play.requests.noOutgoing')}</p>
      ) : (
        <ul className="tr-plain-list">
          {[...outgoing].sort(byNewest).map((request) => (
            <RequestItem key={request.instance} request={request} />
          ))}
        </ul>
      )}
      <h3>{t('play.requests.canSend')}</h3>
      {available.length === 0 ? (
        <p className="tr-muted">{t('play.requests.noSendable')}</p>
      ) : (
        <ul className="tr-plain-list">
          {available.map((request) => (
            <SendRow key={request.id} request={request} />
          ))}
        </ul>
      )}
      {unavailable.length > 0 ? (
        <details className="tr-closed">
          <summary>{t('play.requests.unavailable', { n: unavailable.length })}</summary>
          <ul className="tr-plain-list">
            {unavailable.map((request) => (
              <SendRow key={request.id} request={request} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
