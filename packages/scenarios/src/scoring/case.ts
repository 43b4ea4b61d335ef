/**
 * Evidence as a case file. Each obtained item carries how it was obtained (order, interpreter, consent,
 * custody); admissibility follows from that, from the hearing the statement came from, from the acts of
 * the same event (a device browsed without an order), from what it derives from (fruit of a tainted search)
 * and from whether its witness is still reachable. Case strength is the coverage of the offence's elements
 * by admissible evidence, counting independent sources.
 */
import type { LocalText, Rubric } from '../rubric/types';
import { TAINT } from '../reduce';
import { OFFENCE_ELEMENTS } from '../schema';
import type { TeamState } from '../state';
import type { Finding, TeamModel } from './model';
import type { ScenarioIndex } from './scenario-index';
import { local, names } from './scenario-index';
import { cat, lt, same, type FullText } from './text';
import type {
  CaseEvidence,
  ElementStrength,
  EvidenceStatus,
  OffenceElement,
  WitnessLost,
} from './types';

/** Weight of each element in the case-strength percentage (renormalised over the elements the scenario has). */
export const ELEMENT_WEIGHTS: Record<OffenceElement, number> = {
  facilitation: 3,
  benefit: 2,
  identity_of_organiser: 2,
  organised_group: 1,
  aggravation_danger: 1,
  aggravation_children: 1,
};

export const ELEMENT_LABELS: Record<OffenceElement, FullText> = {
  facilitation: lt(
    'Facilitation of illegal crossing/stay',
    'Omogućavanje nezakonitog prelaska/boravka',
    'Овозможување незаконско преминување/престој',
    'Lehtësimi i kalimit/qëndrimit të paligjshëm',
    'Omogućavanje nezakonitog prelaska/boravka',
  ),
  benefit: lt(
    'Financial or material benefit',
    'Imovinska ili materijalna korist',
    'Финансиска или материјална корист',
    'Përfitim financiar ose material',
    'Imovinska ili materijalna korist',
  ),
  organised_group: lt(
    'Organised criminal group',
    'Organizovana kriminalna grupa',
    'Организирана криминална група',
    'Grup kriminal i organizuar',
    'Organizirana kriminalna grupa',
  ),
  aggravation_danger: lt(
    'Aggravation: danger to life or health',
    'Otežavajuće: opasnost po život ili zdravlje',
    'Отежнувачка околност: опасност по живот или здравје',
    'Rrethanë rënduese: rrezik për jetën ose shëndetin',
    'Otežavajuće: opasnost po život ili zdravlje',
  ),
  aggravation_children: lt(
    'Aggravation: children',
    'Otežavajuće: deca',
    'Отежнувачка околност: деца',
    'Rrethanë rënduese: fëmijë',
    'Otežavajuće: djeca',
  ),
  identity_of_organiser: lt(
    'Identity of the organiser',
    'Identitet organizatora',
    'Идентитет на организаторот',
    'Identiteti i organizatorit',
    'Identitet organizatora',
  ),
};

const FLAWED_HEARING = lt(
  'statement taken in a flawed hearing: ',
  'iskaz uzet na manjkavom saslušanju: ',
  'изјава земена на неправилно сослушување: ',
  'deklaratë e marrë në një marrje në pyetje me të meta: ',
  'iskaz uzet na manjkavom saslušanju: ',
);

/** The flaws of a hearing, worded once: the engine's reason and the model's hearing check then read alike. */
export const HEARING_FLAWS = {
  childAlone: lt(
    'a (presumed) child interviewed without a guardian',
    '(pretpostavljeno) dete saslušano bez staratelja',
    '(претпоставено) дете сослушано без старател',
    'një fëmijë (i supozuar) u mor në pyetje pa kujdestar',
    '(pretpostavljeno) dijete saslušano bez staratelja',
  ),
  noLawyer: lt(
    'suspect questioned without a lawyer',
    'osumnjičeni ispitan bez branioca',
    'осомничениот испитан без бранител',
    'i dyshuari u mor në pyetje pa avokat',
    'osumnjičeni ispitan bez branioca',
  ),
  tiedInterpreter: lt(
    'interpreted by someone tied to the suspects or to the person heard',
    'prevodila je osoba povezana sa osumnjičenima ili sa saslušanim licem',
    'преведуваше лице поврзано со осомничените или со сослушаното лице',
    'përktheu dikush i lidhur me të dyshuarit ose me personin e dëgjuar',
    'prevodila je osoba povezana s osumnjičenima ili sa saslušanim licem',
  ),
  passengerInterpreter: lt(
    'interpreted by a fellow passenger',
    'prevodio je saputnik',
    'преведуваше сопатник',
    'përktheu një bashkudhëtar',
    'prevodio je saputnik',
  ),
};

/**
 * Rules whose exclusion the engine already states in its own words (listed once, in the engine's). A rule
 * with more than one cause (CO_NATIONAL: a passenger, or a co-national written down as such) is left out
 * only where the engine stated the cause that applies.
 */
const STATED_BY_ENGINE: Record<string, string> = {
  'EVIDENCE.UNDERCOVER.ENTRAPMENT': TAINT.incitement,
  'EVIDENCE.UNDERCOVER.NO_ORDER': TAINT.undercoverNoOrder,
  'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN': TAINT.childAlone,
  'EVIDENCE.SUSPECT.NO_LAWYER': TAINT.noLawyer,
  'EVIDENCE.INTERPRETER.TIED': TAINT.tiedInterpreter,
  'EVIDENCE.INTERPRETER.CO_NATIONAL': TAINT.passengerInterpreter,
};

/**
 * Engine reasons the model states itself: an unlawful search, reading or interception taints what its
 * event obtained (unlawful.ts, one predicate for both), and the case file names it by the act's finding;
 * a hearing's interpreting (interpretation.ts) it names by the hearing's flaw.
 */
const STATED_BY_MODEL = new Set<string>([
  TAINT.noInterpreter,
  TAINT.wrongLanguage,
  TAINT.coNational,
  TAINT.depositionUninterpreted,
  TAINT.searchNoOrder,
  TAINT.searchWeakOrder,
  TAINT.phonesNoConsentNoOrder,
  TAINT.phonesConsentUninterpreted,
  TAINT.interceptionNoOrder,
  TAINT.interceptionExpired,
]);

const ENGINE_REASONS: Record<string, LocalText> = {
  [TAINT.childAlone]: cat(FLAWED_HEARING, HEARING_FLAWS.childAlone),
  [TAINT.noLawyer]: cat(FLAWED_HEARING, HEARING_FLAWS.noLawyer),
  [TAINT.tiedInterpreter]: cat(FLAWED_HEARING, HEARING_FLAWS.tiedInterpreter),
  [TAINT.passengerInterpreter]: cat(FLAWED_HEARING, HEARING_FLAWS.passengerInterpreter),
  [TAINT.promise]: {
    en: 'obtained with a promise made off the record',
    'sr-Latn': 'pribavljeno uz nezvanično obećanje',
    mk: 'добиено со ветување дадено надвор од записник',
    sq: 'e marrë me një premtim të dhënë jashtë procesverbalit',
    bs: 'pribavljeno uz obećanje dato mimo zapisnika',
  },
  [TAINT.incitement]: {
    en: 'obtained by an undercover officer who incited the offence',
    'sr-Latn': 'pribavio prikriveni islednik koji je podstrekao delo',
    mk: 'добиено од прикриен иследник кој го поттикнал делото',
    sq: 'e marrë nga një agjent i fshehtë që e nxiti veprën',
    bs: 'pribavio prikriveni istražitelj koji je podstrekao djelo',
  },
  [TAINT.undercoverNoOrder]: {
    en: 'obtained by an undercover operation that no order authorised',
    'sr-Latn': 'pribavljeno prikrivenom radnjom koju nije odobrila nijedna naredba',
    mk: 'добиено со прикриена мерка што не ја одобрила ниедна наредба',
    sq: 'e marrë me një veprim të fshehtë që nuk e autorizoi asnjë urdhër',
    bs: 'pribavljeno prikrivenom radnjom koju nije odobrila nijedna naredba',
  },
  [TAINT.intelligence]: {
    en: 'financial intelligence filed as it is: not evidence, it cannot be tested in court',
    'sr-Latn':
      'finansijsko-obaveštajni podaci priloženi kakvi jesu: nisu dokaz i ne mogu se proveriti pred sudom',
    mk: 'финансиско-разузнавачки податоци приложени такви какви што се: не се доказ и не можат да се проверат пред суд',
    sq: 'inteligjencë financiare e depozituar siç është: nuk është provë dhe nuk mund të verifikohet në gjykatë',
    bs: 'finansijsko-obavještajni podaci priloženi kakvi jesu: nisu dokaz i ne mogu se provjeriti pred sudom',
  },
  'chain of custody broken': lt(
    'chain of custody broken',
    'prekinut lanac čuvanja',
    'прекинат синџир на чување',
    'zinxhiri i ruajtjes u këput',
    'prekinut lanac čuvanja',
  ),
  'no consent': lt(
    'no recorded consent',
    'bez zabeleženog pristanka',
    'без евидентирана согласност',
    'pa pëlqim të regjistruar',
    'bez zabilježenog pristanka',
  ),
  'no judicial order': lt(
    'no judicial order',
    'bez sudske naredbe',
    'без судска наредба',
    'pa urdhër gjykate',
    'bez sudske naredbe',
  ),
  'no order': lt('no order', 'bez naredbe', 'без наредба', 'pa urdhër', 'bez naredbe'),
  'interpreter: co_national': lt(
    'a co-national interpreted',
    'prevodio je sunarodnik',
    'преведуваше сонародник',
    'përktheu një bashkatdhetar',
    'prevodio je sunarodnjak',
  ),
  'interpreter: uncertified': lt(
    'uncertified interpreter',
    'neovlašćeni tumač',
    'неовластен преведувач',
    'përkthyes i pacertifikuar',
    'neovlašteni tumač',
  ),
  'interpreter: none': lt(
    'no interpreter',
    'bez tumača',
    'без преведувач',
    'pa përkthyes',
    'bez tumača',
  ),
};

function engineReason(r: string): LocalText {
  const known = ENGINE_REASONS[r];
  if (known) return known;
  const derived = /^derived from tainted (.+)$/.exec(r);
  if (derived)
    return lt(
      `derived from excluded item ${derived[1]}`,
      `izvedeno iz izdvojenog dokaza ${derived[1]}`,
      `изведено од издвоен доказ ${derived[1]}`,
      `rrjedh nga prova e përjashtuar ${derived[1]}`,
      `izvedeno iz izdvojenog dokaza ${derived[1]}`,
    );
  return same(r);
}

export interface CaseFile {
  evidence: CaseEvidence[];
  elements: ElementStrength[];
  /** 0..100 */
  strength: number;
  witnessesLost: WitnessLost[];
}

export function buildCaseFile(
  ix: ScenarioIndex,
  rubric: Rubric,
  state: TeamState,
  model: TeamModel,
): CaseFile {
  const tainting = new Set(rubric.rules.filter((r) => r.flags?.includes('TAINT')).map((r) => r.id));
  const taintBySeq = new Map<number, Finding[]>();
  for (const f of model.findings) {
    if (f.source === 'annotation' || !tainting.has(f.ruleId)) continue;
    taintBySeq.set(f.seq, [...(taintBySeq.get(f.seq) ?? []), f]);
  }

  const items: CaseEvidence[] = [];
  const byId = new Map<string, CaseEvidence>();
  for (const def of ix.c.scenario.evidence) {
    const st = state.evidence[def.id];
    if (!st) continue;
    const reasons: LocalText[] = st.taintReasons
      .filter((r) => !r.startsWith('derived from') && !STATED_BY_MODEL.has(r))
      .map(engineReason);
    // The hearing the statement came from.
    if (def.kind === 'testimony' && ix.c.people.has(def.source)) {
      const hearings = (model.hearings.get(def.source) ?? []).filter((h) => h.seq <= st.seq);
      const last = hearings[hearings.length - 1];
      if (last?.flaw)
        reasons.push(
          cat(
            lt(
              'statement taken in a flawed hearing: ',
              'iskaz uzet na manjkavom saslušanju: ',
              'изјава земена на неправилно сослушување: ',
              'deklaratë e marrë në një marrje në pyetje me të meta: ',
              'iskaz uzet na manjkavom saslušanju: ',
            ),
            last.flaw,
          ),
        );
    }
    // An act of the same event that taints what it produced.
    for (const f of taintBySeq.get(st.seq) ?? []) {
      const stated = STATED_BY_ENGINE[f.ruleId];
      if (stated !== undefined && st.taintReasons.includes(stated)) continue;
      const sourceIsPerson = ix.c.people.has(def.source);
      const match =
        f.evidence.includes(def.id) ||
        (sourceIsPerson ? f.persons.includes(def.source) : f.persons.length === 0);
      if (match) {
        const rule = rubric.rules.find((r) => r.id === f.ruleId);
        reasons.push(
          cat(
            lt(
              'obtained through: ',
              'pribavljeno putem: ',
              'прибавено преку: ',
              'e marrë përmes: ',
              'pribavljeno putem: ',
            ),
            rule ? rule.title : same(f.ruleId),
          ),
        );
      }
    }
    const item: CaseEvidence = {
      id: def.id,
      title: local(def.title),
      kind: def.kind,
      elements: [...def.element],
      independentSource: def.independentSource,
      obtainedAt: st.time,
      obtainedBySeq: st.seq,
      by: st.by,
      provenance: st.obtained,
      status: reasons.length > 0 ? 'excluded' : 'admissible',
      reasons: dedupe(reasons),
    };
    items.push(item);
    byId.set(def.id, item);
  }
  // Fruit of the poisonous tree: items derived from an excluded item are excluded too.
  for (let changed = true, round = 0; changed && round < 32; round++) {
    changed = false;
    for (const item of items) {
      const def = ix.evidence.get(item.id);
      for (const parent of def?.derivedFrom ?? []) {
        const p = byId.get(parent);
        if (
          p?.status === 'excluded' &&
          !item.reasons.some((r) => r.en.includes(`excluded item ${parent}`))
        ) {
          item.reasons.push(
            lt(
              `derived from excluded item ${parent}`,
              `izvedeno iz izdvojenog dokaza ${parent}`,
              `изведено од издвоен доказ ${parent}`,
              `rrjedh nga prova e përjashtuar ${parent}`,
              `izvedeno iz izdvojenog dokaza ${parent}`,
            ),
          );
          item.status = 'excluded';
          changed = true;
        }
      }
    }
  }
  // Absent witnesses (Al-Khawaja / Schatschaschwili): a statement the defence could never test counts only
  // as counterbalanced support, and not at all where it would be the sole or decisive evidence.
  const lost = [...model.lost.values()].sort(
    (a, b) => a.seq - b.seq || a.person.localeCompare(b.person),
  );
  const lostSet = new Set(lost.map((l) => l.person));
  for (const item of items) {
    const def = ix.evidence.get(item.id);
    if (!def || def.kind !== 'testimony' || !lostSet.has(def.source) || item.status === 'excluded')
      continue;
    const otherSupport = item.elements.every((el) =>
      items.some(
        (o) =>
          o !== item &&
          o.status === 'admissible' &&
          o.elements.includes(el) &&
          o.independentSource !== item.independentSource &&
          !isLostTestimony(ix, o.id, lostSet),
      ),
    );
    const who = names(ix, [def.source]);
    if (otherSupport) {
      item.status = 'weakened';
      item.reasons.push(
        cat(
          who,
          lt(
            ' left before a deposition; the statement only supports other evidence',
            ' je otišao/la pre saslušanja; iskaz samo potkrepljuje druge dokaze',
            ' замина пред сослушување; изјавата само ги поткрепува другите докази',
            ' u largua para marrjes së dëshmisë; deklarata vetëm mbështet provat e tjera',
            ' je otišao/la prije saslušanja; iskaz samo potkrepljuje druge dokaze',
          ),
        ),
      );
    } else {
      item.status = 'excluded';
      item.reasons.push(
        cat(
          who,
          lt(
            ' left before a deposition; the statement would be the sole or decisive evidence',
            ' je otišao/la pre saslušanja; iskaz bi bio jedini ili odlučujući dokaz',
            ' замина пред сослушување; изјавата би била единствен или одлучувачки доказ',
            ' u largua para marrjes së dëshmisë; deklarata do të ishte prova e vetme ose vendimtare',
            ' je otišao/la prije saslušanja; iskaz bi bio jedini ili odlučujući dokaz',
          ),
        ),
      );
    }
  }

  const elements: ElementStrength[] = [];
  let weighted = 0;
  let total = 0;
  for (const el of OFFENCE_ELEMENTS) {
    const covering = items.filter((i) => i.elements.includes(el));
    if (!ix.elements.has(el)) {
      elements.push({
        element: el,
        status: 'not_in_scenario',
        score: 0,
        independentSources: [],
        evidence: [],
      });
      continue;
    }
    const admissible = new Set(
      covering.filter((i) => i.status === 'admissible').map((i) => i.independentSource),
    );
    const weak = new Set(
      covering
        .filter((i) => i.status === 'weakened' && !admissible.has(i.independentSource))
        .map((i) => i.independentSource),
    );
    const score = Math.min(1, (admissible.size + 0.5 * weak.size) / 2);
    const status: ElementStrength['status'] =
      admissible.size >= 2
        ? 'corroborated'
        : admissible.size === 1
          ? 'single_source'
          : weak.size > 0
            ? 'weak'
            : 'none';
    elements.push({
      element: el,
      status,
      score,
      independentSources: [...admissible, ...weak].sort(),
      evidence: covering.map((i) => ({ id: i.id, status: i.status })),
    });
    weighted += ELEMENT_WEIGHTS[el] * score;
    total += ELEMENT_WEIGHTS[el];
  }
  return {
    evidence: items,
    elements,
    strength: total === 0 ? 0 : Math.round((100 * weighted) / total),
    witnessesLost: lost,
  };
}

function isLostTestimony(ix: ScenarioIndex, id: string, lost: Set<string>): boolean {
  const def = ix.evidence.get(id);
  return def !== undefined && def.kind === 'testimony' && lost.has(def.source);
}

function dedupe(xs: LocalText[]): LocalText[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.en) ? false : (seen.add(x.en), true)));
}

export function elementScore(elements: ElementStrength[], el: OffenceElement): number | null {
  const e = elements.find((x) => x.element === el);
  return !e || e.status === 'not_in_scenario' ? null : e.score;
}

export type { EvidenceStatus };
