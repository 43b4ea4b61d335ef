/**
 * The scoring model of one team's run. It is fed every accepted event with the state before and after
 * it (and what the engine emitted), and turns acts and state changes into findings: rule id, cause,
 * people, evidence. Points come later from the rubric (score.ts), so one run can be re-scored under
 * another rubric version.
 */
import type { Axis, LocalText, Rubric } from '../rubric/types';
import { SMUGGLING_WITHOUT_GAIN, scenarioCountry } from '../country';
import type { ActKind, PersonSet } from '../schema';
import type { ActRecord, PersonState, TeamState } from '../state';
import type { Emitted, LogLine } from '../events';
import {
  OBLIGATIONS,
  ObligationBook,
  deadlineInfo,
  dischargeable,
  inDistress,
  isChild,
  isHere,
  knowsAttr,
  knowsFact,
  needsInterpreter,
  personTriggers,
  readsForTeam,
} from './obligations';
import type { Known, Obligation, ObligationKind, PersonFact } from './obligations';
import { HEARING_FLAWS } from './case';
import type { ScenarioIndex } from './scenario-index';
import {
  ALL_PEOPLE_ACTS,
  interpreterTaint,
  interpreterTies,
  local,
  names,
  passengerInterpreter,
} from './scenario-index';
import { actTaint, consentFlawed as consentFlawedBy } from '../unlawful';
import { depositionInterpreted, interviewInterpretation } from '../interpretation';
import {
  atMoment,
  cat,
  duration,
  each,
  full,
  inLang,
  list,
  lt,
  ofMoment,
  people,
  same,
  type FullText,
} from './text';
import type { DeadlineInfo, FindingSource, WitnessLost } from './types';

export interface Finding {
  /** Rubric rule id; for annotations `ANNOTATION:R07` until score.ts resolves it. */
  ruleId: string;
  source: FindingSource;
  seq: number;
  time: number;
  role: string | null;
  /**
   * Every agency responsible when several are: a joint decision's signers (in the decision's `joint`
   * order; `role` is the one whose signature made it apply). Absent when `role` alone is responsible.
   */
  roles?: string[];
  participant: string | null;
  /**
   * Every trainee responsible when several are: a joint decision's signers (as `roles`), or who asked
   * for and who granted a request. Absent when `participant` alone is.
   */
  participants?: string[];
  persons: string[];
  evidence: string[];
  triggeredBySeq?: number;
  deadline?: DeadlineInfo;
  decision?: { decision: string; option: string };
  detail: LocalText;
  /**
   * Only these axes of the rule (all of them when absent): a later act against the same person whose
   * loss on the other axis was already counted at an earlier act (see TeamModel.unpaidHelp).
   */
  axes?: Axis[];
  /** An obligation never discharged (scored when its deadline passed or the run ended). */
  undischarged?: boolean;
  annotation?: { sketch: string; axis: Axis; points: number; note?: LocalText };
}

export interface Hearing {
  seq: number;
  time: number;
  act: 'interview' | 'deposition' | 'video_hearing';
  /** Why the statement cannot be used (null: sound). */
  flaw: LocalText | null;
}

/**
 * What an event shares of the responsibility for the findings it caused through the agency `role` (the
 * last signer of a joint decision, the agency that answered a request): `as` replaces or extends
 * their attribution (see TeamModel.sharedBy).
 */
interface Shared {
  seq: number;
  /** The role the event's findings carry (null: the facilitator's console). */
  role: string | null;
  as: Partial<Pick<Finding, 'role' | 'roles' | 'participant' | 'participants'>>;
}

/** The distinct non-null ids, in order. */
function distinct(ids: readonly (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const id of ids) if (id !== null && id !== undefined && !out.includes(id)) out.push(id);
  return out;
}

/** Orders by strength: an order is enough for an item when it is at least as strong as the item needs. */
const ORDER_RANK: Record<string, number> = { none: 0, prosecutor: 1, judicial: 2 };
/** The engine's provenance reasons for an item obtained under a weaker order than it needs (reduce.ts). */
const PROVENANCE_ORDER_TAINTS: ReadonlySet<string> = new Set(['no judicial order', 'no order']);
const CUSTODY = new Set(['police_cell', 'detention_centre', 'closed_camp']);
const GONE = new Set(['departed', 'deported']);
/** Whereabouts that place a person in the state's care, where a procedure can run (not custody). */
const PROCEDURE_PLACES: ReadonlySet<string> = new Set(['reception', 'hospital']);

/** A deposition's flaw when it lacked the interpretation its witness needed (a finding's and a hearing's). */
const UNINTERPRETED_DEPOSITION = lt(
  'deposition without proper interpretation',
  'saslušanje bez valjanog prevođenja',
  'сослушување без соодветно преведување',
  'marrje dëshmie pa përkthim të duhur',
  'saslušanje bez valjanog prevođenja',
);

/** What a removal pending an asylum claim did, as its finding states it after the names. */
const PENDING_CLAIM = lt(
  ' removed while their asylum wish was pending',
  ' udaljen(i) dok je zahtev za azil bio u toku',
  ' отстранет(и) додека барањето за азил беше во тек',
  ' u larguan ndërsa kërkesa e tyre për azil ishte në shqyrtim',
  ' udaljen(i) dok je zahtjev za azil bio u toku',
);

const REMOVALS_WITHOUT_EXAMINATION: ReadonlySet<string> = new Set([
  'RIGHTS.NONREFOULEMENT.PUSHBACK',
  'RIGHTS.NONREFOULEMENT.HANDOVER',
  'RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL',
  'RIGHTS.NONREFOULEMENT.PENDING_CLAIM',
]);
/** The findings of a removal itself, which say what the log holds after it (see sayWithheld). */
const REMOVAL_FINDINGS: ReadonlySet<string> = new Set([
  'RIGHTS.NONREFOULEMENT.PUSHBACK',
  'RIGHTS.NONREFOULEMENT.HANDOVER',
  'RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL',
  'RIGHTS.REMOVAL.INDIVIDUAL_ASSESSMENT',
]);
/** Obligations owed to a person that a removal by the state does not make moot (see forfeitOnRemoval). */
const FORFEITED_BY_REMOVAL: readonly ObligationKind[] = ['guardian', 'first_aid', 'medical_care'];
/** The other obligations: a removal leaves them to their own rules (see forfeitOnRemoval). */
const NOT_FORFEITED: readonly ObligationKind[] = (
  Object.keys(OBLIGATIONS) as ObligationKind[]
).filter((k) => !FORFEITED_BY_REMOVAL.includes(k));
/** Acts that send people out of the country. */
const REMOVAL_ACTS: ReadonlySet<ActKind> = new Set<ActKind>([
  'return_removal',
  'pushback',
  'handover_foreign',
]);
/**
 * Acts done to a person in person, with the person here: an act the log holds for someone the state had
 * already removed (or who had gone) never took place (see outOfReach, onAct), as a deposition, a hearing
 * or an asylum registration of them would not have (onDeposition, onInterview, onAsylumAct). Per kind:
 * - detain, keep_inside_vehicle, cuff_all, separate_suspects: a deprivation of liberty or a use of
 *   restraint needs the body within the state's power (ECHR art. 1, 5: a man already across the border
 *   was deprived of no liberty here), and release, alternatives_to_detention and lawyer_access are
 *   the safeguards of a custody that could not exist;
 * - age_assessment, place_with_adults, request_guardian: done to a child in the state's care (CRC arts
 *   3, 20, 37(c); Dir. 2013/33/EU arts 11(3), 24; GC 6 paras 21, 31): a boy walked back over the border
 *   was neither assessed, nor placed, nor given a guardian here;
 * - triage, medical_care: care given to someone here (ECHR art. 2, 3);
 * - refer_trafficking_identification, reflection_period, refer_cso: a referral to the identification,
 *   the recovery period (Council of Europe Convention on Action against Trafficking arts 10, 13) or the
 *   support of organisations in the country, which start only with the person present.
 * Not in person, and judged as before: a charge (a prosecutor may charge an absent suspect, and a trial in
 * absentia is possible with the safeguards of ECHR art. 6, Sejdovic v. Italy; so a charge against a
 * removed victim or unpaid helper is still that prosecution), non_punishment (a prosecutor's decision),
 * consular_notification (sent to the consulate, with what it discloses), data_share, images_to_media,
 * disclose_witness_identity (what is said of the person, wherever they are), the searches, extractions
 * and financial steps on what the state holds, witness_protection (measures such as anonymity can reach
 * a witness abroad), video_hearing (heard abroad by video link), and the removal acts, whose own findings
 * stand; plea_agreement (made through counsel) and the acts on things or information (a vehicle, a
 * platform, intercepts, undercover work, CSO access) likewise. The acts after a death (autopsy, ...)
 * concern the deceased, whom outOfReach does not count gone. Someone the scenario places here again
 * after their removal (broughtBack: handed by the team's agency abroad into its agency's hands here) is
 * within reach again.
 */
const IN_PERSON_ACTS: ReadonlySet<ActKind> = new Set<ActKind>([
  'triage',
  'medical_care',
  'keep_inside_vehicle',
  'detain',
  'release',
  'separate_suspects',
  'cuff_all',
  'request_guardian',
  'age_assessment',
  'place_with_adults',
  'refer_trafficking_identification',
  'reflection_period',
  'refer_cso',
  'alternatives_to_detention',
  'lawyer_access',
]);
/** How the removal's finding names an act the log holds after it (see IN_PERSON_ACTS, withheldNote). */
const IN_PERSON_ACT_NAMES: Partial<Record<ActKind, LocalText>> = {
  triage: lt('triage', 'trijaža', 'тријажа', 'triazh', 'trijaža'),
  medical_care: lt(
    'medical care',
    'medicinska pomoć',
    'медицинска помош',
    'kujdes mjekësor',
    'medicinska pomoć',
  ),
  keep_inside_vehicle: lt(
    'kept inside the vehicle',
    'zadržavanje u vozilu',
    'задржување во возилото',
    'mbajtje brenda automjetit',
    'zadržavanje u vozilu',
  ),
  detain: lt(
    'detention',
    'lišenje slobode',
    'лишување од слобода',
    'privim nga liria',
    'lišenje slobode',
  ),
  release: lt(
    'release',
    'puštanje na slobodu',
    'пуштање на слобода',
    'lirim',
    'puštanje na slobodu',
  ),
  separate_suspects: lt(
    'separation of the suspects from the passengers',
    'odvajanje osumnjičenih od putnika',
    'одвојување на осомничените од патниците',
    'ndarje e të dyshuarve nga udhëtarët',
    'odvajanje osumnjičenih od putnika',
  ),
  cuff_all: lt(
    'handcuffing',
    'vezivanje lisicama',
    'ставање лисици',
    'vënie prangash',
    'stavljanje lisica',
  ),
  request_guardian: lt(
    'a guardian appointed',
    'postavljanje staratelja',
    'поставување старател',
    'caktim kujdestari',
    'postavljanje staratelja',
  ),
  age_assessment: lt(
    'age assessment',
    'procena uzrasta',
    'проценка на возраста',
    'vlerësim i moshës',
    'procjena dobi',
  ),
  place_with_adults: lt(
    'placement with unrelated adults',
    'smeštaj sa nepoznatim odraslima',
    'сместување со непознати возрасни',
    'strehim me të rritur të panjohur',
    'smještaj s nepoznatim odraslima',
  ),
  refer_trafficking_identification: lt(
    'referral for identification as a victim of trafficking',
    'upućivanje na identifikaciju žrtve trgovine ljudima',
    'упатување на идентификација како жртва на трговија со луѓе',
    'referim për identifikim si viktimë e trafikimit',
    'upućivanje na identifikaciju žrtve trgovine ljudima',
  ),
  reflection_period: lt(
    'recovery and reflection period',
    'period za oporavak i razmišljanje',
    'период за закрепнување и размислување',
    'periudhë rimëkëmbjeje dhe reflektimi',
    'period za oporavak i razmišljanje',
  ),
  refer_cso: lt(
    'referral to civil-society support',
    'upućivanje na podršku civilnog društva',
    'упатување на поддршка од граѓанското општество',
    'referim për mbështetje te shoqëria civile',
    'upućivanje na podršku civilnog društva',
  ),
  alternatives_to_detention: lt(
    'alternatives to detention',
    'alternative zadržavanju',
    'алтернативи на задржувањето',
    'alternativa ndaj ndalimit',
    'alternative zadržavanju',
  ),
  lawyer_access: lt(
    'access to a lawyer',
    'pristup advokatu',
    'пристап до адвокат',
    'qasje te avokati',
    'pristup advokatu',
  ),
};
const FORMAL_CROSSBORDER: ReadonlySet<ActKind> = new Set<ActKind>([
  'mla_request',
  'europol_contact',
  'jit_request',
]);

/**
 * Acts that bear on the dead (the steps after a death, telling the consulate or the media about it). Any
 * other act aimed at several people at once (a group: "all migrants" charged, put back over the border)
 * is done to the living: those dead before it are not among its people.
 */
const AFTER_DEATH_ACTS: ReadonlySet<ActKind> = new Set<ActKind>([
  'autopsy',
  'independent_inquiry',
  'secure_scene',
  'identify_deceased',
  'notify_family',
  'release_body',
  'consular_notification',
  'data_share',
  'images_to_media',
]);

/** How a lost witness went, as the finding says it: of one person, and of an entry standing for several. */
const LOST_AS: Record<WitnessLost['how'], readonly [one: FullText, many: FullText]> = {
  removed: [
    lt('was removed', 'je udaljen(a)', 'беше отстранет(а)', 'u largua nga ekipi', 'je udaljen(a)'),
    lt('were removed', 'su udaljeni', 'беа отстранети', 'u larguan nga ekipi', 'su udaljeni'),
  ],
  departed: [
    lt('departed', 'je otišao/otišla', 'замина', 'u largua', 'je otišao/otišla'),
    lt('departed', 'su otišli', 'заминаа', 'u larguan', 'su otišli'),
  ],
  withdrew: [
    lt(
      'withdrew the statement',
      'je povukao/povukla iskaz',
      'ја повлече изјавата',
      'e tërhoqi deklaratën',
      'je povukao/povukla iskaz',
    ),
    lt(
      'withdrew their statements',
      'su povukli iskaze',
      'ги повлекоа изјавите',
      'i tërhoqën deklaratat',
      'su povukli iskaze',
    ),
  ],
  deported: [
    lt('deported', 'je deportovan(a)', 'беше депортиран(а)', 'u dëbua', 'je deportovan(a)'),
    lt('deported', 'su deportovani', 'беа депортирани', 'u dëbuan', 'su deportovani'),
  ],
};

function decisionOf(act: ActRecord): { decision: string; option: string } | undefined {
  if (/^(request|inject|enter):/.test(act.via)) return undefined;
  const i = act.via.indexOf('/');
  if (i <= 0) return undefined;
  return { decision: act.via.slice(0, i), option: act.via.slice(i + 1) };
}

const param = <T>(act: ActRecord, key: string): T | undefined => act.params[key] as T | undefined;

function sameSchedule(a: TeamState['scheduled'], b: TeamState['scheduled']): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (a[i]?.inject !== b[i]?.inject || a[i]?.at !== b[i]?.at) return false;
  return true;
}

/** Who an act is attributed to: acts an inject fired (a consequence the scenario plays out) belong to nobody. */
function actor(act: ActRecord): { role: string | null; participant: string | null } {
  return act.via.startsWith('inject:')
    ? { role: null, participant: null }
    : { role: act.role, participant: act.participant };
}

/** Collects one act's per-person results and emits one finding per rule (listing everyone concerned). */
class Grouper {
  private readonly groups = new Map<
    string,
    { persons: string[]; detail: LocalText; obligation?: Obligation }
  >();
  constructor(
    private readonly model: TeamModel,
    private readonly act: ActRecord,
  ) {}

  add(ruleId: string, person: string, detail: LocalText, obligation?: Obligation): void {
    const g = this.groups.get(ruleId);
    if (g) g.persons.push(person);
    else
      this.groups.set(ruleId, { persons: [person], detail, ...(obligation ? { obligation } : {}) });
  }

  flush(): void {
    const decision = decisionOf(this.act);
    for (const [ruleId, g] of this.groups) {
      const d = g.obligation ? deadlineInfo(g.obligation) : undefined;
      this.model.add({
        ruleId,
        seq: this.act.seq,
        time: this.act.time,
        ...actor(this.act),
        persons: g.persons,
        detail: cat(names(this.model.ix, g.persons), ': ', g.detail),
        ...(g.obligation ? { triggeredBySeq: g.obligation.triggeredBySeq } : {}),
        ...(d ? { deadline: d } : {}),
        ...(decision ? { decision } : {}),
      });
    }
    this.groups.clear();
  }
}

type AsylumAct = 'register_asylum_intention' | 'refer_asylum';
const ASYLUM_ACTS: readonly AsylumAct[] = ['register_asylum_intention', 'refer_asylum'];
const isAsylumAct = (k: ActKind): k is AsylumAct =>
  k === 'register_asylum_intention' || k === 'refer_asylum';
/** What each asylum act did, as a finding states it. */
const ASYLUM_DONE: Record<AsylumAct, LocalText> = {
  register_asylum_intention: lt(
    'asylum intention registered',
    'namera traženja azila evidentirana',
    'намерата за азил евидентирана',
    'synimi për azil u regjistrua',
    'namjera traženja azila evidentirana',
  ),
  refer_asylum: lt(
    'referred to an asylum or reception centre',
    'upućen(i) u centar za azil ili prihvat',
    'упатен(и) во центар за азил или прифатен центар',
    'u referua në një qendër azili ose pritjeje',
    'upućen(i) u centar za azil ili prihvatni centar',
  ),
};

/** Texts listed with "and" in each language, as list() does (`none` when there are none). */
function andJoined(parts: readonly LocalText[], none: LocalText): LocalText {
  return parts.length === 0 ? none : list(parts);
}

/** What the model needs of the state before an event (the rest is read from the state after it). */
export interface Before {
  people: TeamState['people'];
  scheduled: TeamState['scheduled'];
  clock: number;
}

interface Ctx {
  ev: LogLine;
  prev: Before;
  next: TeamState;
  emitted: Emitted[];
  /** Position in `emitted` being read: effects of one option count in the order they are listed. */
  index: number;
  /** Person → position of the first effect of this event that made them leave (or removed them). */
  goneAt: Map<string, number>;
  /**
   * Person → scenario minute of the last change to them in this event: an option's effects happen
   * when it is taken (the clock moves on by its time cost after them), an inject's when it fires.
   * What a finding says happened to a person is dated by it. (Obligation clocks started or stopped by
   * a state change still use the clock after the event, as they always have.)
   */
  changedAt: Map<string, number>;
  /** People this event deported with no removal act on record (judged together, see onPersonState). */
  deportedUnexamined: string[];
}

/** What happened after a death or a serious injury, step by step (ECHR art. 2, procedural limb). */
export interface Harm {
  person: string;
  seq: number;
  time: number;
  dead: boolean;
  /** Whether state agents took part in what led to it (a pursuit, custody): the inquiry must cover them. */
  stateInvolved: boolean;
  scene: boolean;
  autopsy: boolean;
  identified: boolean;
  family: boolean;
  /** The inquiry: null until opened; `adequate` when independent and covering the agents' conduct. */
  inquiry: { adequate: boolean; family: boolean } | null;
  released: boolean;
  complete: boolean;
}

const INDEPENDENT_OF_POLICE = new Set(['prosecutor', 'independent_body']);

/** Witness protection measures (the scenario schema's ids) in words. */
const MEASURES: Record<string, FullText> = {
  pseudonym: lt('pseudonym', 'pseudonim', 'псевдоним', 'pseudonim', 'pseudonim'),
  video: lt('video link', 'video-veza', 'видеоврска', 'lidhje video', 'video-veza'),
  relocation: lt('relocation', 'premeštanje', 'преселување', 'zhvendosje', 'premještanje'),
  closed_hearing: lt(
    'hearing closed to the public',
    'isključenje javnosti',
    'исклучување на јавноста',
    'seancë e mbyllur për publikun',
    'isključenje javnosti',
  ),
  other: lt('other measures', 'druge mere', 'други мерки', 'masa të tjera', 'druge mjere'),
};

export class TeamModel {
  findings: Finding[] = [];
  book = new ObligationBook();
  hearings = new Map<string, Hearing[]>();
  /** Witnesses whose statement was secured in a form usable if they leave (valid deposition, video hearing). */
  deposed = new Set<string>();
  /** People a removal act (return decision, pushback, handover) concerned: their removal is judged from it. */
  removedByAct = new Set<string>();
  /** The clock when each person last stopped being here (left, removed, died, taken to hospital). */
  leftAt = new Map<string, number>();
  lost = new Map<string, WitnessLost>();
  /** People heard in a flawed interview (no interpreter, wrong language, co-national) and not yet re-heard. */
  flawed = new Set<string>();
  charges: { person: string; offence: string; seq: number }[] = [];
  /** Deaths and serious injuries, with the steps taken since (person → record). */
  harms = new Map<string, Harm>();
  /** The last pursuit, whether it put lives at risk without planning or control, and whom it chased. */
  pursuit: { seq: number; uncontrolled: boolean; act: ActRecord; chased: string[] } | null = null;
  /**
   * People whose fate state agents had a hand in: chased by a pursuit, pushed back, handed over, held.
   * A death or serious injury of one of them is one the officers are implicated in (ECHR art. 2).
   */
  involved = new Set<string>();
  /**
   * Person → the agency whose act or event put them in custody (the latest spell): the safeguards that
   * custody owes are that agency's, whoever else the scenario lets give a lawyer.
   */
  heldBy = new Map<string, string>();
  /** People given protective measures (witness protection). */
  protectedWitnesses = new Set<string>();
  /**
   * People paid nothing for their help already scored for being charged or arrested as smugglers, as
   * `person|charged` and `person|arrested` (each act is scored once per person) → the event that did it.
   */
  unpaidHelpers = new Map<string, number>();
  /**
   * Acts done in person (IN_PERSON_ACTS) that the log holds for people the state had already removed:
   * never scored, and said in the finding of the removal that took them out of reach (withheldNote).
   */
  withheld: { kind: ActKind; seq: number; time: number; persons: string[]; removalSeq: number }[] =
    [];
  /** person → the event that set them deported, when no removal act named them (see removalOf). */
  private deportedBy = new Map<string, number>();
  /**
   * person → where each effect moved them, in log order (seq, then the effect's place in its event):
   * out (a removal act, set gone) or in (set somewhere here). See broughtBack.
   */
  private moves = new Map<string, { way: 'in' | 'out'; seq: number; index: number }[]>();
  done = new Set<ActKind>();
  lastSeq = 0;
  clock = 0;
  private dedupe = new Set<string>();
  private custodyStarted = new Set<string>();
  private started = false;
  /** Joint decision → agency → the participant whose signature for it stands (decisions still open). */
  private signatures = new Map<string, Map<string, string | null>>();
  /** Request → the participant whose event sent it (the one standing: a refused request may be re-sent). */
  private requesters = new Map<string, string | null>();
  /** Events that completed a joint decision or answered a request: seq → who shares responsibility. */
  private shared = new Map<number, Shared>();
  /** While such an event is observed: what it shares (what add() applies to its findings). */
  private current: Shared | null = null;
  /** person → what changed them during the current event. */
  private readonly sources = new Map<string, 'event' | 'request' | 'inject'>();
  /** person → the asylum acts a finding already states for them. */
  private asylumStated = new Map<string, Set<AsylumAct>>();
  /**
   * person → the asylum acts the log holds for them after the state had removed them (and when): never
   * credited, and said in the finding of the wish never acted on (see onAsylumAct, finalize).
   */
  private asylumAfterRemoval = new Map<
    string,
    { kinds: Set<AsylumAct>; time: number; removedAt: number }
  >();
  /**
   * What the team had read and seen before the event being observed: documents and items revealed to one
   * of its agencies, evidence obtained, hidden attributes observed (`person\u0000attr`). With what the
   * event emitted before an act, it is what the team knew when it acted (knownAt).
   */
  private seen = {
    revealed: new Set<string>(),
    obtained: new Set<string>(),
    observed: new Set<string>(),
  };

  constructor(
    readonly ix: ScenarioIndex,
    readonly rubric: Rubric,
    readonly team: string,
  ) {}

  /**
   * A copy for evaluating one more event (the other options of a decision): it starts with no findings
   * (only the event's own findings matter) and shares what the event cannot change in place.
   */
  forProbe(): TeamModel {
    const m = new TeamModel(this.ix, this.rubric, this.team);
    m.book = this.book.clone();
    m.hearings = new Map(this.hearings);
    m.deposed = new Set(this.deposed);
    m.removedByAct = new Set(this.removedByAct);
    m.leftAt = new Map(this.leftAt);
    m.lost = new Map(this.lost);
    m.flawed = new Set(this.flawed);
    m.charges = this.charges;
    m.harms = new Map([...this.harms].map(([k, v]) => [k, { ...v }]));
    m.pursuit = this.pursuit;
    m.involved = new Set(this.involved);
    m.heldBy = new Map(this.heldBy);
    m.protectedWitnesses = new Set(this.protectedWitnesses);
    m.unpaidHelpers = new Map(this.unpaidHelpers);
    m.withheld = this.withheld.slice();
    m.deportedBy = new Map(this.deportedBy);
    m.moves = new Map(this.moves);
    m.done = new Set(this.done);
    m.lastSeq = this.lastSeq;
    m.clock = this.clock;
    m.started = this.started;
    m.signatures = new Map([...this.signatures].map(([k, v]) => [k, new Map(v)]));
    m.requesters = new Map(this.requesters);
    m.asylumStated = new Map(this.asylumStated);
    m.asylumAfterRemoval = new Map(this.asylumAfterRemoval);
    m.seen = {
      revealed: new Set(this.seen.revealed),
      obtained: new Set(this.seen.obtained),
      observed: new Set(this.seen.observed),
    };
    return m;
  }

  /**
   * A copy to finalize() while this one goes on observing (live scores). finalize() appends findings
   * (the undischarged ones it groups are its own: only it makes them), adds to the dedupe keys and
   * ticks the obligations (the book is copy-on-write); the rest it and the case file only read.
   */
  forFinal(): TeamModel {
    const m = Object.assign(new TeamModel(this.ix, this.rubric, this.team), this);
    m.findings = this.findings.slice();
    m.dedupe = new Set(this.dedupe);
    m.book = this.book.clone();
    return m;
  }

  // ── feeding ─────────────────────────────────────────────────────────────────────────────────

  /** The state the team starts in: obligations already called for at minute 0. */
  start(state: TeamState, seq: number): void {
    if (this.started) return;
    this.started = true;
    this.lastSeq = seq;
    for (const [item, to] of Object.entries(state.reveals))
      if (readsForTeam(this.ix, to)) this.seen.revealed.add(item);
    for (const item of Object.keys(state.evidence)) this.seen.obtained.add(item);
    for (const [person, attrs] of Object.entries(state.observed))
      for (const [attr, by] of Object.entries(attrs))
        if (by.length > 0) this.seen.observed.add(`${person}\u0000${attr}`);
    for (const id of Object.keys(state.people)) this.scanPerson(state, id, seq, state.clock);
    for (const [person, due] of this.ix.timedDepartures) {
      if (this.ix.witnesses.has(person)) this.trigger('deposition', person, seq, 0, due);
    }
    for (const [id, p] of Object.entries(state.people))
      if (p.whereabouts === 'deceased' || p.vulnerabilities.includes('serious_injury')) {
        // Harm from before minute 0 while officers were acting on the person: they are implicated in it
        // as if the run had shown their act (the inquiry must then be independent of them).
        if ((this.ix.c.people.get(id)?.stateAgentsPresent ?? []).length > 0) this.involved.add(id);
        this.onHarm(id, p.whereabouts === 'deceased', seq, state.clock, false);
      }
    for (const [id, p] of Object.entries(state.people))
      if (p.whereabouts === 'in_custody')
        this.trigger(
          'liberty',
          id,
          seq,
          state.clock,
          state.clock + this.rubric.deadlines.judicialReview,
        );
    // Camera, number-plate and toll recordings of the transport exist from the start of the run: their
    // retention clock runs from there, whenever the scenario lets the team ask for them.
    if (this.ix.acts.has('preserve_cctv'))
      this.trigger('cctv', null, seq, state.clock, state.clock + this.rubric.deadlines.cctvPartial);
  }

  /** One accepted event: returns the findings it caused. */
  observe(ev: LogLine, prev: Before, next: TeamState, emitted: Emitted[]): Finding[] {
    const before = this.findings.length;
    const seq = ev.seq;
    this.lastSeq = seq;
    const ctx: Ctx = {
      ev,
      prev,
      next,
      emitted,
      index: 0,
      goneAt: new Map(),
      changedAt: new Map(),
      deportedUnexamined: [],
    };
    this.current = this.sharedBy(ev, emitted);
    if (this.current) this.shared.set(seq, this.current);
    if (emitted.length > 0) {
      const changed = new Set<string>();
      this.sources.clear();
      // Who caused each change: the event itself, a request being answered, or an inject the scenario fired.
      let source: 'event' | 'request' | 'inject' = 'event';
      emitted.forEach((e, i) => {
        if (e.kind === 'inject') source = 'inject';
        else if (e.kind === 'request' && e.status !== 'pending') source = 'request';
        else if (e.kind === 'person' || e.kind === 'observe') {
          changed.add(e.person);
          this.sources.set(e.person, source);
          ctx.changedAt.set(e.person, e.time);
          if (
            e.kind === 'person' &&
            e.set.whereabouts !== undefined &&
            GONE.has(e.set.whereabouts) &&
            !ctx.goneAt.has(e.person)
          )
            ctx.goneAt.set(e.person, i);
          if (e.kind === 'person' && e.set.whereabouts !== undefined)
            this.moved(
              e.person,
              GONE.has(e.set.whereabouts) ? 'out' : e.set.whereabouts === 'deceased' ? null : 'in',
              seq,
              i,
            );
        } else if (e.kind === 'act' && REMOVAL_ACTS.has(e.act.kind)) {
          for (const p of e.act.persons) {
            if (!ctx.goneAt.has(p)) ctx.goneAt.set(p, i);
            this.removedByAct.add(p);
            this.moved(p, 'out', seq, i);
          }
        }
      });
      // What a document or an item the team can now read says about a person calls for the same duties as
      // meeting them; scanned before the acts, so a duty met in the same option is met, not missed.
      for (const id of this.ix.mentions.keys())
        if (!changed.has(id)) this.scanPerson(next, id, seq, next.clock);
      for (const id of changed) this.scanPerson(next, id, seq, next.clock);
      // Effects are read in the order the option lists them: custody, a death or an injury starts where
      // its effect stands, so an act listed after it (a lawyer called, an autopsy) comes after it.
      emitted.forEach((e, i) => {
        ctx.index = i;
        if (e.kind === 'person') this.onPersonStarts(ctx, e.person, e.set);
        else if (e.kind === 'act') this.onAct(ctx, e.act);
        else if (e.kind === 'decision')
          this.onDecision(ctx, e.decision, e.option, e.role, e.seq, e.time);
        else if (e.kind === 'evidence') this.onEvidence(ctx, e.evidence);
      });
      for (const id of changed) this.onPersonState(ctx, id);
      this.onUnexaminedRemoval(ctx);
      this.dropRefusalBreachingRights(before, seq);
      if (!sameSchedule(prev.scheduled, next.scheduled)) this.onScheduled(ctx);
      for (const e of emitted) this.see(e);
    }
    if (next.clock !== this.clock) {
      this.clock = next.clock;
      this.book.tick(next.clock, seq);
    }
    this.current = null;
    return this.findings.slice(before);
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────

  /**
   * An option that is itself a rights failure (punishing an asylum wish, a detention with no ground)
   * keeps nobody in a lawful procedure: the "informal return refused" credit this event earned is
   * withdrawn when the model found a rights failure in the same event's effects.
   */
  private dropRefusalBreachingRights(from: number, seq: number): void {
    const made = this.findings.slice(from);
    const refused = (f: Finding) => f.ruleId === 'RIGHTS.NONREFOULEMENT.REFUSED' && f.seq === seq;
    if (!made.some(refused)) return;
    const breach = made.some(
      (f) =>
        f.source === 'model' &&
        f.seq === seq &&
        (this.rubric.rules.find((r) => r.id === f.ruleId)?.points.rights ?? 0) < 0,
    );
    if (!breach) return;
    this.findings = [...this.findings.slice(0, from), ...made.filter((f) => !refused(f))];
  }

  /** @internal */
  add(
    f: Omit<Finding, 'source' | 'evidence'> & { source?: FindingSource; evidence?: string[] },
  ): void {
    const key = `${f.ruleId}|${f.seq}|${f.persons.join(',')}|${(f.evidence ?? []).join(',')}`;
    if (this.dedupe.has(key)) return;
    this.dedupe.add(key);
    this.findings.push({
      source: 'model',
      evidence: [],
      ...f,
      ...this.answerable(this.current, f),
    });
  }

  /**
   * Who answers for what an event that completed a joint decision or answered a request did (read
   * from the log, so re-scoring gives the same). A joint decision: every signer, agency and trainee.
   * A request granted: it carried out what the requester asked for, so the requester answers for it;
   * when trainees granted it, they chose to as well and answer beside the requester; when the
   * facilitator granted it for an agency nobody plays, that agency is the scenario's world (as an
   * inject is), not a trainee whose score can absorb the requester's choice. A request refused: only
   * the refusal was chosen, so it is the refuser's when trainees refused and nobody's from the console.
   */
  private sharedBy(ev: LogLine, emitted: Emitted[]): Shared | null {
    let out: Shared | null = null;
    for (const e of emitted) {
      if (e.kind === 'joint') {
        const signatures = this.signatures.get(e.decision) ?? new Map<string, string | null>();
        signatures.set(e.role, ev.participant ?? null);
        this.signatures.set(e.decision, signatures);
        if (e.missing.length > 0) continue;
        this.signatures.delete(e.decision);
        const signers = this.ix.c.decisions.get(e.decision)?.def.joint;
        if (!signers) continue;
        out = {
          seq: ev.seq,
          role: e.role,
          as: {
            roles: [...signers],
            participants: distinct(signers.map((r) => signatures.get(r) ?? null)),
          },
        };
      } else if (e.kind === 'request') {
        if (e.status === 'pending') {
          this.requesters.set(e.request, ev.participant ?? null);
          continue;
        }
        if (ev.type !== 'request.answered') continue;
        // The console's answer is logged under the agency it is addressed to (as the server writes
        // it) or, as the facilitator's other events, with no role or the facilitator's: either way it
        // carried out what the requester asked for. Findings of the event carry its role as read here.
        const role = ev.role === 'facilitator' ? null : ev.role;
        const requester = { role: e.from, participant: this.requesters.get(e.request) ?? null };
        const fromConsole =
          ev.participant === null || ev.participant === undefined || role === null;
        out = {
          seq: ev.seq,
          role,
          as:
            e.status === 'refused'
              ? fromConsole
                ? { role: null, participant: null }
                : {}
              : fromConsole
                ? requester
                : e.from === role
                  ? {}
                  : {
                      roles: [e.from, role],
                      participants: distinct([requester.participant, ev.participant]),
                    },
        };
      }
    }
    return out;
  }

  /** The attribution a finding of the event `s` shares (nothing when the event's agency is not its cause). */
  private answerable(
    s: Shared | null,
    f: { seq: number; role: string | null; undischarged?: boolean },
  ): Partial<Pick<Finding, 'role' | 'roles' | 'participant' | 'participants'>> {
    if (!s || f.undischarged || f.seq !== s.seq || f.role !== s.role) return {};
    const { participants, ...rest } = s.as;
    return participants && participants.length > 0 ? { ...rest, participants } : rest;
  }

  /**
   * Who answers for a finding made outside the model's events (the case file's, read at the end) that
   * the event `seq` caused, attributed to `role` (see sharedBy).
   */
  attribute(
    seq: number,
    role: string | null,
    participant: string | null,
  ): Pick<Finding, 'role' | 'participant'> & Partial<Pick<Finding, 'roles' | 'participants'>> {
    return { role, participant, ...this.answerable(this.shared.get(seq) ?? null, { seq, role }) };
  }

  private fromAct(
    act: ActRecord,
    ruleId: string,
    persons: string[],
    detail: LocalText,
    evidence?: string[],
    axes?: Axis[],
  ): void {
    const decision = decisionOf(act);
    const who = actor(act);
    this.add({
      ruleId,
      seq: act.seq,
      time: act.time,
      role: who.role,
      participant: who.participant,
      persons,
      detail,
      ...(evidence ? { evidence } : {}),
      ...(decision ? { decision } : {}),
      ...(axes ? { axes } : {}),
    });
  }

  private fromEvent(
    ctx: Ctx,
    ruleId: string,
    persons: string[],
    detail: LocalText,
    time: number,
  ): void {
    const byInject = persons.some((p) => this.sources.get(p) === 'inject');
    const role = byInject || ctx.ev.role === 'facilitator' ? null : ctx.ev.role;
    this.add({
      ruleId,
      seq: ctx.ev.seq,
      time,
      role,
      participant: byInject ? null : ctx.ev.participant,
      persons,
      detail,
    });
  }

  private trigger(
    kind: ObligationKind,
    person: string | null,
    seq: number,
    time: number,
    due: number | null,
  ): void {
    if (!dischargeable(this.ix, kind)) return;
    this.book.trigger(kind, person, seq, time, due);
  }

  private person(s: TeamState, id: string): PersonState | undefined {
    return s.people[id];
  }

  /** Adds what an emitted entry let the team read or see to what it knows (after its event). */
  private see(e: Emitted): void {
    if (e.kind === 'reveal' && readsForTeam(this.ix, e.to)) this.seen.revealed.add(e.item);
    else if (e.kind === 'evidence') this.seen.obtained.add(e.evidence);
    else if (e.kind === 'observe')
      for (const a of e.attrs) this.seen.observed.add(`${e.person}\u0000${a}`);
  }

  /**
   * What the team knew at position `index` of the event's effects, at minute `time`: what it knew
   * before the event and what the effects listed before that position revealed, obtained or let it
   * observe. A document revealed later in the same option, or dated after the minute, does not count.
   */
  private knownAt(ctx: Ctx, index: number, time: number): Known {
    const earlier = (test: (e: Emitted) => boolean) => {
      for (let i = 0; i < index && i < ctx.emitted.length; i++) {
        const e = ctx.emitted[i];
        if (e && test(e)) return true;
      }
      return false;
    };
    return {
      clock: time,
      revealed: (item) =>
        this.seen.revealed.has(item) ||
        earlier((e) => e.kind === 'reveal' && e.item === item && readsForTeam(this.ix, e.to)),
      obtained: (item) =>
        this.seen.obtained.has(item) ||
        earlier((e) => e.kind === 'evidence' && e.evidence === item),
      observed: (person, attr) =>
        this.seen.observed.has(`${person}\u0000${attr}`) ||
        earlier((e) => e.kind === 'observe' && e.person === person && e.attrs.includes(attr)),
    };
  }

  /** A person as they were at position `index` of the event's effects (the changes listed before it). */
  private personAt(ctx: Ctx, id: string, index: number): PersonState | undefined {
    let p = ctx.prev.people[id];
    if (!p) return ctx.next.people[id];
    for (let i = 0; i < index && i < ctx.emitted.length; i++) {
      const e = ctx.emitted[i];
      if (e?.kind !== 'person' || e.person !== id) continue;
      const q: PersonState = { ...p };
      for (const [k, v] of Object.entries(e.set))
        if (v !== undefined) (q as unknown as Record<string, unknown>)[k] = v;
      p = q;
    }
    return p;
  }

  /**
   * Whether the team knew `fact` about a person when the effect at position `index` (an act, a
   * removal) happened at minute `time`: their own attribute it had been told or had seen, or a document
   * or item it could read by then that states it (knowsFact, as the obligations read it).
   */
  private knows(ctx: Ctx, id: string, fact: PersonFact, index: number, time: number): boolean {
    const k = this.knownAt(ctx, index, time);
    return knowsFact(this.ix, ctx.next, id, this.personAt(ctx, id, index), fact, k);
  }

  /** `knows` for the act being observed (the effect at ctx.index). */
  private knewAtAct(ctx: Ctx, act: ActRecord, id: string, fact: PersonFact): boolean {
    return this.knows(ctx, id, fact, ctx.index, act.time);
  }

  /** Who an act concerns: its persons, or for whole-vehicle acts everyone still here. */
  private targets(act: ActRecord, s: TeamState, before?: Before): string[] {
    if (act.persons.length > 1 && before && !AFTER_DEATH_ACTS.has(act.kind))
      return act.persons.filter((id) => before.people[id]?.whereabouts !== 'deceased');
    if (act.persons.length > 0 || !ALL_PEOPLE_ACTS.has(act.kind)) return act.persons;
    return Object.keys(s.people).filter((id) => {
      const p = s.people[id];
      return p !== undefined && p.kind !== 'official' && isHere(p);
    });
  }

  private scanPerson(s: TeamState, id: string, seq: number, time: number): void {
    const p = this.person(s, id);
    if (!p) return;
    for (const kind of personTriggers(this.ix, s, id, p)) {
      const minutes = OBLIGATIONS[kind].deadline(this.rubric.deadlines);
      this.trigger(kind, id, seq, time, minutes === null ? null : time + minutes);
    }
  }

  /** Discharge `kind` for `person` by an act (or a state change), scoring timeliness. */
  private discharge(
    kind: ObligationKind,
    person: string | null,
    seq: number,
    time: number,
    by: {
      role: string | null;
      participant: string | null;
      decision?: { decision: string; option: string };
      /** What was done, for the people the finding lists (default: the obligation's own words). */
      what?: (persons: string[]) => LocalText;
    },
    silent = false,
  ): Obligation | undefined {
    const open = this.book.open(kind, person);
    if (!open) return undefined;
    const o = this.book.discharge(open, seq, time);
    if (silent) return o;
    const spec = OBLIGATIONS[kind];
    const late = o.due !== null && time > o.due;
    const ruleId = this.forPerson(kind, person, late ? spec.late : spec.gain);
    if (!ruleId) return o;
    // Several people discharged by the same event: one finding listing them all.
    const same = this.findings.find(
      (f) =>
        f.ruleId === ruleId &&
        f.seq === seq &&
        f.source === 'model' &&
        f.triggeredBySeq === o.triggeredBySeq,
    );
    const persons = same ? [...same.persons, ...(person ? [person] : [])] : person ? [person] : [];
    const who = persons.length > 0 ? names(this.ix, persons) : cat();
    const elapsed = duration(time - o.from);
    const limit = o.due === null ? null : duration(o.due - o.from);
    const detail = cat(
      who.en ? cat(who, ': ') : '',
      by.what ? by.what(persons) : spec.what,
      lt(
        ' — done after ',
        ' — urađeno posle ',
        ' — направено по ',
        ' — u bë pas ',
        ' — urađeno nakon ',
      ),
      elapsed,
      limit
        ? cat(
            lt(' (allowed: ', ' (dozvoljeno: ', ' (дозволено: ', ' (e lejuar: ', ' (dozvoljeno: '),
            limit,
            ')',
          )
        : '',
    );
    if (same) {
      same.persons = persons;
      same.detail = detail;
      return o;
    }
    const d = deadlineInfo(o);
    this.add({
      ruleId,
      seq,
      time,
      role: by.role,
      participant: by.participant,
      persons: person ? [person] : [],
      detail,
      triggeredBySeq: o.triggeredBySeq,
      ...(d ? { deadline: d } : {}),
      ...(by.decision ? { decision: by.decision } : {}),
    });
    return o;
  }

  /**
   * A criminal suspect's custody rests on ECHR art. 5(1)(c), (3) and Directive 2013/48 (a lawyer), not on the
   * migration-detention rules: the liberty rules are named for suspects accordingly.
   */
  private forPerson(
    kind: ObligationKind,
    person: string | null,
    ruleId: string | null,
  ): string | null {
    if (kind !== 'liberty' || person === null || ruleId === null) return ruleId;
    if (this.ix.c.people.get(person)?.kind !== 'suspect') return ruleId;
    if (ruleId === 'RIGHTS.LIBERTY.REVIEWED') return 'RIGHTS.LIBERTY.SUSPECT_SAFEGUARDS';
    if (ruleId === 'RIGHTS.LIBERTY.NO_REVIEW') return 'RIGHTS.LIBERTY.SUSPECT_NO_SAFEGUARDS';
    return ruleId;
  }

  private dischargeByAct(kind: ObligationKind, act: ActRecord, persons: string[]): void {
    const decision = decisionOf(act);
    const by = { ...actor(act), ...(decision ? { decision } : {}) };
    for (const p of persons) this.discharge(kind, p, act.seq, act.time, by);
  }

  /**
   * Registering the intention and referring the person each discharge the asylum obligation (either is
   * the state acting on the wish): the finding says which of them the log holds for whom — those of the
   * event that discharged it, and any done later (added to the same finding, never scored again).
   */
  private onAsylumAct(ctx: Ctx, act: ActRecord, all: string[]): void {
    // Someone the state had already removed (or who had gone) is no longer here to register or refer:
    // the act the log holds for them never took place, so it discharges nothing and adds nothing to
    // what an earlier finding says. Where the state removed them, the wish stays owed (see
    // onPersonState) and its finding says why this act does not count (finalize).
    const persons: string[] = [];
    for (const p of all) {
      if (!this.outOfReach(ctx, p)) {
        persons.push(p);
        continue;
      }
      const removedAt = this.removedAt(ctx, p);
      if (removedAt === null) continue;
      const k = act.kind as AsylumAct;
      const noted = this.asylumAfterRemoval.get(p);
      this.asylumAfterRemoval.set(
        p,
        noted
          ? { ...noted, kinds: new Set([...noted.kinds, k]) }
          : { kinds: new Set([k]), time: act.time, removedAt },
      );
    }
    if (persons.length === 0) return;
    const kinds = (p: string) => {
      const out = new Set<AsylumAct>();
      for (const e of ctx.emitted)
        if (
          e.kind === 'act' &&
          isAsylumAct(e.act.kind) &&
          this.targets(e.act, ctx.next).includes(p)
        )
          out.add(e.act.kind);
      return out;
    };
    const stated = (p: string) => this.asylumStated.get(p) ?? new Set<AsylumAct>();
    const fallback = OBLIGATIONS.asylum.what;
    const what = (group: string[]) => {
      const parts: LocalText[] = [];
      for (const k of ASYLUM_ACTS) {
        const now = group.filter((p) => kinds(p).has(k));
        if (now.length === 0) continue;
        for (const p of now) this.asylumStated.set(p, new Set([...stated(p), k]));
        parts.push(
          now.length === group.length
            ? ASYLUM_DONE[k]
            : cat(ASYLUM_DONE[k], ' (', names(this.ix, now), ')'),
        );
      }
      return andJoined(parts, fallback);
    };
    const decision = decisionOf(act);
    const by = { ...actor(act), ...(decision ? { decision } : {}), what };
    const later: string[] = [];
    for (const p of persons) {
      if (this.discharge('asylum', p, act.seq, act.time, by)) continue;
      if (!stated(p).has(act.kind as AsylumAct)) later.push(p);
    }
    if (later.length === 0) return;
    // Already discharged and said: a later registration or referral is added to what that finding says.
    const rules = new Set(
      [OBLIGATIONS.asylum.gain, OBLIGATIONS.asylum.late].filter((r): r is string => r !== null),
    );
    const k = act.kind as AsylumAct;
    for (let i = this.findings.length - 1; i >= 0 && later.length > 0; i--) {
      const f = this.findings[i];
      if (!f || f.source !== 'model' || !rules.has(f.ruleId)) continue;
      const mine = later.filter((p) => f.persons.includes(p));
      if (mine.length === 0) continue;
      for (const p of mine) {
        this.asylumStated.set(p, new Set([...stated(p), k]));
        later.splice(later.indexOf(p), 1);
      }
      // A new object: copies of the findings taken for live scores keep what they said then.
      this.findings[i] = {
        ...f,
        detail: cat(
          f.detail,
          lt('; later ', '; kasnije ', '; подоцна ', '; më vonë ', '; kasnije '),
          ASYLUM_DONE[k],
          mine.length === f.persons.length ? '' : cat(' (', names(this.ix, mine), ')'),
        ),
      };
    }
  }

  private hear(person: string, h: Hearing): void {
    this.hearings.set(person, [...(this.hearings.get(person) ?? []), h]);
  }

  /**
   * A witness is lost when they leave (or are removed) before a deposition the defence could examine —
   * if their statement is in the file, or the scenario offered a way to depose them, or the team itself
   * removed them while the case could still have had their testimony.
   */
  private markLost(ctx: Ctx, person: string, how: WitnessLost['how'], act?: ActRecord): void {
    if (!this.ix.witnesses.has(person) || this.deposed.has(person) || this.lost.has(person)) return;
    // Removed and placed here again by the same event (the Drina's Bosnian patrol handing the men into
    // the Serbian patrol's boat, then `present`): they never left the team's reach.
    if ((how === 'removed' || how === 'deported') && this.backByEventEnd(ctx, person)) return;
    const testimony = this.ix.testimonyOf.get(person) ?? [];
    const inFile = testimony.some((id) => ctx.next.evidence[id] !== undefined);
    // Someone who leaves on their own before anyone heard them takes nothing the team could have kept
    // but a deposition. A removal the team chose (an act or an event of its own, not one the scenario
    // fired) takes away a witness whose account the scenario holds before any hearing (a child's with
    // a guardian, an adult's as a witness) as surely as one already heard: the absence is the state's
    // own doing (Schatschaschwili: no good reason for it), child or adult alike.
    const removedByTeam =
      (how === 'removed' || how === 'deported') &&
      (act ? !act.via.startsWith('inject:') : this.sources.get(person) !== 'inject');
    if (!inFile && !this.ix.deposable.has(person) && !(removedByTeam && testimony.length > 0))
      return;
    const time = act ? act.time : (ctx.changedAt.get(person) ?? ctx.next.clock);
    this.lost.set(person, { person, name: names(this.ix, [person]), seq: ctx.ev.seq, time, how });
    // One entry may stand for a group of people (`count`): its finding reads as theirs.
    const group = (this.ix.c.people.get(person)?.count ?? 1) > 1;
    const detail = cat(
      names(this.ix, [person]),
      ' ',
      LOST_AS[how][group ? 1 : 0],
      atMoment(time, this.ix.c.scenario.startTime),
      lt(
        ' without a deposition the defence could examine',
        ' bez saslušanja koje je odbrana mogla da ispita',
        ' без сослушување што одбраната можеше да го испита',
        ' pa një dëshmi që mbrojtja të mund ta shqyrtonte',
        ' bez saslušanja koje je odbrana mogla ispitati',
      ),
    );
    const open = this.book.open('deposition', person);
    const d = open ? deadlineInfo(open) : undefined;
    if (act) this.fromAct(act, 'EVIDENCE.WITNESS.LOST', [person], detail);
    else {
      // A state change (left, deported, withdrew) is the act of the agency whose event made it (a
      // request answered from the console: its requester's, see sharedBy). An inject the scenario
      // fired, the facilitator or no agency is nobody's act: when the departure was foreseen (a
      // deposition was owed: see onScheduled), the loss is then the omission of the agency that
      // could have deposed the witness, as an obligation never discharged is its agency's, and no
      // trainee's; unforeseen, nobody's.
      const source = this.sources.get(person);
      const actor = source === 'inject' || ctx.ev.role === 'facilitator' ? null : ctx.ev.role;
      const owed = actor === null && source !== 'request' && open ? this.deposerOf(person) : null;
      const role = owed ?? actor;
      this.add({
        ruleId: 'EVIDENCE.WITNESS.LOST',
        seq: ctx.ev.seq,
        time,
        role,
        participant: actor === null ? null : ctx.ev.participant,
        persons: [person],
        detail,
        ...(open ? { triggeredBySeq: open.triggeredBySeq } : {}),
        ...(d ? { deadline: d } : {}),
      });
    }
  }

  /**
   * The agency that owed a witness's deposition: the first (in scenario order) whose decisions or
   * requests could depose this person, else any that could depose someone; null when none could.
   */
  private deposerOf(person: string): string | null {
    return (
      this.ix.deposers.get(person)?.[0] ??
      OBLIGATIONS.deposition.dischargedBy.flatMap((a) => this.ix.actAgencies.get(a) ?? [])[0] ??
      null
    );
  }

  // ── acts ─────────────────────────────────────────────────────────────────────────────────

  private onAct(ctx: Ctx, act: ActRecord): void {
    const { prev, next } = ctx;
    const ix = this.ix;
    let persons = this.targets(act, next, prev);
    if (IN_PERSON_ACTS.has(act.kind)) {
      // Done in person: for someone gone or removed before, it never took place (IN_PERSON_ACTS).
      const away = persons.filter((id) => this.outOfReach(ctx, id));
      if (away.length > 0) {
        this.noteWithheld(ctx, act, away);
        persons = persons.filter((id) => !away.includes(id));
        // Nobody left to do it to (an act naming nobody is done to everyone here: see targets).
        if (persons.length === 0) return;
      }
    }
    this.done.add(act.kind);
    const nm = (ids: string[]) => names(ix, ids);
    const childOf = (id: string) => {
      const p = next.people[id] ?? prev.people[id];
      const before = prev.people[id];
      return (
        (p ? isChild(ix, next, id, p) : false) || (before ? isChild(ix, next, id, before) : false)
      );
    };
    const kind = act.kind;
    switch (kind) {
      case 'triage':
        this.dischargeByAct('first_aid', act, persons);
        break;
      case 'medical_care':
        this.dischargeByAct('first_aid', act, persons);
        this.dischargeByAct('medical_care', act, persons);
        break;
      case 'open_vehicle':
      case 'device_seizure':
      case 'informal_contact':
      case 'requalify':
      case 'voluntary_return_offer':
        break;
      case 'keep_inside_vehicle': {
        const endangered = persons.filter((id) => {
          const p = prev.people[id] ?? next.people[id];
          return p !== undefined && inDistress(ix, next, id, p);
        });
        if (endangered.length > 0)
          this.fromAct(
            act,
            'RIGHTS.LIFE.KEPT_INSIDE',
            endangered,
            cat(
              lt(
                'Kept inside the vehicle while in distress: ',
                'Zadržani u vozilu dok su u nevolji: ',
                'Задржани во возилото иако беа во опасност: ',
                'U mbajtën brenda automjetit ndonëse ishin në rrezik: ',
                'Zadržani u vozilu dok su bili u nevolji: ',
              ),
              nm(endangered),
            ),
          );
        break;
      }
      case 'detain':
        this.onDetain(ctx, act, persons, childOf);
        break;
      case 'release':
        for (const p of persons) this.discharge('liberty', p, act.seq, act.time, act, true);
        break;
      case 'separate_suspects':
        this.fromAct(
          act,
          'EVIDENCE.SORTING.SEPARATE_SUSPECTS',
          persons,
          lt(
            'Suspects separated from passengers',
            'Osumnjičeni odvojeni od putnika',
            'Осомничените одвоени од патниците',
            'Të dyshuarit u ndanë nga udhëtarët',
            'Osumnjičeni odvojeni od putnika',
          ),
        );
        break;
      case 'cuff_all':
        this.fromAct(
          act,
          'RIGHTS.STATUS.CUFF_ALL',
          persons,
          lt(
            'All occupants handcuffed',
            'Svi putnici vezani lisicama',
            'Сите патници ставени во лисици',
            'Të gjithë udhëtarëve iu vunë pranga',
            'Svim putnicima stavljene lisice',
          ),
        );
        break;
      case 'interview': {
        const g = new Grouper(this, act);
        for (const p of persons) this.onInterview(ctx, act, p, childOf(p), g);
        g.flush();
        break;
      }
      case 'deposition': {
        const g = new Grouper(this, act);
        for (const p of persons) this.onDeposition(ctx, act, p, g);
        g.flush();
        break;
      }
      case 'video_hearing':
        for (const p of persons) {
          this.deposed.add(p);
          this.hear(p, { seq: act.seq, time: act.time, act: 'video_hearing', flaw: null });
          this.discharge('deposition', p, act.seq, act.time, act, true);
          const where = next.people[p]?.whereabouts;
          if (where && GONE.has(where))
            this.fromAct(
              act,
              'EVIDENCE.CROSSBORDER.MLA',
              [p],
              cat(
                nm([p]),
                lt(
                  ' heard abroad by video link',
                  ' saslušan(a) u inostranstvu putem video-veze',
                  ' сослушан(а) во странство преку видеоврска',
                  ' u dëgjua jashtë vendit me video-lidhje',
                  ' saslušan(a) u inostranstvu putem video-veze',
                ),
              ),
            );
        }
        break;
      case 'register_asylum_intention':
      case 'refer_asylum':
        this.onAsylumAct(ctx, act, persons);
        break;
      case 'request_guardian':
        this.dischargeByAct('guardian', act, persons);
        break;
      case 'age_assessment': {
        const method = param<string>(act, 'method');
        const kids = persons.filter(childOf);
        if (kids.length === 0) break;
        if (method === 'holistic')
          this.fromAct(
            act,
            'RIGHTS.CHILD.AGE_HOLISTIC',
            kids,
            cat(
              nm(kids),
              lt(
                ': holistic age assessment',
                ': holistička procena uzrasta',
                ': холистичка проценка на возраста',
                ': vlerësim holistik i moshës',
                ': holistička procjena dobi',
              ),
            ),
          );
        else
          this.fromAct(
            act,
            'RIGHTS.CHILD.AGE_XRAY_ONLY',
            kids,
            cat(
              nm(kids),
              // What the act states: how the age was assessed. Whether anyone was then held to be an adult is
              // not in it, so the text does not say so.
              method === 'xray_only'
                ? lt(
                    ': age assessed by an X-ray alone',
                    ': uzrast procenjivan samo rendgenom',
                    ': возраста проценувана само со рендген',
                    ': mosha u vlerësua vetëm me rreze X',
                    ': dob procjenjivana samo rendgenom',
                  )
                : lt(
                    ': age assessed with no method',
                    ': uzrast procenjivan bez ikakvog metoda',
                    ': возраста проценувана без никаков метод',
                    ': mosha u vlerësua pa asnjë metodë',
                    ': dob procjenjivana bez ikakve metode',
                  ),
            ),
          );
        break;
      }
      case 'place_with_adults': {
        const kids = persons.filter(childOf);
        if (kids.length > 0)
          this.fromAct(
            act,
            'RIGHTS.CHILD.WITH_ADULTS',
            kids,
            cat(
              nm(kids),
              lt(
                ' placed with unrelated adults',
                ' smešten(i) sa nepoznatim odraslima',
                ' сместен(и) со непознати возрасни',
                ' u strehua me të rritur të panjohur',
                ' smješten(i) s nepoznatim odraslima',
              ),
            ),
          );
        break;
      }
      case 'refer_trafficking_identification':
      case 'reflection_period':
        this.dischargeByAct('trafficking', act, persons);
        break;
      case 'charge':
        this.onCharges(ctx, act, persons);
        break;
      case 'non_punishment': {
        // The act says they are possible victims: credited for indicators on the person, and for those
        // a record the team could read states.
        const victims = persons.filter(
          (id) =>
            (next.people[id]?.traffickingIndicators.length ?? 0) > 0 ||
            this.knewAtAct(ctx, act, id, 'traffickingIndicators'),
        );
        if (victims.length > 0)
          this.fromAct(
            act,
            'RIGHTS.TRAFFICKING.NON_PUNISHMENT',
            victims,
            cat(
              nm(victims),
              lt(
                ' treated as victim-witness(es), not prosecuted',
                ' tretiran(i) kao žrtva-svedok, bez gonjenja',
                ' третиран(и) како жртва-сведок, без гонење',
                ' u trajtua si viktimë-dëshmitar, pa ndjekje penale',
                ' tretiran(i) kao žrtva-svjedok, bez gonjenja',
              ),
            ),
          );
        break;
      }
      case 'return_removal':
        this.onRemoval(ctx, act, persons);
        break;
      case 'pushback':
      case 'handover_foreign':
        this.fromAct(
          act,
          kind === 'pushback' ? 'RIGHTS.NONREFOULEMENT.PUSHBACK' : 'RIGHTS.NONREFOULEMENT.HANDOVER',
          persons,
          cat(
            kind === 'pushback'
              ? lt(
                  'Pushed back over the border: ',
                  'Vraćeni preko granice: ',
                  'Вратени преку границата: ',
                  'U kthyen me forcë përtej kufirit: ',
                  'Vraćeni preko granice: ',
                )
              : lt(
                  'Handed to foreign police: ',
                  'Predati stranoj policiji: ',
                  'Предадени на странската полиција: ',
                  'U dorëzuan te policia e huaj: ',
                  'Predati stranoj policiji: ',
                ),
            nm(persons),
          ),
        );
        for (const p of persons) this.involved.add(p);
        {
          // Someone the team knew had asked for asylum, sent over the border: the claim was never
          // examined, and the finding names them, as a collective return decision's does (onRemoval).
          const seekers = persons.filter((id) => this.knewAtAct(ctx, act, id, 'asylumExpressed'));
          if (seekers.length > 0)
            this.fromAct(
              act,
              'RIGHTS.NONREFOULEMENT.PENDING_CLAIM',
              seekers,
              cat(names(this.ix, seekers), PENDING_CLAIM),
            );
        }
        this.onGone(ctx, act, persons);
        break;
      case 'consular_notification':
        this.onConsular(ctx, act, persons);
        break;
      case 'device_search': {
        const order = param<string>(act, 'order') ?? 'none';
        const same = this.evidenceAt(next, act.seq);
        const orderTaint = same.filter((id) =>
          next.evidence[id]?.taintReasons.some((r) => PROVENANCE_ORDER_TAINTS.has(r)),
        );
        const bad = actTaint(this.ix.c, act) !== null || orderTaint.length > 0;
        this.fromAct(
          act,
          bad ? 'EVIDENCE.DEVICE.NO_ORDER' : 'EVIDENCE.DEVICE.ORDER',
          persons,
          bad
            ? cat(
                lt(
                  'Device searched ',
                  'Uređaj pretražen ',
                  'Уредот пребаран ',
                  'Pajisja u kontrollua ',
                  'Uređaj pretražen ',
                ),
                order === 'none'
                  ? lt('without an order', 'bez naredbe', 'без наредба', 'pa urdhër', 'bez naredbe')
                  : lt(
                      `with a ${order} order where a stronger one was needed`,
                      'uz nedovoljnu naredbu',
                      'со недоволна наредба',
                      'me një urdhër të pamjaftueshëm',
                      'uz nedovoljnu naredbu',
                    ),
              )
            : lt(
                `Device searched under a ${order} order`,
                `Uređaj pretražen na osnovu naredbe (${order === 'judicial' ? 'sud' : 'tužilac'})`,
                `Уредот пребаран врз основа на наредба (${order === 'judicial' ? 'суд' : 'обвинител'})`,
                `Pajisja u kontrollua me urdhër (${order === 'judicial' ? 'gjykata' : 'prokurori'})`,
                `Uređaj pretražen na osnovu naredbe (${order === 'judicial' ? 'sud' : 'tužilac'})`,
              ),
          same,
        );
        break;
      }
      case 'migrant_phone_extraction': {
        const scope = param<string>(act, 'scope');
        const same = this.evidenceAt(next, act.seq);
        // Consent counts only as what the items it produced say of it: informed, through an interpreter
        // where one was needed (brief §1.10). An item whose record shows consent the person could not
        // understand, or none, shows no consent at all for the reading (unlawful.ts, as the engine asks).
        const obtained = same.flatMap((id) => {
          const o = next.evidence[id]?.obtained;
          return o ? [o] : [];
        });
        const consentFlawed = obtained.some(consentFlawedBy);
        const unlawful = actTaint(this.ix.c, act, obtained);
        if (unlawful !== null)
          this.fromAct(
            act,
            'EVIDENCE.MIGRANT_PHONES.UNLAWFUL',
            persons,
            unlawful === 'phonesConsentUninterpreted'
              ? lt(
                  'Phones read on a consent signed without an interpreter, and with no order',
                  'Telefoni pregledani uz pristanak potpisan bez tumača, i bez naredbe',
                  'Телефоните прегледани со согласност потпишана без преведувач, и без наредба',
                  'Telefonat u lexuan me një pëlqim të nënshkruar pa përkthyes, dhe pa urdhër',
                  'Telefoni pregledani uz pristanak potpisan bez tumača, i bez naredbe',
                )
              : lt(
                  'Phones read with neither consent nor order',
                  'Telefoni pregledani bez pristanka i bez naredbe',
                  'Телефоните прегледани без согласност и без наредба',
                  'Telefonat u lexuan pa pëlqim dhe pa urdhër',
                  'Telefoni pregledani bez pristanka i bez naredbe',
                ),
            same,
          );
        else if (scope === 'blanket')
          this.fromAct(
            act,
            'RIGHTS.PRIVACY.BLANKET_PHONES',
            persons,
            lt(
              'All phones seized and read in full',
              'Svi telefoni oduzeti i pregledani u celini',
              'Сите телефони одземени и целосно прегледани',
              'Të gjithë telefonat u sekuestruan dhe u lexuan plotësisht',
              'Svi telefoni oduzeti i pregledani u cijelosti',
            ),
            same,
          );
        // Read under an order, but what it produced is lost for the consent or the interpretation: no gain.
        else if (!consentFlawed)
          this.fromAct(
            act,
            'EVIDENCE.MIGRANT_PHONES.LIMITED',
            persons,
            lt(
              'Limited copy with consent or order; phones returned',
              'Ograničena kopija uz pristanak ili naredbu; telefoni vraćeni',
              'Ограничена копија со согласност или наредба; телефоните вратени',
              'Kopje e kufizuar me pëlqim ose urdhër; telefonat u kthyen',
              'Ograničena kopija uz pristanak ili naredbu; telefoni vraćeni',
            ),
            same,
          );
        break;
      }
      case 'data_share': {
        const withWhom = param<string>(act, 'with');
        if (withWhom === 'consulate')
          this.fromAct(
            act,
            'RIGHTS.DATA.CONSULATE_SHARE',
            persons,
            cat(
              lt(
                'Data sent to the consulate: ',
                'Podaci poslati konzulatu: ',
                'Податоци испратени до конзулатот: ',
                'Të dhëna të dërguara në konsullatë: ',
                'Podaci poslani konzulatu: ',
              ),
              nm(persons),
            ),
          );
        else if (withWhom === 'media')
          this.fromAct(
            act,
            'RIGHTS.DATA.MEDIA',
            persons,
            lt(
              'Personal data given to the media',
              'Lični podaci dati medijima',
              'Лични податоци дадени на медиумите',
              'Të dhëna personale iu dhanë shtypit',
              'Lični podaci dati medijima',
            ),
          );
        break;
      }
      case 'images_to_media':
        this.fromAct(
          act,
          'RIGHTS.DATA.MEDIA',
          persons,
          lt(
            'Identifiable images released to the media',
            'Prepoznatljivi snimci dati medijima',
            'Препознатливи снимки дадени на медиумите',
            'Pamje të identifikueshme iu dhanë shtypit',
            'Prepoznatljivi snimci dati medijima',
          ),
        );
        break;
      case 'financial_investigation':
        this.fromAct(
          act,
          'EVIDENCE.MONEY.FINANCIAL_INVESTIGATION',
          persons,
          lt(
            'Financial investigation opened',
            'Pokrenuta finansijska istraga',
            'Отворена финансиска истрага',
            'U hap hetim financiar',
            'Pokrenuta finansijska istraga',
          ),
        );
        break;
      case 'asset_freeze':
        this.fromAct(
          act,
          'EVIDENCE.MONEY.ASSET_FREEZE',
          persons,
          lt(
            'Assets frozen',
            'Imovina zamrznuta',
            'Имотот замрзнат',
            'Pasuria u ngri',
            'Imovina zamrznuta',
          ),
        );
        break;
      case 'preserve_cctv':
        this.onCctv(act);
        break;
      case 'mla_request':
      case 'europol_contact':
      case 'jit_request':
        this.fromAct(
          act,
          'EVIDENCE.CROSSBORDER.MLA',
          persons,
          kind === 'mla_request'
            ? lt(
                'Formal cooperation: request for mutual legal assistance',
                'Formalna saradnja: zamolnica za međunarodnu pravnu pomoć',
                'Формална соработка: замолница за меѓународна правна помош',
                'Bashkëpunim formal: letërporosi për ndihmë juridike ndërkombëtare',
                'Formalna saradnja: zamolnica za međunarodnu pravnu pomoć',
              )
            : kind === 'jit_request'
              ? lt(
                  'Formal cooperation: joint investigation team',
                  'Formalna saradnja: zajednički istražni tim',
                  'Формална соработка: заеднички истражен тим',
                  'Bashkëpunim formal: ekip i përbashkët hetimor',
                  'Formalna saradnja: zajednički istražni tim',
                )
              : lt(
                  'Formal cooperation: Europol contact',
                  'Formalna saradnja: kontakt sa Evropolom',
                  'Формална соработка: контакт со Европол',
                  'Bashkëpunim formal: kontakt me Europolin',
                  'Formalna saradnja: kontakt s Europolom',
                ),
        );
        break;
      case 'interception': {
        // As for a device search: an order weaker than what the intercepts need (a prosecutor's where the
        // law asks a judge's, the engine's provenance reason) is no valid order for them.
        const items = this.evidenceAt(next, act.seq);
        const weaker = items.some((id) =>
          next.evidence[id]?.taintReasons.some((r) => PROVENANCE_ORDER_TAINTS.has(r)),
        );
        const ok = actTaint(this.ix.c, act) === null && !weaker;
        this.fromAct(
          act,
          ok ? 'EVIDENCE.INTERCEPTION.AUTHORISED' : 'EVIDENCE.INTERCEPTION.UNLAWFUL',
          persons,
          ok
            ? lt(
                'Interception under a valid order',
                'Presretanje na osnovu važeće naredbe',
                'Следење на комуникациите врз основа на важечка наредба',
                'Përgjim me urdhër të vlefshëm',
                'Presretanje na osnovu važeće naredbe',
              )
            : lt(
                'Interception without a valid order',
                'Presretanje bez važeće naredbe',
                'Следење на комуникациите без важечка наредба',
                'Përgjim pa urdhër të vlefshëm',
                'Presretanje bez važeće naredbe',
              ),
          items,
        );
        break;
      }
      case 'undercover':
        this.onUndercover(act, persons, next);
        break;
      case 'witness_protection': {
        const measures = param<string[]>(act, 'measures') ?? [];
        if (measures.length > 0) for (const p of persons) this.protectedWitnesses.add(p);
        if (measures.length > 0) this.dischargeByAct('protection', act, persons);
        if (measures.length > 0)
          this.fromAct(
            act,
            'RIGHTS.WITNESS.PROTECTED',
            persons,
            cat(
              nm(persons),
              lt(': protection (', ': zaštita (', ': заштита (', ': mbrojtje (', ': zaštita ('),
              each((lang) => measures.map((m) => inLang(MEASURES[m] ?? same(m), lang)).join(', ')),
              ')',
            ),
          );
        break;
      }
      case 'controlled_stop':
        this.fromAct(
          act,
          'RIGHTS.LIFE.CONTROLLED_STOP',
          persons,
          lt(
            'Planned, controlled stop',
            'Planirano, kontrolisano zaustavljanje',
            'Планирано, контролирано запирање',
            'Ndalim i planifikuar dhe i kontrolluar',
            'Planirano, kontrolisano zaustavljanje',
          ),
        );
        break;
      case 'pursuit': {
        // A pursuit that names nobody chased the vehicle with everyone still in it.
        const chased =
          persons.length > 0
            ? persons
            : Object.keys(next.people).filter((id) => {
                const p = prev.people[id] ?? next.people[id];
                return p !== undefined && p.kind !== 'official' && isHere(p);
              });
        this.onPursuit(act, persons, chased);
        break;
      }
      case 'cso_access': {
        const filesDemanded = param<boolean>(act, 'filesDemanded') === true;
        const allowed = param<boolean>(act, 'allowed') === true;
        // Access on condition of handing over what the people it assists told it in confidence is no
        // independent access: the CSO is treated as an evidence collector (OHCHR Guidelines 7, 10).
        this.fromAct(
          act,
          allowed && !filesDemanded ? 'RIGHTS.CSO.ACCESS' : 'RIGHTS.CSO.BARRED',
          persons,
          filesDemanded
            ? lt(
                "CSO's confidential notes demanded",
                'Od organizacije tražene poverljive beleške',
                'Од организацијата побарани доверливи белешки',
                'Organizatës iu kërkuan shënimet konfidenciale',
                'Od organizacije tražene povjerljive bilješke',
              )
            : allowed
              ? lt(
                  'CSO given access',
                  'Organizaciji omogućen pristup',
                  'На организацијата ѝ е овозможен пристап',
                  'Organizatës iu dha qasje',
                  'Organizaciji omogućen pristup',
                )
              : lt(
                  'CSO barred',
                  'Organizaciji uskraćen pristup',
                  'На организацијата ѝ е ускратен пристап',
                  'Organizatës iu mohua qasja',
                  'Organizaciji uskraćen pristup',
                ),
        );
        break;
      }
      case 'refer_cso':
        this.fromAct(
          act,
          'RIGHTS.CSO.ACCESS',
          persons,
          cat(
            lt(
              'Referred to civil-society support: ',
              'Upućeno na podršku civilnog društva: ',
              'Упатени на поддршка од граѓанското општество: ',
              'U referuan për mbështetje te shoqëria civile: ',
              'Upućeno na podršku civilnog društva: ',
            ),
            nm(persons),
          ),
        );
        break;
      case 'plea_agreement': {
        const formal = param<boolean>(act, 'formal') === true;
        this.fromAct(
          act,
          formal ? 'EVIDENCE.COOPERATION.FORMAL' : 'EVIDENCE.COOPERATION.INFORMAL_PROMISE',
          persons,
          formal
            ? lt(
                'Formal plea / cooperation agreement',
                'Formalni sporazum o priznanju / saradnji',
                'Формална спогодба за признавање вина / соработка',
                'Marrëveshje formale për pranimin e fajit / bashkëpunim',
                'Formalni sporazum o priznanju krivnje / saradnji',
              )
            : lt(
                'Off-the-record promise of release',
                'Nezvanično obećanje puštanja',
                'Ветување за пуштање дадено надвор од записник',
                'Premtim lirimi jashtë procesverbalit',
                'Obećanje puštanja na slobodu mimo zapisnika',
              ),
        );
        break;
      }
      case 'vehicle_search': {
        const ok =
          param<boolean>(act, 'witnessed') === true && param<boolean>(act, 'sealed') === true;
        this.fromAct(
          act,
          ok ? 'EVIDENCE.VEHICLE.WITNESSED_SEALED' : 'EVIDENCE.VEHICLE.UNSEALED',
          persons,
          ok
            ? lt(
                'Vehicle searched with witnesses, photographed and sealed',
                'Vozilo pretreseno uz svedoke, fotografisano i zapečaćeno',
                'Возилото претресено во присуство на сведоци, фотографирано и запечатено',
                'Automjeti u kontrollua në prani të dëshmitarëve, u fotografua dhe u vulos',
                'Vozilo pretreseno uz svjedoke, fotografisano i zapečaćeno',
              )
            : lt(
                'Vehicle searched without witnesses or seals',
                'Vozilo pretreseno bez svedoka ili pečata',
                'Возилото претресено без сведоци и без печати',
                'Automjeti u kontrollua pa dëshmitarë e pa vula',
                'Vozilo pretreseno bez svjedoka i pečata',
              ),
          this.evidenceAt(next, act.seq),
        );
        break;
      }
      case 'osint_capture': {
        const hashed = param<boolean>(act, 'hashed') === true;
        this.fromAct(
          act,
          hashed ? 'EVIDENCE.OSINT.HASHED' : 'EVIDENCE.OSINT.SCREENSHOT',
          persons,
          hashed
            ? lt(
                'Adverts captured with URL, time and hash',
                'Oglasi sačuvani sa adresom, vremenom i hešom',
                'Огласите зачувани со адреса, време и хеш',
                'Njoftimet u ruajtën me adresë, kohë dhe vlerë kriptografike',
                'Oglasi sačuvani s adresom, vremenom i hešom',
              )
            : lt(
                'Adverts kept as screenshots only',
                'Oglasi sačuvani samo kao snimci ekrana',
                'Огласите зачувани само како слики од екранот',
                'Njoftimet u ruajtën vetëm si pamje ekrani',
                'Oglasi sačuvani samo kao snimci ekrana',
              ),
          this.evidenceAt(next, act.seq),
        );
        break;
      }
      case 'preservation_request':
        // A preservation request sent in the same step as camera, number-plate or toll data are preserved
        // is that preservation, judged by its retention window (R20, onCctv): not a second credit.
        if (
          ctx.emitted.some(
            (e) => e.kind === 'act' && e.act.kind === 'preserve_cctv' && e.act.seq === act.seq,
          )
        )
          break;
        // Its own rule: what it keeps is the platform's data until an order obtains it; a forensic capture
        // of what the public saw (osint_capture) is another act and scores on its own.
        this.fromAct(
          act,
          'EVIDENCE.OSINT.PRESERVED',
          persons,
          lt(
            'Preservation request sent to the platform',
            'Platformi upućen zahtev za čuvanje podataka',
            'До платформата испратено барање за зачувување на податоците',
            'Platformës iu dërgua kërkesë për ruajtjen e të dhënave',
            'Platformi upućen zahtjev za čuvanje podataka',
          ),
        );
        break;
      case 'fiu_conversion': {
        const converted = param<boolean>(act, 'converted') === true;
        this.fromAct(
          act,
          converted ? 'EVIDENCE.MONEY.FIU_CONVERTED' : 'EVIDENCE.MONEY.FIU_AS_EVIDENCE',
          persons,
          converted
            ? lt(
                'FIU tip converted through orders to banks',
                'Dojava FIU pretvorena u dokaze naredbama bankama',
                'Дојавата на финансиското разузнавање претворена во докази со наредби до банките',
                'Sinjalizimi i inteligjencës financiare u shndërrua në prova me urdhra drejtuar bankave',
                'Dojava FOO pretvorena u dokaze naredbama bankama',
              )
            : lt(
                'FIU report filed as evidence',
                'Izveštaj FIU podnet kao dokaz',
                'Извештајот на финансиското разузнавање поднесен како доказ',
                'Raporti i inteligjencës financiare u paraqit si provë',
                'Izvještaj FOO podnesen kao dokaz',
              ),
        );
        break;
      }
      case 'autopsy':
      case 'independent_inquiry':
      case 'secure_scene':
      case 'identify_deceased':
      case 'notify_family':
      case 'release_body':
        this.onAfterHarm(ctx, act, persons);
        break;
      case 'disclose_witness_identity':
        this.onDisclosure(ctx, act, persons);
        break;
      case 'alternatives_to_detention':
        for (const p of persons) this.discharge('liberty', p, act.seq, act.time, act, true);
        this.fromAct(
          act,
          'RIGHTS.LIBERTY.REVIEWED',
          persons,
          cat(
            lt(
              'Alternatives to detention for ',
              'Alternative zadržavanju za: ',
              'Алтернативи на задржувањето за: ',
              'Alternativa ndaj ndalimit për: ',
              'Alternative zadržavanju za: ',
            ),
            nm(persons),
          ),
        );
        break;
      case 'lawyer_access':
        this.dischargeByAct('liberty', act, persons);
        break;
      case 'rights_information':
        break;
      case 'custody_transfer': {
        const item = param<string>(act, 'evidence');
        // Only a hand-over that broke a chain kept until then (the engine re-marks the item in this event).
        const broke =
          item !== undefined &&
          param<boolean>(act, 'recorded') === false &&
          ctx.emitted.some((e) => e.kind === 'evidence' && e.evidence === item);
        if (broke) {
          const def = this.ix.evidence.get(item);
          this.fromAct(
            act,
            'EVIDENCE.CUSTODY.BROKEN',
            [],
            cat(
              def ? local(def.title) : same(item),
              lt(
                ': handed over without a custody record',
                ': predat bez zapisnika o lancu čuvanja',
                ': предадено без записник за синџирот на чување',
                ': u dorëzua pa procesverbal të zinxhirit të ruajtjes',
                ': predato bez zapisnika o lancu čuvanja',
              ),
            ),
            [item],
          );
        }
        break;
      }
      default: {
        const unknown: never = kind;
        return unknown;
      }
    }
  }

  /** Evidence obtained during event `seq`. */
  private evidenceAt(s: TeamState, seq: number): string[] {
    const out: string[] = [];
    for (const [id, e] of Object.entries(s.evidence)) if (e.seq === seq) out.push(id);
    return out.sort();
  }

  private onDetain(
    ctx: Ctx,
    act: ActRecord,
    persons: string[],
    childOf: (id: string) => boolean,
  ): void {
    const { next } = ctx;
    const place = param<string>(act, 'place') ?? 'police_cell';
    const nm = (ids: string[]) => names(this.ix, ids);
    const kids = persons.filter(childOf);
    if (CUSTODY.has(place)) {
      for (const p of persons) this.involved.add(p);
      // Held in a police cell, a person paid nothing for their help is arrested as a smuggler: judged as
      // that (unpaidHelp), not as a witness or a migrant held with a group.
      const helpers = new Set(
        place === 'police_cell'
          ? persons.filter((id) => {
              const p = next.people[id];
              return p !== undefined && this.paidNothing(id, p);
            })
          : [],
      );
      this.unpaidHelp(act, [...helpers], 'arrested');
      // A child suspected of an offence may be arrested as a last resort (CRC art. 37(b); Dir. 2016/800
      // art. 10): the rule against detaining children is about migration detention, so a child suspect
      // in a police cell is judged by the suspect's safeguards and separation from adults instead.
      const detained = kids.filter(
        (id) => !(place === 'police_cell' && next.people[id]?.kind === 'suspect'),
      );
      const placeText = lt(
        place.replace('_', ' '),
        place === 'police_cell'
          ? 'policijska ćelija'
          : place === 'detention_centre'
            ? 'prihvatilište zatvorenog tipa'
            : 'zatvoreni kamp',
        `${place === 'police_cell' ? 'полициска ќелија' : place === 'detention_centre' ? 'прифатен центар од затворен тип' : 'затворен камп'}`,
        `${place === 'police_cell' ? 'qeli policie' : place === 'detention_centre' ? 'qendër e mbyllur pritjeje' : 'kamp i mbyllur'}`,
        `${place === 'police_cell' ? 'policijska ćelija' : place === 'detention_centre' ? 'prihvatni centar zatvorenog tipa' : 'zatvoreni kamp'}`,
      );
      if (detained.length > 0)
        this.fromAct(
          act,
          'RIGHTS.CHILD.DETENTION',
          detained,
          cat(
            nm(detained),
            lt(
              ' (presumed child) detained: ',
              ' (pretpostavljeno dete) lišen(o) slobode: ',
              ' (претпоставено дете) лишено од слобода: ',
              ' (fëmijë i supozuar) i privuar nga liria: ',
              ' (pretpostavljeno dijete) lišeno slobode: ',
            ),
            placeText,
          ),
        );
      const nonSuspects = persons.filter((id) => {
        const p = next.people[id];
        return (
          p !== undefined &&
          p.kind !== 'suspect' &&
          p.kind !== 'official' &&
          !kids.includes(id) &&
          !helpers.has(id)
        );
      });
      const headcount = nonSuspects.reduce((n, id) => n + (next.people[id]?.count ?? 1), 0);
      const unlawful = new Set(detained);
      if (headcount >= 2) {
        for (const id of nonSuspects) unlawful.add(id);
        this.fromAct(
          act,
          'RIGHTS.LIBERTY.GROUP_DETENTION',
          nonSuspects,
          cat(
            lt(
              'Group detained (',
              'Grupa lišena slobode (',
              'Групата лишена од слобода (',
              'Grupi u privua nga liria (',
              'Grupa lišena slobode (',
            ),
            people(headcount),
            '): ',
            placeText,
          ),
        );
      } else
        for (const w of nonSuspects)
          // The rule is about people kept available as witnesses before they leave the country, held
          // in migration detention (Return Directive art. 15): a national of the country where the
          // case is investigated (a local volunteer who helped, say) is neither. The safeguards of
          // the detention are still owed (the liberty obligation below).
          if (this.ix.witnesses.has(w) && !this.national(next.people[w])) {
            unlawful.add(w);
            this.fromAct(
              act,
              'RIGHTS.LIBERTY.WITNESS_DETAINED',
              [w],
              cat(
                nm([w]),
                lt(
                  ' detained as a witness',
                  ' lišen(a) slobode kao svedok',
                  ' лишен(а) од слобода како сведок',
                  ' u privua nga liria si dëshmitar',
                  ' lišen(a) slobode kao svjedok',
                ),
              ),
            );
          }
      // Written reasons and a prompt review by a judge, as the act states them (Return Directive art. 15(2),
      // ECHR art. 5(2), (4)): the migration-detention safeguards are given with it. A suspect's custody
      // also owes a lawyer (Directive 2013/48), so it stays open for that; and a detention that is unlawful
      // in itself (a child, a group, a witness) earns no gain for the review it had.
      const reviewed =
        param<boolean>(act, 'reasons') === true && param<boolean>(act, 'review') === true;
      const safeguarded = reviewed
        ? persons.filter((p) => next.people[p] !== undefined && next.people[p]?.kind !== 'suspect')
        : [];
      if (!this.byJudge(ctx.ev, act.via))
        for (const p of persons) {
          if (safeguarded.includes(p)) {
            this.discharge('liberty', p, act.seq, act.time, act, true);
            continue;
          }
          const o = this.book.open('liberty', p);
          if (o) continue;
          if (act.role !== null) this.heldBy.set(p, act.role);
          this.trigger(
            'liberty',
            p,
            act.seq,
            act.time,
            act.time + this.rubric.deadlines.judicialReview,
          );
          // A safeguard the same step gave before it (an arrest that tells the suspect of the right to a
          // lawyer and gives access to one, its effects listing that first): the acts of one option
          // happen together, so it meets the duty the detention has just opened.
          const given = ctx.emitted
            .slice(0, ctx.index)
            .find(
              (e): e is Extract<Emitted, { kind: 'act' }> =>
                e.kind === 'act' &&
                e.act.kind === 'lawyer_access' &&
                this.targets(e.act, next).includes(p),
            );
          if (given) this.dischargeByAct('liberty', given.act, [p]);
        }
      const gained = safeguarded.filter((p) => !unlawful.has(p));
      if (gained.length > 0)
        this.fromAct(
          act,
          'RIGHTS.LIBERTY.REVIEWED',
          gained,
          cat(
            nm(gained),
            lt(
              ': detained with written reasons, promptly reviewed by a judge',
              ': lišen(i) slobode uz pisano obrazloženje, koje je sudija hitno preispitao',
              ': лишен(и) од слобода со писмено образложение, кое судија итно го преиспита',
              ': u privua nga liria me arsyetim me shkrim, të rishikuar menjëherë nga gjyqtari',
              ': lišen(i) slobode uz pisano obrazloženje, koje je sudija hitno preispitao',
            ),
          ),
        );
    } else {
      const care = kids.filter(
        (k) => place === 'child_facility' || next.people[k]?.accompanied === true,
      );
      if (care.length > 0)
        this.fromAct(
          act,
          'RIGHTS.CHILD.APPROPRIATE_CARE',
          care,
          cat(
            nm(care),
            // The place the act names, not more: the act says neither that it is open nor how it is run.
            lt(
              ` placed in ${place === 'child_facility' ? 'a child facility' : 'a reception centre'}`,
              ` smešten(i) u ${place === 'child_facility' ? 'ustanovu za decu' : 'prihvatni centar'}`,
              ` сместен(и) во ${place === 'child_facility' ? 'установа за деца' : 'прифатен центар'}`,
              ` u strehua në ${place === 'child_facility' ? 'një institucion për fëmijë' : 'një qendër pritjeje'}`,
              ` smješten(i) u ${place === 'child_facility' ? 'ustanovu za djecu' : 'prihvatni centar'}`,
            ),
          ),
        );
      for (const p of persons) this.discharge('liberty', p, act.seq, act.time, act, true);
    }
  }

  /** Whether the person is a national of the country where the case is investigated. */
  private national(p: PersonState | undefined): boolean {
    return p !== undefined && p.nationality === scenarioCountry(this.ix.c.scenario);
  }

  private onInterview(ctx: Ctx, act: ActRecord, id: string, child: boolean, g: Grouper): void {
    const p = ctx.next.people[id] ?? ctx.prev.people[id];
    if (!p) return;
    // Nobody to hear in person: gone or removed before (see outOfReach), as for a deposition.
    if (this.outOfReach(ctx, id)) return;
    const purpose = param<string>(act, 'purpose') ?? 'screening';
    const interpreter = param<string>(act, 'interpreter') ?? 'none';
    const language = param<string>(act, 'language');
    const formal = purpose !== 'screening';
    // The engine's predicate too, so the live case file says what the debrief will.
    const {
      needs,
      flaw: unheard,
      coNational,
    } = interviewInterpretation(this.ix.workingLanguages, act.params, p.languages);
    const ties = interpreterTies(this.ix.c, param<string>(act, 'interpretedBy'), id);
    // A fellow passenger interprets as a passenger whatever the register says (brief §1.9). Whether that
    // loses the statement is the engine's predicate too, so the live case file says the same.
    const taint = interpreterTaint(this.ix.c, act, id);
    const passenger = passengerInterpreter(this.ix.c, param<string>(act, 'interpretedBy'), id);
    let flaw: LocalText | null = null;
    if (unheard === 'none') {
      flaw = lt(
        'interviewed without an interpreter in a language they do not speak',
        'saslušan(i) bez tumača na jeziku koji ne govore',
        'сослушан(и) без преведувач на јазик што не го зборуваат',
        'u mor në pyetje pa përkthyes në një gjuhë që nuk e flet',
        'saslušan(i) bez tumača na jeziku koji ne govore',
      );
      g.add('RIGHTS.INTERPRETER.NONE', id, flaw);
    } else if (unheard === 'wrongLanguage') {
      flaw = lt(
        `interpreted into ${language ?? ''}, a language they do not speak`,
        `prevođeno na ${language ?? ''}, jezik koji ne govore`,
        `преведено на ${language ?? ''}, јазик што не го зборуваат`,
        `u përkthye në ${language ?? ''}, gjuhë që nuk e flasin`,
        `prevođeno na ${language ?? ''}, jezik koji ne govore`,
      );
      g.add('RIGHTS.INTERPRETER.WRONG_LANGUAGE', id, flaw);
    } else if (taint === 'tied' && formal) {
      // The tie is what makes the statement go, whatever the register says: its own rule, not CO_NATIONAL,
      // whose text would call a certified court interpreter a passenger.
      flaw = HEARING_FLAWS.tiedInterpreter;
      g.add('EVIDENCE.INTERPRETER.TIED', id, this.tiedInterpreterFlaw(act, ties));
    } else if (taint === 'tied') {
      // A screening through someone tied to the suspects is no neutral interpretation: no gain for it.
    } else if (taint === 'passenger') {
      // Named as the engine names it live, so the case file states it once, in the same words.
      flaw = HEARING_FLAWS.passengerInterpreter;
      g.add('EVIDENCE.INTERPRETER.CO_NATIONAL', id, flaw);
    } else if (coNational) {
      flaw = lt(
        'a fellow passenger / co-national interpreted',
        'prevodio je saputnik / sunarodnik',
        'преведуваше сопатник / сонародник',
        'përktheu një bashkudhëtar / bashkatdhetar',
        'prevodio je saputnik / sunarodnjak',
      );
      g.add('EVIDENCE.INTERPRETER.CO_NATIONAL', id, flaw);
    } else if (passenger) {
      // A screening through a fellow passenger is no neutral interpretation either: no gain for it.
    } else if (interpreter === 'uncertified' && formal) {
      g.add(
        'EVIDENCE.INTERPRETER.UNCERTIFIED',
        id,
        lt(
          'uncertified interpreter',
          'neovlašćeni tumač',
          'неовластен преведувач',
          'përkthyes i pacertifikuar',
          'neovlašteni tumač',
        ),
      );
    } else if (needs && interpreter === 'certified') {
      g.add(
        'RIGHTS.INTERPRETER.NEUTRAL',
        id,
        lt(
          `certified interpreter${language ? ` (${language})` : ''}`,
          `ovlašćeni tumač${language ? ` (${language})` : ''}`,
          `овластен преведувач${language ? ` (${language})` : ''}`,
          `përkthyes i certifikuar${language ? ` (${language})` : ''}`,
          `ovlašteni tumač${language ? ` (${language})` : ''}`,
        ),
      );
      if (this.flawed.has(id)) {
        this.flawed.delete(id);
        g.add(
          'RIGHTS.INTERPRETER.REDONE',
          id,
          lt(
            'heard again with a proper interpreter',
            'ponovo saslušan(i) uz odgovarajućeg tumača',
            'повторно сослушан(и) со соодветен преведувач',
            'u dëgjua përsëri me një përkthyes të përshtatshëm',
            'ponovo saslušan(i) uz odgovarajućeg tumača',
          ),
        );
      }
    }
    if (flaw && (needs || formal)) this.flawed.add(id);
    if (child && formal) {
      if (param<boolean>(act, 'guardianPresent') === true) {
        if (param<boolean>(act, 'recorded') === true)
          g.add(
            'EVIDENCE.CHILD.SAFEGUARDED_INTERVIEW',
            id,
            lt(
              'heard with the guardian present, recorded',
              'saslušan(i) uz staratelja, snimljeno',
              'сослушан(и) во присуство на старателот, снимено',
              'u dëgjua në prani të kujdestarit, u regjistrua',
              'saslušan(i) uz staratelja, snimljeno',
            ),
          );
      } else {
        const f = HEARING_FLAWS.childAlone;
        flaw ??= f;
        g.add('EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN', id, f);
      }
    }
    if (purpose === 'suspect') {
      if (param<boolean>(act, 'lawyerPresent') !== true) {
        const f = HEARING_FLAWS.noLawyer;
        flaw ??= f;
        g.add('EVIDENCE.SUSPECT.NO_LAWYER', id, f);
      } else if (param<boolean>(act, 'caution') === true && flaw === null) {
        // Say "recorded" only when the log says so: the gain does not need it, the text must not claim it.
        g.add(
          'EVIDENCE.SUSPECT.SAFEGUARDED_INTERVIEW',
          id,
          param<boolean>(act, 'recorded') === true
            ? lt(
                'cautioned, lawyer present, recorded',
                'poučen o pravima, uz branioca, snimljeno',
                'поучен за правата, со бранител, снимено',
                'u njoftua për të drejtat, me avokat të pranishëm, u regjistrua',
                'poučen o pravima, uz branioca, snimljeno',
              )
            : lt(
                'cautioned, lawyer present',
                'poučen o pravima, uz branioca',
                'поучен за правата, со бранител',
                'u njoftua për të drejtat, me avokat të pranishëm',
                'poučen o pravima, uz branioca',
              ),
        );
      }
    }
    this.hear(id, {
      seq: act.seq,
      time: act.time,
      act: 'interview',
      flaw: formal || needs ? flaw : null,
    });
  }

  /**
   * The flaw of a hearing interpreted by someone tied to the suspects or to the person heard, in the facts the
   * log holds: whom the interpreter is tied to (or that they are a suspect themself), and that they were a
   * co-national when the act says so.
   */
  private tiedInterpreterFlaw(act: ActRecord, ties: string[]): LocalText {
    const interpreter = param<string>(act, 'interpretedBy');
    const tie =
      interpreter !== undefined && ties.includes(interpreter)
        ? cat(
            lt(
              'the interpreter is a suspect: ',
              'tumač je osumnjičeni: ',
              'преведувачот е осомничен: ',
              'përkthyesi është i dyshuar: ',
              'tumač je osumnjičeni: ',
            ),
            names(this.ix, [interpreter]),
          )
        : cat(
            lt(
              'the interpreter is tied to ',
              'tumač je povezan sa: ',
              'преведувачот е поврзан со: ',
              'përkthyesi është i lidhur me ',
              'tumač je povezan sa: ',
            ),
            names(this.ix, ties),
          );
    if (param<string>(act, 'interpreter') !== 'co_national') return tie;
    return cat(
      lt(
        'a co-national interpreted; ',
        'prevodio je sunarodnik; ',
        'преведуваше сонародник; ',
        'përktheu një bashkatdhetar; ',
        'prevodio je sunarodnjak; ',
      ),
      tie,
    );
  }

  private onDeposition(ctx: Ctx, act: ActRecord, id: string, g: Grouper): void {
    const p = ctx.next.people[id] ?? ctx.prev.people[id];
    if (!p) return;
    // Nobody to depose: gone or removed before (see outOfReach); the deposition never took place.
    if (this.outOfReach(ctx, id)) return;
    const interpreter = param<string>(act, 'interpreter') ?? 'none';
    const needs = needsInterpreter(this.ix, p);
    const ties = interpreterTies(this.ix.c, param<string>(act, 'interpretedBy'), id);
    const taint = interpreterTaint(this.ix.c, act, id);
    const passenger = taint === 'passenger';
    const interpretationOk =
      depositionInterpreted(this.ix.workingLanguages, act.params, p.languages) && taint === null;
    const defence = param<boolean>(act, 'defenceNotified') === true;
    const video = param<boolean>(act, 'video') === true;
    const valid = defence && interpretationOk;
    const open = this.book.open('deposition', id);
    if (valid) {
      this.deposed.add(id);
      const done = open ? this.book.discharge(open, act.seq, act.time) : undefined;
      g.add(
        'EVIDENCE.WITNESS.EARLY_DEPOSITION',
        id,
        lt(
          `deposed with the defence notified${video ? ', on video' : ''}`,
          `saslušan(i) uz obaveštenu odbranu${video ? ', na video-zapisu' : ''}`,
          `сослушан(и) со известена одбрана${video ? ', на видеозапис' : ''}`,
          `dëshmia u mor me mbrojtjen të njoftuar${video ? ', në video' : ''}`,
          `saslušan(i) uz obaviještenu odbranu${video ? ', na video-snimku' : ''}`,
        ),
        done,
      );
      if (needs)
        g.add(
          'RIGHTS.INTERPRETER.NEUTRAL',
          id,
          lt(
            'certified interpreter at the deposition',
            'ovlašćeni tumač na saslušanju',
            'овластен преведувач на сослушувањето',
            'përkthyes i certifikuar në marrjen e dëshmisë',
            'ovlašteni tumač na saslušanju',
          ),
        );
    } else {
      const why =
        taint === 'tied'
          ? this.tiedInterpreterFlaw(act, ties)
          : !defence
            ? lt(
                'deposition without notice to the defence',
                'saslušanje bez obaveštenja odbrane',
                'сослушување без известување на одбраната',
                'marrje dëshmie pa njoftuar mbrojtjen',
                'saslušanje bez obavještenja odbrane',
              )
            : UNINTERPRETED_DEPOSITION;
      g.add('EVIDENCE.WITNESS.DEFECTIVE_DEPOSITION', id, why);
      // One hearing, one interpretation finding: a tied co-national is named for the tie (the detail says
      // co-national too), so the same statement is not taken off twice.
      if (taint === 'tied')
        g.add('EVIDENCE.INTERPRETER.TIED', id, this.tiedInterpreterFlaw(act, ties));
      else if (interpreter === 'co_national' || passenger)
        g.add(
          'EVIDENCE.INTERPRETER.CO_NATIONAL',
          id,
          passenger
            ? lt(
                'a fellow passenger interpreted the deposition',
                'saslušanje je prevodio saputnik',
                'сослушувањето го преведуваше сопатник',
                'dëshminë e përktheu një bashkudhëtar',
                'saslušanje je prevodio saputnik',
              )
            : lt(
                'a co-national interpreted the deposition',
                'saslušanje je prevodio sunarodnik',
                'сослушувањето го преведуваше сонародник',
                'dëshminë e përktheu një bashkatdhetar',
                'saslušanje je prevodio sunarodnjak',
              ),
        );
    }
    this.hear(id, {
      seq: act.seq,
      time: act.time,
      act: 'deposition',
      flaw: interpretationOk
        ? null
        : taint === 'tied'
          ? HEARING_FLAWS.tiedInterpreter
          : passenger
            ? HEARING_FLAWS.passengerInterpreter
            : UNINTERPRETED_DEPOSITION,
    });
  }

  private onCharges(ctx: Ctx, act: ActRecord, persons: string[]): void {
    const offence = param<string>(act, 'offence') ?? 'smuggling';
    const groups = new Map<string, string[]>();
    const push = (rule: string, id: string) => groups.set(rule, [...(groups.get(rule) ?? []), id]);
    const unpaid: string[] = [];
    for (const id of persons) {
      const p = ctx.next.people[id] ?? ctx.prev.people[id];
      if (!p) continue;
      this.charges = [...this.charges, { person: id, offence, seq: act.seq }];
      // Indicators or an asylum wish count as the team knew them when charging: told, seen, or stated in
      // a record it could read (an inspection record, a note from the border crossing).
      const victim = this.knewAtAct(ctx, act, id, 'traffickingIndicators');
      if (victim && offence !== 'trafficking') push('RIGHTS.TRAFFICKING.VICTIM_PROSECUTED', id);
      else if (offence === 'smuggling' && this.paidNothing(id, p)) unpaid.push(id);
      // The kind is how the case sees the person; being smuggled is the fact that counts (Prot. art. 5).
      else if (p.kind === 'official' || (p.kind === 'suspect' && !p.smuggled)) continue;
      else if (
        offence === 'border_misdemeanour' &&
        (p.smuggled || this.knewAtAct(ctx, act, id, 'asylumExpressed'))
      )
        push('RIGHTS.NONPENALISATION.MISDEMEANOUR', id);
      else if (offence === 'smuggling' && p.smuggled)
        push(
          this.lawyerInterviewed(ctx, id)
            ? 'EVIDENCE.STATUS.ROLE_ASSESSED'
            : 'RIGHTS.STATUS.PASSENGER_CHARGED',
          id,
        );
    }
    const off = offence.replace('_', ' ');
    const texts: Record<string, LocalText> = {
      'RIGHTS.TRAFFICKING.VICTIM_PROSECUTED': lt(
        ` charged (${off}) despite trafficking indicators`,
        ` optužen(i) (${off}) uprkos indikatorima trgovine ljudima`,
        ` обвинет(и) (${off}) и покрај индикаторите за трговија со луѓе`,
        ` u akuzua (${off}) pavarësisht treguesve të trafikimit të qenieve njerëzore`,
        ` optužen(i) (${off}) uprkos indikatorima trgovine ljudima`,
      ),
      'RIGHTS.NONPENALISATION.MISDEMEANOUR': lt(
        ' charged with a border misdemeanour for having been smuggled',
        ' optužen(i) za granični prekršaj zato što su prokrijumčareni',
        ' обвинет(и) за граничен прекршок затоа што бил(е) криумчарен(и)',
        ' u akuzua për kundërvajtje kufitare sepse ishte kontrabanduar',
        ' optužen(i) za granični prekršaj zato što su prokrijumčareni',
      ),
      'EVIDENCE.STATUS.ROLE_ASSESSED': lt(
        ': role assessed in an interview with a lawyer before charging',
        ': uloga procenjena na saslušanju uz branioca pre optuženja',
        ': улогата проценета на сослушување со бранител пред обвинувањето',
        ': roli u vlerësua në një intervistë me avokat para akuzimit',
        ': uloga procijenjena na saslušanju uz branioca prije optuženja',
      ),
      'RIGHTS.STATUS.PASSENGER_CHARGED': lt(
        ': passenger charged as a smuggler without assessing coercion or benefit',
        ': putnik optužen kao krijumčar bez procene prinude i koristi',
        ': патник обвинет како криумчар без проценка на принудата и користа',
        ': udhëtari u akuzua si kontrabandist pa u vlerësuar shtrëngimi apo përfitimi',
        ': putnik optužen kao krijumčar bez procjene prinude i koristi',
      ),
    };
    for (const [rule, ids] of groups)
      this.fromAct(act, rule, ids, cat(names(this.ix, ids), texts[rule] ?? same('')));
    this.unpaidHelp(act, unpaid, 'charged');
  }

  /**
   * Whether the scenario says this person, not smuggled themselves and no official, was paid nothing
   * for what they did for the migrants (a relative's lift, a volunteer's shelter): a fact of the case,
   * as the passengers or the records tell it, whatever the team believed.
   */
  private paidNothing(id: string, p: PersonState): boolean {
    return !p.smuggled && p.kind !== 'official' && this.ix.c.people.get(id)?.reward === 'nothing';
  }

  /**
   * People paid nothing for their help, charged with smuggling or arrested as smugglers. Where the offence
   * requires gain (the Protocol arts 3(a), 6(1); Serbia's CC art. 350(2)) neither act has an offence to
   * stand on; where gain only aggravates it (SMUGGLING_WITHOUT_GAIN: Hungary) both can stand, and
   * prosecute help EU law lets a state exempt.
   *
   * The arrest and the charge are two decisions, usually of two agencies, each on a legal basis of its
   * own: the police's arrest needs a reasonable suspicion of an offence (ECHR art. 5(1)(c)), the
   * prosecutor's charge an offence the facts make out. So each is scored, once per person: a prosecutor
   * who charges the people the police arrested answers for the charge, not only the police for the
   * arrest. What is lost as evidence is one thing, though: the person, turned from a witness into a
   * suspect, is lost as a witness once, at the first of the two acts; the later act weighs on the rights
   * axis only (`axes`), and its detail says so. Each counts towards the rule's cap like any other loss.
   * Both in one decision (one event) are one decision, scored once.
   */
  private unpaidHelp(
    act: ActRecord,
    persons: readonly string[],
    how: 'charged' | 'arrested',
  ): void {
    const other = how === 'charged' ? 'arrested' : 'charged';
    const ids = persons.filter((id) => !this.unpaidHelpers.has(`${id}|${how}`));
    if (ids.length === 0) return;
    for (const id of ids) this.unpaidHelpers.set(`${id}|${how}`, act.seq);
    const criminalised = SMUGGLING_WITHOUT_GAIN.has(scenarioCountry(this.ix.c.scenario));
    const rule = criminalised
      ? 'RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED'
      : 'RIGHTS.STATUS.UNPAID_HELP_CHARGED';
    const what =
      how === 'charged'
        ? lt(
            ': charged with smuggling, though paid nothing for the help given',
            ': optužen(a) za krijumčarenje, iako za pruženu pomoć ništa nije plaćeno',
            ': обвинет(а) за криумчарење, иако за дадената помош ништо не е платено',
            ': u akuzua për kontrabandë, ndonëse për ndihmën e dhënë nuk u pagua asgjë',
            ': optužen(a) za krijumčarenje, iako za pruženu pomoć ništa nije plaćeno',
          )
        : lt(
            ': arrested as a smuggler, though paid nothing for the help given',
            ': uhapšen(a) kao krijumčar, iako za pruženu pomoć ništa nije plaćeno',
            ': уапсен(а) како криумчар, иако за дадената помош ништо не е платено',
            ': u arrestua si kontrabandist, ndonëse për ndihmën e dhënë nuk u pagua asgjë',
            ': uhapšen(a) kao krijumčar, iako za pruženu pomoć ništa nije plaćeno',
          );
    // Arrested and charged in one decision (one event) is one decision: scored once.
    const before = (id: string) => this.unpaidHelpers.get(`${id}|${other}`);
    const first = ids.filter((id) => before(id) === undefined);
    const later = ids.filter((id) => before(id) !== undefined && before(id) !== act.seq);
    if (first.length > 0) this.fromAct(act, rule, first, cat(names(this.ix, first), what));
    if (later.length === 0) return;
    // The earlier act, and (where the rule weighs on evidence) that the witness lost is counted there.
    const earlier =
      other === 'arrested'
        ? criminalised
          ? lt(
              ' (arrested for it earlier)',
              ' (ranije uhapšen(a) zbog toga)',
              ' (претходно уапсен(а) поради тоа)',
              ' (më parë u arrestua për këtë)',
              ' (ranije uhapšen(a) zbog toga)',
            )
          : lt(
              ' (arrested for it earlier: the witness lost is counted at the arrest)',
              ' (ranije uhapšen(a) zbog toga: gubitak svedoka uračunat je pri hapšenju)',
              ' (претходно уапсен(а) поради тоа: загубата на сведокот е засметана при апсењето)',
              ' (më parë u arrestua për këtë: humbja e dëshmitarit është llogaritur te arrestimi)',
              ' (ranije uhapšen(a) zbog toga: gubitak svjedoka uračunat je pri hapšenju)',
            )
        : criminalised
          ? lt(
              ' (charged for it earlier)',
              ' (ranije optužen(a) zbog toga)',
              ' (претходно обвинет(а) поради тоа)',
              ' (më parë u akuzua për këtë)',
              ' (ranije optužen(a) zbog toga)',
            )
          : lt(
              ' (charged for it earlier: the witness lost is counted at the charge)',
              ' (ranije optužen(a) zbog toga: gubitak svedoka uračunat je pri optuženju)',
              ' (претходно обвинет(а) поради тоа: загубата на сведокот е засметана при обвинението)',
              ' (më parë u akuzua për këtë: humbja e dëshmitarit është llogaritur te akuza)',
              ' (ranije optužen(a) zbog toga: gubitak svjedoka uračunat je pri optuženju)',
            );
    this.fromAct(act, rule, later, cat(names(this.ix, later), what, earlier), undefined, [
      'rights',
    ]);
  }

  /**
   * Whether the person's role was assessed: heard as a suspect with a lawyer, in a hearing without a flaw.
   * A hearing the person could not follow, or a child's without the guardian, assesses nothing.
   */
  private lawyerInterviewed(ctx: Ctx, id: string): boolean {
    const sound = new Set(
      (this.hearings.get(id) ?? []).filter((h) => h.flaw === null).map((h) => h.seq),
    );
    return ctx.next.acts.some(
      (a) =>
        a.kind === 'interview' &&
        a.persons.includes(id) &&
        a.params.purpose === 'suspect' &&
        a.params.lawyerPresent === true &&
        sound.has(a.seq),
    );
  }

  private onRemoval(ctx: Ctx, act: ActRecord, persons: string[]): void {
    const individual = param<boolean>(act, 'individual') === true;
    const risk = param<boolean>(act, 'riskAssessment') === true;
    const nm = (ids: string[]) => names(this.ix, ids);
    // Whoever the team knew wanted asylum when it decided (told, or stated in a letter it could read).
    const seekers = persons.filter((id) => this.knewAtAct(ctx, act, id, 'asylumExpressed'));
    const pendingClaim = () =>
      this.fromAct(
        act,
        'RIGHTS.NONREFOULEMENT.PENDING_CLAIM',
        seekers,
        cat(nm(seekers), PENDING_CLAIM),
      );
    if (!individual || !risk) {
      this.fromAct(
        act,
        'RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL',
        persons,
        cat(
          lt(
            'Removed without ',
            'Udaljeni bez ',
            'Отстранети без ',
            'U larguan pa ',
            'Udaljeni bez ',
          ),
          !individual
            ? lt(
                'individual decisions',
                'pojedinačnih odluka',
                'поединечни одлуки',
                'vendime individuale',
                'pojedinačnih odluka',
              )
            : lt(
                'a risk assessment',
                'procene rizika',
                'проценка на ризикот',
                'vlerësim të rrezikut',
                'procjene rizika',
              ),
          ': ',
          nm(persons),
        ),
      );
      // A collective removal that takes an asylum seeker says so by name: the claim was never examined.
      if (seekers.length > 0) pendingClaim();
    } else {
      if (seekers.length > 0) pendingClaim();
      else if (
        // A return that takes a witness away before a deposition the defence could examine is not rewarded,
        // nor one that takes a possible victim away before identification (onGone: removed unidentified).
        !persons.some(
          (id) =>
            (this.ix.witnesses.has(id) && !this.deposed.has(id)) ||
            this.book.open('trafficking', id) !== undefined,
        )
      )
        this.fromAct(
          act,
          'RIGHTS.REMOVAL.INDIVIDUAL_ASSESSMENT',
          persons,
          cat(
            lt(
              'Individual return decision with risk assessment: ',
              'Pojedinačna odluka o vraćanju uz procenu rizika: ',
              'Поединечна одлука за враќање со проценка на ризикот: ',
              'Vendim individual kthimi me vlerësim të rrezikut: ',
              'Pojedinačna odluka o vraćanju uz procjenu rizika: ',
            ),
            nm(persons),
          ),
        );
    }
    this.onGone(ctx, act, persons);
  }

  /** People the team itself removed: witnesses lost, possible victims removed before identification. */
  private onGone(ctx: Ctx, act: ActRecord, persons: string[]): void {
    // The act removed them when it was done, whatever it says of their whereabouts.
    const decision = decisionOf(act);
    const who = actor(act);
    this.forfeitOnRemoval(ctx, persons, {
      seq: act.seq,
      time: () => act.time,
      role: () => who.role,
      participant: () => who.participant,
      ...(decision ? { decision } : {}),
    });
    for (const id of persons) {
      this.markLost(ctx, id, 'removed', act);
      if (this.book.open('trafficking', id)) {
        this.fromAct(
          act,
          'RIGHTS.TRAFFICKING.REMOVED_UNIDENTIFIED',
          [id],
          cat(
            names(this.ix, [id]),
            lt(
              ' removed before victim identification',
              ' udaljen(a) pre identifikacije žrtve',
              ' отстранет(а) пред идентификација како жртва',
              ' u largua para identifikimit si viktimë',
              ' udaljen(a) prije identifikacije žrtve',
            ),
          ),
        );
      }
    }
  }

  private onCctv(act: ActRecord): void {
    const pending = this.book.open('cctv', null);
    if (!pending) {
      // Preservation outside a known retention window (e.g. scenario without a CCTV phase) still counts once.
      if (!this.book.find('cctv', null))
        this.fromAct(
          act,
          'EVIDENCE.CCTV.PRESERVED',
          [],
          lt(
            'CCTV/ANPR data preserved',
            'CCTV/ANPR podaci sačuvani',
            'Зачувани податоци од видеонадзор/ANPR',
            'Të dhënat CCTV/ANPR u ruajtën',
            'CCTV/ANPR podaci sačuvani',
          ),
        );
      return;
    }
    const o = this.book.discharge(pending, act.seq, act.time);
    const elapsed = act.time - o.from;
    const d = this.rubric.deadlines;
    const ruleId =
      elapsed <= d.cctvFull
        ? 'EVIDENCE.CCTV.PRESERVED'
        : elapsed <= d.cctvPartial
          ? 'EVIDENCE.CCTV.PARTIAL'
          : 'EVIDENCE.CCTV.LOST';
    const info = deadlineInfo(o);
    const decision = decisionOf(act);
    this.add({
      ruleId,
      seq: act.seq,
      time: act.time,
      ...actor(act),
      persons: [],
      detail: cat(
        lt(
          'Preservation requested ',
          'Čuvanje zatraženo ',
          'Зачувувањето побарано ',
          'Ruajtja u kërkua ',
          'Čuvanje zatraženo ',
        ),
        duration(elapsed),
        lt(
          ' after the retention clock started (full within ',
          ' posle početka roka čuvanja (u celini do ',
          ' по почетокот на рокот за чување (целосно во рок од ',
          ' pasi nisi afati i ruajtjes (plotësisht brenda ',
          ' nakon početka roka čuvanja (u cjelini do ',
        ),
        duration(d.cctvFull),
        lt(
          ', partly within ',
          ', delimično do ',
          ', делумно во рок од ',
          ', pjesërisht brenda ',
          ', djelimično do ',
        ),
        duration(d.cctvPartial),
        ')',
      ),
      triggeredBySeq: o.triggeredBySeq,
      ...(info ? { deadline: info } : {}),
      ...(decision ? { decision } : {}),
    });
  }

  /**
   * An undercover operation (R16), judged from two facts: whether the officer incited the offence, and the
   * order that authorised the operation (`order`: judicial, prosecutor or none). A file written before
   * `order` existed leaves it out; the order is then read from the provenance of what the operation
   * obtained (the weakest order among the items obtained in the same event). When it obtained nothing either,
   * the log does not say whether anyone authorised the work, and neither credit nor blame is given for it.
   * - incitement: entrapment, whatever the order (the detail adds when no order authorised it either: the
   *   same recordings are lost once, not twice);
   * - no order, or an order weaker than an item it obtained needs (the engine's provenance reason, as for a
   *   device search): unauthorised, and what it obtained is excluded;
   * - otherwise authorised, the detail naming whose order.
   */
  private onUndercover(act: ActRecord, persons: string[], next: TeamState): void {
    const items = this.evidenceAt(next, act.seq);
    const stated = param<string>(act, 'order');
    const obtained = items
      .map((id) => next.evidence[id]?.obtained.order)
      .filter((o): o is 'judicial' | 'prosecutor' | 'none' => o !== undefined)
      .sort((a, b) => (ORDER_RANK[a] ?? 0) - (ORDER_RANK[b] ?? 0));
    const order = stated ?? obtained[0];
    const weaker = items.some((id) =>
      next.evidence[id]?.taintReasons.some((r) => PROVENANCE_ORDER_TAINTS.has(r)),
    );
    if (param<boolean>(act, 'incitement') === true) {
      this.fromAct(
        act,
        'EVIDENCE.UNDERCOVER.ENTRAPMENT',
        persons,
        order === 'none'
          ? lt(
              'Undercover officer incited the offence, and no order authorised the operation',
              'Prikriveni islednik podstrekao delo, a radnju nije odobrila nijedna naredba',
              'Прикриениот истражител го поттикна делото, а мерката не ја одобри ниедна наредба',
              'Oficeri i fshehtë e nxiti veprën, dhe asnjë urdhër nuk e autorizoi veprimin',
              'Prikriveni istražitelj podstrekao djelo, a radnju nije odobrila nijedna naredba',
            )
          : lt(
              'Undercover officer incited the offence',
              'Prikriveni islednik podstrekao delo',
              'Прикриениот истражител го поттикна делото',
              'Oficeri i fshehtë e nxiti veprën',
              'Prikriveni istražitelj podstrekao djelo',
            ),
        items,
      );
      return;
    }
    if (order === undefined) return; // not stated, nothing obtained: the log cannot say
    if (order === 'none' || weaker) {
      this.fromAct(
        act,
        'EVIDENCE.UNDERCOVER.NO_ORDER',
        persons,
        order === 'none'
          ? lt(
              'Undercover work without any order',
              'Prikrivena radnja bez ikakve naredbe',
              'Прикриена мерка без никаква наредба',
              'Veprim i fshehtë pa asnjë urdhër',
              'Prikrivena radnja bez ikakve naredbe',
            )
          : order === 'prosecutor'
            ? lt(
                "Undercover work on a prosecutor's order where a judge's order was needed",
                'Prikrivena radnja po naredbi tužioca iako je bila potrebna naredba sudije',
                'Прикриена мерка по наредба на обвинителот иако беше потребна наредба од судија',
                'Veprim i fshehtë me urdhër të prokurorit, ndërkohë që duhej urdhër i gjyqtarit',
                'Prikrivena radnja po naredbi tužioca iako je bila potrebna naredba sudije',
              )
            : lt(
                'Undercover work whose recordings were obtained without the order they needed',
                'Prikrivena radnja čiji su snimci pribavljeni bez naredbe koja je za njih bila potrebna',
                'Прикриена мерка чии снимки се прибавени без наредбата што беше потребна за нив',
                'Veprim i fshehtë, regjistrimet e të cilit u morën pa urdhrin që u nevojitej',
                'Prikrivena radnja čiji su snimci pribavljeni bez naredbe koja je za njih bila potrebna',
              ),
        items,
      );
      return;
    }
    this.fromAct(
      act,
      'EVIDENCE.UNDERCOVER.AUTHORISED',
      persons,
      order === 'judicial'
        ? lt(
            "Undercover work on a judge's order, without incitement",
            'Prikrivena radnja po naredbi sudije, bez podstrekavanja',
            'Прикриена мерка по наредба на судија, без поттикнување',
            'Veprim i fshehtë me urdhër të gjyqtarit, pa nxitje',
            'Prikrivena radnja po naredbi sudije, bez podstrekavanja',
          )
        : lt(
            "Undercover work on a prosecutor's order, without incitement",
            'Prikrivena radnja po naredbi tužioca, bez podstrekavanja',
            'Прикриена мерка по наредба на обвинителот, без поттикнување',
            'Veprim i fshehtë me urdhër të prokurorit, pa nxitje',
            'Prikrivena radnja po naredbi tužioca, bez podstrekavanja',
          ),
      items,
    );
  }

  // ── pursuit, deaths and injuries, witnesses at risk, consuls ──────────────────────────────────

  /**
   * A pursuit is judged on what the law turns on (ECHR art. 2: operations that put life at risk must be
   * planned and controlled so as to minimise that risk; Makaratzis v. Greece): speed, where, who is on
   * board, whether safer ways to stop the vehicle were weighed, whether a commander authorised it.
   */
  private onPursuit(act: ActRecord, persons: string[], chased: string[]): void {
    const speed = param<string>(act, 'speed');
    const setting = param<string>(act, 'setting');
    const occupants = param<string>(act, 'occupants');
    const controlled =
      param<boolean>(act, 'authorised') === true &&
      param<boolean>(act, 'alternativesConsidered') === true;
    const risky =
      speed === 'extreme' ||
      (speed === 'high' && (setting === 'populated_area' || occupants !== 'driver_only'));
    this.pursuit = { seq: act.seq, uncontrolled: risky && !controlled, act, chased };
    for (const id of chased) this.involved.add(id);
    const facts = lt(
      `speed ${String(speed).replace(/_/g, ' ')}, ${String(setting).replace(/_/g, ' ')}, occupants: ${String(occupants).replace(/_/g, ' ')}`,
      `brzina: ${speed === 'within_limits' ? 'u granicama' : speed === 'high' ? 'velika' : 'ekstremna'}, ${setting === 'populated_area' ? 'naseljeno mesto' : setting === 'border_zone' ? 'granična zona' : 'otvoren put'}, u vozilu: ${occupants === 'driver_only' ? 'samo vozač' : occupants === 'passengers_on_board' ? 'putnici' : 'nepoznato'}`,
      `брзина: ${speed === 'within_limits' ? 'во границите' : speed === 'high' ? 'голема' : 'екстремна'}, ${setting === 'populated_area' ? 'населено место' : setting === 'border_zone' ? 'гранична зона' : 'отворен пат'}, во возилото: ${occupants === 'driver_only' ? 'само возачот' : occupants === 'passengers_on_board' ? 'патници' : 'непознато'}`,
      `shpejtësia: ${speed === 'within_limits' ? 'brenda kufijve' : speed === 'high' ? 'e lartë' : 'ekstreme'}, ${setting === 'populated_area' ? 'zonë e banuar' : setting === 'border_zone' ? 'zonë kufitare' : 'rrugë e hapur'}, në automjet: ${occupants === 'driver_only' ? 'vetëm shoferi' : occupants === 'passengers_on_board' ? 'udhëtarë' : 'e panjohur'}`,
      `brzina: ${speed === 'within_limits' ? 'u granicama' : speed === 'high' ? 'velika' : 'ekstremna'}, ${setting === 'populated_area' ? 'naseljeno mjesto' : setting === 'border_zone' ? 'granična zona' : 'otvoren put'}, u vozilu: ${occupants === 'driver_only' ? 'samo vozač' : occupants === 'passengers_on_board' ? 'putnici' : 'nepoznato'}`,
    );
    if (risky && !controlled)
      this.fromAct(
        act,
        'RIGHTS.LIFE.UNCONTROLLED_PURSUIT',
        persons,
        cat(
          lt(
            'Pursuit that put lives at risk, ',
            'Potera koja je dovela živote u opasnost, ',
            'Потера што ги доведе животите во опасност, ',
            'Ndjekje që i vuri jetët në rrezik, ',
            'Potjera koja je dovela živote u opasnost, ',
          ),
          param<boolean>(act, 'authorised') === true
            ? lt(
                'without weighing safer ways to stop the vehicle',
                'bez razmatranja bezbednijih načina zaustavljanja',
                'без разгледување на побезбедни начини за запирање на возилото',
                'pa shqyrtuar mënyra më të sigurta për ndalimin e automjetit',
                'bez razmatranja sigurnijih načina zaustavljanja',
              )
            : lt(
                'not authorised by a commander',
                'bez odobrenja komandira',
                'без одобрение од командир',
                'pa autorizim nga komandanti',
                'bez odobrenja komandira',
              ),
          ' (',
          facts,
          ')',
        ),
      );
    else if (controlled && !risky)
      this.fromAct(
        act,
        'RIGHTS.LIFE.CONTROLLED_STOP',
        persons,
        cat(
          lt(
            'Authorised pursuit, safer ways weighed (',
            'Odobrena potera, razmotreni bezbedniji načini (',
            'Одобрена потера, разгледани побезбедни начини (',
            'Ndjekje e autorizuar, u shqyrtuan mënyra më të sigurta (',
            'Odobrena potjera, razmotreni sigurniji načini (',
          ),
          facts,
          ')',
        ),
      );
  }

  /** Steps after a death or serious injury; the gain only when every step the law requires is done. */
  private onAfterHarm(ctx: Ctx, act: ActRecord, persons: string[]): void {
    const targets = (persons.length > 0 ? persons : [...this.harms.keys()]).filter((id) =>
      this.harms.has(id),
    );
    const kind = act.kind;
    for (const id of targets) {
      const h = this.harms.get(id);
      if (!h) continue;
      const next: Harm = { ...h };
      if (kind === 'secure_scene') next.scene = true;
      else if (kind === 'autopsy' && h.dead && !h.released) next.autopsy = true;
      else if (kind === 'identify_deceased' && h.dead) next.identified = true;
      else if (kind === 'notify_family') next.family = true;
      else if (kind === 'independent_inquiry') {
        const by = param<string>(act, 'by') ?? 'same_unit';
        const covers = param<boolean>(act, 'coversStateAgents') === true;
        // Independence is owed from those implicated in the death (Ramsahai; Armani Da Silva). With no
        // pursuit or custody before it no officer is implicated, and the police who found the body may
        // investigate the smuggler who caused it; with one, only the prosecutor or a body outside the police.
        const independent = INDEPENDENT_OF_POLICE.has(by) || !h.stateInvolved;
        const adequate = independent && (covers || !h.stateInvolved);
        next.inquiry = { adequate, family: param<boolean>(act, 'familyParticipation') === true };
        if (!adequate)
          this.fromAct(
            act,
            'RIGHTS.LIFE.INQUIRY_NOT_INDEPENDENT',
            [id],
            cat(
              names(this.ix, [id]),
              !independent
                ? lt(
                    `: inquiry run by ${by === 'same_unit' ? 'the unit involved' : 'police colleagues of the officers involved'}`,
                    `: istragu vodi ${by === 'same_unit' ? 'uključena jedinica' : 'policija, kolege uključenih službenika'}`,
                    `: истрагата ја води ${by === 'same_unit' ? 'вклучената единица' : 'полицијата, колеги на вклучените службеници'}`,
                    `: hetimin e drejton ${by === 'same_unit' ? 'njësia e përfshirë' : 'policia, kolegë të zyrtarëve të përfshirë'}`,
                    `: istragu vodi ${by === 'same_unit' ? 'uključena jedinica' : 'policija, kolege uključenih službenika'}`,
                  )
                : lt(
                    ": inquiry does not cover the state agents' own conduct",
                    ': istraga ne obuhvata postupanje samih državnih službenika',
                    ': истрагата не го опфаќа постапувањето на самите државни службеници',
                    ': hetimi nuk e mbulon sjelljen e vetë zyrtarëve shtetërorë',
                    ': istraga ne obuhvata postupanje samih državnih službenika',
                  ),
            ),
          );
      } else if (kind === 'release_body' && h.dead && !h.released) {
        next.released = true;
        if (!h.autopsy || !h.identified)
          this.fromAct(
            act,
            'RIGHTS.LIFE.BODY_RELEASED_EARLY',
            [id],
            cat(
              names(this.ix, [id]),
              lt(
                ': body released before ',
                ': telo predato pre ',
                ': телото предадено пред ',
                ': trupi u dorëzua para ',
                ': tijelo predato prije ',
              ),
              !h.autopsy && !h.identified
                ? lt(
                    'an autopsy and identification',
                    'obdukcije i identifikacije',
                    'обдукција и идентификација',
                    'autopsisë dhe identifikimit',
                    'obdukcije i identifikacije',
                  )
                : !h.autopsy
                  ? lt('an autopsy', 'obdukcije', 'обдукција', 'autopsisë', 'obdukcije')
                  : lt(
                      'identification',
                      'identifikacije',
                      'идентификација',
                      'identifikimit',
                      'identifikacije',
                    ),
            ),
          );
      }
      this.harms.set(id, next);
      if (!next.complete && this.missingAfterHarm(next).length === 0) {
        next.complete = true;
        this.fromAct(
          act,
          'RIGHTS.LIFE.DEATH_INQUIRY',
          [id],
          cat(
            names(this.ix, [id]),
            next.dead
              ? lt(
                  ': scene secured, autopsy, identification, family told, independent inquiry with the family',
                  ': mesto osigurano, obdukcija, identifikacija, porodica obaveštena, nezavisna istraga uz učešće porodice',
                  ': местото обезбедено, обдукција, идентификација, семејството известено, независна истрага со учество на семејството',
                  ': vendi u sigurua, autopsi, identifikim, familja u njoftua, hetim i pavarur me pjesëmarrjen e familjes',
                  ': mjesto osigurano, obdukcija, identifikacija, porodica obaviještena, nezavisna istraga uz učešće porodice',
                )
              : lt(
                  ': scene secured, family told, independent inquiry',
                  ': mesto osigurano, porodica obaveštena, nezavisna istraga',
                  ': местото обезбедено, семејството известено, независна истрага',
                  ': vendi u sigurua, familja u njoftua, hetim i pavarur',
                  ': mjesto osigurano, porodica obaviještena, nezavisna istraga',
                ),
            next.stateInvolved
              ? lt(
                  " that covers the officers' own role",
                  ' koja obuhvata i ulogu službenika',
                  ' што ја опфаќа и улогата на службениците',
                  ' që mbulon edhe rolin e vetë zyrtarëve',
                  ' koja obuhvata i ulogu službenika',
                )
              : '',
          ),
        );
      }
    }
    void ctx;
  }

  /**
   * What is still missing after a death or serious injury (empty: the duty is discharged). `unscored` leaves
   * out what a finding already named when it happened (an inquiry that is not independent or leaves out the
   * officers): the same defect of one inquiry is not scored twice.
   */
  missingAfterHarm(h: Harm, unscored = false): FullText[] {
    const out: FullText[] = [];
    // Only steps the scenario offers a way to take are required (as for every obligation).
    const can = (k: ActKind) => this.ix.acts.has(k);
    if (!h.scene && can('secure_scene'))
      out.push(
        lt(
          'the scene secured',
          'osiguranje mesta događaja',
          'обезбедување на местото на настанот',
          'sigurimi i vendngjarjes',
          'osiguranje mjesta događaja',
        ),
      );
    if (h.dead && !h.autopsy && can('autopsy'))
      out.push(lt('an autopsy', 'obdukcija', 'обдукција', 'autopsia', 'obdukcija'));
    if (h.dead && !h.identified && can('identify_deceased'))
      out.push(
        lt('identification', 'identifikacija', 'идентификација', 'identifikimi', 'identifikacija'),
      );
    if (!h.family && can('notify_family'))
      out.push(
        lt(
          'the family told',
          'obaveštenje porodice',
          'известување на семејството',
          'njoftimi i familjes',
          'obavještavanje porodice',
        ),
      );
    if (!h.inquiry && can('independent_inquiry'))
      out.push(
        lt(
          'an independent inquiry',
          'nezavisna istraga',
          'независна истрага',
          'hetim i pavarur',
          'nezavisna istraga',
        ),
      );
    if (!h.inquiry) return out;
    else if (!h.inquiry.adequate) {
      if (!unscored)
        out.push(
          lt(
            "an inquiry independent of the unit involved, covering the officers' conduct",
            'istraga nezavisna od uključene jedinice, koja obuhvata postupanje službenika',
            'истрага независна од вклучената единица, што го опфаќа постапувањето на службениците',
            'hetim i pavarur nga njësia e përfshirë, që mbulon sjelljen e zyrtarëve',
            'istraga nezavisna od uključene jedinice, koja obuhvata postupanje službenika',
          ),
        );
    } else if (h.dead && !h.inquiry.family)
      out.push(
        lt(
          'the family involved in the inquiry',
          'učešće porodice u istrazi',
          'учество на семејството во истрагата',
          'përfshirja e familjes në hetim',
          'učešće porodice u istrazi',
        ),
      );
    return out;
  }

  /**
   * A witness's identity disclosed: where they fear retaliation, only after the risk was assessed and
   * protective measures were in place (UNTOC art. 24; CETS 197 art. 28).
   */
  private onDisclosure(ctx: Ctx, act: ActRecord, persons: string[]): void {
    const assessed = param<boolean>(act, 'riskAssessed') === true;
    const where = param<string>(act, 'in') ?? 'indictment';
    // The fear as the team knew it when disclosing: said to it, or stated in a note it could read.
    const exposed = persons.filter(
      (id) =>
        this.knewAtAct(ctx, act, id, 'fearsRetaliation') &&
        (!assessed || !this.protectedWitnesses.has(id)),
    );
    if (exposed.length > 0)
      this.fromAct(
        act,
        'RIGHTS.WITNESS.EXPOSED',
        exposed,
        cat(
          names(this.ix, exposed),
          lt(
            `: identity disclosed (${where.replace(/_/g, ' ')}) `,
            `: identitet otkriven (${where === 'indictment' ? 'optužnica' : where === 'media' ? 'mediji' : where === 'public_hearing' ? 'javni pretres' : 'spis odbrane'}) `,
            `: идентитетот откриен (${where === 'indictment' ? 'обвинителен акт' : where === 'media' ? 'медиуми' : where === 'public_hearing' ? 'јавна расправа' : 'списи на одбраната'}) `,
            `: identiteti u zbulua (${where === 'indictment' ? 'aktakuza' : where === 'media' ? 'shtypi' : where === 'public_hearing' ? 'seancë publike' : 'dosja e mbrojtjes'}) `,
            `: identitet otkriven (${where === 'indictment' ? 'optužnica' : where === 'media' ? 'mediji' : where === 'public_hearing' ? 'javni pretres' : 'spis odbrane'}) `,
          ),
          !assessed
            ? lt(
                'without assessing the risk of retaliation',
                'bez procene rizika od odmazde',
                'без проценка на ризикот од одмазда',
                'pa vlerësuar rrezikun e hakmarrjes',
                'bez procjene rizika od odmazde',
              )
            : lt(
                'with no protective measures in place',
                'bez mera zaštite',
                'без мерки за заштита',
                'pa masa mbrojtëse',
                'bez mjera zaštite',
              ),
        ),
      );
  }

  /**
   * Consular contact turns on why: a death must be notified (VCCR art. 37(a)); an arrested or detained
   * national's consulate is told at their request (art. 36(1)(b)); an asylum seeker's never without consent.
   */
  private onConsular(ctx: Ctx, act: ActRecord, persons: string[]): void {
    const reason = param<string>(act, 'reason') ?? 'other';
    const consent = param<boolean>(act, 'consent') === true;
    const nm = (ids: string[]) => names(this.ix, ids);
    if (reason === 'death') {
      const dead = persons.filter((id) => ctx.next.people[id]?.whereabouts === 'deceased');
      if (dead.length > 0)
        this.fromAct(
          act,
          'RIGHTS.CONSULAR.DEATH_NOTIFIED',
          dead,
          cat(
            lt(
              'Consulate notified of the death of ',
              'Konzulat obavešten o smrti: ',
              'Конзулатот известен за смртта: ',
              'Konsullata u njoftua për vdekjen: ',
              'Konzulat obaviješten o smrti: ',
            ),
            nm(dead),
          ),
        );
      return;
    }
    const ok: string[] = [];
    const bad: string[] = [];
    for (const id of persons) {
      const p = ctx.next.people[id] ?? ctx.prev.people[id];
      if (!p) continue;
      const seeker = this.knewAtAct(ctx, act, id, 'asylumExpressed');
      const asked = p.consulRequested && knowsAttr(this.ix, ctx.next, id, 'consulRequested');
      if (consent || (asked && !seeker)) ok.push(id);
      else bad.push(id);
      if (asked || consent) this.discharge('consular', id, act.seq, act.time, act, true);
    }
    if (ok.length > 0)
      this.fromAct(
        act,
        'RIGHTS.CONSULAR.WITH_CONSENT',
        ok,
        cat(
          lt(
            'Consulate notified about ',
            'Konzulat obavešten o osobama: ',
            'Конзулатот известен за лицата: ',
            'Konsullata u njoftua për personat: ',
            'Konzulat obaviješten o osobama: ',
          ),
          nm(ok),
        ),
      );
    if (bad.length > 0)
      this.fromAct(
        act,
        'RIGHTS.CONSULAR.WITHOUT_CONSENT',
        bad,
        cat(
          lt(
            'Consulate notified without consent or request about ',
            'Konzulat obavešten bez pristanka ili zahteva o osobama: ',
            'Конзулатот известен без согласност или барање за лицата: ',
            'Konsullata u njoftua pa pëlqim ose kërkesë për personat: ',
            'Konzulat obaviješten bez pristanka ili zahtjeva o osobama: ',
          ),
          nm(bad),
        ),
      );
  }

  // ── decisions, evidence, phases, people ─────────────────────────────────────────────────────────

  private onDecision(
    ctx: Ctx,
    decisionId: string,
    optionId: string,
    role: string | null,
    seq: number,
    time: number,
  ): void {
    const d = this.ix.c.decisions.get(decisionId);
    const o = d?.options.get(optionId);
    if (!d || !o) return;
    const participant = ctx.ev.participant;
    for (const a of o.annotations ?? []) {
      const note =
        a.note === undefined ? undefined : typeof a.note === 'string' ? same(a.note) : full(a.note);
      this.findings.push({
        ruleId: `ANNOTATION:${a.rule}`,
        source: 'annotation',
        seq,
        time,
        role,
        participant,
        persons: [],
        evidence: [],
        decision: { decision: decisionId, option: optionId },
        detail:
          note ??
          cat(
            lt(
              'Scenario author’s rating of this option (',
              'Ocena autora scenarija za ovu opciju (',
              'Оценка на авторот на сценариото за оваа опција (',
              'Vlerësimi i autorit të skenarit për këtë opsion (',
              'Ocjena autora scenarija za ovu opciju (',
            ),
            this.rubric.situations[a.rule] ??
              this.rubric.rules.find((r) => r.id === a.rule)?.title ??
              lt(
                'a rubric rule',
                'pravilo rubrike',
                'правило од рубриката',
                'një rregull i rubrikës',
                'pravilo rubrike',
              ),
            ')',
          ),
        annotation: { sketch: a.rule, axis: a.axis, points: a.points, ...(note ? { note } : {}) },
        ...this.answerable(this.current, { seq, role }),
      });
    }
    // Refusing the informal return (R04, R23) is credited only to an option that keeps the people in a
    // lawful procedure: it sends nobody out (one that removes people otherwise, through the gate or by a
    // return decision, did not refuse it) and puts a step on record (an act, a request, a placement in
    // reception or hospital). An option that is itself a rights failure loses the credit once its
    // effects are read (see observe).
    // The credit is for the people the informal return would have sent out whom the state had not
    // already removed, and the step on record must be one for them: declining to push back people
    // already sent out, or acting for someone else, keeps none of them in a procedure.
    const risky = this.ix.refoulementOptions.get(decisionId);
    const concerned = risky && !risky.has(optionId) ? this.notRemoved(ctx, risky) : [];
    if (concerned.length > 0 && !this.optionRemoves(ctx) && this.optionRecords(ctx, concerned)) {
      this.add({
        ruleId: 'RIGHTS.NONREFOULEMENT.REFUSED',
        seq,
        time,
        role,
        participant,
        persons: concerned,
        // What the log shows: the decision had an informal return among its options (whether anyone
        // proposed it is not on record), and the option chosen instead.
        detail: cat(
          names(this.ix, concerned),
          ': ',
          lt(
            'an informal return was among the options; the team chose instead a step on record that sent nobody out and breached no right',
            'neformalno vraćanje bilo je među opcijama; tim je umesto toga izabrao evidentiran korak kojim niko nije udaljen i nijedno pravo nije povređeno',
            'неформалното враќање беше меѓу опциите; тимот наместо тоа избра евидентиран чекор со кој никој не беше отстранет и ниедно право не беше повредено',
            'një kthim joformal ishte ndër opsionet; ekipi zgjodhi në vend të tij një hap të regjistruar, me të cilin askush nuk u largua dhe asnjë e drejtë nuk u shkel',
            'neformalno vraćanje bilo je među opcijama; tim je umjesto toga izabrao evidentiran korak kojim niko nije udaljen i nijedno pravo nije povrijeđeno',
          ),
        ),
        decision: { decision: decisionId, option: optionId },
      });
    }
  }

  /**
   * The people a decision's informal-return options would send out (all of them, for an option whose
   * act names nobody) whom the state had not already removed before the event: not deported, not sent
   * out by a removal act, not dead. (Someone who left on their own, as runaways caught abroad and
   * offered back, can still be handed over informally or not.)
   */
  private notRemoved(ctx: Ctx, risky: ReadonlyMap<string, readonly string[]>): string[] {
    const named = new Set([...risky.values()].flat());
    const all = [...risky.values()].some((ids) => ids.length === 0);
    return Object.keys(ctx.prev.people).filter((id) => {
      const p = ctx.prev.people[id];
      return (
        p !== undefined &&
        (all ? p.kind !== 'official' : named.has(id)) &&
        p.whereabouts !== 'deported' &&
        p.whereabouts !== 'deceased' &&
        !this.removedBefore(ctx, id)
      );
    });
  }

  /** Whether a removal act of an earlier event named the person (this event's are its own options'). */
  private removedBefore(ctx: Ctx, id: string): boolean {
    return ctx.next.acts.some(
      (a) => a.seq < ctx.ev.seq && REMOVAL_ACTS.has(a.kind) && a.persons.includes(id),
    );
  }

  /**
   * Whether the person was out of the team's reach when the effect at ctx.index was done: gone before
   * the event (left, deported), sent out by a removal act of an earlier event (whatever it says of
   * their whereabouts), or removed or gone earlier in the same option. An act done to them in person
   * (a deposition, a registration of their asylum wish) never took place.
   */
  private outOfReach(ctx: Ctx, id: string): boolean {
    const before = ctx.prev.people[id];
    const gone = ctx.goneAt.get(id);
    const away =
      (before !== undefined && GONE.has(before.whereabouts)) ||
      this.removedBefore(ctx, id) ||
      (gone !== undefined && gone < ctx.index);
    // Placed here again since (broughtBack): what is done to them here does take place.
    return away && !this.broughtBack(ctx, id);
  }

  /** Whether the event's last move of the person (see moves) places them here: in reach at its end. */
  private backByEventEnd(ctx: Ctx, id: string): boolean {
    const last = (this.moves.get(id) ?? []).filter((m) => m.seq === ctx.ev.seq).at(-1);
    return last?.way === 'in';
  }

  private moved(id: string, way: 'in' | 'out' | null, seq: number, index: number): void {
    if (way === null) return;
    const list = this.moves.get(id) ?? [];
    // Copy on write: a probe or final copy shares the map's lists.
    this.moves.set(id, [...list, { way, seq, index }]);
  }

  /**
   * Whether someone out of reach (see outOfReach) was placed here again, after their last removal and
   * before the effect at ctx.index, by a fact the scenario set: where the team's agency abroad hands
   * people to its agency here (the Drina's Bosnian patrol putting the men back in the Serbian patrol's
   * boat, then `present`), what the agency here does to them in person does take place.
   */
  private broughtBack(ctx: Ctx, id: string): boolean {
    const seq = ctx.ev.seq;
    const before = (m: { seq: number; index: number }) =>
      m.seq < seq || (m.seq === seq && m.index < ctx.index);
    const last = (this.moves.get(id) ?? []).filter(before).at(-1);
    return last?.way === 'in';
  }

  /**
   * Acts done in person to people out of reach (see onAct): those the state had removed are kept, by the
   * event of the removal, for its finding to say (withheldNote); someone who left on their own was not
   * acted on by anyone, and nothing is said.
   */
  private noteWithheld(ctx: Ctx, act: ActRecord, away: readonly string[]): void {
    const bySeq = new Map<number, string[]>();
    for (const id of away) {
      const seq = this.removalOf(ctx, id);
      if (seq !== null) bySeq.set(seq, [...(bySeq.get(seq) ?? []), id]);
    }
    for (const [removalSeq, persons] of bySeq)
      this.withheld.push({ kind: act.kind, seq: act.seq, time: act.time, persons, removalSeq });
  }

  /**
   * The event whose removal took a person out of reach (see outOfReach): the first removal act naming
   * them, or the event that set them deported; null when they left on their own.
   */
  private removalOf(ctx: Ctx, id: string): number | null {
    const gone = ctx.goneAt.get(id);
    if (gone !== undefined && gone < ctx.index) {
      const e = ctx.emitted[gone];
      const removal =
        e?.kind === 'act' || (e?.kind === 'person' && e.set.whereabouts === 'deported');
      return removal ? ctx.ev.seq : null;
    }
    const act = ctx.next.acts.find(
      (a) => a.seq < ctx.ev.seq && REMOVAL_ACTS.has(a.kind) && a.persons.includes(id),
    );
    if (act) return act.seq;
    return ctx.prev.people[id]?.whereabouts === 'deported'
      ? (this.deportedBy.get(id) ?? null)
      : null;
  }

  /**
   * What the finding of a removal adds about the acts done in person the log holds after it, for the
   * people it removed: they never took place and are not counted.
   */
  private withheldNote(f: Finding, persons: ReadonlySet<string>): LocalText | null {
    const start = this.ix.c.scenario.startTime;
    const parts = this.withheld
      .filter((w) => w.removalSeq === f.seq && w.persons.some((id) => persons.has(id)))
      .map((w) => {
        const ids = w.persons.filter((id) => persons.has(id));
        return cat(
          names(this.ix, ids),
          ': ',
          IN_PERSON_ACT_NAMES[w.kind] ?? same(w.kind),
          atMoment(w.time, start),
        );
      });
    if (parts.length === 0) return null;
    return cat(
      lt(
        '; logged after it, not counted as already removed: ',
        '; upisano posle toga, ne računa se jer su već udaljeni: ',
        '; запишано потоа, не се брои бидејќи веќе се отстранети: ',
        '; regjistruar më pas, nuk llogaritet sepse ishin larguar tashmë: ',
        '; upisano nakon toga, ne računa se jer su već udaljeni: ',
      ),
      parts.reduce<LocalText>((a, b, i) => (i === 0 ? b : cat(a, '; ', b)), same('')),
    );
  }

  /**
   * When the state removed a person out of reach (see outOfReach): the first removal act naming them,
   * or the moment they were set deported; null when they left on their own.
   */
  private removedAt(ctx: Ctx, id: string): number | null {
    const gone = ctx.goneAt.get(id);
    if (gone !== undefined && gone < ctx.index) {
      const e = ctx.emitted[gone];
      const removal =
        e?.kind === 'act' || (e?.kind === 'person' && e.set.whereabouts === 'deported');
      return e && removal ? e.time : null;
    }
    const act = ctx.next.acts.find(
      (a) => a.seq < ctx.ev.seq && REMOVAL_ACTS.has(a.kind) && a.persons.includes(id),
    );
    if (act) return act.time;
    return ctx.prev.people[id]?.whereabouts === 'deported' ? (this.leftAt.get(id) ?? null) : null;
  }

  /**
   * Whether the option whose decision is at ctx.index put a step on record for some of `persons`: an act
   * naming one of them (or, naming nobody, done to everyone here), a request sent whose answer would
   * act for one of them, or one of them taken to reception or hospital (up to what the scenario fires
   * next). An option with none of these leaves nothing the model can read as a procedure for them.
   */
  private optionRecords(ctx: Ctx, persons: readonly string[]): boolean {
    const theirs = (ids: Iterable<string>) => [...ids].some((id) => persons.includes(id));
    for (let i = ctx.index + 1; i < ctx.emitted.length; i++) {
      const e = ctx.emitted[i];
      if (!e || e.kind === 'decision' || e.kind === 'joint' || e.kind === 'inject') return false;
      if (e.kind === 'act' && theirs(this.targets(e.act, ctx.next, ctx.prev))) return true;
      if (
        e.kind === 'request' &&
        e.status === 'pending' &&
        theirs(this.ix.requestPeople.get(e.request) ?? [])
      )
        return true;
      if (
        e.kind === 'person' &&
        persons.includes(e.person) &&
        PROCEDURE_PLACES.has(e.set.whereabouts ?? '')
      )
        return true;
    }
    return false;
  }

  /**
   * Whether the option whose decision is at ctx.index removed anyone: a removal act, or a person set to
   * deported among its effects (up to what the scenario fires next: an inject, another decision).
   */
  private optionRemoves(ctx: Ctx): boolean {
    for (let i = ctx.index + 1; i < ctx.emitted.length; i++) {
      const e = ctx.emitted[i];
      if (!e || e.kind === 'decision' || e.kind === 'joint' || e.kind === 'inject') return false;
      if (e.kind === 'act' && REMOVAL_ACTS.has(e.act.kind)) return true;
      if (e.kind === 'person' && e.set.whereabouts === 'deported') return true;
    }
    return false;
  }

  private onEvidence(ctx: Ctx, id: string): void {
    const e = ctx.next.evidence[id];
    if (!e || e.seq !== ctx.ev.seq || e.obtained.custody !== 'broken') return;
    if (this.findings.some((f) => f.seq === ctx.ev.seq && f.ruleId === 'EVIDENCE.VEHICLE.UNSEALED'))
      return;
    const def = this.ix.evidence.get(id);
    this.add({
      ruleId: 'EVIDENCE.CUSTODY.BROKEN',
      seq: ctx.ev.seq,
      time: e.time,
      role: e.by,
      participant: ctx.ev.participant,
      persons: [],
      evidence: [id],
      detail: cat(
        def ? local(def.title) : same(id),
        lt(
          ': no documented chain of custody',
          ': bez dokumentovanog lanca čuvanja',
          ': без документиран синџир на чување',
          ': pa zinxhir ruajtjeje të dokumentuar',
          ': bez dokumentovanog lanca čuvanja',
        ),
      ),
    });
  }

  private onScheduled(ctx: Ctx): void {
    for (const x of ctx.next.scheduled) {
      const leaving = this.ix.departureInjects.get(x.inject);
      if (!leaving) continue;
      for (const person of leaving) {
        if (!this.ix.witnesses.has(person) || this.deposed.has(person)) continue;
        const existing = this.book.open('deposition', person);
        if (existing && existing.due !== null && existing.due <= x.at) continue;
        if (existing) this.book.setDue(existing, x.at);
        else this.trigger('deposition', person, ctx.ev.seq, ctx.next.clock, x.at);
      }
    }
  }

  /** Whether the event is a judge's answer to a request (custody ordered by a court). */
  private byJudge(ev: LogLine, via?: string): boolean {
    let requestId: string | null = null;
    if (via?.startsWith('request:')) requestId = via.slice('request:'.length);
    else if (ev.type === 'request.answered')
      requestId = String((ev.payload as { request?: unknown } | null)?.request ?? '');
    const to = requestId ? this.ix.c.requests.get(requestId)?.to : undefined;
    if (to === undefined) return false;
    // What the scenario states about the agency; its id's spelling only for scenarios that state nothing.
    return this.ix.c.agencies.get(to)?.judicial ?? /judge|court/.test(to);
  }

  /**
   * A change to a person at the place its effect stands in the option: custody begins (a child in custody,
   * the liberty safeguards due), a death or a serious injury happens (the art. 2 duties start).
   */
  private onPersonStarts(ctx: Ctx, id: string, set: PersonSet): void {
    const p = ctx.next.people[id];
    const before = ctx.prev.people[id];
    if (!p) return;
    const ev = ctx.ev;
    if (
      set.whereabouts === 'in_custody' &&
      p.whereabouts === 'in_custody' &&
      before?.whereabouts !== 'in_custody' &&
      !this.custodyStarted.has(`${ev.seq}|${id}`)
    ) {
      this.custodyStarted.add(`${ev.seq}|${id}`);
      this.involved.add(id);
      // Custody is a criminal arrest for a suspect (see onDetain), migration detention for anyone else.
      if (isChild(this.ix, ctx.next, id, p) && p.kind !== 'suspect') {
        this.fromEvent(
          ctx,
          'RIGHTS.CHILD.DETENTION',
          [id],
          cat(
            names(this.ix, [id]),
            lt(
              ' (presumed child) ended up in custody',
              ' (pretpostavljeno dete) završio/la u pritvoru',
              ' (претпоставено дете) заврши во притвор',
              ' (fëmijë i supozuar) përfundoi në paraburgim',
              ' (pretpostavljeno dijete) završio/la u pritvoru',
            ),
          ),
          ctx.changedAt.get(id) ?? ctx.next.clock,
        );
      }
      // Custody ordered by a judge on a request carries its own judicial review. A detention act of this
      // same step has already opened this spell of custody (and may have met its safeguards with it): the
      // person entering custody is that spell, not a new one.
      const spell = this.book.find('liberty', id);
      if (!this.byJudge(ev) && spell?.triggeredBySeq !== ev.seq) {
        if (ev.role !== null && ev.role !== undefined && !this.book.open('liberty', id))
          this.heldBy.set(id, ev.role);
        this.trigger(
          'liberty',
          id,
          ev.seq,
          ctx.next.clock,
          ctx.next.clock + this.rubric.deadlines.judicialReview,
        );
      }
      if (p.consulRequested && knowsAttr(this.ix, ctx.next, id, 'consulRequested'))
        this.trigger('consular', id, ev.seq, ctx.next.clock, null);
    }
    const dies = set.whereabouts === 'deceased' && before?.whereabouts !== 'deceased';
    const injured =
      set.vulnerabilities?.includes('serious_injury') === true &&
      !(before?.vulnerabilities.includes('serious_injury') ?? false);
    if (dies || injured)
      this.onHarm(id, dies, ev.seq, ctx.next.clock, before?.whereabouts === 'in_custody');
  }

  /** A death or serious injury: record it, and if a pursuit that put lives at risk led to it, say so. */
  private onHarm(id: string, dead: boolean, seq: number, time: number, inCustody: boolean): void {
    const existing = this.harms.get(id);
    if (existing) {
      if (dead && !existing.dead) this.harms.set(id, { ...existing, dead: true, complete: false });
      return;
    }
    // Officers are implicated when they had a hand in what happened to this person (chased, pushed back,
    // handed over, held), not because of a pursuit of someone else earlier in the run.
    const stateInvolved = inCustody || this.involved.has(id);
    this.harms.set(id, {
      person: id,
      seq,
      time,
      dead,
      stateInvolved,
      scene: false,
      autopsy: false,
      identified: false,
      family: false,
      inquiry: null,
      released: false,
      complete: false,
    });
    if (this.pursuit?.uncontrolled && this.pursuit.chased.includes(id)) {
      const act = this.pursuit.act;
      this.add({
        ruleId: 'RIGHTS.LIFE.RECKLESS_CHASE',
        seq,
        time,
        ...actor(act),
        persons: [id],
        detail: cat(
          names(this.ix, [id]),
          dead
            ? lt(
                ' died after a pursuit',
                ' preminuo/la posle potere',
                ' почина по потера',
                ' vdiq pas një ndjekjeje',
                ' umro/la nakon potjere',
              )
            : lt(
                ' seriously injured after a pursuit',
                ' teško povređen(a) posle potere',
                ' тешко повреден(а) по потера',
                ' u plagos rëndë pas një ndjekjeje',
                ' teško povrijeđen(a) nakon potjere',
              ),
          lt(
            ' that was neither authorised nor weighed against safer ways to stop the vehicle',
            ' koja nije bila odobrena niti odmerena prema bezbednijim načinima zaustavljanja',
            ' што ниту беше одобрена ниту одмерена наспроти побезбедните начини за запирање на возилото',
            ' që as nuk ishte autorizuar, as nuk ishte peshuar kundrejt mënyrave më të sigurta për ndalimin e automjetit',
            ' koja nije bila odobrena niti odmjerena prema sigurnijim načinima zaustavljanja',
          ),
        ),
        triggeredBySeq: act.seq,
      });
    }
  }

  /** State-based checks for one person after the event, whatever act (or none) led there. */
  private onPersonState(ctx: Ctx, id: string): void {
    const p = ctx.next.people[id];
    const before = ctx.prev.people[id];
    if (!p) return;
    const nm = names(this.ix, [id]);
    const ev = ctx.ev;
    const byInject = this.sources.get(id) === 'inject';
    const by = byInject
      ? { role: null, participant: null }
      : { role: ev.role === 'facilitator' ? null : ev.role, participant: ev.participant };
    if (before?.whereabouts === 'in_custody' && p.whereabouts !== 'in_custody')
      this.discharge('liberty', id, ev.seq, ctx.next.clock, by, true);
    if (p.guardian === true && before?.guardian !== true)
      this.discharge('guardian', id, ev.seq, ctx.next.clock, by);
    if (before && isHere(before) && !isHere(p)) this.leftAt.set(id, ctx.next.clock);
    if (p.whereabouts === 'deported' && before?.whereabouts !== 'deported')
      this.deportedBy.set(id, ev.seq);
    if (p.whereabouts === 'hospital' && before?.whereabouts !== 'hospital') {
      this.discharge('first_aid', id, ev.seq, ctx.next.clock, by);
      this.discharge('medical_care', id, ev.seq, ctx.next.clock, by);
    }
    // A witness who will no longer testify is as absent as one who left: only a deposition the defence
    // could examine keeps the statement usable (Al-Khawaja and Tahery; Schatschaschwili).
    if (p.withdrawn && before && !before.withdrawn) this.markLost(ctx, id, 'withdrew');
    if (GONE.has(p.whereabouts) && before && !GONE.has(before.whereabouts)) {
      // Deported with no removal act on record: judged with the others this event removed.
      if (p.whereabouts === 'deported' && !this.removedByAct.has(id))
        ctx.deportedUnexamined.push(id);
      this.markLost(ctx, id, p.whereabouts === 'deported' ? 'deported' : 'departed');
      if (p.whereabouts === 'deported' && this.book.open('trafficking', id))
        this.fromEvent(
          ctx,
          'RIGHTS.TRAFFICKING.REMOVED_UNIDENTIFIED',
          [id],
          cat(
            nm,
            lt(
              ' deported before victim identification',
              ' deportovan(a) pre identifikacije žrtve',
              ' депортиран(а) пред идентификација како жртва',
              ' u dëbua para identifikimit si viktimë',
              ' deportovan(a) prije identifikacije žrtve',
            ),
          ),
          ctx.changedAt.get(id) ?? ctx.next.clock,
        );
      if (p.whereabouts === 'deported') {
        const role = byInject || ev.role === 'facilitator' ? null : ev.role;
        this.forfeitOnRemoval(ctx, [id], {
          seq: ev.seq,
          time: () => ctx.changedAt.get(id) ?? ctx.next.clock,
          role: () => role,
          participant: () => ev.participant,
        });
      }
      // Leaving on one's own makes the asylum duty moot; being removed by the state does not: the wish
      // was still owed its registration (removal pending the claim is judged besides, see onRemoval and
      // onUnexaminedRemoval).
      this.book.moot(id, p.whereabouts === 'deported' ? ['asylum'] : []);
    }
  }

  /**
   * A person the state removes takes with them the care still owed: a child sent away before anyone asked
   * for a guardian never had one (CRC GC 6; Return Directive art. 10), an injured person removed before
   * first aid or a doctor never got them. Someone who leaves on their own makes these moot; a removal
   * does not, whatever time was left before the deadline. Asylum, trafficking identification and
   * witnesses have removal rules of their own.
   *
   * `by`: the removal (a removal act, or the event that set them deported), whose agency answers for it.
   * People removed together, owed the same duty since the same event and still waiting on the same
   * request for it, share one finding; one whose care was asked for (a request still unanswered that
   * would give it to them) is said to have been removed before the answer came, as the log shows it.
   */
  private forfeitOnRemoval(
    ctx: Ctx,
    ids: readonly string[],
    by: {
      seq: number;
      time: (id: string) => number;
      role: (id: string) => string | null;
      participant: (id: string) => string | null;
      decision?: { decision: string; option: string };
    },
  ): void {
    const groups = new Map<
      string,
      { kind: ObligationKind; o: Obligation; request: string | null; persons: string[] }
    >();
    for (const id of ids)
      for (const kind of FORFEITED_BY_REMOVAL) {
        const o = this.book.open(kind, id);
        if (!o || o.passedAtSeq !== null || !OBLIGATIONS[kind].never) continue;
        const request = this.pendingFor(ctx.next, kind, id);
        const time = by.time(id);
        const key = [kind, o.triggeredBySeq, o.due, request, time, by.role(id)].join('|');
        const g = groups.get(key);
        if (g) g.persons.push(id);
        else groups.set(key, { kind, o, request, persons: [id] });
      }
    for (const { kind, o, request, persons } of groups.values()) {
      const first = persons[0] as string;
      const time = by.time(first);
      const role = by.role(first);
      const asked = request === null ? undefined : ctx.next.requests[request];
      const def = request === null ? undefined : this.ix.c.requests.get(request);
      const d = deadlineInfo(o);
      this.add({
        ruleId: OBLIGATIONS[kind].never as string,
        seq: by.seq,
        time,
        role,
        participant: role === null ? null : by.participant(first),
        persons,
        detail: cat(
          names(this.ix, persons),
          ': ',
          OBLIGATIONS[kind].what,
          asked && def
            ? cat(
                lt(' — asked for', ' — zatraženo', ' — побарано', ' — u kërkua', ' — zatraženo'),
                atMoment(asked.sentAt, this.ix.c.scenario.startTime),
                ' (',
                local(def.title),
                lt(
                  '), never given: removed',
                  '), nikada pruženo: udaljen(i)',
                  '), никогаш дадено: отстранет(и)',
                  '), nuk u dha kurrë: u larguan',
                  '), nikada pruženo: udaljen(i)',
                ),
                atMoment(time, this.ix.c.scenario.startTime),
                lt(
                  ', before the request was answered',
                  ', pre nego što je na zahtev odgovoreno',
                  ', пред да се одговори на барањето',
                  ', para se kërkesa të merrte përgjigje',
                  ', prije nego što je na zahtjev odgovoreno',
                ),
              )
            : lt(
                ' — never provided before the removal',
                ' — nije obezbeđeno pre udaljenja',
                ' — не е обезбедено пред отстранувањето',
                ' — nuk u sigurua para largimit',
                ' — nije osigurano prije udaljenja',
              ),
        ),
        triggeredBySeq: o.triggeredBySeq,
        ...(d ? { deadline: d } : {}),
        ...(by.decision ? { decision: by.decision } : {}),
      });
    }
    // Scored here: the removal, not the end of the run, is when they were lost.
    for (const id of ids) this.book.moot(id, NOT_FORFEITED);
  }

  /** A request still unanswered whose grant would discharge `kind` for this person (the latest sent). */
  private pendingFor(s: TeamState, kind: ObligationKind, person: string): string | null {
    let out: { id: string; sentAt: number } | null = null;
    for (const [id, byPerson] of this.ix.requestDischarges) {
      const r = s.requests[id];
      if (r?.status !== 'pending') continue;
      if (!byPerson.get(person)?.has(kind) && !byPerson.get('*')?.has(kind)) continue;
      if (!out || r.sentAt > out.sentAt) out = { id, sentAt: r.sentAt };
    }
    return out?.id ?? null;
  }

  /**
   * People an event deported with no removal act on record (no return decision, pushback or
   * handover act): the facts say the state removed them, and nothing shows an individual
   * examination. One finding for the event, as a removal act that named them all would give.
   */
  private onUnexaminedRemoval(ctx: Ctx): void {
    const persons = ctx.deportedUnexamined;
    if (persons.length === 0) return;
    const first = persons[0] as string;
    const time = ctx.changedAt.get(first) ?? ctx.next.clock;
    this.fromEvent(
      ctx,
      'RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL',
      persons,
      cat(
        names(this.ix, persons),
        lt(
          ': deported with no individual removal decision or risk assessment on record',
          ': deportovani bez pojedinačne odluke o udaljenju ili procene rizika u spisu',
          ': депортирани без поединечна одлука за отстранување или проценка на ризикот во списите',
          ': u dëbuan pa vendim individual largimi apo vlerësim rreziku në dosje',
          ': deportovani bez pojedinačne odluke o udaljenju ili procjene rizika u spisu',
        ),
      ),
      time,
    );
    // As a removal act would (onRemoval): whoever the team knew wanted asylum when they were sent out
    // was removed with the claim never examined.
    const seekers = persons.filter((id) => {
      const at = ctx.goneAt.get(id) ?? ctx.emitted.length;
      const when = ctx.emitted[at]?.time ?? ctx.changedAt.get(id) ?? ctx.next.clock;
      return this.knows(ctx, id, 'asylumExpressed', at, when);
    });
    if (seekers.length > 0)
      this.fromEvent(
        ctx,
        'RIGHTS.NONREFOULEMENT.PENDING_CLAIM',
        seekers,
        cat(names(this.ix, seekers), PENDING_CLAIM),
        time,
      );
  }

  // ── end of the run ──────────────────────────────────────────────────────────────────────────

  /**
   * Obligations never discharged: scored when their deadline passed, or (if `over`) because the run ended.
   * Returns the obligations still pending (not due, run not over) for the missed-opportunity list.
   */
  finalize(state: TeamState, over: boolean): Obligation[] {
    const pending: Obligation[] = [];
    this.sayWithheld();
    // Declining an informal return earns its credit only if the people then had their individual procedure:
    // a team that later removes them without one did not choose it, it only chose a later removal.
    // Only a removal of the people it credits withdraws it: removing others is judged on its own.
    const removedAfter = (credit: Finding) =>
      this.findings.some(
        (f) =>
          REMOVALS_WITHOUT_EXAMINATION.has(f.ruleId) &&
          f.seq > credit.seq &&
          f.persons.some((id) => credit.persons.includes(id)),
      );
    this.findings = this.findings.filter(
      (f) => f.ruleId !== 'RIGHTS.NONREFOULEMENT.REFUSED' || !removedAfter(f),
    );
    this.book.tick(state.clock, this.lastSeq);
    for (const o of this.book.all) {
      if (o.status !== 'open') continue;
      const spec = OBLIGATIONS[o.kind];
      const passed = o.passedAtSeq !== null;
      if (!spec.never || (!passed && !over)) {
        pending.push(o);
        continue;
      }
      if (o.person !== null) {
        const p = state.people[o.person];
        // Nobody left to assist: people who left before the deadline are covered by other rules.
        // A deadline that passed while they were still here stays a finding: leaving, being
        // removed or dying afterwards does not undo the assistance that was owed.
        if (
          p &&
          !isHere(p) &&
          (o.kind === 'first_aid' || o.kind === 'medical_care' || o.kind === 'liberty')
        ) {
          const left = this.leftAt.get(o.person);
          if (!passed || o.due === null || left === undefined || left <= o.due) continue;
        }
      }
      const time = passed && o.due !== null ? o.due : state.clock;
      const never = this.forPerson(o.kind, o.person, spec.never) ?? spec.never;
      // A registration or referral the log holds after the person's removal: said, not credited.
      const after =
        o.kind === 'asylum' && o.person !== null
          ? this.asylumAfterRemoval.get(o.person)
          : undefined;
      const rest = cat(
        spec.what,
        lt(' — missing ', ' — izostalo ', ' — изостана ', ' — mungoi ', ' — izostalo '),
        passed && o.due !== null
          ? cat(
              lt('within ', 'u roku od ', 'во рок од ', 'brenda ', 'u roku od '),
              duration(o.due - o.from),
              ofMoment(o.from, this.ix.c.scenario.startTime),
            )
          : lt(
              'until the run ended',
              'do kraja igre',
              'до крајот на играта',
              'deri në fund të lojës',
              'do kraja igre',
            ),
        after ? this.actedAfterRemoval(after) : '',
      );
      // Custody's safeguards are owed by the agency that held the person; any other duty by the first
      // agency the scenario lets discharge it for this person (or for everyone here), else for anyone.
      const forWhom = this.ix.dischargers.get(o.kind);
      const responsible =
        (o.kind === 'liberty' && o.person ? this.heldBy.get(o.person) : undefined) ??
        (o.person !== null ? forWhom?.get(o.person)?.[0] : undefined) ??
        forWhom?.get('*')?.[0] ??
        spec.dischargedBy.flatMap((a) => this.ix.actAgencies.get(a) ?? [])[0] ??
        null;
      const d = deadlineInfo(o);
      const noted = (ids: readonly string[]) =>
        ids.some((id) => o.kind === 'asylum' && this.asylumAfterRemoval.has(id));
      const same = this.findings.find(
        (f) =>
          // People owed by different agencies are different omissions; one whose finding says what
          // was done after their removal has a finding of their own.
          !after &&
          !noted(f.persons) &&
          f.undischarged &&
          f.ruleId === never &&
          f.role === responsible &&
          f.seq === o.triggeredBySeq &&
          f.time === time &&
          f.deadline?.due === o.due,
      );
      if (same && o.person) {
        same.persons = [...same.persons, o.person];
        same.detail = cat(names(this.ix, same.persons), ': ', rest);
        continue;
      }
      const detail = o.person ? cat(names(this.ix, [o.person]), ': ', rest) : rest;
      this.add({
        ruleId: never,
        seq: o.triggeredBySeq,
        time,
        role: responsible,
        participant: null,
        persons: o.person ? [o.person] : [],
        detail,
        triggeredBySeq: o.triggeredBySeq,
        undischarged: true,
        ...(d ? { deadline: d } : {}),
      });
    }
    if (over) this.finalizeAbsences(state);
    if (over) this.finalizeHarms(state);
    return pending;
  }

  /**
   * The finding of each removal says which acts done in person the log holds after it for the people it
   * removed (see IN_PERSON_ACTS): the removal's own finding naming them (a pushback, a handover, a
   * return), else the first finding of that event that names them (a witness lost, ...). Its points and
   * cause are unchanged. Findings are replaced, not changed in place (a live model's copy shares them).
   */
  private sayWithheld(): void {
    if (this.withheld.length === 0) return;
    const carriers = new Map<Finding, Set<string>>();
    const people = new Map<string, Set<number>>();
    for (const w of this.withheld)
      for (const id of w.persons) people.set(id, (people.get(id) ?? new Set()).add(w.removalSeq));
    for (const [id, seqs] of people)
      for (const seq of seqs) {
        const at = this.findings.filter(
          (f) => f.seq === seq && f.source === 'model' && f.persons.includes(id),
        );
        const f = at.find((x) => REMOVAL_FINDINGS.has(x.ruleId)) ?? at[0];
        if (f) carriers.set(f, (carriers.get(f) ?? new Set()).add(id));
      }
    this.findings = this.findings.map((f) => {
      const persons = carriers.get(f);
      const note = persons ? this.withheldNote(f, persons) : null;
      return note ? { ...f, detail: cat(f.detail, note) } : f;
    });
  }

  /** What an undischarged asylum finding adds about acts the log holds after the person's removal. */
  private actedAfterRemoval(after: {
    kinds: ReadonlySet<AsylumAct>;
    time: number;
    removedAt: number;
  }): LocalText {
    const start = this.ix.c.scenario.startTime;
    return cat(
      '; ',
      andJoined(
        ASYLUM_ACTS.filter((k) => after.kinds.has(k)).map((k) => ASYLUM_DONE[k]),
        OBLIGATIONS.asylum.what,
      ),
      atMoment(after.time, start),
      lt(
        ' — not counted: already removed',
        ' — ne računa se: već udaljen(a)',
        ' — не се брои: веќе отстранет(а)',
        ' — nuk llogaritet: ishte larguar tashmë',
        ' — ne računa se: već udaljen(a)',
      ),
      atMoment(after.removedAt, start),
    );
  }

  /** Deaths and serious injuries whose procedural duties were never fully discharged (ECHR art. 2). */
  private finalizeHarms(state: TeamState): void {
    const offered = (
      [
        'autopsy',
        'independent_inquiry',
        'secure_scene',
        'identify_deceased',
        'notify_family',
      ] as const
    ).some((k) => this.ix.acts.has(k));
    if (!offered) return;
    for (const h of this.harms.values()) {
      const missing = this.missingAfterHarm(h, true);
      if (missing.length === 0) continue;
      this.add({
        ruleId: 'RIGHTS.LIFE.NO_INQUIRY',
        seq: h.seq,
        time: state.clock,
        role: this.ix.actAgencies.get('independent_inquiry')?.[0] ?? null,
        participant: null,
        persons: [h.person],
        detail: cat(
          names(this.ix, [h.person]),
          h.dead
            ? lt(' died', ' je preminuo/la', ' почина', ' vdiq', ' je umro/la')
            : lt(
                ' was seriously injured',
                ' je teško povređen(a)',
                ' беше тешко повреден(а)',
                ' u plagos rëndë',
                ' je teško povrijeđen(a)',
              ),
          lt(
            '; never done: ',
            '; nikada urađeno: ',
            '; никогаш направено: ',
            '; nuk u bë kurrë: ',
            '; nikada urađeno: ',
          ),
          each((lang) => missing.map((m) => m[lang]).join(', ')),
        ),
        triggeredBySeq: h.seq,
        undischarged: true,
      });
    }
  }

  private finalizeAbsences(state: TeamState): void {
    const lastSeq = this.lastSeq;
    const responsible = (k: ActKind) => this.ix.actAgencies.get(k)?.[0] ?? null;
    if (this.ix.acts.has('financial_investigation') && !this.done.has('financial_investigation')) {
      this.add({
        ruleId: 'EVIDENCE.MONEY.NONE',
        source: 'case',
        seq: lastSeq,
        time: state.clock,
        role: responsible('financial_investigation'),
        participant: null,
        persons: [],
        detail: lt(
          'The money trail was never followed',
          'Trag novca nikada nije praćen',
          'Трагата на парите никогаш не беше следена',
          'Gjurma e parave nuk u ndoq kurrë',
          'Trag novca nikada nije praćen',
        ),
      });
    }
    if (
      this.done.has('informal_contact') &&
      ![...FORMAL_CROSSBORDER].some((k) => this.done.has(k))
    ) {
      const informal = state.acts.find((a) => a.kind === 'informal_contact');
      this.add({
        ruleId: 'EVIDENCE.CROSSBORDER.INFORMAL_ONLY',
        source: 'case',
        seq: informal?.seq ?? lastSeq,
        time: informal?.time ?? state.clock,
        role: informal?.role ?? null,
        participant: informal?.participant ?? null,
        persons: [],
        detail: lt(
          'Informal contact abroad never followed by a formal request',
          'Neformalni kontakt u inostranstvu nikada nije praćen formalnim zahtevom',
          'Неформалниот контакт во странство никогаш не беше проследен со формално барање',
          'Kontakti joformal jashtë vendit nuk u pasua kurrë nga një kërkesë formale',
          'Neformalni kontakt u inostranstvu nikada nije praćen formalnim zahtjevom',
        ),
      });
    }
  }
}
