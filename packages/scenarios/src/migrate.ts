/**
 * Scenario language migration: files written in language 1.x (no `language` field) are rewritten to
 * language 2 when they are read, so every existing scenario keeps loading.
 *
 * Language 2 states facts, not conclusions. Where language 1 let the author write a verdict (a chase
 * marked `reckless`) or left out what the law turns on (who ran an inquiry, why a consulate was told),
 * the migration writes the neutral parameters that reproduce what language 1 meant, and says so in a
 * note (shown as a warning) so the author can state the real facts instead.
 */
import { coded, type Coded } from './problems';
import { LANGUAGE_VERSION } from './schema';

type Seg = string | number;
export interface MigrationNote extends Coded {
  path: Seg[];
  message: string;
}

export interface Migrated {
  /** The data in language 2 (a copy; the input is not changed). */
  data: unknown;
  /** The language the input was written in (1 when it had no `language` field). */
  from: number;
  notes: MigrationNote[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Rewrite language 1.x data to language 2. Data that already names a language is returned as is. */
export function migrateScenarioData(input: unknown): Migrated {
  if (!isObj(input) || 'language' in input)
    return {
      data: input,
      from: isObj(input) && typeof input.language === 'number' ? input.language : LANGUAGE_VERSION,
      notes: [],
    };
  // Scenario data is plain JSON (read from YAML or JSON), so a JSON copy is a deep copy.
  const data = JSON.parse(JSON.stringify(input)) as Obj;
  const notes: MigrationNote[] = [];
  const effects = (list: unknown, path: Seg[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((e, i) => effect(e, [...path, i]));
  };
  const effect = (e: unknown, path: Seg[]) => {
    if (!isObj(e)) return;
    if ('if' in e) {
      condition(e.if, [...path, 'if']);
      effects(e.then, [...path, 'then']);
      effects(e.else, [...path, 'else']);
      return;
    }
    if (typeof e.act !== 'string') return;
    const params = isObj(e.params) ? e.params : undefined;
    switch (e.act) {
      case 'chase': {
        const reckless = params?.reckless === true;
        e.act = 'pursuit';
        e.params = reckless
          ? {
              speed: 'high',
              setting: 'populated_area',
              occupants: 'passengers_on_board',
              alternativesConsidered: false,
              authorised: false,
            }
          : {
              speed: 'within_limits',
              setting: 'open_road',
              occupants: 'unknown',
              alternativesConsidered: true,
              authorised: true,
            };
        notes.push({
          path,
          message: `language 1 "chase { reckless: ${String(reckless)} }" is now "pursuit" with neutral facts (speed, setting, occupants, alternatives considered, authorisation); check that they describe the scene`,
          ...coded('migrated_chase', { reckless: reckless ? 'true' : 'false' }),
        });
        break;
      }
      case 'independent_inquiry':
        if (!params || Object.keys(params).length === 0) {
          e.params = { by: 'independent_body', coversStateAgents: true, familyParticipation: true };
          notes.push({
            path,
            message:
              'language 1 "independent_inquiry" had no parameters; it now states who investigates, whether state agents are covered and whether the family takes part (migrated as an independent body covering everyone, family involved)',
            ...coded('migrated_inquiry', {}),
          });
        }
        break;
      case 'consular_notification':
        if (params && !('reason' in params)) {
          e.params = { reason: 'other', ...params };
          notes.push({
            path,
            message:
              'language 1 "consular_notification" did not say why the consulate was told; migrated with reason "other" (use arrest, detention or death where that is the reason)',
            ...coded('migrated_consular_notification', {}),
          });
        }
        break;
      default:
        break;
    }
  };
  const condition = (c: unknown, path: Seg[]) => {
    if (!isObj(c)) return;
    if (Array.isArray(c.all)) c.all.forEach((x, i) => condition(x, [...path, 'all', i]));
    if (Array.isArray(c.any)) c.any.forEach((x, i) => condition(x, [...path, 'any', i]));
    if ('not' in c) condition(c.not, [...path, 'not']);
    if (c.act === 'chase') {
      c.act = 'pursuit';
      notes.push({
        path,
        message: 'language 1 condition on "chase" now reads "pursuit"',
        ...coded('migrated_chase_condition', {}),
      });
    }
  };
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  list(data.phases).forEach((p, pi) => {
    if (!isObj(p)) return;
    effects(p.onEnter, ['phases', pi, 'onEnter']);
    list(p.decisions).forEach((d, di) => {
      if (!isObj(d)) return;
      condition(d.when, ['phases', pi, 'decisions', di, 'when']);
      list(d.options).forEach((o, oi) => {
        if (!isObj(o)) return;
        const base: Seg[] = ['phases', pi, 'decisions', di, 'options', oi];
        condition(o.when, [...base, 'when']);
        effects(o.effects, [...base, 'effects']);
      });
    });
  });
  list(data.requests).forEach((r, ri) => {
    if (!isObj(r)) return;
    condition(r.when, ['requests', ri, 'when']);
    effects(r.grantEffects, ['requests', ri, 'grantEffects']);
    effects(r.refuseEffects, ['requests', ri, 'refuseEffects']);
  });
  list(data.injects).forEach((inj, ii) => {
    if (!isObj(inj)) return;
    if (isObj(inj.release)) condition(inj.release.when, ['injects', ii, 'release', 'when']);
    effects(inj.effects, ['injects', ii, 'effects']);
  });
  list(data.endings).forEach((en, ei) => {
    if (isObj(en)) condition(en.when, ['endings', ei, 'when']);
  });
  data.language = LANGUAGE_VERSION;
  return { data, from: 1, notes };
}
