import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorText } from '../facilitator/StaffGate';
import { ApiError } from '../lib/facilitatorApi';
import type {
  DryRunAction,
  Language,
  StudioDryRun,
  StudioValidation,
  WhyNot,
} from '@crossroads/shared';
import { pickText } from '../facilitator/format';
import { staffRefusals } from '../facilitator/refusals';
import { formatUnit } from '../i18n/numbers';
import { studioApi } from '../lib/studioApi';
import { errorHeadline, refusalDetail } from '../trainee/errors';
import { scenarioNames } from './scenarioNames';
import { parseSource } from './yamlDoc';
import { actionWords, effectWords, endingKindWords } from './stepWords';

/**
 * Solo dry-run: play every agency (and the facilitator) yourself. The actions stay in this page;
 * the server replays them on the engine each time and stores nothing. Going back in the timeline
 * replays fewer actions; acting from there drops the later ones.
 */
export function DryRunPanel({
  token,
  source,
  validation,
}: {
  token: string;
  source: string;
  validation: StudioValidation;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  // The scenario's names for what the engine's answers give by id (read here, not on the server:
  // the page has the text, and an action not yet replayed has no answer).
  const names = useMemo(
    () => scenarioNames(parseSource(source).data, language),
    [source, language],
  );
  const agencies = validation.agencies;
  const [role, setRole] = useState<string | null>(agencies[0]?.id ?? null);
  const [actions, setActions] = useState<DryRunAction[]>([]);
  const [upTo, setUpTo] = useState<number | null>(null);
  const [run, setRun] = useState<StudioDryRun | null>(null);
  /** Why the last replay failed (an ApiError or another Error), null when it did not. */
  const [error, setError] = useState<unknown>(null);
  const errorText = useApiErrorText();
  // The server's refusal in the page's language (its English words only as a detail).
  const failed = (e: unknown): ReactNode =>
    e instanceof ApiError ? errorText(e) : (e as Error).message;
  const [minutes, setMinutes] = useState('30');

  const position = upTo ?? actions.length;
  useEffect(() => {
    let cancelled = false;
    studioApi()
      .dryRun(token, source, actions, role, position)
      .then(
        (result) => {
          if (!cancelled) {
            setRun(result);
            setError(null);
          }
        },
        (e: unknown) => {
          if (!cancelled) setError(e);
        },
      );
    return () => {
      cancelled = true;
    };
  }, [token, source, actions, role, position]);

  const act = useCallback(
    (action: DryRunAction) => {
      setActions((list) => [...list.slice(0, position), action]);
      setUpTo(null);
    },
    [position],
  );

  /** An agency's name in the page's language (the facilitator for null, an unknown id as it is). */
  const agencyName = (id: string | null): string => {
    if (id === null) return t('studio.dryRun.facilitator');
    const agency = agencies.find((a) => a.id === id);
    return agency ? pickText(agency.name, language) : names.agency(id);
  };
  /** The same in a few words (the scenario's short name, else its name): for timeline lines. */
  const agencyShort = (id: string | null): string => {
    const agency = agencies.find((a) => a.id === id);
    return agency ? pickText(agency.shortName ?? agency.name, language) : agencyName(id);
  };
  /** A phase's title in the page's language (its id when the map does not have it). */
  const phaseTitle = (id: string): string => {
    const phase = validation.graph?.phases.find((p) => p.id === id);
    return phase ? pickText(phase.title, language) : id;
  };
  /**
   * Why an option is closed, as the trainee playing that agency will read it: the translated
   * headline of its code, then the scenario's own words in the page's language (its `text`,
   * else the engine's English message, marked as English).
   */
  const whyNotWords = (
    whyNot: WhyNot,
  ): { headline: string; detail: ReturnType<typeof refusalDetail> } => ({
    headline: errorHeadline(t, whyNot.code),
    detail: refusalDetail(t, language, [language as Language, 'en'], whyNot),
  });
  const view = run?.view ?? null;
  const incoming =
    view?.requests.filter((r) => r.direction === 'incoming' && r.status === 'pending') ?? [];

  return (
    <div className="studio-dryrun">
      <div className="studio-dryrun__bar">
        <label className="studio-field">
          <span className="studio-field__label">{t('studio.dryRun.role')}</span>
          <select
            value={role ?? ''}
            onChange={(e) => setRole(e.target.value === '' ? null : e.target.value)}
          >
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {pickText(a.name, language)}
              </option>
            ))}
            <option value="">{t('studio.dryRun.facilitator')}</option>
          </select>
        </label>
        <p role="status" className="studio-dryrun__state">
          {run
            ? t('studio.dryRun.state', {
                phase: run.phase === null ? '—' : phaseTitle(run.phase),
                minutes: run.clock,
              })
            : t('facilitate.loading')}
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setActions([]);
            setUpTo(null);
          }}
        >
          {t('studio.dryRun.restart')}
        </button>
      </div>
      {error !== null ? (
        <p role="alert" className="fac-error">
          {failed(error)}
        </p>
      ) : null}
      {/* The only refusal of a replay: the text no longer compiles (the server's words are English). */}
      {run && !run.ok ? <p role="alert">{t('studio.dryRun.invalid')}</p> : null}
      {run?.ended ? (
        <p className="studio-ended" role="status">
          {t('studio.dryRun.ended', {
            title: pickText(run.ended.title, language),
            kind: endingKindWords(t, run.ended.kind),
          })}
        </p>
      ) : null}

      <div className="studio-dryrun__grid">
        <section aria-labelledby="dryrun-act">
          <h2 id="dryrun-act">
            {role
              ? t('studio.dryRun.asRole', { role: agencyName(role) })
              : t('studio.dryRun.facilitator')}
          </h2>
          {view ? (
            <>
              <p className="studio-hint">{pickText(view.briefing, language)}</p>
              {view.decisions.length === 0 &&
              view.sendableRequests.length === 0 &&
              incoming.length === 0 ? (
                <p>{t('studio.dryRun.nothingToDo')}</p>
              ) : null}
              {view.decisions.map((d) => (
                <fieldset key={d.id} className="studio-decision">
                  <legend>{pickText(d.title, language)}</legend>
                  <p>{pickText(d.prompt, language)}</p>
                  {d.options.map((o) => {
                    // Why an option is closed, as text beside it (a tooltip reaches neither the
                    // keyboard, nor a screen reader, nor a touch screen), and its description.
                    const why = !o.enabled && o.whyNot ? whyNotWords(o.whyNot) : null;
                    const whyId = `dryrun-why-${d.id}-${o.id}`;
                    return (
                      <div key={o.id} className="studio-option" data-option={o.id}>
                        <button
                          type="button"
                          className="button"
                          disabled={!o.enabled}
                          aria-describedby={why ? whyId : undefined}
                          onClick={() =>
                            act({
                              role,
                              type: d.joint ? 'joint.signed' : 'decision.made',
                              payload: { decision: d.id, option: o.id },
                            })
                          }
                        >
                          {pickText(o.label, language)} (
                          {formatUnit(t, o.timeCost, 'minutes', language)})
                        </button>
                        {why ? (
                          <p id={whyId} className="studio-hint studio-option__why">
                            {t('studio.dryRun.notNow', { reason: why.headline })}
                            {why.detail ? (
                              <>
                                {' '}
                                <span lang={why.detail.lang}>{why.detail.text}</span>
                              </>
                            ) : null}
                          </p>
                        ) : null}
                      </div>
                    );
                  })}
                </fieldset>
              ))}
              {view.sendableRequests.map((r) => (
                <button
                  key={r.id}
                  type="button"
                  className="button button--secondary"
                  disabled={!r.enabled}
                  onClick={() => act({ role, type: 'request.sent', payload: { request: r.id } })}
                >
                  {t('studio.dryRun.send', { title: pickText(r.title, language) })}
                </button>
              ))}
              {incoming.map((r) => (
                <div key={r.instance} className="studio-request">
                  <span>
                    {t('studio.dryRun.incoming', {
                      title: pickText(r.title, language),
                      from: agencyName(r.from),
                    })}
                  </span>
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      act({
                        role,
                        type: 'request.answered',
                        payload: { request: r.request, granted: true },
                      })
                    }
                  >
                    {t('studio.dryRun.grant')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() =>
                      act({
                        role,
                        type: 'request.answered',
                        payload: { request: r.request, granted: false },
                      })
                    }
                  >
                    {t('studio.dryRun.refuse')}
                  </button>
                </div>
              ))}
              <h3>{t('studio.dryRun.sees')}</h3>
              {/* Each thing with its kind in words: the emoji that marked them drew blank boxes
                  where the machine has no emoji font, and a screen reader read their names. */}
              <ul className="studio-dryrun__seen">
                {[
                  ...view.documents.map((d) => ['document', d.id, d.title] as const),
                  ...view.evidence.map((e) => ['evidence', e.id, e.title] as const),
                  ...view.injects.map((i) => ['inject', i.id, i.title] as const),
                  ...view.people.map((p) => ['person', p.id, p.name] as const),
                ].map(([kind, id, title]) => (
                  <li key={`${kind}-${id}`}>
                    <span className="studio-hint">{t(`studio.dryRun.seenKind.${kind}`)}:</span>{' '}
                    {pickText(title, language)}
                  </li>
                ))}
              </ul>
            </>
          ) : run ? (
            <div>
              {run.facilitator.injects.map((i) => (
                <button
                  key={i.id}
                  type="button"
                  className="button button--secondary"
                  disabled={i.released}
                  onClick={() =>
                    act({ role: null, type: 'inject.released', payload: { inject: i.id } })
                  }
                >
                  {t('studio.dryRun.release', { title: pickText(i.title, language) })}
                </button>
              ))}
              {run.facilitator.pendingRequests.map((r) => (
                <div key={r.request} className="studio-request">
                  <span>
                    {t('studio.dryRun.incoming', {
                      title: pickText(r.title, language),
                      from: agencyName(r.from),
                    })}
                  </span>
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      act({
                        role: null,
                        type: 'request.answered',
                        payload: { request: r.request, granted: true },
                      })
                    }
                  >
                    {t('studio.dryRun.grant')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() =>
                      act({
                        role: null,
                        type: 'request.answered',
                        payload: { request: r.request, granted: false },
                      })
                    }
                  >
                    {t('studio.dryRun.refuse')}
                  </button>
                </div>
              ))}
              <label className="studio-field">
                <span className="studio-field__label">{t('studio.dryRun.minutes')}</span>
                <input
                  type="number"
                  min={1}
                  value={minutes}
                  onChange={(e) => setMinutes(e.target.value)}
                />
              </label>
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  act({
                    role: null,
                    type: 'clock.ticked',
                    payload: { minutes: Math.max(1, Number(minutes) || 1) },
                  })
                }
              >
                {t('studio.dryRun.advance')}
              </button>
            </div>
          ) : null}
        </section>
        <section aria-labelledby="dryrun-timeline">
          <h2 id="dryrun-timeline">{t('studio.dryRun.timeline')}</h2>
          <ol className="studio-timeline">
            <li>
              <button
                type="button"
                className="studio-link"
                aria-current={position === 0 ? 'step' : undefined}
                onClick={() => setUpTo(0)}
              >
                {t('studio.dryRun.start')}
              </button>
            </li>
            {actions.map((a, i) => {
              const step = run?.steps[i];
              const words = actionWords(
                t,
                names.action(a, step?.action ?? run?.actions[i]),
                language,
              );
              const refusal =
                step && !step.accepted
                  ? [
                      staffRefusals.headline(t, step.code ?? ''),
                      staffRefusals.serverDetail(t, language, step.code ?? '', step.message ?? ''),
                    ]
                  : null;
              return (
                <li
                  key={i}
                  className={
                    i >= position
                      ? 'studio-timeline__future'
                      : step && !step.accepted
                        ? 'studio-bad'
                        : ''
                  }
                >
                  <button
                    type="button"
                    className="studio-link"
                    aria-current={position === i + 1 ? 'step' : undefined}
                    onClick={() => setUpTo(i + 1 === actions.length ? null : i + 1)}
                  >
                    {step
                      ? t('studio.steps.line', {
                          time: formatUnit(t, step.time, 'minutes', language),
                          role: agencyShort(a.role),
                          action: words,
                        })
                      : t('studio.steps.future', { role: agencyShort(a.role), action: words })}
                  </button>
                  {refusal ? (
                    <span>
                      {' — '}
                      {t('studio.steps.refused', { reason: refusal[0] })}
                      {refusal[1] ? (
                        <>
                          {' '}
                          <span lang="en">{refusal[1]}</span>
                        </>
                      ) : null}
                    </span>
                  ) : null}
                  {step && step.effects.length > 0 ? (
                    <ul className="studio-timeline__effects" aria-label={t('studio.steps.effects')}>
                      {step.effects.map((e, n) => (
                        <li key={n}>{effectWords(t, e, language, agencyName)}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      </div>
    </div>
  );
}
