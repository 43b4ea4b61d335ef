/**
 * A "lab" scenario for the scoring tests: one working phase with one small decision per act, so a test
 * can produce exactly the acts it needs, plus requests and injects that reach the same situations
 * without any option annotation (a refused request, a facilitator inject that changes someone's state).
 */
import { compile, parseScenario } from '../../src';
import type { CompiledScenario, LogLine } from '../../src';

type Json = Record<string, unknown>;
const T = (en: string): Json => ({ en, 'sr-Latn': en });
const ev = (id: string, obtained: Json): Json => ({ evidence: id, obtained });
const prov = (
  order: string,
  interpreter = 'not_needed',
  consent = 'not_needed',
  custody = 'kept',
): Json => ({
  order,
  interpreter,
  consent,
  custody,
});

/** Decision with one agency (border_police unless given) and options { id: effects }. */
function dec(
  id: string,
  options: Record<string, Json[]>,
  agencies = ['border_police'],
  annotations: Record<string, Json[]> = {},
): Json {
  return {
    id,
    title: T(id),
    prompt: T(id),
    agencies,
    options: Object.entries(options).map(([oid, effects]) => ({
      id: oid,
      label: T(oid),
      timeCost: 0,
      effects,
      ...(annotations[oid] ? { annotations: annotations[oid] } : {}),
    })),
  };
}

/** One statement, two reasons it goes: the child heard without a guardian, through an interpreter tied to the driver. */
const KID_ALONE_TIED: Json[] = [
  {
    act: 'interview',
    person: 'kid',
    params: {
      purpose: 'child',
      interpreter: 'co_national',
      interpretedBy: 'cousin',
      guardianPresent: false,
    },
  },
  ev('kid_statement', prov('none', 'co_national', 'none')),
];

export const LAB: Json = {
  id: 'scoring-lab',
  version: '1.0.0',
  title: T('Scoring lab'),
  summary: T('One decision per act.'),
  durationMinutes: 60,
  languages: ['en'],
  timeLimitMinutes: 20000,
  timeLimitEnding: 'timeout',
  agencies: [
    { id: 'border_police', name: T('Border police'), playable: 'required', briefing: T('b') },
    { id: 'prosecutor', name: T('Prosecutor'), playable: 'required', briefing: T('b') },
    { id: 'social_work', name: T('Social work'), playable: 'optional', briefing: T('b') },
    { id: 'judge', name: T('Judge'), playable: 'facilitator', briefing: T('b') },
    { id: 'interpreter_pool', name: T('Interpreters'), playable: 'facilitator', briefing: T('b') },
  ],
  people: [
    { id: 'driver', name: T('Driver'), kind: 'suspect', languages: ['sr'] },
    {
      id: 'kid',
      name: T('Kid'),
      kind: 'migrant',
      claimedAge: 16,
      languages: ['ps'],
      vulnerabilities: ['child'],
      accompanied: false,
      smuggled: true,
      knownTo: ['border_police', 'social_work'],
    },
    {
      id: 'cold',
      name: T('Cold man'),
      kind: 'migrant',
      languages: ['ar'],
      vulnerabilities: ['hypothermia'],
      asylumExpressed: true,
      smuggled: true,
    },
    {
      id: 'adults',
      name: T('Five adults'),
      kind: 'migrant',
      count: 5,
      languages: ['ar'],
      smuggled: true,
    },
    {
      id: 'victim',
      name: T('Victim'),
      kind: 'migrant',
      languages: ['ur'],
      traffickingIndicators: ['passport_held'],
      smuggled: true,
    },
    { id: 'omar', name: T('Omar'), kind: 'migrant', languages: ['ar'], smuggled: true },
    // A registered court interpreter for Arabic who is the driver's cousin: certified, and still not neutral.
    {
      id: 'cousin',
      name: T('Rami, court interpreter'),
      kind: 'official',
      languages: ['sr', 'ar'],
      linkedTo: ['driver'],
    },
    // Language 2 facts: a passenger who may die or be hurt in a pursuit, a witness who fears retaliation,
    // a detained national who asks for the consul.
    { id: 'passenger', name: T('Passenger'), kind: 'witness', languages: ['sr'] },
    {
      id: 'fearful',
      name: T('Fearful witness'),
      kind: 'witness',
      languages: ['sr'],
      fearsRetaliation: true,
    },
    {
      id: 'asker',
      name: T('Detained national'),
      kind: 'suspect',
      nationality: 'TR',
      languages: ['sr'],
      consulRequested: true,
    },
    // A local who gave the group a lift and was paid nothing for it.
    {
      id: 'helper',
      name: T('Helper'),
      kind: 'witness',
      nationality: 'RS',
      languages: ['sr'],
      reward: 'nothing',
    },
    {
      id: 'quiet',
      name: T('Quiet one'),
      kind: 'migrant',
      languages: ['fa'],
      asylumExpressed: true,
      hidden: ['asylumExpressed'],
      smuggled: true,
    },
  ],
  facts: [{ id: 'flag', type: 'boolean', initial: false }],
  evidence: [
    {
      id: 'phone',
      title: T('Phone image'),
      kind: 'digital',
      element: ['facilitation', 'benefit'],
      source: 'driver',
      independentSource: 'driver_phone',
      needsOrder: 'judicial',
      visibleTo: ['border_police', 'prosecutor'],
    },
    {
      id: 'chats',
      title: T('Chats found on the phone'),
      kind: 'digital',
      element: ['identity_of_organiser'],
      source: 'organiser_data',
      independentSource: 'organiser_account',
      derivedFrom: ['phone'],
      visibleTo: ['prosecutor'],
      restricted: true,
    },
    {
      id: 'statement',
      title: T("Omar's statement"),
      kind: 'testimony',
      element: ['facilitation', 'benefit'],
      source: 'omar',
      independentSource: 'omar',
      visibleTo: ['prosecutor'],
    },
    {
      id: 'kid_statement',
      title: T("Kid's statement"),
      kind: 'testimony',
      element: ['aggravation_children'],
      source: 'kid',
      independentSource: 'kid',
      visibleTo: ['social_work', 'prosecutor'],
      restricted: true,
    },
    {
      id: 'uc_recordings',
      title: T("Undercover officer's recordings"),
      kind: 'testimony',
      element: ['facilitation', 'benefit'],
      source: 'undercover officer',
      independentSource: 'undercover',
      needsOrder: 'judicial',
      visibleTo: ['prosecutor'],
    },
    {
      id: 'cash',
      title: T('Cash'),
      kind: 'financial',
      element: ['benefit'],
      source: 'cab',
      independentSource: 'cab',
      visibleTo: ['border_police', 'prosecutor'],
    },
    {
      id: 'cmr',
      title: T('CMR'),
      kind: 'document',
      element: ['facilitation'],
      source: 'cab_docs',
      independentSource: 'consignor',
      visibleTo: ['border_police', 'prosecutor'],
    },
  ],
  phases: [
    {
      id: 'work',
      title: T('Work'),
      description: T('Everything'),
      decisions: [
        dec(
          'd_open',
          {
            triage: [{ act: 'open_vehicle' }, { act: 'triage', group: 'all_migrants' }],
            keep: [{ act: 'keep_inside_vehicle', group: 'all_migrants' }],
            open: [{ act: 'open_vehicle' }],
          },
          ['border_police'],
          {
            keep: [{ rule: 'R01', points: -4, axis: 'rights' }],
            open: [{ rule: 'R31', points: 1, axis: 'rights' }],
          },
        ),
        dec('d_ems', {
          ems: [{ act: 'medical_care', person: 'cold' }],
          hospital: [{ person: 'cold', set: { whereabouts: 'hospital' } }],
        }),
        dec('d_stop', {
          // Language 1 wording, migrated to a pursuit with neutral facts when the lab is read.
          chase: [{ act: 'chase', params: { reckless: true } }],
          controlled: [{ act: 'controlled_stop' }],
          pursue_ok: [
            {
              act: 'pursuit',
              params: {
                speed: 'within_limits',
                setting: 'open_road',
                occupants: 'passengers_on_board',
                alternativesConsidered: true,
                authorised: true,
              },
            },
          ],
        }),
        dec('d_crash', {
          dies: [{ person: 'passenger', set: { whereabouts: 'deceased' } }],
          hurt: [{ person: 'passenger', set: { vulnerabilities: ['serious_injury'] } }],
        }),
        dec('d_death', {
          autopsy: [{ act: 'autopsy' }],
          full: [
            { act: 'secure_scene', person: 'passenger' },
            { act: 'autopsy', person: 'passenger' },
            { act: 'identify_deceased', person: 'passenger' },
            { act: 'notify_family', person: 'passenger' },
            {
              act: 'independent_inquiry',
              person: 'passenger',
              params: { by: 'prosecutor', coversStateAgents: true, familyParticipation: true },
            },
            { act: 'release_body', person: 'passenger' },
          ],
          own_unit: [
            {
              act: 'independent_inquiry',
              person: 'passenger',
              params: { by: 'same_unit', coversStateAgents: false, familyParticipation: false },
            },
          ],
          release: [{ act: 'release_body', person: 'passenger' }],
        }),
        dec('d_arrest', {
          driver_with_lawyer: [
            { person: 'driver', set: { whereabouts: 'in_custody' } },
            { act: 'lawyer_access', person: 'driver' },
          ],
          lawyer_then_driver: [
            { act: 'lawyer_access', person: 'driver' },
            { person: 'driver', set: { whereabouts: 'in_custody' } },
          ],
          asker: [{ person: 'asker', set: { whereabouts: 'in_custody' } }],
        }),
        dec('d_disclose', {
          bare: [
            {
              act: 'disclose_witness_identity',
              person: 'fearful',
              params: { in: 'indictment', riskAssessed: false },
            },
          ],
          assessed: [
            {
              act: 'disclose_witness_identity',
              person: 'fearful',
              params: { in: 'indictment', riskAssessed: true },
            },
          ],
        }),
        dec('d_shield', {
          protect: [
            {
              act: 'witness_protection',
              person: 'fearful',
              params: { measures: ['pseudonym', 'video'] },
            },
          ],
        }),
        dec('d_sort', {
          separate: [{ act: 'separate_suspects' }],
          cuff: [{ act: 'cuff_all', group: 'all_migrants' }],
        }),
        dec('d_asylum', {
          register: [{ act: 'register_asylum_intention', person: 'cold' }],
          register_quiet: [{ act: 'register_asylum_intention', person: 'quiet' }],
          refer: [{ act: 'refer_asylum', person: 'cold' }],
          both: [
            { act: 'register_asylum_intention', person: 'cold' },
            { act: 'refer_asylum', person: 'cold' },
          ],
        }),
        // A referral (or registration) after the obligation was discharged by the other act.
        dec('d_asylum_after', {
          refer: [{ act: 'refer_asylum', person: 'cold' }],
          register: [{ act: 'register_asylum_intention', person: 'cold' }],
        }),
        dec('d_observe', {
          screen_quiet: [
            {
              act: 'interview',
              person: 'quiet',
              params: { purpose: 'screening', interpreter: 'certified', language: 'fa' },
            },
            { observe: 'quiet', to: ['border_police'] },
          ],
        }),
        dec('d_misd', {
          misd: [{ act: 'charge', person: 'adults', params: { offence: 'border_misdemeanour' } }],
          misd_driver: [
            { act: 'charge', person: 'driver', params: { offence: 'border_misdemeanour' } },
          ],
        }),
        dec('d_fence', {
          pushback: [{ act: 'pushback', person: 'adults' }],
          handover: [{ act: 'handover_foreign', person: 'adults' }],
          // Refusing keeps them in a procedure on record: they are told their rights.
          refuse: [{ act: 'rights_information', person: 'adults' }],
        }),
        dec('d_return', {
          blanket: [
            {
              act: 'return_removal',
              person: 'adults',
              params: { individual: false, riskAssessment: false },
            },
          ],
          individual: [
            {
              act: 'return_removal',
              person: 'adults',
              params: { individual: true, riskAssessment: true },
            },
          ],
          seeker: [
            {
              act: 'return_removal',
              person: 'cold',
              params: { individual: true, riskAssessment: true },
            },
          ],
          victim: [
            {
              act: 'return_removal',
              person: 'victim',
              params: { individual: true, riskAssessment: true },
            },
          ],
          witness: [
            {
              act: 'return_removal',
              person: 'omar',
              params: { individual: true, riskAssessment: true },
            },
          ],
        }),
        dec(
          'd_guardian',
          {
            guardian: [{ act: 'request_guardian', person: 'kid' }],
            set_guardian: [{ person: 'kid', set: { guardian: true } }],
          },
          ['border_police', 'social_work'],
        ),
        dec(
          'd_age',
          {
            holistic: [{ act: 'age_assessment', person: 'kid', params: { method: 'holistic' } }],
            xray: [{ act: 'age_assessment', person: 'kid', params: { method: 'xray_only' } }],
          },
          ['social_work'],
        ),
        dec(
          'd_place',
          {
            with_adults: [{ act: 'place_with_adults', person: 'kid' }],
            cell: [{ act: 'detain', persons: ['kid', 'adults'], params: { place: 'police_cell' } }],
            facility: [{ act: 'detain', person: 'kid', params: { place: 'child_facility' } }],
          },
          ['social_work', 'border_police'],
        ),
        dec(
          'd_kid_interview',
          {
            safe: [
              {
                act: 'interview',
                person: 'kid',
                params: {
                  purpose: 'child',
                  interpreter: 'certified',
                  language: 'ps',
                  guardianPresent: true,
                  recorded: true,
                },
              },
              ev('kid_statement', prov('prosecutor', 'certified', 'recorded')),
            ],
            alone: [
              {
                act: 'interview',
                person: 'kid',
                params: {
                  purpose: 'child',
                  interpreter: 'certified',
                  language: 'ps',
                  guardianPresent: false,
                },
              },
              ev('kid_statement', prov('prosecutor', 'certified', 'recorded')),
            ],
            alone_tied: KID_ALONE_TIED,
          },
          ['social_work', 'prosecutor'],
        ),
        dec('d_kid_interview_again', { alone_tied: KID_ALONE_TIED }, ['social_work', 'prosecutor']),
        dec(
          'd_depo',
          {
            depo: [
              {
                act: 'deposition',
                person: 'omar',
                params: { defenceNotified: true, video: true, interpreter: 'certified' },
              },
              ev('statement', prov('judicial', 'certified', 'recorded')),
            ],
            depo_no_defence: [
              {
                act: 'deposition',
                person: 'omar',
                params: { defenceNotified: false, video: true, interpreter: 'certified' },
              },
              ev('statement', prov('judicial', 'certified', 'recorded')),
            ],
            depo_cousin: [
              {
                act: 'deposition',
                person: 'omar',
                params: {
                  defenceNotified: true,
                  video: true,
                  interpreter: 'certified',
                  interpretedBy: 'cousin',
                },
              },
              ev('statement', prov('judicial', 'certified', 'recorded')),
            ],
          },
          ['prosecutor'],
        ),
        dec('d_omar_interview', {
          certified: [
            {
              act: 'interview',
              person: 'omar',
              params: { purpose: 'witness', interpreter: 'certified', language: 'ar' },
            },
            ev('statement', prov('none', 'certified', 'recorded')),
          ],
          co_national: [
            {
              act: 'interview',
              person: 'omar',
              params: { purpose: 'witness', interpreter: 'co_national' },
            },
            ev('statement', prov('none', 'certified', 'recorded')),
          ],
          cousin: [
            {
              act: 'interview',
              person: 'omar',
              params: {
                purpose: 'witness',
                interpreter: 'certified',
                interpretedBy: 'cousin',
                language: 'ar',
              },
            },
            ev('statement', prov('none', 'certified', 'recorded')),
          ],
          by_driver: [
            {
              act: 'interview',
              person: 'omar',
              params: {
                purpose: 'witness',
                interpreter: 'co_national',
                interpretedBy: 'driver',
                language: 'ar',
              },
            },
            ev('statement', prov('none', 'certified', 'recorded')),
          ],
          none: [
            {
              act: 'interview',
              person: 'omar',
              params: { purpose: 'witness', interpreter: 'none' },
            },
          ],
          wrong: [
            {
              act: 'interview',
              person: 'omar',
              params: { purpose: 'witness', interpreter: 'certified', language: 'fa' },
            },
          ],
          uncertified: [
            {
              act: 'interview',
              person: 'omar',
              params: { purpose: 'witness', interpreter: 'uncertified', language: 'ar' },
            },
          ],
        }),
        dec('d_omar_again', {
          certified_again: [
            {
              act: 'interview',
              person: 'omar',
              params: { purpose: 'witness', interpreter: 'certified', language: 'ar' },
            },
          ],
        }),
        dec('d_detain', {
          omar: [{ act: 'detain', person: 'omar', params: { place: 'detention_centre' } }],
          group: [{ act: 'detain', person: 'adults', params: { place: 'detention_centre' } }],
          alternatives: [{ act: 'alternatives_to_detention', person: 'adults' }],
        }),
        dec('d_lawyer', { lawyer: [{ act: 'lawyer_access', person: 'adults' }] }),
        dec(
          'd_protect',
          {
            protect: [
              { act: 'witness_protection', person: 'omar', params: { measures: ['video'] } },
            ],
          },
          ['prosecutor'],
        ),
        dec('d_phone', {
          judicial: [
            { act: 'device_search', person: 'driver', params: { order: 'judicial' } },
            ev('phone', prov('judicial')),
            ev('chats', prov('judicial')),
          ],
          browse: [
            { act: 'device_search', person: 'driver', params: { order: 'none' } },
            ev('phone', prov('none')),
            ev('chats', prov('none')),
          ],
          prosecutor: [{ act: 'device_search', person: 'driver', params: { order: 'prosecutor' } }],
        }),
        dec('d_mphones', {
          limited: [
            {
              act: 'migrant_phone_extraction',
              person: 'omar',
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
          unlawful: [
            {
              act: 'migrant_phone_extraction',
              group: 'all_migrants',
              params: { consent: 'none', scope: 'blanket' },
            },
          ],
        }),
        dec('d_data', {
          consulate: [{ act: 'data_share', person: 'cold', params: { with: 'consulate' } }],
          media: [{ act: 'images_to_media', group: 'all_migrants' }],
        }),
        dec('d_consul2', {
          death: [
            {
              act: 'consular_notification',
              person: 'passenger',
              params: { reason: 'death', consent: false },
            },
          ],
          asker: [
            {
              act: 'consular_notification',
              person: 'asker',
              params: { reason: 'arrest', consent: false },
            },
          ],
        }),
        dec('d_consul', {
          consent: [{ act: 'consular_notification', person: 'adults', params: { consent: true } }],
          no_consent: [
            { act: 'consular_notification', person: 'cold', params: { consent: false } },
          ],
        }),
        dec(
          'd_intercept',
          {
            ordered: [{ act: 'interception', params: { order: true } }],
            expired: [{ act: 'interception', params: { order: true, expired: true } }],
          },
          ['prosecutor'],
        ),
        dec(
          'd_undercover',
          {
            judge: [
              { act: 'undercover', params: { incitement: false, order: 'judicial' } },
              ev('uc_recordings', prov('judicial')),
            ],
            // No item obtained: nothing says a judge's order was needed.
            prosecutor: [{ act: 'undercover', params: { incitement: false, order: 'prosecutor' } }],
            // The recordings need a judge's order; the prosecutor's is weaker.
            prosecutor_recorded: [
              { act: 'undercover', params: { incitement: false, order: 'prosecutor' } },
              ev('uc_recordings', prov('prosecutor')),
            ],
            no_order: [
              { act: 'undercover', params: { incitement: false, order: 'none' } },
              ev('uc_recordings', prov('none')),
            ],
            // A file written before `order` existed: nothing obtained, or the order read from what was.
            unstated: [{ act: 'undercover', params: { incitement: false } }],
            unstated_recorded: [
              { act: 'undercover', params: { incitement: false } },
              ev('uc_recordings', prov('judicial')),
            ],
            unstated_unordered: [
              { act: 'undercover', params: { incitement: false } },
              ev('uc_recordings', prov('none')),
            ],
            incite: [{ act: 'undercover', params: { incitement: true, order: 'judicial' } }],
            incite_no_order: [{ act: 'undercover', params: { incitement: true, order: 'none' } }],
          },
          ['prosecutor'],
        ),
        dec('d_cash', { cash: [ev('cash', prov('prosecutor'))] }),
        dec('d_cmr', {
          cmr: [ev('cmr', prov('prosecutor'))],
          cmr_broken: [ev('cmr', prov('prosecutor', 'not_needed', 'not_needed', 'broken'))],
        }),
        dec('d_cmr_move', {
          handed_over: [{ act: 'custody_transfer', params: { evidence: 'cmr', recorded: false } }],
          logged: [{ act: 'custody_transfer', params: { evidence: 'cmr', recorded: true } }],
        }),
        dec(
          'd_charge',
          { smuggling: [{ act: 'charge', person: 'driver', params: { offence: 'smuggling' } }] },
          ['prosecutor'],
        ),
        dec(
          'd_money',
          { financial: [{ act: 'financial_investigation' }], freeze: [{ act: 'asset_freeze' }] },
          ['prosecutor'],
        ),
        dec(
          'd_fiu',
          {
            converted: [{ act: 'fiu_conversion', params: { converted: true } }],
            as_evidence: [{ act: 'fiu_conversion', params: { converted: false } }],
          },
          ['prosecutor'],
        ),
        dec('d_cctv', { preserve: [{ act: 'preserve_cctv' }] }),
        dec('d_vehicle', {
          sealed: [{ act: 'vehicle_search', params: { witnessed: true, sealed: true } }],
          unsealed: [{ act: 'vehicle_search', params: { witnessed: false, sealed: false } }],
        }),
        dec(
          'd_osint',
          {
            hashed: [{ act: 'osint_capture', params: { hashed: true } }],
            screenshot: [{ act: 'osint_capture', params: { hashed: false } }],
          },
          ['prosecutor'],
        ),
        dec(
          'd_preserve',
          {
            request: [{ act: 'preservation_request' }],
            // A written request to the motorway operator: the preservation of its camera and toll data.
            operator: [{ act: 'preservation_request' }, { act: 'preserve_cctv' }],
          },
          ['prosecutor'],
        ),
        // The same steps again, later (the channel posts new adverts; another platform).
        dec(
          'd_osint_again',
          {
            hashed: [{ act: 'osint_capture', params: { hashed: true } }],
            request: [{ act: 'preservation_request' }],
          },
          ['prosecutor'],
        ),
        dec(
          'd_abroad',
          { mla: [{ act: 'mla_request' }], informal: [{ act: 'informal_contact' }] },
          ['prosecutor'],
        ),
        dec(
          'd_victim',
          {
            refer: [{ act: 'refer_trafficking_identification', person: 'victim' }],
            non_punishment: [{ act: 'non_punishment', person: 'victim' }],
            charge_victim: [
              { act: 'charge', person: 'victim', params: { offence: 'illegal_work' } },
            ],
          },
          ['prosecutor'],
        ),
        dec(
          'd_passenger',
          {
            charge_passenger: [
              { act: 'charge', person: 'adults', params: { offence: 'smuggling' } },
            ],
            interview_suspect: [
              {
                act: 'interview',
                person: 'adults',
                params: {
                  purpose: 'suspect',
                  interpreter: 'certified',
                  language: 'ar',
                  lawyerPresent: true,
                  caution: true,
                },
              },
            ],
          },
          ['prosecutor'],
        ),
        dec(
          'd_helper',
          {
            charge_helper: [{ act: 'charge', person: 'helper', params: { offence: 'smuggling' } }],
            arrest_helper: [{ act: 'detain', person: 'helper', params: { place: 'police_cell' } }],
            hear_helper: [
              {
                act: 'interview',
                person: 'helper',
                params: {
                  purpose: 'witness',
                  interpreter: 'not_needed',
                  language: 'sr',
                  recorded: true,
                  individual: true,
                },
              },
            ],
          },
          ['prosecutor'],
        ),
        dec(
          'd_passenger_charge',
          { charge_after: [{ act: 'charge', person: 'adults', params: { offence: 'smuggling' } }] },
          ['prosecutor'],
        ),
        dec(
          'd_plea',
          {
            formal: [{ act: 'plea_agreement', person: 'driver', params: { formal: true } }],
            promise: [{ act: 'plea_agreement', person: 'driver', params: { formal: false } }],
          },
          ['prosecutor'],
        ),
        dec('d_cso', {
          allow: [{ act: 'cso_access', params: { allowed: true } }],
          bar: [{ act: 'cso_access', params: { allowed: false } }],
        }),
        dec(
          'd_suspect',
          {
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
            no_lawyer: [
              {
                act: 'interview',
                person: 'driver',
                params: { purpose: 'suspect', interpreter: 'not_needed', lawyerPresent: false },
              },
            ],
          },
          ['prosecutor'],
        ),
        dec('d_end', { finish: [{ end: 'done' }] }, ['prosecutor']),
      ],
    },
  ],
  requests: [
    {
      id: 'req_interp',
      title: T('Interpreter for Omar'),
      from: ['border_police'],
      to: 'interpreter_pool',
      durationMinutes: 30,
      grantEffects: [
        {
          act: 'interview',
          person: 'omar',
          params: { purpose: 'witness', interpreter: 'certified', language: 'ar' },
        },
      ],
      // No interpreter came: the officers go ahead anyway.
      refuseEffects: [
        { act: 'interview', person: 'omar', params: { purpose: 'witness', interpreter: 'none' } },
      ],
    },
    {
      id: 'req_custody',
      title: T('Custody order for the driver'),
      from: ['prosecutor'],
      to: 'judge',
      durationMinutes: 60,
      grantEffects: [{ person: 'driver', set: { whereabouts: 'in_custody' } }],
    },
  ],
  injects: [
    {
      id: 'omar_leaves',
      title: T('Omar leaves'),
      body: T('He is gone'),
      to: ['prosecutor'],
      release: 'facilitator',
      effects: [{ person: 'omar', set: { whereabouts: 'departed' } }],
    },
    {
      id: 'kid_locked',
      title: T('Night shift'),
      body: T('The kid was put in the cell with the others'),
      to: ['border_police'],
      release: 'facilitator',
      effects: [{ person: 'kid', set: { whereabouts: 'in_custody' } }],
    },
    {
      id: 'warning',
      title: T('Bus tickets'),
      body: T('They leave in two days'),
      to: ['prosecutor'],
      release: 'facilitator',
      effects: [{ inject: 'omar_leaves_later', after: 2880 }],
    },
    {
      id: 'omar_leaves_later',
      title: T('Omar left'),
      body: T('Gone'),
      to: ['prosecutor'],
      release: 'effect',
      effects: [{ person: 'omar', set: { whereabouts: 'departed' } }],
    },
  ],
  endings: [
    { id: 'done', title: T('Done'), description: T('d'), kind: 'other' },
    { id: 'timeout', title: T('Timeout'), description: T('t'), kind: 'other' },
  ],
};

const compiled = new Map<string, CompiledScenario>();

/** The lab scenario, investigated in Serbia unless `country` names another state. */
export function lab(country?: string): CompiledScenario {
  const key = country ?? '';
  const done = compiled.get(key);
  if (done) return done;
  const r = parseScenario(JSON.stringify(country ? { ...LAB, country } : LAB), { format: 'json' });
  if (!r.ok)
    throw new Error(
      `lab scenario invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  const c = compile(r.scenario);
  compiled.set(key, c);
  return c;
}

/** A step of a lab script: "decision/option", a tick, a request, an answer, an inject, or the end. */
export type LabStep =
  | string
  | { tick: number }
  | { send: string; role?: string }
  | { answer: string; granted: boolean }
  | { inject: string };

/** Turn a lab script into an event log for team `team` (session start and end included). */
export function labLog(steps: LabStep[], team = 't1', end = true, country?: string): LogLine[] {
  return scriptLog(lab(country), steps, team, end);
}

/**
 * Turn a script into an event log of scenario `c` for one team: decisions are made by the first agency
 * the decision names, everything else by the clock or the facilitator.
 */
export function scriptLog(
  c: CompiledScenario,
  steps: LabStep[],
  team = 't1',
  end = true,
): LogLine[] {
  const out: LogLine[] = [
    {
      seq: 1,
      team: null,
      role: null,
      participant: null,
      type: 'session.started',
      payload: { scenario: c.id, version: c.version, teams: [{ id: team, name: team }] },
    },
  ];
  let seq = 1;
  for (const s of steps) {
    seq += 1;
    if (typeof s === 'string') {
      const [decision = '', option = ''] = s.split('/');
      const role = c.decisions.get(decision)?.def.agencies[0] ?? 'border_police';
      out.push({
        seq,
        team,
        role,
        participant: `${team}-${role}`,
        type: 'decision.made',
        payload: { decision, option },
      });
    } else if ('tick' in s)
      out.push({
        seq,
        team,
        role: null,
        participant: null,
        type: 'clock.ticked',
        payload: { minutes: s.tick },
      });
    else if ('send' in s)
      out.push({
        seq,
        team,
        role: s.role ?? 'border_police',
        participant: `${team}-${s.role ?? 'border_police'}`,
        type: 'request.sent',
        payload: { request: s.send },
      });
    else if ('answer' in s)
      out.push({
        seq,
        team,
        role: null,
        participant: null,
        type: 'request.answered',
        payload: { request: s.answer, granted: s.granted },
      });
    else
      out.push({
        seq,
        team,
        role: null,
        participant: null,
        type: 'inject.released',
        payload: { inject: s.inject },
      });
  }
  if (end)
    out.push({
      seq: seq + 1,
      team: null,
      role: null,
      participant: null,
      type: 'session.ended',
      payload: {},
    });
  return out;
}

let compiledWithEndings: CompiledScenario | undefined;

/** The lab with endings of each kind but "collapse" (they never fire in play: the flag is never set). */
export function labWithEndings(): CompiledScenario {
  if (compiledWithEndings) return compiledWithEndings;
  const never = { fact: 'flag', eq: true };
  const endings = [
    ...(LAB.endings as Json[]),
    {
      id: 'e_conviction',
      title: T('Organisers convicted'),
      description: T('c'),
      kind: 'conviction',
      when: never,
    },
    { id: 'e_plea', title: T('Driver pleads'), description: T('p'), kind: 'plea', when: never },
    {
      id: 'e_acquittal',
      title: T('Acquittal'),
      description: T('a'),
      kind: 'acquittal',
      when: never,
    },
    {
      id: 'e_hard_fail',
      title: T('Complaint to the Court'),
      description: T('h'),
      kind: 'hard_fail',
      when: never,
    },
  ];
  const r = parseScenario(JSON.stringify({ ...LAB, id: 'scoring-lab-endings', endings }), {
    format: 'json',
  });
  if (!r.ok)
    throw new Error(
      `lab scenario invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  compiledWithEndings = compile(r.scenario);
  return compiledWithEndings;
}
