/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { buildDebriefPdf, topScoredItems, wrapText, type Translate } from '../src/debrief/pdf';
import { createI18n } from '../src/i18n';
import { fixtureContext, fixtureDebrief } from './debrief-fixture';

const fontDir = path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
const fonts = {
  regular: readFileSync(path.join(fontDir, 'DejaVuSansCondensed.ttf')),
  bold: readFileSync(path.join(fontDir, 'DejaVuSansCondensed-Bold.ttf')),
};

async function build(language: 'en' | 'sr-Latn') {
  const i18n = createI18n({ storage: undefined, browserLanguages: [language] });
  return buildDebriefPdf({
    context: fixtureContext(),
    language,
    t: i18n.t.bind(i18n) as unknown as Translate,
    fonts,
    formatDate: (iso) => iso.slice(0, 16).replace('T', ' '),
  });
}

// Subsetting and embedding the fonts takes several seconds on a busy two-core machine.
jest.setTimeout(30_000);

describe('PDF report', () => {
  test('is a valid multi-page PDF: cover, one page per team, the comparison', async () => {
    const bytes = await build('en');
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1 + fixtureDebrief.teams.length + 1);
    expect(doc.getTitle()).toBe('Debrief report: Reefer at the border');
  });

  test('is written in Serbian when asked, with the Serbian letters embedded', async () => {
    const bytes = await build('sr-Latn');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe('Izveštaj analize: Hladnjača na granici');
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(5);
  });

  test('lists red lines first among the key items, then the largest points', () => {
    const b = fixtureDebrief.teams[1]!;
    const top = topScoredItems(b, 2);
    expect(top[0]?.ruleId).toBe('RIGHTS.ART3');
    expect(top).toHaveLength(2);
    // Not-counted items are left out.
    expect(topScoredItems(b, 10).some((i) => !i.counted)).toBe(false);
  });

  test('wraps long text to the width, splitting words longer than a line', async () => {
    const doc = await PDFDocument.create();
    const { default: fontkit } = await import('@pdf-lib/fontkit');
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(fonts.regular, { subset: true });
    const lines = wrapText(`short words here ${'x'.repeat(200)}\nnext`, font, 10, 100);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(100);
    expect(lines.at(-1)).toBe('next');
    expect(lines.join('')).toContain('short');
  });
});
