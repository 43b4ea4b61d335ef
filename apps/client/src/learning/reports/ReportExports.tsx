import { useTranslation } from 'react-i18next';
import type { ReportPdfOptions } from '../reportPdf';
import { useReportExports } from './useReportExports';

type ContentLanguage = ReturnType<typeof useReportExports>['language'];

/**
 * The exports section every report page offers: PDF (built in the browser), CSV (from the server) and
 * JSON (the report as shown), one at a time, with a message saying how it went.
 */
export function ReportExports({
  headingId,
  base,
  report,
  pdf,
  csv,
}: {
  headingId: string;
  /** File name without extension. */
  base: string;
  report: unknown;
  pdf: (options: ReportPdfOptions) => Promise<Uint8Array>;
  csv: (language: ContentLanguage) => Promise<Blob>;
}) {
  const { t } = useTranslation();
  const exports = useReportExports();
  return (
    <section aria-labelledby={headingId} className="report-section">
      <h2 id={headingId}>{t('reports.exports')}</h2>
      <div className="report-actions">
        <button
          type="button"
          className="button"
          disabled={exports.busy !== null}
          onClick={() =>
            void exports.run('pdf', async () => {
              const bytes = await pdf(await exports.pdfOptions());
              return {
                blob: new Blob([bytes.slice().buffer], { type: 'application/pdf' }),
                name: `${base}-${exports.language}.pdf`,
              };
            })
          }
        >
          {exports.busy === 'pdf' ? t('reports.working') : t('reports.pdf')}
        </button>
        <button
          type="button"
          className="button"
          disabled={exports.busy !== null}
          onClick={() =>
            void exports.run('csv', async () => ({
              blob: await csv(exports.language),
              name: `${base}.csv`,
            }))
          }
        >
          {t('reports.csv')}
        </button>
        <button
          type="button"
          className="button"
          disabled={exports.busy !== null}
          onClick={() =>
            void exports.run('json', () =>
              Promise.resolve({
                blob: new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }),
                name: `${base}.json`,
              }),
            )
          }
        >
          {t('reports.json')}
        </button>
      </div>
      {exports.message ? (
        <p role={exports.message.kind === 'error' ? 'alert' : 'status'}>{exports.message.text}</p>
      ) : null}
    </section>
  );
}
