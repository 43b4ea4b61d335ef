import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compile,
  initialState,
  parseScenario,
  step,
  viewCache,
  viewFor,
  type CompiledScenario,
  type RoleView,
  type StepEvent,
  type TeamState,
} from '../src';
import { playSession, randomPolicy } from '../examples/generate';
import { loadMini } from './helpers';

/*
 * viewCache() reuses parts of earlier views while the state containers they come from are the same
 * objects. Whatever it reuses, every view must equal viewFor() of the same state: these tests step
 * copy-on-write through sessions, as the server does, and compare each agency's cached view with
 * a fresh one after every event.
 */

function flagship(): CompiledScenario {
  const r = parseScenario(
    readFileSync(join(__dirname, '..', 'catalogue', 'reefer-horgos.yaml'), 'utf8'),
  );
  if (!r.ok) throw new Error('the flagship does not parse');
  return compile(r.scenario);
}

/** Every state of each team of a random session, stepped copy-on-write in log order. */
function steppedStates(c: CompiledScenario, seed: number): TeamState[] {
  const teams = ['t1', 't2', 't3'].map((id) => ({ id, name: id, policy: randomPolicy }));
  const log = playSession(c, teams, { seed, maxEvents: 150 });
  const states = new Map<string, TeamState>();
  const out: TeamState[] = [];
  for (const event of log) {
    if (typeof event.team !== 'string') continue;
    const before = states.get(event.team) ?? initialState(c, event.team);
    const r = step(c, before, event);
    if (!r.ok) throw new Error(`the generated log was rejected: ${r.message}`);
    states.set(event.team, r.state);
    out.push(r.state);
  }
  return out;
}

describe.each([
  ['mini', loadMini],
  ['reefer-horgos', flagship],
])('cached views of %s', (_name, load) => {
  const c = load();
  const roles = [...c.agencies.keys(), 'facilitator'];

  it.each([3, 17, 2026])('equal fresh views after every event of random session %i', (seed) => {
    const views = viewCache(c);
    const states = steppedStates(c, seed);
    expect(states.length).toBeGreaterThan(10);
    let reused = 0;
    const previous = new Map<string, RoleView>();
    for (const state of states) {
      for (const role of roles) {
        const cached = views(state, role);
        expect(JSON.stringify(cached)).toBe(JSON.stringify(viewFor(c, state, role)));
        const key = `${state.team}|${role}`;
        if (previous.get(key)?.people === cached.people) reused += 1;
        previous.set(key, cached);
      }
    }
    // The point of the cache: unchanged parts are the previous view's objects.
    expect(reused).toBeGreaterThan(0);
  });

  it.each([3, 17])('equal fresh views with a slot per team, or one for all (seed %i)', (seed) => {
    const states = steppedStates(c, seed);
    const perTeam = viewCache(c);
    const shared = viewCache(c);
    const slots = new Map<string, object>();
    const one = {};
    let reused = 0;
    const previous = new Map<string, RoleView>();
    for (const state of states) {
      let slot = slots.get(state.team);
      if (slot === undefined) {
        slot = {};
        slots.set(state.team, slot);
      }
      for (const role of roles) {
        const fresh = JSON.stringify(viewFor(c, state, role));
        const cached = perTeam(state, role, slot);
        expect(JSON.stringify(cached)).toBe(fresh);
        // One slot for every team: each view's last one in the slot is of another team's state.
        expect(JSON.stringify(shared(state, role, one))).toBe(fresh);
        const key = `${state.team}|${role}`;
        if (previous.get(key)?.requests === cached.requests) reused += 1;
        previous.set(key, cached);
      }
    }
    expect(reused).toBeGreaterThan(0);
  });
});

describe('cached views follow what changed', () => {
  const mini = loadMini();
  const tick = (s: TeamState, minutes: number): TeamState => {
    const event: StepEvent = {
      team: s.team,
      role: null,
      participant: null,
      type: 'clock.ticked',
      payload: { minutes },
    };
    const r = step(mini, s, event);
    if (!r.ok) throw new Error(r.message);
    return r.state;
  };

  it('shows a document once the clock passes its `from`, although no container changed', () => {
    const views = viewCache(mini);
    const early = initialState(mini, 't');
    const before = views(early, 'prosecutor').documents;
    expect(before.map((d) => d.id)).not.toContain('prosecutor_notes');
    const later = tick(early, 40);
    expect(later.reveals).toBe(early.reveals);
    const after = views(later, 'prosecutor').documents;
    expect(after.map((d) => d.id)).toContain('prosecutor_notes');
    // While the clock passes no other `from`, the list is reused.
    expect(views(tick(later, 5), 'prosecutor').documents).toBe(after);
  });

  it('gives each agency its own parts of one state', () => {
    const views = viewCache(mini);
    const s = tick(initialState(mini, 't'), 40);
    expect(views(s, 'prosecutor').documents.map((d) => d.id)).toEqual(
      viewFor(mini, s, 'prosecutor').documents.map((d) => d.id),
    );
    expect(views(s, 'social_work').documents).toEqual(viewFor(mini, s, 'social_work').documents);
    expect(views(s, 'prosecutor').facts).toEqual(viewFor(mini, s, 'prosecutor').facts);
    expect(views(s, 'border_police').facts).toEqual(viewFor(mini, s, 'border_police').facts);
  });

  it('rebuilds a part when its container is replaced by an event', () => {
    const views = viewCache(mini);
    const s = initialState(mini, 't');
    const first = views(s, 'border_police');
    const changed: TeamState = { ...s, facts: { ...s.facts }, reveals: { ...s.reveals } };
    changed.reveals['prosecutor_notes'] = ['border_police'];
    const second = views(changed, 'border_police');
    expect(second.documents.map((d) => d.id)).toContain('prosecutor_notes');
    expect(first.documents.map((d) => d.id)).not.toContain('prosecutor_notes');
    expect(second.people).toBe(first.people);
    expect(JSON.stringify(second)).toBe(JSON.stringify(viewFor(mini, changed, 'border_police')));
  });

  it('keeps the part before when a replaced container gives the agency the same items', () => {
    const views = viewCache(mini);
    const slot = {};
    const s = initialState(mini, 't');
    const first = views(s, 'border_police', slot);
    // New containers with the same content, as an event that changed nothing this agency sees.
    const copied: TeamState = {
      ...s,
      facts: { ...s.facts },
      requests: { ...s.requests },
      evidence: { ...s.evidence },
    };
    const second = views(copied, 'border_police', slot);
    expect(second.facts).toBe(first.facts);
    expect(second.requests).toBe(first.requests);
    expect(second.evidence).toBe(first.evidence);
    expect(JSON.stringify(second)).toBe(JSON.stringify(viewFor(mini, copied, 'border_police')));
  });

  it("rebuilds an agency's people when only what it observed or knows changed", () => {
    const text = readFileSync(join(__dirname, 'fixtures', 'mini.yaml'), 'utf8').replace(
      '  - id: driver\n',
      '  - id: driver\n    knownTo: [prosecutor]\n',
    );
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new Error('the changed mini does not parse');
    const c = compile(parsed.scenario);
    const views = viewCache(c);
    const s = initialState(c, 't');
    const amir = (v: RoleView) => v.people.find((p) => p.id === 'amir');
    expect(amir(views(s, 'border_police'))?.attrs.asylumExpressed).toBeUndefined();
    const observed: TeamState = {
      ...s,
      observed: { ...s.observed, amir: { asylumExpressed: ['border_police'] } },
    };
    expect(amir(views(observed, 'border_police'))?.attrs.asylumExpressed).toBeDefined();
    expect(JSON.stringify(views(observed, 'border_police'))).toBe(
      JSON.stringify(viewFor(c, observed, 'border_police')),
    );

    expect(views(s, 'social_work').people.map((p) => p.id)).not.toContain('driver');
    const known: TeamState = { ...s, known: { ...s.known, driver: ['social_work'] } };
    expect(views(known, 'social_work').people.map((p) => p.id)).toContain('driver');
  });

  it('keeps the people an event did not change, and rebuilds the one it did', () => {
    const views = viewCache(mini);
    const s = initialState(mini, 't');
    const first = views(s, 'border_police').people;
    const amir = s.people['amir'] as TeamState['people'][string];
    const changed: TeamState = { ...s, people: { ...s.people, amir: { ...amir, claimedAge: 17 } } };
    const second = views(changed, 'border_police').people;
    expect(second).not.toBe(first);
    for (const [i, person] of second.entries()) {
      if (person.id === 'amir') expect(person).not.toBe(first[i]);
      else expect(person).toBe(first[i]);
    }
    expect(JSON.stringify(views(changed, 'border_police'))).toBe(
      JSON.stringify(viewFor(mini, changed, 'border_police')),
    );
  });

  it('gives every agency the same objects for the decisions taken that it sees', () => {
    const c = flagship();
    const views = viewCache(c);
    const states = steppedStates(c, 17);
    const last = states[states.length - 1] as TeamState;
    const byRole = [...c.agencies.keys(), 'facilitator'].map((role) => views(last, role));
    const all = byRole[byRole.length - 1]?.decisions ?? [];
    expect(all.length).toBeGreaterThan(0);
    for (const view of byRole) {
      for (const taken of view.decisions) expect(all).toContain(taken);
      expect(JSON.stringify(view.decisions)).toBe(
        JSON.stringify(viewFor(c, last, view.role).decisions),
      );
    }
  });

  it("rebuilds an agency's evidence when only what was revealed to it changed", () => {
    const views = viewCache(mini);
    const s: TeamState = {
      ...initialState(mini, 't'),
      evidence: {
        driver_phone: {
          obtained: { order: 'none', interpreter: 'none', consent: 'none', custody: 'kept' },
          time: 0,
          by: 'border_police',
          seq: 1,
          tainted: false,
          taintReasons: [],
        },
      },
    };
    expect(views(s, 'social_work').evidence).toEqual([]);
    const revealed: TeamState = { ...s, reveals: { ...s.reveals, driver_phone: ['social_work'] } };
    expect(views(revealed, 'social_work').evidence.map((e) => e.id)).toEqual(['driver_phone']);
    expect(JSON.stringify(views(revealed, 'social_work'))).toBe(
      JSON.stringify(viewFor(mini, revealed, 'social_work')),
    );
  });
});
