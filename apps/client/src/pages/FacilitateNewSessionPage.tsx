import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  compactSessionDetails,
  defaultTeamName,
  LANGUAGES,
  LIMITS,
  type CreateSessionRequest,
  type FeedbackPolicy,
  type Language,
  type ScenarioSummary,
} from '@crossroads/shared';
import { usePageTitle } from '../components/usePageTitle';
import { pickText } from '../facilitator/format';
import { ScenarioPreview } from '../facilitator/ScenarioPreview';
import type { FieldLabels } from '../components/ValidationDetails';
import { ErrorMessage, StaffGate, useApiErrorText } from '../facilitator/StaffGate';
import { facilitatorApi, useStaffResource } from '../facilitator/useStaff';
import { CourseSelect } from '../learning/CourseSelect';
import { coursesApi } from '../lib/coursesApi';
import { ApiError, type FacilitatorApi } from '../lib/facilitatorApi';
import { OpenItemsPanel } from '../learning/reports/OpenItemsPanel';

const loadScenarios = (api: FacilitatorApi, token: string) => api.scenarios(token);

/** Resizes the list of team names, keeping what was typed and filling new rows with `fill`. */
export function resizeTeams<T>(names: T[], count: number, fill: (i: number) => T): T[] {
  const size = Math.min(Math.max(Math.round(count) || 1, 1), LIMITS.teams);
  return Array.from({ length: size }, (_, i) => (i < names.length ? (names[i] as T) : fill(i)));
}

/**
 * This form's names for the fields of a create-session request, by the paths the server's
 * validation problems give them: what the facilitator reads next to the field.
 */
function createSessionFields(t: TFunction): FieldLabels {
  const teamName = (rest: string[]) => {
    const index = Number(rest[0]);
    return Number.isInteger(index)
      ? t('facilitate.create.teamName', { n: index + 1 })
      : t('facilitate.create.teamsLegend');
  };
  return {
    scenario: t('facilitate.create.scenario'),
    version: t('facilitate.create.version'),
    language: t('facilitate.create.language'),
    teams: teamName,
    feedbackPolicy: t('facilitate.create.feedbackLegend'),
    scoresVisibleToTrainees: t('facilitate.create.feedbackLegend'),
    timeRatio: t('facilitate.create.timeRatio'),
    timeLimitMinutes: t('facilitate.create.timeLimit'),
    details: t('sessionDetails.legend'),
    'details.title': t('sessionDetails.title'),
    'details.organisation': t('sessionDetails.organisation'),
    'details.place': t('sessionDetails.place'),
    'details.startsOn': t('sessionDetails.startsOn'),
    'details.endsOn': t('sessionDetails.endsOn'),
    'details.facilitators': t('sessionDetails.facilitators'),
  };
}

function sessionLanguages(scenario: ScenarioSummary | undefined): Language[] {
  const offered = LANGUAGES.filter((l) => scenario?.languages.includes(l));
  return offered.length > 0 ? offered : ['en'];
}

function NewSessionForm({ token, scenarios }: { token: string; scenarios: ScenarioSummary[] }) {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const id = useId();
  const uiLanguage = i18n.resolvedLanguage ?? 'en';
  // A row nobody typed in is null: it shows, and creates, the default name in the session's
  // language ("Tim A" for a Serbian session), which follows when that language changes.
  const fill = (): string | null => null;

  const initial = scenarios.find((s) => s.id === params.get('scenario')) ?? scenarios[0];
  const [scenarioId, setScenarioId] = useState(initial?.id ?? '');
  const scenario = scenarios.find((s) => s.id === scenarioId);
  // A studio link may ask for an older published version (?version=1.0.0).
  const askedVersion = params.get('version');
  const [version, setVersion] = useState(
    askedVersion &&
      initial &&
      askedVersion !== initial.version &&
      initial.versions.includes(askedVersion)
      ? askedVersion
      : '',
  );
  const [teamCount, setTeamCount] = useState(4);
  const [teamNames, setTeamNames] = useState<(string | null)[]>(() => resizeTeams([], 4, fill));
  const [feedbackPolicy, setFeedbackPolicy] = useState<FeedbackPolicy>('debrief_only');
  const [scoresVisible, setScoresVisible] = useState(false);
  const [timeRatio, setTimeRatio] = useState('10');
  const [timeLimit, setTimeLimit] = useState('');
  const languages = sessionLanguages(scenario);
  const [language, setLanguage] = useState<Language>(
    languages.includes(uiLanguage as Language) ? (uiLanguage as Language) : 'en',
  );
  const sessionLanguage = languages.includes(language) ? language : 'en';
  const teamName = (name: string | null, i: number) => name ?? defaultTeamName(i, sessionLanguage);
  const [details, setDetails] = useState({
    title: '',
    organisation: '',
    place: '',
    startsOn: '',
    endsOn: '',
    facilitators: '',
  });
  const setDetailsField = (field: keyof typeof details) => (value: string) =>
    setDetails((c) => ({ ...c, [field]: value }));
  // A course page links here with ?course=<id>.
  const [course, setCourse] = useState(params.get('course') ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReactNode>(null);

  const changeCount = (value: string) => {
    const n = Number(value);
    setTeamCount(Number.isFinite(n) ? n : 1);
    if (Number.isFinite(n) && n >= 1) setTeamNames((names) => resizeTeams(names, n, fill));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!scenario) {
      setError(t('facilitate.create.errors.scenario'));
      return;
    }
    const names = teamNames.map((n, i) => teamName(n, i).trim());
    if (teamCount < 1 || teamCount > LIMITS.teams || names.length !== teamCount) {
      setError(t('facilitate.create.errors.teams', { max: LIMITS.teams }));
      return;
    }
    if (names.some((n) => n === '' || n.length > LIMITS.teamName)) {
      setError(t('facilitate.create.errors.teamName', { max: LIMITS.teamName }));
      return;
    }
    if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) {
      setError(t('facilitate.create.errors.teamDuplicate'));
      return;
    }
    const ratio = Number(timeRatio);
    if (timeRatio.trim() === '' || !Number.isFinite(ratio) || ratio < 0 || ratio > 1440) {
      setError(t('facilitate.create.errors.ratio'));
      return;
    }
    const limit = timeLimit.trim() === '' ? undefined : Number(timeLimit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 1440)) {
      setError(t('facilitate.create.errors.limit'));
      return;
    }
    if (details.startsOn && details.endsOn && details.startsOn > details.endsOn) {
      setError(t('sessionDetails.errors.dates'));
      return;
    }
    const facilitators = details.facilitators
      .split('\n')
      .map((f) => f.trim())
      .filter((f) => f !== '');
    if (
      facilitators.length > LIMITS.sessionFacilitators ||
      facilitators.some((f) => f.length > LIMITS.facilitatorName)
    ) {
      setError(
        t('sessionDetails.errors.facilitators', {
          max: LIMITS.sessionFacilitators,
          length: LIMITS.facilitatorName,
        }),
      );
      return;
    }
    const given = compactSessionDetails({
      title: details.title.trim(),
      organisation: details.organisation.trim(),
      place: details.place.trim(),
      startsOn: details.startsOn,
      endsOn: details.endsOn,
      facilitators,
    });
    const body: CreateSessionRequest = {
      scenario: scenario.id,
      ...(version ? { version } : {}),
      teams: names,
      feedbackPolicy,
      scoresVisibleToTrainees: scoresVisible,
      timeRatio: ratio,
      ...(limit !== undefined ? { timeLimitMinutes: limit } : {}),
      language: sessionLanguage,
      ...(given ? { details: given } : {}),
    };
    setBusy(true);
    try {
      const meta = await facilitatorApi().createSession(token, body);
      // The session exists either way; a course that refuses it can be fixed from the course page.
      if (course)
        await coursesApi()
          .addSession(token, course, meta.id)
          .catch(() => undefined);
      void navigate(`/facilitate/sessions/${meta.id}`);
    } catch (caught) {
      setError(
        errorText(caught instanceof ApiError ? caught : new ApiError(0, 'network', ''), {
          fields: createSessionFields(t),
        }),
      );
      setBusy(false);
    }
  };

  return (
    <div className="fac-create">
      <form className="fac-form panel" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('facilitate.create.scenarioLegend')}</legend>
          <div className="fac-field">
            <label htmlFor={`${id}-scenario`}>{t('facilitate.create.scenario')}</label>
            <select
              id={`${id}-scenario`}
              value={scenarioId}
              onChange={(e) => {
                setScenarioId(e.target.value);
                setVersion('');
              }}
            >
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {pickText(s.title, uiLanguage)}
                </option>
              ))}
            </select>
          </div>
          {scenario && scenario.versions.length > 1 ? (
            <div className="fac-field">
              <label htmlFor={`${id}-version`}>{t('facilitate.create.version')}</label>
              <select
                id={`${id}-version`}
                value={version}
                onChange={(e) => setVersion(e.target.value)}
              >
                <option value="">
                  {t('facilitate.create.latest', { version: scenario.version })}
                </option>
                {scenario.versions
                  .filter((v) => v !== scenario.version)
                  .map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
              </select>
            </div>
          ) : null}
          <div className="fac-field">
            <label htmlFor={`${id}-language`}>{t('facilitate.create.language')}</label>
            <select
              id={`${id}-language`}
              value={language}
              onChange={(e) => setLanguage(e.target.value as Language)}
              aria-describedby={`${id}-language-help`}
            >
              {languages.map((l) => (
                <option key={l} value={l} lang={l}>
                  {i18n.getFixedT(l)('language.endonym')}
                </option>
              ))}
            </select>
            <p id={`${id}-language-help`} className="fac-help">
              {t('facilitate.create.languageHelp')}
            </p>
          </div>
          <CourseSelect token={token} value={course} onChange={setCourse} />
        </fieldset>

        <fieldset data-session-details-form>
          <legend>{t('sessionDetails.legend')}</legend>
          <p className="fac-help">{t('sessionDetails.help')}</p>
          {(
            [
              ['title', LIMITS.sessionTitle],
              ['organisation', LIMITS.sessionOrganisation],
              ['place', LIMITS.sessionPlace],
            ] as const
          ).map(([field, max]) => (
            <div className="fac-field" key={field}>
              <label htmlFor={`${id}-details-${field}`}>{t(`sessionDetails.${field}`)}</label>
              <input
                id={`${id}-details-${field}`}
                value={details[field]}
                maxLength={max}
                onChange={(e) => setDetailsField(field)(e.target.value)}
              />
            </div>
          ))}
          <div className="fac-session-days">
            {(['startsOn', 'endsOn'] as const).map((field) => (
              <div className="fac-field" key={field}>
                <label htmlFor={`${id}-details-${field}`}>{t(`sessionDetails.${field}`)}</label>
                <input
                  id={`${id}-details-${field}`}
                  type="date"
                  value={details[field]}
                  onChange={(e) => setDetailsField(field)(e.target.value)}
                />
              </div>
            ))}
          </div>
          <div className="fac-field">
            <label htmlFor={`${id}-details-facilitators`}>{t('sessionDetails.facilitators')}</label>
            <textarea
              id={`${id}-details-facilitators`}
              rows={3}
              value={details.facilitators}
              onChange={(e) => setDetailsField('facilitators')(e.target.value)}
              aria-describedby={`${id}-details-facilitators-help`}
            />
            <p id={`${id}-details-facilitators-help`} className="fac-help">
              {t('sessionDetails.facilitatorsHelp')}
            </p>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('facilitate.create.teamsLegend')}</legend>
          <div className="fac-field fac-field--short">
            <label htmlFor={`${id}-count`}>{t('facilitate.create.teamCount')}</label>
            <input
              id={`${id}-count`}
              type="number"
              inputMode="numeric"
              min={1}
              max={LIMITS.teams}
              value={teamCount}
              onChange={(e) => changeCount(e.target.value)}
            />
          </div>
          <ol className="fac-team-names">
            {teamNames.map((name, i) => (
              <li key={i} className="fac-field">
                <label htmlFor={`${id}-team-${i}`}>
                  {t('facilitate.create.teamName', { n: i + 1 })}
                </label>
                <input
                  id={`${id}-team-${i}`}
                  value={teamName(name, i)}
                  maxLength={LIMITS.teamName}
                  onChange={(e) =>
                    setTeamNames((names) => names.map((n, j) => (j === i ? e.target.value : n)))
                  }
                />
              </li>
            ))}
          </ol>
        </fieldset>

        <fieldset>
          <legend>{t('facilitate.create.feedbackLegend')}</legend>
          <div className="fac-radio">
            <input
              type="radio"
              id={`${id}-fb-debrief`}
              name="feedback"
              checked={feedbackPolicy === 'debrief_only'}
              onChange={() => setFeedbackPolicy('debrief_only')}
            />
            <label htmlFor={`${id}-fb-debrief`}>{t('facilitate.create.feedbackDebrief')}</label>
          </div>
          <div className="fac-radio">
            <input
              type="radio"
              id={`${id}-fb-hints`}
              name="feedback"
              checked={feedbackPolicy === 'hints'}
              onChange={() => setFeedbackPolicy('hints')}
            />
            <label htmlFor={`${id}-fb-hints`}>{t('facilitate.create.feedbackHints')}</label>
          </div>
          <div className="fac-checkbox">
            <input
              type="checkbox"
              id={`${id}-scores`}
              checked={scoresVisible}
              onChange={(e) => setScoresVisible(e.target.checked)}
            />
            <label htmlFor={`${id}-scores`}>{t('facilitate.create.scoresVisible')}</label>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('facilitate.create.timeLegend')}</legend>
          <div className="fac-field fac-field--short">
            <label htmlFor={`${id}-ratio`}>{t('facilitate.create.timeRatio')}</label>
            <input
              id={`${id}-ratio`}
              type="number"
              inputMode="decimal"
              min={0}
              max={1440}
              step="any"
              value={timeRatio}
              onChange={(e) => setTimeRatio(e.target.value)}
              aria-describedby={`${id}-ratio-help`}
            />
            <p id={`${id}-ratio-help`} className="fac-help">
              {t('facilitate.create.timeRatioHelp')}
            </p>
          </div>
          <div className="fac-field fac-field--short">
            <label htmlFor={`${id}-limit`}>{t('facilitate.create.timeLimit')}</label>
            <input
              id={`${id}-limit`}
              type="number"
              inputMode="numeric"
              min={1}
              max={1440}
              value={timeLimit}
              onChange={(e) => setTimeLimit(e.target.value)}
              aria-describedby={`${id}-limit-help`}
            />
            <p id={`${id}-limit-help`} className="fac-help">
              {t('facilitate.create.timeLimitHelp')}
            </p>
          </div>
        </fieldset>

        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
        <p className="fac-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('facilitate.create.busy') : t('facilitate.create.submit')}
          </button>
          <Link to="/facilitate" className="button button--secondary">
            {t('facilitate.create.cancel')}
          </Link>
        </p>
      </form>
      {scenario ? <OpenItemsPanel token={token} scenario={scenario.id} /> : null}
      {scenario ? (
        <details className="fac-create__preview panel">
          <summary>{t('facilitate.create.showPreview')}</summary>
          <ScenarioPreview scenario={scenario} language={language} headingLevel={3} />
        </details>
      ) : null}
    </div>
  );
}

function NewSession({ token }: { token: string }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const { resource, reload } = useStaffResource(token, loadScenarios);
  if (resource.state === 'loading') return <p role="status">{t('facilitate.loading')}</p>;
  if (resource.state === 'error') {
    return (
      <>
        <ErrorMessage>{errorText(resource.error)}</ErrorMessage>
        <button type="button" className="button" onClick={reload}>
          {t('facilitate.retry')}
        </button>
      </>
    );
  }
  if (resource.data.length === 0) return <p>{t('facilitate.catalogue.empty')}</p>;
  return <NewSessionForm token={token} scenarios={resource.data} />;
}

/** Route /facilitate/sessions/new: choose the scenario and the session's settings. */
export function FacilitateNewSessionPage() {
  const { t } = useTranslation();
  usePageTitle(t('facilitate.create.title'));
  return (
    <div className="page fac-page">
      <h1>{t('facilitate.create.title')}</h1>
      <StaffGate>{(auth) => <NewSession token={auth.token} />}</StaffGate>
    </div>
  );
}
