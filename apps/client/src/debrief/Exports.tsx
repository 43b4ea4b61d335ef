import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchExport, type DebriefCredential } from '../lib/debriefApi';
import { scoredItemsCsv, teamScoresCsv } from './csv';
import { fileSlug, saveBlob } from './download';
import { toDebriefFile, type DebriefContext } from './model';
import { formatDate } from '../i18n/dates';
import { useContent } from './parts';
import type { Translate } from './pdf';

/** Formats an ISO date in the UI's language (day, month, year and time). */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatDate(date, language, { date: 'medium', time: 'short' });
}

type Job = 'pdf' | 'items' | 'scores' | 'events' | 'file';

export function Exports({
  context,
  credential,
}: {
  context: DebriefContext;
  credential: DebriefCredential | null;
}) {
  const { t, i18n } = useTranslation();
  const { language, text } = useContent();
  const [busy, setBusy] = useState<Job | null>(null);
  // Kept as what happened, not as text, so the message follows a change of UI language.
  const [message, setMessage] = useState<{
    kind: 'done' | 'pdfFailed' | 'failed';
    /** The file name, or the failure's reason. */
    value: string;
  } | null>(null);
  const base = `crossroads-${fileSlug(text(context.debrief.scenario.title))}-${
    context.sessionId ? context.sessionId.slice(0, 8) : 'file'
  }`;
  const staff = credential?.kind === 'staff' && context.serverExports && context.sessionId;

  const run = async (job: Job, make: () => Promise<{ blob: Blob; name: string }>) => {
    setBusy(job);
    setMessage(null);
    try {
      const { blob, name } = await make();
      saveBlob(blob, name);
      setMessage({ kind: 'done', value: name });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setMessage({ kind: job === 'pdf' ? 'pdfFailed' : 'failed', value: reason });
    } finally {
      setBusy(null);
    }
  };

  const pdf = () =>
    run('pdf', async () => {
      const [{ buildDebriefPdf }, { loadPdfFonts }] = await Promise.all([
        import('./pdf'),
        import('./fonts'),
      ]);
      const fonts = await loadPdfFonts();
      // i18next's t is typed per key; the report asks for debrief.* keys by name.
      const translate = i18n.t.bind(i18n) as unknown as Translate;
      const bytes = await buildDebriefPdf({
        context,
        language,
        t: translate,
        fonts,
        formatDate: (iso) => formatDateTime(iso, language),
      });
      return {
        blob: new Blob([bytes.slice().buffer], { type: 'application/pdf' }),
        name: `${base}-report-${language}.pdf`,
      };
    });

  const items = () =>
    run('items', async () => ({
      blob: new Blob([scoredItemsCsv(context.debrief, language, context)], {
        type: 'text/csv;charset=utf-8',
      }),
      name: `${base}-scored-items-${language}.csv`,
    }));

  // Built from the debrief shown, for staff too: one file, the page's own figures and ending.
  const scores = () =>
    run('scores', async () => ({
      blob: new Blob([teamScoresCsv(context.debrief, language)], {
        type: 'text/csv;charset=utf-8',
      }),
      name: `${base}-scores-${language}.csv`,
    }));

  const events = () =>
    run('events', async () => {
      if (!staff || !credential || !context.sessionId)
        throw new Error(t('debrief.exports.staffOnly'));
      return {
        blob: await fetchExport(context.sessionId, 'events.jsonl', credential.token),
        name: `${base}-events.jsonl`,
      };
    });

  const file = () =>
    run('file', async () => ({
      blob: new Blob([toDebriefFile(context)], { type: 'application/json' }),
      name: `${base}-debrief.json`,
    }));

  const button = (job: Job, label: string, onClick: () => void, busyLabel?: string) => (
    <button
      type="button"
      className={`button${job === 'pdf' ? '' : ' button--secondary'}`}
      onClick={onClick}
      disabled={busy !== null}
      aria-busy={busy === job}
      data-export={job}
    >
      {busy === job && busyLabel ? busyLabel : label}
    </button>
  );

  return (
    <div className="exports">
      <div className="exports__buttons">
        {button('pdf', t('debrief.exports.pdf'), () => void pdf(), t('debrief.exports.pdfBusy'))}
        {button('items', t('debrief.exports.itemsCsv'), () => void items())}
        {button('scores', t('debrief.exports.scoresCsv'), () => void scores())}
        {staff ? button('events', t('debrief.exports.eventsJsonl'), () => void events()) : null}
        {button('file', t('debrief.exports.debriefFile'), () => void file())}
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('debrief.exports.print')}
        </button>
      </div>
      {context.source === 'participant' ? (
        <p className="muted">{t('debrief.exports.staffOnly')}</p>
      ) : null}
      <p
        className={`exports__message${message !== null && message.kind !== 'done' ? ' exports__message--error' : ''}`}
        role="status"
      >
        {message === null
          ? ''
          : message.kind === 'done'
            ? t('debrief.exports.done', { file: message.value })
            : message.kind === 'pdfFailed'
              ? t('debrief.exports.pdfFailed', { message: message.value })
              : t('debrief.exports.failed', { message: message.value })}
      </p>
    </div>
  );
}
