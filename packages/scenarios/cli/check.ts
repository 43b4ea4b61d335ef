/**
 * npm run scenarios:check [-- [--json] [--max-states=N] [--no-catalogue] [--write-schema] [file ...]]
 *
 * Validates and analyses every catalogue scenario plus any files given. Exit code 1 when a
 * scenario is invalid, has a dead end, leaks a restricted item or shows an engine inconsistency.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyse, scenarioJsonSchema } from '@crossroads/scenarios';
import type { ScenarioAnalysis, ScenarioError } from '@crossroads/scenarios';
import { loadCatalogue, loadScenarioFile, packageRoot } from '@crossroads/scenarios/node';
import type { LoadedScenario } from '@crossroads/scenarios/node';

export interface CheckReport {
  id: string | null;
  version: string | null;
  file: string;
  valid: boolean;
  errors: ScenarioError[];
  warnings: ScenarioError[];
  agencies: string[];
  /** The languages the scenario declares; each one is on every text (or the file is invalid). */
  languages: string[];
  decisions: number;
  options: number;
  endings: string[];
  reachableEndings: string[];
  unreachable: ScenarioAnalysis['unreachable'];
  deadEnds: number;
  deadEndExamples: ScenarioAnalysis['deadEnds']['examples'];
  viewLeaks: ScenarioAnalysis['viewLeaks'];
  /** Routes to each ending through the phase graph (abstract, exact in its model). */
  paths: ScenarioAnalysis['paths'];
  /** The concrete state-space exploration: statesExplored, bound, boundHit, action paths. */
  explored: ScenarioAnalysis['explored'] | null;
  states: number;
  boundHit: boolean;
  inconsistencies: ScenarioAnalysis['inconsistencies'];
  coverage: ScenarioAnalysis['coverage'] | null;
  seconds: number;
}

interface Args {
  json: boolean;
  /** undefined: analyse()'s adaptive default. */
  maxStates: number | undefined;
  catalogue: boolean;
  writeSchema: boolean;
  files: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    json: false,
    maxStates: undefined,
    catalogue: true,
    writeSchema: false,
    files: [],
  };
  for (const a of argv) {
    if (a === '--json') args.json = true;
    else if (a === '--no-catalogue') args.catalogue = false;
    else if (a === '--write-schema') args.writeSchema = true;
    else if (a.startsWith('--max-states='))
      args.maxStates = Math.max(1, Number(a.slice('--max-states='.length)) || 20_000);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(
        'usage: scenarios:check [--json] [--max-states=N] [--no-catalogue] [--write-schema] [file.yaml ...]\n' +
          '  --max-states=N  bound of the state-space search (default: 20000, or 2000 when the walks reach everything)\n',
      );
      process.exit(0);
    } else args.files.push(a);
  }
  return args;
}

export function checkOne(loaded: LoadedScenario, maxStates?: number): CheckReport {
  const started = Date.now();
  const file = relative(process.cwd(), loaded.file) || loaded.file;
  if (!loaded.ok) {
    return {
      id: null,
      version: null,
      file,
      valid: false,
      errors: loaded.errors,
      warnings: loaded.warnings,
      agencies: [],
      languages: [],
      decisions: 0,
      options: 0,
      endings: [],
      reachableEndings: [],
      unreachable: { phases: [], options: [], endings: [] },
      deadEnds: 0,
      deadEndExamples: [],
      viewLeaks: [],
      paths: {
        method: 'phase-graph',
        count: 0,
        shortest: null,
        longest: null,
        capped: false,
        edges: 0,
        perEnding: {},
        outsideModel: [],
      },
      explored: null,
      states: 0,
      boundHit: false,
      inconsistencies: [],
      coverage: null,
      seconds: 0,
    };
  }
  const a = analyse(loaded.compiled, maxStates === undefined ? {} : { maxStates });
  return {
    id: a.id,
    version: a.version,
    file,
    valid: true,
    errors: [],
    // Outside the catalogue a rule id or a verdict is a warning (a catalogue file with one is invalid).
    // (a deprecated `taint` is both a validation warning and a verdict: listed once)
    warnings: [...loaded.warnings, ...loaded.verdicts].filter(
      (w, i, all) => all.findIndex((x) => x.path === w.path && x.message === w.message) === i,
    ),
    agencies: loaded.scenario.agencies.map((x) => x.id),
    languages: loaded.scenario.languages,
    decisions: a.decisions,
    options: a.options,
    endings: a.endings,
    reachableEndings: a.reachableEndings,
    unreachable: a.unreachable,
    deadEnds: a.deadEnds.count,
    deadEndExamples: a.deadEnds.examples,
    viewLeaks: a.viewLeaks,
    paths: a.paths,
    explored: a.explored,
    states: a.states,
    boundHit: a.boundHit,
    inconsistencies: a.inconsistencies,
    coverage: a.coverage,
    seconds: (Date.now() - started) / 1000,
  };
}

export function failed(r: CheckReport): boolean {
  return (
    !r.valid ||
    r.deadEnds > 0 ||
    r.viewLeaks.length > 0 ||
    r.inconsistencies.length > 0 ||
    r.paths.outsideModel.length > 0
  );
}

const pathText = (p: { type: string; role: string | null; payload: unknown }[]) =>
  p.length === 0
    ? '(at the start)'
    : p
        .map((s) => {
          const pl = s.payload as Record<string, unknown>;
          const what = pl.decision
            ? `${String(pl.decision)}=${String(pl.option)}`
            : (pl.request ?? pl.inject ?? pl.minutes);
          const extra = s.type === 'request.answered' ? (pl.granted ? ' granted' : ' refused') : '';
          return `${s.role ?? 'facilitator'}:${s.type}(${String(what)}${extra})`;
        })
        .join(' → ');

function human(r: CheckReport): string {
  const lines: string[] = [];
  const mark = failed(r) ? 'FAIL' : 'ok  ';
  lines.push(`${mark} ${r.file}${r.id ? `  (${r.id} ${r.version})` : ''}`);
  for (const e of r.errors)
    lines.push(
      `     error ${r.file}${e.line ? `:${e.line}` : ''}  ${e.path || '(file)'}: ${e.message}`,
    );
  for (const w of r.warnings)
    lines.push(
      `     warning ${r.file}${w.line ? `:${w.line}` : ''}  ${w.path || '(file)'}: ${w.message}`,
    );
  if (!r.valid) return lines.join('\n');
  const x = r.explored;
  lines.push(
    `     ${r.agencies.length} agencies, ${r.decisions} decisions, ${r.options} options; languages ${r.languages.join(', ')}; analysed in ${r.seconds.toFixed(1)} s`,
  );
  const p = r.paths;
  lines.push(
    `     routes through the phase graph: ${p.count}${p.capped ? '+ (enumeration capped)' : ''}, ${p.shortest ?? '-'}..${p.longest ?? '-'} decision steps (${p.edges} edges)`,
  );
  for (const [id, e] of Object.entries(p.perEnding))
    lines.push(
      `       ${id}: ${e.count} route(s), ${e.shortest ?? '-'}..${e.longest ?? '-'} decision steps; ${e.realised} taken by explored runs`,
    );
  for (const o of p.outsideModel) lines.push(`     MODEL: a real run took a route it misses: ${o}`);
  if (x) {
    lines.push(
      `     state space: ${x.statesExplored} states explored (bound ${x.bound})${x.boundHit ? ', BOUND HIT: dead ends and leaks are checked in the explored part and on the walks only' : ', exhaustive'}`,
    );
    if (!x.boundHit)
      lines.push(
        `     action paths: ${x.paths.count}${x.paths.capped ? '+ (capped)' : ''}, ${x.paths.shortest ?? '-'}..${x.paths.longest ?? '-'} actions`,
      );
    else
      lines.push(
        `     action path lengths seen by search and walks: ${x.paths.shortest ?? '-'}..${x.paths.longest ?? '-'} actions`,
      );
  }
  if (r.coverage && r.coverage.walks > 0)
    lines.push(
      `     ${r.coverage.walks} guided random walks (endings ${Object.entries(
        r.coverage.walkEndings,
      )
        .map(([k, v]) => `${k}×${v}`)
        .join(
          ', ',
        )})${r.coverage.method === 'bounded' ? '; "unreachable" below means "not reached"' : ''}`,
    );
  lines.push(
    `     endings reachable: ${r.reachableEndings.join(', ') || 'none'} of ${r.endings.length}`,
  );
  const u = r.unreachable;
  if (u.phases.length) lines.push(`     unreachable phases: ${u.phases.join(', ')}`);
  if (u.options.length)
    lines.push(`     options never chosen on any path: ${u.options.join(', ')}`);
  if (u.endings.length) lines.push(`     unreachable endings: ${u.endings.join(', ')}`);
  if (r.deadEnds > 0) {
    lines.push(`     DEAD ENDS: ${r.deadEnds} state(s) from which no ending can be reached, e.g.`);
    for (const d of r.deadEndExamples)
      lines.push(`       in ${d.phase} at minute ${d.clock}: ${pathText(d.path)}`);
  }
  for (const l of r.viewLeaks)
    lines.push(`     LEAK: ${l.kind} ${l.item} visible to ${l.role} after ${pathText(l.path)}`);
  for (const i of r.inconsistencies)
    lines.push(`     ENGINE: ${i.message} after ${pathText(i.path)}`);
  return lines.join('\n');
}

async function writeSchema(): Promise<string> {
  const file = join(packageRoot(), 'schema', 'scenario.schema.json');
  let text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
  try {
    // Format like the rest of the repository when prettier is installed (a dev dependency).
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    text = await prettier.format(text, { ...options, parser: 'json' });
  } catch {
    // keep JSON.stringify's layout
  }
  writeFileSync(file, text);
  return file;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.writeSchema) {
    const file = await writeSchema();
    process.stdout.write(`wrote ${relative(process.cwd(), file)}\n`);
    return;
  }
  const loaded = [
    ...(args.catalogue ? loadCatalogue() : []),
    ...args.files.map((f) => loadScenarioFile(f)),
  ];
  const reports = loaded.map((l) => checkOne(l, args.maxStates));
  if (args.json) {
    process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  } else {
    if (reports.length === 0)
      process.stdout.write('no scenarios found (catalogue empty and no files given)\n');
    for (const r of reports) process.stdout.write(`${human(r)}\n`);
    const bad = reports.filter(failed).length;
    process.stdout.write(`\n${reports.length} scenario(s) checked, ${bad} failed\n`);
  }
  if (reports.some(failed)) process.exitCode = 1;
}

if (require.main === module) {
  void main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  });
}
