import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type {
  KnowledgeCheckStatus,
  KnowledgeReceipt,
  KnowledgeSubmission,
} from '@crossroads/shared';
import { usePageTitle } from '../components/usePageTitle';
import { ValidationDetails, type ValidationDetail } from '../components/ValidationDetails';
import { useContent } from '../debrief/parts';
import { fetchKnowledgeStatus, submitKnowledge } from '../lib/debriefApi';
import { ApiError } from '../lib/facilitatorApi';
import { loadCredential } from '../lib/traineeStorage';

type Chosen = Record<string, string[]>;

/**
 * Route /knowledge/:sessionId: the trainee's knowledge check, before the exercise (on joining) or
 * after it (once the debrief is released). Each phase is answered once; the trainee sees their own
 * result after the second, and nobody else's answers ever.
 */
export function KnowledgeCheckPage() {
  const { t } = useTranslation();
  const { text } = useContent();
  const { sessionId = '' } = useParams();
  const credential = loadCredential(sessionId);
  const [status, setStatus] = useState<KnowledgeCheckStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<readonly ValidationDetail[]>([]);
  const [chosen, setChosen] = useState<Chosen>({});
  const [receipt, setReceipt] = useState<KnowledgeReceipt | null>(null);
  const [sending, setSending] = useState(false);
  const thanksRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('learning.knowledge.documentTitle'));
  // Sending replaces the form (and the button that had focus) with the thanks: the keyboard goes to
  // its heading rather than falling back to the top of the page.
  useEffect(() => {
    if (receipt) thanksRef.current?.focus();
  }, [receipt]);
  const token = credential?.token;

  useEffect(() => {
    if (!token) return;
    let live = true;
    fetchKnowledgeStatus(sessionId, token)
      .then((s) => live && setStatus(s))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : ''));
    return () => {
      live = false;
    };
  }, [sessionId, token]);

  if (!credential) {
    return (
      <article className="page page--narrow">
        <h1>{t('learning.knowledge.documentTitle')}</h1>
        <p className="lead">{t('learning.knowledge.notJoined')}</p>
        <p>
          <Link className="button" to="/join">
            {t('learning.knowledge.join')}
          </Link>
        </p>
      </article>
    );
  }
  const back = (
    <p>
      <Link to={`/play/${sessionId}`}>{t('learning.knowledge.back')}</Link>
    </p>
  );
  if (error !== null && !status) {
    return (
      <article className="page page--narrow">
        <h1>{t('learning.knowledge.documentTitle')}</h1>
        <p role="alert">{t('learning.knowledge.error', { message: error })}</p>
        {back}
      </article>
    );
  }
  if (!status) {
    return (
      <article className="page page--narrow">
        <p role="status">{t('learning.knowledge.loading')}</p>
      </article>
    );
  }
  const check = status.check;
  if (receipt) {
    return (
      <article className="page page--narrow knowledge" data-knowledge-done={receipt.phase}>
        <h1 ref={thanksRef} tabIndex={-1}>
          {t(`learning.knowledge.thanks.${receipt.phase}`)}
        </h1>
        <p className="lead" role="status">
          {receipt.result
            ? t('learning.knowledge.result', {
                correct: receipt.result.correct,
                count: receipt.result.of,
              })
            : t('learning.knowledge.thanksLead.pre')}
        </p>
        {back}
      </article>
    );
  }
  if (!check || status.open === null) {
    return (
      <article className="page page--narrow knowledge">
        <h1>{check ? text(check.title) : t('learning.knowledge.documentTitle')}</h1>
        <p className="lead" data-knowledge-closed>
          {!check
            ? t('learning.knowledge.none')
            : status.answered.post
              ? t('learning.knowledge.allDone')
              : status.answered.pre
                ? t('learning.knowledge.waitPost')
                : t('learning.knowledge.closed')}
        </p>
        {back}
      </article>
    );
  }
  const phase = status.open;
  const complete = check.questions.every((q) => (chosen[q.id]?.length ?? 0) > 0);
  const set = (question: string, values: string[]) =>
    setChosen((prev) => ({ ...prev, [question]: values }));
  const submit = async () => {
    const submission: KnowledgeSubmission = {
      phase,
      answers: check.questions.map((q) =>
        q.kind === 'confidence'
          ? { question: q.id, value: Number(chosen[q.id]?.[0]) }
          : { question: q.id, options: chosen[q.id] ?? [] },
      ),
    };
    setSending(true);
    setError(null);
    setInvalid([]);
    try {
      setReceipt(await submitKnowledge(sessionId, credential.token, submission));
    } catch (e) {
      // A refused submission lists its problems under the questions' own numbers and prompts.
      if (e instanceof ApiError && e.details.length > 0) setInvalid(e.details);
      else setError(e instanceof Error ? e.message : '');
    } finally {
      setSending(false);
    }
  };

  return (
    <article className="page page--narrow knowledge" data-knowledge-phase={phase}>
      <p className="knowledge__kicker">{t(`learning.knowledge.phase.${phase}`)}</p>
      <h1>{text(check.title)}</h1>
      <p className="lead">{t('learning.knowledge.lead')}</p>
      <form
        className="knowledge__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (complete && !sending) void submit();
        }}
      >
        {check.questions.map((q, index) => (
          <fieldset key={q.id} className="knowledge__question" data-question={q.id}>
            <legend>
              <span className="knowledge__number">{index + 1}.</span> {text(q.prompt)}
            </legend>
            {q.kind === 'multiple' ? (
              <p className="knowledge__hint">{t('learning.knowledge.multipleHint')}</p>
            ) : null}
            {q.kind === 'confidence' ? (
              <div className="knowledge__scale">
                <span className="knowledge__scale-end">{text(q.low)}</span>
                {Array.from({ length: q.scale }, (_, i) => String(i + 1)).map((value) => (
                  <label key={value} className="knowledge__point">
                    <input
                      type="radio"
                      name={q.id}
                      value={value}
                      checked={chosen[q.id]?.[0] === value}
                      onChange={() => set(q.id, [value])}
                    />
                    {value}
                  </label>
                ))}
                <span className="knowledge__scale-end">{text(q.high)}</span>
              </div>
            ) : (
              q.options.map((o) => (
                <label key={o.id} className="knowledge__option">
                  <input
                    type={q.kind === 'single' ? 'radio' : 'checkbox'}
                    name={q.id}
                    value={o.id}
                    checked={chosen[q.id]?.includes(o.id) ?? false}
                    onChange={(event) => {
                      const current = chosen[q.id] ?? [];
                      if (q.kind === 'single') set(q.id, [o.id]);
                      else
                        set(
                          q.id,
                          event.target.checked
                            ? [...current, o.id]
                            : current.filter((x) => x !== o.id),
                        );
                    }}
                  />
                  <span>{text(o.text)}</span>
                </label>
              ))
            )}
          </fieldset>
        ))}
        {error !== null ? (
          <p role="alert">{t('learning.knowledge.error', { message: error })}</p>
        ) : null}
        {invalid.length > 0 ? (
          <div role="alert" data-knowledge-invalid>
            <p>{t('learning.knowledge.error', { message: '' }).trim()}</p>
            <ValidationDetails
              details={invalid}
              fields={{
                answers: ([index]) => {
                  if (index === undefined) return t('learning.knowledge.documentTitle');
                  const n = Number(index);
                  const question = check.questions[n];
                  return question ? `${n + 1}. ${text(question.prompt)}` : `${n + 1}.`;
                },
                phase: t(`learning.knowledge.phase.${phase}`),
              }}
            />
          </div>
        ) : null}
        <p className="knowledge__actions">
          <button type="submit" className="button" disabled={!complete || sending}>
            {t('learning.knowledge.submit')}
          </button>{' '}
          {!complete ? <span className="muted">{t('learning.knowledge.answerAll')}</span> : null}
        </p>
      </form>
      {back}
    </article>
  );
}
