/**
 * "Night on the Drina" played end to end by scripted teams through the engine's own
 * availableActions/step, then debriefed: a team that keeps its distance on the river and works by the
 * book on both banks, a team that closes in, clears the bank and cuts corners, and a team that does
 * everything well except on the Bosnian bank, where the survivors are put back on the river.
 */
import type { ScriptedPolicy } from '../examples/generate';
import { loadCatalogue, playScripted } from './scripted-play';

const c = loadCatalogue('night-on-the-drina');

const CAREFUL: ScriptedPolicy = {
  send: [],
  fallback: 'first',
  prefer: {
    d_approach: ['o_keep_distance'],
    d_rescue: ['o_rescue_first'],
    d_bih_bank: ['o_bih_care'],
    d_scene: ['o_secure_scene'],
    d_boatman_phone_bank: ['o_phone_bag'],
    d_autopsy: ['o_autopsy'],
    d_inquiry: ['o_inquiry_prosecutor'],
    d_children: ['o_boys_guardian'],
    d_yusuf: ['o_reunite'],
    d_interpreter: ['o_interpreters_certified'],
    d_asylum: ['o_register_asylum'],
    d_boatman: ['o_boatman_formal'],
    d_depositions: ['o_depose'],
    d_ahmad_afraid: ['o_ahmad_protect'],
    d_rania: ['o_rania_heard'],
    d_bosnia: ['o_mla'],
    d_bih_witnesses: ['o_bih_hear_formal'],
    d_cso_access: ['o_cso_ask_access'],
    d_hakim: ['o_intercept'],
    d_money_trail: ['o_money_orders'],
    d_deal: ['o_deal_formal'],
    d_indictment: ['o_indict_network'],
  },
};

const CARELESS: ScriptedPolicy = {
  send: [],
  refuse: ['req_cso_access'],
  fallback: 'first',
  prefer: {
    d_approach: ['o_close_in'],
    d_rescue: ['o_line_up'],
    d_bih_bank: ['o_bih_care'],
    d_scene: ['o_clean_bank'],
    d_boatman_phone_bank: ['o_phone_answer'],
    d_autopsy: ['o_bury_today'],
    d_inquiry: ['o_inquiry_station'],
    d_children: ['o_boys_with_group'],
    d_yusuf: ['o_not_ours'],
    d_interpreter: ['o_ahmad_translates'],
    d_asylum: ['o_misdemeanour'],
    d_boatman: ['o_boatman_talk'],
    d_depositions: ['o_police_records'],
    d_ahmad_afraid: ['o_ahmad_name'],
    d_rania: ['o_rania_hospital'],
    d_bosnia: ['o_viber'],
    d_bih_witnesses: ['o_bih_question_boy'],
    d_cso_access: ['o_cso_ask_access'],
    d_hakim: ['o_call_hakim'],
    d_money_trail: ['o_cash_only'],
    d_deal: ['o_deal_promise'],
    d_indictment: ['o_indict_network', 'o_indict_boatman'],
  },
};

/** By the book, except that the Bosnian patrol puts the survivors back into the Serbian boat. */
const RETURNING: ScriptedPolicy = {
  ...CAREFUL,
  prefer: { ...CAREFUL.prefer, d_bih_bank: ['o_bih_back'] },
};

const { played, team, rules, options } = playScripted(
  c,
  [
    { id: 'careful', name: 'By the book', policy: CAREFUL },
    { id: 'careless', name: 'Cutting corners', policy: CARELESS },
    { id: 'returning', name: 'Back on the river', policy: RETURNING },
  ],
  { seed: 5, maxEvents: 1500 },
);

describe('night-on-the-drina played by three scripted teams', () => {
  it('replays without a rejected event, each team on its own script', () => {
    expect(played.rejected).toEqual([]);
    expect(options('careful')).toEqual(
      expect.arrayContaining(['o_keep_distance', 'o_autopsy', 'o_inquiry_prosecutor', 'o_depose']),
    );
    expect(options('careless')).toEqual(
      expect.arrayContaining(['o_close_in', 'o_bury_today', 'o_phone_answer', 'o_call_hakim']),
    );
    expect(options('returning')).toContain('o_bih_back');
  });

  it('the careful team convicts the network, strong on both axes, with no loss counted', () => {
    const t = team('careful');
    expect(played.teams.careful?.ended?.ending).toBe('e_network_convicted');
    expect(t.outcome.kind).toBe('conviction');
    expect(t.redLines).toEqual([]);
    expect(t.evidenceScore.value).toBeGreaterThanOrEqual(85);
    expect(t.rightsScore.value).toBeGreaterThanOrEqual(85);
    for (const r of [
      'RIGHTS.LIFE.TRIAGE',
      'RIGHTS.LIFE.DEATH_INQUIRY',
      'EVIDENCE.WITNESS.EARLY_DEPOSITION',
      'EVIDENCE.DEVICE.ORDER',
      'RIGHTS.WITNESS.PROTECTED',
      'EVIDENCE.CROSSBORDER.MLA',
    ])
      expect(rules(t)).toContain(r);
    expect(t.items.filter((i) => i.counted && i.points < 0)).toEqual([]);
  });

  it('the careless team leaves people cold, taints its evidence and punishes the survivors', () => {
    const t = team('careless');
    expect(played.teams.careless?.ended?.ending).toBe('e_acquittal');
    expect(t.outcome.kind).not.toBe('conviction');
    for (const r of [
      'RIGHTS.LIFE.NO_ASSISTANCE',
      'RIGHTS.STATUS.CUFF_ALL',
      'EVIDENCE.DEVICE.NO_ORDER',
      'RIGHTS.NONPENALISATION.MISDEMEANOUR',
      'EVIDENCE.INTERPRETER.CO_NATIONAL',
      'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN',
      'EVIDENCE.UNDERCOVER.ENTRAPMENT',
      'EVIDENCE.CROSSBORDER.INFORMAL_ONLY',
      'RIGHTS.LIFE.UNCONTROLLED_PURSUIT',
      'RIGHTS.LIFE.BODY_RELEASED_EARLY',
      'RIGHTS.LIFE.INQUIRY_NOT_INDEPENDENT',
    ])
      expect(rules(t)).toContain(r);
    const phone = t.evidence.find((e) => e.id === 'ev_boatman_phone');
    expect(phone).toBeDefined();
    expect(phone?.status).not.toBe('admissible');
    const careful = team('careful');
    expect(careful.evidenceScore.value - t.evidenceScore.value).toBeGreaterThanOrEqual(40);
    expect(careful.rightsScore.value - t.rightsScore.value).toBeGreaterThanOrEqual(40);
  });

  it('putting the survivors back on the river is a red line whatever else the team does well', () => {
    const t = team('returning');
    expect(played.teams.returning?.ended?.ending).toBe('e_returned');
    expect(t.outcome.kind).toBe('hard_fail');
    expect(t.redLines.map((r) => r.ruleId)).toContain('RIGHTS.NONREFOULEMENT.HANDOVER');
    expect(t.rightsScore.value).toBeLessThan(team('careful').rightsScore.value);
  });
});
