import { useTranslation } from 'react-i18next';
import { usePlay } from './context';

/** Says whether a pending command is on its way or waiting for the connection to come back. */
export function PendingNote({ pending }: { pending: boolean }) {
  const { t } = useTranslation();
  const { snapshot } = usePlay();
  if (!pending) return null;
  const online = snapshot.connection.phase === 'connected';
  return (
    <span className="tr-pending" data-pending={online ? 'sending' : 'queued'}>
      {online ? t('play.pending.sending') : t('play.pending.queued')}
    </span>
  );
}
