/**
 * The debrief body against the wire contract: clients read `debrief()`'s result through
 * @crossroads/shared's `debriefSchema` (GET /api/sessions/:id/debrief, review links, replay frames,
 * debrief files). Sessions of every catalogue scenario, played to the end and cut off mid-run, are
 * debriefed as staff and as each trainee; every body must parse, and parsing must keep all of it (a
 * field the contract does not declare would be dropped before the client renders it).
 */
import { readdirSync } from 'fs';
import { debriefSchema, type Debrief as DebriefContract } from '@crossroads/shared';
import { loadCatalogue, catalogueDir } from '@crossroads/scenarios/node';
import type { CompiledScenario, LogLine } from '../src';
import { debrief } from '../src/scoring';
import type { Debrief } from '../src/scoring';
import { playSession, randomPolicy, scripted } from '../examples/generate';

const loaded = loadCatalogue();
const scenarios = loaded.flatMap((l) => (l.ok ? [[l.scenario.id, l.compiled] as const] : []));

/** What the server sends: the body as JSON. */
const wire = (d: Debrief): unknown => JSON.parse(JSON.stringify(d));

/** Where the parse differs from the body (dropped, added or changed values), by path. */
function differences(body: unknown, parsed: unknown, path = '$'): string[] {
  if (Array.isArray(body) && Array.isArray(parsed)) {
    if (body.length !== parsed.length) return [`${path}: length ${body.length} → ${parsed.length}`];
    return body.flatMap((b, i) => differences(b, parsed[i], `${path}[${i}]`));
  }
  if (body && parsed && typeof body === 'object' && typeof parsed === 'object') {
    const b = body as Record<string, unknown>;
    const p = parsed as Record<string, unknown>;
    return [...new Set([...Object.keys(b), ...Object.keys(p)])].flatMap((k) =>
      k in p ? differences(b[k], p[k], `${path}.${k}`) : [`${path}.${k}: dropped`],
    );
  }
  return Object.is(body, parsed) ? [] : [`${path}: ${String(body)} → ${String(parsed)}`];
}

/** The differences with array indices folded, so one missing field reads as one line. */
const folded = (diffs: string[]) => [...new Set(diffs.map((d) => d.replace(/\[\d+\]/g, '[]')))];

function checkContract(d: Debrief): DebriefContract {
  const body = wire(d);
  const parsed = debriefSchema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(folded(differences(body, parsed.data))).toEqual([]);
  return parsed.data as DebriefContract;
}

function play(c: CompiledScenario, seed: number): LogLine[] {
  return playSession(
    c,
    [
      // Sends every request and takes the first option open: long, request-heavy runs.
      {
        id: 'tm-first',
        name: 'First',
        policy: scripted({ prefer: {}, send: 'all', fallback: 'first' }, c),
      },
      // Sends nothing and refuses what it is asked: missed obligations and deadlines.
      {
        id: 'tm-silent',
        name: 'Silent',
        policy: scripted(
          { prefer: {}, send: [], refuse: [...c.requests.keys()], fallback: 'random' },
          c,
        ),
      },
      { id: 'tm-random', name: 'Random', policy: randomPolicy },
    ],
    { seed, maxEvents: 400, chatter: 0.1 },
  );
}

it('covers every catalogue scenario, each of them valid', () => {
  const files = readdirSync(catalogueDir()).filter((f) => /\.(ya?ml|json)$/.test(f));
  expect(files.length).toBeGreaterThan(0);
  expect(scenarios).toHaveLength(files.length);
});

describe.each(scenarios)('debriefs of %s sessions', (_id, c) => {
  const events = play(c, 7);
  const teams = [...new Set(events.flatMap((e) => (e.team ? [e.team] : [])))].sort();

  it('the staff debrief of a finished session is the contract, every field kept', () => {
    const parsed = checkContract(debrief(c, events));
    // Not an empty shell: the sessions were played, scored and compared.
    expect(parsed.teams.map((t) => t.team)).toEqual(teams);
    expect(parsed.teams.every((t) => t.timeline.length > 0 && t.outcome.final)).toBe(true);
    expect(parsed.teams.some((t) => t.items.length > 0)).toBe(true);
    expect(parsed.comparison.length).toBeGreaterThan(0);
  });

  it('so is the debrief of a session still running, and one without counterfactuals', () => {
    const running = events.slice(0, Math.ceil(events.length / 2));
    checkContract(debrief(c, running));
    checkContract(debrief(c, running, undefined, { counterfactuals: false }));
  });

  it('so is a trainee’s debrief, for every agency (recipient-scoped, hidden items counted)', () => {
    let hidden = 0;
    // Every agency once, the teams taken in turn (each debrief is a full scoring run).
    c.playable.forEach((role, i) => {
      const team = teams[i % teams.length] ?? '';
      const parsed = checkContract(debrief(c, events, undefined, { recipient: { team, role } }));
      expect(parsed.recipient).toEqual({ team, role });
      expect(parsed.teams.map((t) => t.team)).toEqual([team]);
      hidden += parsed.teams
        .flatMap((t) => [...t.items, ...t.evidence])
        .filter((x) => x.hidden).length;
    });
    // Redaction's own shapes (hidden items and evidence) go through the contract too.
    expect(hidden).toBeGreaterThan(0);
  });
});
