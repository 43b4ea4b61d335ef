/**
 * The shipped example: examples/reefer-horgos.session.jsonl must be what examples/generate.ts produces for
 * the current flagship (regenerate with `npm run debrief -- --write-example`), replay without rejections,
 * and debrief as a careful team against a careless one. Also the CLI, in process.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { DEFAULT_RUBRIC, RUBRICS, compile, parseScenario, replay } from '../src';
import { debrief, parseEventLog, toJsonl } from '../src/scoring';
import { main } from '../cli/debrief';
import { flagshipSession } from '../examples/generate';

const root = join(__dirname, '..');
const flagshipFile = join(root, 'catalogue', 'reefer-horgos.yaml');
const exampleFile = join(root, 'examples', 'reefer-horgos.session.jsonl');
const parsed = existsSync(flagshipFile) ? parseScenario(readFileSync(flagshipFile, 'utf8')) : null;
const c = parsed?.ok ? compile(parsed.scenario) : null;
const maybe = c ? it : it.skip;

describe('examples/reefer-horgos.session.jsonl', () => {
  maybe('is what the generator produces for the current flagship', () => {
    if (!c) return;
    expect(readFileSync(exampleFile, 'utf8')).toBe(toJsonl(flagshipSession(c)));
  });

  maybe('replays without a single rejected event and documents the log format', () => {
    if (!c) return;
    const log = parseEventLog(readFileSync(exampleFile, 'utf8'));
    expect(log.errors).toEqual([]);
    expect(replay(c, log.events).rejected).toEqual([]);
    // one JSON event per line, fields in the documented order
    const order = ['seq', 'at', 'time', 'team', 'role', 'participant', 'type', 'payload'];
    for (const line of readFileSync(exampleFile, 'utf8').trim().split('\n')) {
      const keys = Object.keys(JSON.parse(line) as object);
      expect(keys).toEqual(order.filter((k) => keys.includes(k)));
      expect(keys).toEqual(
        expect.arrayContaining(['seq', 'team', 'role', 'participant', 'type', 'payload']),
      );
    }
    const types = new Set(log.events.map((e) => e.type));
    for (const t of [
      'session.started',
      'decision.made',
      'joint.signed',
      'request.sent',
      'request.answered',
      'chat.message',
      'session.ended',
    ])
      expect(types).toContain(t);
  });

  maybe('debriefs the careful team above the careless one on both axes', () => {
    if (!c) return;
    const d = debrief(c, parseEventLog(readFileSync(exampleFile, 'utf8')).events);
    const [a, b] = d.teams;
    expect(a?.team).toBe('team-a');
    expect(a?.outcome.kind).toBe('conviction');
    expect(a?.redLines).toEqual([]);
    expect(b?.outcome.kind).not.toBe('conviction');
    expect(a?.evidenceScore.value).toBeGreaterThan(b?.evidenceScore.value ?? 100);
    expect(a?.rightsScore.value).toBeGreaterThan(b?.rightsScore.value ?? 100);
    expect(b?.items.some((i) => i.ruleId === 'EVIDENCE.DEVICE.NO_ORDER')).toBe(true);
    expect(b?.witnessesLost.length).toBeGreaterThan(0);
    expect(d.comparison.length).toBeGreaterThan(10);
  });
});

describe('cli/debrief', () => {
  maybe('prints a readable debrief with every section a trainer presents', () => {
    const r = main(['--scenario', 'reefer-horgos', '--events', exampleFile]);
    expect(r.code).toBe(0);
    for (const heading of [
      'Outcome:',
      'Scores:',
      'Red lines:',
      'Case strength:',
      'Timeline:',
      'By agency:',
      'Missed opportunities:',
      'Comparison across teams',
    ])
      expect(r.stdout).toContain(heading);
    expect(r.stdout).toMatch(/Basis: /);
  });

  maybe('without --rubric uses the rubric the server and debrief() default to', () => {
    const r = main(['--scenario', flagshipFile, '--events', exampleFile, '--json']);
    const d = JSON.parse(r.stdout) as { rubric: { version: string } };
    expect(d.rubric.version).toBe(DEFAULT_RUBRIC.version);
    expect(d.rubric.version).not.toBe(RUBRICS[0]?.version);
  });

  maybe('prints JSON with the documented per-team fields, in Serbian too, and re-scores', () => {
    const r = main([
      '--scenario',
      flagshipFile,
      '--events',
      exampleFile,
      '--json',
      '--rubric',
      '1.1.0',
    ]);
    const d = JSON.parse(r.stdout) as {
      rubric: { version: string };
      teams: Record<string, unknown>[];
    };
    expect(d.rubric.version).toBe('1.1.0');
    for (const t of d.teams)
      for (const k of [
        'team',
        'evidenceScore',
        'rightsScore',
        'redLines',
        'outcome',
        'caseStrength',
        'items',
      ])
        expect(t).toHaveProperty(k);
    const item = (d.teams[0]?.items as Record<string, unknown>[])[0];
    for (const k of [
      'ruleId',
      'axis',
      'points',
      'legalBasis',
      'role',
      'participant',
      'causedBySeq',
    ])
      expect(item).toHaveProperty(k);
    expect(
      main(['--scenario', 'reefer-horgos', '--events', exampleFile, '--lang', 'sr-Latn']).stdout,
    ).toContain('Ishod:');
    const re = main([
      '--scenario',
      'reefer-horgos',
      '--events',
      exampleFile,
      '--rescore-to',
      '1.1.0',
    ]);
    expect(re.stdout).toMatch(/RIGHTS\.INTERPRETER\.NEUTRAL \(evidence\) #\d+: 1 → 2/);
  });

  it('explains bad input', () => {
    expect(main([]).code).toBe(2);
    expect(main(['--scenario', 'no-such-scenario', '--events', exampleFile]).stderr).toMatch(
      /no scenario "no-such-scenario"/,
    );
    expect(main(['--bogus']).stderr).toMatch(/unknown argument/);
  });
});
