/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Translate } from '../src/debrief/pdf';
import { createI18n } from '../src/i18n';
import { buildAarPdf, buildParticipationPdf } from '../src/learning/reportPdf';
import { readDocument } from './pdf-text';
import { AAR_REPORT, PARTICIPATION_REPORT } from './report-fixtures';

// Subsetting and embedding the fonts takes several seconds on a busy two-core machine.
jest.setTimeout(30_000);

const fontDir = path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
const fonts = {
  regular: readFileSync(path.join(fontDir, 'DejaVuSansCondensed.ttf')),
  bold: readFileSync(path.join(fontDir, 'DejaVuSansCondensed-Bold.ttf')),
};
const i18n = createI18n({ storage: undefined, browserLanguages: ['en'] });
const options = {
  language: 'en' as const,
  t: i18n.t.bind(i18n) as unknown as Translate,
  fonts,
  formatDate: (iso: string) => iso.slice(0, 16).replace('T', ' '),
};

describe('participation report PDF', () => {
  test('names every agency answering for a red line', async () => {
    const bytes = await buildParticipationPdf(PARTICIPATION_REPORT, {
      ...options,
      countryName: (code) => code,
    });
    const text = readDocument(await PDFDocument.load(bytes))
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('team-a, border_police + social_work, RIGHTS.NONREFOULEMENT.PUSHBACK');
    expect(text).toContain('team-a, border_police + prosecutor, RIGHTS.NONREFOULEMENT.HANDOVER');
  });
});

describe('after-action report PDF', () => {
  test("shows a joint red line's area for improvement under each signing agency", async () => {
    const bytes = await buildAarPdf(AAR_REPORT, options);
    const text = readDocument(await PDFDocument.load(bytes))
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('Pushback across the border — Border Police Horgoš (−4)');
    expect(text).toContain('Pushback across the border — Centre for Social Work Subotica (−4)');
  });
});
