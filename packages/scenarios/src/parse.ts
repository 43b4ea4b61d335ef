/**
 * Reading a scenario file: YAML (or JSON) text → zod shape check → reference check.
 * Every error carries a readable path (phases[1].decisions[0].options[2].effects[0]) and,
 * when the text is available, the 1-based line it points at.
 */
import { isMap, isNode, LineCounter, Parser, parseDocument } from 'yaml';
import type { CST, Document, YAMLError } from 'yaml';
import type { z } from 'zod';
import { migrateScenarioData } from './migrate';
import { coded, PROBLEM_KINDS, type Coded, type ProblemCode, type ProblemParams } from './problems';
import { CONDITION_AS_TEXT, FORMAT_PROBLEMS, LONG_TEXT_MAX, Scenario } from './schema';
import { checkScenario, gotParams, missingTranslations } from './validate';
import { findVerdicts } from './verdicts';

export interface ScenarioError {
  /** Dotted path into the file, e.g. `phases[0].decisions[1].options[0].when`; '' for the whole file. */
  path: string;
  /** 1-based line in the file, when known. */
  line?: number;
  message: string;
  /**
   * Its kind and values, to word it in any language (see problems.ts). Every problem the checker
   * reports has them, and so does every verdict finding (verdicts.ts).
   */
  code?: ProblemCode;
  params?: ProblemParams;
}

export type ParseResult =
  | {
      ok: true;
      scenario: Scenario;
      warnings: ScenarioError[];
      /**
       * Places where the scenario names a rubric rule or states a legal verdict instead of a fact
       * (errors in a catalogue scenario, see `ParseOptions.catalogue`).
       */
      verdicts: ScenarioError[];
    }
  | { ok: false; errors: ScenarioError[]; warnings: ScenarioError[] };

export interface ParseOptions {
  format?: 'yaml' | 'json';
  /** File name, used only in messages. */
  file?: string;
  /**
   * A catalogue scenario: naming a rubric rule or writing a legal verdict (see verdicts.ts) is an error,
   * not only a finding.
   */
  catalogue?: boolean;
}

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** Parse and validate scenario text. Never throws. */
export function parseScenario(text: string, options: ParseOptions = {}): ParseResult {
  const format =
    options.format ?? (options.file?.toLowerCase().endsWith('.json') ? 'json' : 'yaml');
  const lineCounter = new LineCounter();
  const warnings: ScenarioError[] = [];

  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const pos = /position (\d+)/.exec(message);
      let line = pos ? lineOfOffset(text, Number(pos[1])) : undefined;
      if (line === undefined) line = jsonErrorLine(text, message);
      return {
        ok: false,
        errors: [
          {
            path: '',
            line,
            message: `not valid JSON: ${message}`,
            ...coded('json_syntax', { detail: message }),
          },
        ],
        warnings,
      };
    }
  }

  // Checked before the (recursive) document is built, so that deep nesting cannot overflow the stack.
  const deep = tooDeep(text);
  if (deep !== null) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          line: lineOfOffset(text, deep),
          message: `nested too deeply: more than ${MAX_NESTING} levels of lists and maps`,
          ...coded('too_deep', { max: String(MAX_NESTING) }),
        },
      ],
      warnings,
    };
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    // Only the first: one misplaced line makes the parser report the lines after it too (seven
    // messages for one dedented "- id:"), and those go away once it is fixed.
    return {
      ok: false,
      errors: [
        {
          path: '',
          line: lineCounter.linePos(syntax.pos[0]).line,
          message: `not valid ${format === 'json' ? 'JSON' : 'YAML'}: ${syntaxWords(syntax)}`,
          ...coded('yaml_syntax', {
            reason: syntaxReason(syntax),
            detail: firstLine(syntax.message),
          }),
        },
      ],
      warnings,
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `cannot read the file: ${err instanceof Error ? err.message : String(err)}`,
          ...coded('unreadable', { detail: err instanceof Error ? err.message : String(err) }),
        },
      ],
      warnings,
    };
  }
  const locate = (path: readonly PathSegment[], key?: string) =>
    lineOf(doc, lineCounter, path, key);
  return validateData(data, locate, options.catalogue === true);
}

/**
 * A YAML syntax error in an author's words: what is wrong with the line and how to fix it, then
 * the parser's own words (for whoever knows YAML). Most errors in hand-written scenario files are
 * indentation: a line that does not start in the column of the lines it belongs with.
 */
function syntaxWords(error: YAMLError): string {
  const parser = firstLine(error.message);
  const indentation =
    'this line does not line up with the lines it belongs with: the items of a list start in the ' +
    'same column with "- ", and the fields of one item start in the same column under each other ' +
    '(check this line and the one above it)';
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return `this line is indented with a tab: indent with spaces only (the parser says: ${parser})`;
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `${indentation} (the parser says: ${parser})`;
    case 'MISSING_CHAR':
      return /without - indicator/.test(parser)
        ? `${indentation} (the parser says: ${parser})`
        : parser;
    case 'DUPLICATE_KEY':
      return `the same field is written twice in one place: keep one (the parser says: ${parser})`;
    default:
      return parser;
  }
}

/** What syntaxWords says of an error, as a word an editor translates. */
function syntaxReason(error: YAMLError): 'tab' | 'indent' | 'duplicate_key' | 'parser' {
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'tab';
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'indent';
    case 'MISSING_CHAR':
      return /without - indicator/.test(firstLine(error.message)) ? 'indent' : 'parser';
    case 'DUPLICATE_KEY':
      return 'duplicate_key';
    default:
      return 'parser';
  }
}

/** Levels of lists and maps a scenario file may nest (the catalogue needs well under 20). */
const MAX_NESTING = 64;

/**
 * The offset of the first collection nested more than MAX_NESTING levels deep, or null. Reads the
 * syntax tree of the YAML parser, which is built without recursion, and walks it with its own stack.
 */
function tooDeep(text: string): number | null {
  const stack: { token: CST.Token; depth: number }[] = [];
  for (const token of new Parser().parse(text)) stack.push({ token, depth: 0 });
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { token, depth } = next;
    let children: (CST.Token | null | undefined)[] = [];
    let d = depth;
    if (token.type === 'document') children = [token.value];
    else if (
      token.type === 'block-map' ||
      token.type === 'block-seq' ||
      token.type === 'flow-collection'
    ) {
      d = depth + 1;
      if (d > MAX_NESTING) return token.offset;
      children = token.items.flatMap((item) => [item.key, item.value]);
    }
    for (const child of children) if (child) stack.push({ token: child, depth: d });
  }
  return null;
}

/** Validate already-parsed data (e.g. an object built in code). Lines are unknown. */
export function validateScenarioData(
  data: unknown,
  options: Pick<ParseOptions, 'catalogue'> = {},
): ParseResult {
  return validateData(data, () => undefined, options.catalogue === true);
}

/** A problem's code and params (a copy, so that no two errors share one params object). */
const codeOf = (e: Coded) => ({ code: e.code, params: { ...e.params } });

type Locate = (path: readonly PathSegment[], key?: string) => number | undefined;

function validateData(input: unknown, locate: Locate, catalogue: boolean): ParseResult {
  const warnings: ScenarioError[] = [];
  // Language 1.x files (no `language` field) are rewritten to the current language first.
  const migrated = migrateScenarioData(input);
  const data = migrated.data;
  for (const n of migrated.notes)
    warnings.push({
      path: formatPath(n.path),
      line: locate(n.path),
      message: n.message,
      ...codeOf(n),
    });
  const shape = Scenario.safeParse(data);
  if (!shape.success) {
    const raw = withoutMisplacedMissing(issuesToErrors(shape.error.issues, data), data);
    const errors = raw.map((e) => ({
      path: formatPath(e.path),
      line: locate(e.path, e.key),
      message: e.message,
      ...codeOf(e),
    }));
    // Missing translations come with the shape errors, except inside a part whose kind is in doubt
    // (an effect or condition that matches none of its kinds: whether a field of it is a text is not
    // known yet, so those come once the part is fixed).
    const broken = raw.map((e) => e.union ?? (e.key === undefined ? e.path : [...e.path, e.key]));
    const translations = missingTranslations(data, declaredLanguages(data, broken))
      .filter((t) => !broken.some((b) => startsWith(t.path, b)))
      .map((t) => ({
        path: formatPath(t.path),
        line: locate(t.path),
        message: t.message,
        ...codeOf(t),
      }));
    return { ok: false, errors: dedupe([...errors, ...translations]), warnings };
  }
  const problems = checkScenario(shape.data);
  for (const w of problems.warnings)
    warnings.push({
      path: formatPath(w.path),
      line: locate(w.path),
      message: w.message,
      ...codeOf(w),
    });
  if (problems.errors.length > 0) {
    return {
      ok: false,
      errors: problems.errors.map((e) => ({
        path: formatPath(e.path),
        line: locate(e.path),
        message: e.message,
        ...codeOf(e),
      })),
      warnings,
    };
  }
  const verdicts = findVerdicts(shape.data).map((v) => ({
    path: formatPath(v.path),
    line: locate(v.path),
    message: v.message,
    ...codeOf(v),
  }));
  if (catalogue && verdicts.length > 0)
    return {
      ok: false,
      errors: verdicts.map((v) => ({ ...v, message: `catalogue scenario: ${v.message}` })),
      warnings,
    };
  return { ok: true, scenario: shape.data, warnings, verdicts };
}

/** The languages a file whose shape is wrong declares, when its `languages` list itself is right. */
function declaredLanguages(data: unknown, broken: readonly PathSegment[][]): string[] {
  if (broken.some((b) => b.length === 0 || b[0] === 'languages')) return [];
  const list = (data as { languages?: unknown } | null)?.languages;
  return Array.isArray(list) ? list.filter((l): l is string => typeof l === 'string') : [];
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
}

function dedupe(errors: ScenarioError[]): ScenarioError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.path}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Node 20 reports some JSON errors without a position but with the text around the bad token:
 * `Unexpected token '}', ..."ersion": \n}" is not valid JSON`. Find that excerpt in the text.
 */
function jsonErrorLine(text: string, message: string): number | undefined {
  const m = /^Unexpected token '(.)', (?:\.\.\.)?"([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(
    message,
  );
  if (!m) return undefined;
  const [, token, excerpt] = m as unknown as [string, string, string];
  const at = text.indexOf(excerpt);
  if (at < 0) return undefined;
  const inExcerpt = excerpt.lastIndexOf(token);
  return lineOfOffset(text, at + Math.max(0, inExcerpt));
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function lineOf(
  doc: Document,
  counter: LineCounter,
  path: readonly PathSegment[],
  key?: string,
): number | undefined {
  // Walk up until a node exists (a missing key points at its parent object).
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      if (key !== undefined && n === path.length && isMap(node)) {
        const pair = node.items.find(
          (p) => isNode(p.key) && (p.key as { value?: unknown }).value === key,
        );
        const range = pair && isNode(pair.key) ? pair.key.range : undefined;
        if (range) return counter.linePos(range[0]).line;
      }
      return counter.linePos(node.range[0]).line;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// zod issues → readable errors
// ---------------------------------------------------------------------------

interface RawError {
  path: PathSegment[];
  /** For unknown keys: the offending key, so the line points at it. */
  key?: string;
  /** Set when the error is in a union (an effect, a condition): the union's place, whose kind is not known. */
  union?: PathSegment[];
  message: string;
  code: ProblemCode;
  params: ProblemParams;
}

type Issue = z.core.$ZodIssue;

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

/** How far a union branch got: fewer missing/unknown keys at its root = the branch the author meant. */
function branchCost(issues: readonly Issue[], data: unknown, base: readonly PathSegment[]): number {
  let cost = 0;
  for (const i of issues) {
    if (i.code === 'unrecognized_keys' && i.path.length === 0) cost += 4 * i.keys.length;
    else if (
      i.code === 'invalid_type' &&
      i.path.length === 1 &&
      valueAt(data, [...base, ...(i.path as PathSegment[])]) === undefined
    )
      cost += 5;
    else if (i.code === 'invalid_type' && i.path.length === 0) cost += 20;
    // A fixed word ("facilitator") where the author wrote a map or a list: not what was meant,
    // whatever the map's fields say (`release: { at: '04:65' }` is the `at` kind with a bad value).
    else if (
      i.code === 'invalid_value' &&
      i.path.length === 0 &&
      typeof valueAt(data, base) === 'object' &&
      valueAt(data, base) !== null
    )
      cost += 20;
    else cost += 1;
  }
  return cost;
}

/** A text in several languages: a map with an English entry (every scenario text has one). */
function isTextMap(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'en' in v;
}

/**
 * A field indented into the text above it (`timeCost` under `label:`'s languages) is reported
 * twice: unknown inside the text, and missing from the item. The second says nothing the first
 * does not (the fix is the same line moved left), so it is dropped.
 */
function withoutMisplacedMissing(errors: RawError[], data: unknown): RawError[] {
  const misplaced = new Set(
    errors
      .filter((e) => e.key !== undefined && isTextMap(valueAt(data, e.path)))
      .map((e) => JSON.stringify([...e.path.slice(0, -1), e.key])),
  );
  return errors.filter(
    (e) =>
      !(e.message.startsWith('missing required field') && misplaced.has(JSON.stringify(e.path))),
  );
}

function issuesToErrors(
  issues: readonly Issue[],
  data: unknown,
  base: PathSegment[] = [],
): RawError[] {
  const out: RawError[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as PathSegment[])];
    // zod paths never hold symbols for our plain-data schemas
    const got = valueAt(data, path);
    switch (issue.code) {
      case 'invalid_union': {
        if (issue.errors.length === 0) {
          // discriminated union: unknown discriminator value
          const disc = (issue as { discriminator?: string }).discriminator;
          out.push({
            path,
            // the path names the discriminator (act): the part whose kind is unknown is its object
            union: disc !== undefined && path[path.length - 1] === disc ? path.slice(0, -1) : path,
            ...(disc
              ? {
                  message: `unknown ${disc} ${describe(got)}`,
                  ...coded('unknown_kind', { field: disc, ...gotParams(got) }),
                }
              : { message: issue.message, ...coded('invalid', { detail: issue.message }) }),
          });
          break;
        }
        if (issue.message !== 'Invalid input') {
          out.push({
            path,
            union: path,
            message: issue.message,
            ...(issue.message === CONDITION_AS_TEXT
              ? coded('condition_as_text', {})
              : coded('invalid', { detail: issue.message })),
          });
          break;
        }
        let best: readonly Issue[] | undefined;
        let bestCost = Infinity;
        for (const branch of issue.errors) {
          const c = branchCost(branch, data, path);
          if (c < bestCost) {
            bestCost = c;
            best = branch;
          }
        }
        if (!best || bestCost >= 20) {
          out.push({
            path,
            union: path,
            message: `unexpected ${describe(got)} here`,
            ...coded('unexpected_value', gotParams(got)),
          });
        } else {
          // The innermost union is the place whose kind is in doubt.
          for (const e of issuesToErrors(best, data, path)) out.push({ union: path, ...e });
        }
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const inText = isTextMap(got) ? path[path.length - 1] : undefined;
          out.push({
            path,
            key,
            message: / /.test(key)
              ? `unknown field "${key}": this looks like a text split at a comma; put the whole text in quotes`
              : typeof inText === 'string'
                ? `unknown field "${key}" inside the text "${inText}", which holds only its languages (en, sr-Latn, mk, sq, bs): if "${key}" is a field of its own, it is indented too far; start it in the same column as "${inText}"`
                : `unknown field "${key}" (check the spelling; only the documented fields are allowed, and never code)`,
            ...(/ /.test(key)
              ? coded('text_split_at_comma', { field: key })
              : typeof inText === 'string'
                ? coded('field_inside_text', { field: key, text: inText })
                : coded('unknown_field', { field: key })),
          });
        }
        break;
      case 'invalid_type':
        if (got === undefined) {
          const last = path[path.length - 1];
          out.push({
            path,
            message:
              typeof last === 'string'
                ? `missing required field "${last}"`
                : `missing ${issue.expected}`,
            ...(typeof last === 'string'
              ? coded('missing_field', { field: last })
              : coded('missing_item', { expected: expectedWord(issue.expected) })),
          });
        } else if (
          issue.expected === 'number' &&
          typeof got === 'string' &&
          /^\d{1,2}[:.]\d{2}$/.test(got.trim())
        ) {
          // Times in a scenario are minutes from its start; only startTime is a clock time.
          out.push({
            path,
            message: `expected a number of scenario minutes (counted from the start of the case, e.g. 45), got the clock time "${got}"; only startTime is written as a clock time`,
            ...coded('clock_time_not_minutes', { value: got }),
          });
        } else {
          out.push({
            path,
            message: `expected ${issue.expected}, got ${describe(got)}`,
            ...coded('expected_type', {
              expected: expectedWord(issue.expected),
              ...gotParams(got),
            }),
          });
        }
        break;
      case 'invalid_value':
        if (got === undefined && typeof path[path.length - 1] === 'string') {
          const field = String(path[path.length - 1]);
          out.push({
            path,
            message: `missing required field "${field}"`,
            ...coded('missing_field', { field }),
          });
          break;
        }
        out.push({
          path,
          message: `must be ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${describe(got)})`,
          ...coded('one_of', {
            values: issue.values.map((v) => JSON.stringify(v)).join(', '),
            ...gotParams(got),
          }),
        });
        break;
      default:
        out.push({ path, message: issue.message, ...otherIssue(issue, got) });
    }
  }
  return out;
}

/** zod's name of an expected type, as a problem's value (an editor translates the known ones). */
function expectedWord(
  expected: string,
): (typeof PROBLEM_KINDS)['expected_type']['expected'][number] {
  const known = PROBLEM_KINDS.expected_type.expected;
  return known.find((k) => k === expected) ?? 'object';
}

/**
 * The kind of an issue the cases above do not word: a format (ids, versions, times), a custom rule
 * of the schema (which names its kind in its params), a lower or upper limit; else `invalid` with
 * zod's words.
 */
function otherIssue(issue: Issue, got: unknown): Coded {
  switch (issue.code) {
    case 'invalid_format': {
      const format = FORMAT_PROBLEMS.find((f) => String(f.pattern) === issue.pattern);
      if (format?.code === 'bad_clock_time')
        return coded('bad_clock_time', { field: String(issue.path.at(-1) ?? '') });
      if (format) return coded(format.code, {});
      break;
    }
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, unknown>;
      const code = params.problem;
      if (typeof code === 'string' && Object.hasOwn(PROBLEM_KINDS, code)) {
        const values = Object.fromEntries(
          Object.entries(params).flatMap(([k, v]) =>
            k !== 'problem' && (typeof v === 'string' || typeof v === 'number')
              ? [[k, String(v)]]
              : [],
          ),
        );
        return { code: code as ProblemCode, params: values };
      }
      break;
    }
    case 'too_big':
      if (issue.origin === 'string' && typeof got === 'string')
        return coded('text_too_long', {
          kind: Number(issue.maximum) >= LONG_TEXT_MAX ? 'long' : 'short',
          max: String(issue.maximum),
          length: String(got.length),
        });
      break;
    case 'too_small': {
      const minimum = String(issue.minimum);
      if (issue.origin === 'string') return coded('too_small', { limit: 'text', minimum });
      if (issue.origin === 'array') return coded('too_small', { limit: 'list', minimum });
      if (issue.origin === 'number')
        return coded('too_small', { limit: issue.inclusive ? 'at_least' : 'above', minimum });
      break;
    }
  }
  return coded('invalid', { detail: issue.message });
}
