import fc from 'fast-check';
import {
  availableActions,
  initialState,
  replay,
  step,
  stepDirect,
  teamStateSchema,
  viewFor,
} from '@crossroads/scenarios';
import type { CompiledScenario, StepEvent, TeamState } from '@crossroads/scenarios';
import { loadCatalogue } from '@crossroads/scenarios/node';
import { loadMini } from './helpers';

const catalogue = loadCatalogue().flatMap((l) =>
  l.ok ? [{ name: l.name, compiled: l.compiled }] : [],
);
const subjects: { name: string; compiled: CompiledScenario; runs: number }[] = [
  { name: 'mini.yaml', compiled: loadMini(), runs: 150 },
  ...catalogue.map((c) => ({ ...c, runs: 25 })),
];

/** Restricted items an agency sees although it is not in their visibleTo. */
function leaks(c: CompiledScenario, s: TeamState): string[] {
  const out: string[] = [];
  for (const role of c.agencies.keys()) {
    const v = viewFor(c, s, role);
    for (const d of v.documents)
      if (d.restricted && !c.documents.get(d.id)?.visibleTo.includes(role))
        out.push(`${role}:${d.id}`);
    for (const e of v.evidence)
      if (e.restricted && !c.evidence.get(e.id)?.visibleTo.includes(role))
        out.push(`${role}:${e.id}`);
  }
  return out;
}

describe.each(subjects)('random play: $name', ({ compiled: c, runs }) => {
  it('never crashes, always yields schema-valid states, never leaks, and replays to the same state', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 60 }),
        (choices) => {
          let s = initialState(c, 'team-p');
          const accepted: StepEvent[] = [];
          let seq = 0;
          for (const [roleIx, actionIx, onlyEnabled] of choices) {
            const roles = [...c.agencies.keys(), null];
            const role = roles[roleIx % roles.length] ?? null;
            const actions = availableActions(c, s, role).filter((a) => !onlyEnabled || a.enabled);
            if (actions.length === 0) continue;
            const a = actions[actionIx % actions.length];
            if (!a) continue;
            const e: StepEvent = {
              seq: ++seq,
              team: 'team-p',
              role,
              participant: null,
              type: a.type,
              payload: a.payload,
            };
            const r = step(c, s, e);
            // an action offered as enabled is accepted; a disabled one is rejected with its reason
            expect(r.ok).toBe(a.enabled);
            if (!r.ok) {
              expect(a.reason?.code).toBe(r.code);
              continue;
            }
            // the machine-free path (used by analysis) agrees with step()
            const direct = stepDirect(c, s, e);
            expect(direct.ok && JSON.stringify(direct.state)).toBe(JSON.stringify(r.state));
            accepted.push(e);
            s = r.state;
            expect(leaks(c, s)).toEqual([]);
          }
          expect(teamStateSchema.safeParse(s).success).toBe(true);
          expect(
            JSON.stringify(replay(c, accepted).teams['team-p'] ?? initialState(c, 'team-p')),
          ).toBe(JSON.stringify(s));
        },
      ),
      { numRuns: runs, seed: 20261129 },
    );
  });
});

describe('garbage in', () => {
  const c = loadMini();
  it('step() rejects arbitrary events without throwing', () => {
    const types = [
      'decision.made',
      'joint.signed',
      'request.sent',
      'request.answered',
      'inject.released',
      'clock.ticked',
      'chat.message',
      'x',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.oneof(
          fc.constant(null),
          fc.constant('facilitator'),
          fc.constantFrom(...c.agencies.keys()),
          fc.string(),
        ),
        fc.anything(),
        fc.record(
          {
            decision: fc.constantFrom('open_van', 'plan', 'nope'),
            option: fc.string(),
            request: fc.constantFrom('search_order', 'x'),
            inject: fc.string(),
            minutes: fc.integer(),
            granted: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        (type, role, junk, payload) => {
          const s = initialState(c, 't');
          for (const p of [junk, payload]) {
            const r = step(c, s, { seq: 1, team: 't', role, participant: null, type, payload: p });
            if (r.ok) expect(teamStateSchema.safeParse(r.state).success).toBe(true);
            else expect(typeof r.message).toBe('string');
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
