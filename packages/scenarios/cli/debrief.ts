/**
 * npm run debrief -- --scenario <id or file> --events <file.jsonl> [--rubric <version>] [--json] [--lang en|sr-Latn|mk|sq|bs]
 *                    [--recipient <team>:<role>] [--rescore-to <version>]
 * npm run debrief -- --write-example
 *
 * Prints the debrief of a session's event log: per team the outcome, scores, red lines, case strength,
 * timeline with score deltas and legal bases (and each decision's rationale, why each request was sent
 * and each answer's reason, as --recipient's agency may read them), missed opportunities; then the
 * comparison across teams.
 * --json prints the debrief object; --rescore-to prints what changes under another rubric version;
 * --write-example regenerates examples/reefer-horgos.session.jsonl from the current flagship scenario.
 * Exit codes: 0 ok, 1 bad log lines (the debrief is still printed), 2 usage or input error.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_RUBRIC,
  RUBRICS,
  RUBRIC_LANGUAGES,
  debrief,
  getRubric,
  parseEventLog,
  renderDebriefText,
  rescore,
  toJsonl,
} from '@crossroads/scenarios';
import type { CompiledScenario, RenderLang } from '@crossroads/scenarios';
import { loadCatalogue, loadScenarioFile, packageRoot } from '@crossroads/scenarios/node';
import { flagshipSession } from '../examples/generate';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface Args {
  scenario?: string;
  events?: string;
  rubric?: string;
  json: boolean;
  lang: RenderLang;
  recipient?: { team: string; role: string };
  rescoreTo?: string;
  writeExample: boolean;
  help: boolean;
}

const USAGE = `usage: npm run debrief -- --scenario <id or file> --events <file.jsonl> [--rubric <version>] [--json]
                        [--lang en|sr-Latn|mk|sq|bs] [--recipient <team>:<role>] [--rescore-to <version>]
       npm run debrief -- --write-example
rubric versions: ${RUBRICS.map((r) => r.version).join(', ')} (default ${DEFAULT_RUBRIC.version})
`;

function parseArgs(argv: string[]): Args | string {
  const args: Args = { json: false, lang: 'en', writeExample: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] = a.includes('=')
      ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--scenario':
        args.scenario = value();
        break;
      case '--events':
        args.events = value();
        break;
      case '--rubric':
        args.rubric = value();
        break;
      case '--rescore-to':
        args.rescoreTo = value();
        break;
      case '--lang': {
        const l = value();
        const lang = RUBRIC_LANGUAGES.find((x) => x === l);
        if (lang === undefined)
          return `--lang must be one of ${RUBRIC_LANGUAGES.join(', ')} (got ${l ?? 'nothing'})`;
        args.lang = lang;
        break;
      }
      case '--recipient': {
        const r = value() ?? '';
        const [team, role] = r.split(':');
        if (!team || !role) return '--recipient must look like team-a:prosecutor';
        args.recipient = { team, role };
        break;
      }
      case '--json':
        args.json = true;
        break;
      case '--write-example':
        args.writeExample = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        return `unknown argument "${a}"`;
    }
  }
  return args;
}

/** A scenario by file path, or by id from the catalogue. */
function findScenario(ref: string): CompiledScenario | string {
  if (existsSync(ref) || /\.(ya?ml|json)$/i.test(ref)) {
    const loaded = loadScenarioFile(ref);
    return loaded.ok
      ? loaded.compiled
      : `${loaded.file}: ${loaded.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`;
  }
  const all = loadCatalogue();
  const hit = all.find((s) => s.ok && s.scenario.id === ref);
  if (hit?.ok) return hit.compiled;
  const ids = all.flatMap((s) => (s.ok ? [s.scenario.id] : []));
  return `no scenario "${ref}" in the catalogue (${ids.join(', ') || 'empty'}); give an id or a file`;
}

export function main(argv: string[]): CliResult {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') return { code: 2, stdout: '', stderr: `${parsed}\n${USAGE}` };
  if (parsed.help) return { code: 0, stdout: USAGE, stderr: '' };

  if (parsed.writeExample) {
    const flagship = findScenario('reefer-horgos');
    if (typeof flagship === 'string') return { code: 2, stdout: '', stderr: `${flagship}\n` };
    const file = join(packageRoot(), 'examples', 'reefer-horgos.session.jsonl');
    const events = flagshipSession(flagship);
    writeFileSync(file, toJsonl(events));
    return { code: 0, stdout: `wrote ${events.length} events to ${file}\n`, stderr: '' };
  }

  if (!parsed.scenario || !parsed.events)
    return { code: 2, stdout: '', stderr: `--scenario and --events are required\n${USAGE}` };
  const scenario = findScenario(parsed.scenario);
  if (typeof scenario === 'string') return { code: 2, stdout: '', stderr: `${scenario}\n` };
  // Without --rubric, the version the server and debrief() use, so the CLI prints the debrief trainees saw.
  const rubric = getRubric(parsed.rubric ?? DEFAULT_RUBRIC.version);
  if (!rubric)
    return { code: 2, stdout: '', stderr: `no rubric version "${parsed.rubric ?? ''}"\n${USAGE}` };

  let text: string;
  try {
    text = readFileSync(parsed.events, 'utf8');
  } catch (err) {
    return {
      code: 2,
      stdout: '',
      stderr: `cannot read ${parsed.events}: ${(err as Error).message}\n`,
    };
  }
  const log = parseEventLog(text);
  const stderr = log.errors
    .map((e) => `${parsed.events}:${e.line}: ${e.message} (line skipped)\n`)
    .join('');
  const code = log.errors.length > 0 ? 1 : 0;

  if (parsed.rescoreTo) {
    const to = getRubric(parsed.rescoreTo);
    if (!to)
      return { code: 2, stdout: '', stderr: `no rubric version "${parsed.rescoreTo}"\n${USAGE}` };
    const r = rescore(scenario, log.events, rubric, to);
    if (parsed.json) return { code, stdout: `${JSON.stringify(r, null, 2)}\n`, stderr };
    const lines = [`Re-scoring ${r.scenario.id} ${r.scenario.version}: rubric ${r.from} → ${r.to}`];
    for (const c of r.changed)
      lines.push(
        `  changed  ${c.team} ${c.ruleId} (${c.axis}) #${c.causedBySeq}: ${c.from.points}${c.from.counted ? '' : ' (not counted)'} → ${c.to.points}${c.to.counted ? '' : ' (not counted)'}`,
      );
    for (const i of r.added)
      lines.push(`  added    ${i.team} ${i.ruleId} (${i.axis}) #${i.causedBySeq}: ${i.points}`);
    for (const i of r.removed)
      lines.push(`  removed  ${i.team} ${i.ruleId} (${i.axis}) #${i.causedBySeq}: ${i.points}`);
    if (r.changed.length + r.added.length + r.removed.length === 0)
      lines.push('  no scored item changes');
    for (const t of r.teams)
      lines.push(
        `  ${t.team}: evidence ${t.evidence.from} → ${t.evidence.to} (${t.evidence.delta >= 0 ? '+' : ''}${t.evidence.delta}), rights ${t.rights.from} → ${t.rights.to} (${t.rights.delta >= 0 ? '+' : ''}${t.rights.delta}), outcome ${t.outcome.from} → ${t.outcome.to}`,
      );
    return { code, stdout: `${lines.join('\n')}\n`, stderr };
  }

  const d = debrief(
    scenario,
    log.events,
    rubric,
    parsed.recipient ? { recipient: parsed.recipient } : {},
  );
  const stdout = parsed.json
    ? `${JSON.stringify(d, null, 2)}\n`
    : renderDebriefText(d, { lang: parsed.lang });
  return { code, stdout, stderr };
}

if (require.main === module) {
  // Piping into `head` closes stdout early: that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  const r = main(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
