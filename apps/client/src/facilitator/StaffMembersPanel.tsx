import { useCallback, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FacilitatorApi } from '../lib/facilitatorApi';
import { AckMessage } from './ConsoleParts';
import { ErrorMessage, useApiErrorText } from './StaffGate';
import { facilitatorApi, useStaffResource } from './useStaff';

/**
 * The session's staff (owner, co-facilitators, observers), and for the owner a form to add an
 * observer or co-facilitator by user name (they then find the session in their list).
 */
export function StaffMembersPanel({
  sessionId,
  token,
  isOwner,
}: {
  sessionId: string;
  token: string;
  isOwner: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const id = useId();
  const load = useCallback(
    (api: FacilitatorApi, staffToken: string) => api.members(staffToken, sessionId),
    [sessionId],
  );
  const { resource, reload } = useStaffResource(token, load);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<'observers' | 'facilitators'>('observers');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; message: ReactNode } | null>(
    null,
  );

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (username.trim().length < 3) return;
    setBusy(true);
    setResult(null);
    try {
      await facilitatorApi().addMember(token, sessionId, role, username);
      setUsername('');
      setResult({ ok: true });
      reload();
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, 'network', '');
      setResult({
        ok: false,
        message:
          error.code === 'session/not_found'
            ? t('console.staff.unknownUser')
            : errorText(error, { fields: { username: t('console.staff.username') } }),
      });
    }
    setBusy(false);
  };

  return (
    <section className="panel fac-staff" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('console.staff.title')}</h2>
      {resource.state === 'error' ? <ErrorMessage>{errorText(resource.error)}</ErrorMessage> : null}
      {resource.state === 'ready' ? (
        <ul className="fac-people__list">
          {resource.data.map((member) => (
            <li key={member.account.id} className="fac-person">
              <span className="fac-person__name">{member.account.username}</span>
              <span className="fac-tag">{t(`facilitate.memberRole.${member.role}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {isOwner ? (
        <form className="fac-inline-form fac-staff__form" onSubmit={add}>
          <label htmlFor={`${id}-user`}>{t('console.staff.username')}</label>
          <input
            id={`${id}-user`}
            value={username}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(e) => setUsername(e.target.value)}
          />
          <label htmlFor={`${id}-role`}>{t('console.staff.as')}</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(e) =>
              setRole(e.target.value === 'facilitators' ? 'facilitators' : 'observers')
            }
          >
            <option value="observers">{t('facilitate.memberRole.observer')}</option>
            <option value="facilitators">{t('facilitate.memberRole.facilitator')}</option>
          </select>
          <button
            type="submit"
            className="button button--small"
            disabled={busy || username.trim().length < 3}
          >
            {t('console.staff.add')}
          </button>
        </form>
      ) : null}
      {result?.ok ? <AckMessage ack={{ status: 'accepted', seq: 0 }} /> : null}
      {result && !result.ok ? <ErrorMessage>{result.message}</ErrorMessage> : null}
    </section>
  );
}
