/**
 * An on-disk cache of validated scenario files, so that a server start reads JSON instead of parsing
 * and validating YAML again (about 1-2 s of CPU for the catalogue). Only valid scenarios are cached.
 *
 * An entry is found by a key that covers the exact file text, the file name (it decides YAML or
 * JSON), the `catalogue` option and a fingerprint of the code that produced it: every source file of
 * the scenarios core actually running (src/ under jest and tsx, dist/ in a build), of this loader,
 * and the `yaml` and `zod` packages the core resolves, plus the Node version. An entry holds the
 * SHA-256 of its body; one that does not match, cannot be read or does not parse is ignored (the
 * file is parsed, and the entry rewritten). Entries are written to a temporary file and renamed, so
 * processes starting at the same moment never read half an entry. A process whose scenario code
 * changed on disk after it started (a build or tsc --watch meanwhile) uses no cache at all.
 *
 * Folder: node_modules/.cache/crossroads-catalogue at the repository root (`npm ci` empties it), or
 * CROSSROADS_CATALOGUE_CACHE: `off` disables the cache, any other value is the folder to use. A
 * folder that cannot be written only means no cache (`NODE_DEBUG=crossroads-catalogue` says why).
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { debuglog, isDeepStrictEqual } from 'node:util';
import { parseScenario } from '@crossroads/scenarios';
import type { ParseResult, Scenario, ScenarioError } from '@crossroads/scenarios';

const debug = debuglog('crossroads-catalogue');

/** Bumped whenever the layout of an entry changes. */
const FORMAT = 1;
/** Entries kept in the folder; the least recently used beyond it are removed when one is written. */
const MAX_ENTRIES = 100;
/** A temporary file older than this was left by a process that died while writing. */
const STALE_TEMP_MS = 10 * 60 * 1000;

export interface CacheSettings {
  /** Folder of the entries. */
  dir: string;
  /** Fingerprint of the code that parses and validates (see codeFingerprint). */
  fingerprint: string;
}

export interface CachedParseOptions {
  /** File name: decides YAML or JSON, and is part of the key. */
  file: string;
  catalogue: boolean;
}

type Valid = Extract<ParseResult, { ok: true }>;

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** The folder under the repository's node_modules/.cache (nearest node_modules above this file). */
export function defaultCacheDir(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'node_modules')))
      return join(dir, 'node_modules', '.cache', 'crossroads-catalogue');
    const up = dirname(dir);
    if (up === dir) return join(__dirname, '.cache', 'crossroads-catalogue');
    dir = up;
  }
}

/**
 * SHA-256 over the names and contents of the code files (.js, .cjs, .mjs, .ts except .d.ts, .json)
 * of a folder tree, in a fixed order, and the newest modification time among them. About 15-40 ms
 * for the scenarios core.
 */
export function treeState(root: string): { hash: string; newestMs: number } {
  const hash = createHash('sha256');
  let newestMs = 0;
  const walk = (dir: string, rel: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, `${rel}${e.name}/`);
      else if (
        e.isFile() &&
        /\.(c|m)?(js|ts)$|\.json$/.test(e.name) &&
        !/\.d\.(c|m)?ts$/.test(e.name)
      ) {
        const body = readFileSync(path);
        newestMs = Math.max(newestMs, statSync(path).mtimeMs);
        hash.update(`${rel}${e.name}\u0000${body.length}\u0000`).update(body);
      }
    }
  };
  walk(root, '');
  return { hash: hash.digest('hex'), newestMs };
}

/**
 * The hash of code trees, or an error when one of their files changed after `startedAt` (ms since
 * the epoch): the code this process loaded may then not be the code on disk (a build or a
 * `tsc --watch` writing while the process starts), and nothing it parses may be cached under it.
 */
export function fingerprintTrees(trees: readonly string[], startedAt: number): string {
  const parts = trees.map((root) => {
    const { hash, newestMs } = treeState(root);
    if (newestMs > startedAt)
      throw new Error(`${root} changed after this process started; no cache until a restart`);
    return hash;
  });
  return sha256(parts.join('\n'));
}

/** The package.json text of a dependency as the core at `coreDir` resolves it. */
function dependencyManifest(name: string, coreDir: string): string {
  return readFileSync(require.resolve(`${name}/package.json`, { paths: [coreDir] }), 'utf8');
}

let fingerprint: string | Error | undefined;

/**
 * Fingerprint of the parse and validate code running in this process, computed once: the tree of
 * the scenarios core that '@crossroads/scenarios' resolves to, this loader's folder, the yaml and
 * zod manifests, the Node version and the entry format. Throws (every time) when that code changed
 * on disk after this process started.
 */
export function codeFingerprint(): string {
  if (fingerprint === undefined) {
    try {
      const coreDir = dirname(require.resolve('@crossroads/scenarios'));
      fingerprint = sha256(
        [
          `format ${FORMAT}`,
          `node ${process.versions.node}`,
          `code ${fingerprintTrees([coreDir, __dirname], performance.timeOrigin)}`,
          `yaml ${sha256(dependencyManifest('yaml', coreDir))}`,
          `zod ${sha256(dependencyManifest('zod', coreDir))}`,
        ].join('\n'),
      );
    } catch (err) {
      fingerprint = err instanceof Error ? err : new Error(String(err));
    }
  }
  if (fingerprint instanceof Error) throw fingerprint;
  return fingerprint;
}

/** The cache to use, from CROSSROADS_CATALOGUE_CACHE; null when it is off or the code cannot be fingerprinted. */
export function cacheSettings(): CacheSettings | null {
  const env = process.env.CROSSROADS_CATALOGUE_CACHE?.trim() ?? '';
  if (env.toLowerCase() === 'off') return null;
  try {
    return { dir: env === '' ? defaultCacheDir() : resolve(env), fingerprint: codeFingerprint() };
  } catch (err) {
    debug('no cache: cannot fingerprint the scenario code: %s', (err as Error).message);
    return null;
  }
}

function entryKey(settings: CacheSettings, text: string, options: CachedParseOptions): string {
  return sha256(
    JSON.stringify([FORMAT, settings.fingerprint, options.catalogue, options.file, sha256(text)]),
  );
}

/** Where the entry of this text would be. */
export function entryPath(
  settings: CacheSettings,
  text: string,
  options: CachedParseOptions,
): string {
  return join(settings.dir, `${entryKey(settings, text, options)}.json`);
}

/** An entry's bytes: a header line (format, key, SHA-256 of the body), then the body. */
export function encodeEntry(key: string, result: Valid): string {
  const body = JSON.stringify({
    scenario: result.scenario,
    warnings: result.warnings,
    verdicts: result.verdicts,
  });
  return `${JSON.stringify({ format: FORMAT, key, sha256: sha256(body) })}\n${body}`;
}

function decodeEntry(text: string, key: string): Valid | null {
  const nl = text.indexOf('\n');
  if (nl < 0) return null;
  const header = JSON.parse(text.slice(0, nl)) as {
    format?: unknown;
    key?: unknown;
    sha256?: unknown;
  };
  if (header.format !== FORMAT || header.key !== key) return null;
  const body = text.slice(nl + 1);
  if (header.sha256 !== sha256(body)) return null;
  const data = JSON.parse(body) as { scenario?: unknown; warnings?: unknown; verdicts?: unknown };
  if (
    typeof data !== 'object' ||
    data === null ||
    typeof data.scenario !== 'object' ||
    data.scenario === null ||
    !Array.isArray(data.warnings) ||
    !Array.isArray(data.verdicts)
  )
    return null;
  return {
    ok: true,
    scenario: data.scenario as Scenario,
    warnings: data.warnings as ScenarioError[],
    verdicts: data.verdicts as ScenarioError[],
  };
}

function read(path: string, key: string): Valid | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null; // not cached yet (or unreadable)
  }
  try {
    const hit = decodeEntry(text, key);
    if (hit === null) debug('ignoring %s: wrong format, key or checksum', path);
    else {
      try {
        const now = new Date();
        utimesSync(path, now, now); // recently used: kept when the folder is pruned
      } catch {
        // a read-only cache still serves
      }
    }
    return hit;
  } catch (err) {
    debug('ignoring %s: %s', path, (err as Error).message);
    return null;
  }
}

function write(dir: string, path: string, key: string, result: Valid): void {
  const data = encodeEntry(key, result);
  // Only what comes back identical is cached (JSON drops undefined fields and the like).
  const back = decodeEntry(data, key);
  if (back === null || !isDeepStrictEqual(back, { ...result, ok: true })) {
    debug('not cached: %s does not survive JSON', path);
    return;
  }
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (err) {
    debug('not cached: cannot write %s: %s', path, (err as Error).message);
    try {
      unlinkSync(temp);
    } catch {
      // never written
    }
    return;
  }
  prune(dir);
}

/** Keeps the newest MAX_ENTRIES entries and removes temporary files left by dead processes. */
function prune(dir: string): void {
  try {
    const now = Date.now();
    const entries: { path: string; mtime: number }[] = [];
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      try {
        const mtime = statSync(path).mtimeMs;
        if (name.endsWith('.tmp')) {
          if (now - mtime > STALE_TEMP_MS) unlinkSync(path);
        } else if (name.endsWith('.json')) entries.push({ path, mtime });
      } catch {
        // removed by another process meanwhile
      }
    }
    if (entries.length <= MAX_ENTRIES) return;
    entries.sort((a, b) => b.mtime - a.mtime);
    for (const { path } of entries.slice(MAX_ENTRIES)) {
      try {
        unlinkSync(path);
      } catch {
        // removed by another process meanwhile
      }
    }
  } catch (err) {
    debug('cannot prune %s: %s', dir, (err as Error).message);
  }
}

/**
 * parseScenario(text, options), answered from the cache when an entry for exactly this text,
 * options and code exists. Invalid scenarios are parsed every time.
 */
export function parseScenarioCached(
  text: string,
  options: CachedParseOptions,
  settings: CacheSettings | null = cacheSettings(),
): ParseResult {
  const parse = () => parseScenario(text, { file: options.file, catalogue: options.catalogue });
  if (settings === null) return parse();
  const key = entryKey(settings, text, options);
  const path = join(settings.dir, `${key}.json`);
  const hit = read(path, key);
  if (hit !== null) return hit;
  const result = parse();
  if (result.ok) write(settings.dir, path, key, result);
  return result;
}
