/**
 * The studio's dry-run and preview answer with data, not sentences: each step is its action (type,
 * ids, values) with the scenario's own texts in every language it has, and what the engine did
 * after it as effects of their own kinds. The client words them in the author's language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  studioDryRunSchema,
  studioPreviewSchema,
  type DryRunAction,
  type StudioEffect,
} from '@crossroads/shared';
import { dryRun, previewOption, validateSource } from '../src/studio/studio-work';

const starter = readFileSync(join(__dirname, '..', 'studio-templates', 'starter.yaml'), 'utf8');

const actions: DryRunAction[] = [
  {
    role: 'police',
    type: 'decision.made',
    payload: { decision: 'first_step', option: 'care_first' },
  },
  { role: 'police', type: 'request.sent', payload: { request: 'interpreter' } },
  { role: null, type: 'inject.released', payload: { inject: 'cold_night' } },
  {
    role: 'prosecutor',
    type: 'request.answered',
    payload: { request: 'interpreter', granted: true },
  },
  { role: null, type: 'clock.ticked', payload: { minutes: 30 } },
  {
    role: 'police',
    type: 'decision.made',
    payload: { decision: 'interview', option: 'with_interpreter' },
  },
  {
    role: 'prosecutor',
    type: 'decision.made',
    payload: { decision: 'charge', option: 'charge_driver' },
  },
];

const passengers = {
  id: 'passengers',
  text: { en: 'Four passengers', 'sr-Latn': 'Četiri putnika', mk: 'Четири патници' },
};
const interpreter = {
  id: 'interpreter',
  text: {
    en: 'Certified Arabic interpreter',
    'sr-Latn': 'Ovlašćeni prevodilac za arapski',
    mk: 'Овластен преведувач за арапски',
  },
};

/** The effects of one step, without kinds the step is not about. */
const kinds = (effects: readonly StudioEffect[]) => effects.map((e) => e.kind);

describe('studio dry-run: steps as data', () => {
  const run = studioDryRunSchema.parse(dryRun(starter, actions, 'police'));

  it('accepts the run and gives one step per action, its action as ids with texts', () => {
    expect(run.ok).toBe(true);
    expect(run.steps.map((s) => s.accepted)).toEqual(actions.map(() => true));
    expect(run.steps.map((s) => s.action)).toEqual(run.actions);
    const [decision, sent, inject, answered, tick] = run.steps.map((s) => s.action);
    expect(decision).toEqual({
      type: 'decision.made',
      decision: {
        id: 'first_step',
        text: {
          en: 'What do you do first?',
          'sr-Latn': 'Šta prvo radite?',
          mk: 'Што правите најпрво?',
        },
      },
      option: {
        id: 'care_first',
        text: {
          en: 'Check on the passengers and give them blankets',
          'sr-Latn': 'Proveriti stanje putnika i dati im ćebad',
          mk: 'Да се провери состојбата на патниците и да им се дадат ќебиња',
        },
      },
    });
    expect(sent).toEqual({ type: 'request.sent', request: interpreter });
    expect(inject).toEqual({
      type: 'inject.released',
      inject: {
        id: 'cold_night',
        text: {
          en: 'The temperature drops',
          'sr-Latn': 'Temperatura pada',
          mk: 'Температурата паѓа',
        },
      },
    });
    expect(answered).toEqual({ type: 'request.answered', request: interpreter, granted: true });
    expect(tick).toEqual({ type: 'clock.ticked', minutes: 30 });
  });

  it('keeps the clock before each step (decision 15, answer 30 of the request, tick 30, interview 45)', () => {
    expect(run.steps.map((s) => s.time)).toEqual([0, 15, 15, 15, 45, 75, 120]);
  });

  it('lists what the engine did after each step as effects of their own kinds', () => {
    const [decision, sent, inject, answered, , interview, charge] = run.steps.map((s) => s.effects);
    expect(decision).toEqual([
      { kind: 'act', act: 'triage', persons: [passengers] },
      {
        kind: 'phase',
        phase: { id: 'statements', text: { en: 'Statements', 'sr-Latn': 'Izjave', mk: 'Изјави' } },
      },
    ]);
    expect(sent).toContainEqual({ kind: 'request', request: interpreter, status: 'pending' });
    expect(inject).toContainEqual({
      kind: 'inject',
      inject: {
        id: 'cold_night',
        text: {
          en: 'The temperature drops',
          'sr-Latn': 'Temperatura pada',
          mk: 'Температурата паѓа',
        },
      },
    });
    expect(answered).toContainEqual({ kind: 'request', request: interpreter, status: 'granted' });
    expect(interview).toContainEqual({ kind: 'act', act: 'interview', persons: [passengers] });
    expect(interview).toContainEqual({
      kind: 'evidence',
      evidence: {
        id: 'passenger_statements',
        text: {
          en: "Passengers' statements",
          'sr-Latn': 'Izjave putnika',
          mk: 'Изјави на патниците',
        },
      },
      tainted: false,
      taintReasons: [],
    });
    expect(interview).toContainEqual({ kind: 'fact', fact: 'statements_taken', value: true });
    expect(kinds(charge ?? [])).toEqual(['act', 'ended']);
    expect(charge?.[1]).toEqual({
      kind: 'ended',
      ending: {
        id: 'charged',
        text: {
          en: 'The driver is charged',
          'sr-Latn': 'Vozač je optužen',
          mk: 'Возачот е обвинет',
        },
      },
      endingKind: 'conviction',
    });
    expect(run.ended).toEqual({
      id: 'charged',
      title: {
        en: 'The driver is charged',
        'sr-Latn': 'Vozač je optužen',
        mk: 'Возачот е обвинет',
      },
      kind: 'conviction',
    });
  });

  it('says a tainted statement is tainted, with the reason codes', () => {
    const tainted = studioDryRunSchema.parse(
      dryRun(
        starter,
        [
          actions[0] as DryRunAction,
          {
            role: 'police',
            type: 'decision.made',
            payload: { decision: 'interview', option: 'driver_interprets' },
          },
        ],
        null,
      ),
    );
    const evidence = tainted.steps[1]?.effects.find((e) => e.kind === 'evidence');
    expect(evidence).toMatchObject({ kind: 'evidence', tainted: true });
    expect(evidence?.kind === 'evidence' && evidence.taintReasons.length).toBeGreaterThan(0);
  });

  it('a refused step carries the engine code and no effects', () => {
    const refused = studioDryRunSchema.parse(dryRun(starter, [actions[6] as DryRunAction], null));
    expect(refused.steps[0]).toMatchObject({ accepted: false, effects: [] });
    expect(refused.steps[0]?.code).toMatch(/^engine\//);
  });

  it('gives the facilitator controls and the role list with every language of the scenario', () => {
    const start = studioDryRunSchema.parse(dryRun(starter, [actions[0] as DryRunAction], null));
    expect(start.facilitator.injects).toEqual([
      {
        id: 'cold_night',
        title: {
          en: 'The temperature drops',
          'sr-Latn': 'Temperatura pada',
          mk: 'Температурата паѓа',
        },
        released: false,
      },
    ]);
  });

  it('names actions it cannot resolve by their ids, and a text that does not validate too', () => {
    const unknown = studioDryRunSchema.parse(
      dryRun(starter, [{ role: null, type: 'inject.released', payload: { inject: 'nope' } }], null),
    );
    expect(unknown.actions).toEqual([
      { type: 'inject.released', inject: { id: 'nope', text: null } },
    ]);
    const invalid = studioDryRunSchema.parse(dryRun('id: [', actions.slice(0, 1), null));
    expect(invalid.ok).toBe(false);
    expect(invalid.actions).toEqual([
      {
        type: 'decision.made',
        decision: { id: 'first_step', text: null },
        option: { id: 'care_first', text: null },
      },
    ]);
  });
});

describe('studio preview: path and effects as data', () => {
  it('gives the run before the option as actions, and its effects by kind', () => {
    const preview = studioPreviewSchema.parse(
      previewOption(starter, 'interview', 'driver_interprets'),
    );
    expect(preview.ok).toBe(true);
    expect(preview.path).toEqual([
      {
        role: 'police',
        action: expect.objectContaining({
          type: 'decision.made',
          decision: expect.objectContaining({ id: 'first_step' }),
        }),
      },
    ]);
    expect(preview.effects).toContainEqual({
      kind: 'act',
      act: 'interview',
      persons: [passengers],
    });
    // Scored items keep the rubric's texts in every language they have.
    expect(preview.items.length).toBeGreaterThan(0);
    expect(preview.items.every((i) => typeof i.title === 'object' || i.title !== '')).toBe(true);
  });
});

describe('studio validation: names and titles in every language', () => {
  it('gives agencies (with short names), phases and endings as the scenario writes them', () => {
    const validation = validateSource(starter);
    expect(validation.agencies[0]).toEqual({
      id: 'police',
      name: {
        en: 'Border Police — green border patrol',
        'sr-Latn': 'Granična policija — patrola na zelenoj granici',
        mk: 'Гранична полиција — патрола на зелената граница',
      },
      shortName: { en: 'Border Police', 'sr-Latn': 'Granična policija', mk: 'Гранична полиција' },
      playable: 'required',
    });
    expect(validation.agencies[1]).toEqual({
      id: 'prosecutor',
      name: { en: 'Prosecutor', 'sr-Latn': 'Tužilac', mk: 'Обвинител' },
      playable: 'required',
    });
    expect(validation.graph?.phases[0]).toEqual({
      id: 'stop',
      title: { en: 'The stop', 'sr-Latn': 'Zaustavljanje', mk: 'Запирањето' },
    });
    expect(validation.graph?.endings.find((e) => e.id === 'charged')).toEqual({
      id: 'charged',
      title: {
        en: 'The driver is charged',
        'sr-Latn': 'Vozač je optužen',
        mk: 'Возачот е обвинет',
      },
      kind: 'conviction',
    });
  });

  // The checker holds a declared language to every text: declaring mk and validating is the proof.
  it('the starter template is written in English, Serbian and Macedonian', () => {
    const validation = validateSource(starter);
    expect(validation.errors).toEqual([]);
    expect(validation.languages).toEqual(['en', 'sr-Latn', 'mk']);
  });
});
