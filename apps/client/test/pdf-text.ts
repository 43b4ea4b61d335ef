import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFDocument,
  type PDFPage,
} from 'pdf-lib';

/*
 * Reads back what a PDF page shows, for tests: its text runs (decoded through each font's
 * ToUnicode map, as a PDF reader copies text), their heights on the page, and the drawing
 * operators and image objects it uses. Enough for the PDFs pdf-lib writes; not a general parser.
 */

export interface TextRun {
  text: string;
  /** Baseline height from the bottom of the page, in points. */
  y: number;
}

export interface PageContent {
  runs: TextRun[];
  /** All text of the page, runs joined by newlines. */
  text: string;
  /** Path-painting and path-building operators used (m, l, c, re, S, f, B …), with counts. */
  operators: Map<string, number>;
  /** Image XObjects in the page's resources. */
  images: number;
}

function streamBytes(stream: PDFRawStream): Uint8Array {
  return decodePDFRawStream(stream).decode();
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

/** glyph code (hex) → text, from a ToUnicode CMap (bfchar and bfrange sections). */
function parseToUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (h: string) =>
    String.fromCharCode(...(h.match(/.{4}/g) ?? []).map((x) => Number.parseInt(x, 16)));
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of (section[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    ))
      if (code && text) map.set(code.toUpperCase(), utf16(text));
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = section[1] ?? '';
    for (const m of body.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g,
    )) {
      const [, lo, hi, start, list] = m;
      if (!lo || !hi) continue;
      const from = Number.parseInt(lo, 16);
      const to = Number.parseInt(hi, 16);
      const width = lo.length;
      const targets = list ? [...list.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => x[1] ?? '') : [];
      for (let code = from; code <= to; code += 1) {
        const key = code.toString(16).toUpperCase().padStart(width, '0');
        if (start) {
          const base = Number.parseInt(start, 16) + (code - from);
          map.set(key, utf16(base.toString(16).padStart(start.length, '0')));
        } else {
          const target = targets[code - from];
          if (target) map.set(key, utf16(target));
        }
      }
    }
  }
  return map;
}

function fontMaps(page: PDFPage): Map<string, { map: Map<string, string>; width: number }> {
  const out = new Map<string, { map: Map<string, string>; width: number }>();
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!fonts) return out;
  for (const [name, value] of fonts.entries()) {
    const font = value instanceof PDFRef ? page.doc.context.lookup(value, PDFDict) : value;
    if (!(font instanceof PDFDict)) continue;
    const toUnicode = font.lookupMaybe(PDFName.of('ToUnicode'), PDFStream);
    const map =
      toUnicode instanceof PDFRawStream
        ? parseToUnicode(latin1(streamBytes(toUnicode)))
        : new Map();
    const width = [...map.keys()][0]?.length ?? 4;
    out.set(name.asString().replace(/^\//, ''), { map, width });
  }
  return out;
}

function contentStreams(page: PDFPage): PDFRawStream[] {
  const contents = page.node.Contents();
  if (!contents) return [];
  if (contents instanceof PDFArray) {
    return contents
      .asArray()
      .map((ref) => page.doc.context.lookup(ref))
      .filter((s): s is PDFRawStream => s instanceof PDFRawStream);
  }
  return contents instanceof PDFRawStream ? [contents] : [];
}

export function readPage(page: PDFPage): PageContent {
  const fonts = fontMaps(page);
  const runs: TextRun[] = [];
  const operators = new Map<string, number>();
  const source = contentStreams(page)
    .map((s) => latin1(streamBytes(s)))
    .join('\n');
  const tokens =
    source.match(/<[0-9A-Fa-f\s]*>|\([^)]*\)|\[|\]|\/[^\s/[\]()<>]+|[^\s/[\]()<>]+/g) ?? [];
  const operands: string[] = [];
  let font: { map: Map<string, string>; width: number } | undefined;
  let y = 0;
  for (const token of tokens) {
    if (/^[A-Za-z'"*]+$/.test(token)) {
      switch (token) {
        case 'Tf':
          font = fonts.get((operands[operands.length - 2] ?? '').replace(/^\//, ''));
          break;
        case 'Tm':
          y = Number(operands[operands.length - 1]);
          break;
        case 'Td':
          y += Number(operands[operands.length - 1]);
          break;
        case 'Tj': {
          const hex = (operands[operands.length - 1] ?? '').replace(/[<>\s]/g, '').toUpperCase();
          const width = font?.width ?? 4;
          let text = '';
          for (let i = 0; i < hex.length; i += width)
            text += font?.map.get(hex.slice(i, i + width)) ?? '';
          runs.push({ text, y });
          break;
        }
        default:
          if (/^(m|l|c|v|y|h|re|S|s|f|F|f\*|B|B\*|b|b\*|n)$/.test(token))
            operators.set(token, (operators.get(token) ?? 0) + 1);
      }
      operands.length = 0;
    } else operands.push(token);
  }
  let images = 0;
  const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  for (const [, value] of xobjects?.entries() ?? []) {
    const object = value instanceof PDFRef ? page.doc.context.lookup(value) : value;
    if (
      object instanceof PDFRawStream &&
      object.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString() === '/Image'
    )
      images += 1;
  }
  return { runs, text: runs.map((r) => r.text).join('\n'), operators, images };
}

export function readDocument(doc: PDFDocument): PageContent[] {
  return doc.getPages().map(readPage);
}
