/**
 * A readable diff between two scenario texts: the parsed data compared structurally, with lists of
 * things that have ids (phases, decisions, options, agencies...) matched by id rather than by
 * position, so moving or inserting an item does not show as a change of everything after it.
 */
import { parse } from 'yaml';
import type { StudioDiffChange } from '@crossroads/shared';

const MAX_CHANGES = 500;
const MAX_VALUE = 160;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const hasIds = (list: Json[]): boolean =>
  list.length > 0 && list.every((x) => isObject(x) && typeof x.id === 'string');

function walk(
  before: Json | undefined,
  after: Json | undefined,
  path: string[],
  out: StudioDiffChange[],
): void {
  if (out.length >= MAX_CHANGES) return;
  const where = path.join(' › ') || '(scenario)';
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    out.push({ path: where, kind: 'added', after: show(after) });
    return;
  }
  if (after === undefined) {
    out.push({ path: where, kind: 'removed', before: show(before) });
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) walk(before[key], after[key], [...path, key], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (hasIds(before) && hasIds(after)) {
      const byId = (list: Json[]) => new Map(list.map((x) => [(x as { id: string }).id, x]));
      const a = byId(before);
      const b = byId(after);
      for (const [id, item] of a) walk(item, b.get(id), [...path, id], out);
      for (const [id, item] of b) if (!a.has(id)) walk(undefined, item, [...path, id], out);
      const orderA = [...a.keys()].filter((id) => b.has(id));
      const orderB = [...b.keys()].filter((id) => a.has(id));
      if (orderA.join() !== orderB.join())
        out.push({
          path: where,
          kind: 'changed',
          before: `order ${orderA.join(', ')}`,
          after: `order ${orderB.join(', ')}`,
        });
      return;
    }
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    const simple = (list: Json[]) => list.every((x) => !isObject(x) && !Array.isArray(x));
    if (simple(before) && simple(after)) {
      out.push({ path: where, kind: 'changed', before: show(before), after: show(after) });
      return;
    }
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i += 1) walk(before[i], after[i], [...path, `#${i + 1}`], out);
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after))
    out.push({ path: where, kind: 'changed', before: show(before), after: show(after) });
}

/** The changes from one parsed scenario to another (at most 500). */
export function scenarioDiff(before: unknown, after: unknown): StudioDiffChange[] {
  const out: StudioDiffChange[] = [];
  walk(before as Json, after as Json, [], out);
  return out;
}

/** The changes between two scenario texts; a text that is not YAML is one change saying so. */
export function diffSources(before: string, after: string): StudioDiffChange[] {
  const read = (text: string): Json | Error => {
    try {
      return parse(text, { maxAliasCount: 1000 }) as Json;
    } catch (error) {
      return error as Error;
    }
  };
  const a = read(before);
  const b = read(after);
  if (a instanceof Error || b instanceof Error) {
    const which = a instanceof Error ? 'the earlier text' : 'the later text';
    return [{ path: '(scenario)', kind: 'changed', after: `${which} is not valid YAML` }];
  }
  return scenarioDiff(a, b);
}
