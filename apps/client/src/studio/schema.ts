/**
 * Reading the scenario JSON Schema (generated on the server from the scenarios package's zod
 * schema) to build forms: references, texts, variants of conditions and effects.
 */
export type Schema = Record<string, unknown>;

export function deref(root: Schema, schema: Schema | undefined): Schema {
  let here: Schema = schema ?? {};
  for (let i = 0; i < 20 && typeof here.$ref === 'string'; i += 1) {
    const name = here.$ref.replace(/^#\/\$defs\//, '');
    const defs = (root.$defs ?? {}) as Record<string, Schema>;
    here = defs[name] ?? {};
  }
  return here;
}

const alternatives = (s: Schema): Schema[] | undefined =>
  (Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined) as
    Schema[] | undefined;

/** A translatable text: a string, or `{ en, sr-Latn, ... }`. */
export function isTextSchema(root: Schema, schema: Schema): boolean {
  const alts = alternatives(deref(root, schema));
  if (!alts || alts.length !== 2) return false;
  const [a, b] = alts.map((x) => deref(root, x));
  const props = (b?.properties ?? {}) as Record<string, unknown>;
  return a?.type === 'string' && b?.type === 'object' && 'en' in props;
}

/** The languages a text schema accepts, in schema order. */
export function textLanguages(root: Schema, schema: Schema): string[] {
  const alts = alternatives(deref(root, schema)) ?? [];
  const object = alts.map((x) => deref(root, x)).find((x) => x.type === 'object');
  return Object.keys((object?.properties ?? {}) as Record<string, unknown>);
}

export interface Variant {
  label: string;
  schema: Schema;
  /** Properties with a fixed value (`act: triage`). */
  fixed: Record<string, unknown>;
  required: string[];
}

/** The object variants of a union (conditions, effects, acts), flattened, each with a label. */
export function variantsOf(root: Schema, schema: Schema): Variant[] | null {
  const alts = alternatives(deref(root, schema));
  if (!alts) return null;
  const out: Variant[] = [];
  const visit = (s: Schema) => {
    const d = deref(root, s);
    const nested = alternatives(d);
    if (nested) {
      nested.forEach(visit);
      return;
    }
    if (d.type !== 'object') return;
    const props = (d.properties ?? {}) as Record<string, Schema>;
    const fixed: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(props)) if ('const' in prop) fixed[key] = prop.const;
    const required = (d.required ?? []) as string[];
    const label =
      Object.keys(fixed).length > 0
        ? Object.entries(fixed)
            .map(([k, v]) => `${k}: ${String(v)}`)
            .join(', ')
        : required.join(' + ') || Object.keys(props).join(' / ');
    out.push({ label, schema: d, fixed, required });
  };
  alts.forEach(visit);
  return out.length > 0 ? out : null;
}

/** The variant a value belongs to (fixed values first, then required keys), or -1. */
export function matchVariant(variants: readonly Variant[], value: unknown): number {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return -1;
  const v = value as Record<string, unknown>;
  const withFixed = variants.findIndex(
    (x) => Object.keys(x.fixed).length > 0 && Object.entries(x.fixed).every(([k, c]) => v[k] === c),
  );
  if (withFixed >= 0) return withFixed;
  return variants.findIndex(
    (x) =>
      Object.keys(x.fixed).length === 0 &&
      x.required.length > 0 &&
      x.required.every((k) => k in v) &&
      Object.keys(v).every((k) => k in ((x.schema.properties ?? {}) as Record<string, unknown>)),
  );
}

/** A minimal value that satisfies a schema's shape (for "add" buttons). */
export function emptyValue(root: Schema, schema: Schema, languages: readonly string[]): unknown {
  const s = deref(root, schema);
  if (isTextSchema(root, s)) return Object.fromEntries(languages.map((l) => [l, '']));
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  const variants = variantsOf(root, s);
  if (variants?.[0]) return emptyValue(root, variants[0].schema, languages);
  switch (s.type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = (s.required ?? []) as string[];
      return Object.fromEntries(
        required.map((k) => [k, emptyValue(root, props[k] ?? {}, languages)]),
      );
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 0;
    case 'boolean':
      return false;
    default:
      return '';
  }
}
