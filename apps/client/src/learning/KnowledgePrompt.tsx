import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KnowledgePhase } from '@crossroads/shared';
import { fetchKnowledgeStatus } from '../lib/debriefApi';

/**
 * A call to take the knowledge check, shown to a trainee while its phase is open (before the
 * exercise on joining, after it once the debrief is released). `refresh` re-asks the server when
 * something that opens a phase has changed (e.g. the debrief was released).
 */
export function KnowledgePrompt({
  sessionId,
  token,
  refresh,
}: {
  sessionId: string;
  token: string;
  refresh?: unknown;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<KnowledgePhase | null>(null);
  useEffect(() => {
    let live = true;
    fetchKnowledgeStatus(sessionId, token)
      .then((s) => live && setOpen(s.open))
      .catch(() => live && setOpen(null));
    return () => {
      live = false;
    };
  }, [sessionId, token, refresh]);
  if (open === null) return null;
  return (
    <p className="knowledge-prompt" data-knowledge-prompt={open}>
      <span>{t(`learning.knowledge.prompt.${open}`)}</span>{' '}
      <Link className="button button--small" to={`/knowledge/${sessionId}`}>
        {t(`learning.knowledge.take.${open}`)}
      </Link>
    </p>
  );
}
