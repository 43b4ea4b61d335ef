import fontkit from '@pdf-lib/fontkit';
import {
  degrees,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  rgb,
  type PDFFont,
  type PDFPage,
  type PDFRef,
  type RGB,
} from 'pdf-lib';
import {
  answeringAgencies,
  answeringParticipants,
  AXES,
  type Axis,
  type ScoredItem,
  type TeamDebrief,
} from '@crossroads/shared';
import { sessionFacts } from '../lib/sessionDetails';
import { countryName } from '../learning/reports/countries';
import { runningPoints, scorePoints, teamStyle, type RunningSeries } from './chartData';
import { decisionPoints, losesPoints } from './compare';
import { participantNumbers, type DebriefContext } from './model';
import {
  clock,
  evidencePartsText,
  formatLegalBasisIn,
  humanizeId,
  pick,
  recipientTeamName,
  signed,
  type ContentLanguage,
} from './text';
import { isRedLineItem } from './timeline';

/*
 * The PDF report: a clean, multi-page A4 document a facilitator can hand to a donor or a
 * supervisor. Built in the browser with pdf-lib and an embedded (subset) DejaVu Sans, so every
 * Serbian letter prints. Charts are drawn as vector paths (they stay sharp when zoomed or printed),
 * the contents page and the document outline link to every section. Pure: the caller passes the
 * font bytes and the translations.
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
/** Lowest y text may reach; the footer sits below it. */
const BOTTOM = MARGIN + 20;
const TOP = A4[1] - MARGIN;
const USABLE = TOP - BOTTOM;
const INK = rgb(0.08, 0.1, 0.13);
const MUTED = rgb(0.28, 0.32, 0.37);
const BRAND = rgb(0.06, 0.19, 0.31);
const RED = rgb(0.69, 0.14, 0.11);
const RULE = rgb(0.79, 0.82, 0.86);
const SOFT = rgb(0.9, 0.94, 0.97);

/**
 * A section that starts with less than this share of a page left begins on a new page instead:
 * a heading and a few lines at the foot of a page, the rest overleaf, read badly.
 */
const SECTION_MIN_SPACE = 0.3 * USABLE;

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

/** Hex colour (#rrggbb) of the on-screen charts as a PDF colour. */
function hex(color: string): RGB {
  const n = Number.parseInt(color.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: RGB;
  indent?: number;
  /** Space after the block, in points. */
  after?: number;
}

/** A place in the document a contents line and an outline entry point to. */
interface Anchor {
  title: string;
  level: 1 | 2;
  page: PDFPage;
  y: number;
}

/** A top-to-bottom writer over A4 pages with automatic page breaks. */
export class Writer {
  page: PDFPage;
  y: number;
  readonly width = A4[0] - 2 * MARGIN;
  readonly anchors: Anchor[] = [];

  constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(A4);
    this.y = TOP;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = TOP;
  }

  /** Points left on this page above the footer. */
  get remaining(): number {
    return this.y - BOTTOM;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.remaining < height && this.y < TOP) this.newPage();
  }

  /** Starts a section: on a new page when little of this one is left, else after a gap. */
  section(): void {
    if (this.y >= TOP) return;
    if (this.remaining < SECTION_MIN_SPACE) this.newPage();
    else this.y -= 14;
  }

  lines(text: string, style: TextStyle = {}): string[] {
    const size = style.size ?? 10;
    const font = style.bold ? this.bold : this.regular;
    return wrapText(text, font, size, this.width - (style.indent ?? 0));
  }

  /** Height `text` takes with `style`, its space after included. */
  measure(text: string, style: TextStyle = {}): number {
    const size = style.size ?? 10;
    return this.lines(text, style).length * size * 1.35 + (style.after ?? 4);
  }

  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = style.bold ? this.bold : this.regular;
    const indent = style.indent ?? 0;
    const leading = size * 1.35;
    for (const line of this.lines(text, style)) {
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

  /** Text blocks kept on one page when they fit on one (a scored item, a decision). */
  block(parts: { text: string; style: TextStyle }[]): void {
    const height = parts.reduce((sum, p) => sum + this.measure(p.text, p.style), 0);
    if (height < USABLE) this.ensure(height);
    for (const p of parts) this.text(p.text, p.style);
  }

  /**
   * A heading, kept with at least `keep` points of what follows. Level 1 and 2 headings are
   * listed in the contents and the outline unless `listed` is false.
   */
  heading(text: string, level: 1 | 2 | 3, options: { keep?: number; listed?: boolean } = {}): void {
    const size = level === 1 ? 20 : level === 2 ? 15 : 12;
    this.ensure(this.measure(text, { size, bold: true }) + (options.keep ?? 60));
    if (level !== 1 && this.y < TOP) this.y -= 6;
    if (level !== 3 && options.listed !== false) {
      this.anchors.push({ title: text, level, page: this.page, y: Math.min(TOP, this.y + 6) });
    }
    this.text(text, { size, bold: true, color: BRAND, after: level === 3 ? 3 : 6 });
  }

  /** A thin horizontal line across the text width (between blocks of a report). */
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
    if (height < USABLE) this.ensure(height);
    const top = this.y;
    const bottom = Math.max(BOTTOM - 10, top - height);
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

  /**
   * A table with wrapped cells; `widths` are fractions of the text width. The header row is
   * repeated at the top of every page the table continues on.
   */
  table(header: string[], rows: string[][], widths: number[]): void {
    const size = 9;
    const leading = size * 1.3;
    const pad = 4;
    const cols = widths.map((w) => w * this.width);
    const layout = (cells: string[], bold: boolean) => {
      const font = bold ? this.bold : this.regular;
      const wrapped = cells.map((c, i) => wrapText(c, font, size, (cols[i] ?? 50) - 2 * pad));
      return { wrapped, height: Math.max(...wrapped.map((w) => w.length)) * leading + 2 * pad };
    };
    const drawRow = (cells: string[], bold: boolean) => {
      const { wrapped, height } = layout(cells, bold);
      let x = MARGIN;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, j) => {
          this.page.drawText(line, {
            x: x + pad,
            y: this.y - pad - (j + 1) * leading + size * 0.3,
            size,
            font: bold ? this.bold : this.regular,
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
    const headerHeight = layout(header, true).height;
    const first = rows[0];
    this.ensure(headerHeight + (first ? layout(first, false).height : 0));
    drawRow(header, true);
    for (const row of rows) {
      const { height } = layout(row, false);
      if (this.remaining < height && this.y < TOP) {
        this.newPage();
        drawRow(header, true);
      }
      drawRow(row, false);
    }
    this.y -= 10;
  }

  /** Reserves one line for a contents entry; the caller writes it once page numbers are known. */
  reserveLine(leading: number): { page: PDFPage; y: number } {
    this.ensure(leading);
    this.y -= leading;
    return { page: this.page, y: this.y };
  }
}

// ---- charts (vector paths) ------------------------------------------------------------------

interface Frame {
  left: number;
  bottom: number;
  width: number;
  height: number;
}

/** Axes, grid and tick labels of a chart frame; returns the x and y mappers. */
function drawFrame(
  w: Writer,
  frame: Frame,
  x: { min: number; max: number; ticks: number[]; label: (v: number) => string },
  y: { min: number; max: number; ticks: number[]; label: (v: number) => string },
) {
  const px = (v: number) => frame.left + ((v - x.min) / (x.max - x.min || 1)) * frame.width;
  const py = (v: number) => frame.bottom + ((v - y.min) / (y.max - y.min || 1)) * frame.height;
  const size = 7.5;
  for (const tick of y.ticks) {
    w.page.drawLine({
      start: { x: frame.left, y: py(tick) },
      end: { x: frame.left + frame.width, y: py(tick) },
      thickness: 0.4,
      color: RULE,
      dashArray: [2, 2],
    });
    const label = y.label(tick);
    w.page.drawText(label, {
      x: frame.left - 4 - w.regular.widthOfTextAtSize(label, size),
      y: py(tick) - size / 3,
      size,
      font: w.regular,
      color: MUTED,
    });
  }
  for (const tick of x.ticks) {
    const label = x.label(tick);
    w.page.drawLine({
      start: { x: px(tick), y: frame.bottom },
      end: { x: px(tick), y: frame.bottom - 3 },
      thickness: 0.6,
      color: MUTED,
    });
    w.page.drawText(label, {
      x: px(tick) - w.regular.widthOfTextAtSize(label, size) / 2,
      y: frame.bottom - 12,
      size,
      font: w.regular,
      color: MUTED,
    });
  }
  w.page.drawRectangle({
    x: frame.left,
    y: frame.bottom,
    width: frame.width,
    height: frame.height,
    borderColor: MUTED,
    borderWidth: 0.75,
  });
  return { px, py };
}

/** A marker of the team's shape (the on-screen chart's), so teams differ by more than colour. */
function drawMarker(w: Writer, x: number, y: number, index: number, size = 4.5) {
  const style = teamStyle(index);
  const color = hex(style.color);
  const s = size;
  const paths: Record<string, string> = {
    square: `M ${-s} ${-s} L ${s} ${-s} L ${s} ${s} L ${-s} ${s} Z`,
    triangle: `M 0 ${-s * 1.2} L ${s * 1.1} ${s * 0.8} L ${-s * 1.1} ${s * 0.8} Z`,
    diamond: `M 0 ${-s * 1.3} L ${s * 1.1} 0 L 0 ${s * 1.3} L ${-s * 1.1} 0 Z`,
    star: `M 0 ${-s * 1.3} L ${s * 0.4} ${-s * 0.4} L ${s * 1.3} ${-s * 0.4} L ${s * 0.6} ${s * 0.2} L ${s * 0.9} ${s * 1.2} L 0 ${s * 0.6} L ${-s * 0.9} ${s * 1.2} L ${-s * 0.6} ${s * 0.2} L ${-s * 1.3} ${-s * 0.4} L ${-s * 0.4} ${-s * 0.4} Z`,
    cross: `M ${-s} ${-s * 0.35} L ${-s * 0.35} ${-s * 0.35} L ${-s * 0.35} ${-s} L ${s * 0.35} ${-s} L ${s * 0.35} ${-s * 0.35} L ${s} ${-s * 0.35} L ${s} ${s * 0.35} L ${s * 0.35} ${s * 0.35} L ${s * 0.35} ${s} L ${-s * 0.35} ${s} L ${-s * 0.35} ${s * 0.35} L ${-s} ${s * 0.35} Z`,
    wye: `M ${-s * 0.3} ${-s * 1.2} L ${s * 0.3} ${-s * 1.2} L ${s * 0.3} 0 L ${s * 1.1} ${s * 0.8} L ${s * 0.7} ${s * 1.2} L 0 ${s * 0.5} L ${-s * 0.7} ${s * 1.2} L ${-s * 1.1} ${s * 0.8} L ${-s * 0.3} 0 Z`,
  };
  const path = paths[style.shape];
  if (path) w.page.drawSvgPath(path, { x, y, color, borderColor: INK, borderWidth: 0.5 });
  else w.page.drawCircle({ x, y, size: s, color, borderColor: INK, borderWidth: 0.5 });
}

/** Team names with their line and marker, in rows under a chart. Returns the height used. */
function drawLegend(w: Writer, names: string[], top: number, lines: boolean): number {
  const size = 8.5;
  let x = MARGIN;
  let y = top - 10;
  names.forEach((name, i) => {
    const label = clean(name);
    const width = 34 + w.regular.widthOfTextAtSize(label, size) + 14;
    if (x + width > MARGIN + w.width) {
      x = MARGIN;
      y -= 14;
    }
    const style = teamStyle(i);
    if (lines) {
      w.page.drawLine({
        start: { x, y: y + 3 },
        end: { x: x + 24, y: y + 3 },
        thickness: 2,
        color: hex(style.color),
        ...(style.dash ? { dashArray: style.dash.split(' ').map(Number) } : {}),
      });
    }
    drawMarker(w, x + 12, y + 3, i, 3.5);
    w.page.drawText(label, { x: x + 30, y, size, font: w.regular, color: INK });
    x += width;
  });
  return top - y + 8;
}

/** Final evidence score against final rights score, one marker per team. */
function scatterChart(w: Writer, context: DebriefContext, t: Translate): void {
  const points = scorePoints(context.debrief);
  const side = 230;
  const height = side + 70 + Math.ceil(points.length / 3) * 14;
  w.ensure(height);
  const frame: Frame = { left: MARGIN + 40, bottom: w.y - side - 10, width: side, height: side };
  const ticks = [0, 25, 50, 75, 100];
  // The shaded top right: a strong case built lawfully.
  w.page.drawRectangle({
    x: frame.left + frame.width / 2,
    y: frame.bottom + frame.height / 2,
    width: frame.width / 2,
    height: frame.height / 2,
    color: SOFT,
  });
  const { px, py } = drawFrame(
    w,
    frame,
    { min: 0, max: 100, ticks, label: String },
    { min: 0, max: 100, ticks, label: String },
  );
  points.forEach((p, i) => {
    const x = px(p.evidence);
    const y = py(p.rights);
    drawMarker(w, x, y, i);
    const label = clean(p.name);
    const size = 8;
    const labelWidth = w.bold.widthOfTextAtSize(label, size);
    w.page.drawText(label, {
      x: Math.min(frame.left + frame.width - labelWidth, Math.max(frame.left, x - labelWidth / 2)),
      y: y + 7,
      size,
      font: w.bold,
      color: INK,
    });
  });
  const size = 8.5;
  w.page.drawText(t('debrief.score.evidence'), {
    x:
      frame.left +
      frame.width / 2 -
      w.regular.widthOfTextAtSize(t('debrief.score.evidence'), size) / 2,
    y: frame.bottom - 26,
    size,
    font: w.regular,
    color: INK,
  });
  w.page.drawText(t('debrief.score.rights'), {
    x: frame.left - 30,
    y:
      frame.bottom +
      frame.height / 2 -
      w.regular.widthOfTextAtSize(t('debrief.score.rights'), size) / 2,
    size,
    font: w.regular,
    color: INK,
    rotate: degrees(90),
  });
  // The numbers beside the chart, so the chart is never the only way to read them.
  let y = frame.bottom + frame.height - 4;
  const tableX = frame.left + frame.width + 30;
  for (const [i, p] of points.entries()) {
    drawMarker(w, tableX + 4, y + 3, i, 3.5);
    const line = `${clean(p.name)}: ${t('debrief.score.evidence')} ${p.evidence} · ${t('debrief.score.rights')} ${p.rights}`;
    for (const part of wrapText(line, w.regular, size, MARGIN + w.width - tableX - 14)) {
      w.page.drawText(part, { x: tableX + 14, y, size, font: w.regular, color: INK });
      y -= size * 1.3;
    }
    y -= 3;
  }
  w.y = frame.bottom - 34;
  w.y -= drawLegend(
    w,
    points.map((p) => p.name),
    w.y,
    false,
  );
}

/** Counted points over scenario time on one axis, one step line per team. */
function runningChart(
  w: Writer,
  context: DebriefContext,
  t: Translate,
  language: ContentLanguage,
  axis: Axis,
  lead?: string,
): void {
  const series: RunningSeries[] = runningPoints(context.debrief, axis);
  const plotHeight = 150;
  const leadStyle = { color: MUTED, after: 6 };
  const height =
    plotHeight +
    60 +
    Math.ceil(series.length / 3) * 14 +
    20 +
    (lead ? w.measure(lead, leadStyle) : 0);
  // The lead and the chart it introduces stay on one page.
  w.ensure(height);
  if (lead) w.text(lead, leadStyle);
  w.text(`${t('debrief.charts.runningTitle')}: ${t(`debrief.score.${axis}`)}`, {
    bold: true,
    size: 10,
    after: 4,
  });
  const end = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.time)));
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  const min = Math.min(0, ...values);
  const max = Math.max(1, ...values);
  const step = Math.max(1, Math.ceil((max - min) / 4));
  const yTicks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step / 2; v += step) yTicks.push(v);
  const xTicks = [0, end / 4, end / 2, (3 * end) / 4, end];
  const frame: Frame = {
    left: MARGIN + 34,
    bottom: w.y - plotHeight - 6,
    width: w.width - 44,
    height: plotHeight,
  };
  const yMin = yTicks[0] ?? min;
  const yMax = yTicks[yTicks.length - 1] ?? max;
  const { px, py } = drawFrame(
    w,
    frame,
    {
      min: 0,
      max: end,
      ticks: xTicks,
      label: (v) => clock(t, v, language, context.debrief.scenario.startTime),
    },
    { min: yMin, max: yMax, ticks: yTicks, label: (v) => signed(v, language) },
  );
  series.forEach((s, i) => {
    const style = teamStyle(i);
    // A step line: the total holds until the next change (as on screen).
    let d = '';
    s.points.forEach((p, j) => {
      const x = px(p.time) - frame.left;
      const y = frame.bottom + frame.height - py(p.value);
      if (j === 0) d = `M ${x} ${y}`;
      else {
        const prev = s.points[j - 1];
        const prevY = prev ? frame.bottom + frame.height - py(prev.value) : y;
        d += ` L ${x} ${prevY} L ${x} ${y}`;
      }
    });
    w.page.drawSvgPath(d, {
      x: frame.left,
      y: frame.bottom + frame.height,
      borderColor: hex(style.color),
      borderWidth: 2,
      ...(style.dash ? { borderDashArray: style.dash.split(' ').map(Number) } : {}),
    });
    const last = s.points[s.points.length - 1];
    if (last) drawMarker(w, px(last.time), py(last.value), i, 3.5);
  });
  w.y = frame.bottom - 20;
  w.y -= drawLegend(
    w,
    series.map((s) => `${s.name} (${signed(s.total, language)})`),
    w.y,
    true,
  );
  w.y -= 6;
}

// ---- contents and outline -----------------------------------------------------------------

/** Writes the contents lines reserved earlier, each a link to its section. */
function writeContents(w: Writer, slots: { page: PDFPage; y: number }[], anchors: Anchor[]): void {
  const pages = w.doc.getPages();
  const size = 10;
  anchors.forEach((a, i) => {
    const slot = slots[i];
    if (!slot) return;
    const number = String(pages.indexOf(a.page) + 1);
    const indent = a.level === 1 ? 0 : 16;
    const font = a.level === 1 ? w.bold : w.regular;
    const numberWidth = w.regular.widthOfTextAtSize(number, size);
    const room = w.width - indent - numberWidth - 16;
    let title = clean(a.title);
    while (title.length > 1 && font.widthOfTextAtSize(title, size) > room)
      title = `${title.slice(0, -2)}…`;
    const y = slot.y + size * 0.3;
    slot.page.drawText(title, { x: MARGIN + indent, y, size, font, color: INK });
    const titleEnd = MARGIN + indent + font.widthOfTextAtSize(title, size) + 4;
    const numberX = MARGIN + w.width - numberWidth;
    if (numberX - 4 > titleEnd) {
      slot.page.drawLine({
        start: { x: titleEnd, y: y + 1 },
        end: { x: numberX - 4, y: y + 1 },
        thickness: 0.6,
        color: RULE,
        dashArray: [1, 2.5],
      });
    }
    slot.page.drawText(number, { x: numberX, y, size, font: w.regular, color: INK });
    const link = w.doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [MARGIN, slot.y - 2, MARGIN + w.width, slot.y + size + 2],
      Border: [0, 0, 0],
      Dest: destination(a),
    });
    slot.page.node.addAnnot(w.doc.context.register(link));
  });
}

function destination(a: Anchor): PDFArray {
  const dest = PDFArray.withContext(a.page.doc.context);
  dest.push(a.page.ref);
  dest.push(PDFName.of('XYZ'));
  dest.push(PDFNull);
  dest.push(PDFNumber.of(Math.round(a.y)));
  dest.push(PDFNull);
  return dest;
}

/** The document outline (the viewer's bookmarks): teams with their parts below them. */
function writeOutline(doc: PDFDocument, anchors: Anchor[]): void {
  if (anchors.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();
  type Node = { anchor: Anchor; ref: PDFRef; children: { anchor: Anchor; ref: PDFRef }[] };
  const tops: Node[] = [];
  for (const anchor of anchors) {
    const ref = context.nextRef();
    const parent = tops[tops.length - 1];
    if (anchor.level === 2 && parent) parent.children.push({ anchor, ref });
    else tops.push({ anchor, ref, children: [] });
  }
  const write = (
    items: { anchor: Anchor; ref: PDFRef; children?: { anchor: Anchor; ref: PDFRef }[] }[],
    parent: PDFRef,
  ) => {
    items.forEach((item, i) => {
      const entry: Record<string, unknown> = {
        Title: PDFHexString.fromText(item.anchor.title),
        Parent: parent,
        Dest: destination(item.anchor),
      };
      const prev = items[i - 1];
      const next = items[i + 1];
      if (prev) entry.Prev = prev.ref;
      if (next) entry.Next = next.ref;
      const children = item.children ?? [];
      const first = children[0];
      const last = children[children.length - 1];
      if (first && last) {
        entry.First = first.ref;
        entry.Last = last.ref;
        // Negative: the team's parts start folded.
        entry.Count = -children.length;
        write(children, item.ref);
      }
      context.assign(item.ref, context.obj(entry as never));
    });
  };
  write(tops, rootRef);
  const first = tops[0];
  const last = tops[tops.length - 1];
  if (!first || !last) return;
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: first.ref, Last: last.ref, Count: tops.length }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** The outline's titles, depth first (level 2 indented by two spaces): for readers and tests. */
export function outlineTitles(doc: PDFDocument): string[] {
  const titles: string[] = [];
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (dict: PDFDict | undefined, depth: number) => {
    let node = dict;
    while (node) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFHexString);
      titles.push(`${'  '.repeat(depth)}${title?.decodeText() ?? ''}`);
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
      node = node.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  walk(root?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return titles;
}

// ---- the report -----------------------------------------------------------------------------

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

/** The team's decisions that moved a score, in the order they were taken. */
export function scoredDecisions(team: TeamDebrief) {
  return team.timeline.filter(
    (e) =>
      e.decision !== undefined &&
      (e.items.length > 0 || e.delta.evidence !== 0 || e.delta.rights !== 0),
  );
}

/**
 * The team's answers to requests (granted or refused), in the order they came: each with the
 * reason the answering agency gave, when it gave one. Entries outside the reader's view are not
 * answers here (a recipient's debrief has them as "hidden", without a reason).
 */
export function answeredRequests(team: TeamDebrief) {
  return team.timeline.filter((e) => e.type === 'request.answered');
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
  const named = context.details?.title;
  doc.setTitle(`${t('debrief.pdf.title')}: ${named ? `${named} · ` : ''}${title}`);
  doc.setSubject(t('debrief.pdf.subject'));
  if (context.details?.facilitators?.length) doc.setAuthor(context.details.facilitators.join(', '));
  doc.setCreator('Crossroads');
  doc.setProducer('Crossroads');
  doc.setLanguage(language);
  const generated = new Date(context.generatedAt);
  if (!Number.isNaN(generated.getTime())) doc.setCreationDate(generated);
  const numbers = participantNumbers(d);
  // A moment as the page and the live views read it ("Day 1, 02:19", or "T+00:19" without a start).
  const when = (minutes: number) => clock(t, minutes, language, d.scenario.startTime);
  const person = (id: string | null) =>
    id
      ? (context.participants[id] ??
        t('debrief.timeline.participantId', { id: numbers.get(id) ?? numbers.size + 1 }))
      : '';

  const w = new Writer(doc, regular, bold);

  // ---- cover: what, when, who ----
  w.text(t('debrief.pdf.kicker'), { size: 11, bold: true, color: MUTED, after: 2 });
  w.heading(named ?? title, 1, { listed: false });
  if (named) w.text(title, { size: 13, bold: true, color: MUTED, after: 8 });
  const facts: [string, string][] = [
    ...sessionFacts(context.details, language, t)
      .filter((f) => f.key !== 'title')
      .map((f): [string, string] => [f.label, f.value]),
    [t('debrief.header.scenario'), `${title} (${d.scenario.id} ${d.scenario.version})`],
    // Whose law the debrief cites; a debrief stored before scenarios stated it names no country.
    ...(d.scenario.country
      ? [
          [t('debrief.header.country'), countryName(d.scenario.country, language)] as [
            string,
            string,
          ],
        ]
      : []),
    [t('debrief.header.started'), context.startedAt ? formatDate(context.startedAt) : '—'],
    [t('debrief.header.ended'), context.endedAt ? formatDate(context.endedAt) : '—'],
    [t('debrief.header.generated'), formatDate(context.generatedAt)],
    [t('debrief.header.rubric'), `${d.rubric.id} ${d.rubric.version}`],
    // A trainee's debrief holds their own team only: it names it rather than count one team.
    d.recipient === null
      ? [t('debrief.header.teams'), String(d.teams.length)]
      : [t('debrief.header.team'), recipientTeamName(d)],
    [t('debrief.header.events'), String(d.events.count)],
    [t('debrief.header.sessionId'), context.sessionId ?? '—'],
  ];
  w.table(
    [t('debrief.pdf.fact'), t('debrief.pdf.value')],
    facts.map(([k, v]) => [k, v]),
    [0.3, 0.7],
  );
  if (d.teams.some((team) => !team.outcome.final)) {
    w.text(t('debrief.header.projection'), { color: MUTED });
  }

  // ---- contents: the lines are reserved now and written once page numbers are known ----
  const points = decisionPoints(d).filter((p) => p.deciding > 0);
  const differing = points.filter(
    (p) => p.options.filter((o) => o.count > 0).length > 1 || p.deciding < p.teams,
  );
  const showComparison = differing.length > 0 && d.teams.length > 1;
  const teamParts = (team: TeamDebrief) =>
    3 +
    (answeredRequests(team).length > 0 ? 1 : 0) +
    (topScoredItems(team, top).length > 0 ? 1 : 0) +
    (team.missedOpportunities.length > 0 ? 1 : 0);
  const entries =
    2 + d.teams.reduce((n, team) => n + 1 + teamParts(team), 0) + (showComparison ? 1 : 0);
  w.heading(t('debrief.pdf.contents'), 2, { listed: false, keep: Math.min(entries, 8) * 14 });
  const slots = Array.from({ length: entries }, () => w.reserveLine(14));
  w.y -= 8;

  // ---- overview and charts ----
  w.section();
  w.heading(t('debrief.overview.title'), 1, { keep: 90 });
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
        ? t('debrief.redLine.count', { count: team.redLines.length })
        : t('debrief.redLine.none'),
      pick(team.outcome.label, language),
    ]),
    [0.24, 0.14, 0.14, 0.18, 0.3],
  );
  w.heading(t('debrief.method.title'), 3);
  w.text(t('debrief.method.evidence'), { color: MUTED });
  w.text(t('debrief.method.rights'), { color: MUTED });
  w.text(t('debrief.method.redLine'), { color: MUTED });

  w.section();
  w.heading(t('debrief.charts.title'), 1, { keep: 320 });
  w.text(`${t('debrief.charts.scatterTitle')} — ${t('debrief.charts.scatterLead')}`, {
    color: MUTED,
    after: 6,
  });
  scatterChart(w, context, t);
  AXES.forEach((axis, i) =>
    runningChart(
      w,
      context,
      t,
      language,
      axis,
      i === 0
        ? `${t('debrief.charts.runningTitle')} — ${t('debrief.charts.runningLead')}`
        : undefined,
    ),
  );

  // ---- one section per team ----
  for (const team of d.teams) {
    w.section();
    w.heading(`${t('debrief.team.name')}: ${team.name}`, 1, { keep: 120 });
    w.text(
      `${t('debrief.score.evidence')}: ${team.evidenceScore.value} / 100 · ${t('debrief.score.rights')}: ${team.rightsScore.value} / 100`,
      { size: 13, bold: true, after: 4 },
    );
    w.text(evidencePartsText(t, team.evidenceScore, language));
    w.text(t('debrief.score.rightsParts', { points: signed(team.rightsScore.points, language) }));
    w.text(
      `${t('debrief.score.formula')}: ${pick(team.evidenceScore.methodText, language) || team.evidenceScore.method}`,
      { size: 8, color: MUTED },
    );
    w.text(
      `${t('debrief.score.formula')}: ${pick(team.rightsScore.methodText, language) || team.rightsScore.method}`,
      { size: 8, color: MUTED, after: 8 },
    );

    if (team.redLines.length > 0) {
      w.box(
        [
          { text: t('debrief.redLine.crossed', { n: team.redLines.length }), bold: true },
          { text: t('debrief.redLine.capsResult') },
          ...team.redLines.flatMap((r) => [
            { text: `${when(r.time)} · ${pick(r.title, language)}`, bold: true },
            { text: pick(r.detail, language) },
            {
              text: `${t('debrief.legalBasis')}: ${r.legalBasis.map((b) => formatLegalBasisIn(b, language)).join('; ')}`,
            },
          ]),
        ],
        RED,
      );
    }

    w.heading(t('debrief.outcome.title'), 2);
    w.text(pick(team.outcome.label, language), { bold: true, size: 11 });
    w.text(pick(team.outcome.reason, language));
    if (team.outcome.criminal && team.outcome.kind !== 'not_applicable')
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

    w.heading(t('debrief.case.title'), 2, { keep: 80 });
    const evidenceById = new Map(team.evidence.map((e) => [e.id, e]));
    if (team.caseStrength.every((e) => e.status === 'not_in_scenario'))
      w.text(t('debrief.case.noElements'), { color: MUTED });
    else
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
                const name = item ? pick(item.title, language) : humanizeId(ref.id);
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

    // One timeline entry: its label, when and by whom with what it scored, then the words typed
    // with it (quoted under `quoteLabel`), or `missing` when none were.
    const entryBlock = (
      entry: (typeof team.timeline)[number],
      words: string | undefined,
      quoteLabel: string,
      missing: string,
    ) => {
      const who = [
        when(entry.time),
        agencyName(context, entry.role, language),
        person(entry.participant),
      ]
        .filter(Boolean)
        .join(' · ');
      const delta = AXES.filter((axis) => entry.delta[axis] !== 0)
        .map((axis) => `${t(`debrief.score.${axis}`)} ${signed(entry.delta[axis], language)}`)
        .join(' · ');
      w.block([
        { text: pick(entry.label, language), style: { bold: true, after: 1 } },
        {
          text: [who, delta].filter(Boolean).join(' · '),
          style: { size: 8, color: MUTED, after: 1 },
        },
        words
          ? { text: `${quoteLabel}: “${words}”`, style: { size: 9, indent: 8, after: 6 } }
          : { text: missing, style: { size: 9, indent: 8, color: MUTED, after: 6 } },
      ]);
    };

    // Every decision that moved a score, with the reason the trainee wrote down.
    w.heading(t('debrief.pdf.decisions'), 2);
    const decisions = scoredDecisions(team);
    if (decisions.length === 0) w.text(t('debrief.pdf.noDecisions'), { color: MUTED });
    for (const entry of decisions) {
      entryBlock(
        entry,
        entry.rationale,
        t('debrief.timeline.rationale'),
        t('debrief.pdf.noRationale'),
      );
    }

    // Why each request was granted or refused: what a refusal teaches is in its reason.
    const answers = answeredRequests(team);
    if (answers.length > 0) w.heading(t('debrief.pdf.answers'), 2);
    for (const entry of answers) {
      entryBlock(
        entry,
        entry.reason,
        t('debrief.timeline.answerReason'),
        t('debrief.pdf.noReason'),
      );
    }

    const topItems = topScoredItems(team, top);
    if (topItems.length > 0) {
      w.heading(t('debrief.pdf.topItems', { n: top }), 2);
      for (const item of topItems) {
        const axis = t(`debrief.score.${item.axis}`);
        const who = [
          answeringAgencies(item)
            .map((id) => agencyName(context, id, language))
            .join(', '),
          answeringParticipants(item).map(person).join(', '),
          when(item.time),
        ]
          .filter(Boolean)
          .join(' · ');
        w.block([
          {
            text: `${signed(item.points, language)} ${axis}${isRedLineItem(item) ? ` — ${t('debrief.redLine.badge')}` : ''} · ${pick(item.title, language)}`,
            style: { bold: true, color: isRedLineItem(item) ? RED : INK, after: 1 },
          },
          { text: who, style: { size: 8, color: MUTED, after: 1 } },
          { text: pick(item.detail, language), style: { size: 9, after: 1 } },
          { text: pick(item.explanation, language), style: { size: 9, color: MUTED, after: 1 } },
          ...(item.legalBasis.length > 0
            ? [
                {
                  text: `${t('debrief.legalBasis')}: ${item.legalBasis.map((b) => formatLegalBasisIn(b, language)).join('; ')}`,
                  style: { size: 8, color: BRAND, after: 6 },
                },
              ]
            : []),
        ]);
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
  if (showComparison) {
    w.section();
    w.heading(t('debrief.compare.title'), 1);
    w.text(t('debrief.compare.lead'), { color: MUTED, after: 2 });
    w.text(t('debrief.pdf.compareLead', { n: differing.length, total: points.length }), {
      color: MUTED,
      after: 8,
    });
    const names = new Map(d.teams.map((team) => [team.team, team.name]));
    for (const p of differing) {
      const lines = p.options
        .filter((x) => x.count > 0 || x.best)
        .map((o) => {
          const teams = o.teams.map((id) => names.get(id) ?? id).join(', ');
          const head = t('debrief.compare.chose', { count: o.count, total: p.teams });
          const flags = [
            o.best
              ? t(losesPoints(o.value) ? 'debrief.compare.leastCostly' : 'debrief.compare.best')
              : '',
            o.value !== null
              ? t('debrief.compare.value', { value: signed(o.value, language) })
              : '',
          ]
            .filter(Boolean)
            .join(' · ');
          return `• ${head}: ${pick(o.label, language)}${teams ? ` (${teams})` : ''}${flags ? ` — ${flags}` : ''}`;
        });
      w.block([
        { text: pick(p.title, language), style: { bold: true, size: 11, after: 2 } },
        ...lines.map((text) => ({ text, style: { size: 9, indent: 6, after: 2 } })),
      ]);
      w.y -= 4;
    }
  }

  // The contents list exactly the anchors laid out; spare reserved lines stay blank.
  writeContents(w, slots, w.anchors.slice(0, slots.length));
  writeOutline(doc, w.anchors);

  // ---- page footers ----
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const footer = `${t('debrief.pdf.footer', { title: named ?? title })} · ${t('debrief.pdf.page', { page: i + 1, pages: pages.length })}`;
    page.drawText(clean(footer), { x: MARGIN, y: 28, size: 8, font: regular, color: MUTED });
  });
  return doc.save();
}
