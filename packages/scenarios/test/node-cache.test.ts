import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseScenario } from '@crossroads/scenarios';
import type { Scenario } from '@crossroads/scenarios';
import { loadCatalogue, loadScenarioFile, type LoadedScenario } from '@crossroads/scenarios/node';
import {
  cacheSettings,
  codeFingerprint,
  defaultCacheDir,
  encodeEntry,
  entryPath,
  parseScenarioCached,
  fingerprintTrees,
  treeState,
  type CacheSettings,
} from '../node/cache';
import { miniText } from './helpers';

const ENV = 'CROSSROADS_CATALOGUE_CACHE';
const saved = process.env[ENV];
let tmp = '';
let cacheDir = '';

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'crossroads-cache-test-'));
  cacheDir = join(tmp, 'cache');
  process.env[ENV] = cacheDir;
});
afterEach(() => {
  if (saved === undefined) delete process.env[ENV];
  else process.env[ENV] = saved;
  rmSync(tmp, { recursive: true, force: true });
});

const entries = () => (existsSync(cacheDir) ? readdirSync(cacheDir).sort() : []);

/** Everything a loaded scenario holds except the compiled machines (functions, built live). */
function plain(l: LoadedScenario) {
  if (!l.ok) return l;
  const { compiled, ...rest } = l;
  return { ...rest, compiledId: compiled.id, compiledVersion: compiled.version };
}

/** Writes a well-formed entry for `text` whose scenario title says DOCTORED. */
function doctor(settings: CacheSettings, text: string, file: string, catalogue = false) {
  const fresh = parseScenario(text, { file, catalogue });
  if (!fresh.ok) throw new Error('fixture does not validate');
  const scenario = { ...fresh.scenario, title: { en: 'DOCTORED' } } as Scenario;
  const path = entryPath(settings, text, { file, catalogue });
  const key = basename(path, '.json');
  mkdirSync(settings.dir, { recursive: true });
  writeFileSync(path, encodeEntry(key, { ...fresh, scenario }));
}

const en = (t: Scenario['title']) => (typeof t === 'string' ? t : t.en);
const titleOf = (l: LoadedScenario) => (l.ok ? en(l.scenario.title) : undefined);

describe('the scenario cache', () => {
  it('caches the whole real catalogue on the first load and gives equal results from it', () => {
    expect(entries()).toEqual([]);
    // a miss: what the parser returned (and what was written)
    const fresh = loadCatalogue().map(plain);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((l) => l.ok)).toBe(true);
    const written = entries();
    expect(written).toHaveLength(fresh.length);
    const bytes = written.map((f) => readFileSync(join(cacheDir, f), 'utf8'));

    const cached = loadCatalogue().map(plain);
    expect(cached).toStrictEqual(fresh);
    // read, not rewritten
    expect(entries()).toEqual(written);
    expect(written.map((f) => readFileSync(join(cacheDir, f), 'utf8'))).toEqual(bytes);
  });

  it('gives back warnings and verdicts unchanged', () => {
    const file = join(tmp, 'mini.yaml');
    writeFileSync(
      file,
      miniText().replace(
        'en: Certified Farsi interpreter (on duty)',
        'en: Certified Farsi interpreter (from 02:00)',
      ),
    );
    const fresh = loadScenarioFile(file);
    expect(fresh.ok && fresh.warnings.length > 0 && fresh.verdicts.length > 0).toBe(true);
    expect(entries()).toHaveLength(1);
    expect(plain(loadScenarioFile(file))).toStrictEqual(plain(fresh));
  });

  it('answers from the entry (proved with a doctored one), and compiles what it read', () => {
    const file = join(tmp, 'mini.yaml');
    writeFileSync(file, miniText());
    const settings = cacheSettings();
    expect(settings?.dir).toBe(cacheDir);
    doctor(settings!, miniText(), 'mini.yaml');
    const loaded = loadScenarioFile(file);
    expect(titleOf(loaded)).toBe('DOCTORED');
    expect(loaded.ok && en(loaded.compiled.scenario.title)).toBe('DOCTORED');
  });

  it('a one-byte change of the file is a miss', () => {
    const file = join(tmp, 'mini.yaml');
    writeFileSync(file, miniText());
    expect(titleOf(loadScenarioFile(file))).toBe('Van at Kelebija');
    expect(entries()).toHaveLength(1);
    writeFileSync(file, miniText().replace('en: Van at Kelebija', 'en: Van at Kelebijb'));
    expect(titleOf(loadScenarioFile(file))).toBe('Van at Kelebijb');
    expect(entries()).toHaveLength(2);
  });

  it('the catalogue option and the file name are part of the key', () => {
    const text = miniText();
    const settings = cacheSettings()!;
    doctor(settings, text, 'mini.yaml', false);
    writeFileSync(join(tmp, 'mini.yaml'), text);
    writeFileSync(join(tmp, 'other.yaml'), text);
    expect(titleOf(loadScenarioFile(join(tmp, 'mini.yaml')))).toBe('DOCTORED');
    // strict (catalogue) reading refuses the fixture's verdicts instead of using the lenient entry
    const strict = loadScenarioFile(join(tmp, 'mini.yaml'), { catalogue: true });
    expect(strict.ok).toBe(false);
    expect(!strict.ok && strict.errors[0]?.message).toMatch(/^catalogue scenario: /);
    expect(titleOf(loadScenarioFile(join(tmp, 'other.yaml')))).toBe('Van at Kelebija');
  });

  it('another code fingerprint is a miss', () => {
    const text = miniText();
    const a = { dir: cacheDir, fingerprint: 'a' };
    const b = { dir: cacheDir, fingerprint: 'b' };
    const options = { file: 'mini.yaml', catalogue: false };
    doctor(a, text, 'mini.yaml');
    expect(parseScenarioCached(text, options, a)).toMatchObject({
      scenario: { title: { en: 'DOCTORED' } },
    });
    expect(parseScenarioCached(text, options, b)).toStrictEqual(parseScenario(text, options));
  });

  it('the fingerprint follows every byte of the code tree, and refuses code newer than the process', () => {
    const code = join(tmp, 'code');
    const sub = join(code, 'sub');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(code, 'a.js'), 'exports.a = 1;');
    writeFileSync(join(sub, 'b.ts'), 'export const b = 2;');
    writeFileSync(join(sub, 'b.d.ts'), 'export declare const b: number;');
    const before = treeState(code).hash;
    expect(treeState(code).hash).toBe(before);
    writeFileSync(join(sub, 'b.d.ts'), 'export declare const b: 2;'); // types only: same code
    expect(treeState(code).hash).toBe(before);
    writeFileSync(join(sub, 'b.ts'), 'export const b = 3;');
    expect(treeState(code).hash).not.toBe(before);
    // a tree that changed after the process started (as under a build or tsc --watch) is refused
    const started = Date.now() + 1000; // after the files above were written
    expect(fingerprintTrees([code], started)).toMatch(/^[0-9a-f]{64}$/);
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(join(sub, 'b.ts'), future, future);
    expect(Math.abs(treeState(code).newestMs - future.getTime())).toBeLessThan(1);
    expect(() => fingerprintTrees([code], started)).toThrow(/changed after this process started/);
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheSettings()?.fingerprint).toBe(codeFingerprint());
  });

  it.each([
    ['not JSON at all', () => 'garbage'],
    ['cut in half', (entry: string) => entry.slice(0, entry.length / 2)],
    [
      'a changed body under the old checksum',
      (entry: string) => entry.replace('"en":"Van at Kelebija"', '"en":"Van at Kelebijx"'),
    ],
    ['another key in the header', (entry: string) => entry.replace(/"key":"[0-9a-f]/, '"key":"x')],
  ])('an entry %s is ignored and rewritten', (_what, corrupt) => {
    const file = join(tmp, 'mini.yaml');
    writeFileSync(file, miniText());
    const fresh = plain(loadScenarioFile(file));
    const [name] = entries();
    const path = join(cacheDir, name!);
    const good = readFileSync(path, 'utf8');
    const bad = corrupt(good);
    expect(bad).not.toBe(good);
    writeFileSync(path, bad);
    expect(plain(loadScenarioFile(file))).toStrictEqual(fresh);
    expect(readFileSync(path, 'utf8')).toBe(good);
  });

  it('writes nothing when CROSSROADS_CATALOGUE_CACHE=off', () => {
    process.env[ENV] = 'off';
    expect(cacheSettings()).toBeNull();
    // a text no other test has cached
    const text = `# ${tmp}\n${miniText()}`;
    const file = join(tmp, 'mini.yaml');
    writeFileSync(file, text);
    expect(titleOf(loadScenarioFile(file))).toBe('Van at Kelebija');
    const settings = { dir: defaultCacheDir(), fingerprint: codeFingerprint() };
    expect(existsSync(entryPath(settings, text, { file: 'mini.yaml', catalogue: false }))).toBe(
      false,
    );
    expect(existsSync(resolve('off'))).toBe(false);
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('works without a cache when its folder cannot be written, and never caches invalid files', () => {
    const blocker = join(tmp, 'a-file');
    writeFileSync(blocker, '');
    process.env[ENV] = join(blocker, 'cache');
    const file = join(tmp, 'mini.yaml');
    writeFileSync(file, miniText());
    expect(titleOf(loadScenarioFile(file))).toBe('Van at Kelebija');

    process.env[ENV] = cacheDir;
    writeFileSync(file, miniText().replace('{ goto: screening }', '{ goto: nowhere }'));
    expect(loadScenarioFile(file).ok).toBe(false);
    expect(entries()).toEqual([]);
  });

  it('lives under the repository node_modules/.cache by default', () => {
    expect(defaultCacheDir()).toBe(
      resolve(__dirname, '../../../node_modules/.cache/crossroads-catalogue'),
    );
  });
});
