/**
 * From findings to points: the rubric gives each finding its points per axis, caps repeated rules,
 * lets model findings supersede author annotations on the same situation, raises red lines and turns
 * the sums into 0–100 scores with a stated method.
 */
import type { Axis, Rubric, RubricRule } from '../rubric/types';
import type { Finding } from './model';
import type { EvidenceScore, RedLine, Score, ScoredItem } from './types';
import { cat, lt } from './text';

const SOURCE_ORDER = { model: 0, case: 1, annotation: 2 } as const;

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.seq - b.seq ||
    SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    cmp(a.persons.join(','), b.persons.join(',')) ||
    cmp(a.evidence.join(','), b.evidence.join(',')) ||
    cmp(a.annotation?.sketch ?? '', b.annotation?.sketch ?? '') ||
    (a.annotation?.points ?? 0) - (b.annotation?.points ?? 0)
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/**
 * The rubric rule an author annotation (sketch situation + axis + points) stands for: among the rules of that
 * situation with points on that axis in the same direction, the one closest in points (annotation-only rules
 * first on a tie). None when the situation has no such rule (the item is then an AUTHOR.Rxx item).
 */
export function resolveAnnotation(
  rubric: Rubric,
  sketch: string,
  axis: Axis,
  points: number,
): RubricRule | undefined {
  let best: RubricRule | undefined;
  let bestKey = Infinity;
  rubric.rules.forEach((r, i) => {
    const p = r.points[axis];
    if (!r.sketch.includes(sketch) || p === undefined || Math.sign(p) !== Math.sign(points)) return;
    const key = Math.abs(p - points) * 10_000 + (r.detection === 'annotation' ? 0 : 1_000) + i;
    if (key < bestKey) [best, bestKey] = [r, key];
  });
  return best;
}

/** A stand-in rule for an annotation no rubric rule matches: the situation's name and its first rule's bases. */
function authorRule(rubric: Rubric, sketch: string, axis: Axis): RubricRule | undefined {
  const situation = rubric.situations[sketch];
  const related = rubric.rules.find((r) => r.sketch.includes(sketch));
  if (!situation || !related) return undefined;
  return {
    id: `AUTHOR.${sketch}`,
    sketch: [sketch],
    axis,
    points: {},
    detection: 'annotation',
    title: cat(
      lt(
        "Author's rating: ",
        'Ocena autora: ',
        'Оценка на авторот: ',
        'Vlerësimi i autorit: ',
        'Ocjena autora: ',
      ),
      situation,
    ),
    explanation: cat(
      lt(
        'The scenario author rates this option for the situation "',
        'Autor scenarija ocenjuje ovu opciju za situaciju „',
        'Авторот на сценариото ја оценува оваа опција за ситуацијата „',
        'Autori i skenarit e vlerëson këtë opsion për situatën „',
        'Autor scenarija ocjenjuje ovu opciju za situaciju „',
      ),
      situation,
      lt('".', '".', '“.', '“.', '“.'),
    ),
    legalBasis: related.legalBasis,
  };
}

export interface Scored {
  items: ScoredItem[];
  redLines: RedLine[];
  warnings: string[];
}

export function scoreFindings(
  rubric: Rubric | PreparedRubric,
  team: string,
  findings: readonly Finding[],
): Scored {
  const rx =
    'rules' in rubric && rubric.rules instanceof Map
      ? (rubric as PreparedRubric)
      : prepareRubric(rubric as Rubric);
  rubric = rx.rubric;
  const rules = rx.rules;
  const sorted = findings.slice().sort(compareFindings);
  const items: ScoredItem[] = [];
  const warnings: string[] = [];
  // Where the model already judged an event on an axis (in one direction), an author annotation pointing the
  // same way adds nothing: annotations fill the gaps the model leaves, they never double a penalty or a reward.
  const modelAt = new Set<string>();
  for (const f of sorted) {
    if (f.source === 'annotation') continue;
    const rule = rules.get(f.ruleId);
    if (!rule) continue;
    for (const axis of axesOf(rule))
      modelAt.add(`${f.seq}|${axis}|${Math.sign(rule.points[axis] ?? 0)}`);
  }
  const used = new Map<string, number>();
  for (const f of sorted) {
    if (f.source === 'annotation' && f.annotation) {
      const a = f.annotation;
      const rule = annotationRule(rx, a.sketch, a.axis, a.points);
      if (!rule) {
        warnings.push(
          `annotation ${a.sketch} on ${f.decision?.decision ?? '?'}/${f.decision?.option ?? '?'}: no rubric rule for that situation`,
        );
        continue;
      }
      const scale = rubric.scales[a.axis];
      const points = clamp(a.points, scale.min, scale.max);
      if (points === 0) continue;
      const superseded = modelAt.has(`${f.seq}|${a.axis}|${Math.sign(points)}`);
      const hardFail = a.axis === 'rights' && points === -4;
      items.push(
        makeItem(
          rule,
          f,
          team,
          a.axis,
          points,
          hardFail ? ['HARD_FAIL'] : [],
          a.sketch,
          superseded ? 'superseded_by_model' : undefined,
        ),
      );
      continue;
    }
    const rule = rules.get(f.ruleId);
    if (!rule) continue; // not in this rubric version
    for (const axis of axesOf(rule)) {
      if (f.axes && !f.axes.includes(axis)) continue;
      items.push(
        makeItem(rule, f, team, axis, rule.points[axis] ?? 0, rule.flags ?? [], null, undefined),
      );
    }
  }
  countLostItemOnce(items);
  // Caps: gains count once per rule, losses up to lossMaxCount (or the rule's own maxCount).
  for (const item of items) {
    if (item.notCounted) continue;
    const rule = rules.get(item.ruleId);
    const cap =
      rule?.maxCount ??
      (item.points > 0 ? rubric.scoring.gainMaxCount : rubric.scoring.lossMaxCount);
    const k = `${item.ruleId}|${item.axis}`;
    const n = used.get(k) ?? 0;
    if (n >= cap) {
      item.counted = false;
      item.notCounted = 'max_count';
    } else used.set(k, n + 1);
  }
  const redLines: RedLine[] = [];
  const seenRed = new Set<string>();
  for (const item of items) {
    if (
      item.axis !== 'rights' ||
      !item.flags.includes('HARD_FAIL') ||
      item.notCounted === 'superseded_by_model'
    )
      continue;
    const k = `${item.ruleId}|${item.causedBySeq}|${item.persons.join(',')}`;
    if (seenRed.has(k)) continue;
    seenRed.add(k);
    redLines.push({
      ruleId: item.ruleId,
      causedBySeq: item.causedBySeq,
      time: item.time,
      role: item.role,
      ...(item.roles ? { roles: item.roles } : {}),
      participant: item.participant,
      ...(item.participants ? { participants: item.participants } : {}),
      persons: item.persons,
      title: item.title,
      detail: item.detail,
      legalBasis: item.legalBasis,
    });
  }
  return { items, redLines, warnings };
}

/**
 * An item of evidence is inadmissible once (rubric sketch: E−3 is "critical: inadmissible"; TAINT makes the
 * item inadmissible downstream). When one act taints the same item for several reasons — a child heard
 * without a guardian through an interpreter tied to the suspects — its evidence loss counts once, for the
 * gravest reason, and that item's detail names the others; each rights violation still counts on its own.
 * The same item: the same causing event, people and evidence.
 */
function countLostItemOnce(items: ScoredItem[]): void {
  const groups = new Map<string, ScoredItem[]>();
  for (const item of items) {
    if (
      item.notCounted ||
      item.source === 'annotation' ||
      item.axis !== 'evidence' ||
      item.points >= 0 ||
      !item.flags.includes('TAINT')
    )
      continue;
    const k = `${item.causedBySeq}|${item.persons.join('+')}|${item.evidence.join('+')}`;
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // Gravest first; among equals the first in finding order (stable sort).
    const [kept, ...others] = group.slice().sort((a, b) => a.points - b.points);
    if (!kept) continue;
    for (const o of others) {
      o.counted = false;
      o.notCounted = 'same_item';
    }
    kept.detail = cat(
      kept.detail,
      lt(
        ' (also inadmissible because: ',
        ' (nedopušteno i zbog: ',
        ' (недопуштено и поради: ',
        ' (i papranueshëm edhe për shkak të: ',
        ' (nedopušteno i zbog: ',
      ),
      ...others.flatMap((o, i) => (i === 0 ? [o.title] : ['; ', o.title])),
      ')',
    );
  }
}

function axesOf(rule: RubricRule): Axis[] {
  return (['evidence', 'rights'] as const).filter((a) => rule.points[a] !== undefined);
}

function makeItem(
  rule: RubricRule,
  f: Finding,
  team: string,
  axis: Axis,
  points: number,
  flags: RubricRule['flags'] & object,
  sketch: string | null,
  notCounted: ScoredItem['notCounted'],
): ScoredItem {
  const key = [
    team,
    rule.id,
    axis,
    f.seq,
    f.source,
    sketch ?? '',
    f.persons.join('+'),
    f.evidence.join('+'),
  ].join('|');
  const item: ScoredItem = {
    key,
    ruleId: rule.id,
    axis,
    points,
    counted: notCounted === undefined,
    source: f.source,
    flags: [...flags],
    sketch: sketch ? [sketch] : [...rule.sketch],
    team,
    role: f.role,
    ...(f.roles ? { roles: [...f.roles] } : {}),
    participant: f.participant,
    ...(f.participants ? { participants: [...f.participants] } : {}),
    time: f.time,
    causedBySeq: f.seq,
    persons: [...f.persons],
    evidence: [...f.evidence],
    title: rule.title,
    explanation: rule.explanation,
    detail: f.detail,
    legalBasis: rule.legalBasis,
  };
  if (notCounted) item.notCounted = notCounted;
  if (f.triggeredBySeq !== undefined) item.triggeredBySeq = f.triggeredBySeq;
  if (f.deadline) item.deadline = f.deadline;
  if (f.undischarged) item.undischarged = true;
  if (f.decision) item.decision = f.decision;
  return item;
}

/** A rubric with its lookups built once per debrief. */
export interface PreparedRubric {
  rubric: Rubric;
  rules: Map<string, RubricRule>;
  /** sketch|axis|points → the rule an annotation resolves to (null: none). */
  annotations: Map<string, RubricRule | null>;
}

export function prepareRubric(rubric: Rubric): PreparedRubric {
  return { rubric, rules: new Map(rubric.rules.map((r) => [r.id, r])), annotations: new Map() };
}

function annotationRule(
  rx: PreparedRubric,
  sketch: string,
  axis: Axis,
  points: number,
): RubricRule | undefined {
  const k = `${sketch}|${axis}|${points}`;
  let r = rx.annotations.get(k);
  if (r === undefined) {
    r =
      resolveAnnotation(rx.rubric, sketch, axis, points) ??
      authorRule(rx.rubric, sketch, axis) ??
      null;
    rx.annotations.set(k, r);
  }
  return r ?? undefined;
}

/**
 * Immediate value of one event's findings (evidence + rights points): model points (gains the team already
 * has do not count again), plus author annotations where the model did not already judge the event on that
 * axis in that direction.
 */
export function findingValue(
  rx: PreparedRubric,
  findings: readonly Finding[],
  alreadyFound: ReadonlySet<string> = new Set(),
): number {
  let v = 0;
  const judged = new Set<string>();
  for (const f of findings) {
    if (f.source === 'annotation') continue;
    const rule = rx.rules.get(f.ruleId);
    if (!rule) continue;
    for (const axis of axesOf(rule)) {
      const p = rule.points[axis] ?? 0;
      judged.add(`${axis}|${Math.sign(p)}`);
      // A gain the team already has would not count again.
      if (p > 0 && alreadyFound.has(rule.id)) continue;
      v += p;
    }
  }
  for (const f of findings) {
    const a = f.annotation;
    if (f.source !== 'annotation' || !a) continue;
    const scale = rx.rubric.scales[a.axis];
    const p = clamp(a.points, scale.min, scale.max);
    if (!judged.has(`${a.axis}|${Math.sign(p)}`)) v += p;
  }
  return v;
}

const sign = (n: number) => (n >= 0 ? `+${n}` : `${n}`);

export function rightsScore(rubric: Rubric, items: ScoredItem[], redLines: RedLine[]): Score {
  const s = rubric.scoring;
  const points = sumCounted(items, 'rights');
  const raw = clamp(Math.round(s.rightsBase + s.rightsPerPoint * points), 0, 100);
  const capped = redLines.length > 0;
  const value = capped ? Math.min(raw, s.redLineRightsCap) : raw;
  const v = `${rubric.id} ${rubric.version}`;
  const en =
    `rights = clamp(${s.rightsBase} + ${s.rightsPerPoint} × counted rights points (${sign(points)}), 0, 100) = ${raw}` +
    `; gains count once per rule, losses up to ${s.lossMaxCount} times` +
    (capped ? `; red line crossed → capped at ${s.redLineRightsCap}` : '') +
    ` (rubric ${v})`;
  const local = (
    rights: string,
    clampFn: string,
    counted: string,
    [once, upTo, times]: readonly [string, string, string],
    [crossed, capAt]: readonly [string, string],
    rubricWord: string,
  ) =>
    `${rights} = ${clampFn}(${s.rightsBase} + ${s.rightsPerPoint} × ${counted} (${sign(points)}), 0, 100) = ${raw}` +
    `; ${once}, ${upTo} ${s.lossMaxCount} ${times}` +
    (capped ? `; ${crossed} → ${capAt} ${s.redLineRightsCap}` : '') +
    ` (${rubricWord} ${v})`;
  const methodText = lt(
    en,
    local(
      'prava',
      'ograniči',
      'uračunati poeni za prava',
      ['dobici se računaju jednom po pravilu', 'gubici najviše', 'puta'],
      ['pređena crvena linija', 'najviše'],
      'rubrika',
    ),
    local(
      'права',
      'ограничи',
      'пресметани поени за правата',
      ['добивките се бројат еднаш по правило', 'загубите најмногу', 'пати'],
      ['премината црвена линија', 'најмногу'],
      'рубрика',
    ),
    local(
      'të drejtat',
      'kufizo',
      'pikët e llogaritura për të drejtat',
      ['fitimet llogariten një herë për rregull', 'humbjet deri në', 'herë'],
      ['u kalua vija e kuqe', 'kufizuar në'],
      'rubrika',
    ),
    local(
      'prava',
      'ograniči',
      'uračunati bodovi za prava',
      ['dobici se računaju jednom po pravilu', 'gubici najviše', 'puta'],
      ['pređena crvena linija', 'najviše'],
      'rubrika',
    ),
  );
  return { value, points, capped, method: en, methodText };
}

export function evidenceScore(
  rubric: Rubric,
  items: ScoredItem[],
  redLines: RedLine[],
  /** null: the scenario has no criminal case, so the score is the process alone. */
  caseStrength: number | null,
): EvidenceScore {
  const s = rubric.scoring;
  const points = sumCounted(items, 'evidence');
  const process = clamp(Math.round(s.processBase + s.processPerPoint * points), 0, 100);
  const raw =
    caseStrength === null
      ? process
      : Math.round(s.caseWeight * caseStrength + (1 - s.caseWeight) * process);
  // From rubric 2.0.0 the red line no longer caps evidence (cap 100): tainted items are excluded instead.
  const capped = redLines.length > 0 && s.redLineEvidenceCap < 100;
  const value = capped ? Math.min(raw, s.redLineEvidenceCap) : raw;
  const w = Math.round(s.caseWeight * 100);
  const v = `${rubric.id} ${rubric.version}`;
  const local = (
    [evidence, strength, coverage, twoSources]: readonly [string, string, string, string],
    [processWord, clampFn, counted]: readonly [string, string, string],
    [crossed, capAt]: readonly [string, string],
    rubricWord: string,
    noCase: string,
  ) => {
    const processPart = `${processWord} (${clampFn}(${s.processBase} + ${s.processPerPoint} × ${counted} (${sign(points)}), 0, 100) = ${process})`;
    return (
      (caseStrength === null
        ? `${evidence} = ${processPart} = ${raw}; ${noCase}`
        : `${evidence} = ${w}% ${strength} (${caseStrength}: ${coverage}, ${twoSources}) + ` +
          `${100 - w}% ${processPart} = ${raw}`) +
      (capped ? `; ${crossed} → ${capAt} ${s.redLineEvidenceCap}` : '') +
      ` (${rubricWord} ${v})`
    );
  };
  const en = local(
    [
      'evidence',
      'case strength',
      'weighted coverage of the offence elements by admissible evidence',
      '2 independent sources = fully proven',
    ],
    ['process', 'clamp', 'counted evidence points'],
    ['red line crossed', 'capped at'],
    'rubric',
    'the scenario has no criminal case, so case strength does not count',
  );
  const methodText = lt(
    en,
    local(
      [
        'dokazi',
        'snaga predmeta',
        'ponderisana pokrivenost elemenata dela dopuštenim dokazima',
        '2 nezavisna izvora = potpuno dokazano',
      ],
      ['postupak', 'ograniči', 'uračunati poeni za dokaze'],
      ['pređena crvena linija', 'najviše'],
      'rubrika',
      'scenario nema krivični predmet, pa se snaga predmeta ne računa',
    ),
    local(
      [
        'докази',
        'сила на предметот',
        'пондерирана покриеност на елементите на делото со дозволени докази',
        '2 независни извори = целосно докажано',
      ],
      ['постапка', 'ограничи', 'пресметани поени за доказите'],
      ['премината црвена линија', 'најмногу'],
      'рубрика',
      'сценариото нема кривичен предмет, па силата на предметот не се смета',
    ),
    local(
      [
        'provat',
        'forca e çështjes',
        'mbulimi i ponderuar i elementeve të veprës me prova të pranueshme',
        '2 burime të pavarura = plotësisht e provuar',
      ],
      ['procesi', 'kufizo', 'pikët e llogaritura për provat'],
      ['u kalua vija e kuqe', 'kufizuar në'],
      'rubrika',
      'skenari nuk ka çështje penale, prandaj forca e çështjes nuk llogaritet',
    ),
    local(
      [
        'dokazi',
        'snaga predmeta',
        'ponderisana pokrivenost elemenata djela dopuštenim dokazima',
        '2 nezavisna izvora = potpuno dokazano',
      ],
      ['postupak', 'ograniči', 'uračunati bodovi za dokaze'],
      ['pređena crvena linija', 'najviše'],
      'rubrika',
      'scenarij nema krivični predmet, pa se snaga predmeta ne računa',
    ),
  );
  return {
    value,
    points,
    capped,
    caseStrength,
    process,
    method: en,
    methodText,
  };
}

function sumCounted(items: ScoredItem[], axis: Axis): number {
  let n = 0;
  for (const i of items) if (i.counted && i.axis === axis) n += i.points;
  return n;
}
