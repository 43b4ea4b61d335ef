import { textSchema, type Text } from '@crossroads/shared';
import { parse } from 'yaml';

/**
 * A draft's title in every language it gives, read from its stored text: the `title` block of a
 * YAML file (parsed alone: a whole 400 kB scenario takes the parser a good part of a second, and
 * the draft list reads every draft), or the `title` of a JSON one. Null when the draft has no
 * title that reads as a text (the list then shows the English title stored beside it).
 */
export function draftTitle(source: string): Text | null {
  let title: unknown;
  if (source.trimStart().startsWith('{')) {
    try {
      title = (JSON.parse(source) as { title?: unknown } | null)?.title;
    } catch {
      return null;
    }
  } else {
    const lines = source.split('\n');
    const start = lines.findIndex((line) => /^title\s*:/.test(line));
    if (start < 0) return null;
    // The block runs until the next line that starts a top-level field (blank, indented and
    // comment lines belong to it).
    let end = start + 1;
    while (end < lines.length && /^(\s|#|$)/.test(lines[end] ?? '')) end += 1;
    try {
      title = (parse(lines.slice(start, end).join('\n')) as { title?: unknown } | null)?.title;
    } catch {
      return null;
    }
  }
  const text = textSchema.safeParse(title);
  return text.success ? text.data : null;
}
