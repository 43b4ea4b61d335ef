import { debriefSchema } from '@crossroads/shared';
import { checkpoints, runningPoints, scorePoints, valueAt } from '../src/debrief/chartData';
import { decisionPoints, pathMatrix, teamPath } from '../src/debrief/compare';
import { csvCell, scoredItemsCsv, SCORED_ITEM_COLUMNS, teamScoresCsv } from '../src/debrief/csv';
import {
  fromDebriefFile,
  notesFromEvents,
  parseEventLines,
  participantNames,
  toDebriefFile,
} from '../src/debrief/model';
import { clock, pick, sessionIdFrom, signed } from '../src/debrief/text';
import { ALL, filterOptions, filterTimeline, NO_FILTER, placeNotes } from '../src/debrief/timeline';
import {
  fixtureContext,
  fixtureDebrief,
  noCaseDebrief,
  REFUSAL_REASON,
  withRequestAnswers,
} from './debrief-fixture';

const teamOf = (id: string) => {
  const team = fixtureDebrief.teams.find((t) => t.team === id);
  if (!team) throw new Error(`no ${id}`);
  return team;
};

/** Parses CSV text (RFC 4180 quoting) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r') continue;
    else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

describe('debrief schema', () => {
  test('accepts the scoring JSON shape and drops unknown keys', () => {
    const withExtra = { ...fixtureDebrief, extra: 1 };
    const parsed = debriefSchema.safeParse(withExtra);
    expect(parsed.success).toBe(true);
    expect(parsed.success && 'extra' in parsed.data).toBe(false);
  });

  test('rejects a body that is not a debrief (the server fallback, a wrong format)', () => {
    expect(debriefSchema.safeParse({ scoring: 'unavailable', teams: [] }).success).toBe(false);
    expect(debriefSchema.safeParse({ ...fixtureDebrief, format: 'other/1' }).success).toBe(false);
  });

  test('picks the current language and falls back to English', () => {
    expect(pick({ en: 'Door', 'sr-Latn': 'Vrata' }, 'sr-Latn')).toBe('Vrata');
    expect(pick({ en: 'Door' }, 'sr-Latn')).toBe('Door');
    expect(pick('Plain', 'sr-Latn')).toBe('Plain');
    expect(signed(3, 'en')).toBe('+3');
    expect(signed(-2, 'en')).toBe('\u22122');
    const t = (key: string, options: { value?: string; day?: number; time?: string }) =>
      key === 'units.dayClock' ? `D${options.day} ${options.time}` : `${options.value} ${key}`;
    expect(clock(t, 90, 'en', undefined)).toBe('T+01:30');
    expect(clock(t, 3480, 'en', undefined)).toBe('T+2 units.days 10:00');
    // A scenario that says when Day 1 starts: the day and the time of day, as the live views read.
    expect(clock(t, 90, 'en', '03:10')).toBe('D1 04:40');
    expect(clock(t, 1250.4, 'en', '03:10')).toBe('D2 00:00');
  });
});

describe('timeline filters', () => {
  const a = teamOf('team-a');

  test('no filter shows every entry with its deltas', () => {
    const rows = filterTimeline(a, NO_FILTER);
    expect(rows.map((r) => r.entry.seq)).toEqual([2, 3, 5]);
    expect(rows[2]?.delta).toEqual({ evidence: 3, rights: 1 });
  });

  test('by agency keeps entries of that agency and items it caused', () => {
    const rows = filterTimeline(a, { ...NO_FILTER, agency: 'prosecutor' });
    expect(rows.map((r) => r.entry.seq)).toEqual([5]);
    expect(rows[0]?.items.every((i) => i.role === 'prosecutor')).toBe(true);
  });

  test('an item of a joint decision is shown under every agency that signed it', () => {
    const first = a.items[0];
    if (!first) throw new Error('no item');
    expect(first.role).toBe('border_police');
    const byProsecutor = (team: typeof a) =>
      filterTimeline(team, { ...NO_FILTER, agency: 'prosecutor' }).flatMap((r) =>
        r.items.map((i) => i.key),
      );
    expect(byProsecutor(a)).not.toContain(first.key);
    const joint = {
      ...a,
      items: a.items.map((i) =>
        i === first ? { ...i, roles: ['border_police', 'prosecutor'] } : i,
      ),
    };
    expect(byProsecutor(joint)).toContain(first.key);
    expect(filterOptions(joint).agencies).toEqual(['border_police', 'prosecutor']);
    const context = fixtureContext();
    context.debrief = { ...context.debrief, teams: [joint] };
    const rows = parseCsv(scoredItemsCsv(context.debrief, 'en', context));
    const agency = SCORED_ITEM_COLUMNS.indexOf('agency');
    expect(rows[1]?.[agency]).toBe('border_police + prosecutor');
  });

  test('an item several trainees are responsible for (a joint decision) is shown and exported under each of them', () => {
    const first = a.items[0];
    if (!first) throw new Error('no item');
    expect(first.participant).toBe('team-a-p1');
    const byMarko = (team: typeof a) =>
      filterTimeline(team, { ...NO_FILTER, participant: 'team-a-p2' }).flatMap((r) =>
        r.items.map((i) => i.key),
      );
    expect(byMarko(a)).not.toContain(first.key);
    const joint = {
      ...a,
      items: a.items.map((i) =>
        i === first
          ? {
              ...i,
              roles: ['border_police', 'prosecutor'],
              participants: ['team-a-p1', 'team-a-p2'],
            }
          : i,
      ),
    };
    // The wire schema keeps who signed (an unknown key would be dropped).
    const parsed = debriefSchema.parse({ ...fixtureDebrief, teams: [joint] });
    expect(parsed.teams[0]?.items[0]?.participants).toEqual(['team-a-p1', 'team-a-p2']);
    expect(byMarko(joint)).toContain(first.key);
    expect(
      filterTimeline(joint, { ...NO_FILTER, participant: 'team-a-p1' }).flatMap((r) =>
        r.items.map((i) => i.key),
      ),
    ).toContain(first.key);
    expect(filterOptions(joint).participants).toEqual(['team-a-p1', 'team-a-p2']);
    const context = fixtureContext();
    context.debrief = { ...context.debrief, teams: [joint] };
    const rows = parseCsv(scoredItemsCsv(context.debrief, 'en', context));
    const participant = SCORED_ITEM_COLUMNS.indexOf('participant');
    expect(rows[1]?.[participant]).toBe('Ana + Marko');
  });

  test('by participant, and only scored entries', () => {
    expect(
      filterTimeline(a, { ...NO_FILTER, participant: 'team-a-p1' }).map((r) => r.entry.seq),
    ).toEqual([2]);
    expect(filterTimeline(a, { ...NO_FILTER, scoredOnly: true }).map((r) => r.entry.seq)).toEqual([
      2, 5,
    ]);
    expect(filterTimeline(a, { agency: 'nobody', participant: ALL, scoredOnly: false })).toEqual(
      [],
    );
  });

  test('not-counted items are listed but add nothing to the delta', () => {
    const b = teamOf('team-b');
    const row = filterTimeline(b, NO_FILTER).find((r) => r.entry.seq === 9);
    expect(row?.items).toHaveLength(1);
    expect(row?.delta).toEqual({ evidence: 0, rights: 0 });
  });

  test('a red line is flagged on its row', () => {
    const rows = filterTimeline(teamOf('team-b'), NO_FILTER);
    expect(rows.map((r) => r.redLine)).toEqual([true, false]);
  });

  test('notes sit at their event, or the last entry before it, in their own team only', () => {
    const { notes } = fixtureContext();
    const placedA = placeNotes(a.timeline, notes, 'team-a');
    // Note about seq 4 (no entry in team A) goes to the entry at seq 3.
    expect([...placedA.entries()].map(([e, n]) => [e.seq, n.map((x) => x.text)])).toEqual([
      [3, ['Good teamwork']],
    ]);
    const placedB = placeNotes(teamOf('team-b').timeline, notes, 'team-b');
    expect([...placedB.entries()].map(([e, n]) => [e.seq, n.length])).toEqual([[6, 1]]);
    const session = placeNotes(a.timeline, [{ ...notes[0]!, team: null, about: 1 }], 'team-a');
    expect([...session.keys()].map((e) => e.seq)).toEqual([2]);
  });
});

describe('team comparison', () => {
  test('counts who chose what, marks the best and the majority', () => {
    const [doors, charge] = decisionPoints(fixtureDebrief);
    expect(doors?.teams).toBe(3);
    expect(doors?.deciding).toBe(3);
    expect(doors?.options.map((o) => [o.option, o.count, o.best, o.mostChosen])).toEqual([
      ['o_good', 2, true, true],
      ['o_bad', 1, false, false],
      ['o_wait', 0, false, false],
    ]);
    expect(doors?.majority?.option).toBe('o_good');
    expect(charge?.deciding).toBe(2);
    expect(charge?.best?.option).toBe('o_lawful');
  });

  test("a team's path is set against the others' choices", () => {
    const path = teamPath(fixtureDebrief, 'team-b');
    expect(path.map((s) => [s.decision, s.option, s.best])).toEqual([
      ['d1', 'o_bad', false],
      ['d2', 'o_lawful', true],
    ]);
    expect(path[0]?.sameAsOthers).toEqual([]);
    expect(path[0]?.differentFromOthers).toEqual(['team-a', 'team-c']);
    expect(path[0]?.bestOption?.option).toBe('o_good');
    expect(path[1]?.sameAsOthers).toEqual(['team-a']);
  });

  test('the path matrix shows each team per decision and marks splits', () => {
    const rows = pathMatrix(fixtureDebrief);
    expect(rows.map((r) => [r.decision, r.split])).toEqual([
      ['d1', true],
      ['d2', true],
    ]);
    expect(rows[0]?.cells['team-b']?.option).toBe('o_bad');
    expect(rows[1]?.cells['team-c']).toBeUndefined();
    const same = pathMatrix({ ...fixtureDebrief, teams: fixtureDebrief.teams.slice(0, 1) });
    expect(same.every((r) => !r.split)).toBe(true);
  });
});

describe('chart data', () => {
  test('running points sum the counted deltas and end at the team total', () => {
    const series = runningPoints(fixtureDebrief, 'rights');
    const a = series.find((s) => s.team === 'team-a');
    expect(a?.points).toEqual([
      { time: 0, value: 0 },
      { time: 15, value: 2 },
      { time: 90, value: 3 },
    ]);
    for (const s of series) {
      expect(s.total).toBe(teamOf(s.team).rightsScore.points);
      expect(s.points.at(-1)?.value).toBe(s.total);
    }
    const evidence = runningPoints(fixtureDebrief, 'evidence').find((s) => s.team === 'team-b');
    // The not-counted +2 at minute 120 leaves the total at -2, but the series runs to the end.
    expect(evidence?.points.at(-1)).toEqual({ time: 120, value: -2 });
  });

  test('the table alternative samples every team at the same minutes', () => {
    const series = runningPoints(fixtureDebrief, 'rights');
    const times = checkpoints(series, 4);
    expect(times.at(-1)).toBe(120);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const a = series.find((s) => s.team === 'team-a');
    expect(a && valueAt(a, 14)).toBe(0);
    expect(a && valueAt(a, 15)).toBe(2);
    expect(a && valueAt(a, 1000)).toBe(3);
  });

  test('the scatter has one point per team with its final scores', () => {
    expect(
      scorePoints(fixtureDebrief).map((p) => [p.team, p.evidence, p.rights, p.redLines]),
    ).toEqual([
      ['team-a', 80, 70, 0],
      ['team-b', 40, 0, 1],
      ['team-c', 55, 60, 0],
    ]);
  });
});

describe('CSV of scored items', () => {
  test('one row per scored item, in the chosen language, with names', () => {
    const context = fixtureContext();
    const text = scoredItemsCsv(context.debrief, 'sr-Latn', context);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...SCORED_ITEM_COLUMNS]);
    const total = fixtureDebrief.teams.reduce((n, t) => n + t.items.length, 0);
    expect(rows).toHaveLength(total + 1);
    const col = (name: (typeof SCORED_ITEM_COLUMNS)[number]) => SCORED_ITEM_COLUMNS.indexOf(name);
    const red = rows.filter((r) => r[col('red_line')] === 'yes');
    expect(red.map((r) => [r[col('team')], r[col('rule')]])).toEqual([['team-b', 'RIGHTS.ART3']]);
    expect(rows[1]?.[col('title')]).toMatch(/^Pravilo /);
    expect(rows[1]?.[col('participant')]).toBe('Ana');
    expect(
      rows.some((r) => r[col('counted')] === 'no' && r[col('not_counted_reason')] === 'max_count'),
    ).toBe(true);
  });

  test('cells with commas, quotes, line breaks or formulas are made safe', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-3')).toBe('"\'-3"');
    expect(csvCell(null)).toBe('');
    const context = fixtureContext();
    context.participants['team-a-p1'] = '=cmd|x, "Ana"';
    const rows = parseCsv(scoredItemsCsv(context.debrief, 'en', context));
    expect(rows[1]?.[SCORED_ITEM_COLUMNS.indexOf('participant')]).toBe('\'=cmd|x, "Ana"');
  });

  test('team scores CSV has one row per team', () => {
    const rows = parseCsv(teamScoresCsv(fixtureDebrief, 'en'));
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[7]])).toEqual([
      ['team-a', '80', '70', ''],
      ['team-b', '40', '0', 'RIGHTS.ART3'],
      ['team-c', '55', '60', ''],
    ]);
  });

  it('team scores carry the criminal case and the findings against the state beside it', () => {
    const withFindings = {
      ...fixtureDebrief,
      teams: fixtureDebrief.teams.map((t) =>
        t.team === 'team-b'
          ? {
              ...t,
              outcome: {
                ...t.outcome,
                criminal: {
                  kind: 'conviction',
                  label: { en: 'Conviction', 'sr-Latn': 'Osuđujuća presuda' },
                  reason: { en: 'Proven.', 'sr-Latn': 'Dokazano.' },
                },
                accountability: [
                  {
                    finding: {
                      en: 'ECHR art. 2, procedural limb',
                      'sr-Latn': 'EKLJP čl. 2, procesni aspekt',
                    },
                    ruleId: 'RIGHTS.LIFE.NO_INQUIRY',
                    title: {
                      en: 'Death without an effective inquiry',
                      'sr-Latn': 'Smrt bez istrage',
                    },
                    detail: { en: 'No autopsy', 'sr-Latn': 'Bez obdukcije' },
                    causedBySeq: 4,
                    time: 10,
                    persons: [],
                    redLine: false,
                  },
                ],
              },
            }
          : t,
      ),
    };
    const rows = parseCsv(teamScoresCsv(debriefSchema.parse(withFindings), 'en'));
    const header = rows[0] ?? [];
    const b = rows.find((r) => r[0] === 'team-b') ?? [];
    expect(b[header.indexOf('criminal_case')]).toBe('Conviction');
    expect(b[header.indexOf('state_accountability')]).toBe(
      'ECHR art. 2, procedural limb (Death without an effective inquiry)',
    );
    const a = rows.find((r) => r[0] === 'team-a') ?? [];
    expect(a[header.indexOf('state_accountability')]).toBe('');
  });
});

describe('a scenario without a criminal case', () => {
  test('the schema takes a null case strength, and the CSV invents neither a strength nor an outcome', () => {
    const parsed = debriefSchema.safeParse(noCaseDebrief());
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    for (const language of ['en', 'sr-Latn'] as const) {
      const rows = parseCsv(teamScoresCsv(parsed.data, language));
      const header = rows[0] ?? [];
      const a = rows.find((r) => r[0] === 'team-a') ?? [];
      const cell = (column: string) => a[header.indexOf(column)];
      expect(cell('case_strength')).toBe('');
      expect(cell('outcome')).toBe('not_applicable');
      const label =
        language === 'en'
          ? 'Not applicable: no criminal case in this scenario'
          : 'Nije primenljivo: u ovom scenariju nema krivičnog predmeta';
      expect(cell('outcome_label')).toBe(label);
      expect(cell('criminal_case')).toBe(label);
    }
  });
});

describe('event log, notes and debrief files', () => {
  const log = [
    {
      seq: 1,
      at: '2026-03-02T08:00:00.000Z',
      time: null,
      team: null,
      role: null,
      participant: null,
      type: 'session.started',
      payload: {},
    },
    {
      seq: 2,
      at: '2026-03-02T08:01:00.000Z',
      time: 0,
      team: 'team-a',
      role: 'border_police',
      participant: 'p-1',
      type: 'participant.joined',
      payload: { displayName: 'Ana <i>', team: 'team-a', role: 'border_police' },
    },
    {
      seq: 3,
      at: '2026-03-02T08:02:00.000Z',
      time: 0,
      team: 'team-a',
      role: 'border_police',
      participant: 'p-1',
      type: 'decision.made',
      payload: { decision: 'd1', option: 'o_good' },
    },
    {
      seq: 4,
      at: '2026-03-02T08:03:00.000Z',
      time: null,
      team: null,
      role: null,
      participant: null,
      type: 'note.pinned',
      payload: { seq: 3, text: 'Well done' },
    },
  ];
  const text = `${log.map((e) => JSON.stringify(e)).join('\n')}\nnot json\n\n{"seq":"x"}\n`;

  test('NDJSON lines are parsed; junk lines are skipped', () => {
    expect(parseEventLines(text).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  test('notes carry the team of the event they are about; names come from joins', () => {
    const lines = parseEventLines(text);
    expect(notesFromEvents(lines)).toEqual([
      { seq: 4, at: log[3]!.at, about: 3, team: 'team-a', text: 'Well done' },
    ]);
    expect(participantNames(lines)).toEqual({ 'p-1': 'Ana <i>' });
  });

  test('a debrief file round-trips and anything else is refused', () => {
    const context = fixtureContext({
      language: 'sr-Latn',
      debrief: withRequestAnswers(fixtureContext().debrief),
    });
    const back = fromDebriefFile(toDebriefFile(context));
    expect(back?.source).toBe('file');
    expect(back?.serverExports).toBe(false);
    expect(back?.debrief).toEqual(context.debrief);
    expect(back?.notes).toEqual(context.notes);
    // The answers' reasons and the language they were typed in travel with the file.
    expect(back?.language).toBe('sr-Latn');
    expect(JSON.stringify(back?.debrief)).toContain(REFUSAL_REASON);
    // A file saved before the language was known still opens.
    const older = JSON.parse(toDebriefFile(fixtureContext())) as Record<string, unknown>;
    delete older.language;
    expect(fromDebriefFile(JSON.stringify(older))?.language).toBeUndefined();
    expect(fromDebriefFile('{"format":"other"}')).toBeNull();
    expect(fromDebriefFile('not json')).toBeNull();
  });

  test('a session id is found in a pasted link or alone', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(sessionIdFrom(`https://x.example/debriefs/${id}?team=team-a`)).toBe(id);
    expect(sessionIdFrom(` ${id.toUpperCase()} `)).toBe(id);
    expect(sessionIdFrom('ABC123')).toBeNull();
  });
});
