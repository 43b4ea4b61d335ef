/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef } from 'pdf-lib';
import type { Debrief } from '@crossroads/shared';
import type { DebriefContext } from '../src/debrief/model';
import {
  answeredRequests,
  buildDebriefPdf,
  outlineTitles,
  scoredDecisions,
  topScoredItems,
  wrapText,
  type Translate,
} from '../src/debrief/pdf';
import { pick } from '../src/debrief/text';
import { createI18n } from '../src/i18n';
import {
  fixtureContext,
  fixtureDebrief,
  noCaseDebrief,
  REFUSAL_REASON,
  withRequestAnswers,
} from './debrief-fixture';
import { readDocument } from './pdf-text';

const fontDir = path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
const fonts = {
  regular: readFileSync(path.join(fontDir, 'DejaVuSansCondensed.ttf')),
  bold: readFileSync(path.join(fontDir, 'DejaVuSansCondensed-Bold.ttf')),
};

async function build(language: 'en' | 'sr-Latn', context: DebriefContext = fixtureContext()) {
  const i18n = createI18n({ storage: undefined, browserLanguages: [language] });
  return buildDebriefPdf({
    context,
    language,
    t: i18n.t.bind(i18n) as unknown as Translate,
    fonts,
    formatDate: (iso) => iso.slice(0, 16).replace('T', ' '),
  });
}

// Subsetting and embedding the fonts takes several seconds on a busy two-core machine.
jest.setTimeout(30_000);

let english: Promise<Uint8Array> | undefined;
/**
 * The English report of the fixture, built once for the tests that only read it (each loads its
 * own document from the bytes): building it again for each took as long as all they check.
 */
function englishReport(): Promise<Uint8Array> {
  english ??= build('en');
  return english;
}

describe('PDF report', () => {
  test('is a valid multi-page PDF: cover, overview, charts, every team, the comparison', async () => {
    const bytes = await englishReport();
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(3);
    expect(doc.getTitle()).toBe('Debrief report: Reefer at the border');
    const text = readDocument(doc)
      .map((p) => p.text)
      .join('\n');
    for (const heading of ['Teams at a glance', 'Charts', 'Team: Team A', 'Team: Team B'])
      expect(text).toContain(heading);
  });

  test('claims no criminal outcome or case strength for a team whose scenario has no criminal case', async () => {
    const bytes = await build('en', fixtureContext({ debrief: noCaseDebrief() }));
    const text = readDocument(await PDFDocument.load(bytes))
      .map((p) => p.text)
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Not applicable: no criminal case in this scenario');
    expect(text).toContain(
      'No criminal case in this scenario: the evidence score is the process 70 alone',
    );
    expect(text).toContain('there is no criminal case to assess');
    expect(text).not.toContain('Criminal case on its own evidence: Not applicable');
    expect(text).not.toContain('Case strength null');
  });

  test("a trainee's report names their team on the cover instead of counting one team", async () => {
    const base = fixtureContext();
    const scoped = {
      ...base.debrief,
      recipient: { team: 'team-a', role: 'border_police' },
      teams: base.debrief.teams.filter((x) => x.team === 'team-a'),
    };
    const bytes = await build('en', fixtureContext({ source: 'participant', debrief: scoped }));
    const cover = readDocument(await PDFDocument.load(bytes))[0]?.text.replace(/\s+/g, ' ');
    expect(cover).toContain('Team Team A');
    expect(cover).not.toMatch(/Teams 1\b/);
    const staff = readDocument(await PDFDocument.load(await englishReport()))[0]?.text;
    expect(staff?.replace(/\s+/g, ' ')).toMatch(/Teams \d/);
  });

  test('names the country the case is investigated in on its cover, in the report language', async () => {
    const base = fixtureContext();
    const context = fixtureContext({
      debrief: { ...base.debrief, scenario: { ...base.debrief.scenario, country: 'MK' } },
    });
    const cover = async (language: 'en' | 'sr-Latn') =>
      readDocument(await PDFDocument.load(await build(language, context)))[0]?.text.replace(
        /\s+/g,
        ' ',
      );
    // One English report for both checks: each build subsets and embeds the fonts again.
    const english = await cover('en');
    expect(english).toContain('Scenario Reefer at the border');
    expect(english).toContain('Country North Macedonia');
    expect(await cover('sr-Latn')).toContain('Država Severna Makedonija');
    // A debrief stored before scenarios stated their country names none.
    const before = readDocument(await PDFDocument.load(await englishReport()))[0]?.text;
    expect(before).not.toContain('Country');
  });

  test('is written in Serbian when asked, with the Serbian letters embedded', async () => {
    const bytes = await build('sr-Latn');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe('Izveštaj analize: Hladnjača na granici');
    const text = readDocument(doc)
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('Sadržaj');
    expect(text).toContain('Odluke i njihovo obrazloženje');
    expect(text).toContain('Granična policija');
  });

  test('names the session on its cover: title, organisation, place, days, facilitators', async () => {
    const doc = await PDFDocument.load(await build('en', withDetails(fixtureContext())));
    expect(doc.getTitle()).toBe(
      'Debrief report: Border investigations, Subotica · Reefer at the border',
    );
    expect(doc.getAuthor()).toBe('Ana Petrović, Luka Ilić');
    const cover = readDocument(doc)[0]?.text ?? '';
    for (const fact of [
      'Border investigations, Subotica',
      'OSCE Mission to Serbia',
      'Subotica police academy',
      'Ana Petrović, Luka Ilić',
    ])
      expect(cover).toContain(fact);
    expect(cover).toMatch(/12\s?–\s?14 March 2026/);
    // The session id stays a reference at the end, not the session's name.
    expect(cover).toContain('Session ID');
  });

  test('has a contents list and an outline that point at the pages their sections are on', async () => {
    const doc = await PDFDocument.load(await englishReport());
    const pages = readDocument(doc);
    const outline = outlineTitles(doc);
    expect(outline).toEqual([
      'Teams at a glance',
      'Charts',
      'Team: Team A',
      '  Outcome',
      '  Case strength by element of the offence',
      '  Decisions and their rationale',
      '  Key scored items (up to 12)',
      'Team: Team B',
      '  Outcome',
      '  Case strength by element of the offence',
      '  Decisions and their rationale',
      '  Key scored items (up to 12)',
      'Team: Team C',
      '  Outcome',
      '  Case strength by element of the offence',
      '  Decisions and their rationale',
      '  Key scored items (up to 12)',
      'Teams compared',
    ]);
    // Each outline entry opens the page its heading is printed on.
    const root = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const refs = doc.getPages().map((p) => p.ref);
    let node: PDFDict | undefined = root.lookupMaybe(PDFName.of('First'), PDFDict);
    let checked = 0;
    while (node) {
      const title = node.lookup(PDFName.of('Title'), PDFHexString).decodeText();
      const target = node.lookup(PDFName.of('Dest'), PDFArray).get(0);
      const page = refs.findIndex((r) => target instanceof PDFRef && r === target);
      expect([title, pages[page]?.runs.some((r) => r.text === title)]).toEqual([title, true]);
      checked += 1;
      node = node.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
    expect(checked).toBe(outline.filter((o) => !o.startsWith(' ')).length);
    // The contents list on the cover: every section with the page number it starts on.
    const cover = pages[0]?.runs.map((r) => r.text) ?? [];
    expect(cover).toContain('Contents');
    const chartsPage =
      pages.findIndex((p, i) => i > 0 && p.runs.some((r) => r.text === 'Charts')) + 1;
    const line = cover.indexOf('Charts');
    expect(line).toBeGreaterThan(cover.indexOf('Contents'));
    expect(cover[line + 1]).toBe(String(chartsPage));
    // ... and each contents line is a link.
    const annots = doc.getPages()[0]?.node.Annots();
    expect(annots?.size()).toBe(outline.length);
  });

  test('prints every scored decision with the rationale its trainee gave (or says there was none)', async () => {
    const doc = await PDFDocument.load(await englishReport());
    const text = readDocument(doc)
      .map((p) => p.text)
      .join('\n');
    const decisions = fixtureDebrief.teams.flatMap((team) => scoredDecisions(team));
    expect(decisions.length).toBeGreaterThanOrEqual(3);
    for (const entry of decisions) expect(text).toContain(pick(entry.label, 'en'));
    expect(text).toContain('Rationale: “Safety first”');
    expect(text).toContain('No rationale was given.');
    // Agencies and people by name, never by id.
    expect(text).toContain('Prosecutor · Marko');
    expect(text).not.toMatch(/team-a-p\d|prosecutor\b/);
  });

  test('prints every answer to a request with the reason the answering agency gave (or says there was none)', async () => {
    const context = fixtureContext({ debrief: withRequestAnswers(fixtureDebrief) });
    const doc = await PDFDocument.load(await build('en', context));
    const text = readDocument(doc)
      .map((p) => p.text)
      .join('\n');
    expect(outlineTitles(doc)).toContain('  Answers to requests and their reasons');
    expect(outlineTitles(doc).filter((o) => o.includes('Answers to requests'))).toHaveLength(1);
    // The contents list on the cover has a line (a link) for it too.
    expect(doc.getPages()[0]?.node.Annots()?.size()).toBe(outlineTitles(doc).length);
    expect(text).toContain('Request refused: Search order');
    expect(text).toContain('Prosecutor · Marko');
    expect(text).toContain(`Reason given: “${REFUSAL_REASON}”`);
    expect(text).toContain('Request granted: Interpreter');
    expect(text).toContain('No reason was given.');
    // An answer outside the reader's view is no answer here: only its team's own ones are listed.
    expect(answeredRequests(context.debrief.teams[0]!).map((e) => e.seq)).toEqual([14, 15]);
  });

  test('names every trainee who signed a joint decision beside its key items', async () => {
    const context = fixtureContext({
      participants: { 'team-b-p1': 'Jovan', 'team-b-p2': 'Mila' },
    });
    const team = context.debrief.teams.find((t) => t.team === 'team-b')!;
    team.items = team.items.map((i) =>
      i.causedBySeq === 6
        ? {
            ...i,
            roles: ['border_police', 'prosecutor'],
            participant: 'team-b-p2',
            participants: ['team-b-p1', 'team-b-p2'],
          }
        : i,
    );
    const text = readDocument(await PDFDocument.load(await build('en', context)))
      .map((p) => p.text)
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Border police, Prosecutor · Jovan, Mila · T+00:15');
  });

  test('reads every time by the scenario’s start of Day 1 when it has one, as the live views do', async () => {
    const context = fixtureContext();
    context.debrief.scenario.startTime = '03:10';
    for (const [language, day] of [
      ['en', 'Day 1'],
      ['sr-Latn', 'Dan 1'],
    ] as const) {
      const text = readDocument(await PDFDocument.load(await build(language, context)))
        .map((p) => p.text)
        .join('\n')
        .replace(/\s+/g, ' ');
      // Minute 15 of team B's red line, and of the timeline row it caused.
      expect(text).toContain(`${day}, 03:25`);
      expect(text).not.toContain('T+');
    }
  });

  test('draws the charts as vector paths: no page holds an image', async () => {
    const doc = await PDFDocument.load(await englishReport());
    const pages = readDocument(doc);
    expect(pages.every((p) => p.images === 0)).toBe(true);
    const charts = pages.filter((p) =>
      /Evidence against rights|Points over scenario time:/.test(p.text),
    );
    const count = (op: string) => charts.reduce((n, p) => n + (p.operators.get(op) ?? 0), 0);
    // Axes, grid lines and the teams' step lines are stroked path segments; the markers and the
    // shaded area are filled paths.
    expect(count('l')).toBeGreaterThan(20);
    expect(count('S')).toBeGreaterThan(10);
    expect(count('f') + count('B')).toBeGreaterThan(3);
    const text = charts.map((p) => p.text).join('\n');
    expect(text).toContain('Points over scenario time: Evidence');
    expect(text).toContain('Points over scenario time: Rights');
    expect(text).toContain('Evidence against rights');
  });

  test.each([2, 5, 9])(
    'leaves no page nearly empty before a break (%i teams)',
    async (teams) => {
      const doc = await PDFDocument.load(await build('en', manyTeams(teams)));
      const pages = readDocument(doc);
      const top = 841.89 - 50;
      const usable = top - 70;
      const fill = pages.map((p) => {
        const body = p.runs.filter((r) => r.y > 40);
        const lowest = Math.min(...body.map((r) => r.y));
        return Math.round(((top - lowest) / usable) * 100);
      });
      // Every page but the last is at least half full (the last may end where the report ends).
      expect(fill.slice(0, -1).filter((f) => f < 50)).toEqual([]);
      expect(outlineTitles(doc).filter((t) => t.startsWith('Team: '))).toHaveLength(teams);
    },
    60_000,
  );

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

function withDetails(context: DebriefContext): DebriefContext {
  return {
    ...context,
    details: {
      title: 'Border investigations, Subotica',
      organisation: 'OSCE Mission to Serbia',
      place: 'Subotica police academy',
      startsOn: '2026-03-12',
      endsOn: '2026-03-14',
      facilitators: ['Ana Petrović', 'Luka Ilić'],
    },
  };
}

/** The fixture with `count` teams (copies of its two, renamed), for page-break checks. */
function manyTeams(count: number): DebriefContext {
  const context = fixtureContext();
  const source = context.debrief.teams;
  const teams = Array.from({ length: count }, (_, i) => {
    const copy = JSON.parse(JSON.stringify(source[i % source.length])) as Debrief['teams'][number];
    copy.team = `team-${i}`;
    copy.name = `Team ${String.fromCharCode(65 + i)}`;
    // Longer sections, as a real session has: more items and missed opportunities.
    copy.items = [...copy.items, ...copy.items.map((x) => ({ ...x, key: `${x.key}-again` }))];
    copy.missedOpportunities = Array.from({ length: i % 4 }, (_, j) => ({
      kind: 'obligation' as const,
      ruleId: null,
      persons: [],
      evidence: [],
      triggeredBySeq: null,
      description: `Missed step ${j + 1}: the interview was not recorded with an interpreter present.`,
    }));
    return copy;
  });
  return { ...context, debrief: { ...context.debrief, teams } };
}
