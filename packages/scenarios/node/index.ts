/**
 * File access for scenarios (Node only): read one scenario file, or the whole catalogue.
 * Imported as '@crossroads/scenarios/node'. The pure core stays in '@crossroads/scenarios'.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { compile, parseKnowledgeCheck } from '@crossroads/scenarios';
import { parseScenarioCached } from './cache';
import type {
  CompiledScenario,
  KnowledgeCheck,
  Scenario,
  ScenarioError,
} from '@crossroads/scenarios';

export type LoadedScenario =
  | {
      ok: true;
      /** Absolute path. */
      file: string;
      /** File name only, e.g. reefer-horgos.yaml. */
      name: string;
      scenario: Scenario;
      compiled: CompiledScenario;
      warnings: ScenarioError[];
      /** Rule ids or legal verdicts written into the scenario (errors for catalogue files). */
      verdicts: ScenarioError[];
    }
  | { ok: false; file: string; name: string; errors: ScenarioError[]; warnings: ScenarioError[] };

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/**
 * The root of this package, found by walking up from this file to the package.json named
 * @crossroads/scenarios. Works from the TS sources (node/) and from the build (dist-cli/node/).
 */
export function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (
          (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name ===
          '@crossroads/scenarios'
        )
          return dir;
      } catch {
        // not our package.json; keep walking
      }
    }
    const up = dirname(dir);
    if (up === dir)
      throw new Error(`cannot find the @crossroads/scenarios package above ${__dirname}`);
    dir = up;
  }
}

/** The catalogue folder: <package root>/catalogue. */
export function catalogueDir(): string {
  return join(packageRoot(), 'catalogue');
}

/** Read, validate and compile one scenario file (YAML or JSON, by extension). Never throws on bad content. */
export function loadScenarioFile(
  path: string,
  options: { catalogue?: boolean } = {},
): LoadedScenario {
  const file = resolve(path);
  const name = basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return {
      ok: false,
      file,
      name,
      errors: [{ path: '', message: `cannot read ${file}: ${(err as Error).message}` }],
      warnings: [],
    };
  }
  // Valid files come from the on-disk cache when this exact text was validated before (cache.ts).
  const parsed = parseScenarioCached(text, { file: name, catalogue: options.catalogue === true });
  if (!parsed.ok)
    return { ok: false, file, name, errors: parsed.errors, warnings: parsed.warnings };
  try {
    return {
      ok: true,
      file,
      name,
      scenario: parsed.scenario,
      compiled: compile(parsed.scenario),
      warnings: parsed.warnings,
      verdicts: parsed.verdicts,
    };
  } catch (err) {
    return {
      ok: false,
      file,
      name,
      errors: [{ path: '', message: `cannot compile: ${(err as Error).message}` }],
      warnings: parsed.warnings,
    };
  }
}

/**
 * Every scenario file in `dir` (default: the package catalogue), sorted by file name. Missing folder = [].
 * The shipped catalogue is read strictly: a rule id or a legal verdict in a scenario makes it invalid.
 */
export function loadCatalogue(
  dir: string = catalogueDir(),
  options: { catalogue?: boolean } = {},
): LoadedScenario[] {
  if (!existsSync(dir)) return [];
  // The shipped catalogue is always strict; another folder (a test fixture) only when asked.
  const catalogue = options.catalogue ?? resolve(dir) === resolve(catalogueDir());
  return readdirSync(dir)
    .filter((f) => SCENARIO_FILE.test(f))
    .sort()
    .map((f) => loadScenarioFile(join(dir, f), { catalogue }));
}

// ---- knowledge checks ---------------------------------------------------------------------------

export type LoadedKnowledgeCheck =
  | { ok: true; file: string; check: KnowledgeCheck }
  | { ok: false; file: string; errors: ScenarioError[] };

/** The package's knowledge-check folder: <package root>/knowledge-checks. */
export function knowledgeChecksDir(): string {
  return join(packageRoot(), 'knowledge-checks');
}

/** Every knowledge check (YAML or JSON) in a folder, validated. Never throws on bad content. */
export function loadKnowledgeChecks(dir: string = knowledgeChecksDir()): LoadedKnowledgeCheck[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => SCENARIO_FILE.test(f))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        return {
          ok: false as const,
          file,
          errors: [{ path: '', message: `cannot read ${file}: ${(err as Error).message}` }],
        };
      }
      const parsed = parseKnowledgeCheck(text);
      return parsed.ok
        ? { ok: true as const, file, check: parsed.check }
        : { ok: false as const, file, errors: parsed.errors };
    });
}
