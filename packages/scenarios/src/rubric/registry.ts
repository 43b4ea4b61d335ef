import { translateRubric } from './i18n';
import {
  RUBRIC_LANGUAGES,
  type Axis,
  type Rubric,
  type RubricPatch,
  type RubricRule,
} from './types';
import { RUBRIC_V1_0_0 as RUBRIC_V1_0_0_SOURCE } from './v1.0.0';
import { PATCH_V1_1_0 } from './v1.1.0';
import { PATCH_V2_0_0 } from './v2.0.0';
import { PATCH_V2_1_0 } from './v2.1.0';

const AXES: readonly Axis[] = ['evidence', 'rights'];

/** Builds a new rubric version from a base and a patch. Pure: the base is not modified. */
export function deriveRubric(base: Rubric, patch: RubricPatch): Rubric {
  const removed = new Set(patch.remove ?? []);
  const changes = new Map((patch.change ?? []).map((c) => [c.id, c]));
  const rules: RubricRule[] = [];
  for (const rule of base.rules) {
    if (removed.has(rule.id)) continue;
    const change = changes.get(rule.id);
    rules.push(change ? { ...rule, ...change } : rule);
  }
  for (const id of changes.keys()) {
    if (!base.rules.some((r) => r.id === id))
      throw new Error(`rubric patch ${patch.version}: no rule ${id} to change`);
  }
  rules.push(...(patch.add ?? []));
  return {
    ...base,
    version: patch.version,
    deadlines: { ...base.deadlines, ...patch.deadlines },
    scoring: { ...base.scoring, ...patch.scoring },
    changelog: [...base.changelog, { version: patch.version, note: patch.note }],
    rules,
  };
}

/** Version 1.0.0 with its texts in all five languages. */
export const RUBRIC_V1_0_0: Rubric = translateRubric(RUBRIC_V1_0_0_SOURCE);

export const RUBRIC_V1_1_0: Rubric = translateRubric(deriveRubric(RUBRIC_V1_0_0, PATCH_V1_1_0));
/** 2.0.0 derives from 1.0.0 (1.1.0's interpreter weighting stays an alternative). */
export const RUBRIC_V2_0_0: Rubric = translateRubric(deriveRubric(RUBRIC_V1_0_0, PATCH_V2_0_0));

/** 2.1.0 derives from 2.0.0: help given for nothing, charged or arrested as smuggling. */
export const RUBRIC_V2_1_0: Rubric = translateRubric(deriveRubric(RUBRIC_V2_0_0, PATCH_V2_1_0));

/** Every published rubric version, oldest first. */
export const RUBRICS: readonly Rubric[] = [
  RUBRIC_V1_0_0,
  RUBRIC_V1_1_0,
  RUBRIC_V2_0_0,
  RUBRIC_V2_1_0,
];

/** The version a debrief uses when none is named. */
export const DEFAULT_RUBRIC: Rubric = RUBRIC_V2_1_0;

/** Rubric by version ("1.1.0"); undefined when that version does not exist. */
export function getRubric(version: string): Rubric | undefined {
  return RUBRICS.find((r) => r.version === version);
}

/** The newest published rubric. */
export function latestRubric(): Rubric {
  const last = RUBRICS[RUBRICS.length - 1];
  if (!last) throw new Error('no rubric published');
  return last;
}

/** Looks a rule up by id. */
export function ruleById(rubric: Rubric, id: string): RubricRule | undefined {
  return rubric.rules.find((r) => r.id === id);
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const RULE_ID = /^(EVIDENCE|RIGHTS)\.[A-Z0-9_]+\.[A-Z0-9_]+$/;

/** Where a missing rubric translation goes, for the problem message. */
function whereToAdd(lang: string): string {
  return lang === 'en' || lang === 'sr-Latn'
    ? ''
    : ` (add it in packages/scenarios/src/rubric/i18n/${lang}.ts)`;
}

/** Checks a rubric's internal consistency; returns human-readable problems (empty = valid). */
export function validateRubric(rubric: Rubric): string[] {
  const problems: string[] = [];
  if (!SEMVER.test(rubric.version)) problems.push(`version "${rubric.version}" is not semver`);
  const seen = new Set<string>();
  for (const rule of rubric.rules) {
    const where = `rule ${rule.id}`;
    if (!RULE_ID.test(rule.id)) problems.push(`${where}: id must look like RIGHTS.AREA.NAME`);
    if (seen.has(rule.id)) problems.push(`${where}: duplicate id`);
    seen.add(rule.id);
    const axes = AXES.filter((a) => rule.points[a] !== undefined);
    const expected = rule.axis === 'both' ? AXES : [rule.axis];
    if (axes.length !== expected.length || !expected.every((a) => axes.includes(a))) {
      problems.push(`${where}: axis "${rule.axis}" but points on [${axes.join(', ')}]`);
    }
    for (const axis of axes) {
      const p = rule.points[axis] ?? 0;
      const scale = rubric.scales[axis];
      if (!Number.isInteger(p) || p === 0 || p < scale.min || p > scale.max) {
        problems.push(`${where}: ${axis} points ${p} outside ${scale.min}..${scale.max} or zero`);
      }
    }
    const hardFail = rule.flags?.includes('HARD_FAIL') ?? false;
    if ((rule.points.rights === -4) !== hardFail) {
      problems.push(`${where}: rights −4 and the HARD_FAIL flag must go together`);
    }
    if (rule.legalBasis.length === 0) problems.push(`${where}: no legal basis`);
    for (const basis of rule.legalBasis) {
      if (!basis.instrument || (!basis.article && !basis.case))
        problems.push(`${where}: incomplete legal basis`);
    }
    for (const lang of RUBRIC_LANGUAGES) {
      if (!rule.title[lang]?.trim()) problems.push(`${where}: no ${lang} title${whereToAdd(lang)}`);
      if (!rule.explanation[lang]?.trim())
        problems.push(`${where}: no ${lang} explanation${whereToAdd(lang)}`);
    }
    if (rule.sketch.length === 0 || rule.sketch.some((s) => !/^R(0[1-9]|[1-3]\d)$/.test(s))) {
      problems.push(`${where}: sketch references must be R01..R38`);
    }
  }
  for (let i = 1; i <= 38; i++) {
    const r = `R${String(i).padStart(2, '0')}`;
    const sit = rubric.situations[r];
    for (const lang of RUBRIC_LANGUAGES) {
      if (!sit?.[lang]?.trim()) problems.push(`situation ${r}: no ${lang} name${whereToAdd(lang)}`);
    }
  }
  for (const lang of RUBRIC_LANGUAGES) {
    if (!rubric.title[lang]?.trim())
      problems.push(`rubric title: no ${lang} text${whereToAdd(lang)}`);
    for (const change of rubric.changelog) {
      if (!change.note[lang]?.trim())
        problems.push(`changelog ${change.version}: no ${lang} note${whereToAdd(lang)}`);
    }
  }
  return problems;
}
