/**
 * The outcome of a team's case: it follows from case strength and red lines, and is mapped to the
 * scenario's own endings where the scenario has one of the same kind.
 */
import type { LocalText } from '../rubric/types';
import { SMUGGLING_WITHOUT_GAIN, scenarioCountry } from '../country';
import type { TeamState } from '../state';
import type { CaseFile } from './case';
import { ELEMENT_LABELS, elementScore } from './case';
import type { ScenarioIndex } from './scenario-index';
import { local, names } from './scenario-index';
import { cat, each, inLang, lt, type FullText, type TextLang } from './text';
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
  // No criminal case: no ending is claimed for it (the ending reached in play is reported as such).
  not_applicable: [],
};

const LABELS: Record<OutcomeKind, LocalText> = {
  conviction: lt(
    'Conviction',
    'Osuđujuća presuda',
    'Осудителна пресуда',
    'Dënim',
    'Osuđujuća presuda',
  ),
  plea: lt(
    'Plea by the driver alone; organisers untouched',
    'Sporazum o priznanju samo vozača; organizatori nedodirnuti',
    'Спогодба само со возачот; организаторите недопрени',
    'Marrëveshje për pranimin e fajit vetëm nga shoferi; organizatorët të paprekur',
    'Sporazum o priznanju krivnje samo s vozačem; organizatori nedodirnuti',
  ),
  acquittal: lt(
    'Acquittal',
    'Oslobađajuća presuda',
    'Ослободителна пресуда',
    'Pafajësi',
    'Oslobađajuća presuda',
  ),
  collapse: lt(
    'Collapse: the witnesses are gone',
    'Raspad predmeta: svedoci su otišli',
    'Распаѓање на предметот: сведоците заминаа',
    'Rrëzimi i çështjes: dëshmitarët kanë ikur',
    'Raspad predmeta: svjedoci su otišli',
  ),
  hard_fail: lt(
    'Hard fail: a red line was crossed',
    'Neuspeh: pređena je crvena linija',
    'Неуспех: премината е црвена линија',
    'Dështim: u kalua një vijë e kuqe',
    'Neuspjeh: pređena je crvena linija',
  ),
  other: lt('Open', 'Otvoreno', 'Отворено', 'E hapur', 'Otvoreno'),
  not_applicable: lt(
    'Not applicable: no criminal case in this scenario',
    'Nije primenljivo: u ovom scenariju nema krivičnog predmeta',
    'Не е применливо: во ова сценарио нема кривичен предмет',
    'Nuk zbatohet: në këtë skenar nuk ka çështje penale',
    'Nije primjenjivo: u ovom scenariju nema krivičnog predmeta',
  ),
};

const NO_CASE_REASON = lt(
  'The scenario has no evidence that could prove an element of the offence and no charge, so no criminal case is assessed.',
  'Scenario nema dokaza kojima bi se mogao dokazati neki element krivičnog dela ni optužbe, pa se krivični predmet ne procenjuje.',
  'Сценариото нема докази со кои би можел да се докаже некој елемент на кривичното дело ниту обвинение, па кривичен предмет не се оценува.',
  'Skenari nuk ka prova që mund të provonin ndonjë element të veprës penale dhe as akuzë, prandaj nuk vlerësohet asnjë çështje penale.',
  'Scenarij nema dokaza kojima bi se mogao dokazati neki element krivičnog djela ni optužnice, pa se krivični predmet ne procjenjuje.',
);

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
  // Benefit is a constitutive element (Protocol art. 3(a), CC 350(2)); a scenario without it does not
  // test it. Where the country's offence is made out without gain (gain aggravating it), the transport
  // and the organiser carry the basic offence, and a benefit not proven is said in the reason.
  const withoutGain = SMUGGLING_WITHOUT_GAIN.has(scenarioCountry(ix.c.scenario));
  const core = (
    withoutGain
      ? (['facilitation', 'identity_of_organiser'] as const)
      : (['facilitation', 'benefit', 'identity_of_organiser'] as const)
  ).filter((e) => el(e) !== null);
  const scores = core.map((e) => el(e) ?? 0);
  const facilitation = el('facilitation') ?? 0;
  const benefit = withoutGain ? 1 : (el('benefit') ?? 1);
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
  if (!ix.criminalCase) {
    kind = 'not_applicable';
    reason = NO_CASE_REASON;
  } else if (core.length > 0 && missing.length === 0 && mean >= 0.75) {
    kind = 'conviction';
    reason = lt(
      'Every core element is proven by admissible evidence and most of it is corroborated by independent sources.',
      'Svaki ključni element dokazan je dopuštenim dokazima, većinom potvrđenim iz nezavisnih izvora.',
      'Секој клучен елемент е докажан со дозволени докази, од кои повеќето се потврдени од независни извори.',
      'Çdo element thelbësor është provuar me prova të pranueshme, shumica e tyre të vërtetuara nga burime të pavarura.',
      'Svaki ključni element dokazan je dopuštenim dokazima, većinom potvrđenim iz nezavisnih izvora.',
    );
  } else if (facilitation >= 0.5 && (benefit >= 0.5 || formalPlea)) {
    kind = 'plea';
    // Nothing missing: what keeps it from a conviction is that some elements rest on one source each,
    // which is not the same as "not proven" (and the transport itself may be one of them).
    reason = cat(
      missing.length > 0
        ? cat(
            lt(
              'The transport itself is proven, but not ',
              'Sam prevoz je dokazan, ali ne i: ',
              'Самиот превоз е докажан, но не и: ',
              'Vetë transporti është provuar, por jo: ',
              'Sam prevoz je dokazan, ali ne i: ',
            ),
            joinLabels(missing),
          )
        : cat(
            lt(
              'Every core element has admissible evidence, but only a single source, uncorroborated, for: ',
              'Svaki ključni element ima dopuštene dokaze, ali samo jedan, nepotvrđen izvor za: ',
              'Секој клучен елемент има дозволени докази, но само еден, непотврден извор за: ',
              'Çdo element thelbësor ka prova të pranueshme, por vetëm një burim të pavërtetuar për: ',
              'Svaki ključni element ima dopuštene dokaze, ali samo jedan, nepotvrđen izvor za: ',
            ),
            joinLabels(core.filter((e) => (el(e) ?? 0) < 1)),
          ),
      lt(
        '; only a plea by the driver is realistic.',
        '; realan je samo sporazum o priznanju vozača.',
        '; реална е само спогодба со возачот.',
        '; realiste është vetëm një marrëveshje për pranimin e fajit nga shoferi.',
        '; realan je samo sporazum o priznanju krivnje s vozačem.',
      ),
    );
  } else if (
    lostTestimony.some((e) => e.elements.some((x) => missing.includes(x as (typeof core)[number])))
  ) {
    kind = 'collapse';
    reason = lt(
      'The case rested on witnesses who left before a deposition the defence could examine; their statements cannot carry it.',
      'Predmet se oslanjao na svedoke koji su otišli pre saslušanja koje je odbrana mogla da ispita; njihovi iskazi ga ne mogu nositi.',
      'Предметот се потпираше на сведоци што заминаа пред сослушување што одбраната можеше да го испита; нивните изјави не можат да го носат.',
      'Çështja mbështetej te dëshmitarë që u larguan para një dëshmie që mbrojtja mund ta shqyrtonte; deklaratat e tyre nuk mund ta mbajnë.',
      'Predmet se oslanjao na svjedoke koji su otišli prije saslušanja koje je odbrana mogla ispitati; njihovi iskazi ga ne mogu nositi.',
    );
  } else {
    kind = 'acquittal';
    reason = cat(
      lt(
        'Not enough admissible evidence for: ',
        'Nema dovoljno dopuštenih dokaza za: ',
        'Нема доволно дозволени докази за: ',
        'Nuk ka mjaft prova të pranueshme për: ',
        'Nema dovoljno dopuštenih dokaza za: ',
      ),
      joinLabels(missing.length > 0 ? missing : core),
      '.',
    );
  }
  const qualifiers: LocalText[] = [];
  const gain = el('benefit');
  if (withoutGain && gain !== null && gain < 0.5 && (kind === 'conviction' || kind === 'plea'))
    qualifiers.push(
      lt(
        ' Gain is not proven: the basic offence, not the aggravated one committed for gain.',
        ' Korist nije dokazana: osnovni oblik dela, a ne teži oblik učinjen radi koristi.',
        ' Користа не е докажана: основниот облик на делото, а не потешкиот сторен заради корист.',
        ' Përfitimi nuk është provuar: forma bazë e veprës, jo forma e rënduar e kryer për përfitim.',
        ' Korist nije dokazana: osnovni oblik djela, a ne teži oblik počinjen radi koristi.',
      ),
    );
  // People the scenario says were paid nothing for their help, charged with smuggling: where the offence
  // requires gain no charge stands against them; where gain only aggravates it, at most the basic one.
  const unpaid = [
    ...new Set(
      state.acts
        .filter((a) => a.kind === 'charge' && (a.params.offence ?? 'smuggling') === 'smuggling')
        .flatMap((a) => a.persons),
    ),
  ].filter((id) => {
    const p = state.people[id];
    return (
      p !== undefined &&
      !p.smuggled &&
      p.kind !== 'official' &&
      ix.c.people.get(id)?.reward === 'nothing'
    );
  });
  if (unpaid.length > 0 && kind !== 'not_applicable')
    qualifiers.push(
      withoutGain
        ? cat(
            lt(
              ' Paid nothing for the help given: ',
              ' Za pruženu pomoć ništa nije plaćeno: ',
              ' За дадената помош ништо не е платено: ',
              ' Për ndihmën e dhënë nuk u pagua asgjë: ',
              ' Za pruženu pomoć ništa nije plaćeno: ',
            ),
            names(ix, unpaid),
            lt(
              '; the charge is at most the basic offence, without gain, which EU law lets a member state exempt.',
              '; optužba je najviše za osnovni oblik dela, bez koristi, koji pravo EU dopušta državi članici da izuzme.',
              '; обвинението е најмногу за основниот облик на делото, без корист, што правото на ЕУ ѝ дозволува на државата членка да го изземе.',
              '; akuza është e shumta për formën bazë të veprës, pa përfitim, që e drejta e BE-së lejon një shtet anëtar ta përjashtojë.',
              '; optužba je najviše za osnovni oblik djela, bez koristi, koji pravo EU dopušta državi članici da izuzme.',
            ),
          )
        : cat(
            lt(
              ' No charge stands against ',
              ' Optužba ne može opstati protiv: ',
              ' Обвинението не може да опстане против: ',
              ' Akuza nuk mund të qëndrojë kundër: ',
              ' Optužba ne može opstati protiv: ',
            ),
            names(ix, unpaid),
            lt(
              ': paid nothing for the help given, where the offence requires a financial or other material benefit.',
              ' — za pruženu pomoć ništa nije plaćeno, a delo zahteva imovinsku ili drugu materijalnu korist.',
              ' — за дадената помош ништо не е платено, а делото бара финансиска или друга материјална корист.',
              ' — për ndihmën e dhënë nuk u pagua asgjë, ndërsa vepra kërkon një përfitim financiar ose material tjetër.',
              ' — za pruženu pomoć ništa nije plaćeno, a djelo zahtijeva imovinsku ili drugu materijalnu korist.',
            ),
          ),
    );
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
          ' Докажан е потешкиот облик (опасност по живот или деца), од независни извори.',
          ' Forma e rënduar u provua (rrezik për jetën ose fëmijë), nga burime të pavarura.',
          ' Dokazan teži oblik (opasnost po život ili djeca), iz nezavisnih izvora.',
        ),
      );
    else if (single('aggravation_danger') || single('aggravation_children'))
      qualifiers.push(
        lt(
          ' The aggravation rests on a single source: not proven.',
          ' Otežavajuća okolnost počiva na jednom izvoru: nije dokazana.',
          ' Отежнувачката околност почива на еден извор: не е докажана.',
          ' Rrethana rënduese mbështetet në një burim të vetëm: nuk është provuar.',
          ' Otežavajuća okolnost počiva na jednom izvoru: nije dokazana.',
        ),
      );
    if (corroborated('organised_group'))
      qualifiers.push(
        lt(
          ' Organised group proven by independent sources.',
          ' Organizovana grupa dokazana iz nezavisnih izvora.',
          ' Организираната група е докажана од независни извори.',
          ' Grupi i organizuar u provua nga burime të pavarura.',
          ' Organizirana grupa dokazana iz nezavisnih izvora.',
        ),
      );
    else if (single('organised_group'))
      qualifiers.push(
        lt(
          ' The organised group rests on a single source: not proven.',
          ' Organizovana grupa počiva na jednom izvoru: nije dokazana.',
          ' Организираната група почива на еден извор: не е докажана.',
          ' Grupi i organizuar mbështetet në një burim të vetëm: nuk është provuar.',
          ' Organizirana grupa počiva na jednom izvoru: nije dokazana.',
        ),
      );
    if (el('identity_of_organiser') !== null)
      qualifiers.push(
        lt(
          ' The organiser is reached.',
          ' Organizator je obuhvaćen.',
          ' Организаторот е опфатен.',
          ' Organizatori është arritur.',
          ' Organizator je obuhvaćen.',
        ),
      );
  }
  // A death is an aggravating consequence only where its cause is established (an autopsy).
  const deaths = context.deaths ?? [];
  if (
    deaths.length > 0 &&
    kind !== 'acquittal' &&
    kind !== 'collapse' &&
    kind !== 'not_applicable'
  ) {
    const proven = deaths.filter((d) => d.autopsy).map((d) => d.person);
    const unproven = deaths.filter((d) => !d.autopsy).map((d) => d.person);
    if (proven.length > 0)
      qualifiers.push(
        cat(
          lt(
            ' Death caused (',
            ' Prouzrokovana smrt (',
            ' Предизвикана смрт (',
            ' Vdekje e shkaktuar (',
            ' Prouzrokovana smrt (',
          ),
          names(ix, proven),
          lt(
            '): causation established by autopsy.',
            '): uzročnost utvrđena obdukcijom.',
            '): причинската врска е утврдена со обдукција.',
            '): lidhja shkakësore u vërtetua me autopsi.',
            '): uzročnost utvrđena obdukcijom.',
          ),
        ),
      );
    if (unproven.length > 0)
      qualifiers.push(
        cat(
          lt(' The death of ', ' Smrt: ', ' Смртта: ', ' Vdekja: ', ' Smrt: '),
          names(ix, unproven),
          lt(
            ' cannot aggravate the charge: without an autopsy its cause is not proven.',
            ' ne može otežati optužbu: bez obdukcije uzrok nije dokazan.',
            ' не може да го отежни обвинението: без обдукција причината не е докажана.',
            ' nuk mund ta rëndojë akuzën: pa autopsi shkaku nuk është provuar.',
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
  const titles = (lang: TextLang) =>
    [...new Set(redLines.map((r) => inLang(r.title, lang)))].join('; ');
  // Kosovo is not a member of the Council of Europe: no application to the ECtHR lies from there. A
  // person turns to its Constitutional Court by an individual referral (Constitution art. 113(7)), which
  // reads the rights in line with the ECtHR's case law (art. 53). Every other country is a party.
  const kosovo = ix.c.scenario.country === 'XK';
  const overallReason =
    overall === 'hard_fail' && kind === 'not_applicable'
      ? cat(
          kosovo
            ? lt(
                `A non-derogable right was breached (${titles('en')}); it can be brought before the Constitutional Court by an individual referral (Constitution of Kosovo art. 113(7)), which reads the right in line with the ECtHR's case law (art. 53). `,
                `Povređeno je apsolutno pravo (${titles('sr-Latn')}); to može biti predmet individualnog zahteva Ustavnom sudu (čl. 113(7) Ustava Kosova), koji pravo tumači u skladu sa sudskom praksom Evropskog suda za ljudska prava (čl. 53). `,
                `Повредено е апсолутно право (${titles('mk')}); тоа може да биде предмет на индивидуално барање до Уставниот суд (чл. 113(7) од Уставот на Косово), кој правото го толкува во согласност со судската пракса на Европскиот суд за човекови права (чл. 53). `,
                `U shkel një e drejtë absolute (${titles('sq')}); kjo mund të bëhet objekt i një kërkese individuale në Gjykatën Kushtetuese (neni 113(7) i Kushtetutës së Kosovës), e cila e interpreton të drejtën në përputhje me praktikën gjyqësore të Gjykatës Evropiane të të Drejtave të Njeriut (neni 53). `,
                `Povrijeđeno je apsolutno pravo (${titles('bs')}); to može biti predmet individualnog zahtjeva Ustavnom sudu (čl. 113(7) Ustava Kosova), koji pravo tumači u skladu sa sudskom praksom Evropskog suda za ljudska prava (čl. 53). `,
              )
            : lt(
                `A non-derogable right was breached (${titles('en')}); it can be brought before the Constitutional Court or the ECtHR. `,
                `Povređeno je apsolutno pravo (${titles('sr-Latn')}); to može biti predmet ustavne žalbe ili predstavke ESLJP. `,
                `Повредено е апсолутно право (${titles('mk')}); тоа може да биде предмет на барање до Уставниот суд или апликација до ЕСЧП. `,
                `U shkel një e drejtë absolute (${titles('sq')}); kjo mund të bëhet objekt i një ankimi kushtetues ose i një ankese në GJEDNJ. `,
                `Povrijeđeno je apsolutno pravo (${titles('bs')}); to može biti predmet apelacije Ustavnom sudu ili aplikacije ESLJP. `,
              ),
          criminal.reason,
        )
      : overall === 'hard_fail'
        ? cat(
            kosovo
              ? lt(
                  `A non-derogable right was breached (${titles('en')}): the case is overshadowed by an individual referral to the Constitutional Court (Constitution of Kosovo art. 113(7)). The criminal case on its own evidence: `,
                  `Povređeno je apsolutno pravo (${titles('sr-Latn')}): predmet zasenjuje individualni zahtev Ustavnom sudu (čl. 113(7) Ustava Kosova). Krivični predmet na sopstvenim dokazima: `,
                  `Повредено е апсолутно право (${titles('mk')}): предметот го засенува индивидуално барање до Уставниот суд (чл. 113(7) од Уставот на Косово). Кривичниот предмет врз сопствените докази: `,
                  `U shkel një e drejtë absolute (${titles('sq')}): çështjen e errëson një kërkesë individuale në Gjykatën Kushtetuese (neni 113(7) i Kushtetutës së Kosovës). Çështja penale mbi provat e veta: `,
                  `Povrijeđeno je apsolutno pravo (${titles('bs')}): predmet zasjenjuje individualni zahtjev Ustavnom sudu (čl. 113(7) Ustava Kosova). Krivični predmet na vlastitim dokazima: `,
                )
              : lt(
                  `A non-derogable right was breached (${titles('en')}): the case is overshadowed by a constitutional or ECtHR complaint. The criminal case on its own evidence: `,
                  `Povređeno je apsolutno pravo (${titles('sr-Latn')}): predmet zasenjuje ustavna žalba ili predstavka ESLJP. Krivični predmet na sopstvenim dokazima: `,
                  `Повредено е апсолутно право (${titles('mk')}): предметот го засенува барање до Уставниот суд или апликација до ЕСЧП. Кривичниот предмет врз сопствените докази: `,
                  `U shkel një e drejtë absolute (${titles('sq')}): çështjen e errëson një ankim kushtetues ose një ankesë në GJEDNJ. Çështja penale mbi provat e veta: `,
                  `Povrijeđeno je apsolutno pravo (${titles('bs')}): predmet zasjenjuje apelacija Ustavnom sudu ili aplikacija ESLJP. Krivični predmet na vlastitim dokazima: `,
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

function joinLabels(els: readonly (keyof typeof ELEMENT_LABELS)[]): FullText {
  if (els.length === 0)
    return lt(
      'the core elements',
      'ključne elemente',
      'клучните елементи',
      'elementet thelbësore',
      'ključne elemente',
    );
  return each((lang) => els.map((e) => ELEMENT_LABELS[e][lang].toLowerCase()).join('; '));
}
