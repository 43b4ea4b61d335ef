import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { ServerText } from '../components/InLanguage';
import { StatusIcon } from '../components/StatusIcon';
import { ValidationDetails, type FieldLabels } from '../components/ValidationDetails';
import { ApiError, staffAuthStore, type StaffAuth } from '../lib/facilitatorApi';
import { staffRestRefusals } from './refusals';
import { facilitatorApi, useStaffAuth } from './useStaff';

/**
 * The message to show for a failed REST call, in the UI language: a translated sentence for the
 * code, then the server's English message where it says more (which course, which field, why),
 * marked as English. Connection, log-in, not-found and rate-limit failures have texts of their
 * own for the staff pages; every other code has the staff pages' headline (staffRestRefusals in
 * facilitator/refusals.ts: the console's, worded for a request rather than a command), and the
 * same table decides when the English adds nothing. The English goes after the sentence, not into
 * it, to carry its own `lang`.
 *
 * An invalid request the server listed problems for (`details`) shows them one per line instead of
 * its one-line English summary: each under the name the form gives the field (`fields`, in the UI
 * language), or its path as the server wrote it when the form has no name for it, then the
 * server's reason, marked as English.
 */
export function useApiErrorText(): (
  error: ApiError,
  options?: { fields?: FieldLabels },
) => ReactNode {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const withDetail = (sentence: string, detail: string | null): ReactNode =>
    detail === null || detail.trim() === '' ? (
      sentence
    ) : (
      <>
        {sentence} <ServerText>{detail}</ServerText>
      </>
    );
  return (error, options = {}) => {
    switch (error.code) {
      case 'network':
        return t('facilitate.errors.network');
      case 'contract':
        // The message is this page's own English, not the server's: the sentence says it all.
        return t('facilitate.errors.contract');
      case 'auth/unauthenticated':
        return t('facilitate.errors.unauthenticated');
      case 'auth/forbidden':
        // Only the message says why (an observer, not the owner, not an author).
        return withDetail(t('facilitate.errors.forbidden'), error.message);
      case 'session/not_found':
        return t('facilitate.errors.notFound');
      case 'protocol/rate_limited':
        return t('facilitate.errors.rateLimited');
      default:
        if (error.details.length > 0) {
          return (
            <>
              {staffRestRefusals.headline(t, error.code)}
              <ValidationDetails
                className="fac-error__details"
                details={error.details}
                fields={options.fields ?? {}}
              />
            </>
          );
        }
        return withDetail(
          staffRestRefusals.headline(t, error.code),
          staffRestRefusals.serverDetail(t, language, error.code, error.message),
        );
    }
  };
}

/** An error line: icon + text, announced when it appears (a block: it may hold a list). */
export function ErrorMessage({ children }: { children: ReactNode }) {
  return (
    <div className="fac-error" role="alert">
      <StatusIcon tone="error" />
      <div>{children}</div>
    </div>
  );
}

function LoginForm() {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const userId = useId();
  const passwordId = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReactNode>(null);
  const [demo, setDemo] = useState<{ username: string; password: string } | null>(null);

  useEffect(() => {
    // The server answers only to its own machine (loopback), with a generated demo password.
    let cancelled = false;
    if (typeof fetch !== 'function') return;
    void fetch('/api/auth/demo')
      .then(async (response) =>
        response.ok ? ((await response.json()) as { username: string; password: string }) : null,
      )
      .then((found) => {
        if (!cancelled && found && typeof found.password === 'string') setDemo(found);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (username.trim() === '' || password === '') {
      setError(t('facilitate.login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await facilitatorApi().login(username, password);
      staffAuthStore().set(response);
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : new ApiError(0, 'network', '');
      setError(
        apiError.status === 401 || apiError.code === 'auth/unauthenticated'
          ? t('facilitate.login.wrong')
          : apiError.status === 400
            ? t('facilitate.login.invalid')
            : errorText(apiError),
      );
      setBusy(false);
    }
  };

  return (
    <section className="panel fac-login" aria-labelledby={`${userId}-title`}>
      <h2 id={`${userId}-title`}>{t('facilitate.login.title')}</h2>
      <p>{t('facilitate.login.lead')}</p>
      {demo ? (
        <p className="fac-demo">
          {t('facilitate.login.demo', { username: demo.username, password: demo.password })}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <div className="fac-field">
          <label htmlFor={userId}>{t('facilitate.login.username')}</label>
          <input
            id={userId}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </div>
        <div className="fac-field">
          <label htmlFor={passwordId}>{t('facilitate.login.password')}</label>
          <input
            id={passwordId}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
        {/* Marked busy, not disabled: a focused button that becomes disabled drops focus. */}
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t('facilitate.login.busy') : t('facilitate.login.submit')}
        </button>
      </form>
    </section>
  );
}

/** Sub-navigation of the facilitator area, with who is logged in and a log-out button. */
export function StaffBar({ auth }: { auth: StaffAuth }) {
  const { t } = useTranslation();
  const logout = () => {
    void facilitatorApi()
      .logout(auth.token)
      .catch(() => undefined);
    staffAuthStore().clear();
  };
  return (
    <div className="fac-bar">
      <nav aria-label={t('facilitate.nav.label')}>
        <ul className="fac-bar__links">
          <li>
            <NavLink to="/facilitate" end className="fac-bar__link">
              {t('facilitate.nav.sessions')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/facilitate/scenarios" className="fac-bar__link">
              {t('facilitate.nav.scenarios')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/facilitate/sessions/new" className="fac-bar__link">
              {t('facilitate.nav.newSession')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/facilitate/courses" className="fac-bar__link">
              {t('courses.navLink')}
            </NavLink>
          </li>
          {auth.account.role === 'admin' || auth.account.author === true ? (
            <li>
              <NavLink to="/facilitate/studio" className="fac-bar__link">
                {t('facilitate.nav.studio')}
              </NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <p className="fac-bar__who">
        {t('facilitate.nav.signedInAs', { username: auth.account.username })}
        <button type="button" className="button button--small button--secondary" onClick={logout}>
          {t('facilitate.nav.logout')}
        </button>
      </p>
    </div>
  );
}

/**
 * Shows `children` with the staff login, or the login form (under the page's own heading) when
 * nobody is logged in in this tab.
 */
export function StaffGate({
  children,
  bar = true,
  loginHeading,
}: {
  children: (auth: StaffAuth) => ReactNode;
  /** Show the facilitator sub-navigation above the content. */
  bar?: boolean;
  /** A page heading for the login form, on pages whose own heading comes with the content. */
  loginHeading?: string;
}) {
  const auth = useStaffAuth();
  // Logging in replaces the form, and the button that had focus, with the page: focus goes to the
  // page's content as after a route change (Layout), not to <body>.
  const loggedOut = useRef(false);
  useEffect(() => {
    if (!auth) {
      loggedOut.current = true;
      return;
    }
    if (!loggedOut.current) return;
    loggedOut.current = false;
    const active = document.activeElement;
    if (active === null || active === document.body)
      document.getElementById('main')?.focus({ preventScroll: true });
  }, [auth]);
  if (!auth) {
    return (
      <>
        {loginHeading ? <h1>{loginHeading}</h1> : null}
        <LoginForm />
      </>
    );
  }
  return (
    <>
      {bar ? <StaffBar auth={auth} /> : null}
      {children(auth)}
    </>
  );
}
