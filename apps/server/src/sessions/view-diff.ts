import type { RoleView, ViewPatchOp } from '@crossroads/shared';

/**
 * What turns the view a trainee group holds into the next one, from one structural walk of both.
 *
 * `ops` are RFC 6902 operations (add, remove and replace only) to apply in order; `changed` says
 * whether anything but the clock's minutes differs (a view whose only change is the minutes is the
 * same view for versioning: clients add up `clock.ticked` minutes themselves).
 *
 * The values in `ops` are the objects of `next` itself, not copies. Sound because views, and the
 * scenario objects they share, are never mutated once built (the runtime builds each view anew
 * from copy-on-write engine states): a value is still what was diffed when the op is serialised.
 */
export interface ViewDiff {
  changed: boolean;
  ops: ViewPatchOp[];
}

const MINUTES_PATH = '/clock/minutes';

export function diffViews(held: RoleView, next: RoleView): ViewDiff {
  const ops: ViewPatchOp[] = [];
  if (held !== next) diffValue(held, next, '', ops);
  const changed = ops.length > 1 || (ops.length === 1 && ops[0]?.path !== MINUTES_PATH);
  return { changed, ops };
}

type Json = Record<string, unknown>;

/** RFC 6901 escaping of one path segment (facts are keyed by free-form names). */
function segment(key: string): string {
  return key.includes('~') || key.includes('/')
    ? key.replace(/~/g, '~0').replace(/\//g, '~1')
    : key;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** Appends to `ops` what turns `a` into `b` at `path` (the caller checked `a !== b`). */
export function diffValue(a: unknown, b: unknown, path: string, ops: ViewPatchOp[]): void {
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) {
    // Numbers and strings that are equal are `===` already; NaN cannot occur in JSON.
    ops.push({ op: 'replace', path, value: b });
  } else if (Array.isArray(a)) {
    diffArray(a as unknown[], b as unknown[], path, ops);
  } else {
    diffObject(a as Json, b as Json, path, ops);
  }
}

/** Keys whose value is undefined are absent in JSON, so they count as absent here too. */
function diffObject(a: Json, b: Json, path: string, ops: ViewPatchOp[]): void {
  for (const key in a) {
    const before = a[key];
    if (before === undefined) continue;
    const after = b[key];
    if (after === undefined) ops.push({ op: 'remove', path: `${path}/${segment(key)}` });
    else if (before !== after) diffValue(before, after, `${path}/${segment(key)}`, ops);
  }
  for (const key in b) {
    const after = b[key];
    if (after !== undefined && a[key] === undefined) {
      ops.push({ op: 'add', path: `${path}/${segment(key)}`, value: after });
    }
  }
}

/**
 * The identity of a list item across views, where the view schema gives one: `id` (documents,
 * evidence, people, injects, decisions, options, sendable requests), `instance` (requests),
 * decision and option (hints). Undefined for anything else.
 */
function keyOf(item: unknown): string | undefined {
  if (!isObject(item) || Array.isArray(item)) return undefined;
  const record = item as Json;
  if (typeof record.id === 'string') return record.id;
  if (typeof record.instance === 'string') return record.instance;
  if (typeof record.decision === 'string' && typeof record.option === 'string') {
    return `${record.decision}\u0000${record.option}`;
  }
  return undefined;
}

/** Same item across two views: the same key, or for items without one, equal JSON. */
function sameItem(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const key = keyOf(a);
  if (key !== undefined) return key === keyOf(b);
  return keyOf(b) === undefined && equalJson(a, b);
}

/**
 * Deep equality of two JSON values, as JSON sees them (a key whose value is undefined is absent).
 * The reference check ends most branches at once: views and scores share most of their objects.
 */
export function equalJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    if (a.length !== bs.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!equalJson(a[i], bs[i])) return false;
    return true;
  }
  const ra = a as Json;
  const rb = b as Json;
  for (const key in ra) if (ra[key] !== undefined && !equalJson(ra[key], rb[key])) return false;
  for (const key in rb) if (rb[key] !== undefined && ra[key] === undefined) return false;
  return true;
}

/**
 * Lists are matched item by item from both ends, by key (or equal JSON for items without one):
 * the common prefix and suffix are diffed in place, so removing or inserting one item among many
 * costs one operation, not a replace of every later item. What is left in the middle is paired by
 * position (a recursive diff when both items are the same one, else a replace), then the old
 * extra items are removed from the highest index down or the new ones added in order.
 *
 * Ops apply sequentially: suffix items are diffed at their old indices before anything changes the
 * list's length, so every index an op names exists when it is applied.
 */
function diffArray(a: unknown[], b: unknown[], path: string, ops: ViewPatchOp[]): void {
  const shortest = Math.min(a.length, b.length);
  let start = 0;
  while (start < shortest && sameItem(a[start], b[start])) {
    if (a[start] !== b[start]) diffValue(a[start], b[start], `${path}/${start}`, ops);
    start += 1;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && sameItem(a[endA - 1], b[endB - 1])) {
    endA -= 1;
    endB -= 1;
  }
  const paired = Math.min(endA, endB) - start;
  for (let i = start; i < start + paired; i += 1) {
    if (a[i] === b[i]) continue;
    const key = keyOf(a[i]);
    if (key !== undefined && key !== keyOf(b[i])) {
      ops.push({ op: 'replace', path: `${path}/${i}`, value: b[i] });
    } else {
      diffValue(a[i], b[i], `${path}/${i}`, ops);
    }
  }
  for (let i = endA; i < a.length; i += 1) {
    const j = i - endA + endB;
    if (a[i] !== b[j]) diffValue(a[i], b[j], `${path}/${i}`, ops);
  }
  for (let i = endA - 1; i >= start + paired; i -= 1)
    ops.push({ op: 'remove', path: `${path}/${i}` });
  for (let j = start + paired; j < endB; j += 1) {
    ops.push({ op: 'add', path: `${path}/${j}`, value: b[j] });
  }
}

/**
 * A lower bound of `JSON.stringify(value).length` (exact but for escapes in strings and the digits
 * of numbers, each counted as one), or some number above `limit` as soon as that bound exceeds it.
 * Enough to tell that a view is larger than a patch, which is all it is for: the walk stops after
 * about as much of the view as the patch weighs, and texts count by their length, unread, where
 * serialising the view would copy every text of it in five languages.
 */
export function minJsonLength(value: unknown, limit = Infinity): number {
  const state = { length: 0, limit };
  measure(value, state);
  return state.length;
}

function measure(value: unknown, state: { length: number; limit: number }): void {
  if (state.length > state.limit) return;
  switch (typeof value) {
    case 'string':
      state.length += value.length + 2;
      return;
    case 'number':
      state.length += 1;
      return;
    case 'boolean':
      state.length += value ? 4 : 5;
      return;
    case 'object':
      break;
    default:
      // undefined (and functions) inside an array serialise as null; object keys skip them.
      state.length += 4;
      return;
  }
  if (value === null) {
    state.length += 4;
  } else if (Array.isArray(value)) {
    state.length += value.length === 0 ? 2 : value.length + 1;
    for (const item of value) measure(item, state);
  } else {
    const record = value as Json;
    let members = 0;
    for (const key in record) {
      const item = record[key];
      if (item === undefined || typeof item === 'function') continue;
      members += 1;
      state.length += key.length + 3;
      measure(item, state);
    }
    state.length += members === 0 ? 2 : members + 1;
  }
}
