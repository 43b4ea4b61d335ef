import { useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createFacilitatorApi, staffAuthStore, type StaffAuth } from '../lib/facilitatorApi';

/** The staff login of this tab (shared with the facilitator console). */
export function useStaffAuth(): StaffAuth | null {
  const store = staffAuthStore();
  return useSyncExternalStore(store.subscribe, () => store.get());
}

/** Sign-in for facilitators and observers, storing the login where the console keeps it. */
export function SignInForm({ lead }: { lead?: string }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const userId = useId();
  const passwordId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const login = await createFacilitatorApi().login(username, password);
      staffAuthStore().set({
        token: login.token,
        account: login.account,
        expiresAt: login.expiresAt,
      });
    } catch (e) {
      setError(t('debrief.list.signInFailed', { message: e instanceof Error ? e.message : '' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('debrief.list.signInTitle')}</h2>
      <p>{lead ?? t('debrief.list.signInLead')}</p>
      <form className="debrief-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={userId}>
          {t('debrief.list.username')}
          <input
            id={userId}
            type="text"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label htmlFor={passwordId}>
          {t('debrief.list.password')}
          <input
            id={passwordId}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('debrief.list.signingIn') : t('debrief.list.signIn')}
          </button>
        </div>
        <p className="form-error" role="alert">
          {error ?? ''}
        </p>
      </form>
    </section>
  );
}
