import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../debrief/download';
import type { Translate } from '../../debrief/pdf';
import { formatDateTime } from '../../debrief/Exports';
import { contentLanguage } from '../../debrief/text';
import type { ReportPdfOptions } from '../reportPdf';

export type ExportJob = 'pdf' | 'csv' | 'json';

/** Runs one export at a time and says how it went (the debrief exports' pattern). */
export function useReportExports() {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<ExportJob | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const language = contentLanguage(i18n.language);

  const run = async (job: ExportJob, make: () => Promise<{ blob: Blob; name: string }>) => {
    setBusy(job);
    setMessage(null);
    try {
      const { blob, name } = await make();
      saveBlob(blob, name);
      setMessage({ kind: 'ok', text: t('debrief.exports.done', { file: name }) });
    } catch (error) {
      setMessage({
        kind: 'error',
        text: t('debrief.exports.failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      });
    } finally {
      setBusy(null);
    }
  };

  /** What the PDF builders need: translations, fonts (loaded on first use) and dates. */
  const pdfOptions = async (): Promise<ReportPdfOptions> => {
    const { loadPdfFonts } = await import('../../debrief/fonts');
    return {
      language,
      // i18next's t is typed per key; the builders ask for reports.* keys by name.
      t: i18n.t.bind(i18n) as unknown as Translate,
      fonts: await loadPdfFonts(),
      formatDate: (iso) => formatDateTime(iso, language),
    };
  };

  return { busy, message, run, pdfOptions, language };
}
