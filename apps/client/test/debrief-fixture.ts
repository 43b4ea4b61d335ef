import type { Debrief, ScoredItem, TeamDebrief, TimelineEntry } from '@crossroads/shared';
import type { DebriefContext } from '../src/debrief/model';

/*
 * A small debrief in the scoring package's JSON shape (crossroads.debrief/1): three teams over
 * two decision points. Team A works by the book, team B crosses a red line, team C splits.
 */

const lt = (en: string, sr = `${en} (sr)`) => ({ en, 'sr-Latn': sr });

function item(
  team: string,
  seq: number,
  time: number,
  axis: 'evidence' | 'rights',
  points: number,
  extra: Partial<ScoredItem> = {},
): ScoredItem {
  const ruleId = extra.ruleId ?? `RULE.${axis.toUpperCase()}.${seq}`;
  return {
    key: `${team}|${ruleId}|${axis}|${seq}`,
    ruleId,
    axis,
    points,
    counted: true,
    source: 'model',
    flags: [],
    team,
    role: 'border_police',
    participant: `${team}-p1`,
    time,
    causedBySeq: seq,
    persons: [],
    evidence: [],
    title: lt(`Rule ${ruleId}`, `Pravilo ${ruleId}`),
    explanation: lt(`Why ${ruleId} matters`, `Zašto je ${ruleId} važno`),
    detail: lt(`What happened at ${seq}`, `Šta se desilo u ${seq}`),
    legalBasis: [{ instrument: 'ECHR', article: 'art. 3' }],
    ...extra,
  };
}

function entry(
  seq: number,
  time: number,
  items: ScoredItem[],
  extra: Partial<TimelineEntry> = {},
): TimelineEntry {
  const delta = { evidence: 0, rights: 0 };
  for (const i of items) if (i.counted) delta[i.axis] += i.points;
  return {
    seq,
    time,
    type: 'decision.made',
    role: 'border_police',
    participant: items[0]?.participant ?? null,
    label: lt(`Event ${seq}`, `Događaj ${seq}`),
    delta,
    items: items.map((i) => i.key),
    ...extra,
  };
}

function team(
  id: string,
  name: string,
  scores: { evidence: number; rights: number },
  timeline: TimelineEntry[],
  items: ScoredItem[],
  extra: Partial<TeamDebrief> = {},
): TeamDebrief {
  const sum = (axis: 'evidence' | 'rights') =>
    items.filter((i) => i.counted && i.axis === axis).reduce((a, i) => a + i.points, 0);
  return {
    team: id,
    name,
    evidenceScore: {
      value: scores.evidence,
      method: 'evidence = 50% case strength + 50% process',
      points: sum('evidence'),
      capped: false,
      caseStrength: 60,
      process: 70,
    },
    rightsScore: {
      value: scores.rights,
      method: 'rights = clamp(50 + 4 × points, 0, 100)',
      points: sum('rights'),
      capped: false,
    },
    redLines: [],
    caseStrength: [
      {
        element: 'facilitation',
        status: 'corroborated',
        score: 1,
        independentSources: ['crime_scene', 'toll_operator'],
        evidence: [
          { id: 'ev_cmr', status: 'admissible' },
          { id: 'ev_phone', status: 'excluded' },
        ],
      },
      {
        element: 'benefit',
        status: 'none',
        score: 0,
        independentSources: [],
        evidence: [],
      },
    ],
    evidence: [
      {
        id: 'ev_cmr',
        title: lt('Consignment note', 'Tovarni list'),
        kind: 'document',
        elements: ['facilitation'],
        independentSource: 'crime_scene',
        obtainedAt: 20,
        obtainedBySeq: 3,
        by: 'border_police',
        status: 'admissible',
        reasons: [],
      },
      {
        id: 'ev_phone',
        title: lt("Driver's phone", 'Vozačev telefon'),
        kind: 'device',
        elements: ['facilitation'],
        independentSource: 'driver_phone',
        obtainedAt: 40,
        obtainedBySeq: 4,
        by: 'border_police',
        status: 'excluded',
        reasons: [lt('Searched without a court order', 'Pretraženo bez naloga suda')],
      },
    ],
    witnessesLost: [],
    outcome: {
      kind: 'conviction',
      label: lt('Conviction', 'Osuđujuća presuda'),
      reason: lt('The case holds.', 'Predmet stoji.'),
      ending: null,
      engineEnding: null,
      final: true,
    },
    timeline,
    items,
    byAgency: [
      {
        id: 'border_police',
        evidence: sum('evidence'),
        rights: sum('rights'),
        items: items.length,
        redLines: 0,
      },
    ],
    byParticipant: [],
    missedOpportunities: [],
    leftBestPath: null,
    ...extra,
  };
}

// Team A: d1 → o_good (best), d2 → o_lawful.
const a1 = item('team-a', 2, 15, 'rights', 2);
const a2 = item('team-a', 5, 90, 'evidence', 3, { role: 'prosecutor', participant: 'team-a-p2' });
const a3 = item('team-a', 5, 90, 'rights', 1, { role: 'prosecutor', participant: 'team-a-p2' });
const teamA = team(
  'team-a',
  'Team A',
  { evidence: 80, rights: 70 },
  [
    entry(2, 15, [a1], {
      decision: { decision: 'd1', option: 'o_good' },
      rationale: 'Safety first',
    }),
    entry(3, 30, [], { type: 'inject.released', role: null, participant: null }),
    entry(5, 90, [a2, a3], {
      role: 'prosecutor',
      participant: 'team-a-p2',
      decision: { decision: 'd2', option: 'o_lawful' },
    }),
  ],
  [a1, a2, a3],
);

// Team B: d1 → o_bad (red line), d2 → o_lawful.
const b1 = item('team-b', 6, 15, 'rights', -4, {
  ruleId: 'RIGHTS.ART3',
  flags: ['HARD_FAIL'],
});
const b2 = item('team-b', 6, 15, 'evidence', -2);
const b3 = item('team-b', 9, 120, 'evidence', 2, { counted: false, notCounted: 'max_count' });
const teamB = team(
  'team-b',
  'Team B',
  { evidence: 40, rights: 0 },
  [
    entry(6, 15, [b1, b2], { decision: { decision: 'd1', option: 'o_bad' } }),
    entry(9, 120, [b3], {
      role: 'prosecutor',
      participant: 'team-b-p2',
      decision: { decision: 'd2', option: 'o_lawful' },
    }),
  ],
  [b1, b2, b3],
  {
    redLines: [
      {
        ruleId: 'RIGHTS.ART3',
        causedBySeq: 6,
        time: 15,
        role: 'border_police',
        participant: 'team-b-p1',
        persons: [],
        // Rubric texts come in all five languages.
        title: {
          ...lt('Degrading treatment', 'Ponižavajuće postupanje'),
          mk: 'Понижувачко постапување',
          sq: 'Trajtim poshtërues',
          bs: 'Ponižavajuće postupanje',
        },
        detail: lt('Everyone handcuffed in the cold', 'Svi vezani na hladnoći'),
        legalBasis: [{ instrument: 'ECHR', article: 'art. 3' }],
      },
    ],
    outcome: {
      kind: 'hard_fail',
      label: lt('Hard fail: a red line was crossed', 'Neuspeh: pređena je crvena linija'),
      reason: lt('A non-derogable right was breached.', 'Povređeno je apsolutno pravo.'),
      ending: null,
      engineEnding: null,
      final: true,
    },
  },
);
teamB.rightsScore.capped = true;
teamB.rightsScore.method =
  'rights = clamp(50 + 4 × points (-4), 0, 100) = 34; red line crossed → capped at 0';
teamB.rightsScore.value = 0;
teamB.evidenceScore.capped = true;
teamB.rightsScore.methodText = {
  en: teamB.rightsScore.method,
  'sr-Latn':
    'prava = ograniči(50 + 4 × poeni (-4), 0, 100) = 34; pređena crvena linija → najviše 0',
};

// Team C: d1 → o_good, never reaches d2.
const c1 = item('team-c', 7, 20, 'rights', 2);
const teamC = team(
  'team-c',
  'Team C',
  { evidence: 55, rights: 60 },
  [entry(7, 20, [c1], { decision: { decision: 'd1', option: 'o_good' } })],
  [c1],
);

export const fixtureDebrief: Debrief = {
  format: 'crossroads.debrief/1',
  scenario: {
    id: 'reefer',
    version: '1.0.0',
    title: { ...lt('Reefer at the border', 'Hladnjača na granici'), mk: 'Ладилник на границата' },
  },
  rubric: { id: 'crossroads-core', version: '1.0.0' },
  events: { count: 12, lastSeq: 12 },
  recipient: null,
  teams: [teamA, teamB, teamC],
  comparison: [
    {
      decision: 'd1',
      title: lt('The doors', 'Vrata'),
      teamsDeciding: 3,
      choices: [
        {
          option: 'o_good',
          label: lt('Open and help', 'Otvoriti i pomoći'),
          teams: ['team-a', 'team-c'],
          count: 2,
          value: 2,
        },
        {
          option: 'o_bad',
          label: lt('Cuff everyone', 'Vezati sve'),
          teams: ['team-b'],
          count: 1,
          value: -6,
        },
        { option: 'o_wait', label: lt('Wait', 'Čekati'), teams: [], count: 0, value: -1 },
      ],
      best: 'o_good',
      summary: lt('2 of 3 teams chose “Open and help”.'),
    },
    {
      decision: 'd2',
      title: lt('The charge', 'Optužba'),
      teamsDeciding: 2,
      choices: [
        {
          option: 'o_lawful',
          label: lt('Charge lawfully', 'Optužiti zakonito'),
          teams: ['team-a', 'team-b'],
          count: 2,
          value: 4,
        },
      ],
      best: 'o_lawful',
      summary: lt('2 of 3 teams chose “Charge lawfully”.'),
    },
  ],
  warnings: [],
};

export function fixtureContext(overrides: Partial<DebriefContext> = {}): DebriefContext {
  return {
    source: 'staff',
    sessionId: '11111111-2222-4333-8444-555555555555',
    generatedAt: '2026-03-02T12:00:00.000Z',
    seq: 12,
    startedAt: '2026-03-02T08:00:00.000Z',
    endedAt: '2026-03-02T11:30:00.000Z',
    agencies: {
      border_police: lt('Border police', 'Granična policija'),
      prosecutor: lt('Prosecutor', 'Tužilac'),
    },
    participants: { 'team-a-p1': 'Ana', 'team-a-p2': 'Marko', 'team-b-p1': 'Jovan' },
    notes: [
      {
        seq: 10,
        at: '2026-03-02T09:00:00.000Z',
        about: 6,
        team: 'team-b',
        text: 'They did not <b>ask</b> anyone',
      },
      { seq: 11, at: '2026-03-02T09:10:00.000Z', about: 4, team: 'team-a', text: 'Good teamwork' },
    ],
    serverExports: true,
    debrief: JSON.parse(JSON.stringify(fixtureDebrief)) as Debrief,
    ...overrides,
  };
}

/**
 * The fixture with team A in a scenario that has no criminal case (no offence element to prove, no
 * charge): the scoring package then claims no criminal outcome and scores evidence on the process.
 */
export function noCaseDebrief(): Debrief {
  const d = JSON.parse(JSON.stringify(fixtureDebrief)) as Debrief;
  const a = d.teams[0]!;
  const label = lt(
    'Not applicable: no criminal case in this scenario',
    'Nije primenljivo: u ovom scenariju nema krivičnog predmeta',
  );
  const reason = lt(
    'The scenario has no evidence that could prove an element of the offence and no charge, so no criminal case is assessed.',
  );
  a.outcome = {
    ...a.outcome,
    kind: 'not_applicable',
    label,
    reason,
    ending: null,
    criminal: { kind: 'not_applicable', label, reason },
    accountability: [],
  };
  a.evidenceScore = { ...a.evidenceScore, value: 70, caseStrength: null, process: 70 };
  a.caseStrength = a.caseStrength.map((e) => ({
    ...e,
    status: 'not_in_scenario',
    score: 0,
    independentSources: [],
    evidence: [],
  }));
  a.evidence = [];
  return d;
}

/** The refusal's reason in the fixtures below (typed by team A's prosecutor, Marko). */
export const REFUSAL_REASON = 'Nema osnova: nalog ne navodi telefon';

/**
 * `debrief` with team A's requests answered: the border police's search order refused by the
 * prosecutor with a reason, an interpreter granted from the console without one, and an answer
 * outside the reader's view (as a trainee's debrief carries it: hidden, no reason).
 */
export function withRequestAnswers(debrief: Debrief): Debrief {
  const d = JSON.parse(JSON.stringify(debrief)) as Debrief;
  const a = d.teams[0]!;
  a.timeline.push(
    entry(13, 40, [], {
      type: 'request.sent',
      participant: 'team-a-p1',
      label: lt('Request sent: Search order', 'Poslat zahtev: Nalog za pretres'),
      request: 'search_order',
      rationale: 'The phone may hold the messages',
    }),
    entry(14, 45, [], {
      type: 'request.answered',
      role: 'prosecutor',
      participant: 'team-a-p2',
      label: lt('Request refused: Search order', 'Zahtev odbijen: Nalog za pretres'),
      request: 'search_order',
      reason: REFUSAL_REASON,
    }),
    entry(15, 50, [], {
      type: 'request.answered',
      role: null,
      participant: null,
      label: lt('Request granted: Interpreter', 'Zahtev odobren: Prevodilac'),
      request: 'interpreter',
    }),
    entry(16, 55, [], {
      type: 'hidden',
      role: null,
      participant: null,
      label: lt('An event outside your view', 'Događaj van vašeg uvida'),
    }),
  );
  return d;
}
