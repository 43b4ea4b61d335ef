/**
 * Properties over random playable sessions (fast-check): scores stay within 0–100, every item has a legal
 * basis and a causing event from the log, and a recipient-scoped debrief never mentions anything outside
 * that trainee's view.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { compile, parseScenario, replay, viewFor } from '../src';
import type { CompiledScenario, LogLine } from '../src';
import { debrief } from '../src/scoring';
import type { Debrief } from '../src/scoring';
import { playSession, randomPolicy } from '../examples/generate';
import { lab } from './scoring/lab';

function flagship(): CompiledScenario | null {
  try {
    const r = parseScenario(
      readFileSync(join(__dirname, '..', 'catalogue', 'reefer-horgos.yaml'), 'utf8'),
    );
    return r.ok ? compile(r.scenario) : null;
  } catch {
    return null;
  }
}

const scenarios: [string, () => CompiledScenario | null][] = [
  ['lab', lab],
  ['reefer-horgos', flagship],
];

const session = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  teams: fc.integer({ min: 1, max: 3 }),
  chatter: fc.constantFrom(0, 0.3),
  end: fc.boolean(),
});

function play(
  c: CompiledScenario,
  s: { seed: number; teams: number; chatter: number; end: boolean },
): LogLine[] {
  const teams = Array.from({ length: s.teams }, (_, i) => ({
    id: `tm${i + 1}x`,
    name: `Team ${i + 1}`,
    policy: randomPolicy,
  }));
  const events = playSession(c, teams, { seed: s.seed, chatter: s.chatter, maxEvents: 90 });
  // Sometimes the session is still running when the debrief is asked for.
  return s.end ? events : events.slice(0, -1);
}

/** Every "id" string as a JSON token in the output. */
const mentions = (json: string, id: string) =>
  json.includes(`"${id}"`) || json.includes(`|${id}|`) || json.includes(`+${id}`);

describe.each(scenarios)('random sessions of %s', (_name, load) => {
  const c = load();
  const maybe = c ? it : it.skip;

  maybe('scores stay within 0–100 and every item names its basis and its causing event', () => {
    if (!c) return;
    fc.assert(
      fc.property(session, (s) => {
        const events = play(c, s);
        const seqs = new Set(events.map((e) => e.seq));
        const d: Debrief = debrief(c, events);
        for (const t of d.teams) {
          for (const v of [
            t.evidenceScore.value,
            t.rightsScore.value,
            t.evidenceScore.caseStrength,
          ]) {
            expect(Number.isInteger(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(100);
          }
          for (const i of t.items) {
            expect(i.legalBasis.length).toBeGreaterThan(0);
            expect(seqs.has(i.causedBySeq)).toBe(true);
            expect(i.explanation.en && i.explanation['sr-Latn']).toBeTruthy();
            expect(i.role === null || c.agencies.has(i.role)).toBe(true);
            if (i.undischarged) expect(i.triggeredBySeq).toBe(i.causedBySeq);
          }
          if (t.redLines.length > 0) expect(t.outcome.kind).toBe('hard_fail');
        }
      }),
      { numRuns: c.id === 'scoring-lab' ? 25 : 10 },
    );
  });

  maybe(
    'a recipient-scoped debrief never mentions another team or an item outside the view',
    () => {
      if (!c) return;
      fc.assert(
        fc.property(session, fc.integer({ min: 0, max: 10 }), (s, pick) => {
          const events = play(c, s);
          const teamIds = [...new Set(events.flatMap((e) => (e.team ? [e.team] : [])))];
          const team = teamIds[pick % teamIds.length];
          const role = c.playable[pick % c.playable.length];
          if (!team || !role) return;
          const d = debrief(c, events, undefined, { recipient: { team, role } });
          const json = JSON.stringify(d);
          for (const other of teamIds) if (other !== team) expect(json).not.toContain(other);
          const state = replay(c, events).teams[team];
          if (!state) return;
          const view = viewFor(c, state, role);
          const seenEvidence = new Set(
            c.scenario.evidence
              .filter((e) => e.visibleTo.includes(role) || state.reveals[e.id]?.includes(role))
              .map((e) => e.id),
          );
          for (const e of c.scenario.evidence)
            if (!seenEvidence.has(e.id)) expect(mentions(json, e.id)).toBe(false);
          // An item counted but outside the view says neither what it is nor how it was obtained.
          for (const t of d.teams)
            for (const e of t.evidence)
              if (e.hidden) expect([e.kind, e.provenance]).toEqual(['hidden', undefined]);
          const knownPeople = new Set(view.people.map((p) => p.id));
          for (const p of c.scenario.people)
            if (!knownPeople.has(p.id)) expect(mentions(json, p.id)).toBe(false);
          for (const dcs of d.comparison)
            expect(c.decisions.get(dcs.decision)?.allowed.has(role)).toBe(true);
          for (const t of d.teams)
            for (const e of t.timeline) {
              if (e.decision)
                expect(c.decisions.get(e.decision.decision)?.allowed.has(role)).toBe(true);
              if (e.inject) expect(view.injects.some((i) => i.id === e.inject)).toBe(true);
            }
        }),
        { numRuns: c.id === 'scoring-lab' ? 25 : 10 },
      );
    },
  );
});
