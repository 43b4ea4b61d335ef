import { isMap, isSeq, parseDocument, type Document } from 'yaml';

/** A path into the scenario data: property names and list positions. */
export type DataPath = readonly (string | number)[];

/** The path as the validator writes it: `phases[0].decisions[1].options`. */
export function pathKey(path: DataPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

export interface ParsedSource {
  doc: Document;
  /** Plain data, or null when the text is not YAML. */
  data: unknown;
  /** The YAML syntax problem, if any (the forms are then read-only until the text is fixed). */
  syntaxError: string | null;
  /** The line (1-based) of that problem, when the parser knows it. */
  syntaxLine: number | null;
}

export function parseSource(source: string): ParsedSource {
  const doc = parseDocument(source, { uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    return {
      doc,
      data: null,
      syntaxError: first.message.split('\n')[0] ?? 'not YAML',
      syntaxLine: first.linePos?.[0].line ?? null,
    };
  }
  try {
    return {
      doc,
      data: doc.toJS({ maxAliasCount: 1000 }) as unknown,
      syntaxError: null,
      syntaxLine: null,
    };
  } catch (error) {
    return { doc, data: null, syntaxError: (error as Error).message, syntaxLine: null };
  }
}

/** The value at `path` in plain data. */
export function getAt(data: unknown, path: DataPath): unknown {
  let here: unknown = data;
  for (const seg of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, unknown>)[seg];
  }
  return here;
}

/**
 * A change made through a form, applied to the YAML document so comments and layout elsewhere
 * survive: set a value, remove it, or append to a list. Returns the new text.
 */
export type Edit =
  | { op: 'set'; path: DataPath; value: unknown }
  | { op: 'delete'; path: DataPath }
  | { op: 'append'; path: DataPath; value: unknown }
  | { op: 'move'; path: DataPath; from: number; to: number };

export function applyEdit(source: string, edit: Edit): string {
  const doc = parseDocument(source, { uniqueKeys: false });
  if (doc.errors.length > 0) return source;
  switch (edit.op) {
    case 'set': {
      const node = doc.createNode(edit.value);
      // Short lists of plain values read better inline: [a, b].
      if (isSeq(node) && node.items.every((i) => !isMap(i) && !isSeq(i))) node.flow = true;
      doc.setIn(edit.path, node);
      break;
    }
    case 'delete':
      doc.deleteIn(edit.path);
      break;
    case 'append': {
      const list = doc.getIn(edit.path, true);
      if (isSeq(list)) list.items.push(doc.createNode(edit.value));
      else doc.setIn(edit.path, doc.createNode([edit.value]));
      break;
    }
    case 'move': {
      const list = doc.getIn(edit.path, true);
      if (isSeq(list)) {
        const [item] = list.items.splice(edit.from, 1);
        if (item !== undefined) list.items.splice(edit.to, 0, item);
      }
      break;
    }
  }
  return doc.toString({ lineWidth: 0 });
}
