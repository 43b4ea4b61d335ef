/**
 * Rights as obligations. Facts in the world (a child present, an asylum wish, a person in distress,
 * trafficking indicators, a deprivation of liberty, a witness about to leave, perishable CCTV) TRIGGER
 * obligations; acts or state changes DISCHARGE them, within a deadline in scenario time where the law or
 * practice sets one. What was never discharged is scored when its deadline passes or the run ends.
 *
 * Triggers read the replayed state after each event (people's attributes, whereabouts, what the team
 * knows), never option annotations, so they hold on whatever path led there.
 */
import type { RubricDeadlines, LocalText } from '../rubric/types';
import type { ActKind, Mention, Vulnerability } from '../schema';
import type { PersonState, TeamState } from '../state';
import type { ScenarioIndex } from './scenario-index';
import type { DeadlineInfo } from './types';
import { lt } from './text';
import { needsInterpreterIn, understands } from '../interpretation';

export type ObligationKind =
  | 'first_aid'
  | 'medical_care'
  | 'guardian'
  | 'asylum'
  | 'trafficking'
  | 'liberty'
  | 'deposition'
  | 'cctv'
  | 'protection'
  | 'consular';

export interface ObligationSpec {
  /** Acts that discharge it (for the person concerned). */
  dischargedBy: readonly ActKind[];
  /** Rule for a discharge within the deadline. */
  gain: string | null;
  /** Rule for a discharge after the deadline. */
  late: string | null;
  /** Rule when never discharged (deadline passed, or the run ended). */
  never: string | null;
  deadline: (d: RubricDeadlines) => number | null;
  what: LocalText;
}

export const OBLIGATIONS: Record<ObligationKind, ObligationSpec> = {
  first_aid: {
    dischargedBy: ['triage', 'medical_care'],
    gain: 'RIGHTS.LIFE.TRIAGE',
    late: 'RIGHTS.LIFE.TRIAGE_LATE',
    never: 'RIGHTS.LIFE.NO_ASSISTANCE',
    deadline: (d) => d.firstAid,
    what: lt(
      'first aid and triage',
      'prva pomoć i trijaža',
      'прва помош и тријажа',
      'ndihmë e parë dhe triazh',
      'prva pomoć i trijaža',
    ),
  },
  medical_care: {
    dischargedBy: ['medical_care'],
    gain: 'RIGHTS.MEDICAL.CARE',
    late: 'RIGHTS.MEDICAL.DELAYED',
    never: 'RIGHTS.MEDICAL.DENIED',
    deadline: (d) => d.medicalCare,
    what: lt(
      'medical care',
      'medicinska pomoć',
      'медицинска помош',
      'kujdes mjekësor',
      'medicinska pomoć',
    ),
  },
  guardian: {
    dischargedBy: ['request_guardian'],
    gain: 'RIGHTS.CHILD.GUARDIAN',
    late: 'RIGHTS.CHILD.GUARDIAN_LATE',
    never: 'RIGHTS.CHILD.NO_GUARDIAN',
    deadline: (d) => d.guardian,
    what: lt(
      'a temporary guardian',
      'privremeni staratelj',
      'привремен старател',
      'një kujdestar i përkohshëm',
      'privremeni staratelj',
    ),
  },
  asylum: {
    dischargedBy: ['register_asylum_intention', 'refer_asylum'],
    gain: 'RIGHTS.ASYLUM.REGISTERED',
    late: 'RIGHTS.ASYLUM.REGISTERED_LATE',
    never: 'RIGHTS.ASYLUM.IGNORED',
    deadline: (d) => d.asylumRegistration,
    what: lt(
      'registration of the asylum intention',
      'evidentiranje namere traženja azila',
      'евидентирање на намерата за барање азил',
      'regjistrimi i qëllimit për të kërkuar azil',
      'evidentiranje namjere traženja azila',
    ),
  },
  trafficking: {
    dischargedBy: ['refer_trafficking_identification', 'reflection_period'],
    gain: 'RIGHTS.TRAFFICKING.REFERRED',
    late: null,
    never: 'RIGHTS.TRAFFICKING.NOT_REFERRED',
    deadline: (d) => d.traffickingReferral,
    what: lt(
      'referral for victim identification',
      'upućivanje na identifikaciju žrtve',
      'упатување на идентификација како жртва',
      'referimi për identifikim si viktimë',
      'upućivanje na identifikaciju žrtve',
    ),
  },
  liberty: {
    dischargedBy: ['lawyer_access', 'alternatives_to_detention'],
    gain: 'RIGHTS.LIBERTY.REVIEWED',
    late: 'RIGHTS.LIBERTY.NO_REVIEW',
    never: 'RIGHTS.LIBERTY.NO_REVIEW',
    deadline: (d) => d.judicialReview,
    what: lt(
      'written reasons and review of the detention',
      'pisano obrazloženje i preispitivanje zadržavanja',
      'писмено образложение и преиспитување на задржувањето',
      'arsyetim me shkrim dhe rishikim i ndalimit',
      'pisano obrazloženje i preispitivanje zadržavanja',
    ),
  },
  deposition: {
    dischargedBy: ['deposition', 'video_hearing'],
    gain: null,
    late: null,
    never: null,
    deadline: () => null,
    what: lt(
      'a deposition the defence can test, before departure',
      'saslušanje koje odbrana može da ispita, pre odlaska',
      'сослушување што одбраната може да го испита, пред заминувањето',
      'një dëshmi që mbrojtja mund ta shqyrtojë, para largimit',
      'saslušanje koje odbrana može ispitati, prije odlaska',
    ),
  },
  protection: {
    dischargedBy: ['witness_protection'],
    gain: null,
    late: null,
    never: null,
    deadline: () => null,
    what: lt(
      'protective measures for a witness who fears retaliation',
      'mere zaštite za svedoka koji se plaši odmazde',
      'мерки за заштита на сведок што се плаши од одмазда',
      'masa mbrojtëse për një dëshmitar që ka frikë nga hakmarrja',
      'mjere zaštite za svjedoka koji se boji odmazde',
    ),
  },
  consular: {
    dischargedBy: ['consular_notification'],
    gain: null,
    late: null,
    never: 'RIGHTS.CONSULAR.REQUEST_IGNORED',
    deadline: () => null,
    what: lt(
      'telling the consulate, as the detained person asked',
      'obaveštavanje konzulata, kako je lice lišeno slobode tražilo',
      'известување на конзулатот, како што побара лицето лишено од слобода',
      'njoftimi i konsullatës, siç kërkoi personi i privuar nga liria',
      'obavještavanje konzulata, kako je tražilo lice lišeno slobode',
    ),
  },
  cctv: {
    dischargedBy: ['preserve_cctv'],
    gain: 'EVIDENCE.CCTV.PRESERVED',
    late: 'EVIDENCE.CCTV.LOST',
    never: 'EVIDENCE.CCTV.LOST',
    deadline: (d) => d.cctvPartial,
    what: lt(
      'preservation of CCTV/ANPR/toll data',
      'čuvanje CCTV/ANPR podataka i podataka sa naplatnih stanica',
      'зачувување на податоците од видеонадзор, ANPR и наплатните станици',
      'ruajtja e të dhënave CCTV/ANPR dhe të pikave të pagesës',
      'čuvanje CCTV/ANPR podataka i podataka s naplatnih stanica',
    ),
  },
};

export interface Obligation {
  kind: ObligationKind;
  person: string | null;
  triggeredBySeq: number;
  from: number;
  /** Scenario minute it falls due (null: no fixed deadline). */
  due: number | null;
  /** moot: the person left before the deadline, so the team could no longer discharge it. */
  status: 'open' | 'discharged' | 'moot';
  actedAt: number | null;
  actedBySeq: number | null;
  /** seq of the event during which the deadline passed while still open. */
  passedAtSeq: number | null;
}

export function deadlineInfo(o: Obligation): DeadlineInfo | undefined {
  if (o.due === null) return undefined;
  return {
    kind: o.kind,
    from: o.from,
    due: o.due,
    minutes: o.due - o.from,
    actedAt: o.actedAt,
    passedAtSeq: o.passedAtSeq,
  };
}

// ── Facts about people, as the team could know them ────────────────────────────────────────────────

/**
 * What the team had read and seen at some moment. Read from a state it is everything that state holds;
 * the scoring model reads it as it stood when an act was done (TeamModel.knownAt), so a document revealed
 * or an attribute observed later in the same option does not count for that act.
 */
export interface Known {
  /** The scenario minute: a document dated later (`from`) cannot have been read yet. */
  clock: number;
  /** Whether the document or item had been revealed to some agency of the team (one trainees play). */
  revealed(item: string): boolean;
  /** Whether the evidence item had been obtained. */
  obtained(item: string): boolean;
  /** Whether some agency had observed this hidden attribute of the person. */
  observed(person: string, attr: string): boolean;
}

/** Only agencies trainees play read for the team: what the facilitator's agencies (a court, an interpreter
 * register) hold is the world's knowledge, not the team's. */
export const readsForTeam = (ix: ScenarioIndex, agencies: readonly string[] | undefined): boolean =>
  agencies?.some((a) => ix.c.playable.includes(a)) === true;

/** What a state holds: everything revealed, obtained and observed so far, at its clock. */
export function knownIn(ix: ScenarioIndex, s: TeamState): Known {
  return {
    clock: s.clock,
    revealed: (item) => readsForTeam(ix, s.reveals[item]),
    obtained: (item) => s.evidence[item] !== undefined,
    observed: (person, attr) => (s.observed[person]?.[attr]?.length ?? 0) > 0,
  };
}

/** Whether the team knows this attribute of this person (not hidden, or observed by some agency). */
export function knowsAttr(
  ix: ScenarioIndex,
  s: TeamState,
  person: string,
  attr: string,
  k?: Known,
): boolean {
  const hidden = ix.c.people.get(person)?.hidden;
  if (!hidden || !hidden.includes(attr as never)) return true;
  return k ? k.observed(person, attr) : (s.observed[person]?.[attr]?.length ?? 0) > 0;
}

/**
 * What the documents and evidence items some agency of the team can read say about a person (a passport's
 * date of birth, a message naming a boy travelling alone): the team knows it as surely as what it was told.
 * `k`: as the team knew it then (default: everything the state holds).
 */
export function documented(ix: ScenarioIndex, s: TeamState, person: string, k?: Known): Mention[] {
  const sources = ix.mentions.get(person);
  if (!sources) return [];
  const known = k ?? knownIn(ix, s);
  const out: Mention[] = [];
  for (const m of sources) {
    const revealed = known.revealed(m.id);
    if (m.kind === 'document') {
      const d = ix.c.documents.get(m.id);
      if (revealed || (d && readsForTeam(ix, d.visibleTo) && known.clock >= (d.from ?? 0)))
        out.push(m.mention);
    } else if (
      known.obtained(m.id) &&
      (revealed || readsForTeam(ix, ix.c.evidence.get(m.id)?.visibleTo))
    )
      out.push(m.mention);
  }
  return out;
}

/** Facts about a person that the act rules and the obligations turn on. */
export type PersonFact = 'asylumExpressed' | 'traffickingIndicators' | 'fearsRetaliation';

const FACT_HOLDS: Record<PersonFact, (x: Partial<Pick<Mention, PersonFact>>) => boolean> = {
  asylumExpressed: (x) => x.asylumExpressed === true,
  traffickingIndicators: (x) => (x.traffickingIndicators?.length ?? 0) > 0,
  fearsRetaliation: (x) => x.fearsRetaliation === true,
};

/**
 * Whether the team knows `fact` about a person: their own attribute, told or seen (not hidden, or
 * observed), or a document or item the team can read that states it (an asylum wish in a CSO letter, debt
 * bondage in an inspection record, a fear of retaliation in an official note). The wish or the fear is
 * known however the team learnt it, and the same act is judged the same (brief §1.4: the intention may be
 * expressed to anyone). `k`: as the team knew it then (default: everything the state holds).
 */
export function knowsFact(
  ix: ScenarioIndex,
  s: TeamState,
  id: string,
  p: PersonState | undefined,
  fact: PersonFact,
  k?: Known,
): boolean {
  const holds = FACT_HOLDS[fact];
  if (p && holds(p) && knowsAttr(ix, s, id, fact, k)) return true;
  return documented(ix, s, id, k).some(holds);
}

/** Whether any agency of the team knows the person exists (met them, or read about them). */
export function knowsPerson(ix: ScenarioIndex, s: TeamState, person: string): boolean {
  const knownTo = ix.c.people.get(person)?.knownTo;
  return (
    knownTo === undefined ||
    knownTo.length > 0 ||
    (s.known[person]?.length ?? 0) > 0 ||
    documented(ix, s, person).length > 0
  );
}

const under18 = (n: number | null | undefined) => n !== null && n !== undefined && n < 18;

const documentsVulnerability = (ix: ScenarioIndex, s: TeamState, id: string, v: Vulnerability) =>
  documented(ix, s, id).some((m) => m.vulnerabilities?.includes(v) === true);

/** A child, or someone who says, appears or is documented to be one (benefit of the doubt). */
export function isChild(ix: ScenarioIndex, s: TeamState, id: string, p: PersonState): boolean {
  return (
    (under18(p.claimedAge) && knowsAttr(ix, s, id, 'claimedAge')) ||
    (under18(p.apparentAge) && knowsAttr(ix, s, id, 'apparentAge')) ||
    (p.vulnerabilities.includes('child') && knowsAttr(ix, s, id, 'vulnerabilities')) ||
    documented(ix, s, id).some((m) => under18(m.age) || m.vulnerabilities?.includes('child'))
  );
}

const HERE = new Set(['present', 'in_custody']);

export function isHere(p: PersonState): boolean {
  return HERE.has(p.whereabouts);
}

/** Conditions that call for first aid and triage at once (and medical care after it). */
const DISTRESS: readonly Vulnerability[] = [
  'hypothermia',
  'injury',
  'serious_injury',
  'acute_illness',
];

export function inDistress(ix: ScenarioIndex, s: TeamState, id: string, p: PersonState): boolean {
  return (
    (DISTRESS.some((v) => p.vulnerabilities.includes(v)) &&
      knowsAttr(ix, s, id, 'vulnerabilities')) ||
    DISTRESS.some((v) => documentsVulnerability(ix, s, id, v))
  );
}

export function needsMedical(ix: ScenarioIndex, s: TeamState, id: string, p: PersonState): boolean {
  return (
    inDistress(ix, s, id, p) ||
    (p.vulnerabilities.includes('pregnancy') && knowsAttr(ix, s, id, 'vulnerabilities')) ||
    documentsVulnerability(ix, s, id, 'pregnancy')
  );
}

export { understands };

export function needsInterpreter(ix: ScenarioIndex, p: PersonState): boolean {
  return needsInterpreterIn(ix.workingLanguages, p.languages);
}

/**
 * Which obligations a person's current state calls for. Liberty (on entering custody, unless a judge
 * ordered it), deposition (on a foreseeable departure) and cctv (at the start) are triggered elsewhere.
 */
export function personTriggers(
  ix: ScenarioIndex,
  s: TeamState,
  id: string,
  p: PersonState,
): ObligationKind[] {
  if (!knowsPerson(ix, s, id) || p.kind === 'official') return [];
  const out: ObligationKind[] = [];
  const here = isHere(p);
  if (p.whereabouts === 'departed' || p.whereabouts === 'deported') return out;
  if (here && inDistress(ix, s, id, p)) out.push('first_aid');
  if (here && needsMedical(ix, s, id, p)) out.push('medical_care');
  if (isChild(ix, s, id, p) && p.accompanied !== true && p.guardian !== true) out.push('guardian');
  if (knowsFact(ix, s, id, p, 'asylumExpressed')) out.push('asylum');
  if (knowsFact(ix, s, id, p, 'traffickingIndicators')) out.push('trafficking');
  if (knowsFact(ix, s, id, p, 'fearsRetaliation')) out.push('protection');
  return out;
}

/** Whether the scenario offers any way to discharge an obligation (else it is not scored). */
export function dischargeable(ix: ScenarioIndex, kind: ObligationKind): boolean {
  if (OBLIGATIONS[kind].dischargedBy.some((a) => ix.acts.has(a))) return true;
  if (kind === 'guardian') return ix.setsGuardian;
  if (kind === 'medical_care' || kind === 'first_aid') return ix.setsHospital;
  if (kind === 'liberty') return ix.acts.has('release');
  return false;
}

/**
 * The open and closed obligations of one team. A clone (for evaluating one more event) shares the
 * obligations with its original and copies them on its first change.
 */
export class ObligationBook {
  private list: Obligation[] = [];
  /** kind|person → index of the latest obligation of that kind for that person. */
  private latest = new Map<string, number>();
  private shared = false;

  get all(): readonly Obligation[] {
    return this.list;
  }

  clone(): ObligationBook {
    const b = new ObligationBook();
    b.list = this.list;
    b.latest = this.latest;
    b.shared = true;
    return b;
  }

  private own(): void {
    if (!this.shared) return;
    this.list = this.list.map((o) => ({ ...o }));
    this.latest = new Map(this.latest);
    this.shared = false;
  }

  find(kind: ObligationKind, person: string | null): Obligation | undefined {
    const i = this.latest.get(`${kind}|${person ?? ''}`);
    return i === undefined ? undefined : this.list[i];
  }

  open(kind: ObligationKind, person: string | null): Obligation | undefined {
    const o = this.find(kind, person);
    return o && o.status === 'open' ? o : undefined;
  }

  /**
   * Trigger an obligation unless one of that kind already exists for that person. Liberty obligations
   * re-trigger for each new spell of custody (after the previous one was discharged).
   */
  trigger(
    kind: ObligationKind,
    person: string | null,
    seq: number,
    time: number,
    due: number | null,
  ): Obligation | null {
    const prev = this.find(kind, person);
    if (prev && (prev.status === 'open' || kind !== 'liberty')) return null;
    this.own();
    const o: Obligation = {
      kind,
      person,
      triggeredBySeq: seq,
      from: time,
      due,
      status: 'open',
      actedAt: null,
      actedBySeq: null,
      passedAtSeq: null,
    };
    this.latest.set(`${kind}|${person ?? ''}`, this.list.length);
    this.list.push(o);
    return o;
  }

  /** Mark an obligation discharged; returns the (possibly copied) obligation as it now is. */
  discharge(o: Obligation, seq: number, time: number): Obligation {
    const mine = this.mine(o);
    mine.status = 'discharged';
    mine.actedAt = time;
    mine.actedBySeq = seq;
    return mine;
  }

  /** Move an open obligation's deadline (a departure announced for another day). */
  setDue(o: Obligation, due: number): void {
    this.mine(o).due = due;
  }

  private mine(o: Obligation): Obligation {
    if (!this.shared) return o;
    const i = this.list.indexOf(o);
    this.own();
    const copy = this.list[i];
    if (!copy) throw new Error('obligation not in this book');
    return copy;
  }

  /**
   * The person left: open obligations whose deadline had not passed can no longer be discharged. Those of
   * the kinds in `keep` stay open (a removal by the state does not excuse what was owed before it).
   */
  moot(person: string, keep: readonly ObligationKind[] = []): void {
    const moots = (o: Obligation) =>
      o.person === person &&
      o.status === 'open' &&
      o.passedAtSeq === null &&
      !keep.includes(o.kind);
    if (!this.list.some(moots)) return;
    this.own();
    for (const o of this.list) if (moots(o)) o.status = 'moot';
  }

  /** Mark deadlines that passed while the clock moved to `clock`. */
  tick(clock: number, seq: number): void {
    const passing = (o: Obligation) =>
      o.status === 'open' && o.due !== null && o.passedAtSeq === null && clock > o.due;
    if (!this.list.some(passing)) return;
    this.own();
    for (const o of this.list) if (passing(o)) o.passedAtSeq = seq;
  }
}
