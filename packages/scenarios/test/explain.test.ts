import fc from 'fast-check';
import {
  availableActions,
  explainOption,
  explainRequest,
  initialState,
  step,
  type CompiledScenario,
  type Option,
  type StepEvent,
  type TeamState,
} from '@crossroads/scenarios';
import { loadCatalogue } from '@crossroads/scenarios/node';

const catalogue = loadCatalogue().flatMap((l) =>
  l.ok ? [{ name: l.name, compiled: l.compiled }] : [],
);
const flagship = catalogue.find((l) => l.compiled.id === 'reefer-horgos')!.compiled;

/** What a trainee must never read: engine ids and condition syntax. */
const ENGINE_WORDS =
  /\b(?:req|inj|ev|d|o|p|doc|ph)_[a-z0-9_]+|\b[a-z]+_[a-z_]+\b|[=≠≥≤]|\bneeds request\b/;

/** Every greyed option and request of every agency in `s`, with its explanation. */
function greyed(c: CompiledScenario, s: TeamState) {
  const out: { what: string; why: ReturnType<typeof explainOption> }[] = [];
  for (const role of c.playable) {
    for (const a of availableActions(c, s, role)) {
      if (a.enabled) continue;
      if (a.type === 'decision.made' || a.type === 'joint.signed')
        out.push({
          what: `${a.decision}/${a.payload.option}`,
          why: explainOption(c, s, a.decision, a.payload.option),
        });
      if (a.type === 'request.sent')
        out.push({ what: a.payload.request, why: explainRequest(c, s, a.payload.request) });
    }
  }
  return out;
}

describe('why an option is greyed out, in the trainee’s language', () => {
  it('names the request by its title in English and in Serbian, never by its id', () => {
    const s = initialState(flagship, 'team-a');
    // The flagship's driver interview in Arabic: `when: { request: req_interp_arabic, status: granted }`.
    const onRequest = (x: Option) => x.when !== undefined && 'request' in x.when;
    const d = [...flagship.decisions.values()].find((x) =>
      [...x.options.values()].some(onRequest),
    )!;
    const o = [...d.options.values()].find(onRequest)!;
    const request = flagship.requests.get((o.when as { request: string }).request)!;
    const why = explainOption(flagship, { ...s, phase: d.phase }, d.def.id, o.id)!;
    const title = request.title as { en: string; 'sr-Latn': string };
    expect(why.en).toContain(`“${title.en}” granted`);
    expect(why['sr-Latn']).toContain(`„${title['sr-Latn']}“`);
    expect(why.en).not.toMatch(ENGINE_WORDS);
    expect(why['sr-Latn']).toMatch(/odobren|odobrenje/);
    expect(why['sr-Latn']).toMatch(/„.+“/);
    expect(why['sr-Latn']).not.toBe(why.en);
    // Every interface language has its own words, not the English.
    for (const language of ['mk', 'sq', 'bs'] as const) {
      expect(why[language]).toMatch(/„.+“/);
      expect(why[language]).not.toContain('granted');
    }
  });

  it('explains a choice that depends on an earlier decision by that decision’s own words', () => {
    const s = initialState(flagship, 'team-a');
    // The screening with Wali interpreting needs wali_role = all, set by the decision on Wali.
    const d = [...flagship.decisions.values()].find((x) =>
      [...x.options.values()].some(
        (o) => o.when && 'fact' in o.when && o.when.fact === 'wali_role',
      ),
    )!;
    const o = [...d.options.values()].find((x) => x.when && 'fact' in x.when)!;
    const wali = [...flagship.decisions.values()].find((x) =>
      [...x.options.values()].some((opt) =>
        opt.effects.some((e) => 'value' in e && e.set === 'wali_role' && e.value === 'all'),
      ),
    )!;
    const phaseState = { ...s, phase: d.phase };
    const why = explainOption(flagship, phaseState, d.def.id, o.id)!;
    const title = wali.def.title as { en: string; 'sr-Latn': string };
    expect(why.en).toContain(title.en);
    expect(why['sr-Latn']).toContain(title['sr-Latn']);
    expect(why.en).not.toMatch(ENGINE_WORDS);
  });

  it.each(catalogue)(
    '$name: every greyed option along random play is explained without engine ids',
    ({ compiled: c }) => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 40 }),
          (choices) => {
            let s = initialState(c, 'team-p');
            let seq = 0;
            for (const [roleIx, actionIx] of choices) {
              for (const g of greyed(c, s)) {
                if (!g.why) continue;
                expect({ what: g.what, en: g.why.en }).not.toEqual(
                  expect.objectContaining({ en: expect.stringMatching(ENGINE_WORDS) }),
                );
                expect({ what: g.what, sr: g.why['sr-Latn'] }).not.toEqual(
                  expect.objectContaining({ sr: expect.stringMatching(ENGINE_WORDS) }),
                );
              }
              const roles = [...c.playable, null];
              const role = roles[roleIx % roles.length] ?? null;
              const actions = availableActions(c, s, role).filter((a) => a.enabled);
              const a = actions[actionIx % Math.max(actions.length, 1)];
              if (!a) continue;
              const e: StepEvent = {
                seq: ++seq,
                team: 'team-p',
                role,
                participant: null,
                type: a.type,
                payload: a.payload,
              } as StepEvent;
              const r = step(c, s, e);
              if (r.ok) s = r.state;
            }
          },
        ),
        { numRuns: 15 },
      );
    },
  );
});
