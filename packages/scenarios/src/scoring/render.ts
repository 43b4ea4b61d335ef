/**
 * A debrief as plain text a trainer can put on the screen: per team the outcome, scores, red lines,
 * case-strength table, timeline with score deltas, legal bases and the team's own words (rationales,
 * justifications, answers' reasons, where the debrief carries them), missed opportunities; then the
 * cross-team comparison. Pure (returns a string).
 */
import { answeringAgencies, answeringParticipants } from '@crossroads/shared';
import { COUNTRY_NAMES, type Country } from '../country';
import { renderBasisIn } from '../rubric/render';
import type { LocalText } from '../rubric/types';
import { ELEMENT_LABELS } from './case';
import { at, inLang, type TextLang } from './text';
import type { Debrief, ElementStrength, ScoredItem, TeamDebrief } from './types';

/** The languages of the plain-text debrief: every language its texts are composed in. */
export type RenderLang = TextLang;

export interface RenderOptions {
  lang?: RenderLang;
  /**
   * How many legal bases to cite per item (default: all). A rule's bases list the country's own law
   * before the EU act that binds a member state (added last), so a cap can hide the binding act.
   */
  bases?: number;
}

const L = {
  en: {
    debrief: 'DEBRIEF',
    rubric: 'rubric',
    country: 'Country',
    events: 'events',
    recipient: 'for',
    team: 'TEAM',
    outcome: 'Outcome',
    criminal: 'Criminal case on its own evidence',
    state: 'Findings against the state',
    why: 'Why',
    engine: 'scenario ending reached in play',
    projected: '(projection: the run has not ended)',
    scores: 'Scores',
    evidence: 'Evidence',
    rights: 'Rights',
    redLines: 'Red lines',
    none: 'none',
    caseStrength: 'Case strength',
    element: 'Element',
    status: 'Status',
    score: 'Score',
    items: 'Evidence behind it',
    caseFile: 'Case file',
    timeline: 'Timeline',
    rationale: 'Rationale',
    justification: 'Why it was requested',
    answerReason: 'Reason given',
    basis: 'Basis',
    byAgency: 'By agency',
    byParticipant: 'By participant',
    missed: 'Missed opportunities',
    leftPath: 'Left the best path',
    chose: 'chose',
    whereBest: 'where the best option open was',
    whereLeastCostly: 'where the least costly option open was',
    comparison: 'Comparison across teams',
    lost: 'Witnesses lost',
    notCounted: 'not counted',
    superseded: 'already scored by the model',
    maxCount: 'rule already counted',
    sameItem: 'the same item is already counted as lost',
    alsoSeen: 'also applies, already counted once',
    deadline: 'deadline',
    trigger: 'triggered at event',
    warnings: 'Warnings',
    rejected: 'Rejected events (not scored)',
    authorNote: 'author note',
    caseFileTag: 'case file',
    statuses: {
      corroborated: 'corroborated',
      single_source: 'single source',
      weak: 'weak',
      none: 'not proven',
      not_in_scenario: '—',
    },
    ev: { admissible: 'admissible', weakened: 'weakened', excluded: 'EXCLUDED' },
    /** Evidence kinds and ending kinds, as the scenario language names them. */
    evKind: {
      physical: 'physical',
      digital: 'digital',
      testimony: 'testimony',
      document: 'document',
      financial: 'financial',
      forensic: 'forensic',
    },
    endKind: {
      conviction: 'conviction',
      plea: 'plea',
      acquittal: 'acquittal',
      collapse: 'collapse',
      hard_fail: 'hard fail',
      other: 'other',
      not_applicable: 'not applicable',
    },
    how: {
      departed: 'left',
      deported: 'deported',
      removed: 'removed by the team',
      withdrew: 'withdrew the statement',
    },
  },
  'sr-Latn': {
    debrief: 'ANALIZA',
    rubric: 'rubrika',
    country: 'Država',
    events: 'događaja',
    recipient: 'za',
    team: 'TIM',
    outcome: 'Ishod',
    criminal: 'Krivični predmet na sopstvenim dokazima',
    state: 'Nalazi protiv države',
    why: 'Zašto',
    engine: 'kraj scenarija dostignut u igri',
    projected: '(projekcija: igra nije završena)',
    scores: 'Ocene',
    evidence: 'Dokazi',
    rights: 'Prava',
    redLines: 'Crvene linije',
    none: 'nema',
    caseStrength: 'Snaga predmeta',
    element: 'Element',
    status: 'Stanje',
    score: 'Ocena',
    items: 'Dokazi',
    caseFile: 'Spis predmeta',
    timeline: 'Tok događaja',
    rationale: 'Obrazloženje',
    justification: 'Zašto je zatraženo',
    answerReason: 'Navedeni razlog',
    basis: 'Osnov',
    byAgency: 'Po službi',
    byParticipant: 'Po učesniku',
    missed: 'Propuštene prilike',
    leftPath: 'Skretanje sa najboljeg puta',
    chose: 'izabrano',
    whereBest: 'a najbolja dostupna opcija bila je',
    whereLeastCostly: 'a opcija sa najmanjim gubitkom bila je',
    comparison: 'Poređenje timova',
    lost: 'Izgubljeni svedoci',
    notCounted: 'ne računa se',
    superseded: 'model je to već ocenio',
    maxCount: 'pravilo je već uračunato',
    sameItem: 'isti dokaz je već uračunat kao izgubljen',
    alsoSeen: 'važi i ovde, već uračunato',
    deadline: 'rok',
    trigger: 'pokrenuto događajem',
    warnings: 'Upozorenja',
    rejected: 'Odbijeni događaji (nisu ocenjeni)',
    authorNote: 'napomena autora',
    caseFileTag: 'spis predmeta',
    statuses: {
      corroborated: 'potvrđeno',
      single_source: 'jedan izvor',
      weak: 'slabo',
      none: 'nije dokazano',
      not_in_scenario: '—',
    },
    ev: { admissible: 'dopušten', weakened: 'oslabljen', excluded: 'IZDVOJEN' },
    /** Evidence kinds and ending kinds, as the scenario language names them. */
    evKind: {
      physical: 'materijalni',
      digital: 'digitalni',
      testimony: 'iskaz',
      document: 'isprava',
      financial: 'finansijski',
      forensic: 'forenzički',
    },
    endKind: {
      conviction: 'osuda',
      plea: 'sporazum o priznanju',
      acquittal: 'oslobađanje',
      collapse: 'raspad predmeta',
      hard_fail: 'crvena linija',
      other: 'drugo',
      not_applicable: 'nije primenljivo',
    },
    how: {
      departed: 'otišao',
      deported: 'deportovan',
      removed: 'udaljio ga je tim',
      withdrew: 'povukao iskaz',
    },
  },
  mk: {
    debrief: 'АНАЛИЗА',
    rubric: 'рубрика',
    country: 'Држава',
    events: 'настани',
    recipient: 'за',
    team: 'ТИМ',
    outcome: 'Исход',
    criminal: 'Кривичниот предмет врз сопствените докази',
    state: 'Наоди против државата',
    why: 'Зошто',
    engine: 'крај на сценариото достигнат во играта',
    projected: '(проекција: играта не е завршена)',
    scores: 'Оценки',
    evidence: 'Докази',
    rights: 'Права',
    redLines: 'Црвени линии',
    none: 'нема',
    caseStrength: 'Сила на предметот',
    element: 'Елемент',
    status: 'Состојба',
    score: 'Оценка',
    items: 'Докази',
    caseFile: 'Списи на предметот',
    timeline: 'Тек на настаните',
    rationale: 'Образложение',
    justification: 'Зошто е побарано',
    answerReason: 'Наведена причина',
    basis: 'Основ',
    byAgency: 'По служба',
    byParticipant: 'По учесник',
    missed: 'Пропуштени можности',
    leftPath: 'Скршнување од најдобриот пат',
    chose: 'избрано',
    whereBest: 'а најдобрата достапна опција беше',
    whereLeastCostly: 'а опцијата со најмала загуба беше',
    comparison: 'Споредба на тимовите',
    lost: 'Изгубени сведоци',
    notCounted: 'не се брои',
    superseded: 'моделот веќе го оцени',
    maxCount: 'правилото е веќе пресметано',
    sameItem: 'истиот доказ веќе е засметан како изгубен',
    alsoSeen: 'важи и овде, веќе пресметано',
    deadline: 'рок',
    trigger: 'предизвикано со настан',
    warnings: 'Предупредувања',
    rejected: 'Одбиени настани (не се оценети)',
    authorNote: 'белешка на авторот',
    caseFileTag: 'списи на предметот',
    statuses: {
      corroborated: 'потврдено',
      single_source: 'еден извор',
      weak: 'слабо',
      none: 'не е докажано',
      not_in_scenario: '—',
    },
    ev: { admissible: 'дозволен', weakened: 'ослабен', excluded: 'ИЗДВОЕН' },
    /** Evidence kinds and ending kinds, as the scenario language names them. */
    evKind: {
      physical: 'материјален',
      digital: 'дигитален',
      testimony: 'исказ',
      document: 'исправа',
      financial: 'финансиски',
      forensic: 'форензички',
    },
    endKind: {
      conviction: 'осуда',
      plea: 'спогодба за признавање',
      acquittal: 'ослободување',
      collapse: 'распаѓање на предметот',
      hard_fail: 'црвена линија',
      other: 'друго',
      not_applicable: 'не е применливо',
    },
    how: {
      departed: 'замина',
      deported: 'депортиран',
      removed: 'отстранет од тимот',
      withdrew: 'ја повлече изјавата',
    },
  },
  sq: {
    debrief: 'ANALIZA',
    rubric: 'rubrika',
    country: 'Shteti',
    events: 'ngjarje',
    recipient: 'për',
    team: 'EKIPI',
    outcome: 'Rezultati',
    criminal: 'Çështja penale mbi provat e veta',
    state: 'Gjetje kundër shtetit',
    why: 'Pse',
    engine: 'fundi i skenarit i arritur në lojë',
    projected: '(parashikim: loja nuk ka përfunduar)',
    scores: 'Vlerësimet',
    evidence: 'Provat',
    rights: 'Të drejtat',
    redLines: 'Vija të kuqe',
    none: 'asnjë',
    caseStrength: 'Forca e çështjes',
    element: 'Elementi',
    status: 'Gjendja',
    score: 'Vlerësimi',
    items: 'Provat',
    caseFile: 'Dosja',
    timeline: 'Rrjedha e ngjarjeve',
    rationale: 'Arsyetimi',
    justification: 'Pse u kërkua',
    answerReason: 'Arsyeja e dhënë',
    basis: 'Baza',
    byAgency: 'Sipas institucionit',
    byParticipant: 'Sipas pjesëmarrësit',
    missed: 'Mundësi të humbura',
    leftPath: 'Largim nga rruga më e mirë',
    chose: 'u zgjodh',
    whereBest: 'ndërsa opsioni më i mirë i mundshëm ishte',
    whereLeastCostly: 'ndërsa opsioni me humbjen më të vogël ishte',
    comparison: 'Krahasimi i ekipeve',
    lost: 'Dëshmitarë të humbur',
    notCounted: 'nuk llogaritet',
    superseded: 'e ka vlerësuar tashmë modeli',
    maxCount: 'rregulli është llogaritur tashmë',
    sameItem: 'e njëjta provë është llogaritur tashmë si e humbur',
    alsoSeen: 'vlen edhe këtu, llogaritur tashmë',
    deadline: 'afati',
    trigger: 'shkaktuar nga ngjarja',
    warnings: 'Paralajmërime',
    rejected: 'Ngjarje të refuzuara (të pavlerësuara)',
    authorNote: 'shënim i autorit',
    caseFileTag: 'dosja',
    statuses: {
      corroborated: 'e vërtetuar',
      single_source: 'një burim',
      weak: 'e dobët',
      none: 'e paprovuar',
      not_in_scenario: '—',
    },
    ev: { admissible: 'e pranueshme', weakened: 'e dobësuar', excluded: 'E PËRJASHTUAR' },
    /** Evidence kinds and ending kinds, as the scenario language names them. */
    evKind: {
      physical: 'material',
      digital: 'dixhital',
      testimony: 'dëshmi',
      document: 'dokument',
      financial: 'financiar',
      forensic: 'forenzik',
    },
    endKind: {
      conviction: 'dënim',
      plea: 'marrëveshje për pranimin e fajësisë',
      acquittal: 'lirim',
      collapse: 'rrëzim i çështjes',
      hard_fail: 'vijë e kuqe',
      other: 'tjetër',
      not_applicable: 'nuk zbatohet',
    },
    how: {
      departed: 'u largua',
      deported: 'u dëbua',
      removed: 'u largua nga ekipi',
      withdrew: 'e tërhoqi deklaratën',
    },
  },
  bs: {
    debrief: 'ANALIZA',
    rubric: 'rubrika',
    country: 'Država',
    events: 'događaja',
    recipient: 'za',
    team: 'TIM',
    outcome: 'Ishod',
    criminal: 'Krivični predmet na vlastitim dokazima',
    state: 'Nalazi protiv države',
    why: 'Zašto',
    engine: 'kraj scenarija dostignut u igri',
    projected: '(projekcija: igra nije završena)',
    scores: 'Ocjene',
    evidence: 'Dokazi',
    rights: 'Prava',
    redLines: 'Crvene linije',
    none: 'nema',
    caseStrength: 'Snaga predmeta',
    element: 'Element',
    status: 'Stanje',
    score: 'Ocjena',
    items: 'Dokazi',
    caseFile: 'Spis predmeta',
    timeline: 'Tok događaja',
    rationale: 'Obrazloženje',
    justification: 'Zašto je zatraženo',
    answerReason: 'Navedeni razlog',
    basis: 'Osnov',
    byAgency: 'Po službi',
    byParticipant: 'Po učesniku',
    missed: 'Propuštene prilike',
    leftPath: 'Skretanje s najboljeg puta',
    chose: 'izabrano',
    whereBest: 'a najbolja dostupna opcija bila je',
    whereLeastCostly: 'a opcija s najmanjim gubitkom bila je',
    comparison: 'Poređenje timova',
    lost: 'Izgubljeni svjedoci',
    notCounted: 'ne računa se',
    superseded: 'model je to već ocijenio',
    maxCount: 'pravilo je već uračunato',
    sameItem: 'isti dokaz je već uračunat kao izgubljen',
    alsoSeen: 'vrijedi i ovdje, već uračunato',
    deadline: 'rok',
    trigger: 'pokrenuto događajem',
    warnings: 'Upozorenja',
    rejected: 'Odbijeni događaji (nisu ocijenjeni)',
    authorNote: 'napomena autora',
    caseFileTag: 'spis predmeta',
    statuses: {
      corroborated: 'potvrđeno',
      single_source: 'jedan izvor',
      weak: 'slabo',
      none: 'nije dokazano',
      not_in_scenario: '—',
    },
    ev: { admissible: 'dopušten', weakened: 'oslabljen', excluded: 'IZDVOJEN' },
    /** Evidence kinds and ending kinds, as the scenario language names them. */
    evKind: {
      physical: 'materijalni',
      digital: 'digitalni',
      testimony: 'iskaz',
      document: 'isprava',
      financial: 'finansijski',
      forensic: 'forenzički',
    },
    endKind: {
      conviction: 'osuda',
      plea: 'sporazum o priznanju krivnje',
      acquittal: 'oslobađanje',
      collapse: 'raspad predmeta',
      hard_fail: 'crvena linija',
      other: 'drugo',
      not_applicable: 'nije primjenjivo',
    },
    how: {
      departed: 'otišao',
      deported: 'deportovan',
      removed: 'udaljio ga je tim',
      withdrew: 'povukao iskaz',
    },
  },
} as const;

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);
/** A text typed by a trainee, on one line of the listing. */
const oneLine = (s: string) => s.trim().replace(/\s*\n\s*/g, ' ');

/** A debrief as stored: one made before scenarios stated their country names none. */
export type RenderableDebrief = Omit<Debrief, 'scenario'> & {
  scenario: Omit<Debrief['scenario'], 'country'> & { country?: Country | undefined };
};

export function renderDebriefText(d: RenderableDebrief, options: RenderOptions = {}): string {
  const lang = options.lang ?? 'en';
  const t = L[lang];
  const tx = (x: LocalText) => inLang(x, lang);
  const out: string[] = [];
  const country = d.scenario.country
    ? ` · ${t.country}: ${COUNTRY_NAMES[d.scenario.country][lang]}`
    : '';
  out.push(
    `${t.debrief} — ${tx(d.scenario.title)} (${d.scenario.id} ${d.scenario.version})${country} · ${t.rubric} ${d.rubric.id} ${d.rubric.version} · ${d.events.count} ${t.events}` +
      (d.recipient ? ` · ${t.recipient} ${d.recipient.team} / ${d.recipient.role}` : ''),
  );
  for (const team of d.teams)
    out.push(
      '',
      ...renderTeam(team, lang, options.bases ?? Number.POSITIVE_INFINITY, d.scenario.startTime),
    );
  if (d.comparison.length > 0 && (d.teams.length > 1 || d.recipient)) {
    out.push('', `═══ ${t.comparison} ═══`);
    for (const c of d.comparison) if (tx(c.summary)) out.push(`• ${tx(c.title)}: ${tx(c.summary)}`);
  }
  if (d.warnings.length > 0) out.push('', `${t.warnings}:`, ...d.warnings.map((w) => `  ! ${w}`));
  return out.join('\n') + '\n';
}

function renderTeam(
  team: TeamDebrief,
  lang: RenderLang,
  nBases: number,
  startTime: string | undefined,
): string[] {
  const t = L[lang];
  const tx = (x: LocalText) => inLang(x, lang);
  const out: string[] = [];
  const itemByKey = new Map(team.items.map((i) => [i.key, i]));
  out.push(`═══ ${t.team} ${team.name}${team.name !== team.team ? ` (${team.team})` : ''} ═══`);
  const o = team.outcome;
  out.push(
    `${t.outcome}: ${tx(o.label)}${o.ending ? ` — “${tx(o.ending.title)}”` : ''}${o.final ? '' : ` ${t.projected}`}`,
    `  ${t.why}: ${tx(o.reason)}`,
  );
  // Where the scenario has no criminal case the outcome line above already says so.
  if (o.kind !== 'not_applicable') out.push(`  ${t.criminal}: ${tx(o.criminal.label)}`);
  if (o.accountability.length === 0) out.push(`  ${t.state}: ${t.none}`);
  else {
    out.push(`  ${t.state}:`);
    for (const a of o.accountability)
      out.push(`    ✖ ${tx(a.finding)} — ${tx(a.title)}: ${tx(a.detail)} · #${a.causedBySeq}`);
  }
  if (o.engineEnding)
    out.push(
      `  ${t.engine}: “${tx(o.engineEnding.title)}” (${t.endKind[o.engineEnding.kind]}, ${tx(at(o.engineEnding.time, startTime))})`,
    );
  out.push(
    `${t.scores}: ${t.evidence} ${team.evidenceScore.value}/100 · ${t.rights} ${team.rightsScore.value}/100`,
    `  ${t.evidence}: ${tx(team.evidenceScore.methodText)}`,
    `  ${t.rights}: ${tx(team.rightsScore.methodText)}`,
  );
  if (team.redLines.length === 0) out.push(`${t.redLines}: ${t.none}`);
  else {
    out.push(`${t.redLines}:`);
    for (const r of team.redLines)
      out.push(
        `  ✖ ${tx(r.title)} · ${tx(at(r.time, startTime))} · ${answeringAgencies(r).join(' + ') || '—'}${answeringParticipants(r).length > 0 ? ` (${answeringParticipants(r).join(' + ')})` : ''} · #${r.causedBySeq}`,
        `      ${tx(r.detail)}`,
        `      ${t.basis}: ${r.legalBasis
          .slice(0, nBases)
          .map((b) => renderBasisIn(b, lang))
          .join('; ')}`,
      );
  }
  if (team.caseStrength.every((e) => e.status === 'not_in_scenario'))
    out.push(`${t.caseStrength}: ${t.none}`);
  else out.push(`${t.caseStrength}:`, ...caseTable(team.caseStrength, lang));
  if (team.evidence.length > 0) {
    out.push(`${t.caseFile}:`);
    for (const e of team.evidence) {
      const mark = e.status === 'admissible' ? '✓' : e.status === 'weakened' ? '~' : '✗';
      const why = e.reasons.length > 0 ? ` — ${e.reasons.map(tx).join('; ')}` : '';
      out.push(
        `  ${mark} ${tx(e.title)} [${e.id}] (${t.evKind[e.kind as keyof typeof t.evKind] ?? e.kind}, ${tx(at(e.obtainedAt, startTime))}) ${t.ev[e.status]}${why}`,
      );
    }
  }
  if (team.witnessesLost.length > 0)
    out.push(
      `${t.lost}: ${team.witnessesLost.map((w) => `${tx(w.name)} (${t.how[w.how]}, ${tx(at(w.time, startTime))})`).join('; ')}`,
    );
  out.push(`${t.timeline}:`);
  for (const e of team.timeline) {
    const who = e.role ? `[${e.role}${e.participant ? ` · ${e.participant}` : ''}] ` : '';
    const delta = [
      e.delta.evidence !== 0 ? `E ${signed(e.delta.evidence)}` : '',
      e.delta.rights !== 0 ? `R ${signed(e.delta.rights)}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    out.push(
      `  ${pad(tx(at(e.time, startTime)), 16)} #${pad(String(e.seq), 5)} ${who}${tx(e.label)}${delta ? `   ⇒ ${delta}` : ''}`,
    );
    // The team's own words, as the web debrief shows them: why a decision was taken or a request sent,
    // and why a request was granted or refused. The debrief carries them only where its recipient may
    // read them (a recipient-scoped one: its own agency's rationales, the answers of its exchanges).
    if (e.rationale)
      out.push(
        `        ${e.type === 'request.sent' ? t.justification : t.rationale}: “${oneLine(e.rationale)}”`,
      );
    if (e.reason) out.push(`        ${t.answerReason}: “${oneLine(e.reason)}”`);
    const repeats = new Map<string, number>();
    for (const k of e.items) {
      const i = itemByKey.get(k);
      if (!i || i.notCounted === 'superseded_by_model') continue;
      if (i.notCounted === 'max_count') repeats.set(i.ruleId, (repeats.get(i.ruleId) ?? 0) + 1);
      else out.push(...renderItem(i, lang, nBases, startTime));
    }
    if (repeats.size > 0)
      out.push(
        `        (${t.alsoSeen}: ${[...repeats].map(([r, n]) => `${r}${n > 1 ? ` ×${n}` : ''}`).join(', ')})`,
      );
  }
  out.push(
    `${t.byAgency}: ${team.byAgency.map((b) => `${b.id === '(none)' ? '—' : b.id} E ${signed(b.evidence)} R ${signed(b.rights)}`).join(' · ') || t.none}`,
  );
  out.push(
    `${t.byParticipant}: ${team.byParticipant.map((b) => `${b.id === '(none)' ? '—' : b.id} E ${signed(b.evidence)} R ${signed(b.rights)}`).join(' · ') || t.none}`,
  );
  if (team.missedOpportunities.length > 0) {
    out.push(`${t.missed}:`);
    for (const m of team.missedOpportunities)
      out.push(
        `  - ${tx(m.description)}${m.deadline ? ` (${t.deadline} ${tx(at(m.deadline.due, startTime))})` : ''}`,
      );
  }
  const lp = team.leftBestPath;
  if (lp)
    out.push(
      `${t.leftPath}: ${tx(at(lp.time, startTime))} #${lp.seq} “${tx(lp.title)}”: ${t.chose} “${tx(lp.chosenLabel)}” (${signed(lp.chosenValue)}) ${lp.bestValue < 0 ? t.whereLeastCostly : t.whereBest} “${tx(lp.bestLabel)}” (${signed(lp.bestValue)})`,
    );
  if (team.rejected.length > 0)
    out.push(
      `${t.rejected}: ${team.rejected.map((r) => `#${r.seq} ${r.type} (${r.code})`).join(', ')}`,
    );
  return out;
}

function renderItem(
  i: ScoredItem,
  lang: RenderLang,
  nBases: number,
  startTime: string | undefined,
): string[] {
  const t = L[lang];
  const tx = (x: LocalText) => inLang(x, lang);
  const flag = i.flags.length > 0 ? ` ${i.flags.join(',')}` : '';
  const nc = i.counted
    ? ''
    : ` (${t.notCounted}: ${i.notCounted === 'superseded_by_model' ? t.superseded : i.notCounted === 'same_item' ? t.sameItem : t.maxCount})`;
  const src =
    i.source === 'annotation'
      ? ` [${i.sketch.join(',')} ${t.authorNote}]`
      : i.source === 'case'
        ? ` [${t.caseFileTag}]`
        : '';
  const lines = [
    `        ${signed(i.points)} ${i.axis === 'evidence' ? 'E' : 'R'}  ${tx(i.title)}${flag}${src}${nc}`,
    `             ${tx(i.detail)}`,
  ];
  if (i.deadline)
    lines.push(
      `             ${t.deadline}: ${tx(at(i.deadline.from, startTime))} → ${tx(at(i.deadline.due, startTime))}${i.triggeredBySeq !== undefined ? ` (${t.trigger} #${i.triggeredBySeq})` : ''}`,
    );
  lines.push(
    `             ${t.basis}: ${i.legalBasis
      .slice(0, nBases)
      .map((b) => renderBasisIn(b, lang))
      .join('; ')}`,
  );
  return lines;
}

function caseTable(elements: ElementStrength[], lang: RenderLang): string[] {
  const t = L[lang];
  const rows = elements.filter((e) => e.status !== 'not_in_scenario');
  const out = [`  ${pad(t.element, 44)} ${pad(t.status, 15)} ${pad(t.score, 6)} ${t.items}`];
  for (const e of rows) {
    const ev = e.evidence
      .map(
        (x) => `${x.id}${x.status === 'admissible' ? '' : x.status === 'weakened' ? ' ~' : ' ✗'}`,
      )
      .join(', ');
    out.push(
      `  ${pad(ELEMENT_LABELS[e.element][lang], 44)} ${pad(t.statuses[e.status], 15)} ${pad(e.score.toFixed(2), 6)} ${ev || '—'}`,
    );
  }
  return out;
}
