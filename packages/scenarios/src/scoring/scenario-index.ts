/**
 * What the scoring model needs to know about a scenario before reading any event: which acts it can
 * produce at all (so absence is only penalised where the scenario offered a way), who can perform them,
 * who the witnesses are and when departures are foreseeable.
 */
import type { CompiledScenario } from '../compile';
import { scenarioWorkingLanguages } from '../country';
import type { ActKind, Condition, Effect, EvidenceDef, Mention, Text } from '../schema';
import { textIn, type PERSON_GROUPS } from '../schema';
import type { LocalText } from '../rubric/types';
import { interpreterTaint, interpreterTies, passengerInterpreter } from '../ties';
import type { OffenceElement } from './types';
import { OBLIGATIONS, type ObligationKind } from './obligations';
import { list, lt, same, type FullText, type SomeText } from './text';

export interface ScenarioIndex {
  c: CompiledScenario;
  /** Act kinds that appear anywhere (options, request answers, injects, phase entries). */
  acts: Set<ActKind>;
  /** Act kind → agencies whose decisions or requests can produce it, in scenario agency order. */
  actAgencies: Map<ActKind, string[]>;
  /** People whose statement is evidence (kind witness, or the source of a testimony item). */
  witnesses: Set<string>;
  /** People some option, request or inject can depose or hear by video (groups resolved). */
  deposable: Set<string>;
  /**
   * Person → agencies whose decisions or requests can depose them or hear them by video, in
   * scenario agency order: who owed the deposition of a witness whose departure was foreseen.
   */
  deposers: Map<string, string[]>;
  /** Person → testimony evidence ids they are the source of. */
  testimonyOf: Map<string, string[]>;
  /** Timed injects that make a person leave: person → minute. */
  timedDepartures: Map<string, number>;
  /** Inject id → people it makes leave (used when an inject is scheduled). */
  departureInjects: Map<string, string[]>;
  /**
   * Decision → options that return people informally: a pushback, an informal handover, or people set to
   * deported with no removal act naming them (sent out through a gate, nothing on record) → the people
   * each would send out (groups resolved; empty when its act names nobody).
   */
  refoulementOptions: Map<string, Map<string, string[]>>;
  /** Request → the people its grant effects name (acts done to them, changes to them, facts observed). */
  requestPeople: Map<string, Set<string>>;
  /**
   * Request → person → the obligations its grant effects would discharge for them: an act that discharges
   * one naming them, taking them to hospital (first aid, medical care), giving them a guardian. `*`: an
   * act naming nobody that is done to everyone still here (triage, medical care).
   */
  requestDischarges: Map<string, Map<string, Set<ObligationKind>>>;
  /**
   * Obligation → person → the agencies whose decisions or requests can discharge it for them (as
   * requestDischarges reads an effect; `*`: for everyone still here), in scenario agency order: who
   * owed a duty to that person that was never met.
   */
  dischargers: Map<ObligationKind, Map<string, string[]>>;
  /** Offence elements some evidence item of the scenario can prove. */
  elements: Set<OffenceElement>;
  /**
   * The scenario gives a basis for a criminal case against the smugglers: some evidence item can prove
   * an offence element, or some effect charges smuggling or trafficking or makes a plea agreement.
   * Without one, the debrief assesses no criminal case (its outcome is `not_applicable`).
   */
  criminalCase: boolean;
  /** Some effect can give a person a guardian / take a person to hospital. */
  setsGuardian: boolean;
  setsHospital: boolean;
  evidence: Map<string, EvidenceDef>;
  workingLanguages: string[];
  /**
   * Evidence some option, request or inject obtains properly: custody kept, a proper interpreter, consent
   * where needed, the order it needs, not tainted on the way and with no flawed act beside it. Only these are
   * proposed as missed opportunities (never a statement taken through a co-national interpreter).
   */
  properlyObtainable: Set<string>;
  /** Person → what documents and evidence items say about them (read once the team can read the item). */
  mentions: Map<string, MentionSource[]>;
}

/** A document or an evidence item, and what it says about one person. */
export interface MentionSource {
  kind: 'document' | 'evidence';
  id: string;
  mention: Mention;
}

export { interpreterTaint, interpreterTies, passengerInterpreter };

const ORDER_RANK: Record<string, number> = { none: 0, prosecutor: 1, judicial: 2 };

/** An act that makes what it produces unusable (or unlawful) whatever the provenance says. */
function flawedAct(e: Effect, c: CompiledScenario): boolean {
  if (!('act' in e)) return false;
  const p = (e.params ?? {}) as Record<string, unknown>;
  // Tied to the suspects or the person heard, or one of the smuggled passengers: no neutral interpreter.
  const tiedInterpreter = () =>
    typeof p.interpretedBy === 'string' &&
    (e.person !== undefined ? [e.person] : (e.persons ?? [])).some(
      (heard) =>
        interpreterTies(c, p.interpretedBy as string, heard).length > 0 ||
        passengerInterpreter(c, p.interpretedBy as string, heard),
    );
  switch (e.act) {
    case 'interview':
      return (
        tiedInterpreter() ||
        (p.purpose !== 'screening' &&
          (p.interpreter === 'co_national' ||
            p.interpreter === 'none' ||
            p.interpreter === 'uncertified')) ||
        (p.purpose === 'child' && p.guardianPresent !== true) ||
        (p.purpose === 'suspect' && p.lawyerPresent !== true)
      );
    case 'deposition':
      return (
        tiedInterpreter() ||
        p.defenceNotified !== true ||
        p.interpreter === 'co_national' ||
        p.interpreter === 'none'
      );
    case 'device_search':
      return p.order === 'none';
    case 'migrant_phone_extraction':
      return p.consent !== 'recorded' && p.order !== true;
    case 'interception':
      return p.order !== true || p.expired === true;
    case 'undercover':
      return p.incitement === true || p.order === 'none';
    case 'vehicle_search':
      return p.witnessed !== true || p.sealed !== true;
    case 'osint_capture':
      return p.hashed !== true;
    case 'fiu_conversion':
      return p.converted !== true;
    case 'plea_agreement':
      return p.formal !== true;
    default:
      return false;
  }
}

function properEvidence(lists: readonly (readonly Effect[])[], c: CompiledScenario): Set<string> {
  const defs = c.evidence;
  const out = new Set<string>();
  for (const list of lists) {
    const flat = [...walk(list)];
    if (flat.some((e) => flawedAct(e, c))) continue;
    const tainted = new Set(flat.flatMap((e) => ('taint' in e ? [e.taint] : [])));
    for (const e of flat) {
      if (!('evidence' in e) || !('obtained' in e)) continue;
      const def = defs.get(e.evidence);
      const o = e.obtained;
      const orderOk =
        !def?.needsOrder || (ORDER_RANK[o.order] ?? 0) >= (ORDER_RANK[def.needsOrder] ?? 0);
      if (
        !tainted.has(e.evidence) &&
        o.custody === 'kept' &&
        (o.interpreter === 'certified' || o.interpreter === 'not_needed') &&
        (o.consent === 'recorded' || o.consent === 'not_needed') &&
        orderOk
      )
        out.add(e.evidence);
    }
  }
  return out;
}

function* walk(effects: readonly Effect[] | undefined): Generator<Effect> {
  for (const e of effects ?? []) {
    yield e;
    if ('if' in e) {
      yield* walk(e.then);
      yield* walk(e.else);
    }
  }
}

/** Acts that, naming nobody, are done to everyone still here (the whole vehicle). */
export const ALL_PEOPLE_ACTS: ReadonlySet<ActKind> = new Set<ActKind>([
  'triage',
  'medical_care',
  'keep_inside_vehicle',
  'open_vehicle',
]);

const actOf = (e: Effect): ActKind | null => ('act' in e ? e.act : null);

/** The minute before which a condition cannot hold, when it requires `time ≥ T` (directly or in an `all`). */
function earliestTime(c: Condition): number | null {
  if ('time' in c) return c.time.gte ?? null;
  if ('all' in c) {
    const ts = c.all.map(earliestTime).filter((t): t is number => t !== null);
    return ts.length > 0 ? Math.max(...ts) : null;
  }
  return null;
}

const GONE = new Set(['departed', 'deported']);

/**
 * What the scoring needs to know about a scenario, built once. `workingLanguages` are the languages the
 * interviewing officers speak (default: the scenario's own, else its country's official languages).
 */
export function indexScenario(
  c: CompiledScenario,
  workingLanguages: string[] = scenarioWorkingLanguages(c.scenario),
): ScenarioIndex {
  const s = c.scenario;
  const acts = new Set<ActKind>();
  const agenciesByAct = new Map<ActKind, Set<string>>();
  const deposable = new Set<string>();
  /** The people an act names: its person, else its persons, else its group's members. */
  const peopleOf = (e: {
    person?: string;
    persons?: string[];
    group?: (typeof PERSON_GROUPS)[number];
  }) =>
    e.person !== undefined ? [e.person] : (e.persons ?? (e.group ? (c.groups[e.group] ?? []) : []));
  const deposing = (e: Effect): readonly string[] =>
    'act' in e && (e.act === 'deposition' || e.act === 'video_hearing') ? peopleOf(e) : [];
  const KINDS = Object.keys(OBLIGATIONS) as ObligationKind[];
  /** What an effect discharges, for whom: an act that discharges an obligation, a change that meets one. */
  const dischargesOf = (e: Effect): [ObligationKind, readonly string[]][] => {
    if ('act' in e) {
      const ids = peopleOf(e);
      const whom = ids.length > 0 || !ALL_PEOPLE_ACTS.has(e.act) ? ids : ['*'];
      return KINDS.filter((kind) => OBLIGATIONS[kind].dischargedBy.includes(e.act)).map((kind) => [
        kind,
        whom,
      ]);
    }
    if (!('person' in e && 'set' in e)) return [];
    const out: [ObligationKind, readonly string[]][] = [];
    if (e.set.whereabouts === 'hospital')
      out.push(['first_aid', [e.person]], ['medical_care', [e.person]]);
    if (e.set.guardian === true) out.push(['guardian', [e.person]]);
    return out;
  };
  const dischargerSets = new Map<ObligationKind, Map<string, Set<string>>>();
  const noteDischargers = (e: Effect, agencies: readonly string[]) => {
    for (const [kind, ids] of dischargesOf(e)) {
      const byPerson = dischargerSets.get(kind) ?? new Map<string, Set<string>>();
      for (const id of ids) {
        const set = byPerson.get(id) ?? new Set<string>();
        for (const a of agencies) set.add(a);
        byPerson.set(id, set);
      }
      dischargerSets.set(kind, byPerson);
    }
  };
  const noteAct = (e: Effect) => {
    for (const id of deposing(e)) deposable.add(id);
  };
  const deposerSets = new Map<string, Set<string>>();
  const noteDeposers = (e: Effect, agencies: readonly string[]) => {
    for (const id of deposing(e)) {
      const set = deposerSets.get(id) ?? new Set<string>();
      for (const a of agencies) set.add(a);
      deposerSets.set(id, set);
    }
  };
  const note = (kind: ActKind, agencies: readonly string[]) => {
    acts.add(kind);
    const set = agenciesByAct.get(kind) ?? new Set<string>();
    for (const a of agencies) set.add(a);
    agenciesByAct.set(kind, set);
  };
  const refoulementOptions = new Map<string, Map<string, string[]>>();
  for (const p of s.phases) {
    for (const e of walk(p.onEnter)) {
      const k = actOf(e);
      if (k) note(k, []);
    }
    for (const d of p.decisions) {
      for (const o of d.options) {
        let informal = false;
        const sentOut = new Set<string>();
        const deported = new Set<string>();
        const removedByAct = new Set<string>();
        for (const e of walk(o.effects)) {
          noteDischargers(e, [...d.agencies, ...(d.joint ?? [])]);
          if ('person' in e && 'set' in e && e.set.whereabouts === 'deported')
            deported.add(e.person);
          const k = actOf(e);
          if (!k || !('act' in e)) continue;
          note(k, [...d.agencies, ...(d.joint ?? [])]);
          noteDeposers(e, [...d.agencies, ...(d.joint ?? [])]);
          if (k === 'pushback' || k === 'handover_foreign') {
            informal = true;
            for (const id of peopleOf(e)) sentOut.add(id);
          }
          if (k === 'return_removal') for (const id of peopleOf(e)) removedByAct.add(id);
        }
        for (const id of deported) if (!removedByAct.has(id)) sentOut.add(id);
        if (informal || sentOut.size > 0) {
          const options = refoulementOptions.get(d.id) ?? new Map<string, string[]>();
          options.set(o.id, [...sentOut]);
          refoulementOptions.set(d.id, options);
        }
      }
    }
  }
  for (const r of s.requests) {
    for (const e of walk([...(r.grantEffects ?? []), ...(r.refuseEffects ?? [])])) {
      const k = actOf(e);
      if (k) note(k, r.from);
      noteDeposers(e, r.from);
      noteDischargers(e, r.from);
    }
  }
  const requestPeople = new Map<string, Set<string>>();
  for (const r of s.requests) {
    const named = new Set<string>();
    for (const e of walk(r.grantEffects)) {
      if ('act' in e) for (const id of peopleOf(e)) named.add(id);
      else if ('person' in e && 'set' in e) named.add(e.person);
      else if ('observe' in e) named.add(e.observe);
    }
    requestPeople.set(r.id, named);
  }
  const requestDischarges = new Map<string, Map<string, Set<ObligationKind>>>();
  for (const r of s.requests) {
    const byPerson = new Map<string, Set<ObligationKind>>();
    for (const e of walk(r.grantEffects))
      for (const [kind, ids] of dischargesOf(e))
        for (const id of ids) byPerson.set(id, (byPerson.get(id) ?? new Set()).add(kind));
    if (byPerson.size > 0) requestDischarges.set(r.id, byPerson);
  }
  const departureInjects = new Map<string, string[]>();
  const timedDepartures = new Map<string, number>();
  for (const inj of s.injects) {
    const leaving: string[] = [];
    for (const e of walk(inj.effects)) {
      const k = actOf(e);
      if (k) note(k, []);
      if ('person' in e && 'set' in e && e.set.whereabouts && GONE.has(e.set.whereabouts))
        leaving.push(e.person);
    }
    if (leaving.length > 0) {
      departureInjects.set(inj.id, leaving);
      // A departure is foreseeable at a known minute when the inject is timed, or conditional on "time ≥ T".
      const when =
        typeof inj.release === 'object' && 'at' in inj.release
          ? inj.release.at
          : typeof inj.release === 'object' && 'when' in inj.release
            ? earliestTime(inj.release.when)
            : null;
      if (when !== null) {
        for (const person of leaving) {
          const prev = timedDepartures.get(person);
          if (prev === undefined || when < prev) timedDepartures.set(person, when);
        }
      }
    }
  }
  let setsGuardian = false;
  let setsHospital = false;
  let charges = false;
  const allEffects: Effect[] = [];
  for (const p of s.phases) {
    allEffects.push(...(p.onEnter ?? []));
    for (const d of p.decisions) for (const o of d.options) allEffects.push(...o.effects);
  }
  for (const r of s.requests)
    allEffects.push(...(r.grantEffects ?? []), ...(r.refuseEffects ?? []));
  for (const inj of s.injects) allEffects.push(...(inj.effects ?? []));
  for (const e of walk(allEffects)) {
    noteAct(e);
    if (
      'act' in e &&
      (e.act === 'plea_agreement' ||
        (e.act === 'charge' &&
          ['smuggling', 'trafficking'].includes(String((e.params ?? {}).offence))))
    )
      charges = true;
    if ('person' in e && 'set' in e) {
      if (e.set.guardian === true) setsGuardian = true;
      if (e.set.whereabouts === 'hospital') setsHospital = true;
    }
  }
  const effectLists: Effect[][] = [];
  for (const p of s.phases) {
    if (p.onEnter) effectLists.push(p.onEnter);
    for (const d of p.decisions) for (const o of d.options) effectLists.push(o.effects);
  }
  for (const r of s.requests) if (r.grantEffects) effectLists.push(r.grantEffects);
  for (const inj of s.injects) if (inj.effects) effectLists.push(inj.effects);
  const properlyObtainable = properEvidence(effectLists, c);
  const mentions = new Map<string, MentionSource[]>();
  const mention = (kind: MentionSource['kind'], id: string, list?: readonly Mention[]) => {
    for (const m of list ?? [])
      mentions.set(m.person, [...(mentions.get(m.person) ?? []), { kind, id, mention: m }]);
  };
  for (const d of s.documents) mention('document', d.id, d.about);
  for (const ev of s.evidence) mention('evidence', ev.id, ev.about);
  const agencyOrder = s.agencies.map((a) => a.id);
  const actAgencies = new Map<ActKind, string[]>();
  for (const [k, set] of agenciesByAct)
    actAgencies.set(
      k,
      agencyOrder.filter((a) => set.has(a)),
    );
  const dischargers = new Map<ObligationKind, Map<string, string[]>>();
  for (const [kind, byPerson] of dischargerSets)
    dischargers.set(
      kind,
      new Map([...byPerson].map(([id, set]) => [id, agencyOrder.filter((a) => set.has(a))])),
    );
  const deposers = new Map<string, string[]>();
  for (const [person, set] of deposerSets)
    deposers.set(
      person,
      agencyOrder.filter((a) => set.has(a)),
    );

  const testimonyOf = new Map<string, string[]>();
  const witnesses = new Set<string>();
  for (const p of s.people) if (p.kind === 'witness') witnesses.add(p.id);
  const elements = new Set<OffenceElement>();
  for (const ev of s.evidence) {
    for (const el of ev.element) elements.add(el);
    if (ev.kind === 'testimony' && c.people.has(ev.source)) {
      witnesses.add(ev.source);
      testimonyOf.set(ev.source, [...(testimonyOf.get(ev.source) ?? []), ev.id]);
    }
  }
  return {
    c,
    acts,
    actAgencies,
    witnesses,
    deposable,
    deposers,
    testimonyOf,
    timedDepartures,
    departureInjects,
    refoulementOptions,
    requestPeople,
    requestDischarges,
    dischargers,
    elements,
    criminalCase: elements.size > 0 || charges,
    setsGuardian,
    setsHospital,
    evidence: c.evidence,
    workingLanguages,
    properlyObtainable,
    mentions,
  };
}

/**
 * A scenario Text as a debrief text: English and Serbian (Latin, English where the scenario lacks
 * it), plus each of Macedonian, Albanian and Bosnian the scenario has for this text.
 */
export function local(t: Text): LocalText {
  const out: LocalText = { en: textIn(t, 'en'), 'sr-Latn': textIn(t, 'sr-Latn') };
  if (typeof t !== 'string') {
    if (t.mk !== undefined) out.mk = t.mk;
    if (t.sq !== undefined) out.sq = t.sq;
    if (t.bs !== undefined) out.bs = t.bs;
  }
  return out;
}

/** Display name of a person (both languages); the id when unknown. */
export function personName(ix: ScenarioIndex, id: string): LocalText {
  const p = ix.c.people.get(id);
  return p ? local(p.name) : same(id);
}

/** The last item of a list cut short: "3 more", "još 3", "уште 3", "3 të tjerë". */
const more = (n: number): FullText =>
  lt(`${n} more`, `još ${n}`, `уште ${n}`, `${n} të tjerë`, `još ${n}`);

/**
 * "A, B, and C" in every language, as the language lists things (see list(); names holding a comma are
 * separated by semicolons); at most `max` items, the last of them "and 3 more". A name without a
 * translation is given as the scenario spells it in English.
 */
export function names(ix: ScenarioIndex, ids: readonly string[], max = 4): FullText {
  const shown = ids.length > max ? ids.slice(0, max - 1) : ids;
  const items: SomeText[] = shown.map((id) => personName(ix, id));
  if (ids.length > max) items.push(more(ids.length - (max - 1)));
  return list(items);
}
