/**
 * Every rule the scoring model detects by itself: a minimal log that triggers it and one that does not.
 * The lab scenario has no annotations on these options (except where a test says so), so what is found
 * here is found from acts and state alone.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { compile, parseScenario } from '../src';
import type { ActKind, Effect } from '../src';
import { DEFAULT_RUBRIC } from '../src/rubric';
import { debrief } from '../src/scoring';
import type { Debrief } from '../src/scoring';
import { lab, labLog } from './scoring/lab';
import type { LabStep } from './scoring/lab';

interface Case {
  rule: string;
  trigger: LabStep[];
  without: LabStep[];
  /** Do not end the session (obligations still running). */
  open?: boolean;
  /** Where the lab case is investigated (default: Serbia). */
  country?: string;
}

const T = (minutes: number): LabStep => ({ tick: minutes });

export const CASES: Case[] = [
  { rule: 'RIGHTS.LIFE.TRIAGE', trigger: ['d_open/triage'], without: [T(40), 'd_open/triage'] },
  {
    rule: 'RIGHTS.LIFE.TRIAGE_LATE',
    trigger: [T(40), 'd_open/triage'],
    without: ['d_open/triage'],
  },
  { rule: 'RIGHTS.LIFE.NO_ASSISTANCE', trigger: ['d_open/open'], without: ['d_open/triage'] },
  { rule: 'RIGHTS.LIFE.KEPT_INSIDE', trigger: ['d_open/keep'], without: ['d_open/triage'] },
  { rule: 'RIGHTS.MEDICAL.CARE', trigger: ['d_ems/ems'], without: [T(200), 'd_ems/ems'] },
  {
    rule: 'RIGHTS.MEDICAL.DELAYED',
    trigger: [T(200), 'd_ems/hospital'],
    without: ['d_ems/hospital'],
  },
  { rule: 'RIGHTS.MEDICAL.DENIED', trigger: ['d_open/triage'], without: ['d_ems/ems'] },
  {
    rule: 'RIGHTS.LIFE.RECKLESS_CHASE',
    trigger: ['d_stop/chase', 'd_crash/dies'],
    without: ['d_stop/pursue_ok', 'd_crash/dies'],
  },
  {
    rule: 'RIGHTS.LIFE.CONTROLLED_STOP',
    trigger: ['d_stop/controlled'],
    without: ['d_stop/chase'],
  },
  {
    rule: 'RIGHTS.LIFE.DEATH_INQUIRY',
    trigger: ['d_crash/dies', 'd_death/full'],
    without: ['d_crash/dies', 'd_death/autopsy'],
  },
  {
    rule: 'RIGHTS.LIFE.NO_INQUIRY',
    trigger: ['d_crash/dies', 'd_death/autopsy'],
    without: ['d_crash/dies', 'd_death/full'],
  },
  {
    rule: 'RIGHTS.LIFE.INQUIRY_NOT_INDEPENDENT',
    trigger: ['d_stop/chase', 'd_crash/hurt', 'd_death/own_unit'],
    without: ['d_stop/chase', 'd_crash/hurt', 'd_death/full'],
  },
  {
    rule: 'RIGHTS.LIFE.BODY_RELEASED_EARLY',
    trigger: ['d_crash/dies', 'd_death/release'],
    without: ['d_crash/dies', 'd_death/full'],
  },
  {
    rule: 'RIGHTS.LIFE.UNCONTROLLED_PURSUIT',
    trigger: ['d_stop/chase'],
    without: ['d_stop/pursue_ok'],
  },
  {
    rule: 'RIGHTS.CONSULAR.DEATH_NOTIFIED',
    trigger: ['d_crash/dies', 'd_consul2/death'],
    without: ['d_consul2/death'],
  },
  {
    rule: 'RIGHTS.CONSULAR.REQUEST_IGNORED',
    trigger: ['d_arrest/asker'],
    without: ['d_arrest/asker', 'd_consul2/asker'],
  },
  {
    rule: 'RIGHTS.WITNESS.EXPOSED',
    trigger: ['d_disclose/bare'],
    without: ['d_shield/protect', 'd_disclose/assessed'],
  },
  {
    rule: 'RIGHTS.LIBERTY.SUSPECT_SAFEGUARDS',
    trigger: ['d_arrest/driver_with_lawyer'],
    without: ['d_arrest/lawyer_then_driver'],
  },
  {
    rule: 'RIGHTS.LIBERTY.SUSPECT_NO_SAFEGUARDS',
    trigger: ['d_arrest/lawyer_then_driver'],
    without: ['d_arrest/driver_with_lawyer'],
  },
  {
    rule: 'EVIDENCE.SORTING.SEPARATE_SUSPECTS',
    trigger: ['d_sort/separate'],
    without: ['d_sort/cuff'],
  },
  { rule: 'RIGHTS.STATUS.CUFF_ALL', trigger: ['d_sort/cuff'], without: ['d_sort/separate'] },
  {
    rule: 'RIGHTS.ASYLUM.REGISTERED',
    trigger: ['d_asylum/register'],
    without: [T(4400), 'd_asylum/register'],
  },
  {
    rule: 'RIGHTS.ASYLUM.REGISTERED_LATE',
    trigger: [T(4400), 'd_asylum/register'],
    without: ['d_asylum/register'],
  },
  { rule: 'RIGHTS.ASYLUM.IGNORED', trigger: ['d_sort/separate'], without: ['d_asylum/register'] },
  {
    rule: 'RIGHTS.NONPENALISATION.MISDEMEANOUR',
    trigger: ['d_misd/misd'],
    without: ['d_misd/misd_driver'],
  },
  {
    rule: 'RIGHTS.NONREFOULEMENT.PUSHBACK',
    trigger: ['d_fence/pushback'],
    without: ['d_fence/refuse'],
  },
  {
    rule: 'RIGHTS.NONREFOULEMENT.HANDOVER',
    trigger: ['d_fence/handover'],
    without: ['d_fence/refuse'],
  },
  {
    rule: 'RIGHTS.NONREFOULEMENT.REFUSED',
    trigger: ['d_fence/refuse'],
    without: ['d_fence/handover'],
  },
  {
    rule: 'RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL',
    trigger: ['d_return/blanket'],
    without: ['d_return/individual'],
  },
  {
    rule: 'RIGHTS.NONREFOULEMENT.PENDING_CLAIM',
    trigger: ['d_return/seeker'],
    without: ['d_return/individual'],
  },
  {
    rule: 'RIGHTS.REMOVAL.INDIVIDUAL_ASSESSMENT',
    trigger: ['d_return/individual'],
    without: ['d_return/blanket'],
  },
  {
    rule: 'RIGHTS.CHILD.GUARDIAN',
    trigger: ['d_guardian/guardian'],
    without: [T(1500), 'd_guardian/guardian'],
  },
  {
    rule: 'RIGHTS.CHILD.GUARDIAN_LATE',
    trigger: [T(1500), 'd_guardian/set_guardian'],
    without: ['d_guardian/set_guardian'],
  },
  {
    rule: 'RIGHTS.CHILD.NO_GUARDIAN',
    trigger: ['d_age/holistic'],
    without: ['d_guardian/guardian'],
  },
  { rule: 'RIGHTS.CHILD.AGE_HOLISTIC', trigger: ['d_age/holistic'], without: ['d_age/xray'] },
  { rule: 'RIGHTS.CHILD.AGE_XRAY_ONLY', trigger: ['d_age/xray'], without: ['d_age/holistic'] },
  {
    rule: 'RIGHTS.CHILD.WITH_ADULTS',
    trigger: ['d_place/with_adults'],
    without: ['d_place/facility'],
  },
  { rule: 'RIGHTS.CHILD.DETENTION', trigger: ['d_place/cell'], without: ['d_place/facility'] },
  {
    rule: 'RIGHTS.CHILD.APPROPRIATE_CARE',
    trigger: ['d_place/facility'],
    without: ['d_place/cell'],
  },
  {
    rule: 'EVIDENCE.CHILD.SAFEGUARDED_INTERVIEW',
    trigger: ['d_kid_interview/safe'],
    without: ['d_kid_interview/alone'],
  },
  {
    rule: 'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN',
    trigger: ['d_kid_interview/alone'],
    without: ['d_kid_interview/safe'],
  },
  {
    rule: 'EVIDENCE.WITNESS.EARLY_DEPOSITION',
    trigger: ['d_depo/depo'],
    without: ['d_depo/depo_no_defence'],
  },
  {
    rule: 'EVIDENCE.WITNESS.DEFECTIVE_DEPOSITION',
    trigger: ['d_depo/depo_no_defence'],
    without: ['d_depo/depo'],
  },
  {
    rule: 'EVIDENCE.WITNESS.LOST',
    trigger: ['d_omar_interview/certified', { inject: 'omar_leaves' }],
    without: ['d_depo/depo', { inject: 'omar_leaves' }],
  },
  {
    rule: 'RIGHTS.LIBERTY.WITNESS_DETAINED',
    trigger: ['d_detain/omar'],
    without: ['d_detain/alternatives'],
  },
  { rule: 'RIGHTS.WITNESS.PROTECTED', trigger: ['d_protect/protect'], without: [] },
  {
    rule: 'RIGHTS.INTERPRETER.NEUTRAL',
    trigger: ['d_omar_interview/certified'],
    without: ['d_omar_interview/uncertified'],
  },
  {
    rule: 'EVIDENCE.INTERPRETER.CO_NATIONAL',
    trigger: ['d_omar_interview/co_national'],
    // A certified interpreter tied to the driver is wrong for the tie, not for being a passenger.
    without: ['d_omar_interview/cousin'],
  },
  {
    rule: 'EVIDENCE.INTERPRETER.TIED',
    trigger: ['d_omar_interview/cousin'],
    without: ['d_omar_interview/co_national'],
  },

  {
    rule: 'RIGHTS.INTERPRETER.NONE',
    trigger: ['d_omar_interview/none'],
    without: ['d_omar_interview/certified'],
  },
  {
    rule: 'RIGHTS.INTERPRETER.WRONG_LANGUAGE',
    trigger: ['d_omar_interview/wrong'],
    without: ['d_omar_interview/certified'],
  },
  {
    rule: 'RIGHTS.INTERPRETER.REDONE',
    trigger: ['d_omar_interview/none', 'd_omar_again/certified_again'],
    without: ['d_omar_interview/certified', 'd_omar_again/certified_again'],
  },
  {
    rule: 'EVIDENCE.INTERPRETER.UNCERTIFIED',
    trigger: ['d_omar_interview/uncertified'],
    without: ['d_omar_interview/certified'],
  },
  { rule: 'EVIDENCE.DEVICE.ORDER', trigger: ['d_phone/judicial'], without: ['d_phone/prosecutor'] },
  { rule: 'EVIDENCE.DEVICE.NO_ORDER', trigger: ['d_phone/browse'], without: ['d_phone/judicial'] },
  {
    rule: 'EVIDENCE.MIGRANT_PHONES.LIMITED',
    trigger: ['d_mphones/limited'],
    without: ['d_mphones/blanket'],
  },
  {
    rule: 'RIGHTS.PRIVACY.BLANKET_PHONES',
    trigger: ['d_mphones/blanket'],
    without: ['d_mphones/limited'],
  },
  {
    rule: 'EVIDENCE.MIGRANT_PHONES.UNLAWFUL',
    trigger: ['d_mphones/unlawful'],
    without: ['d_mphones/limited'],
  },
  { rule: 'RIGHTS.DATA.CONSULATE_SHARE', trigger: ['d_data/consulate'], without: ['d_data/media'] },
  { rule: 'RIGHTS.DATA.MEDIA', trigger: ['d_data/media'], without: ['d_data/consulate'] },
  {
    rule: 'RIGHTS.CONSULAR.WITH_CONSENT',
    trigger: ['d_consul/consent'],
    without: ['d_consul/no_consent'],
  },
  {
    rule: 'RIGHTS.CONSULAR.WITHOUT_CONSENT',
    trigger: ['d_consul/no_consent'],
    without: ['d_consul/consent'],
  },
  {
    rule: 'EVIDENCE.INTERCEPTION.AUTHORISED',
    trigger: ['d_intercept/ordered'],
    without: ['d_intercept/expired'],
  },
  {
    rule: 'EVIDENCE.INTERCEPTION.UNLAWFUL',
    trigger: ['d_intercept/expired'],
    without: ['d_intercept/ordered'],
  },
  {
    // An officer posing as a customer with no order is no authorised undercover work.
    rule: 'EVIDENCE.UNDERCOVER.AUTHORISED',
    trigger: ['d_undercover/judge'],
    without: ['d_undercover/no_order'],
  },
  {
    rule: 'EVIDENCE.UNDERCOVER.NO_ORDER',
    trigger: ['d_undercover/no_order'],
    without: ['d_undercover/judge'],
  },
  {
    rule: 'EVIDENCE.UNDERCOVER.ENTRAPMENT',
    trigger: ['d_undercover/incite'],
    without: ['d_undercover/judge'],
  },
  {
    // Profit is proven by independent sources that corroborate each other: cash alone is one source.
    rule: 'EVIDENCE.PROFIT.PROVEN',
    trigger: ['d_phone/judicial', 'd_cash/cash'],
    without: ['d_cash/cash'],
  },
  {
    rule: 'EVIDENCE.PROFIT.UNPROVEN',
    trigger: ['d_charge/smuggling'],
    without: ['d_cash/cash', 'd_charge/smuggling'],
  },
  {
    rule: 'EVIDENCE.MONEY.FINANCIAL_INVESTIGATION',
    trigger: ['d_money/financial'],
    without: ['d_money/freeze'],
  },
  {
    rule: 'EVIDENCE.MONEY.ASSET_FREEZE',
    trigger: ['d_money/freeze'],
    without: ['d_money/financial'],
  },
  { rule: 'EVIDENCE.MONEY.NONE', trigger: ['d_money/freeze'], without: ['d_money/financial'] },
  {
    rule: 'EVIDENCE.MONEY.FIU_CONVERTED',
    trigger: ['d_fiu/converted'],
    without: ['d_fiu/as_evidence'],
  },
  {
    rule: 'EVIDENCE.MONEY.FIU_AS_EVIDENCE',
    trigger: ['d_fiu/as_evidence'],
    without: ['d_fiu/converted'],
  },
  {
    rule: 'EVIDENCE.CCTV.PRESERVED',
    trigger: [T(600), 'd_cctv/preserve'],
    without: [T(1500), 'd_cctv/preserve'],
  },
  {
    rule: 'EVIDENCE.CCTV.PARTIAL',
    trigger: [T(1500), 'd_cctv/preserve'],
    without: ['d_cctv/preserve'],
  },
  {
    rule: 'EVIDENCE.CCTV.LOST',
    trigger: [T(5000), 'd_cctv/preserve'],
    without: ['d_cctv/preserve'],
  },
  {
    rule: 'EVIDENCE.VEHICLE.WITNESSED_SEALED',
    trigger: ['d_vehicle/sealed'],
    without: ['d_vehicle/unsealed'],
  },
  {
    rule: 'EVIDENCE.VEHICLE.UNSEALED',
    trigger: ['d_vehicle/unsealed'],
    without: ['d_vehicle/sealed'],
  },
  { rule: 'EVIDENCE.CUSTODY.BROKEN', trigger: ['d_cmr/cmr_broken'], without: ['d_cmr/cmr'] },
  {
    rule: 'EVIDENCE.CUSTODY.BROKEN',
    trigger: ['d_cmr/cmr', 'd_cmr_move/handed_over'],
    without: ['d_cmr/cmr', 'd_cmr_move/logged'],
  },
  { rule: 'EVIDENCE.OSINT.HASHED', trigger: ['d_osint/hashed'], without: ['d_osint/screenshot'] },
  {
    rule: 'EVIDENCE.OSINT.PRESERVED',
    trigger: ['d_preserve/request'],
    without: ['d_osint/hashed', 'd_preserve/operator'],
  },
  {
    rule: 'EVIDENCE.OSINT.SCREENSHOT',
    trigger: ['d_osint/screenshot'],
    without: ['d_osint/hashed'],
  },
  { rule: 'EVIDENCE.CROSSBORDER.MLA', trigger: ['d_abroad/mla'], without: ['d_abroad/informal'] },
  {
    rule: 'EVIDENCE.CROSSBORDER.INFORMAL_ONLY',
    trigger: ['d_abroad/informal'],
    without: ['d_abroad/mla'],
  },
  {
    rule: 'RIGHTS.TRAFFICKING.REFERRED',
    trigger: ['d_victim/refer'],
    without: [T(4400), 'd_victim/refer'],
  },
  {
    rule: 'RIGHTS.TRAFFICKING.NOT_REFERRED',
    trigger: ['d_sort/separate'],
    without: ['d_victim/refer'],
  },
  {
    rule: 'RIGHTS.TRAFFICKING.REMOVED_UNIDENTIFIED',
    trigger: ['d_return/victim'],
    without: ['d_victim/refer', 'd_return/victim'],
  },
  {
    rule: 'RIGHTS.TRAFFICKING.NON_PUNISHMENT',
    trigger: ['d_victim/non_punishment'],
    without: ['d_victim/refer'],
  },
  {
    rule: 'RIGHTS.TRAFFICKING.VICTIM_PROSECUTED',
    trigger: ['d_victim/charge_victim'],
    without: ['d_victim/non_punishment'],
  },
  {
    rule: 'RIGHTS.STATUS.PASSENGER_CHARGED',
    trigger: ['d_passenger/charge_passenger'],
    without: ['d_passenger/interview_suspect', 'd_passenger_charge/charge_after'],
  },
  {
    rule: 'EVIDENCE.STATUS.ROLE_ASSESSED',
    trigger: ['d_passenger/interview_suspect', 'd_passenger_charge/charge_after'],
    without: ['d_passenger/charge_passenger'],
  },
  // A helper paid nothing for a lift: charged or arrested as a smuggler, heard as a witness instead.
  {
    rule: 'RIGHTS.STATUS.UNPAID_HELP_CHARGED',
    trigger: ['d_helper/charge_helper'],
    without: ['d_helper/hear_helper', 'd_passenger/charge_passenger'],
  },
  {
    rule: 'RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED',
    trigger: ['d_helper/arrest_helper'],
    without: ['d_helper/hear_helper'],
    country: 'HU',
  },
  { rule: 'EVIDENCE.COOPERATION.FORMAL', trigger: ['d_plea/formal'], without: ['d_plea/promise'] },
  {
    rule: 'EVIDENCE.COOPERATION.INFORMAL_PROMISE',
    trigger: ['d_plea/promise'],
    without: ['d_plea/formal'],
  },
  {
    rule: 'RIGHTS.LIBERTY.GROUP_DETENTION',
    trigger: ['d_detain/group'],
    without: ['d_detain/alternatives'],
  },
  {
    rule: 'RIGHTS.LIBERTY.REVIEWED',
    trigger: ['d_detain/group', 'd_lawyer/lawyer'],
    without: ['d_detain/group'],
  },
  {
    rule: 'RIGHTS.LIBERTY.NO_REVIEW',
    trigger: ['d_detain/group', T(3000)],
    without: ['d_detain/group', 'd_lawyer/lawyer', T(3000)],
    open: true,
  },
  { rule: 'RIGHTS.CSO.ACCESS', trigger: ['d_cso/allow'], without: ['d_cso/bar'] },
  { rule: 'RIGHTS.CSO.BARRED', trigger: ['d_cso/bar'], without: ['d_cso/allow'] },
  {
    rule: 'EVIDENCE.SUSPECT.SAFEGUARDED_INTERVIEW',
    trigger: ['d_suspect/safeguarded'],
    without: ['d_suspect/no_lawyer'],
  },
  {
    rule: 'EVIDENCE.SUSPECT.NO_LAWYER',
    trigger: ['d_suspect/no_lawyer'],
    without: ['d_suspect/safeguarded'],
  },
];

const ruleIds = (d: Debrief) =>
  new Set(
    d.teams.flatMap((t) => t.items.filter((i) => i.source !== 'annotation').map((i) => i.ruleId)),
  );

describe('an interpreter is named for what is wrong with them', () => {
  const team = (steps: LabStep[]) => {
    const t = debrief(lab(), labLog(steps)).teams[0];
    if (!t) throw new Error('no team');
    expect(t.rejected).toEqual([]);
    return t;
  };
  const found = (t: ReturnType<typeof team>, rule: string) =>
    t.items.filter((i) => i.ruleId === rule && i.source === 'model');

  it("a certified court interpreter who is the driver's cousin: tied to the suspects, not a passenger", () => {
    const t = team(['d_omar_interview/cousin']);
    expect(found(t, 'EVIDENCE.INTERPRETER.CO_NATIONAL')).toEqual([]);
    expect(found(t, 'RIGHTS.INTERPRETER.NEUTRAL')).toEqual([]);
    const tied = found(t, 'EVIDENCE.INTERPRETER.TIED');
    expect(tied.map((i) => [i.axis, i.points, i.flags, i.persons])).toEqual([
      ['evidence', -3, ['TAINT'], ['omar']],
      ['rights', -1, ['TAINT'], ['omar']],
    ]);
    const [first] = tied;
    expect(first?.title.en).toBe('Interpreter tied to the suspects or to the person heard');
    expect(first?.detail.en).toBe('Omar: the interpreter is tied to Driver');
    expect(first?.explanation.en).not.toMatch(/passenger|co-national/i);
    // A Serbian case: the directive is the EU standard, not law binding Serbia.
    expect(first?.legalBasis.map((b) => b.text.en)).toEqual([
      'Directive 2010/64/EU (interpretation) arts 2, 5 (EU standard; Serbia is not an EU member state)',
      'ECHR art. 6(3)(e)',
    ]);
    for (const lang of ['sr-Latn', 'mk', 'sq', 'bs'] as const)
      expect(first?.detail[lang]).toMatch(/Driver$/);
  });

  it('a deposition the cousin interpreted is defective for the tie, with the defence notified and on video', () => {
    const t = team(['d_depo/depo_cousin']);
    expect(found(t, 'EVIDENCE.INTERPRETER.CO_NATIONAL')).toEqual([]);
    expect(found(t, 'EVIDENCE.WITNESS.EARLY_DEPOSITION')).toEqual([]);
    expect(found(t, 'EVIDENCE.INTERPRETER.TIED').map((i) => i.detail.en)).toEqual([
      'Omar: the interpreter is tied to Driver',
      'Omar: the interpreter is tied to Driver',
    ]);
    expect(found(t, 'EVIDENCE.WITNESS.DEFECTIVE_DEPOSITION').map((i) => i.detail.en)).toEqual([
      'Omar: the interpreter is tied to Driver',
    ]);
  });

  it('a fellow passenger still is a passenger or co-national interpreter', () => {
    const t = team(['d_omar_interview/co_national']);
    expect(found(t, 'EVIDENCE.INTERPRETER.TIED')).toEqual([]);
    expect(found(t, 'EVIDENCE.INTERPRETER.CO_NATIONAL')[0]?.title.en).toBe(
      'Passenger or co-national used as interpreter',
    );
  });

  it('a suspect who interprets is said to be one; a co-national who is tied is named once, for the tie', () => {
    const t = team(['d_omar_interview/by_driver']);
    expect(found(t, 'EVIDENCE.INTERPRETER.CO_NATIONAL')).toEqual([]);
    expect(found(t, 'EVIDENCE.INTERPRETER.TIED').map((i) => i.detail.en)).toEqual([
      'Omar: a co-national interpreted; the interpreter is a suspect: Driver',
      'Omar: a co-national interpreted; the interpreter is a suspect: Driver',
    ]);
  });
});

describe('a finding says what the acts state, no more', () => {
  const LANGS = ['en', 'sr-Latn', 'mk', 'sq', 'bs'] as const;
  const team = (steps: LabStep[]) => {
    const t = debrief(lab(), labLog(steps)).teams[0];
    if (!t) throw new Error('no team');
    expect(t.rejected).toEqual([]);
    return t;
  };
  const only = (t: ReturnType<typeof team>, rule: string) => {
    const found = t.items.filter((i) => i.ruleId === rule && i.source === 'model');
    expect(found).toHaveLength(1);
    const [item] = found;
    if (!item) throw new Error(`no ${rule}`);
    return item;
  };

  // What each asylum act did, in each language, as the detail must state it.
  const REGISTERED = {
    en: 'asylum intention registered',
    'sr-Latn': 'namera traženja azila evidentirana',
    mk: 'намерата за азил евидентирана',
    sq: 'synimi për azil u regjistrua',
    bs: 'namjera traženja azila evidentirana',
  };
  const REFERRED = {
    en: 'referred to an asylum or reception centre',
    'sr-Latn': 'upućen(i) u centar za azil ili prihvat',
    mk: 'упатен(и) во центар за азил или прифатен центар',
    sq: 'u referua në një qendër azili ose pritjeje',
    bs: 'upućen(i) u centar za azil ili prihvatni centar',
  };
  const asylum = (steps: LabStep[]) => only(team(steps), 'RIGHTS.ASYLUM.REGISTERED');

  it('the asylum gain says registered, referred or both: either act earns it, neither is claimed unseen', () => {
    const registered = asylum(['d_asylum/register']);
    const referred = asylum(['d_asylum/refer']);
    const both = asylum(['d_asylum/both']);
    for (const lang of LANGS) {
      expect(registered.detail[lang]).toContain(REGISTERED[lang]);
      expect(registered.detail[lang]).not.toContain(REFERRED[lang]);
      expect(referred.detail[lang]).toContain(REFERRED[lang]);
      expect(referred.detail[lang]).not.toContain(REGISTERED[lang]);
      expect(both.detail[lang]).toContain(REGISTERED[lang]);
      expect(both.detail[lang]).toContain(REFERRED[lang]);
    }
    expect(registered.detail.en).toMatch(/^Cold man: asylum intention registered — done after /);
    expect(both.detail.en).toMatch(
      /^Cold man: asylum intention registered and referred to an asylum or reception centre — done after /,
    );
    // The rule's own words claim neither act alone.
    expect(registered.title.en).not.toMatch(/registered and referred/);
    expect(registered.explanation.en).not.toMatch(/registered and the person referred/);
    expect(registered.explanation.en).toMatch(/registered, or the person was referred/);
  });

  it('a referral after the registration is added to the same finding and scores nothing more', () => {
    const t = team(['d_asylum/register', 'd_asylum_after/refer']);
    const item = only(t, 'RIGHTS.ASYLUM.REGISTERED');
    expect(item.counted).toBe(true);
    expect(item.detail.en).toMatch(
      /^Cold man: asylum intention registered — done after .*; later referred to an asylum or reception centre$/,
    );
    for (const lang of LANGS) expect(item.detail[lang]).toContain(REFERRED[lang]);
    const registeredLater = only(
      team(['d_asylum/refer', 'd_asylum_after/register']),
      'RIGHTS.ASYLUM.REGISTERED',
    );
    expect(registeredLater.detail.en).toMatch(
      /^Cold man: referred to an asylum or reception centre — done after .*; later asylum intention registered$/,
    );
    // The same act again adds nothing.
    expect(
      only(team(['d_asylum/both', 'd_asylum_after/refer']), 'RIGHTS.ASYLUM.REGISTERED').detail.en,
    ).not.toMatch(/later/);
  });

  it('an X-ray-only age assessment is named as that: nobody is said to have been declared adult', () => {
    const item = only(team(['d_age/xray']), 'RIGHTS.CHILD.AGE_XRAY_ONLY');
    expect(item.detail).toEqual({
      en: 'Kid: age assessed by an X-ray alone',
      'sr-Latn': 'Kid: uzrast procenjivan samo rendgenom',
      mk: 'Kid: возраста проценувана само со рендген',
      sq: 'Kid: mosha u vlerësua vetëm me rreze X',
      bs: 'Kid: dob procjenjivana samo rendgenom',
    });
    expect(item.title.en).not.toMatch(/decided/);
    expect(item.explanation.en).not.toMatch(/declared|adult/);
    for (const lang of ['sr-Latn', 'mk', 'sq', 'bs'] as const) {
      expect(item.title[lang]).not.toBe(item.title.en);
      expect(item.explanation[lang]).not.toBe(item.explanation.en);
    }
    expect(item.explanation['sr-Latn']).not.toMatch(/punoletn/);
    expect(item.explanation.mk).not.toMatch(/возрасно/);
    expect(item.explanation.sq).not.toMatch(/i rritur/);
    expect(item.explanation.bs).not.toMatch(/punoljetn/);
  });

  it('a child facility is named as what the act says, not as open accommodation', () => {
    const item = only(team(['d_place/facility']), 'RIGHTS.CHILD.APPROPRIATE_CARE');
    expect(item.detail.en).toBe('Kid placed in a child facility');
    // "open" in each language: nothing in the act says the facility is open.
    const OPEN = /\bopen\b|otvoren|отворен|hapur/i;
    for (const lang of LANGS) {
      expect(item.title[lang]).not.toMatch(OPEN);
      expect(item.detail[lang]).not.toMatch(OPEN);
    }
    expect(item.explanation.en).toMatch(/never detained/);
    // What the rule means: not a place of detention; a cell still is one.
    const cell = team(['d_place/cell']);
    expect(cell.items.some((i) => i.ruleId === 'RIGHTS.CHILD.APPROPRIATE_CARE')).toBe(false);
    expect(cell.items.some((i) => i.ruleId === 'RIGHTS.CHILD.DETENTION')).toBe(true);
  });
});

describe('one item of evidence is lost once, each rights violation counts', () => {
  const team = (steps: LabStep[]) => {
    const t = debrief(lab(), labLog(steps)).teams[0];
    if (!t) throw new Error('no team');
    expect(t.rejected).toEqual([]);
    return t;
  };
  const hearing = (t: ReturnType<typeof team>) =>
    t.items
      .filter(
        (i) =>
          i.source === 'model' &&
          (i.ruleId === 'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN' ||
            i.ruleId === 'EVIDENCE.INTERPRETER.TIED'),
      )
      .map((i) => [i.ruleId, i.axis, i.points, i.counted, i.notCounted ?? null]);
  it('a child heard alone through an interpreter tied to the driver: evidence −3 once, rights −3 and −1', () => {
    const t = team(['d_kid_interview/alone_tied']);
    expect(hearing(t)).toEqual([
      ['EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN', 'evidence', -3, true, null],
      ['EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN', 'rights', -3, true, null],
      ['EVIDENCE.INTERPRETER.TIED', 'evidence', -3, false, 'same_item'],
      ['EVIDENCE.INTERPRETER.TIED', 'rights', -1, true, null],
    ]);
    const kept = t.items.find(
      (i) => i.ruleId === 'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN' && i.axis === 'evidence',
    );
    // The counted loss names the other reason, in every language.
    expect(kept?.detail.en).toBe(
      'Kid: a (presumed) child interviewed without a guardian (also inadmissible because: Interpreter tied to the suspects or to the person heard)',
    );
    const tiedTitle = t.items.find((i) => i.ruleId === 'EVIDENCE.INTERPRETER.TIED')?.title;
    for (const lang of ['sr-Latn', 'mk', 'sq', 'bs'] as const)
      expect(kept?.detail[lang]).toContain(tiedTitle?.[lang] ?? '?');
    // The rights items keep their own detail.
    const rights = t.items.find(
      (i) => i.ruleId === 'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN' && i.axis === 'rights',
    );
    expect(rights?.detail.en).toBe('Kid: a (presumed) child interviewed without a guardian');
    // The statement is out of the file for both reasons all the same.
    const statement = t.evidence.find((e) => e.id === 'kid_statement');
    expect(statement?.status).toBe('excluded');
  });

  it('the same taint twice over: one loss against one with a single reason', () => {
    const single = team(['d_kid_interview/alone']);
    const double = team(['d_kid_interview/alone_tied']);
    const evidenceOf = (t: ReturnType<typeof team>) =>
      t.items
        .filter((i) => i.counted && i.axis === 'evidence' && i.flags.includes('TAINT'))
        .reduce((n, i) => n + i.points, 0);
    expect(evidenceOf(single)).toBe(-3);
    expect(evidenceOf(double)).toBe(-3);
    // The tie is a further rights violation (−1) on top of the child heard alone (−3).
    const hearingRights = (t: ReturnType<typeof team>) =>
      t.items
        .filter((i) => i.counted && i.axis === 'rights' && i.flags.includes('TAINT'))
        .reduce((n, i) => n + i.points, 0);
    expect(hearingRights(single)).toBe(-3);
    expect(hearingRights(double)).toBe(-4);
  });

  it('two hearings are two statements: each loss counts', () => {
    const t = team(['d_kid_interview/alone', 'd_kid_interview_again/alone_tied']);
    const losses = t.items.filter(
      (i) => i.source === 'model' && i.axis === 'evidence' && i.flags.includes('TAINT'),
    );
    expect(losses.filter((i) => i.counted).map((i) => i.causedBySeq)).toEqual([2, 3]);
  });
});

describe('an undercover operation is judged by the order that authorised it', () => {
  const team = (steps: LabStep[]) => {
    const t = debrief(lab(), labLog(steps)).teams[0];
    if (!t) throw new Error('no team');
    expect(t.rejected).toEqual([]);
    return t;
  };
  const found = (t: ReturnType<typeof team>, rule: string) =>
    t.items.filter((i) => i.ruleId === rule && i.source === 'model');
  const undercover = (t: ReturnType<typeof team>) =>
    t.items
      .filter((i) => i.ruleId.startsWith('EVIDENCE.UNDERCOVER.') && i.source === 'model')
      .map((i) => [i.ruleId, i.points, i.detail.en]);
  const recordings = (t: ReturnType<typeof team>) =>
    t.evidence.find((e) => e.id === 'uc_recordings');

  it('an officer posing as a customer with no order is not credited as authorised: the recordings are excluded, and the finding says why', () => {
    const t = team(['d_undercover/no_order']);
    expect(found(t, 'EVIDENCE.UNDERCOVER.AUTHORISED')).toEqual([]);
    const [item] = found(t, 'EVIDENCE.UNDERCOVER.NO_ORDER');
    expect([item?.axis, item?.points, item?.flags, item?.counted]).toEqual([
      'evidence',
      -3,
      ['TAINT'],
      true,
    ]);
    expect(item?.title.en).toBe('Undercover work without the order it needs');
    expect(item?.detail.en).toBe('Undercover work without any order');
    expect(item?.explanation.en).toMatch(/judge's order on the prosecutor's reasoned request/);
    expect(item?.evidence).toEqual(['uc_recordings']);
    for (const lang of ['sr-Latn', 'mk', 'sq', 'bs'] as const) {
      expect(item?.title[lang]).not.toBe(item?.title.en);
      expect(item?.explanation[lang]).not.toBe(item?.explanation.en);
      expect(item?.detail[lang]).not.toBe(item?.detail.en);
    }
    expect(item?.legalBasis.map((b) => b.text.en)).toEqual([
      'Serbian Criminal Procedure Code undercover investigator',
      'Serbian Criminal Procedure Code unlawful evidence',
      'UNTOC art. 20(1)',
      'ECHR art. 8',
      'ECtHR, Bykov v. Russia [GC], no. 4378/02, 10 March 2009',
      'ECHR art. 6(1)',
      'ECtHR, Ramanauskas v. Lithuania [GC], no. 74420/01, 5 February 2008',
    ]);
    expect(recordings(t)?.status).toBe('excluded');
    expect(recordings(t)?.reasons.map((r) => r.en)).toContain(
      'obtained by an undercover operation that no order authorised',
    );
  });

  it("with a judge's order it is credited as authorised, and the recordings stay in the file", () => {
    const t = team(['d_undercover/judge']);
    expect(undercover(t)).toEqual([
      [
        'EVIDENCE.UNDERCOVER.AUTHORISED',
        2,
        "Undercover work on a judge's order, without incitement",
      ],
    ]);
    expect(recordings(t)?.status).toBe('admissible');
  });

  it("a prosecutor's order is enough unless what the operation obtained needs a judge's", () => {
    expect(undercover(team(['d_undercover/prosecutor']))).toEqual([
      [
        'EVIDENCE.UNDERCOVER.AUTHORISED',
        2,
        "Undercover work on a prosecutor's order, without incitement",
      ],
    ]);
    const t = team(['d_undercover/prosecutor_recorded']);
    expect(undercover(t)).toEqual([
      [
        'EVIDENCE.UNDERCOVER.NO_ORDER',
        -3,
        "Undercover work on a prosecutor's order where a judge's order was needed",
      ],
    ]);
    expect(recordings(t)?.status).toBe('excluded');
  });

  it('a file that leaves the order out: read from what the operation obtained, and no credit when it obtained nothing', () => {
    expect(undercover(team(['d_undercover/unstated']))).toEqual([]);
    expect(undercover(team(['d_undercover/unstated_recorded']))).toEqual([
      [
        'EVIDENCE.UNDERCOVER.AUTHORISED',
        2,
        "Undercover work on a judge's order, without incitement",
      ],
    ]);
    expect(undercover(team(['d_undercover/unstated_unordered']))).toEqual([
      ['EVIDENCE.UNDERCOVER.NO_ORDER', -3, 'Undercover work without any order'],
    ]);
  });

  it('incitement is entrapment whatever the order; without an order too, the same loss is counted once and the detail says both', () => {
    expect(undercover(team(['d_undercover/incite']))).toEqual([
      ['EVIDENCE.UNDERCOVER.ENTRAPMENT', -3, 'Undercover officer incited the offence'],
      ['EVIDENCE.UNDERCOVER.ENTRAPMENT', -2, 'Undercover officer incited the offence'],
    ]);
    expect(undercover(team(['d_undercover/incite_no_order']))).toEqual([
      [
        'EVIDENCE.UNDERCOVER.ENTRAPMENT',
        -3,
        'Undercover officer incited the offence, and no order authorised the operation',
      ],
      [
        'EVIDENCE.UNDERCOVER.ENTRAPMENT',
        -2,
        'Undercover officer incited the offence, and no order authorised the operation',
      ],
    ]);
  });
});

describe('a preservation request and a forensic capture of the adverts are scored apart', () => {
  const team = (steps: LabStep[]) => {
    const t = debrief(lab(), labLog(steps)).teams[0];
    if (!t) throw new Error('no team');
    expect(t.rejected).toEqual([]);
    return t;
  };
  const osint = (t: ReturnType<typeof team>) =>
    t.items
      .filter((i) => i.ruleId.startsWith('EVIDENCE.OSINT.') && i.source === 'model')
      .map((i) => [i.ruleId, i.points, i.counted]);
  const counted = (t: ReturnType<typeof team>) =>
    t.items
      .filter((i) => i.ruleId.startsWith('EVIDENCE.OSINT.') && i.counted)
      .reduce((n, i) => n + i.points, 0);

  it('preservation first, then the capture: both are credited', () => {
    const t = team(['d_preserve/request', 'd_osint/hashed']);
    expect(osint(t)).toEqual([
      ['EVIDENCE.OSINT.PRESERVED', 1, true],
      ['EVIDENCE.OSINT.HASHED', 2, true],
    ]);
    expect(counted(t)).toBe(3);
  });

  it('the capture first, then preservation: the same', () => {
    expect(counted(team(['d_osint/hashed', 'd_preserve/request']))).toBe(3);
  });

  it('either done twice still counts once', () => {
    expect(osint(team(['d_preserve/request', 'd_osint_again/request']))).toEqual([
      ['EVIDENCE.OSINT.PRESERVED', 1, true],
      ['EVIDENCE.OSINT.PRESERVED', 1, false],
    ]);
    expect(osint(team(['d_osint/hashed', 'd_osint_again/hashed']))).toEqual([
      ['EVIDENCE.OSINT.HASHED', 2, true],
      ['EVIDENCE.OSINT.HASHED', 2, false],
    ]);
    expect(counted(team(['d_osint/hashed', 'd_preserve/request', 'd_osint_again/hashed']))).toBe(3);
  });

  it('the request is named for what it is, with its legal basis, in every language', () => {
    const [item] = team(['d_preserve/request']).items.filter(
      (i) => i.ruleId === 'EVIDENCE.OSINT.PRESERVED',
    );
    expect(item?.title.en).toBe('Platform data preserved pending an order');
    expect(item?.detail.en).toBe('Preservation request sent to the platform');
    expect(item?.explanation.en).not.toMatch(/hash/);
    expect(item?.legalBasis.map((b) => b.text.en)).toEqual([
      'CoE Convention on Cybercrime (Budapest, CETS 185) arts 16 and 29',
      'Serbian Criminal Procedure Code preservation of data',
      'UNTOC art. 18',
    ]);
    expect(item?.legalBasis.map((b) => b.verify === true)).toEqual([false, true, false]);
    for (const lang of ['sr-Latn', 'mk', 'sq', 'bs'] as const) {
      expect(item?.title[lang]).not.toBe(item?.title.en);
      expect(item?.explanation[lang]).not.toBe(item?.explanation.en);
      expect(item?.detail[lang]).not.toBe(item?.detail.en);
    }
    const [capture] = team(['d_osint/hashed']).items.filter(
      (i) => i.ruleId === 'EVIDENCE.OSINT.HASHED',
    );
    expect(capture?.explanation.en).not.toMatch(/preservation request/);
  });

  it("a request for the motorway operator's camera and toll data is that preservation (R20), not a platform's", () => {
    const t = team(['d_preserve/operator']);
    expect(osint(t)).toEqual([]);
    expect(t.items.filter((i) => i.ruleId.startsWith('EVIDENCE.CCTV.')).length).toBe(1);
  });
});

describe('each model rule: a log that triggers it and one that does not', () => {
  it.each(CASES.map((c) => [c.rule, c] as const))('%s', (_rule, c) => {
    const with_ = debrief(lab(c.country), labLog(c.trigger, 't1', !c.open, c.country));
    const without = debrief(lab(c.country), labLog(c.without, 't1', !c.open, c.country));
    expect(with_.teams[0]?.rejected).toEqual([]);
    expect(without.teams[0]?.rejected).toEqual([]);
    expect(ruleIds(with_)).toContain(c.rule);
    expect(ruleIds(without)).not.toContain(c.rule);
  });

  it('has a case for every rule the model or the case file detects', () => {
    const detected = DEFAULT_RUBRIC.rules
      .filter((r) => r.detection !== 'annotation')
      .map((r) => r.id);
    const covered = new Set(CASES.map((c) => c.rule));
    expect(detected.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('covers every act kind the catalogue scenarios use that some rule reads', () => {
    const dir = join(__dirname, '..', 'catalogue');
    const used = new Set<ActKind>();
    const walk = (es: readonly Effect[] | undefined) => {
      for (const e of es ?? []) {
        if ('act' in e) used.add(e.act);
        if ('if' in e) {
          walk(e.then);
          walk(e.else);
        }
      }
    };
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
      const r = parseScenario(readFileSync(join(dir, f), 'utf8'), { file: f });
      if (!r.ok) continue;
      const s = compile(r.scenario).scenario;
      for (const p of s.phases) {
        walk(p.onEnter);
        for (const d of p.decisions) for (const o of d.options) walk(o.effects);
      }
      for (const q of s.requests) {
        walk(q.grantEffects);
        walk(q.refuseEffects);
      }
      for (const i of s.injects) walk(i.effects);
    }
    const labActs = new Set<ActKind>();
    for (const p of lab().scenario.phases)
      for (const d of p.decisions) for (const o of d.options) walk(o.effects);
    for (const d of lab().scenario.phases[0]?.decisions ?? [])
      for (const o of d.options) for (const e of o.effects) if ('act' in e) labActs.add(e.act);
    // Acts that no rule reads on their own (they discharge obligations or carry no score).
    const neutral = new Set<ActKind>([
      'open_vehicle',
      'device_seizure',
      'requalify',
      'voluntary_return_offer',
      'rights_information',
      'release',
      'reflection_period',
      'refer_asylum',
      'refer_cso',
      'europol_contact',
      'jit_request',
      'video_hearing',
      'independent_inquiry',
    ]);
    expect([...used].filter((a) => !labActs.has(a) && !neutral.has(a)).sort()).toEqual([]);
  });
});
