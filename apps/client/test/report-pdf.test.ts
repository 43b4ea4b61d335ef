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
    // The team by its name (the walkthrough's report read 'team-a'), as the page names it.
    expect(text).toContain(
      'Team Kelebija, Border Police + Social Work, RIGHTS.NONREFOULEMENT.PUSHBACK',
    );
    expect(text).toContain(
      'Team Kelebija, Border Police + Prosecutor, RIGHTS.NONREFOULEMENT.HANDOVER',
    );
    expect(text).not.toContain('team-a');
  });

  test("names the participants' agencies as the page does, not by their ids", async () => {
    const participant = (name: string, agency: string | null) => ({
      name,
      session: PARTICIPATION_REPORT.redLines[0]!.session,
      team: 'team-a',
      agency,
      institution: null,
      country: null,
      joinedAt: '2026-12-01T09:00:00.000Z',
      minutesConnected: 30,
      attendance: 1,
      decisions: 0,
    });
    const bytes = await buildParticipationPdf(
      {
        ...PARTICIPATION_REPORT,
        participants: [
          participant('P1', 'social_work'),
          // An agency the report does not list (none of its own row): its id made readable.
          participant('P2', 'coast_guard'),
          participant('P3', null),
        ],
      },
      { ...options, countryName: (code) => code },
    );
    // One text run per table cell: a person's agency is the run after their name.
    const runs = readDocument(await PDFDocument.load(bytes)).flatMap((p) => p.text.split('\n'));
    const agencyOf = (name: string) => runs[runs.indexOf(name) + 1];
    expect(agencyOf('P1')).toBe('Social Work');
    expect(agencyOf('P2')).toBe('Coast guard');
    expect(agencyOf('P3')).toBe('—');
    expect(runs.join('\n')).not.toContain('social_work');
  });
});

describe('after-action report PDF', () => {
  test('names the country the case is investigated in in its overview, when the report states it', async () => {
    const overview = async (report: typeof AAR_REPORT, language: 'en' | 'sq') => {
      const t = createI18n({ storage: undefined, browserLanguages: [language] });
      const bytes = await buildAarPdf(report, {
        ...options,
        language,
        t: t.t.bind(t) as unknown as Translate,
      });
      return readDocument(await PDFDocument.load(bytes))[0]?.text.replace(/\s+/g, ' ') ?? '';
    };
    const o = AAR_REPORT.exerciseOverview;
    const inMontenegro = {
      ...AAR_REPORT,
      exerciseOverview: { ...o, scenario: { ...o.scenario, country: 'ME' } },
    };
    expect(await overview(inMontenegro, 'en')).toContain('Country Montenegro');
    expect(await overview(inMontenegro, 'sq')).toContain('Shteti Mali i Zi');
    // A report that states no country names none.
    expect(o.scenario.country).toBeUndefined();
    expect(await overview(AAR_REPORT, 'en')).not.toContain('Country');
  });

  test("shows a joint red line's area for improvement under each signing agency", async () => {
    const bytes = await buildAarPdf(AAR_REPORT, options);
    const text = readDocument(await PDFDocument.load(bytes))
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('Pushback across the border — Border Police Horgoš (rights −4)');
    expect(text).toContain(
      'Pushback across the border — Centre for Social Work Subotica (rights −4)',
    );
  });
});
