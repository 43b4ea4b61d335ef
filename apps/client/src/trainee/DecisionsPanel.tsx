import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type DecisionView, type Hint, type LogEventOf } from '@crossroads/shared';
import { Delta, LegalBases, RedLineIcon } from '../debrief/parts';
import { decisionDraftKeys, draftKeys } from '../lib/traineeDrafts';
import { humanise, Tx, WhyNotText } from './content';
import { AgencyName } from './AgencyName';
import { usePlay } from './context';
import { useScenarioTime } from './useScenarioTime';
import { InlineAck } from './Feedback';
import { useDraft } from './hooks';
import { PendingNote } from './PendingNote';

const CONFIDENCE = ['1', '2', '3', '4', '5'] as const;

function JointStatus({ decision }: { decision: DecisionView }) {
  const { t } = useTranslation();
  const { snapshot } = usePlay();
  const joint = decision.joint;
  if (!joint) return null;
  const me = snapshot.state.view?.role.id;
  const label = (option: string) =>
    decision.options.find((o) => o.id === option)?.label ?? humanise(option);
  return (
    <div className="tr-joint">
      <p className="tr-joint__lead">{t('play.decisions.jointLead')}</p>
      <ul className="tr-plain-list">
        {joint.agencies.map((agency) => {
          const signature = joint.signatures.find((s) => s.role === agency);
          return (
            <li key={agency} data-signed={signature ? 'true' : 'false'}>
              <span aria-hidden="true">{signature ? '✓ ' : '… '}</span>
              <AgencyName id={agency} />
              {agency === me ? ` (${t('play.decisions.yourAgency')})` : null}:{' '}
              {signature ? (
                <>
                  {t('play.decisions.signed')} <Tx text={label(signature.option)} as="strong" />
                </>
              ) : (
                t('play.decisions.notSigned')
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function DecisionCard({ decision }: { decision: DecisionView }) {
  const { t } = useTranslation();
  const { session, snapshot, finished } = usePlay();
  const id = decision.id;
  const [option, setOption] = useDraft(session.drafts, draftKeys.option(id));
  const [rationale, setRationale] = useDraft(session.drafts, draftKeys.rationale(id));
  const [confidence, setConfidence] = useDraft(session.drafts, draftKeys.confidence(id));
  const [missingOption, setMissingOption] = useState(false);
  const baseId = useId();
  const subject = `decision:${id}`;
  const pending = snapshot.pending.some((entry) => entry.subject === subject);
  const feedback = snapshot.feedback[subject];
  const joint = decision.joint !== null;
  const chosen = decision.options.find((o) => o.id === option);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !chosen.enabled) {
      setMissingOption(true);
      return;
    }
    setMissingOption(false);
    const meta = { subject, clearDrafts: decisionDraftKeys(id) };
    if (joint) {
      void session.send('joint.sign', { decision: id, option: chosen.id }, meta);
      return;
    }
    const text = rationale.trim();
    const level = Number(confidence);
    void session.send(
      'decision.submit',
      {
        decision: id,
        option: chosen.id,
        ...(text !== '' ? { rationale: text } : {}),
        ...(level >= 1 && level <= 5 ? { confidence: level } : {}),
      },
      meta,
    );
  };

  return (
    <article
      className="tr-decision"
      data-decision={id}
      data-enabled={decision.enabled ? 'true' : 'false'}
      aria-labelledby={`${baseId}-title`}
    >
      <h3 id={`${baseId}-title`} tabIndex={-1} data-decision-title="">
        <Tx text={decision.title} />
        {joint ? <span className="tr-chip tr-chip--joint">{t('play.decisions.joint')}</span> : null}
      </h3>
      <Tx text={decision.prompt} as="div" className="tr-prose" />
      {!decision.enabled && decision.whyNot ? (
        <p className="tr-whynot">
          <strong>{t('play.decisions.notNow')}</strong> <WhyNotText whyNot={decision.whyNot} />
        </p>
      ) : null}
      <JointStatus decision={decision} />
      <form onSubmit={submit} noValidate>
        <fieldset className="tr-choices">
          <legend>{t('play.decisions.options')}</legend>
          {decision.options.map((o) => {
            const whyId = `${baseId}-why-${o.id}`;
            return (
              <div key={o.id} className="tr-option" data-option={o.id}>
                <label className="tr-choice">
                  <input
                    type="radio"
                    name={`${baseId}-option`}
                    value={o.id}
                    checked={option === o.id}
                    disabled={!o.enabled || finished}
                    onChange={() => {
                      setOption(o.id);
                      setMissingOption(false);
                    }}
                    aria-describedby={!o.enabled && o.whyNot ? whyId : undefined}
                  />
                  <span>
                    <Tx text={o.label} />{' '}
                    <span className="tr-muted tr-nowrap">
                      {t('play.decisions.timeCost', { minutes: o.timeCost })}
                    </span>
                  </span>
                </label>
                {!o.enabled && o.whyNot ? (
                  <p id={whyId} className="tr-whynot tr-whynot--option">
                    <WhyNotText whyNot={o.whyNot} />
                  </p>
                ) : null}
              </div>
            );
          })}
        </fieldset>
        {missingOption ? (
          <p className="tr-error" role="alert">
            {t('play.decisions.chooseFirst')}
          </p>
        ) : null}
        {joint ? (
          <p className="tr-hint">{t('play.decisions.jointNoRationale')}</p>
        ) : (
          <>
            <div className="tr-field">
              <label htmlFor={`${baseId}-rationale`}>{t('play.decisions.rationale')}</label>
              <p className="tr-hint" id={`${baseId}-rationale-hint`}>
                {t('play.decisions.rationaleHint', { max: LIMITS.rationale })}
              </p>
              <textarea
                id={`${baseId}-rationale`}
                className="tr-input"
                rows={3}
                value={rationale}
                maxLength={LIMITS.rationale}
                onChange={(event) => setRationale(event.target.value)}
                aria-describedby={`${baseId}-rationale-hint`}
                disabled={finished}
              />
              <p className="tr-counter" aria-hidden="true">
                {rationale.length} / {LIMITS.rationale}
              </p>
            </div>
            <fieldset className="tr-choices tr-confidence">
              <legend>{t('play.decisions.confidence')}</legend>
              <label className="tr-choice">
                <input
                  type="radio"
                  name={`${baseId}-confidence`}
                  value=""
                  checked={confidence === ''}
                  onChange={() => setConfidence('')}
                  disabled={finished}
                />
                <span>{t('play.decisions.confidenceNone')}</span>
              </label>
              {CONFIDENCE.map((level) => (
                <label key={level} className="tr-choice">
                  <input
                    type="radio"
                    name={`${baseId}-confidence`}
                    value={level}
                    checked={confidence === level}
                    onChange={() => setConfidence(level)}
                    disabled={finished}
                  />
                  <span>{t(`play.decisions.confidenceLevel.${level}`)}</span>
                </label>
              ))}
            </fieldset>
          </>
        )}
        <div className="tr-actions">
          <button
            type="submit"
            className="button"
            disabled={pending || finished || !decision.enabled}
          >
            {pending
              ? t('play.decisions.sending')
              : joint
                ? t('play.decisions.sign')
                : t('play.decisions.submit')}
          </button>
          <PendingNote pending={pending} />
        </div>
        {pending ? null : <InlineAck feedback={feedback} />}
      </form>
    </article>
  );
}

type Taken = LogEventOf<'decision.made'> | LogEventOf<'joint.signed'>;

/** What this agency has decided so far, newest first, with rationale and any hint. */
function DecisionRecord() {
  const { t } = useTranslation();
  const at = useScenarioTime();
  const { snapshot, memberName } = usePlay();
  const { events, labels, view } = snapshot.state;
  const taken = events.filter(
    (e): e is Taken =>
      (e.type === 'decision.made' || e.type === 'joint.signed') && e.role === view?.role.id,
  );
  if (taken.length === 0) return null;
  return (
    <section className="tr-record" aria-labelledby="tr-record-title">
      <h3 id="tr-record-title" tabIndex={-1} data-focus-target="">
        {t('play.decisions.record')}
      </h3>
      <ol className="tr-plain-list">
        {[...taken].reverse().map((event) => {
          const book = labels[event.payload.decision];
          const optionLabel = book?.options[event.payload.option];
          // A joint decision's findings are on the signature that made it apply, which may be
          // another signer's: this agency's own signature shows them too.
          const hint = view?.hints.find(
            (h) =>
              h.seq === event.seq ||
              (event.type === 'joint.signed' &&
                h.decision === event.payload.decision &&
                h.option === event.payload.option),
          );
          const who = memberName(event.participant);
          return (
            <li key={event.seq} className="tr-card" data-record={event.payload.decision}>
              <p className="tr-card__meta">
                {event.time !== null ? at(event.time) : null}
                {who ? ` · ${t('play.decisions.by', { name: who })}` : null}
                {event.type === 'joint.signed' ? ` · ${t('play.decisions.joint')}` : null}
              </p>
              <p>
                {book ? (
                  <Tx text={book.title} as="strong" />
                ) : (
                  <strong>{humanise(event.payload.decision)}</strong>
                )}
                {': '}
                {optionLabel ? <Tx text={optionLabel} /> : humanise(event.payload.option)}
              </p>
              {event.type === 'decision.made' && event.payload.rationale ? (
                <blockquote className="tr-rationale">{event.payload.rationale}</blockquote>
              ) : null}
              {event.type === 'decision.made' && event.payload.confidence ? (
                <p className="tr-muted">
                  {t('play.decisions.confidenceWas', { n: event.payload.confidence })}
                </p>
              ) : null}
              {hint ? <HintFindings hint={hint} /> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * What the legal model found on one decision (a session with hints): each rule with its axis and
 * points, a red line marked in words, why the rule exists and the law it rests on.
 */
function HintFindings({ hint }: { hint: Hint }) {
  const { t } = useTranslation();
  return (
    <div className="tr-hint-box" data-hint={hint.decision}>
      <strong>{t('play.decisions.feedback')}</strong>
      <ul className="tr-plain-list">
        {hint.findings.map((f, i) => (
          <li key={`${f.ruleId}|${i}`} data-rule={f.ruleId}>
            <Delta axis={f.axis} value={f.points} />{' '}
            {f.redLine ? (
              <span className="tag tag--red">
                <RedLineIcon /> {t('debrief.redLine.badge')}
              </span>
            ) : null}{' '}
            <Tx text={f.title} as="strong" />
            {f.counted ? null : (
              <span className="tr-muted"> ({t('play.decisions.notCounted')})</span>
            )}
            <Tx text={f.explanation} as="p" />
            <LegalBases bases={f.legalBasis} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Decisions a team member of this agency recorded while this device held a choice for them, never
 * sent: the card leaves the open decisions without a word otherwise. Says who took it and that the
 * choice was not sent, until dismissed (which drops the unsent choice).
 */
function TakenByOthers({ onDismissed }: { onDismissed: () => void }) {
  const { t } = useTranslation();
  const { session, snapshot, credential, memberName } = usePlay();
  const { events, labels, view } = snapshot.state;
  const drafts = session.drafts;
  const others = events.filter(
    (e): e is LogEventOf<'decision.made'> =>
      e.type === 'decision.made' &&
      e.role === view?.role.id &&
      e.participant !== credential.participant &&
      view?.decisions.find((d) => d.id === e.payload.decision)?.enabled !== true,
  );
  // The events whose decision still has an unsent choice here, as a string the store can compare.
  const unsent = useSyncExternalStore(drafts.subscribe, () =>
    others
      .filter((e) => drafts.get(draftKeys.option(e.payload.decision)) !== '')
      .map((e) => e.seq)
      .join(' '),
  );
  const shown = others.filter((e) => unsent.split(' ').includes(String(e.seq)));
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map((event) => {
        const decision = event.payload.decision;
        const name = memberName(event.participant);
        const title = labels[decision]?.title;
        return (
          <div key={event.seq} className="tr-callout tr-taken" role="status" data-taken={decision}>
            <p>
              {title ? <Tx text={title} as="strong" /> : <strong>{humanise(decision)}</strong>}
              {': '}
              {name ? t('play.decisions.takenBy', { name }) : t('play.decisions.takenByTeam')}
            </p>
            <button
              type="button"
              className="tr-link-button"
              onClick={() => {
                drafts.clear(decisionDraftKeys(decision));
                onDismissed();
              }}
            >
              {t('play.banner.dismiss')}
            </button>
          </div>
        );
      })}
    </>
  );
}

/** Decisions open to this agency (available ones first), then the record of decisions taken. */
export function DecisionsPanel() {
  const { t } = useTranslation();
  const { snapshot } = usePlay();
  const view = snapshot.state.view;
  const containerRef = useRef<HTMLDivElement>(null);
  const focusedInside = useRef(false);
  const decisions = view?.decisions;
  // "Got it" on a note that a team member took a decision removes the note and its button: focus
  // goes on to the next note, else the first open decision, else the decisions, not to the page.
  const [dismissals, setDismissals] = useState(0);
  useEffect(() => {
    if (dismissals === 0) return;
    const container = containerRef.current;
    const next =
      container?.querySelector<HTMLElement>('[data-taken] button') ??
      container?.querySelector<HTMLElement>(
        '.tr-decision[data-enabled="true"] [data-decision-title]',
      ) ??
      container;
    next?.focus();
  }, [dismissals]);

  // A decision taken once disappears with its form. If focus was in it, it would fall back to
  // the page; keep keyboard and screen-reader users in the decisions instead.
  useEffect(() => {
    const active = document.activeElement;
    if (focusedInside.current && (active === null || active === document.body)) {
      // The record of decisions, which now shows the one just taken; else the panel.
      const record = containerRef.current?.querySelector<HTMLElement>('[data-focus-target]');
      (record ?? containerRef.current)?.focus();
    }
  }, [decisions]);

  if (!view) return null;
  const open = view.decisions.filter((d) => d.enabled);
  const closed = view.decisions.filter((d) => !d.enabled);
  return (
    <div
      className="tr-decisions"
      ref={containerRef}
      tabIndex={-1}
      role="group"
      aria-label={t('play.tabs.decisions')}
      onFocus={() => {
        focusedInside.current = true;
      }}
      onBlur={(event) => {
        if (event.relatedTarget !== null && !event.currentTarget.contains(event.relatedTarget)) {
          focusedInside.current = false;
        }
      }}
    >
      <TakenByOthers onDismissed={() => setDismissals((n) => n + 1)} />
      {open.length === 0 ? <p className="tr-muted">{t('play.decisions.noneOpen')}</p> : null}
      {open.map((decision) => (
        <DecisionCard key={decision.id} decision={decision} />
      ))}
      {closed.length > 0 ? (
        <details className="tr-closed">
          <summary>{t('play.decisions.closed', { n: closed.length })}</summary>
          {closed.map((decision) => (
            <DecisionCard key={decision.id} decision={decision} />
          ))}
        </details>
      ) : null}
      <DecisionRecord />
    </div>
  );
}
