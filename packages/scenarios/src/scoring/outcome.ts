/**
 * The outcome of a team's case: it follows from case strength and red lines, and is mapped to the
 * scenario's own endings where the scenario has one of the same kind.
 */
import type { LocalText } from '../rubric/types';
import type { TeamState } from '../state';
import type { CaseFile } from './case';
import { ELEMENT_LABELS, elementScore } from './case';
import type { ScenarioIndex } from './scenario-index';
import { local } from './scenario-index';
import { cat, lt } from './text';
import type { Outcome, OutcomeKind, RedLine } from './types';

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

export function decideOutcome(
  ix: ScenarioIndex,
  state: TeamState,
  cf: CaseFile,
  redLines: RedLine[],
  formalPlea: boolean,
  over: boolean,
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

  let kind: OutcomeKind;
  let reason: LocalText;
  if (redLines.length > 0) {
    kind = 'hard_fail';
    reason = lt(
      `A non-derogable right was breached (${redLines.map((r) => r.ruleId).join(', ')}). Whatever the evidence, the case is overshadowed by a constitutional or ECtHR complaint.`,
      `Povređeno je apsolutno pravo (${redLines.map((r) => r.ruleId).join(', ')}). Bez obzira na dokaze, predmet zasenjuje ustavna žalba ili predstavka ESLJP.`,
    );
  } else if (core.length > 0 && missing.length === 0 && mean >= 0.75) {
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
  if (kind === 'conviction') {
    if ((el('aggravation_danger') ?? 0) >= 0.5 || (el('aggravation_children') ?? 0) >= 0.5)
      qualifiers.push(
        lt(
          ' Aggravated form proven (danger to life or children).',
          ' Dokazan teži oblik (opasnost po život ili deca).',
        ),
      );
    if ((el('organised_group') ?? 0) >= 0.5)
      qualifiers.push(lt(' Organised group proven.', ' Dokazana organizovana grupa.'));
    if (el('identity_of_organiser') !== null)
      qualifiers.push(lt(' The organiser is reached.', ' Organizator je obuhvaćen.'));
  }
  const engineEnding = state.ended ? ix.c.endings.get(state.ended.ending) : undefined;
  // The scenario's ending of the same kind (a collapse ends as an acquittal where there is no collapse ending).
  const kinds = FALLBACK[kind];
  const mapped =
    engineEnding && kinds.includes(engineEnding.kind)
      ? engineEnding
      : kinds
          .map((k) => ix.c.scenario.endings.find((e) => e.kind === k))
          .find((e) => e !== undefined);
  return {
    kind,
    label: LABELS[kind],
    reason: cat(reason, ...qualifiers),
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
  };
}

function joinLabels(els: readonly (keyof typeof ELEMENT_LABELS)[]): LocalText {
  const en = els.map((e) => ELEMENT_LABELS[e].en.toLowerCase()).join('; ');
  const sr = els.map((e) => ELEMENT_LABELS[e]['sr-Latn'].toLowerCase()).join('; ');
  return lt(en || 'the core elements', sr || 'ključne elemente');
}
