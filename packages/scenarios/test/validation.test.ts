import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseScenario,
  scenarioJsonSchema,
  textIn,
  validateScenarioData,
} from '@crossroads/scenarios';
import type { ScenarioError } from '@crossroads/scenarios';
import { miniText, tiny } from './helpers';

const errorsOf = (text: string, format?: 'yaml' | 'json'): ScenarioError[] => {
  const r = parseScenario(text, { format });
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.errors;
};

/** The 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('parseScenario: the fixture', () => {
  it('accepts mini.yaml with no warnings, and the same content as JSON', () => {
    const yaml = parseScenario(miniText());
    expect(yaml.ok).toBe(true);
    expect(yaml.warnings).toEqual([]);
    if (!yaml.ok) return;
    const json = parseScenario(JSON.stringify(yaml.scenario), { format: 'json' });
    expect(json.ok).toBe(true);
    if (json.ok) expect(json.scenario).toEqual(yaml.scenario);
  });

  it('fills defaults (people, decisions, documents)', () => {
    const r = validateScenarioData(
      tiny({ people: [{ id: 'a', name: 'A', kind: 'migrant', languages: [] }] }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.people[0]).toMatchObject({
      whereabouts: 'present',
      asylumExpressed: false,
      vulnerabilities: [],
      smuggled: false,
    });
    expect(r.scenario.phases[0]?.decisions[0]?.repeatable).toBe(false);
  });
});

describe('parseScenario: broken files give path, line and a clear message', () => {
  it('unknown id in a goto', () => {
    const text = miniText().replace('- { goto: screening }', '- { goto: screenin }');
    const [e, ...rest] = errorsOf(text);
    expect(rest).toEqual([]);
    expect(e?.path).toBe('phases[0].decisions[0].options[0].effects[2].goto');
    expect(e?.message).toMatch(/unknown phase "screenin"/);
    expect(e?.message).toMatch(/known: stop, screening, witness_plan, charging/);
    expect(e?.line).toBe(lineOf(text, '{ goto: screenin }'));
  });

  it.each([
    [
      'agency',
      'agencies: [border_police]\n        when:',
      'agencies: [border_policee]\n        when:',
      /unknown agency "border_policee"/,
    ],
    [
      'request',
      'requires: { request: search_order',
      'requires: { request: search_ordr',
      /unknown request "search_ordr"/,
    ],
    [
      'resource',
      'uses: { resource: farsi_interpreter',
      'uses: { resource: farsi',
      /unknown resource "farsi"/,
    ],
    [
      'evidence',
      '- evidence: amir_statement',
      '- evidence: amir_statment',
      /unknown evidence "amir_statment"/,
    ],
    [
      'person',
      '{ act: request_guardian, person: amir }',
      '{ act: request_guardian, person: amirr }',
      /unknown person "amirr"/,
    ],
    ['ending', '{ end: hard_fail }', '{ end: hard_fale }', /unknown ending "hard_fale"/],
    [
      'inject in condition',
      'release: { when: { evidence: driver_phone, status: tainted } }',
      'release: { when: { inject: nothing, released: true } }',
      /unknown inject "nothing"/,
    ],
    [
      'fact',
      '{ set: witness_plan, value: detention }',
      '{ set: witness_plann, value: detention }',
      /unknown fact "witness_plann"/,
    ],
    [
      'document',
      '{ reveal: tip, to: [prosecutor] }',
      '{ reveal: tipp, to: [prosecutor] }',
      /unknown document or evidence "tipp"/,
    ],
  ])('unknown %s', (_what, from, to, message) => {
    const text = miniText().replace(from, to);
    expect(text).not.toBe(miniText());
    const errors = errorsOf(text);
    expect(
      errors.some((e) => message.test(e.message) && typeof e.line === 'number' && e.line > 0),
    ).toBe(true);
  });

  it('an option of another decision in a decided condition', () => {
    const text = miniText().replace(
      'when: { decided: interview_amir }',
      'when: { decided: interview_amir, option: browse }',
    );
    expect(errorsOf(text)[0]?.message).toBe('decision "interview_amir" has no option "browse"');
  });

  it('a cycle of phases with no exit', () => {
    const data = tiny({
      phases: [
        {
          id: 'a',
          title: 'A',
          description: 'd',
          decisions: [
            {
              id: 'da',
              title: 'A',
              prompt: 'p',
              agencies: ['police'],
              repeatable: true,
              options: [
                { id: 'to_b', label: 'to b', timeCost: 1, effects: [{ goto: 'b' }] },
                { id: 'finish', label: 'finish', timeCost: 1, effects: [{ goto: 'c' }] },
              ],
            },
          ],
        },
        {
          id: 'b',
          title: 'B',
          description: 'd',
          decisions: [
            {
              id: 'db',
              title: 'B',
              prompt: 'p',
              agencies: ['police'],
              options: [{ id: 'back', label: 'back', timeCost: 1, effects: [{ goto: 'a' }] }],
            },
          ],
        },
        {
          id: 'c',
          title: 'C',
          description: 'd',
          decisions: [
            {
              id: 'dc',
              title: 'C',
              prompt: 'p',
              agencies: ['police'],
              options: [{ id: 'loop', label: 'loop', timeCost: 1, effects: [{ goto: 'd' }] }],
            },
          ],
        },
        {
          id: 'd',
          title: 'D',
          description: 'd',
          decisions: [
            {
              id: 'dd',
              title: 'D',
              prompt: 'p',
              agencies: ['police'],
              options: [{ id: 'loop2', label: 'loop', timeCost: 1, effects: [{ goto: 'c' }] }],
            },
          ],
        },
      ],
      endings: [{ id: 'done', title: 'Done', description: 'd', kind: 'other' }],
      timeLimitMinutes: 100,
      timeLimitEnding: 'done',
    });
    const r = validateScenarioData(data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const cycle = r.errors.filter((e) => /form a cycle with no exit/.test(e.message));
    expect(cycle.map((e) => e.path).sort()).toEqual([
      'phases[0]',
      'phases[1]',
      'phases[2]',
      'phases[3]',
    ]);
    expect(cycle.find((e) => e.path === 'phases[2]')?.message).toMatch(
      /phases c → d → c form a cycle/,
    );
  });

  it('a phase that reaches no ending when there is no time limit', () => {
    const data = tiny();
    data.phases[0]!.decisions![0]!.options = [
      { id: 'yes', label: 'Yes', timeCost: 1, effects: [] },
    ];
    data.endings = [
      { id: 'done', title: 'Done', description: 'd', kind: 'other', when: undefined },
    ];
    const r = validateScenarioData(data);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => e.message)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/can never happen/),
          expect.stringMatching(/leads to no ending/),
        ]),
      );
  });

  it('code in a condition is rejected (a string, an operator key, a function-like key)', () => {
    const asString = miniText().replace(
      'when: { fact: remote_interpreter, eq: true }',
      "when: 'facts.remote_interpreter == true'",
    );
    const e1 = errorsOf(asString);
    expect(e1).toHaveLength(1);
    expect(e1[0]?.path).toBe('phases[1].decisions[0].options[1].when');
    expect(e1[0]?.message).toMatch(/structured data .* text or code is not allowed/);
    expect(e1[0]?.line).toBe(lineOf(asString, 'facts.remote_interpreter == true'));

    const withEval = miniText().replace(
      'when: { fact: remote_interpreter, eq: true }',
      "when: { fact: remote_interpreter, eval: 'x > 1' }",
    );
    const e2 = errorsOf(withEval);
    expect(e2.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown field "eval"/),
        'a fact condition needs exactly one of eq, ne, gt, gte, lt, lte',
      ]),
    );
    const withJs = miniText().replace(
      'when: { decided: interview_amir }',
      "when: { js: 'state.decisions.length > 0' }",
    );
    expect(errorsOf(withJs)[0]?.message).toMatch(/unknown field "js"|unexpected/);
  });

  it('wrong types', () => {
    const text = miniText()
      .replace('timeCost: 45', 'timeCost: "45"')
      .replace('initial: none', 'initial: 3');
    const errors = errorsOf(text);
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          path: 'phases[1].decisions[0].options[0].timeCost',
          line: lineOf(text, 'timeCost: "45"'),
          message: 'expected number, got the text "45"',
          // The same in data, for an editor to word in its reader's language.
          code: 'expected_type',
          params: { expected: 'number', got: 'text', value: '45' },
        },
        expect.objectContaining({
          path: 'facts[1].initial',
          message: 'an enum fact starts as one of its values (none, deposition, detention)',
        }),
      ]),
    );
  });

  it('a value that does not fit its fact', () => {
    const text = miniText().replace(
      '{ set: witness_plan, value: detention }',
      '{ set: witness_plan, value: jail }',
    );
    expect(errorsOf(text)[0]?.message).toBe(
      'fact "witness_plan" takes one of none, deposition, detention; got "jail"',
    );
  });

  it('unknown act and wrong act parameters', () => {
    const t1 = miniText().replace('{ act: open_vehicle }', '{ act: open_vehicles }');
    expect(errorsOf(t1)[0]).toMatchObject({
      path: 'phases[0].decisions[0].options[0].effects[0].act',
      message: 'unknown act the text "open_vehicles"',
    });
    const t2 = miniText().replace(
      'purpose: screening\n                  interpreter: certified\n',
      'purpose: screening\n',
    );
    expect(errorsOf(t2)[0]).toMatchObject({
      path: 'phases[1].decisions[0].options[0].effects[0].params.interpreter',
      message: 'missing required field "interpreter"',
    });
    const t3 = miniText().replace(
      '{ act: detain, group: all_migrants, params: { place: detention_centre } }',
      '{ act: detain, group: all_migrants, params: { place: hotel } }',
    );
    expect(errorsOf(t3)[0]?.message).toMatch(
      /must be one of "police_cell", "detention_centre", .*\(got the text "hotel"\)/,
    );
  });

  it('additions for the scoring model: detention reasons and review, a deceased person, rubric rule ids in annotations', () => {
    const text = miniText()
      .replace(
        '{ act: detain, group: all_migrants, params: { place: detention_centre } }',
        '{ act: detain, group: all_migrants, params: { place: detention_centre, reasons: true, review: false } }',
      )
      .replace(
        '{ person: amir, set: { guardian: true, whereabouts: reception } }',
        '{ person: amir, set: { guardian: true, whereabouts: deceased } }',
      )
      .replace(
        'annotations: [{ rule: R08, points: -3, axis: rights }]',
        'annotations: [{ rule: RIGHTS.LIBERTY.REVIEWED, points: -3, axis: rights }, { rule: R08, points: -1, axis: rights }]',
      );
    const r = parseScenario(text);
    expect(r.ok ? [] : r.errors).toEqual([]);
    for (const bad of ['R7', 'rights.x.y', 'RIGHTS', 'RIGHTS..X', 'R07; drop']) {
      const t = miniText().replace(
        'annotations: [{ rule: R08, points: -3, axis: rights }]',
        `annotations: [{ rule: '${bad}', points: -3, axis: rights }]`,
      );
      expect(errorsOf(t)[0]?.message).toMatch(/rule ids look like R07 or a rubric rule id/);
    }
    const t = miniText().replace(
      '{ act: detain, group: all_migrants, params: { place: detention_centre } }',
      '{ act: detain, group: all_migrants, params: { place: detention_centre, review: maybe } }',
    );
    expect(errorsOf(t)[0]?.path).toBe('phases[2].decisions[0].options[1].effects[0].params.review');
  });

  it('ties and mentions name people the scenario has: linkedTo, a document or item about someone, who interpreted', () => {
    const withFacts = miniText()
      .replace(
        '    hidden: [asylumExpressed]\n',
        '    hidden: [asylumExpressed]\n    linkedTo: [driver]\n',
      )
      .replace(
        '    visibleTo: [border_police, prosecutor]\n  - id: prosecutor_notes',
        '    visibleTo: [border_police, prosecutor]\n    about: [{ person: amir, age: 15, accompanied: false }]\n  - id: prosecutor_notes',
      )
      .replace(
        '                  interpreter: certified\n                  individual: true\n',
        '                  interpreter: certified\n                  interpretedBy: driver\n                  individual: true\n',
      );
    expect(withFacts).toContain('interpretedBy: driver');
    expect(withFacts).toContain('about: [{ person: amir');
    const r = parseScenario(withFacts);
    expect(r.ok ? [] : r.errors).toEqual([]);
    const messages = (text: string) => errorsOf(text).map((e) => `${e.path}: ${e.message}`);
    expect(messages(withFacts.replace('linkedTo: [driver]', 'linkedTo: [dirver]'))).toEqual([
      expect.stringMatching(/^people\[1\]\.linkedTo\[0\]: unknown person "dirver"/),
    ]);
    expect(messages(withFacts.replace('linkedTo: [driver]', 'linkedTo: [amir]'))).toEqual([
      'people[1].linkedTo[0]: a person cannot be linked to themselves',
    ]);
    expect(messages(withFacts.replace('about: [{ person: amir', 'about: [{ person: amr'))).toEqual([
      expect.stringMatching(/^documents\[0\]\.about\[0\]\.person: unknown person "amr"/),
    ]);
    expect(messages(withFacts.replace('interpretedBy: driver', 'interpretedBy: drv'))).toEqual([
      expect.stringMatching(/\.params\.interpretedBy: unknown person "drv"/),
    ]);
  });

  it('the officers acting on a person when harmed are agencies the scenario has', () => {
    const withOfficers = miniText().replace(
      '    hidden: [asylumExpressed]\n',
      '    hidden: [asylumExpressed]\n    stateAgentsPresent: [border_police]\n',
    );
    expect(withOfficers).toContain('stateAgentsPresent: [border_police]');
    const r = parseScenario(withOfficers);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(
      errorsOf(
        withOfficers.replace(
          'stateAgentsPresent: [border_police]',
          'stateAgentsPresent: [border_pol]',
        ),
      ).map((e) => `${e.path}: ${e.message}`),
    ).toEqual([
      expect.stringMatching(/^people\[1\]\.stateAgentsPresent\[0\]: unknown agency "border_pol"/),
    ]);
  });

  it('duplicate ids', () => {
    const text = miniText().replace('  - id: prosecutor_notes', '  - id: tip');
    expect(errorsOf(text)[0]).toMatchObject({
      path: 'documents[1].id',
      message: 'duplicate document id "tip"',
    });
  });

  // An editor words these in its reader's language from the code and its values.
  it('the common problems carry a code and their values beside the English words', () => {
    const goto = errorsOf(miniText().replace('- { goto: screening }', '- { goto: screenin }'))[0];
    expect(goto).toMatchObject({
      code: 'unknown_ref',
      params: { what: 'phase', id: 'screenin', known: 'stop, screening, witness_plan, charging' },
    });
    const duplicate = errorsOf(miniText().replace('  - id: prosecutor_notes', '  - id: tip'))[0];
    expect(duplicate).toMatchObject({
      code: 'duplicate_id',
      params: { what: 'document', id: 'tip' },
    });
    const prose = parseScenario('Just some notes.');
    expect(prose.ok ? [] : prose.errors).toEqual([
      expect.objectContaining({
        code: 'expected_type',
        params: { expected: 'object', got: 'text', value: 'Just some notes.' },
      }),
    ]);
    const shapes = errorsOf(
      miniText()
        .replace('timeCost: 45', 'timeCots: 45')
        .replace('kind: conviction', 'kind: convicton'),
    );
    expect(shapes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown_field', params: { field: 'timeCots' } }),
        expect.objectContaining({ code: 'missing_field', params: { field: 'timeCost' } }),
        expect.objectContaining({
          code: 'one_of',
          params: expect.objectContaining({ got: 'text', value: 'convicton' }),
        }),
      ]),
    );
  });

  it('a decision taken by an agency nobody plays', () => {
    const text = miniText().replace(
      'agencies: [prosecutor]\n        options:',
      'agencies: [interpreter_pool]\n        options:',
    );
    expect(errorsOf(text)[0]?.message).toBe(
      'agency "interpreter_pool" is played by the facilitator only, so it cannot take decisions',
    );
  });

  it('a text split at a comma in a flow mapping gets a hint', () => {
    const text = miniText().replace(
      "label:\n              en: 'Open, ventilate and give first aid'\n              sr-Latn: 'Otvoriti, provetriti i pružiti prvu pomoć'",
      'label: { en: Open, ventilate and give first aid }',
    );
    expect(errorsOf(text)[0]?.message).toMatch(
      /looks like a text split at a comma; put the whole text in quotes/,
    );
  });

  it('YAML and JSON syntax errors point at a line', () => {
    const bad = miniText().replace('version: 1.0.0', 'version: [1.0.0');
    const [e] = errorsOf(bad);
    expect(e?.message).toMatch(/^not valid YAML/);
    expect(e?.line).toBeGreaterThan(0);
    const json = '{\n  "id": "x",\n  "version": \n}';
    const [j] = errorsOf(json, 'json');
    expect(j?.message).toMatch(/^not valid JSON/);
    expect(j?.line).toBe(4);
  });

  it('one misplaced line is one YAML error at that line, saying what to line up', () => {
    // An option's "- id:" moved two columns left: the parser reports seven follow-on errors.
    const dedented = miniText().replace('          - id: remote\n', '        - id: remote\n');
    const errors = errorsOf(dedented);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(lineOf(dedented, '        - id: remote'));
    expect(errors[0]?.message).toMatch(
      /^not valid YAML: this line does not line up with the lines it belongs with: the items of a list start in the same column/,
    );
    // A tab used to indent says so.
    const tabbed = miniText().replace('            timeCost: 45\n', '\t    timeCost: 45\n');
    const [tab, ...rest] = errorsOf(tabbed);
    expect(rest).toEqual([]);
    expect(tab?.line).toBe(lineOf(tabbed, '\t    timeCost: 45'));
    expect(tab?.message).toMatch(
      /^not valid YAML: this line is indented with a tab: indent with spaces only/,
    );
  });

  it('a field indented into the text above it is told as indented too far, once', () => {
    const text = miniText().replace(
      '              sr-Latn: Pozvati dežurnog ovlašćenog prevodioca\n            timeCost: 45\n',
      '              sr-Latn: Pozvati dežurnog ovlašćenog prevodioca\n              timeCost: 45\n',
    );
    expect(errorsOf(text)).toEqual([
      {
        path: 'phases[1].decisions[0].options[0].label',
        line: lineOf(text, '              timeCost: 45'),
        message:
          'unknown field "timeCost" inside the text "label", which holds only its languages (en, sr-Latn, mk, sq, bs): if "timeCost" is a field of its own, it is indented too far; start it in the same column as "label"',
        code: 'field_inside_text',
        params: { field: 'timeCost', text: 'label' },
      },
    ]);
  });

  it('a clock time where scenario minutes are due is told as such, at the field of the kind meant', () => {
    // `release` is "facilitator", "effect" or a map: a map with `at` is the timed kind, whose
    // value is wrong, not a misspelt "facilitator".
    const text = miniText().replace('release: { at: 240 }', "release: { at: '04:00' }");
    expect(errorsOf(text)).toEqual([
      {
        path: 'injects[0].release.at',
        line: lineOf(text, "release: { at: '04:00' }"),
        message:
          'expected a number of scenario minutes (counted from the start of the case, e.g. 45), got the clock time "04:00"; only startTime is written as a clock time',
        code: 'clock_time_not_minutes',
        params: { value: '04:00' },
      },
    ]);
  });

  it('deep nesting is one clear error, found before the parser can overflow the stack', () => {
    const depth = 20_000;
    const flow = `${miniText()}\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const block = `${miniText()}\nx:\n${'- '.repeat(depth)}a\n`;
    const json = `{"x": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    for (const [text, format, line] of [
      [flow, 'yaml', lineOf(flow, 'x: [')],
      [block, 'yaml', lineOf(block, 'x:') + 1],
      [json, 'json', 1],
    ] as const) {
      expect(errorsOf(text, format)).toEqual([
        {
          path: '',
          line,
          message: 'nested too deeply: more than 64 levels of lists and maps',
          code: 'too_deep',
          params: { max: '64' },
        },
      ]);
    }
  });

  it('a declared language missing on a text is an error at that text, with its line', () => {
    const text = miniText()
      .replace(
        'title:\n  en: Van at Kelebija\n  sr-Latn: Kombi kod Kelebije',
        'title: Van at Kelebija',
      )
      .replace(
        "label:\n              en: 'Open, ventilate and give first aid'\n              sr-Latn: 'Otvoriti, provetriti i pružiti prvu pomoć'",
        "label:\n              en: 'Open, ventilate and give first aid'",
      );
    const r = parseScenario(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const message = 'no sr-Latn translation, although the scenario declares sr-Latn in languages';
    const coded = { code: 'no_translation', params: { lang: 'sr-Latn' } };
    expect(r.errors).toEqual([
      { path: 'title', line: lineOf(text, 'title: Van at Kelebija'), message, ...coded },
      {
        path: 'phases[0].decisions[0].options[0].label',
        line: lineOf(text, "en: 'Open, ventilate and give first aid'"),
        message,
        ...coded,
      },
    ]);
  });

  describe('missing translations come with the other errors, not after them', () => {
    const MESSAGE = 'no sr-Latn translation, although the scenario declares sr-Latn in languages';
    /** mini.yaml with an English-only title (line 3 or so) and the label of option 0 English only. */
    const untranslated = () =>
      miniText()
        .replace(
          'title:\n  en: Van at Kelebija\n  sr-Latn: Kombi kod Kelebije',
          'title: Van at Kelebija',
        )
        .replace(
          'label:\n              en: Call the certified interpreter on duty\n              sr-Latn: Pozvati dežurnog ovlašćenog prevodioca',
          'label:\n              en: Call the certified interpreter on duty',
        );

    it('beside a reference error (an unknown resource)', () => {
      const text = untranslated().replace(
        'uses: { resource: farsi_interpreter, count: 1 }',
        'uses: { resource: farsi_interpreterr, count: 1 }',
      );
      const errors = errorsOf(text);
      expect(errors.map((e) => [e.path, e.message.slice(0, 30)])).toEqual([
        ['phases[1].decisions[0].options[0].uses.resource', 'unknown resource "farsi_interp'],
        ['title', MESSAGE.slice(0, 30)],
        ['phases[1].decisions[0].options[0].label', MESSAGE.slice(0, 30)],
      ]);
      expect(errors[1]?.line).toBe(lineOf(text, 'title: Van at Kelebija'));
      expect(errors[2]?.line).toBe(lineOf(text, 'en: Call the certified interpreter on duty'));
    });

    it('beside a shape error (a misspelt field), with their lines', () => {
      const text = untranslated().replace(
        '            timeCost: 45\n',
        '            timeCosts: 45\n',
      );
      const errors = errorsOf(text);
      expect(errors.map((e) => [e.path, e.line, e.message.slice(0, 30)])).toEqual([
        [
          'phases[1].decisions[0].options[0].timeCost',
          lineOf(text, '- id: certified'),
          'missing required field "timeCo',
        ],
        [
          'phases[1].decisions[0].options[0]',
          lineOf(text, 'timeCosts: 45'),
          'unknown field "timeCosts" (che',
        ],
        ['title', lineOf(text, 'title: Van at Kelebija'), MESSAGE.slice(0, 30)],
        [
          'phases[1].decisions[0].options[0].label',
          lineOf(text, 'en: Call the certified interpreter on duty'),
          MESSAGE.slice(0, 30),
        ],
      ]);
    });

    it('but not under a part whose shape is unknown (that text comes once the part is fixed)', () => {
      // An effect of no known kind: whether its "reason" is a text is not known yet.
      const text = untranslated().replace(
        '              - { goto: screening }\n',
        '              - { goto: screening }\n              - { act: bogus, reason: Why }\n',
      );
      const errors = errorsOf(text);
      expect(errors.map((e) => e.path)).toEqual([
        'phases[0].decisions[0].options[0].effects[3].act',
        'title',
        'phases[1].decisions[0].options[0].label',
      ]);
      // Nor when the languages list itself is wrong: which languages are declared is not known.
      const broken = untranslated().replace(
        'languages: [en, sr-Latn]',
        'languages: [en, sr-Latn, xx]',
      );
      expect(errorsOf(broken).some((e) => e.message.startsWith('no sr-Latn'))).toBe(false);
    });
  });

  it('English-only texts are fine in a scenario that does not declare sr-Latn', () => {
    const text = miniText()
      .replace('languages: [en, sr-Latn]', 'languages: [en]')
      .replace(
        'title:\n  en: Van at Kelebija\n  sr-Latn: Kombi kod Kelebije',
        'title: Van at Kelebija',
      );
    const r = parseScenario(text);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('Macedonian, Albanian and Bosnian may stand beside English on any text', () => {
    const text = miniText().replace(
      'title:\n  en: Van at Kelebija\n  sr-Latn: Kombi kod Kelebije',
      'title:\n  en: Van at Kelebija\n  sr-Latn: Kombi kod Kelebije\n  mk: Комбе кај Келебија\n  sq: Furgoni në Kelebija\n  bs: Kombi kod Kelebije',
    );
    const r = parseScenario(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.title).toMatchObject({ mk: 'Комбе кај Келебија', sq: 'Furgoni në Kelebija' });
    expect(textIn(r.scenario.title, 'mk')).toBe('Комбе кај Келебија');
    // A language the text lacks falls back to English.
    expect(textIn(r.scenario.summary, 'sq')).toBe(textIn(r.scenario.summary, 'en'));
  });

  it('a language outside the five is refused on a text and in languages', () => {
    const onText = miniText().replace(
      'title:\n  en: Van at Kelebija\n  sr-Latn: Kombi kod Kelebije',
      'title:\n  en: Van at Kelebija\n  sr-Latn: Kombi kod Kelebije\n  hr: Kombi kod Kelebije',
    );
    expect(parseScenario(onText).ok).toBe(false);
    const declared = miniText().replace('languages: [en, sr-Latn]', 'languages: [en, sr-Latn, hr]');
    expect(errorsOf(declared)[0]?.path).toBe('languages[2]');
  });

  it.each(['mk', 'sq', 'bs'])(
    'declaring %s requires it on every text, each gap reported with its line',
    (lang) => {
      const declared = miniText()
        .replace('languages: [en, sr-Latn]', `languages: [en, sr-Latn, ${lang}]`)
        .replace(
          'title:\n  en: Van at Kelebija\n  sr-Latn: Kombi kod Kelebije',
          `title:\n  en: Van at Kelebija\n  sr-Latn: Kombi kod Kelebije\n  ${lang}: X`,
        );
      const errors = errorsOf(declared);
      expect(errors.length).toBe(21);
      expect(errors[0]).toMatchObject({
        message: `no ${lang} translation, although the scenario declares ${lang} in languages`,
      });
      expect(errors[0]?.path).not.toBe('title');
      expect(errors[0]?.line).toBeGreaterThan(0);
    },
  );

  it('many untranslated texts: the first 20 are listed one by one, then how many there are', () => {
    const text = miniText().replace(/^ *sr-Latn: .*\n/gm, '');
    const errors = errorsOf(text);
    expect(errors).toHaveLength(21);
    expect(errors.slice(0, 20).every((e) => e.message.startsWith('no sr-Latn translation'))).toBe(
      true,
    );
    // a text written as a map is placed on its first line (here the English)
    expect(errors[0]).toMatchObject({ path: 'title', line: lineOf(text, 'en: Van at Kelebija') });
    expect(errors[20]).toMatchObject({
      path: 'languages',
      message: expect.stringMatching(
        /^\d+ texts have no sr-Latn translation \(the first 20 are listed\); translate them or remove sr-Latn from languages$/,
      ) as unknown,
    });
    const count = Number(/^(\d+)/.exec(errors[20]?.message ?? '')?.[1]);
    expect(count).toBe((miniText().match(/^ *sr-Latn: /gm) ?? []).length);
  });
});

describe('parseScenario: texts have a length limit and no invisible control characters', () => {
  const TITLE = 'title:\n  en: Van at Kelebija';
  const SUMMARY =
    'summary:\n  en: A border patrol stops a van with seven people inside, one of them a boy who says he is 16.';
  const withTitle = (yaml: string) => miniText().replace(TITLE, `title:\n  en: ${yaml}`);
  const withSummary = (yaml: string) => miniText().replace(SUMMARY, `summary:\n  en: ${yaml}`);

  it('a short text (a title) has at most 500 characters, a long one (a summary) 10,000', () => {
    expect(parseScenario(withTitle('x'.repeat(500))).ok).toBe(true);
    const huge = withTitle('x'.repeat(900_000));
    expect(errorsOf(huge)).toEqual([
      {
        path: 'title.en',
        line: lineOf(huge, 'xxxx'),
        message:
          'a short text (title, name, label) has at most 500 characters; this one has 900000',
        code: 'text_too_long',
        params: { kind: 'short', max: '500', length: '900000' },
      },
    ]);
    expect(parseScenario(withSummary('x'.repeat(10_000))).ok).toBe(true);
    expect(errorsOf(withSummary('x'.repeat(10_001)))).toMatchObject([
      {
        path: 'summary.en',
        message:
          'a long text (description, body, briefing, prompt) has at most 10000 characters; this one has 10001',
        code: 'text_too_long',
        params: { kind: 'long', max: '10000', length: '10001' },
      },
    ]);
  });

  it('control and bidirectional override or isolate characters are refused, naming path and character', () => {
    const cases: [string, string, Record<string, string>][] = [
      [
        withTitle('"Van\\0 at Kelebija"'),
        'control character U+0000 at character 4; a short text is one line without control characters',
        { code: 'control_character', kind: 'short', char: 'U+0000', at: '4' },
      ],
      [
        withTitle('"Van at \u202Eajibelek"'),
        'bidirectional override or isolate character U+202E at character 8; it can make a text display other than it reads, so it is not allowed',
        { code: 'bidi_character', char: 'U+202E', at: '8' },
      ],
      [
        withTitle('"Van \u2066at\u2069 Kelebija"'),
        'bidirectional override or isolate character U+2066 at character 5; it can make a text display other than it reads, so it is not allowed',
        { code: 'bidi_character', char: 'U+2066', at: '5' },
      ],
      [
        withTitle('"Van\\nat Kelebija"'),
        'control character U+000A at character 4; a short text is one line without control characters',
        { code: 'control_character', kind: 'short', char: 'U+000A', at: '4' },
      ],
    ];
    for (const [text, message, { code, ...params }] of cases)
      expect(errorsOf(text)).toEqual([
        { path: 'title.en', line: lineOf(text, 'title:') + 1, message, code, params },
      ]);
    expect(errorsOf(withSummary('"A van\\x1b[2J stops"'))).toMatchObject([
      {
        path: 'summary.en',
        message: 'control character U+001B at character 6; only newline and tab are allowed',
        code: 'control_character',
        params: { kind: 'long', char: 'U+001B', at: '6' },
      },
    ]);
  });

  it('a long text may hold newlines and tabs', () => {
    const r = parseScenario(withSummary('"A van stops.\\n\\tSeven people are inside."'));
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(textIn(r.scenario.summary, 'en')).toBe('A van stops.\n\tSeven people are inside.');
  });
});

describe('JSON Schema export', () => {
  it('schema/scenario.schema.json is up to date (regenerate: npm run scenarios:check -- --write-schema)', () => {
    const file = join(__dirname, '..', 'schema', 'scenario.schema.json');
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect(onDisk).toEqual(scenarioJsonSchema());
  });

  it('describes conditions as strict objects (no code strings)', () => {
    const text = JSON.stringify(scenarioJsonSchema());
    expect(text).toContain('"additionalProperties":false');
    expect(text).toContain('"interview"');
  });
});

describe('README', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

  it('shows the fixture verbatim as its complete example', () => {
    const section = readme.split('## A small complete example')[1] ?? '';
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBe(miniText());
  });

  it('keeps the heading the scoring helper fills in', () => {
    expect(readme).toContain('\n## Event log and debrief\n');
  });
});

describe('parseScenario: a resource name does not repeat its hours', () => {
  const NAME = 'en: Certified Farsi interpreter (on duty)';

  it('warns at the name when it gives clock hours or days (players are told them from "available")', () => {
    for (const [name, hours] of [
      ['Certified Farsi interpreter (from 02:00)', '02:00'],
      ['Certified Farsi interpreter — days 2 and 3 only', 'days 2'],
    ] as const) {
      const text = miniText().replace(NAME, `en: ${name}`);
      const r = parseScenario(text);
      expect(r.ok).toBe(true);
      expect(r.warnings).toEqual([
        {
          path: 'resources[0].name',
          line: lineOf(text, `en: ${name}`),
          message: `the name of resource "farsi_interpreter" gives its hours ("${hours}"): players are told when it is free from its "available" times, so leave the hours out of the name (else they are said twice)`,
          code: 'hours_in_resource_name',
          params: { resource: 'farsi_interpreter', hours },
        },
      ]);
    }
  });

  it('no catalogue resource gives its hours in its name', () => {
    const dir = join(__dirname, '..', 'catalogue');
    const named = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) =>
        parseScenario(readFileSync(join(dir, f), 'utf8'), { file: f }).warnings.filter((w) =>
          w.path.startsWith('resources'),
        ),
      );
    expect(named).toEqual([]);
  });
});
