import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  isEngineLogEvent,
  LOG_EVENT_TYPES,
  STAFF_ONLY_EVENT_TYPES,
  type LogEvent,
} from '@crossroads/shared';
import {
  compile,
  mayKnowEvent,
  mayTraineeSee,
  needToKnow,
  parseScenario,
  replay,
  viewFor,
  type CompiledScenario,
  type TeamState,
} from '../src';
import { playSession, randomPolicy } from '../examples/generate';
import { lab } from './scoring/lab';

/*
 * Need to know is a security property: these tests check the views against the scenario's own
 * declarations (visibleTo, knownTo, hidden, to, allowed), not against the module that computes
 * them, over random sessions of the lab scenario and the flagship.
 */

function flagship(): CompiledScenario {
  const r = parseScenario(
    readFileSync(join(__dirname, '..', 'catalogue', 'reefer-horgos.yaml'), 'utf8'),
  );
  if (!r.ok) throw new Error('the flagship does not parse');
  return compile(r.scenario);
}

const scenarios: [string, () => CompiledScenario][] = [
  ['lab', lab],
  ['reefer-horgos', flagship],
];

const session = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  teams: fc.integer({ min: 2, max: 3 }),
});

function teamStates(c: CompiledScenario, s: { seed: number; teams: number }): TeamState[] {
  const teams = Array.from({ length: s.teams }, (_, i) => ({
    id: `t${i + 1}`,
    name: `Team ${i + 1}`,
    policy: randomPolicy,
  }));
  return Object.values(replay(c, playSession(c, teams, { seed: s.seed, maxEvents: 80 })).teams);
}

const revealedTo = (s: TeamState, id: string, role: string) =>
  s.reveals[id]?.includes(role) ?? false;

describe.each(scenarios)('trainee views of random sessions of %s', (_name, load) => {
  const c = load();
  const agencies = [...c.agencies.keys()];

  it('hold no fact, document, evidence, person or attribute the agency may not know', () => {
    fc.assert(
      fc.property(session, (s) => {
        for (const state of teamStates(c, s)) {
          for (const role of agencies) {
            const view = viewFor(c, state, role);
            for (const fact of Object.keys(view.facts))
              expect([fact, c.facts.get(fact)?.visibleTo?.includes(role)]).toEqual([fact, true]);
            for (const d of view.documents) {
              const def = c.documents.get(d.id)!;
              const known =
                (def.visibleTo.includes(role) && state.clock >= (def.from ?? 0)) ||
                revealedTo(state, d.id, role);
              expect([d.id, known]).toEqual([d.id, true]);
            }
            for (const e of view.evidence) {
              const known =
                c.evidence.get(e.id)!.visibleTo.includes(role) || revealedTo(state, e.id, role);
              expect([e.id, known, 'tainted' in e]).toEqual([e.id, true, false]);
            }
            for (const p of view.people) {
              const def = c.people.get(p.id)!;
              const known =
                def.knownTo === undefined ||
                def.knownTo.includes(role) ||
                (state.known[p.id]?.includes(role) ?? false);
              expect([p.id, known]).toEqual([p.id, true]);
              for (const attr of Object.keys(p.attrs)) {
                const seen =
                  !((def.hidden ?? []) as readonly string[]).includes(attr) ||
                  (state.observed[p.id]?.[attr]?.includes(role) ?? false);
                expect([p.id, attr, seen]).toEqual([p.id, attr, true]);
              }
            }
          }
        }
      }),
      { numRuns: 10 },
    );
  });

  it('hold only the injects, requests and decisions the agency takes part in', () => {
    fc.assert(
      fc.property(session, (s) => {
        for (const state of teamStates(c, s)) {
          for (const role of agencies) {
            const view = viewFor(c, state, role);
            for (const i of view.injects)
              expect([i.id, c.injects.get(i.id)!.to.includes(role)]).toEqual([i.id, true]);
            for (const r of view.requests)
              expect([r.id, r.from === role || r.to === role]).toEqual([r.id, true]);
            for (const d of view.decisions)
              expect([d.decision, c.decisions.get(d.decision)!.allowed.has(role)]).toEqual([
                d.decision,
                true,
              ]);
          }
        }
      }),
      { numRuns: 10 },
    );
  });

  it("never shows one agency's restricted items to another agency that was not given them", () => {
    const restricted = [...c.documents.values(), ...c.evidence.values()].filter(
      (x) => x.restricted,
    );
    fc.assert(
      fc.property(session, (s) => {
        for (const state of teamStates(c, s))
          for (const role of agencies) {
            const view = viewFor(c, state, role);
            const shown = new Set([...view.documents, ...view.evidence].map((x) => x.id));
            for (const item of restricted)
              if (!item.visibleTo.includes(role) && !revealedTo(state, item.id, role))
                expect([item.id, shown.has(item.id)]).toEqual([item.id, false]);
          }
      }),
      { numRuns: 10 },
    );
  });

  it('gives the facilitator everything', () => {
    const v = needToKnow(c, null, null);
    expect(v.all).toBe(true);
    for (const id of c.facts.keys()) expect(v.fact(id)).toBe(true);
    for (const id of c.evidence.keys()) expect(v.evidence(id)).toBe(true);
  });
});

describe.each(scenarios)('engine events of random sessions of %s', (_name, load) => {
  const c = load();
  const agencies = [...c.agencies.keys()];

  it('reach an agency by the declarations, mayKnowEvent as needToKnow().event', () => {
    fc.assert(
      fc.property(session, (s) => {
        const teams = Array.from({ length: s.teams }, (_, i) => ({
          id: `t${i + 1}`,
          name: `Team ${i + 1}`,
          policy: randomPolicy,
        }));
        const log = playSession(c, teams, { seed: s.seed, maxEvents: 80 });
        const states = replay(c, log).teams;
        for (const line of log) {
          const e = line as unknown as LogEvent;
          if (!isEngineLogEvent(e) || e.team === null) continue;
          const state = states[e.team] ?? null;
          for (const role of [...agencies, 'facilitator', null]) {
            const seen = mayKnowEvent(c, state, role, e);
            expect(seen).toBe(needToKnow(c, state, role).event(e));
            if (role === null || role === 'facilitator') expect(seen).toBe(true);
            else if (e.type === 'decision.made' || e.type === 'joint.signed')
              expect(seen).toBe(c.decisions.get(e.payload.decision)?.allowed.has(role) ?? false);
            else if (e.type === 'inject.released')
              expect(seen).toBe(c.injects.get(e.payload.inject)?.to.includes(role) ?? false);
          }
        }
      }),
      { numRuns: 5 },
    );
  });
});

describe('which log events reach a trainee', () => {
  const types = [...LOG_EVENT_TYPES, 'participant.left', 'something.new'];
  const event = fc.record({
    team: fc.constantFrom(null, 'a', 'b'),
    role: fc.constantFrom(null, 'police', 'prosecutor'),
    type: fc.constantFrom(...types),
  });
  const seat = fc.record({
    team: fc.constantFrom(null, 'a', 'b'),
    role: fc.constantFrom(null, 'police', 'prosecutor'),
  });
  const asLog = (e: { team: string | null; role: string | null; type: string }) =>
    ({ seq: 1, at: '', time: 0, participant: null, payload: {}, ...e }) as unknown as LogEvent;

  it("never another team's events or staff notes, even when the engine rule would allow them", () => {
    fc.assert(
      fc.property(event, seat, (e, s) => {
        const seen = mayTraineeSee(s, asLog(e), () => true);
        if (e.team !== null && e.team !== s.team) expect(seen).toBe(false);
        if ((STAFF_ONLY_EVENT_TYPES as readonly string[]).includes(e.type))
          expect(seen).toBe(false);
      }),
    );
  });

  it("asks the engine rule only for its own team's engine events, with its own agency", () => {
    fc.assert(
      fc.property(event, seat, (e, s) => {
        const asked: string[] = [];
        const seen = mayTraineeSee(s, asLog(e), (_ev, role) => {
          asked.push(role);
          return false;
        });
        if (asked.length > 0) {
          expect(e.team).toBe(s.team);
          expect(asked).toEqual([s.role]);
          expect(seen).toBe(false);
        }
      }),
    );
  });

  it('lets session-level events through and keeps chat within the team', () => {
    const a = { team: 'a', role: 'police' };
    expect(
      mayTraineeSee(a, asLog({ team: null, role: null, type: 'session.paused' }), () => false),
    ).toBe(true);
    expect(
      mayTraineeSee(a, asLog({ team: 'a', role: 'prosecutor', type: 'chat.message' }), () => false),
    ).toBe(true);
    expect(
      mayTraineeSee(a, asLog({ team: 'b', role: 'police', type: 'chat.message' }), () => true),
    ).toBe(false);
    expect(
      mayTraineeSee(a, asLog({ team: null, role: null, type: 'note.pinned' }), () => true),
    ).toBe(false);
    expect(
      mayTraineeSee(
        { team: 'a', role: null },
        asLog({ team: 'a', role: 'police', type: 'decision.made' }),
        () => true,
      ),
    ).toBe(false);
  });
});
