/**
 * The conformance cases: for every situation R01–R38 of the rubric sketch, a fragment written with neutral
 * facts and acts only, a compliant and a non-compliant path, and the findings each must (not) produce; then
 * the false-positive guards, paths the law does not penalise and the model must not either.
 */
import type { ConformanceCase, Fragment, GuardCase, Json } from './fragment';

const prov = (order = 'prosecutor'): Json => ({
  order,
  interpreter: 'not_needed',
  consent: 'not_needed',
  custody: 'kept',
});
const T = (en: string): Json => ({ en, 'sr-Latn': en });

const DRIVER: Json = {
  id: 'driver',
  name: T('Driver'),
  kind: 'suspect',
  languages: ['sr'],
  nationality: 'RS',
};
const adult = (id: string, extra: Json = {}): Json => ({
  id,
  name: T(id),
  kind: 'migrant',
  languages: ['sr'],
  smuggled: true,
  ...extra,
});
const witness = (id: string, extra: Json = {}): Json => ({
  id,
  name: T(id),
  kind: 'witness',
  languages: ['sr'],
  ...extra,
});

/** One decision with named options. */
const d = (options: Record<string, Json[]>) => options;

const PURSUIT = (speed: string, setting: string, occupants: string, ok: boolean): Json => ({
  act: 'pursuit',
  params: { speed, setting, occupants, alternativesConsidered: ok, authorised: ok },
});

const DEATH: Fragment = {
  people: [adult('passenger', { nationality: 'AF' })],
  decisions: {
    d_stop: d({
      pursue: [PURSUIT('high', 'populated_area', 'passengers_on_board', false)],
      controlled: [PURSUIT('within_limits', 'open_road', 'passengers_on_board', true)],
    }),
    d_crash: d({ dies: [{ person: 'passenger', set: { whereabouts: 'deceased' } }] }),
    d_after: d({
      full: [
        { act: 'secure_scene', person: 'passenger' },
        { act: 'autopsy', person: 'passenger' },
        { act: 'identify_deceased', person: 'passenger' },
        { act: 'notify_family', person: 'passenger' },
        {
          act: 'independent_inquiry',
          person: 'passenger',
          params: { by: 'independent_body', coversStateAgents: true, familyParticipation: true },
        },
        { act: 'release_body', person: 'passenger' },
      ],
      quick: [
        { act: 'autopsy', person: 'passenger' },
        {
          act: 'independent_inquiry',
          person: 'passenger',
          params: { by: 'same_unit', coversStateAgents: false, familyParticipation: false },
        },
        { act: 'release_body', person: 'passenger' },
      ],
      release_first: [
        { act: 'release_body', person: 'passenger' },
        { act: 'autopsy', person: 'passenger' },
      ],
    }),
    d_consul: d({
      death_notice: [
        {
          act: 'consular_notification',
          person: 'passenger',
          params: { reason: 'death', consent: false },
        },
      ],
    }),
  },
};

const WITNESS_LEAVES: Fragment = {
  people: [witness('w')],
  decisions: {
    d_depo: d({
      depose: [
        {
          act: 'deposition',
          person: 'w',
          params: { defenceNotified: true, video: true, interpreter: 'not_needed' },
        },
      ],
    }),
    d_hold: d({ detain: [{ act: 'detain', person: 'w', params: { place: 'police_cell' } }] }),
    d_return: d({
      return: [
        { act: 'return_removal', person: 'w', params: { individual: true, riskAssessment: true } },
      ],
      return_then_depose: [
        { act: 'return_removal', person: 'w', params: { individual: true, riskAssessment: true } },
        {
          act: 'deposition',
          person: 'w',
          params: { defenceNotified: true, video: true, interpreter: 'not_needed' },
        },
      ],
    }),
  },
  agencies: { d_depo: ['prosecutor'] },
  injects: [
    {
      id: 'leave',
      title: T('Leaving'),
      body: T('The witness leaves for the border'),
      to: ['prosecutor'],
      release: { at: 600 },
      effects: [{ person: 'w', set: { whereabouts: 'departed' } }],
    },
  ],
};

// ── fragments for exclusion derived from facts ─────────────────────────────────────────────────────

const statement = (id: string, source: string, element: string[] = ['facilitation']): Json => ({
  id,
  title: T(id),
  kind: 'testimony',
  element,
  source,
  independentSource: `${id}_source`,
  visibleTo: ['border_police', 'prosecutor'],
});
const take = (id: string, order = 'prosecutor'): Json => ({ evidence: id, obtained: prov(order) });
const SUSPECT_INTERVIEW = (lawyer: boolean): Json => ({
  act: 'interview',
  person: 'driver',
  params: lawyer
    ? {
        purpose: 'suspect',
        interpreter: 'not_needed',
        lawyerPresent: true,
        caution: true,
        recorded: true,
      }
    : { purpose: 'suspect', interpreter: 'not_needed', lawyerPresent: false },
});

/** Statements and the hearings they come from: the evidence is listed before the act on purpose. */
const HEARINGS: Fragment = {
  people: [
    witness('girl', { claimedAge: 15, accompanied: false, guardian: true }),
    witness('adult', { claimedAge: 40 }),
    DRIVER,
  ],
  evidence: [
    statement('girl_statement', 'girl'),
    statement('adult_statement', 'adult'),
    statement('driver_statement', 'driver'),
  ],
  decisions: {
    d_girl: d({
      safeguarded: [
        take('girl_statement'),
        {
          act: 'interview',
          person: 'girl',
          params: {
            purpose: 'child',
            interpreter: 'not_needed',
            guardianPresent: true,
            recorded: true,
          },
        },
      ],
      alone: [
        take('girl_statement'),
        {
          act: 'interview',
          person: 'girl',
          params: { purpose: 'child', interpreter: 'not_needed', guardianPresent: false },
        },
      ],
    }),
    d_adult: d({
      alone: [
        {
          act: 'interview',
          person: 'adult',
          params: { purpose: 'witness', interpreter: 'not_needed', guardianPresent: false },
        },
        take('adult_statement'),
      ],
    }),
    d_driver: d({
      with_lawyer: [SUSPECT_INTERVIEW(true), take('driver_statement')],
      without: [take('driver_statement'), SUSPECT_INTERVIEW(false)],
    }),
  },
};

/** A witness heard through a registered interpreter: one with no ties, or the driver's cousin. */
const TIED_INTERPRETER: Fragment = {
  people: [
    witness('farid', { languages: ['fa'] }),
    DRIVER,
    { id: 'neutral', name: T('Interpreter A'), kind: 'official', languages: ['sr', 'fa'] },
    {
      id: 'cousin',
      name: T('Interpreter B'),
      kind: 'official',
      languages: ['sr', 'fa'],
      linkedTo: ['driver'],
    },
  ],
  evidence: [statement('farid_statement', 'farid')],
  decisions: {
    d_hear: d(
      Object.fromEntries(
        ['neutral', 'cousin'].map((who) => [
          who,
          [
            {
              act: 'interview',
              person: 'farid',
              params: {
                purpose: 'witness',
                interpreter: 'certified',
                interpretedBy: who,
                language: 'fa',
              },
            },
            take('farid_statement'),
          ],
        ]),
      ),
    ),
  },
};

const PROMISE: Fragment = {
  people: [DRIVER, { ...DRIVER, id: 'second_driver', name: T('Second driver') }],
  evidence: [statement('driver_statement', 'driver', ['facilitation', 'identity_of_organiser'])],
  agencies: { d_deal: ['prosecutor'], d_take: ['prosecutor'] },
  decisions: {
    d_take: d({ with_lawyer: [SUSPECT_INTERVIEW(true), take('driver_statement')] }),
    d_deal: d({
      formal: [
        { act: 'plea_agreement', person: 'driver', params: { formal: true } },
        take('driver_statement'),
      ],
      promise: [
        { act: 'plea_agreement', person: 'driver', params: { formal: false } },
        take('driver_statement'),
      ],
      promise_other: [
        { act: 'plea_agreement', person: 'second_driver', params: { formal: false } },
        take('driver_statement'),
      ],
      promise_only: [{ act: 'plea_agreement', person: 'driver', params: { formal: false } }],
    }),
  },
};

const UNDERCOVER: Fragment = {
  evidence: [
    {
      ...statement('uc_recordings', 'undercover officer', ['facilitation', 'benefit']),
      needsOrder: 'judicial',
    },
  ],
  decisions: {
    d_uc: d({
      passive: [
        { act: 'undercover', params: { incitement: false, order: 'judicial' } },
        take('uc_recordings', 'judicial'),
      ],
      incite: [
        { act: 'undercover', params: { incitement: true, order: 'judicial' } },
        take('uc_recordings', 'judicial'),
      ],
      // An officer writes to the smugglers as a customer from his own account: no order at all.
      no_order: [
        { act: 'undercover', params: { incitement: false, order: 'none' } },
        take('uc_recordings', 'none'),
      ],
    }),
  },
};

const FIU: Fragment = {
  evidence: [
    {
      id: 'fiu_report',
      title: T('FIU report'),
      kind: 'document',
      element: ['benefit'],
      source: 'fiu',
      independentSource: 'fiu',
      visibleTo: ['prosecutor'],
    },
    {
      id: 'transfers',
      title: T('Bank records'),
      kind: 'financial',
      element: ['benefit'],
      source: 'banks',
      independentSource: 'banks',
      needsOrder: 'prosecutor',
      visibleTo: ['prosecutor'],
    },
  ],
  requests: [
    {
      id: 'bank_orders',
      title: T('Orders to the banks'),
      from: ['prosecutor'],
      to: 'judge',
      durationMinutes: 60,
      sendable: false,
      grantEffects: [take('transfers')],
    },
  ],
  agencies: { d_fiu: ['prosecutor'] },
  decisions: {
    d_fiu: d({
      convert: [{ act: 'fiu_conversion', params: { converted: true } }, { request: 'bank_orders' }],
      file: [{ act: 'fiu_conversion', params: { converted: false } }, take('fiu_report', 'none')],
    }),
  },
};

const CUSTODY: Fragment = {
  evidence: ['cmr', 'tachograph'].map((id) => ({
    id,
    title: T(id),
    kind: 'document',
    element: ['facilitation'],
    source: 'van',
    independentSource: id,
    visibleTo: ['border_police', 'prosecutor'],
  })),
  decisions: {
    d_seize: d({ both: [take('cmr'), take('tachograph')] }),
    d_move: d({
      logged: [
        { act: 'custody_transfer', params: { evidence: 'cmr', recorded: true } },
        { act: 'custody_transfer', params: { evidence: 'tachograph', recorded: true } },
      ],
      handed: [{ act: 'custody_transfer', params: { evidence: 'cmr', recorded: false } }],
      handed_other: [
        { act: 'custody_transfer', params: { evidence: 'tachograph', recorded: false } },
      ],
    }),
  },
};

const WITHDRAWAL: Fragment = {
  people: [witness('w')],
  evidence: [
    statement('w_statement', 'w'),
    {
      id: 'search_record',
      title: T('Search record'),
      kind: 'physical',
      element: ['facilitation'],
      source: 'safe house',
      independentSource: 'search',
      visibleTo: ['border_police', 'prosecutor'],
    },
  ],
  injects: [
    {
      id: 'inj_threat',
      title: T('Threats'),
      body: T('Her family is threatened; she withdraws her statement.'),
      to: ['prosecutor'],
      release: 'facilitator',
      effects: [{ person: 'w', set: { withdrawn: true } }],
    },
  ],
  decisions: {
    d_hear: d({
      depose: [
        {
          act: 'deposition',
          person: 'w',
          params: { defenceNotified: true, video: true, interpreter: 'not_needed' },
        },
        take('w_statement'),
      ],
      police: [
        {
          act: 'interview',
          person: 'w',
          params: { purpose: 'witness', interpreter: 'not_needed', recorded: true },
        },
        take('w_statement'),
      ],
    }),
    d_search: d({ search: [take('search_record', 'judicial')] }),
  },
};

/**
 * Each fact a catalogue once turned into a `taint` verdict, stated neutrally: the case file and the engine
 * must exclude the item on their own, and keep it where the law does.
 */
export const DERIVATIONS: ConformanceCase[] = [
  {
    situation: 'R07',
    title: 'Statement of a child heard without a guardian',
    fragment: HEARINGS,
    compliant: {
      steps: ['d_girl/safeguarded'],
      expect: { admissible: ['girl_statement'], present: ['EVIDENCE.CHILD.SAFEGUARDED_INTERVIEW'] },
    },
    nonCompliant: {
      steps: ['d_girl/alone'],
      expect: {
        excluded: ['girl_statement'],
        tainted: ['girl_statement'],
        present: ['EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN'],
      },
    },
  },
  {
    situation: 'R37',
    title: 'Statement of a suspect questioned without a lawyer',
    fragment: HEARINGS,
    compliant: {
      steps: ['d_driver/with_lawyer'],
      expect: { admissible: ['driver_statement'], absent: ['EVIDENCE.SUSPECT.NO_LAWYER'] },
    },
    nonCompliant: {
      steps: ['d_driver/without'],
      expect: {
        excluded: ['driver_statement'],
        tainted: ['driver_statement'],
        present: ['EVIDENCE.SUSPECT.NO_LAWYER'],
      },
    },
  },
  {
    situation: 'R10',
    title: "Statement interpreted by a certified interpreter who is the driver's cousin",
    fragment: TIED_INTERPRETER,
    compliant: {
      steps: ['d_hear/neutral'],
      expect: {
        admissible: ['farid_statement'],
        present: ['RIGHTS.INTERPRETER.NEUTRAL'],
        absent: ['EVIDENCE.INTERPRETER.TIED'],
      },
    },
    nonCompliant: {
      steps: ['d_hear/cousin'],
      expect: {
        excluded: ['farid_statement'],
        tainted: ['farid_statement'],
        present: ['EVIDENCE.INTERPRETER.TIED'],
        absent: ['EVIDENCE.INTERPRETER.CO_NATIONAL', 'RIGHTS.INTERPRETER.NEUTRAL'],
      },
    },
  },
  {
    situation: 'R27',
    title: 'Statement given on an off-record promise of release',
    fragment: PROMISE,
    compliant: {
      steps: ['d_deal/formal'],
      expect: { admissible: ['driver_statement'], present: ['EVIDENCE.COOPERATION.FORMAL'] },
    },
    nonCompliant: {
      steps: ['d_deal/promise'],
      expect: {
        excluded: ['driver_statement'],
        tainted: ['driver_statement'],
        present: ['EVIDENCE.COOPERATION.INFORMAL_PROMISE'],
      },
    },
  },
  {
    situation: 'R27',
    title: 'Statement taken in a later interview, after an off-record promise',
    fragment: PROMISE,
    compliant: {
      steps: ['d_take/with_lawyer'],
      expect: {
        admissible: ['driver_statement'],
        absent: ['EVIDENCE.COOPERATION.INFORMAL_PROMISE'],
      },
    },
    nonCompliant: {
      steps: ['d_deal/promise_only', 'd_take/with_lawyer'],
      expect: {
        excluded: ['driver_statement'],
        tainted: ['driver_statement'],
        present: ['EVIDENCE.COOPERATION.INFORMAL_PROMISE'],
      },
    },
  },
  {
    situation: 'R16',
    title: 'Recordings of an officer posing as a customer without any order',
    fragment: UNDERCOVER,
    compliant: {
      steps: ['d_uc/passive'],
      expect: {
        admissible: ['uc_recordings'],
        present: ['EVIDENCE.UNDERCOVER.AUTHORISED'],
        absent: ['EVIDENCE.UNDERCOVER.NO_ORDER'],
      },
    },
    nonCompliant: {
      steps: ['d_uc/no_order'],
      expect: {
        excluded: ['uc_recordings'],
        tainted: ['uc_recordings'],
        present: ['EVIDENCE.UNDERCOVER.NO_ORDER'],
        absent: ['EVIDENCE.UNDERCOVER.AUTHORISED'],
      },
    },
  },
  {
    situation: 'R16',
    title: 'Recordings of an undercover officer who incited the offence',
    fragment: UNDERCOVER,
    compliant: {
      steps: ['d_uc/passive'],
      expect: { admissible: ['uc_recordings'], present: ['EVIDENCE.UNDERCOVER.AUTHORISED'] },
    },
    nonCompliant: {
      steps: ['d_uc/incite'],
      expect: {
        excluded: ['uc_recordings'],
        tainted: ['uc_recordings'],
        present: ['EVIDENCE.UNDERCOVER.ENTRAPMENT'],
      },
    },
  },
  {
    situation: 'R19',
    title: 'FIU intelligence filed as evidence',
    fragment: FIU,
    compliant: {
      steps: ['d_fiu/convert', { answer: 'bank_orders', granted: true }],
      expect: { admissible: ['transfers'], present: ['EVIDENCE.MONEY.FIU_CONVERTED'] },
    },
    nonCompliant: {
      steps: ['d_fiu/file'],
      expect: {
        excluded: ['fiu_report'],
        tainted: ['fiu_report'],
        present: ['EVIDENCE.MONEY.FIU_AS_EVIDENCE'],
      },
    },
  },
  {
    situation: 'R21',
    title: 'An item handed over without a custody record',
    fragment: CUSTODY,
    compliant: {
      steps: ['d_seize/both', 'd_move/logged'],
      expect: { admissible: ['cmr'], absent: ['EVIDENCE.CUSTODY.BROKEN'] },
    },
    nonCompliant: {
      steps: ['d_seize/both', 'd_move/handed'],
      expect: {
        excluded: ['cmr'],
        tainted: ['cmr'],
        admissible: ['tachograph'],
        present: ['EVIDENCE.CUSTODY.BROKEN'],
      },
    },
  },
  {
    situation: 'R08',
    title: 'A witness withdraws after threats',
    fragment: WITHDRAWAL,
    compliant: {
      steps: ['d_hear/depose', { inject: 'inj_threat' }],
      expect: { admissible: ['w_statement'], absent: ['EVIDENCE.WITNESS.LOST'] },
    },
    nonCompliant: {
      steps: ['d_hear/police', { inject: 'inj_threat' }],
      expect: { excluded: ['w_statement'], present: ['EVIDENCE.WITNESS.LOST'] },
    },
  },
];

export const CASES: ConformanceCase[] = [
  {
    situation: 'R01',
    title: 'Closed van, a man hypothermic',
    fragment: {
      people: [adult('cold', { vulnerabilities: ['hypothermia'] })],
      decisions: {
        d_open: d({
          triage: [{ act: 'open_vehicle' }, { act: 'triage', group: 'all_migrants' }],
          keep: [{ act: 'keep_inside_vehicle', group: 'all_migrants' }],
        }),
        d_ems: d({ ems: [{ act: 'medical_care', person: 'cold' }] }),
      },
    },
    compliant: {
      steps: ['d_open/triage', 'd_ems/ems'],
      expect: {
        present: ['RIGHTS.LIFE.TRIAGE', 'RIGHTS.MEDICAL.CARE'],
        absent: ['RIGHTS.LIFE.KEPT_INSIDE', 'RIGHTS.LIFE.NO_ASSISTANCE'],
      },
    },
    nonCompliant: {
      steps: ['d_open/keep', { tick: 200 }],
      expect: {
        present: ['RIGHTS.LIFE.KEPT_INSIDE', 'RIGHTS.LIFE.NO_ASSISTANCE', 'RIGHTS.MEDICAL.DENIED'],
        absent: ['RIGHTS.LIFE.TRIAGE'],
      },
    },
  },
  {
    situation: 'R02',
    title: 'Sorting the occupants',
    fragment: {
      people: [DRIVER, adult('group', { count: 6 })],
      decisions: {
        d_sort: d({
          separate: [{ act: 'separate_suspects', person: 'driver' }],
          cuff: [{ act: 'cuff_all', group: 'all_people' }],
        }),
      },
    },
    compliant: {
      steps: ['d_sort/separate'],
      expect: {
        present: ['EVIDENCE.SORTING.SEPARATE_SUSPECTS'],
        absent: ['RIGHTS.STATUS.CUFF_ALL'],
      },
    },
    nonCompliant: {
      steps: ['d_sort/cuff'],
      expect: {
        present: ['RIGHTS.STATUS.CUFF_ALL'],
        absent: ['EVIDENCE.SORTING.SEPARATE_SUSPECTS'],
      },
    },
  },
  {
    situation: 'R03',
    title: 'Someone says "asylum"',
    fragment: {
      people: [adult('a', { asylumExpressed: true })],
      decisions: {
        d_asylum: d({
          register: [{ act: 'register_asylum_intention', person: 'a' }],
          charge: [{ act: 'charge', person: 'a', params: { offence: 'border_misdemeanour' } }],
        }),
      },
    },
    compliant: {
      steps: ['d_asylum/register'],
      expect: { present: ['RIGHTS.ASYLUM.REGISTERED'], absent: ['RIGHTS.ASYLUM.IGNORED'] },
    },
    nonCompliant: {
      steps: ['d_asylum/charge'],
      expect: {
        present: ['RIGHTS.NONPENALISATION.MISDEMEANOUR', 'RIGHTS.ASYLUM.IGNORED'],
        absent: ['RIGHTS.ASYLUM.REGISTERED'],
      },
    },
  },
  {
    situation: 'R04',
    title: 'Group found inside the territory',
    fragment: {
      people: [adult('group', { count: 12 })],
      decisions: {
        d_group: d({
          process: [
            {
              act: 'interview',
              group: 'all_migrants',
              params: { purpose: 'screening', interpreter: 'not_needed', individual: true },
            },
          ],
          escort: [{ act: 'pushback', group: 'all_migrants' }],
        }),
      },
    },
    compliant: {
      steps: ['d_group/process'],
      expect: {
        present: ['RIGHTS.NONREFOULEMENT.REFUSED'],
        absent: ['RIGHTS.NONREFOULEMENT.PUSHBACK'],
      },
    },
    nonCompliant: {
      steps: ['d_group/escort'],
      expect: {
        present: ['RIGHTS.NONREFOULEMENT.PUSHBACK'],
        absent: ['RIGHTS.NONREFOULEMENT.REFUSED'],
      },
    },
  },
  {
    situation: 'R05',
    title: 'Removal to a "safe third country"',
    fragment: {
      people: [adult('m')],
      decisions: {
        d_remove: d({
          assessed: [
            {
              act: 'return_removal',
              person: 'm',
              params: { individual: true, riskAssessment: true },
            },
          ],
          blanket: [
            {
              act: 'return_removal',
              person: 'm',
              params: { individual: true, riskAssessment: false },
            },
          ],
        }),
      },
    },
    compliant: {
      steps: ['d_remove/assessed'],
      expect: {
        present: ['RIGHTS.REMOVAL.INDIVIDUAL_ASSESSMENT'],
        absent: ['RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL'],
      },
    },
    nonCompliant: {
      steps: ['d_remove/blanket'],
      expect: {
        present: ['RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL'],
        absent: ['RIGHTS.REMOVAL.INDIVIDUAL_ASSESSMENT'],
      },
    },
  },
  {
    situation: 'R06',
    title: '"I am 16"',
    fragment: {
      people: [adult('kid', { claimedAge: 16, accompanied: false })],
      decisions: {
        d_guardian: d({ ask: [{ act: 'request_guardian', person: 'kid' }] }),
        d_age: d({
          holistic: [{ act: 'age_assessment', person: 'kid', params: { method: 'holistic' } }],
          xray: [{ act: 'age_assessment', person: 'kid', params: { method: 'xray_only' } }],
        }),
        d_place: d({ adults: [{ act: 'place_with_adults', person: 'kid' }] }),
      },
    },
    compliant: {
      steps: ['d_guardian/ask', 'd_age/holistic'],
      expect: {
        present: ['RIGHTS.CHILD.GUARDIAN', 'RIGHTS.CHILD.AGE_HOLISTIC'],
        absent: ['RIGHTS.CHILD.NO_GUARDIAN', 'RIGHTS.CHILD.WITH_ADULTS'],
      },
    },
    nonCompliant: {
      steps: ['d_age/xray', 'd_place/adults'],
      expect: {
        present: [
          'RIGHTS.CHILD.AGE_XRAY_ONLY',
          'RIGHTS.CHILD.WITH_ADULTS',
          'RIGHTS.CHILD.NO_GUARDIAN',
        ],
        absent: ['RIGHTS.CHILD.GUARDIAN'],
      },
    },
  },
  {
    situation: 'R07',
    title: 'Unaccompanied child is a key witness',
    fragment: {
      people: [witness('girl', { claimedAge: 15, accompanied: false, guardian: true })],
      decisions: {
        d_hear: d({
          safeguarded: [
            {
              act: 'interview',
              person: 'girl',
              params: {
                purpose: 'child',
                interpreter: 'not_needed',
                guardianPresent: true,
                recorded: true,
              },
            },
          ],
          alone: [
            {
              act: 'interview',
              person: 'girl',
              params: { purpose: 'child', interpreter: 'not_needed', guardianPresent: false },
            },
          ],
        }),
      },
    },
    compliant: {
      steps: ['d_hear/safeguarded'],
      expect: {
        present: ['EVIDENCE.CHILD.SAFEGUARDED_INTERVIEW'],
        absent: ['EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN'],
      },
    },
    nonCompliant: {
      steps: ['d_hear/alone'],
      expect: {
        present: ['EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN'],
        absent: ['EVIDENCE.CHILD.SAFEGUARDED_INTERVIEW'],
      },
    },
  },
  {
    situation: 'R08',
    title: 'Key witness will leave within days',
    fragment: WITNESS_LEAVES,
    compliant: {
      steps: ['d_depo/depose', { tick: 700 }],
      expect: {
        present: ['EVIDENCE.WITNESS.EARLY_DEPOSITION'],
        absent: ['EVIDENCE.WITNESS.LOST', 'RIGHTS.LIBERTY.WITNESS_DETAINED'],
      },
    },
    nonCompliant: {
      steps: ['d_hold/detain'],
      expect: {
        present: ['RIGHTS.LIBERTY.WITNESS_DETAINED'],
        absent: ['EVIDENCE.WITNESS.EARLY_DEPOSITION'],
      },
    },
  },
  {
    situation: 'R09',
    title: 'Key witness leaves, nothing done',
    fragment: WITNESS_LEAVES,
    compliant: {
      steps: ['d_depo/depose', { tick: 700 }],
      expect: { absent: ['EVIDENCE.WITNESS.LOST'] },
    },
    nonCompliant: {
      steps: [{ tick: 700 }],
      expect: { present: ['EVIDENCE.WITNESS.LOST'] },
    },
  },
  {
    situation: 'R10',
    title: 'Only interpreter available is a co-national passenger',
    fragment: {
      people: [witness('farid', { languages: ['fa'] })],
      decisions: {
        d_hear: d({
          certified: [
            {
              act: 'interview',
              person: 'farid',
              params: { purpose: 'witness', interpreter: 'certified', language: 'fa' },
            },
          ],
          passenger: [
            {
              act: 'interview',
              person: 'farid',
              params: { purpose: 'witness', interpreter: 'co_national', language: 'fa' },
            },
          ],
        }),
      },
    },
    compliant: {
      steps: ['d_hear/certified'],
      expect: {
        present: ['RIGHTS.INTERPRETER.NEUTRAL'],
        absent: ['EVIDENCE.INTERPRETER.CO_NATIONAL'],
      },
    },
    nonCompliant: {
      steps: ['d_hear/passenger'],
      expect: {
        present: ['EVIDENCE.INTERPRETER.CO_NATIONAL'],
        absent: ['RIGHTS.INTERPRETER.NEUTRAL'],
      },
    },
  },
  {
    situation: 'R11',
    title: 'Wrong language (Pashto for a Dari speaker)',
    fragment: {
      people: [witness('farid', { languages: ['fa'] })],
      decisions: {
        d_hear: d({
          wrong: [
            {
              act: 'interview',
              person: 'farid',
              params: { purpose: 'witness', interpreter: 'certified', language: 'ps' },
            },
          ],
        }),
        d_redo: d({
          redo: [
            {
              act: 'interview',
              person: 'farid',
              params: { purpose: 'witness', interpreter: 'certified', language: 'fa' },
            },
          ],
        }),
      },
    },
    compliant: {
      steps: ['d_hear/wrong', 'd_redo/redo'],
      expect: { present: ['RIGHTS.INTERPRETER.REDONE'] },
    },
    nonCompliant: {
      steps: ['d_hear/wrong'],
      expect: {
        present: ['RIGHTS.INTERPRETER.WRONG_LANGUAGE'],
        absent: ['RIGHTS.INTERPRETER.REDONE'],
      },
    },
  },
  {
    situation: 'R12',
    title: "The driver's phone",
    fragment: {
      people: [DRIVER],
      decisions: {
        d_phone: d({
          order: [
            { act: 'device_seizure', person: 'driver' },
            { act: 'device_search', person: 'driver', params: { order: 'judicial' } },
          ],
          roadside: [{ act: 'device_search', person: 'driver', params: { order: 'none' } }],
        }),
      },
    },
    compliant: {
      steps: ['d_phone/order'],
      expect: { present: ['EVIDENCE.DEVICE.ORDER'], absent: ['EVIDENCE.DEVICE.NO_ORDER'] },
    },
    nonCompliant: {
      steps: ['d_phone/roadside'],
      expect: { present: ['EVIDENCE.DEVICE.NO_ORDER'], absent: ['EVIDENCE.DEVICE.ORDER'] },
    },
  },
  {
    situation: 'R13',
    title: "Migrants' phones hold the smuggler's chats",
    fragment: {
      people: [adult('group', { count: 8 })],
      decisions: {
        d_phones: d({
          limited: [
            {
              act: 'migrant_phone_extraction',
              group: 'all_migrants',
              params: { consent: 'recorded', scope: 'limited' },
            },
          ],
          blanket: [
            {
              act: 'migrant_phone_extraction',
              group: 'all_migrants',
              params: { consent: 'recorded', scope: 'blanket' },
            },
          ],
        }),
      },
    },
    compliant: {
      steps: ['d_phones/limited'],
      expect: {
        present: ['EVIDENCE.MIGRANT_PHONES.LIMITED'],
        absent: ['RIGHTS.PRIVACY.BLANKET_PHONES'],
      },
    },
    nonCompliant: {
      steps: ['d_phones/blanket'],
      expect: {
        present: ['RIGHTS.PRIVACY.BLANKET_PHONES'],
        absent: ['EVIDENCE.MIGRANT_PHONES.LIMITED'],
      },
    },
  },
  {
    situation: 'R14',
    title: 'Biometrics and personal data',
    fragment: {
      people: [adult('m', { nationality: 'AF' })],
      decisions: {
        d_data: d({
          keep: [{ act: 'rights_information', person: 'm' }],
          consulate: [{ act: 'data_share', person: 'm', params: { with: 'consulate' } }],
        }),
      },
    },
    compliant: {
      steps: ['d_data/keep'],
      expect: { absent: ['RIGHTS.DATA.CONSULATE_SHARE', 'RIGHTS.DATA.MEDIA'] },
    },
    nonCompliant: {
      steps: ['d_data/consulate'],
      expect: { present: ['RIGHTS.DATA.CONSULATE_SHARE'] },
    },
  },
  {
    situation: 'R15',
    title: "Organiser's phone identified",
    fragment: {
      decisions: {
        d_intercept: d({
          ordered: [{ act: 'interception', params: { order: true } }],
          expired: [{ act: 'interception', params: { order: true, expired: true } }],
        }),
      },
    },
    compliant: {
      steps: ['d_intercept/ordered'],
      expect: {
        present: ['EVIDENCE.INTERCEPTION.AUTHORISED'],
        absent: ['EVIDENCE.INTERCEPTION.UNLAWFUL'],
      },
    },
    nonCompliant: {
      steps: ['d_intercept/expired'],
      expect: {
        present: ['EVIDENCE.INTERCEPTION.UNLAWFUL'],
        absent: ['EVIDENCE.INTERCEPTION.AUTHORISED'],
      },
    },
  },
  {
    situation: 'R16',
    title: 'Telegram smuggler, undercover purchase',
    fragment: {
      decisions: {
        d_uc: d({
          passive: [{ act: 'undercover', params: { incitement: false, order: 'judicial' } }],
          incite: [{ act: 'undercover', params: { incitement: true, order: 'judicial' } }],
        }),
      },
    },
    compliant: {
      steps: ['d_uc/passive'],
      expect: {
        present: ['EVIDENCE.UNDERCOVER.AUTHORISED'],
        absent: ['EVIDENCE.UNDERCOVER.ENTRAPMENT'],
      },
    },
    nonCompliant: {
      steps: ['d_uc/incite'],
      expect: {
        present: ['EVIDENCE.UNDERCOVER.ENTRAPMENT'],
        absent: ['EVIDENCE.UNDERCOVER.AUTHORISED'],
      },
    },
  },
  {
    situation: 'R17',
    title: 'Proving profit',
    fragment: {
      people: [DRIVER],
      evidence: [
        {
          id: 'transfers',
          title: T('Money transfers'),
          kind: 'financial',
          element: ['benefit'],
          source: 'bank',
          independentSource: 'bank',
          visibleTo: ['prosecutor'],
        },
        {
          id: 'cash',
          title: T('Cash on the driver'),
          kind: 'physical',
          element: ['benefit'],
          source: 'driver',
          independentSource: 'search',
          visibleTo: ['prosecutor'],
        },
      ],
      decisions: {
        d_money: d({
          both: [
            { evidence: 'transfers', obtained: prov() },
            { evidence: 'cash', obtained: prov() },
          ],
        }),
        d_charge: d({
          charge: [{ act: 'charge', person: 'driver', params: { offence: 'smuggling' } }],
        }),
      },
    },
    compliant: {
      steps: ['d_money/both', 'd_charge/charge'],
      expect: { present: ['EVIDENCE.PROFIT.PROVEN'], absent: ['EVIDENCE.PROFIT.UNPROVEN'] },
    },
    nonCompliant: {
      steps: ['d_charge/charge'],
      expect: { present: ['EVIDENCE.PROFIT.UNPROVEN'], absent: ['EVIDENCE.PROFIT.PROVEN'] },
    },
  },
  {
    situation: 'R18',
    title: 'Money trail',
    fragment: {
      decisions: {
        d_money: d({ open: [{ act: 'financial_investigation' }, { act: 'asset_freeze' }] }),
      },
    },
    compliant: {
      steps: ['d_money/open'],
      expect: {
        present: ['EVIDENCE.MONEY.FINANCIAL_INVESTIGATION', 'EVIDENCE.MONEY.ASSET_FREEZE'],
        absent: ['EVIDENCE.MONEY.NONE'],
      },
    },
    nonCompliant: { steps: [], expect: { present: ['EVIDENCE.MONEY.NONE'] } },
  },
  {
    situation: 'R19',
    title: 'FIU tip',
    fragment: {
      decisions: {
        d_fiu: d({
          convert: [{ act: 'fiu_conversion', params: { converted: true } }],
          file: [{ act: 'fiu_conversion', params: { converted: false } }],
        }),
      },
    },
    compliant: {
      steps: ['d_fiu/convert'],
      expect: {
        present: ['EVIDENCE.MONEY.FIU_CONVERTED'],
        absent: ['EVIDENCE.MONEY.FIU_AS_EVIDENCE'],
      },
    },
    nonCompliant: {
      steps: ['d_fiu/file'],
      expect: {
        present: ['EVIDENCE.MONEY.FIU_AS_EVIDENCE'],
        absent: ['EVIDENCE.MONEY.FIU_CONVERTED'],
      },
    },
  },
  {
    situation: 'R20',
    title: 'CCTV, number plates and tolls',
    fragment: { decisions: { d_cctv: d({ preserve: [{ act: 'preserve_cctv' }] }) } },
    compliant: {
      steps: ['d_cctv/preserve'],
      expect: { present: ['EVIDENCE.CCTV.PRESERVED'], absent: ['EVIDENCE.CCTV.LOST'] },
    },
    nonCompliant: {
      steps: [{ tick: 5000 }, 'd_cctv/preserve'],
      expect: { present: ['EVIDENCE.CCTV.LOST'], absent: ['EVIDENCE.CCTV.PRESERVED'] },
    },
  },
  {
    situation: 'R21',
    title: 'Vehicle and hidden compartment',
    fragment: {
      decisions: {
        d_van: d({
          sealed: [{ act: 'vehicle_search', params: { witnessed: true, sealed: true } }],
          towed: [{ act: 'vehicle_search', params: { witnessed: false, sealed: false } }],
        }),
      },
    },
    compliant: {
      steps: ['d_van/sealed'],
      expect: {
        present: ['EVIDENCE.VEHICLE.WITNESSED_SEALED'],
        absent: ['EVIDENCE.VEHICLE.UNSEALED'],
      },
    },
    nonCompliant: {
      steps: ['d_van/towed'],
      expect: {
        present: ['EVIDENCE.VEHICLE.UNSEALED'],
        absent: ['EVIDENCE.VEHICLE.WITNESSED_SEALED'],
      },
    },
  },
  {
    situation: 'R22',
    title: 'Links to Hungary and Austria',
    fragment: {
      decisions: {
        d_abroad: d({ call: [{ act: 'informal_contact' }] }),
        d_formal: d({ mla: [{ act: 'mla_request' }] }),
      },
    },
    compliant: {
      steps: ['d_abroad/call', 'd_formal/mla'],
      expect: {
        present: ['EVIDENCE.CROSSBORDER.MLA'],
        absent: ['EVIDENCE.CROSSBORDER.INFORMAL_ONLY'],
      },
    },
    nonCompliant: {
      steps: ['d_abroad/call'],
      expect: {
        present: ['EVIDENCE.CROSSBORDER.INFORMAL_ONLY'],
        absent: ['EVIDENCE.CROSSBORDER.MLA'],
      },
    },
  },
  {
    situation: 'R23',
    title: 'Neighbour proposes a "quick handover"',
    fragment: {
      people: [adult('group', { count: 9 })],
      decisions: {
        d_offer: d({
          refuse: [{ act: 'rights_information', group: 'all_migrants' }],
          handover: [{ act: 'handover_foreign', group: 'all_migrants' }],
        }),
      },
    },
    compliant: {
      steps: ['d_offer/refuse'],
      expect: {
        present: ['RIGHTS.NONREFOULEMENT.REFUSED'],
        absent: ['RIGHTS.NONREFOULEMENT.HANDOVER'],
      },
    },
    nonCompliant: {
      steps: ['d_offer/handover'],
      expect: {
        present: ['RIGHTS.NONREFOULEMENT.HANDOVER'],
        absent: ['RIGHTS.NONREFOULEMENT.REFUSED'],
      },
    },
  },
  {
    situation: 'R24',
    title: 'Trafficking indicators present',
    fragment: {
      people: [adult('v', { traffickingIndicators: ['passport_held', 'debt'] })],
      decisions: {
        d_victim: d({
          refer: [{ act: 'refer_trafficking_identification', person: 'v' }],
          return: [
            {
              act: 'return_removal',
              person: 'v',
              params: { individual: true, riskAssessment: true },
            },
          ],
        }),
      },
    },
    compliant: {
      steps: ['d_victim/refer'],
      expect: {
        present: ['RIGHTS.TRAFFICKING.REFERRED'],
        absent: ['RIGHTS.TRAFFICKING.REMOVED_UNIDENTIFIED'],
      },
    },
    nonCompliant: {
      steps: ['d_victim/return'],
      expect: {
        present: ['RIGHTS.TRAFFICKING.REMOVED_UNIDENTIFIED'],
        absent: ['RIGHTS.TRAFFICKING.REFERRED'],
      },
    },
  },
  {
    situation: 'R25',
    title: 'Victim committed a compelled offence',
    fragment: {
      people: [adult('v', { traffickingIndicators: ['debt', 'work_to_pay_trip'] })],
      decisions: {
        d_status: d({
          victim: [{ act: 'non_punishment', person: 'v' }],
          charge: [{ act: 'charge', person: 'v', params: { offence: 'illegal_work' } }],
        }),
      },
    },
    compliant: {
      steps: ['d_status/victim'],
      expect: {
        present: ['RIGHTS.TRAFFICKING.NON_PUNISHMENT'],
        absent: ['RIGHTS.TRAFFICKING.VICTIM_PROSECUTED'],
      },
    },
    nonCompliant: {
      steps: ['d_status/charge'],
      expect: {
        present: ['RIGHTS.TRAFFICKING.VICTIM_PROSECUTED'],
        absent: ['RIGHTS.TRAFFICKING.NON_PUNISHMENT'],
      },
    },
  },
  {
    situation: 'R26',
    title: 'Passenger "helped with directions"',
    fragment: {
      people: [adult('guide')],
      decisions: {
        d_assess: d({
          interview: [
            {
              act: 'interview',
              person: 'guide',
              params: {
                purpose: 'suspect',
                interpreter: 'not_needed',
                lawyerPresent: true,
                caution: true,
              },
            },
          ],
        }),
        d_charge: d({
          charge: [{ act: 'charge', person: 'guide', params: { offence: 'smuggling' } }],
        }),
      },
    },
    compliant: {
      steps: ['d_assess/interview', 'd_charge/charge'],
      expect: {
        present: ['EVIDENCE.STATUS.ROLE_ASSESSED'],
        absent: ['RIGHTS.STATUS.PASSENGER_CHARGED'],
      },
    },
    nonCompliant: {
      steps: ['d_charge/charge'],
      expect: {
        present: ['RIGHTS.STATUS.PASSENGER_CHARGED'],
        absent: ['EVIDENCE.STATUS.ROLE_ASSESSED'],
      },
    },
  },
  {
    situation: 'R27',
    title: 'Driver offers to name the organiser',
    fragment: {
      people: [DRIVER],
      decisions: {
        d_deal: d({
          formal: [{ act: 'plea_agreement', person: 'driver', params: { formal: true } }],
          promise: [{ act: 'plea_agreement', person: 'driver', params: { formal: false } }],
        }),
      },
    },
    compliant: {
      steps: ['d_deal/formal'],
      expect: {
        present: ['EVIDENCE.COOPERATION.FORMAL'],
        absent: ['EVIDENCE.COOPERATION.INFORMAL_PROMISE'],
      },
    },
    nonCompliant: {
      steps: ['d_deal/promise'],
      expect: {
        present: ['EVIDENCE.COOPERATION.INFORMAL_PROMISE'],
        absent: ['EVIDENCE.COOPERATION.FORMAL'],
      },
    },
  },
  {
    situation: 'R28',
    title: 'Witness fears retaliation',
    fragment: {
      people: [witness('rania', { fearsRetaliation: true })],
      decisions: {
        d_protect: d({
          measures: [
            {
              act: 'witness_protection',
              person: 'rania',
              params: { measures: ['pseudonym', 'video'] },
            },
          ],
        }),
        d_indict: d({
          assessed: [
            {
              act: 'disclose_witness_identity',
              person: 'rania',
              params: { in: 'defence_file', riskAssessed: true },
            },
          ],
          full_name: [
            {
              act: 'disclose_witness_identity',
              person: 'rania',
              params: { in: 'indictment', riskAssessed: false },
            },
          ],
        }),
      },
    },
    compliant: {
      steps: ['d_protect/measures', 'd_indict/assessed'],
      expect: { present: ['RIGHTS.WITNESS.PROTECTED'], absent: ['RIGHTS.WITNESS.EXPOSED'] },
    },
    nonCompliant: {
      steps: ['d_indict/full_name'],
      expect: { present: ['RIGHTS.WITNESS.EXPOSED'], absent: ['RIGHTS.WITNESS.PROTECTED'] },
    },
  },
  {
    situation: 'R29',
    title: 'Adults pending removal',
    fragment: {
      people: [adult('group', { count: 5 })],
      decisions: {
        d_hold: d({
          alternatives: [{ act: 'alternatives_to_detention', person: 'group' }],
          lock_up: [{ act: 'detain', person: 'group', params: { place: 'detention_centre' } }],
        }),
      },
    },
    compliant: {
      steps: ['d_hold/alternatives'],
      expect: { present: ['RIGHTS.LIBERTY.REVIEWED'], absent: ['RIGHTS.LIBERTY.GROUP_DETENTION'] },
    },
    nonCompliant: {
      steps: ['d_hold/lock_up'],
      expect: { present: ['RIGHTS.LIBERTY.GROUP_DETENTION'], absent: ['RIGHTS.LIBERTY.REVIEWED'] },
    },
  },
  {
    situation: 'R30',
    title: 'Family with children',
    fragment: {
      people: [adult('child', { claimedAge: 6, accompanied: true })],
      decisions: {
        d_place: d({
          open: [{ act: 'detain', person: 'child', params: { place: 'reception' } }],
          closed: [{ act: 'detain', person: 'child', params: { place: 'closed_camp' } }],
        }),
      },
    },
    compliant: {
      steps: ['d_place/open'],
      expect: { present: ['RIGHTS.CHILD.APPROPRIATE_CARE'], absent: ['RIGHTS.CHILD.DETENTION'] },
    },
    nonCompliant: {
      steps: ['d_place/closed'],
      expect: { present: ['RIGHTS.CHILD.DETENTION'], absent: ['RIGHTS.CHILD.APPROPRIATE_CARE'] },
    },
  },
  {
    situation: 'R31',
    title: 'Van with people on board will not stop',
    fragment: DEATH,
    compliant: {
      steps: ['d_stop/controlled'],
      expect: {
        present: ['RIGHTS.LIFE.CONTROLLED_STOP'],
        absent: ['RIGHTS.LIFE.UNCONTROLLED_PURSUIT', 'RIGHTS.LIFE.RECKLESS_CHASE'],
      },
    },
    nonCompliant: {
      steps: ['d_stop/pursue', 'd_crash/dies'],
      expect: {
        present: ['RIGHTS.LIFE.UNCONTROLLED_PURSUIT', 'RIGHTS.LIFE.RECKLESS_CHASE'],
        absent: ['RIGHTS.LIFE.CONTROLLED_STOP'],
      },
    },
  },
  {
    situation: 'R32',
    title: 'A death after a pursuit',
    fragment: DEATH,
    compliant: {
      steps: ['d_stop/pursue', 'd_crash/dies', 'd_after/full'],
      expect: {
        present: ['RIGHTS.LIFE.DEATH_INQUIRY'],
        absent: [
          'RIGHTS.LIFE.NO_INQUIRY',
          'RIGHTS.LIFE.INQUIRY_NOT_INDEPENDENT',
          'RIGHTS.LIFE.BODY_RELEASED_EARLY',
        ],
      },
    },
    nonCompliant: {
      steps: ['d_stop/pursue', 'd_crash/dies', 'd_after/quick'],
      expect: {
        present: [
          'RIGHTS.LIFE.NO_INQUIRY',
          'RIGHTS.LIFE.INQUIRY_NOT_INDEPENDENT',
          'RIGHTS.LIFE.BODY_RELEASED_EARLY',
        ],
        absent: ['RIGHTS.LIFE.DEATH_INQUIRY'],
      },
    },
  },
  {
    situation: 'R33',
    title: 'Consular contact for an asylum seeker',
    fragment: {
      people: [adult('s', { asylumExpressed: true, nationality: 'IR' })],
      decisions: {
        d_asylum: d({ register: [{ act: 'register_asylum_intention', person: 's' }] }),
        d_consul: d({
          consent: [
            {
              act: 'consular_notification',
              person: 's',
              params: { reason: 'detention', consent: true },
            },
          ],
          no_consent: [
            {
              act: 'consular_notification',
              person: 's',
              params: { reason: 'detention', consent: false },
            },
          ],
        }),
      },
    },
    compliant: {
      steps: ['d_asylum/register', 'd_consul/consent'],
      expect: {
        present: ['RIGHTS.CONSULAR.WITH_CONSENT'],
        absent: ['RIGHTS.CONSULAR.WITHOUT_CONSENT'],
      },
    },
    nonCompliant: {
      steps: ['d_asylum/register', 'd_consul/no_consent'],
      expect: {
        present: ['RIGHTS.CONSULAR.WITHOUT_CONSENT'],
        absent: ['RIGHTS.CONSULAR.WITH_CONSENT'],
      },
    },
  },
  {
    situation: 'R34',
    title: 'A CSO asks for access',
    fragment: {
      decisions: {
        d_cso: d({
          allow: [{ act: 'cso_access', params: { allowed: true } }],
          bar: [{ act: 'cso_access', params: { allowed: false } }],
        }),
      },
    },
    compliant: {
      steps: ['d_cso/allow'],
      expect: { present: ['RIGHTS.CSO.ACCESS'], absent: ['RIGHTS.CSO.BARRED'] },
    },
    nonCompliant: {
      steps: ['d_cso/bar'],
      expect: { present: ['RIGHTS.CSO.BARRED'], absent: ['RIGHTS.CSO.ACCESS'] },
    },
  },
  {
    situation: 'R35',
    title: 'Media ask for pictures',
    fragment: {
      people: [adult('group', { count: 10 })],
      decisions: {
        d_media: d({
          statement: [{ act: 'rights_information', group: 'all_migrants' }],
          video: [{ act: 'images_to_media', group: 'all_migrants' }],
        }),
      },
    },
    compliant: { steps: ['d_media/statement'], expect: { absent: ['RIGHTS.DATA.MEDIA'] } },
    nonCompliant: { steps: ['d_media/video'], expect: { present: ['RIGHTS.DATA.MEDIA'] } },
  },
  {
    situation: 'R36',
    title: 'Return of a witness without protection needs',
    fragment: WITNESS_LEAVES,
    compliant: {
      steps: ['d_depo/depose', 'd_return/return'],
      expect: {
        present: ['EVIDENCE.WITNESS.EARLY_DEPOSITION', 'RIGHTS.REMOVAL.INDIVIDUAL_ASSESSMENT'],
        absent: ['EVIDENCE.WITNESS.LOST'],
      },
    },
    nonCompliant: {
      steps: ['d_return/return_then_depose'],
      expect: {
        present: ['EVIDENCE.WITNESS.LOST'],
        absent: ['RIGHTS.REMOVAL.INDIVIDUAL_ASSESSMENT', 'EVIDENCE.WITNESS.EARLY_DEPOSITION'],
      },
    },
  },
  {
    situation: 'R37',
    title: 'Suspect interview',
    fragment: {
      people: [DRIVER],
      decisions: {
        d_interview: d({
          safeguarded: [
            {
              act: 'interview',
              person: 'driver',
              params: {
                purpose: 'suspect',
                interpreter: 'not_needed',
                lawyerPresent: true,
                caution: true,
                recorded: true,
              },
            },
          ],
          urgent: [
            {
              act: 'interview',
              person: 'driver',
              params: { purpose: 'suspect', interpreter: 'not_needed', lawyerPresent: false },
            },
          ],
        }),
      },
    },
    compliant: {
      steps: ['d_interview/safeguarded'],
      expect: {
        present: ['EVIDENCE.SUSPECT.SAFEGUARDED_INTERVIEW'],
        absent: ['EVIDENCE.SUSPECT.NO_LAWYER'],
      },
    },
    nonCompliant: {
      steps: ['d_interview/urgent'],
      expect: {
        present: ['EVIDENCE.SUSPECT.NO_LAWYER'],
        absent: ['EVIDENCE.SUSPECT.SAFEGUARDED_INTERVIEW'],
      },
    },
  },
  {
    situation: 'R38',
    title: 'Online adverts',
    fragment: {
      decisions: {
        d_osint: d({
          hashed: [{ act: 'osint_capture', params: { hashed: true } }],
          screenshot: [{ act: 'osint_capture', params: { hashed: false } }],
        }),
      },
    },
    compliant: {
      steps: ['d_osint/hashed'],
      expect: { present: ['EVIDENCE.OSINT.HASHED'], absent: ['EVIDENCE.OSINT.SCREENSHOT'] },
    },
    nonCompliant: {
      steps: ['d_osint/screenshot'],
      expect: { present: ['EVIDENCE.OSINT.SCREENSHOT'], absent: ['EVIDENCE.OSINT.HASHED'] },
    },
  },
];

export const GUARDS: GuardCase[] = [
  {
    situation: 'R33',
    title: 'Mandatory consular notice of a death (VCCR art. 37(a)) without consent',
    fragment: DEATH,
    steps: ['d_crash/dies', 'd_consul/death_notice'],
    absent: ['RIGHTS.CONSULAR.WITHOUT_CONSENT'],
    present: ['RIGHTS.CONSULAR.DEATH_NOTIFIED'],
  },
  {
    situation: 'R33',
    title: 'Consul told at the detained national’s own request (no written consent)',
    fragment: {
      people: [{ ...DRIVER, nationality: 'TR', consulRequested: true }],
      decisions: {
        d_arrest: d({
          arrest: [
            { person: 'driver', set: { whereabouts: 'in_custody' } },
            { act: 'lawyer_access', person: 'driver' },
          ],
        }),
        d_consul: d({
          tell: [
            {
              act: 'consular_notification',
              person: 'driver',
              params: { reason: 'arrest', consent: false },
            },
          ],
        }),
      },
    },
    steps: ['d_arrest/arrest', 'd_consul/tell'],
    absent: ['RIGHTS.CONSULAR.WITHOUT_CONSENT', 'RIGHTS.CONSULAR.REQUEST_IGNORED'],
    present: ['RIGHTS.CONSULAR.WITH_CONSENT'],
  },
  {
    situation: 'R37',
    title: 'Lawyer called in the same option as the arrest, after custody begins',
    fragment: {
      people: [DRIVER],
      decisions: {
        d_arrest: d({
          arrest: [
            { person: 'driver', set: { whereabouts: 'in_custody' } },
            { act: 'lawyer_access', person: 'driver' },
          ],
        }),
      },
    },
    steps: ['d_arrest/arrest', { tick: 4000 }],
    absent: ['RIGHTS.LIBERTY.SUSPECT_NO_SAFEGUARDS', 'RIGHTS.LIBERTY.NO_REVIEW'],
    present: ['RIGHTS.LIBERTY.SUSPECT_SAFEGUARDS'],
  },
  {
    situation: 'R31',
    title: 'Fast pursuit of a lone driver on an open road',
    fragment: {
      people: [DRIVER],
      decisions: { d_stop: d({ pursue: [PURSUIT('high', 'open_road', 'driver_only', false)] }) },
    },
    steps: ['d_stop/pursue'],
    absent: ['RIGHTS.LIFE.UNCONTROLLED_PURSUIT', 'RIGHTS.LIFE.RECKLESS_CHASE'],
  },
  {
    situation: 'R32',
    title: 'Serious injury with no state agent involved: inquiry by another police unit',
    fragment: {
      people: [adult('hurt')],
      decisions: {
        d_fall: d({ fall: [{ person: 'hurt', set: { vulnerabilities: ['serious_injury'] } }] }),
        d_after: d({
          steps: [
            { act: 'medical_care', person: 'hurt' },
            { act: 'secure_scene', person: 'hurt' },
            { act: 'notify_family', person: 'hurt' },
            {
              act: 'independent_inquiry',
              person: 'hurt',
              params: {
                by: 'other_police_unit',
                coversStateAgents: false,
                familyParticipation: false,
              },
            },
          ],
        }),
      },
    },
    steps: ['d_fall/fall', 'd_after/steps'],
    absent: [
      'RIGHTS.LIFE.INQUIRY_NOT_INDEPENDENT',
      'RIGHTS.LIFE.NO_INQUIRY',
      'RIGHTS.LIFE.RECKLESS_CHASE',
    ],
    present: ['RIGHTS.LIFE.DEATH_INQUIRY'],
  },
  {
    situation: 'R28',
    title: 'Identity of a witness who fears nothing, in the defence file',
    fragment: {
      people: [witness('clerk')],
      decisions: {
        d_file: d({
          disclose: [
            {
              act: 'disclose_witness_identity',
              person: 'clerk',
              params: { in: 'defence_file', riskAssessed: false },
            },
          ],
        }),
      },
    },
    steps: ['d_file/disclose'],
    absent: ['RIGHTS.WITNESS.EXPOSED'],
  },
  {
    situation: 'R10',
    title: 'Co-national passenger used for triage only',
    fragment: {
      people: [adult('farid', { languages: ['fa'] })],
      decisions: {
        d_triage: d({
          screen: [
            {
              act: 'interview',
              person: 'farid',
              params: { purpose: 'screening', interpreter: 'co_national', language: 'fa' },
            },
          ],
        }),
      },
    },
    steps: ['d_triage/screen'],
    absent: ['EVIDENCE.INTERPRETER.CO_NATIONAL', 'RIGHTS.INTERPRETER.NONE'],
  },
  {
    situation: 'R29',
    title: 'Custody ordered by a judge on the prosecutor’s request',
    fragment: {
      people: [DRIVER],
      requests: [
        {
          id: 'custody_order',
          title: T('Custody order'),
          from: ['prosecutor'],
          to: 'judge',
          durationMinutes: 60,
          grantEffects: [{ person: 'driver', set: { whereabouts: 'in_custody' } }],
        },
      ],
      decisions: { d_lawyer: d({ lawyer: [{ act: 'lawyer_access', person: 'driver' }] }) },
    },
    steps: [
      { send: 'custody_order', role: 'prosecutor' },
      { answer: 'custody_order', granted: true },
      { tick: 4000 },
    ],
    absent: ['RIGHTS.LIBERTY.SUSPECT_NO_SAFEGUARDS', 'RIGHTS.LIBERTY.NO_REVIEW'],
  },
  {
    situation: 'R06',
    title: 'An adult placed with other adults',
    fragment: {
      people: [adult('man', { claimedAge: 30 })],
      decisions: { d_place: d({ adults: [{ act: 'place_with_adults', person: 'man' }] }) },
    },
    steps: ['d_place/adults'],
    absent: ['RIGHTS.CHILD.WITH_ADULTS', 'RIGHTS.CHILD.NO_GUARDIAN'],
  },
  {
    situation: 'R26',
    title: 'The driver (a suspect) charged with smuggling',
    fragment: {
      people: [DRIVER],
      decisions: {
        d_charge: d({
          charge: [{ act: 'charge', person: 'driver', params: { offence: 'smuggling' } }],
        }),
      },
    },
    steps: ['d_charge/charge'],
    absent: ['RIGHTS.STATUS.PASSENGER_CHARGED', 'RIGHTS.TRAFFICKING.VICTIM_PROSECUTED'],
  },
  {
    situation: 'R26',
    title: 'A driver paid per passenger, arrested and charged with smuggling',
    fragment: {
      people: [{ ...DRIVER, reward: 'money' }],
      decisions: {
        d_arrest: d({
          arrest: [{ act: 'detain', person: 'driver', params: { place: 'police_cell' } }],
        }),
        d_charge: d({
          charge: [{ act: 'charge', person: 'driver', params: { offence: 'smuggling' } }],
        }),
      },
    },
    steps: ['d_arrest/arrest', 'd_charge/charge'],
    absent: ['RIGHTS.STATUS.UNPAID_HELP_CHARGED', 'RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED'],
  },
  {
    situation: 'R26',
    title: 'A volunteer paid nothing for a night’s shelter, heard as a witness',
    fragment: {
      people: [
        {
          id: 'volunteer',
          name: T('Volunteer'),
          kind: 'witness',
          languages: ['sr'],
          nationality: 'RS',
          reward: 'nothing',
        },
      ],
      decisions: {
        d_hear: d({
          hear: [
            {
              act: 'interview',
              person: 'volunteer',
              params: { purpose: 'witness', interpreter: 'not_needed', language: 'sr' },
            },
          ],
        }),
      },
    },
    steps: ['d_hear/hear'],
    absent: ['RIGHTS.STATUS.UNPAID_HELP_CHARGED', 'RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED'],
  },
  {
    situation: 'R03',
    title: 'An asylum wish nobody has heard yet',
    fragment: {
      people: [adult('quiet', { asylumExpressed: true, hidden: ['asylumExpressed'] })],
      decisions: {
        d_asylum: d({ register: [{ act: 'register_asylum_intention', person: 'quiet' }] }),
      },
    },
    steps: [{ tick: 5000 }],
    absent: ['RIGHTS.ASYLUM.IGNORED', 'RIGHTS.ASYLUM.REGISTERED_LATE'],
  },
  {
    situation: 'R11',
    title: 'Interview in the working language without an interpreter',
    fragment: {
      people: [witness('local')],
      decisions: {
        d_hear: d({
          hear: [
            {
              act: 'interview',
              person: 'local',
              params: { purpose: 'witness', interpreter: 'not_needed' },
            },
          ],
        }),
      },
    },
    steps: ['d_hear/hear'],
    absent: ['RIGHTS.INTERPRETER.NONE', 'RIGHTS.INTERPRETER.WRONG_LANGUAGE'],
  },
  {
    situation: 'R11',
    title: 'Interview held in a language the person speaks (English), without an interpreter',
    fragment: {
      people: [witness('rahim', { languages: ['bn', 'en'] })],
      decisions: {
        d_hear: d({
          hear: [
            {
              act: 'interview',
              person: 'rahim',
              params: { purpose: 'witness', interpreter: 'not_needed', language: 'en' },
            },
          ],
        }),
      },
    },
    steps: ['d_hear/hear'],
    absent: ['RIGHTS.INTERPRETER.NONE', 'RIGHTS.INTERPRETER.WRONG_LANGUAGE'],
  },
  {
    situation: 'R36',
    title: 'Return of an adult who is no witness, decided individually',
    fragment: {
      people: [adult('m')],
      decisions: {
        d_return: d({
          return: [
            {
              act: 'return_removal',
              person: 'm',
              params: { individual: true, riskAssessment: true },
            },
          ],
        }),
      },
    },
    steps: ['d_return/return'],
    absent: ['RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL', 'EVIDENCE.WITNESS.LOST'],
    present: ['RIGHTS.REMOVAL.INDIVIDUAL_ASSESSMENT'],
  },
  {
    situation: 'R17',
    title: 'Profit on a single source is not "proven"',
    fragment: {
      people: [DRIVER],
      evidence: [
        {
          id: 'cash',
          title: T('Cash on the driver'),
          kind: 'physical',
          element: ['benefit'],
          source: 'driver',
          independentSource: 'search',
          visibleTo: ['prosecutor'],
        },
      ],
      decisions: { d_money: d({ cash: [{ evidence: 'cash', obtained: prov() }] }) },
    },
    steps: ['d_money/cash'],
    absent: ['EVIDENCE.PROFIT.PROVEN'],
  },

  // ── exclusion derived from facts: nothing here writes that an item is inadmissible ──────────────
  {
    situation: 'R27',
    title: 'An off-record promise made to another suspect, not to the one whose statement is taken',
    fragment: PROMISE,
    steps: ['d_deal/promise_other'],
    absent: [],
    present: ['EVIDENCE.COOPERATION.INFORMAL_PROMISE'],
    admissible: ['driver_statement'],
  },
  {
    situation: 'R27',
    title: 'A formal plea agreement, the statement taken on record with counsel',
    fragment: PROMISE,
    steps: ['d_deal/formal'],
    absent: ['EVIDENCE.COOPERATION.INFORMAL_PROMISE'],
    present: ['EVIDENCE.COOPERATION.FORMAL'],
    admissible: ['driver_statement'],
  },
  {
    situation: 'R27',
    title: 'A statement taken with counsel before a later off-record promise stays usable',
    fragment: PROMISE,
    steps: ['d_take/with_lawyer', 'd_deal/promise_only'],
    absent: [],
    present: ['EVIDENCE.COOPERATION.INFORMAL_PROMISE'],
    admissible: ['driver_statement'],
  },
  {
    situation: 'R16',
    title: 'A lawful undercover operation without incitement',
    fragment: UNDERCOVER,
    steps: ['d_uc/passive'],
    absent: ['EVIDENCE.UNDERCOVER.ENTRAPMENT'],
    present: ['EVIDENCE.UNDERCOVER.AUTHORISED'],
    admissible: ['uc_recordings'],
  },
  {
    situation: 'R19',
    title: 'FIU report converted into evidence through orders to the banks',
    fragment: FIU,
    steps: ['d_fiu/convert', { answer: 'bank_orders', granted: true }],
    absent: ['EVIDENCE.MONEY.FIU_AS_EVIDENCE'],
    present: ['EVIDENCE.MONEY.FIU_CONVERTED'],
    admissible: ['transfers'],
  },
  {
    situation: 'R21',
    title: 'An unrecorded hand-over of one item leaves another item’s chain intact',
    fragment: CUSTODY,
    steps: ['d_seize/both', 'd_move/handed_other'],
    absent: [],
    present: ['EVIDENCE.CUSTODY.BROKEN'],
    admissible: ['cmr'],
  },
  {
    situation: 'R21',
    title: 'A recorded hand-over of an item to the laboratory',
    fragment: CUSTODY,
    steps: ['d_seize/both', 'd_move/logged'],
    absent: ['EVIDENCE.CUSTODY.BROKEN'],
    admissible: ['cmr', 'tachograph'],
  },
  {
    situation: 'R07',
    title: 'An adult witness heard without a guardian (no guardian is owed)',
    fragment: HEARINGS,
    steps: ['d_adult/alone'],
    absent: ['EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN'],
    admissible: ['adult_statement'],
  },
  {
    situation: 'R08',
    title: 'A witness withdraws, but independent evidence proves what she said',
    fragment: WITHDRAWAL,
    steps: ['d_hear/police', 'd_search/search', { inject: 'inj_threat' }],
    absent: [],
    present: ['EVIDENCE.WITNESS.LOST'],
    weakened: ['w_statement'],
    admissible: ['search_record'],
  },
];
