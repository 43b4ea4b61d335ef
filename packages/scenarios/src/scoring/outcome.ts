/**
 * The outcome of a team's case: it follows from case strength and red lines, and is mapped to the
 * scenario's own endings where the scenario has one of the same kind.
 */
import type { LocalText } from '../rubric/types';
import type { TeamState } from '../state';
import type { CaseFile } from './case';
import { ELEMENT_LABELS, elementScore } from './case';
import type { ScenarioIndex } from './scenario-index';
import { local, names } from './scenario-index';
import { cat, lt } from './text';
import type { Rubric } from '../rubric/types';
import { ruleById } from '../rubric/registry';
import type {
  AccountabilityFinding,
  CriminalOutcome,
  Outcome,
  OutcomeKind,
  RedLine,
  ScoredItem,
} from './types';

const FALLBACK: Record<OutcomeKind, OutcomeKind[]> = {
  conviction: ['conviction'],
  plea: ['plea'],
  acquittal: ['acquittal', 'collapse'],
  collapse: ['collapse', 'acquittal'],
  hard_fail: ['hard_fail'],
  other: ['other'],
};

const LABELS: Record<OutcomeKind, LocalText> = {
  conviction: lt('Conviction', 'Osuđujuća presuda'),
  plea: lt(
    'Plea by the driver alone; organisers untouched',
    'Sporazum o priznanju samo vozača; organizatori nedodirnuti',
  ),
  acquittal: lt('Acquittal', 'Oslobađajuća presuda'),
  collapse: lt('Collapse: the witnesses are gone', 'Raspad predmeta: svedoci su otišli'),
  hard_fail: lt('Hard fail: a red line was crossed', 'Neuspeh: pređena je crvena linija'),
  other: lt('Open', 'Otvoreno'),
};

/** What the model knows about deaths in the run: who died, and whether an autopsy established the cause. */
export interface DeathFacts {
  person: string;
  autopsy: boolean;
}

export function decideOutcome(
  ix: ScenarioIndex,
  state: TeamState,
  cf: CaseFile,
  redLines: RedLine[],
  formalPlea: boolean,
  over: boolean,
  context: { rubric?: Rubric; items?: readonly ScoredItem[]; deaths?: readonly DeathFacts[] } = {},
): Outcome {
  const el = (e: Parameters<typeof elementScore>[1]) => elementScore(cf.elements, e);
  const core = (['facilitation', 'benefit', 'identity_of_organiser'] as const).filter(
    (e) => el(e) !== null,
  );
  const scores = core.map((e) => el(e) ?? 0);
  const facilitation = el('facilitation') ?? 0;
  // Benefit is a constitutive element (Protocol art. 3(a), CC 350(2)); a scenario without it does not test it.
  const benefit = el('benefit') ?? 1;
  const mean = scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
  const missing = core.filter((e) => (el(e) ?? 0) < 0.5);
  const lostTestimony = cf.evidence.filter(
    (e) =>
      e.kind === 'testimony' &&
      e.status !== 'admissible' &&
      e.reasons.some((r) => r.en.includes('left before a deposition')),
  );

  let kind: CriminalOutcome['kind'];
  let reason: LocalText;
  if (core.length > 0 && missing.length === 0 && mean >= 0.75) {
    kind = 'conviction';
    reason = lt(
      'Every core element is proven by admissible evidence and most of it is corroborated by independent sources.',
      'Svaki ključni element dokazan je dopuštenim dokazima, većinom potvrđenim iz nezavisnih izvora.',
    );
  } else if (facilitation >= 0.5 && (benefit >= 0.5 || formalPlea)) {
    kind = 'plea';
    reason = cat(
      lt('The transport itself is proven, but not ', 'Sam prevoz je dokazan, ali ne i: '),
      joinLabels(missing.length > 0 ? missing : core.filter((e) => (el(e) ?? 0) < 1)),
      lt(
        '; only a plea by the driver is realistic.',
        '; realan je samo sporazum o priznanju vozača.',
      ),
    );
  } else if (
    lostTestimony.some((e) => e.elements.some((x) => missing.includes(x as (typeof core)[number])))
  ) {
    kind = 'collapse';
    reason = lt(
      'The case rested on witnesses who left before a deposition the defence could examine; their statements cannot carry it.',
      'Predmet se oslanjao na svedoke koji su otišli pre saslušanja koje je odbrana mogla da ispita; njihovi iskazi ga ne mogu nositi.',
    );
  } else {
    kind = 'acquittal';
    reason = cat(
      lt('Not enough admissible evidence for: ', 'Nema dovoljno dopuštenih dokaza za: '),
      joinLabels(missing.length > 0 ? missing : core),
      '.',
    );
  }
  const qualifiers: LocalText[] = [];
  // An aggravation or the organised group is proven only by independent sources that corroborate each other.
  const corroborated = (e: (typeof cf.elements)[number]['element']) =>
    cf.elements.find((x) => x.element === e)?.status === 'corroborated';
  const single = (e: (typeof cf.elements)[number]['element']) =>
    cf.elements.find((x) => x.element === e)?.status === 'single_source';
  if (kind === 'conviction') {
    if (corroborated('aggravation_danger') || corroborated('aggravation_children'))
      qualifiers.push(
        lt(
          ' Aggravated form proven (danger to life or children), by independent sources.',
          ' Dokazan teži oblik (opasnost po život ili deca), iz nezavisnih izvora.',
        ),
      );
    else if (single('aggravation_danger') || single('aggravation_children'))
      qualifiers.push(
        lt(
          ' The aggravation rests on a single source: not proven.',
          ' Otežavajuća okolnost počiva na jednom izvoru: nije dokazana.',
        ),
      );
    if (corroborated('organised_group'))
      qualifiers.push(
        lt(
          ' Organised group proven by independent sources.',
          ' Organizovana grupa dokazana iz nezavisnih izvora.',
        ),
      );
    else if (single('organised_group'))
      qualifiers.push(
        lt(
          ' The organised group rests on a single source: not proven.',
          ' Organizovana grupa počiva na jednom izvoru: nije dokazana.',
        ),
      );
    if (el('identity_of_organiser') !== null)
      qualifiers.push(lt(' The organiser is reached.', ' Organizator je obuhvaćen.'));
  }
  // A death is an aggravating consequence only where its cause is established (an autopsy).
  const deaths = context.deaths ?? [];
  if (deaths.length > 0 && kind !== 'acquittal' && kind !== 'collapse') {
    const proven = deaths.filter((d) => d.autopsy).map((d) => d.person);
    const unproven = deaths.filter((d) => !d.autopsy).map((d) => d.person);
    if (proven.length > 0)
      qualifiers.push(
        cat(
          lt(' Death caused (', ' Prouzrokovana smrt ('),
          names(ix, proven),
          lt('): causation established by autopsy.', '): uzročnost utvrđena obdukcijom.'),
        ),
      );
    if (unproven.length > 0)
      qualifiers.push(
        cat(
          lt(' The death of ', ' Smrt: '),
          names(ix, unproven),
          lt(
            ' cannot aggravate the charge: without an autopsy its cause is not proven.',
            ' ne može otežati optužbu: bez obdukcije uzrok nije dokazan.',
          ),
        ),
      );
  }
  const criminal: CriminalOutcome = {
    kind,
    label: LABELS[kind],
    reason: cat(reason, ...qualifiers),
  };
  const accountability = stateFindings(context.rubric, context.items ?? []);
  const overall: OutcomeKind = redLines.length > 0 ? 'hard_fail' : kind;
  const titles = (lang: 'en' | 'sr-Latn') =>
    [...new Set(redLines.map((r) => r.title[lang]))].join('; ');
  const overallReason =
    overall === 'hard_fail'
      ? cat(
          lt(
            `A non-derogable right was breached (${titles('en')}): the case is overshadowed by a constitutional or ECtHR complaint. The criminal case on its own evidence: `,
            `Povređeno je apsolutno pravo (${titles('sr-Latn')}): predmet zasenjuje ustavna žalba ili predstavka ESLJP. Krivični predmet na sopstvenim dokazima: `,
          ),
          LABELS[kind],
          '. ',
          criminal.reason,
        )
      : criminal.reason;
  const engineEnding = state.ended ? ix.c.endings.get(state.ended.ending) : undefined;
  // The scenario's ending of the same kind (a collapse ends as an acquittal where there is no collapse ending).
  const kinds = FALLBACK[overall];
  const mapped =
    engineEnding && kinds.includes(engineEnding.kind)
      ? engineEnding
      : kinds
          .map((k) => ix.c.scenario.endings.find((e) => e.kind === k))
          .find((e) => e !== undefined);
  return {
    kind: overall,
    label: LABELS[overall],
    reason: overallReason,
    ending: mapped ? { id: mapped.id, title: local(mapped.title) } : null,
    engineEnding:
      engineEnding && state.ended
        ? {
            id: engineEnding.id,
            kind: engineEnding.kind,
            title: local(engineEnding.title),
            time: state.ended.time,
          }
        : null,
    final: over,
    criminal,
    accountability,
  };
}

/**
 * Findings against the state: every counted rights loss whose rule names one (ECHR art. 2, procedural
 * limb...), once per rule and cause, with the item's own detail from the log.
 */
function stateFindings(
  rubric: Rubric | undefined,
  items: readonly ScoredItem[],
): AccountabilityFinding[] {
  if (!rubric) return [];
  const out: AccountabilityFinding[] = [];
  const seen = new Set<string>();
  for (const i of items) {
    if (i.axis !== 'rights' || i.points >= 0 || i.notCounted === 'superseded_by_model') continue;
    const finding = ruleById(rubric, i.ruleId)?.accountability;
    if (!finding) continue;
    const k = `${i.ruleId}|${i.causedBySeq}|${i.persons.join(',')}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({
      finding,
      ruleId: i.ruleId,
      title: i.title,
      detail: i.detail,
      causedBySeq: i.causedBySeq,
      time: i.time,
      persons: i.persons,
      redLine: i.flags.includes('HARD_FAIL'),
    });
  }
  return out.sort((a, b) => a.causedBySeq - b.causedBySeq || (a.ruleId < b.ruleId ? -1 : 1));
}

function joinLabels(els: readonly (keyof typeof ELEMENT_LABELS)[]): LocalText {
  const en = els.map((e) => ELEMENT_LABELS[e].en.toLowerCase()).join('; ');
  const sr = els.map((e) => ELEMENT_LABELS[e]['sr-Latn'].toLowerCase()).join('; ');
  return lt(en || 'the core elements', sr || 'ključne elemente');
}
