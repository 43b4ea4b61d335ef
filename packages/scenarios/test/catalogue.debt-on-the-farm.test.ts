/**
 * "Debt on the farm" played end to end by three scripted teams through the engine's own
 * availableActions/step, then debriefed: a team that works by the book, a careless team that keeps the
 * workers in Serbia but taints its evidence and punishes them, and a team that lets them be removed
 * before identification. The scores and findings must come from what each team did.
 */
import type { ScriptedPolicy } from '../examples/generate';
import { loadCatalogue, playScripted } from './scripted-play';

const c = loadCatalogue('debt-on-the-farm');

const CAREFUL: ScriptedPolicy = {
  send: [],
  fallback: 'first',
  prefer: {
    d_first_contact: ['o_separate'],
    d_container: ['o_record_container'],
    d_police_response: ['o_send_unit'],
    d_safe: ['o_seal_office'],
    d_boy: ['o_child_guardian'],
    d_interpreter: ['o_book_certified'],
    d_interviews: ['o_individual'],
    d_search_order: ['o_apply_search'],
    d_rafiq_care: ['o_child_home'],
    d_rafiq_interview: ['o_rafiq_recorded'],
    d_rafiq_police: ['o_rafiq_wait_guardian'],
    d_nadeem: ['o_nadeem_friday'],
    d_refer: ['o_refer_all'],
    d_removal: ['o_hold_removal'],
    d_identify: ['o_full_identification'],
    d_shelter_intake: ['o_intake_rights'],
    d_suspects: ['o_suspects_formal'],
    d_imran: ['o_imran_hear'],
    d_requalify: ['o_requalify'],
    d_workers_status: ['o_non_punishment'],
    d_nadeem_phone: ['o_phone_order'],
    d_depositions: ['o_depose_now'],
    d_protection: ['o_protect'],
    d_house: ['o_house_warrant'],
    d_threat_report: ['o_threat_with_consent'],
    d_money: ['o_financial_investigation'],
    d_freeze: ['o_freeze'],
    d_going_home: ['o_voluntary_return'],
    d_indictment: ['o_indict_trafficking'],
  },
};

const CARELESS: ScriptedPolicy = {
  send: [],
  fallback: 'first',
  prefer: {
    d_first_contact: ['o_papers_report'],
    d_container: ['o_note_housing'],
    d_police_response: ['o_all_to_station'],
    d_safe: ['o_open_safe_now'],
    d_boy: ['o_owner_word'],
    d_interpreter: ['o_imran_interprets'],
    d_interviews: ['o_group_imran'],
    d_rafiq_police: ['o_rafiq_tonight'],
    d_nadeem: ['o_owner_calls'],
    d_refer: ['o_smuggled_only'],
    d_removal: ['o_hold_removal'],
    d_shelter_intake: ['o_intake_rules'],
    d_suspects: ['o_suspects_chat'],
    d_imran: ['o_imran_charge'],
    d_requalify: ['o_stay_smuggling'],
    d_workers_status: ['o_let_fines_run'],
    d_nadeem_phone: ['o_phone_read_now'],
    d_depositions: ['o_hold_witnesses'],
    d_protection: ['o_full_identity'],
    d_house: ['o_house_later'],
    d_threat_report: ['o_threat_keep'],
    d_money: ['o_cash_enough'],
    d_freeze: ['o_no_freeze'],
    d_going_home: ['o_list_to_embassies'],
    d_indictment: ['o_indict_smuggling'],
  },
};

/** Starts well at the farm, then lets the foreigners' office remove the men. */
const REMOVING: ScriptedPolicy = {
  ...CARELESS,
  prefer: {
    ...CARELESS.prefer,
    d_first_contact: ['o_separate'],
    d_police_response: ['o_send_unit'],
    d_removal: ['o_removal_go'],
  },
};

const { played, team, rules, options } = playScripted(
  c,
  [
    { id: 'careful', name: 'By the book', policy: CAREFUL },
    { id: 'careless', name: 'Cutting corners', policy: CARELESS },
    { id: 'removing', name: 'Removal first', policy: REMOVING },
  ],
  { seed: 11, maxEvents: 1500 },
);

describe('debt-on-the-farm played by three scripted teams', () => {
  it('replays without a rejected event, each team on its own script', () => {
    expect(played.rejected).toEqual([]);
    expect(options('careful')).toEqual(
      expect.arrayContaining(['o_individual', 'o_refer_all', 'o_depose_now', 'o_freeze']),
    );
    expect(options('careless')).toEqual(
      expect.arrayContaining(['o_group_imran', 'o_phone_read_now', 'o_let_fines_run']),
    );
    expect(options('removing')).toContain('o_removal_go');
  });

  it('the careful team reaches the conviction with the workers paid, strong on both axes', () => {
    const t = team('careful');
    expect(played.teams.careful?.ended?.ending).toBe('e_convicted_paid');
    expect(t.outcome.kind).toBe('conviction');
    expect(t.redLines).toEqual([]);
    expect(t.evidenceScore.value).toBeGreaterThanOrEqual(85);
    expect(t.rightsScore.value).toBeGreaterThanOrEqual(85);
    expect(t.witnessesLost).toEqual([]);
    for (const r of [
      'RIGHTS.TRAFFICKING.REFERRED',
      'RIGHTS.TRAFFICKING.NON_PUNISHMENT',
      'RIGHTS.CHILD.GUARDIAN',
      'EVIDENCE.WITNESS.EARLY_DEPOSITION',
      'EVIDENCE.DEVICE.ORDER',
      'RIGHTS.WITNESS.PROTECTED',
    ])
      expect(rules(t)).toContain(r);
    expect(t.items.filter((i) => i.counted && i.points < 0)).toEqual([]);
  });

  it('the careless team punishes the workers and taints its own evidence: real findings, no conviction', () => {
    const t = team('careless');
    expect(played.teams.careless?.ended?.ending).toBe('e_acquitted');
    expect(t.outcome.kind).not.toBe('conviction');
    for (const r of [
      'RIGHTS.TRAFFICKING.VICTIM_PROSECUTED',
      'RIGHTS.TRAFFICKING.NOT_REFERRED',
      'EVIDENCE.INTERPRETER.CO_NATIONAL',
      'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN',
      'EVIDENCE.DEVICE.NO_ORDER',
      'RIGHTS.LIBERTY.GROUP_DETENTION',
      'RIGHTS.DATA.CONSULATE_SHARE',
    ])
      expect(rules(t)).toContain(r);
    const phone = t.evidence.find((e) => e.id === 'ev_nadeem_phone');
    expect(phone).toBeDefined();
    expect(phone?.status).not.toBe('admissible');
    const careful = team('careful');
    expect(careful.evidenceScore.value - t.evidenceScore.value).toBeGreaterThanOrEqual(40);
    expect(careful.rightsScore.value - t.rightsScore.value).toBeGreaterThanOrEqual(40);
  });

  it('the team that lets the men be removed loses its witnesses and the case', () => {
    const t = team('removing');
    expect(played.teams.removing?.ended?.ending).toBe('e_collapse');
    expect(rules(t)).toContain('RIGHTS.TRAFFICKING.REMOVED_UNIDENTIFIED');
    expect(rules(t)).toContain('RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL');
    expect(t.witnessesLost.length).toBeGreaterThan(0);
    expect(t.outcome.kind).not.toBe('conviction');
    expect(t.rightsScore.value).toBeLessThan(team('careful').rightsScore.value);
  });
});
