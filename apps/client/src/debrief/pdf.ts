import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { decisionPoints } from './compare';
import type { DebriefContext } from './model';
import type { ScoredItem, TeamDebrief } from './schema';
import { clock, formatLegalBasis, humanizeId, pick, signed, type ContentLanguage } from './text';
import { isRedLineItem } from './timeline';

/*
 * The PDF report: a clean, multi-page A4 document a facilitator can hand to a donor or a
 * supervisor. Built in the browser with pdf-lib and an embedded (subset) DejaVu Sans, so every
 * Serbian letter prints. Pure: the caller passes the font bytes and the translations.
 */

/** Translates a UI key (the debrief.* keys of the i18n resources). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface PdfFonts {
  regular: Uint8Array | ArrayBuffer;
  bold: Uint8Array | ArrayBuffer;
}

export interface PdfOptions {
  context: DebriefContext;
  language: ContentLanguage;
  t: Translate;
  fonts: PdfFonts;
  /** Formats an ISO date for the report (the UI's locale). */
  formatDate: (iso: string) => string;
  /** Scored items listed per team (largest first). */
  topItems?: number;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const INK = rgb(0.08, 0.1, 0.13);
const MUTED = rgb(0.28, 0.32, 0.37);
const BRAND = rgb(0.06, 0.19, 0.31);
const RED = rgb(0.69, 0.14, 0.11);
const RULE = rgb(0.79, 0.82, 0.86);

/** Characters a PDF text run cannot hold (control characters) become spaces. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return text.replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, ' ');
}

/** Wraps text to a width, breaking at spaces and, for very long words, inside them. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of clean(text).split('\n')) {
    const words = paragraph.split(/ +/).filter((w) => w !== '');
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: RGB;
  indent?: number;
  /** Space after the block, in points. */
  after?: number;
}

/** A top-to-bottom writer over A4 pages with automatic page breaks. */
class Writer {
  page: PDFPage;
  y: number;
  readonly width = A4[0] - 2 * MARGIN;

  constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height < MARGIN + 20) this.newPage();
  }

  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = style.bold ? this.bold : this.regular;
    const indent = style.indent ?? 0;
    const leading = size * 1.35;
    for (const line of wrapText(text, font, size, this.width - indent)) {
      this.ensure(leading);
      this.y -= leading;
      this.page.drawText(line, {
        x: MARGIN + indent,
        y: this.y + size * 0.3,
        size,
        font,
        color: style.color ?? INK,
      });
    }
    this.y -= style.after ?? 4;
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 20 : level === 2 ? 15 : 12;
    this.ensure(size * 4);
    this.y -= level === 1 ? 0 : 6;
    this.text(text, { size, bold: true, color: BRAND, after: level === 3 ? 3 : 6 });
  }

  rule(): void {
    this.ensure(10);
    this.y -= 4;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: MARGIN + this.width, y: this.y },
      thickness: 0.75,
      color: RULE,
    });
    this.y -= 8;
  }

  /** A boxed block with a thick left bar (used for red lines), text in the given colour. */
  box(lines: { text: string; bold?: boolean }[], color: RGB): void {
    const size = 10;
    const leading = size * 1.35;
    const wrapped = lines.flatMap((l) =>
      wrapText(l.text, l.bold ? this.bold : this.regular, size, this.width - 24).map((text) => ({
        text,
        bold: l.bold === true,
      })),
    );
    const height = wrapped.length * leading + 14;
    if (height < A4[1] - 2 * MARGIN - 40) this.ensure(height);
    const top = this.y;
    const bottom = Math.max(MARGIN, top - height);
    this.page.drawRectangle({
      x: MARGIN,
      y: bottom,
      width: this.width,
      height: top - bottom,
      borderColor: color,
      borderWidth: 1,
    });
    this.page.drawRectangle({ x: MARGIN, y: bottom, width: 5, height: top - bottom, color });
    this.y -= 7;
    for (const line of wrapped) {
      this.ensure(leading);
      this.y -= leading;
      this.page.drawText(line.text, {
        x: MARGIN + 14,
        y: this.y + size * 0.3,
        size,
        font: line.bold ? this.bold : this.regular,
        color,
      });
    }
    this.y -= 14;
  }

  /** A table with wrapped cells; `widths` are fractions of the text width. */
  table(header: string[], rows: string[][], widths: number[]): void {
    const size = 9;
    const leading = size * 1.3;
    const pad = 4;
    const cols = widths.map((w) => w * this.width);
    const drawRow = (cells: string[], bold: boolean) => {
      const font = bold ? this.bold : this.regular;
      const wrapped = cells.map((c, i) => wrapText(c, font, size, (cols[i] ?? 50) - 2 * pad));
      const height = Math.max(...wrapped.map((w) => w.length)) * leading + 2 * pad;
      this.ensure(height);
      let x = MARGIN;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, j) => {
          this.page.drawText(line, {
            x: x + pad,
            y: this.y - pad - (j + 1) * leading + size * 0.3,
            size,
            font,
            color: bold ? BRAND : INK,
          });
        });
        x += cols[i] ?? 0;
      });
      this.y -= height;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y },
        end: { x: MARGIN + this.width, y: this.y },
        thickness: bold ? 1 : 0.5,
        color: bold ? BRAND : RULE,
      });
    };
    drawRow(header, true);
    for (const row of rows) drawRow(row, false);
    this.y -= 10;
  }
}

const itemOrder = (a: ScoredItem, b: ScoredItem) =>
  Number(isRedLineItem(b)) - Number(isRedLineItem(a)) ||
  Math.abs(b.points) - Math.abs(a.points) ||
  a.time - b.time ||
  (a.key < b.key ? -1 : 1);

/** The scored items a reader should see first: red lines, then the largest counted points. */
export function topScoredItems(team: TeamDebrief, count: number): ScoredItem[] {
  return team.items
    .filter((i) => i.counted || isRedLineItem(i))
    .sort(itemOrder)
    .slice(0, count);
}

function agencyName(context: DebriefContext, id: string | null, language: ContentLanguage) {
  if (!id) return '';
  const name = context.agencies[id];
  return name ? pick(name, language) : humanizeId(id);
}

export async function buildDebriefPdf(options: PdfOptions): Promise<Uint8Array> {
  const { context, language, t, formatDate } = options;
  const d = context.debrief;
  const top = options.topItems ?? 12;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(options.fonts.regular, { subset: true });
  const bold = await doc.embedFont(options.fonts.bold, { subset: true });
  const title = pick(d.scenario.title, language);
  doc.setTitle(`${t('debrief.pdf.title')}: ${title}`);
  doc.setSubject(t('debrief.pdf.subject'));
  doc.setCreator('Crossroads');
  doc.setProducer('Crossroads');
  doc.setLanguage(language);
  const generated = new Date(context.generatedAt);
  if (!Number.isNaN(generated.getTime())) doc.setCreationDate(generated);

  const w = new Writer(doc, regular, bold);

  // ---- cover: what, when, who ----
  w.text(t('debrief.pdf.kicker'), { size: 11, bold: true, color: MUTED, after: 2 });
  w.heading(title, 1);
  const facts: [string, string][] = [
    [t('debrief.header.scenario'), `${title} (${d.scenario.id} ${d.scenario.version})`],
    [t('debrief.header.session'), context.sessionId ?? '—'],
    [t('debrief.header.started'), context.startedAt ? formatDate(context.startedAt) : '—'],
    [t('debrief.header.ended'), context.endedAt ? formatDate(context.endedAt) : '—'],
    [t('debrief.header.generated'), formatDate(context.generatedAt)],
    [t('debrief.header.rubric'), `${d.rubric.id} ${d.rubric.version}`],
    [t('debrief.header.teams'), String(d.teams.length)],
    [t('debrief.header.events'), String(d.events.count)],
  ];
  w.table(
    [t('debrief.pdf.fact'), t('debrief.pdf.value')],
    facts.map(([k, v]) => [k, v]),
    [0.3, 0.7],
  );
  if (d.teams.some((team) => !team.outcome.final)) {
    w.text(t('debrief.header.projection'), { color: MUTED });
  }

  w.heading(t('debrief.overview.title'), 2);
  w.table(
    [
      t('debrief.team.name'),
      t('debrief.score.evidence'),
      t('debrief.score.rights'),
      t('debrief.redLine.heading'),
      t('debrief.outcome.title'),
    ],
    d.teams.map((team) => [
      team.name,
      `${team.evidenceScore.value} / 100`,
      `${team.rightsScore.value} / 100`,
      team.redLines.length > 0
        ? t('debrief.redLine.count', { n: team.redLines.length })
        : t('debrief.redLine.none'),
      pick(team.outcome.label, language),
    ]),
    [0.24, 0.14, 0.14, 0.18, 0.3],
  );
  w.heading(t('debrief.method.title'), 3);
  w.text(t('debrief.method.evidence'), { color: MUTED });
  w.text(t('debrief.method.rights'), { color: MUTED });
  w.text(t('debrief.method.redLine'), { color: MUTED });

  // ---- one section per team ----
  for (const team of d.teams) {
    w.newPage();
    w.heading(`${t('debrief.team.name')}: ${team.name}`, 1);
    w.text(
      `${t('debrief.score.evidence')}: ${team.evidenceScore.value} / 100 · ${t('debrief.score.rights')}: ${team.rightsScore.value} / 100`,
      { size: 13, bold: true, after: 4 },
    );
    w.text(
      t('debrief.score.evidenceParts', {
        caseStrength: team.evidenceScore.caseStrength,
        process: team.evidenceScore.process,
        points: signed(team.evidenceScore.points),
      }),
    );
    w.text(t('debrief.score.rightsParts', { points: signed(team.rightsScore.points) }));
    w.text(
      `${t('debrief.score.formula')}: ${pick(team.evidenceScore.methodText, language) || team.evidenceScore.method}`,
      {
        size: 8,
        color: MUTED,
      },
    );
    w.text(
      `${t('debrief.score.formula')}: ${pick(team.rightsScore.methodText, language) || team.rightsScore.method}`,
      {
        size: 8,
        color: MUTED,
        after: 8,
      },
    );

    if (team.redLines.length > 0) {
      w.box(
        [
          {
            text: t('debrief.redLine.crossed', { n: team.redLines.length }),
            bold: true,
          },
          { text: t('debrief.redLine.capsResult') },
          ...team.redLines.flatMap((r) => [
            { text: `${clock(r.time)} · ${pick(r.title, language)}`, bold: true },
            { text: pick(r.detail, language) },
            {
              text: `${t('debrief.legalBasis')}: ${r.legalBasis.map(formatLegalBasis).join('; ')}`,
            },
          ]),
        ],
        RED,
      );
    }

    w.heading(t('debrief.outcome.title'), 2);
    w.text(pick(team.outcome.label, language), { bold: true, size: 11 });
    w.text(pick(team.outcome.reason, language));
    if (team.outcome.criminal)
      w.text(t('debrief.outcome.criminal', { label: pick(team.outcome.criminal.label, language) }));
    const findings = team.outcome.accountability ?? [];
    if (findings.length > 0) {
      w.text(t('debrief.outcome.accountability'), { bold: true });
      for (const a of findings)
        w.text(
          `${pick(a.finding, language)}: ${pick(a.title, language)}. ${pick(a.detail, language)}`,
        );
    } else w.text(t('debrief.outcome.noAccountability'), { color: MUTED });
    if (!team.outcome.final) w.text(t('debrief.outcome.projection'), { color: MUTED });

    w.heading(t('debrief.case.title'), 2);
    const evidenceById = new Map(team.evidence.map((e) => [e.id, e]));
    w.table(
      [
        t('debrief.case.element'),
        t('debrief.case.status'),
        t('debrief.case.sourcesShort'),
        t('debrief.case.evidence'),
      ],
      team.caseStrength
        .filter((e) => e.status !== 'not_in_scenario')
        .map((e) => [
          t(`debrief.element.${e.element}`, { defaultValue: humanizeId(e.element) }),
          `${t(`debrief.strength.${e.status}`)} (${Math.round(e.score * 100)}%)`,
          String(e.independentSources.length),
          e.evidence
            .map((ref) => {
              const item = evidenceById.get(ref.id);
              const name = item ? pick(item.title, language) : ref.id;
              const why =
                item && item.reasons.length > 0
                  ? ` — ${item.reasons.map((r) => pick(r, language)).join('; ')}`
                  : '';
              return `${name}: ${t(`debrief.evidenceStatus.${ref.status}`)}${why}`;
            })
            .join('\n') || '—',
        ]),
      [0.2, 0.17, 0.11, 0.52],
    );

    w.heading(t('debrief.pdf.topItems', { n: top }), 2);
    for (const item of topScoredItems(team, top)) {
      const axis = t(`debrief.score.${item.axis}`);
      const who = [agencyName(context, item.role, language), clock(item.time)]
        .filter(Boolean)
        .join(' · ');
      w.ensure(60);
      w.text(
        `${signed(item.points)} ${axis}${isRedLineItem(item) ? ` — ${t('debrief.redLine.badge')}` : ''} · ${pick(item.title, language)}`,
        { bold: true, color: isRedLineItem(item) ? RED : INK, after: 1 },
      );
      w.text(who, { size: 8, color: MUTED, after: 1 });
      w.text(pick(item.detail, language), { size: 9, after: 1 });
      w.text(pick(item.explanation, language), { size: 9, color: MUTED, after: 1 });
      if (item.legalBasis.length > 0) {
        w.text(`${t('debrief.legalBasis')}: ${item.legalBasis.map(formatLegalBasis).join('; ')}`, {
          size: 8,
          color: BRAND,
          after: 6,
        });
      }
    }

    if (team.missedOpportunities.length > 0) {
      w.heading(t('debrief.missed.title'), 2);
      for (const m of team.missedOpportunities.slice(0, 8)) {
        w.text(`• ${pick(m.description, language)}`, { size: 9, indent: 6, after: 2 });
      }
    }
  }

  // ---- decision points across teams ----
  // Only where the teams went different ways: that is what a reader compares.
  const all = decisionPoints(d).filter((p) => p.deciding > 0);
  const points = all.filter(
    (p) => p.options.filter((o) => o.count > 0).length > 1 || p.deciding < p.teams,
  );
  if (points.length > 0 && d.teams.length > 1) {
    w.newPage();
    w.heading(t('debrief.compare.title'), 1);
    w.text(t('debrief.compare.lead'), { color: MUTED, after: 2 });
    w.text(t('debrief.pdf.compareLead', { n: points.length, total: all.length }), {
      color: MUTED,
      after: 8,
    });
    const names = new Map(d.teams.map((team) => [team.team, team.name]));
    for (const p of points) {
      w.ensure(50);
      w.text(pick(p.title, language), { bold: true, size: 11, after: 2 });
      for (const o of p.options.filter((x) => x.count > 0 || x.best)) {
        const teams = o.teams.map((id) => names.get(id) ?? id).join(', ');
        const head = t('debrief.compare.chose', { n: o.count, total: p.teams });
        const flags = [
          o.best ? t('debrief.compare.best') : '',
          o.value !== null ? t('debrief.compare.value', { value: signed(o.value) }) : '',
        ]
          .filter(Boolean)
          .join(' · ');
        w.text(
          `• ${head}: ${pick(o.label, language)}${teams ? ` (${teams})` : ''}${flags ? ` — ${flags}` : ''}`,
          { size: 9, indent: 6, after: 2 },
        );
      }
      w.y -= 4;
    }
  }

  // ---- page footers ----
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const footer = `${t('debrief.pdf.footer', { title })} · ${t('debrief.pdf.page', { page: i + 1, pages: pages.length })}`;
    page.drawText(clean(footer), { x: MARGIN, y: 28, size: 8, font: regular, color: MUTED });
  });
  return doc.save();
}
