import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LIMITS, type JoinInfo, type ParticipantProfile } from '@crossroads/shared';
import { fetchJoinInfo, normaliseJoinCode, postJoin, TraineeApiError } from '../lib/traineeApi';
import {
  listCredentials,
  loadDisplayName,
  saveCredential,
  saveDisplayName,
  type StoredCredential,
} from '../lib/traineeStorage';
import { ServerText } from '../components/InLanguage';
import { contentLanguages, useReaderLanguage } from '../lib/contentText';
import { ContentLanguageContext, ContentLanguages, Tx } from './content';
import { ValidationDetails } from '../components/ValidationDetails';
import { errorHeadline, serverDetail } from './errors';
import { TraineeStyles } from './styles';
import { ProfileFields } from './ProfileFields';
import { TeamName } from '../components/TeamName';

type Lookup =
  | { state: 'idle' }
  | { state: 'loading'; code: string }
  | { state: 'failed'; code: string; error: TraineeApiError }
  | { state: 'found'; code: string; info: JoinInfo };

const ANY = '';

function apiError(error: unknown): TraineeApiError {
  return error instanceof TraineeApiError
    ? error
    : new TraineeApiError('unexpected', String(error));
}

/** Sessions this browser joined before, to go straight back in. */
function ResumeList({ credentials }: { credentials: StoredCredential[] }) {
  const { t } = useTranslation();
  const reader = useReaderLanguage();
  const headingId = useId();
  if (credentials.length === 0) return null;
  return (
    <section className="tr-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('join.resume.title')}</h2>
      <ul className="tr-plain-list">
        {credentials.slice(0, 3).map((c) => (
          <li key={c.session} className="tr-resume">
            <ContentLanguageContext.Provider value={contentLanguages(reader, c.language)}>
              <span>
                <Tx text={c.title} as="strong" />
                <br />
                <span className="tr-muted">
                  {t('join.resume.as', { name: c.displayName, code: c.joinCode })}
                </span>
              </span>
            </ContentLanguageContext.Provider>
            <Link className="button button--small" to={`/play/${c.session}`}>
              {t('join.resume.continue')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Step 1: the code from the facilitator's screen. */
function CodeForm({
  initialCode,
  lookup,
  onLookup,
  focusOnShow,
}: {
  initialCode: string;
  lookup: Lookup;
  onLookup: (code: string) => void;
  /** Shown again from step 2 ("Use another code"): the button that was focused is gone. */
  focusOnShow: boolean;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initialCode);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const failed = lookup.state === 'failed' ? lookup.error : null;
  const inputRef = useRef<HTMLInputElement>(null);
  // Continue is disabled while the code is checked, which drops its focus on <body>: a wrong code
  // takes the keyboard back to the field to correct (marked invalid, described by the error).
  useEffect(() => {
    if (failed) inputRef.current?.focus();
  }, [failed]);
  useEffect(() => {
    if (focusOnShow) inputRef.current?.focus();
  }, [focusOnShow]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalised = normaliseJoinCode(code);
    if (normalised !== '') onLookup(normalised);
  };
  return (
    <form className="tr-panel tr-form" onSubmit={submit} noValidate>
      <div className="tr-field">
        <label htmlFor={inputId}>{t('join.code.label')}</label>
        <p id={hintId} className="tr-hint">
          {t('join.code.hint')}
        </p>
        <input
          ref={inputRef}
          id={inputId}
          name="code"
          className="tr-input tr-input--code"
          value={code}
          onChange={(event) => setCode(event.target.value.toUpperCase())}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={16}
          required
          aria-invalid={failed ? true : undefined}
          aria-describedby={failed ? `${hintId} ${errorId}` : hintId}
        />
      </div>
      {failed ? (
        <p id={errorId} className="tr-error" role="alert">
          {failed.code === 'session/not_found'
            ? t('join.code.notFound')
            : errorHeadline(t, failed.code)}
        </p>
      ) : null}
      <button
        type="submit"
        className="button"
        disabled={lookup.state === 'loading' || normaliseJoinCode(code) === ''}
      >
        {lookup.state === 'loading' ? t('join.code.checking') : t('join.code.submit')}
      </button>
    </form>
  );
}

/** Step 2: name, team and agency, with the session's content warnings. */
function DetailsForm({
  code,
  info,
  existing,
  onBack,
  focusOnShow,
}: {
  code: string;
  info: JoinInfo;
  existing: StoredCredential | undefined;
  onBack: () => void;
  /** Reached from the code form: its focused Continue button is gone with it. */
  focusOnShow: boolean;
}) {
  const { t, i18n } = useTranslation();
  const reader = useReaderLanguage();
  const navigate = useNavigate();
  const [name, setName] = useState(loadDisplayName);
  const [team, setTeam] = useState(ANY);
  const [role, setRole] = useState(ANY);
  const [profile, setProfile] = useState<ParticipantProfile>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TraineeApiError | null>(null);
  const [nameMissing, setNameMissing] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // Replacing the code form drops focus on <body>: it goes to the session's name instead, so a
  // keyboard or screen-reader user goes on from there to the content warnings and the form.
  useEffect(() => {
    if (focusOnShow) titleRef.current?.focus();
  }, [focusOnShow]);
  const nameId = useId();
  const nameErrorId = useId();
  const joinErrorId = useId();
  const nameTaken = error?.code === 'session/name_taken';
  // Join the session is disabled while the join is sent, which drops its focus on <body>: a refusal
  // takes the keyboard to what is to be changed, the name when it is taken, else back to the button.
  useEffect(() => {
    if (error === null) return;
    if (error.code === 'session/name_taken') nameRef.current?.focus();
    else submitRef.current?.focus();
  }, [error]);
  const warningsId = useId();
  const sessionId = useId();
  const ended = info.status === 'ended';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const displayName = name.trim();
    if (displayName === '') {
      setNameMissing(true);
      nameRef.current?.focus();
      return;
    }
    setNameMissing(false);
    setBusy(true);
    setError(null);
    postJoin({
      code,
      displayName,
      ...(team !== ANY ? { team } : {}),
      ...(role !== ANY ? { role } : {}),
      ...(Object.keys(profile).length > 0 ? { profile } : {}),
    }).then(
      (joined) => {
        saveCredential({
          session: joined.session.id,
          token: joined.participantToken,
          participant: joined.participant.id,
          displayName: joined.participant.displayName,
          joinCode: code,
          title: info.scenario.title,
          contentWarnings: info.scenario.contentWarnings,
          language: info.language,
          joinedAt: joined.participant.joinedAt,
        });
        saveDisplayName(displayName);
        void navigate(`/play/${joined.session.id}`);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(apiError(failure));
      },
    );
  };

  return (
    <ContentLanguages languages={contentLanguages(reader, info.language)} session={info.language}>
      <section className="tr-panel" aria-labelledby={sessionId}>
        <h2 id={sessionId} ref={titleRef} tabIndex={-1}>
          <Tx text={info.scenario.title} />
        </h2>
        <p className="tr-muted">
          {t('join.details.code', { code })} · {t(`join.status.${info.status}`)}
        </p>
        {existing ? (
          <div className="tr-callout" role="note">
            <p>{t('join.details.already', { name: existing.displayName })}</p>
            <Link className="button" to={`/play/${existing.session}`}>
              {t('join.resume.continue')}
            </Link>
          </div>
        ) : null}
      </section>

      {info.scenario.contentWarnings.length > 0 ? (
        <section className="tr-panel tr-warnings" aria-labelledby={warningsId}>
          <h2 id={warningsId}>{t('join.warnings.title')}</h2>
          <p>{t('join.warnings.lead')}</p>
          <ul>
            {info.scenario.contentWarnings.map((warning, index) => (
              <li key={index}>
                <Tx text={warning} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {ended ? (
        <div className="tr-panel">
          <p className="tr-error" role="alert">
            {t('join.details.ended')}
          </p>
          <div className="tr-actions">
            <button type="button" className="button" onClick={onBack}>
              {t('join.details.otherCode')}
            </button>
          </div>
        </div>
      ) : (
        <form className="tr-panel tr-form" onSubmit={submit} noValidate>
          <h2>{existing ? t('join.details.titleAnother') : t('join.details.title')}</h2>
          <div className="tr-field">
            <label htmlFor={nameId}>{t('join.details.name')}</label>
            <p className="tr-hint" id={`${nameId}-hint`}>
              {t('join.details.nameHint')}
            </p>
            <input
              id={nameId}
              ref={nameRef}
              className="tr-input"
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={LIMITS.displayName}
              autoComplete="nickname"
              required
              aria-invalid={nameMissing || nameTaken ? true : undefined}
              aria-describedby={
                nameMissing
                  ? `${nameId}-hint ${nameErrorId}`
                  : nameTaken
                    ? `${nameId}-hint ${joinErrorId}`
                    : `${nameId}-hint`
              }
            />
            {nameMissing ? (
              <p id={nameErrorId} className="tr-error">
                {t('join.details.nameMissing')}
              </p>
            ) : null}
          </div>

          <fieldset className="tr-choices">
            <legend>{t('join.details.team')}</legend>
            <label className="tr-choice">
              <input
                type="radio"
                name="team"
                value={ANY}
                checked={team === ANY}
                onChange={() => setTeam(ANY)}
              />
              <span>{t('join.details.anyTeam')}</span>
            </label>
            {info.teams.map((option) => (
              <label key={option.id} className="tr-choice">
                <input
                  type="radio"
                  name="team"
                  value={option.id}
                  checked={team === option.id}
                  onChange={() => setTeam(option.id)}
                />
                <span>
                  <TeamName name={option.name} />{' '}
                  <span className="tr-muted">
                    {t('join.details.members', { count: option.members })}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>

          <fieldset className="tr-choices">
            <legend>{t('join.details.role')}</legend>
            <label className="tr-choice">
              <input
                type="radio"
                name="role"
                value={ANY}
                checked={role === ANY}
                onChange={() => setRole(ANY)}
              />
              <span>{t('join.details.anyRole')}</span>
            </label>
            {info.roles.map((option) => (
              <label key={option.id} className="tr-choice">
                <input
                  type="radio"
                  name="role"
                  value={option.id}
                  checked={role === option.id}
                  onChange={() => setRole(option.id)}
                />
                <span>
                  <Tx text={option.name} />{' '}
                  <span className="tr-muted">
                    {option.playable === 'required'
                      ? t('join.details.required')
                      : t('join.details.optional')}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>

          <ProfileFields value={profile} onChange={setProfile} />

          {error && error.details.length > 0 ? (
            // What the server found wrong, field by field, under the names this form gives them.
            <div className="tr-error" role="alert" id={joinErrorId}>
              {errorHeadline(t, error.code)}
              <ValidationDetails
                className="tr-error__details"
                details={error.details}
                fields={{
                  displayName: t('join.details.name'),
                  team: t('join.details.team'),
                  role: t('join.details.role'),
                  'profile.institution': t('join.profile.institution'),
                  'profile.country': t('join.profile.country'),
                  'profile.gender': t('join.profile.gender'),
                  profile: t('join.profile.title'),
                }}
              />
            </div>
          ) : error ? (
            <p className="tr-error" role="alert" id={joinErrorId}>
              {errorHeadline(t, error.code)}{' '}
              <ServerText>
                {serverDetail(t, i18n.resolvedLanguage, error.code, error.message)}
              </ServerText>
            </p>
          ) : null}
          <div className="tr-actions">
            <button ref={submitRef} type="submit" className="button" disabled={busy}>
              {busy ? t('join.details.joining') : t('join.details.submit')}
            </button>
            <button type="button" className="tr-link-button" onClick={onBack}>
              {t('join.details.otherCode')}
            </button>
          </div>
        </form>
      )}
    </ContentLanguages>
  );
}

/**
 * Joining, Kahoot-easy: the code (prefilled from a join link or QR code), then a name, a team and
 * an agency. The participant credential is kept in localStorage for reconnecting.
 */
export function JoinFlow({ initialCode }: { initialCode: string }) {
  const { t } = useTranslation();
  const [lookup, setLookup] = useState<Lookup>(() =>
    initialCode ? { state: 'loading', code: normaliseJoinCode(initialCode) } : { state: 'idle' },
  );
  const [credentials] = useState(listCredentials);
  // Set once the trainee goes from one step to the other on this page (not on arriving by a join
  // link): the step shown next takes the focus the replaced one had.
  const [moved, setMoved] = useState(false);
  const code = lookup.state === 'idle' ? '' : lookup.code;

  useEffect(() => {
    if (lookup.state !== 'loading') return;
    let cancelled = false;
    fetchJoinInfo(lookup.code).then(
      (info) => {
        if (!cancelled) setLookup({ state: 'found', code: lookup.code, info });
      },
      (error: unknown) => {
        if (!cancelled) setLookup({ state: 'failed', code: lookup.code, error: apiError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [lookup]);

  const existing = credentials.find((c) => c.joinCode === code);

  return (
    <div className="tr-join">
      <TraineeStyles />
      <h1>{t('join.title')}</h1>
      {lookup.state === 'found' ? (
        <DetailsForm
          code={lookup.code}
          info={lookup.info}
          existing={existing}
          onBack={() => {
            setMoved(true);
            setLookup({ state: 'idle' });
          }}
          focusOnShow={moved}
        />
      ) : (
        <>
          <p className="lead">{t('join.lead')}</p>
          <CodeForm
            initialCode={code || initialCode}
            lookup={lookup}
            onLookup={(next) => {
              setMoved(true);
              setLookup({ state: 'loading', code: next });
            }}
            focusOnShow={moved && lookup.state === 'idle'}
          />
          <ResumeList credentials={credentials} />
        </>
      )}
    </div>
  );
}
