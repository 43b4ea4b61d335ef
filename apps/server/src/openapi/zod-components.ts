import * as shared from '@crossroads/shared';
import type { StandardSchemaConverter } from '@nestjs/swagger';
import { z } from 'zod';
import { parameterSchemas } from '../auth/zod-params';

type Json = Record<string, unknown>;
type Io = 'input' | 'output';

/** Kinds of schema worth a named component; strings, numbers and enums stay inline. */
const STRUCTURED = new Set(['object', 'union', 'intersection', 'record', 'lazy']);

/**
 * Component names: every structured schema `packages/shared` exports, named after its export
 * (`createSessionRequestSchema` → `CreateSessionRequest`), so no name is written by hand.
 */
const componentNames = new Map<z.ZodType, string>();
for (const [exported, value] of Object.entries(shared)) {
  if (!(value instanceof z.ZodType) || !exported.endsWith('Schema')) continue;
  if (!STRUCTURED.has(value._zod.def.type) || componentNames.has(value)) continue;
  componentNames.set(value, exported.charAt(0).toUpperCase() + exported.slice(1, -'Schema'.length));
}

/** `$ref` to the component of a shared schema (for content the route decorator spells out). */
export function componentRef(schema: z.ZodType): Json {
  const name = componentNames.get(schema);
  if (!name) throw new Error('componentRef: the schema is not one packages/shared exports');
  return { $ref: `#/components/schemas/${name}` };
}

const toJson = (schema: z.ZodType, io: Io, metadata: z.core.$ZodRegistry<{ id?: string }>): Json =>
  z.toJSONSchema(schema, {
    io,
    metadata,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Json;

/**
 * One registry per direction: a schema whose input differs from its output (defaults,
 * transforms) gets a second component, `<Name>Input`, for request bodies.
 */
function registries(): Record<Io, z.core.$ZodRegistry<{ id: string }>> {
  const empty = z.registry<{ id?: string }>();
  const output = z.registry<{ id: string }>();
  const input = z.registry<{ id: string }>();
  for (const [schema, name] of componentNames) {
    output.add(schema, { id: name });
    const same =
      JSON.stringify(toJson(schema, 'input', empty)) ===
      JSON.stringify(toJson(schema, 'output', empty));
    input.add(schema, { id: same ? name : `${name}Input` });
  }
  return { input, output };
}

/** Converts zod schemas for @nestjs/swagger: JSON Schema 2020-12 (OpenAPI 3.1), shared ones by `$ref`. */
export function zodComponents(): {
  converter: StandardSchemaConverter;
  /**
   * Completes the document's components: those only a `$ref` spelled out by hand names (e.g. an
   * NDJSON line), and `<Name>Input` renamed `<Name>` where no output of that name is used.
   */
  finish<D extends { components?: { schemas?: Record<string, unknown> } }>(document: D): D;
} {
  const registry = registries();
  const split = (json: Json) => {
    const { $defs, $schema: _dialect, ...schema } = json;
    return { schema, components: ($defs ?? {}) as Record<string, Json> };
  };
  const converter: StandardSchemaConverter = (schema, { schemaType }) => {
    if (!(schema instanceof z.ZodType)) return undefined;
    // Parameters are listed one by one; their descriptions live in zod's global registry.
    const metadata = parameterSchemas.has(schema) ? z.globalRegistry : registry[schemaType];
    return split(toJson(schema, schemaType, metadata));
  };
  const byName = new Map([...componentNames].map(([schema, name]) => [name, schema]));
  const refs = (document: unknown): Set<string> =>
    new Set(
      [...JSON.stringify(document).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map(
        (m) => m[1] ?? '',
      ),
    );

  const finish = <D extends { components?: { schemas?: Record<string, unknown> } }>(
    document: D,
  ): D => {
    const schemas = (document.components ??= {}).schemas ?? {};
    for (const name of refs(document)) {
      if (name in schemas) continue;
      const schema = byName.get(name);
      if (!schema) throw new Error(`OpenAPI document: no schema for $ref ${name}`);
      const { components } = split(toJson(schema, 'output', registry.output));
      for (const [defName, def] of Object.entries(components)) schemas[defName] ??= def;
    }
    const renamed = new Map<string, string>();
    for (const name of Object.keys(schemas)) {
      const base = name.slice(0, -'Input'.length);
      if (name.endsWith('Input') && !(base in schemas) && byName.has(base)) renamed.set(name, base);
    }
    document.components.schemas = Object.fromEntries(
      Object.entries(schemas).map(([name, schema]) => [renamed.get(name) ?? name, schema]),
    );
    let text = JSON.stringify(document).replaceAll('"#/$defs/', '"#/components/schemas/');
    for (const [name, base] of renamed)
      text = text.replaceAll(`"#/components/schemas/${name}"`, `"#/components/schemas/${base}"`);
    const finished = JSON.parse(text) as D;
    // zod names a recursive schema no export names `__schema<n>`: one per conversion, so two
    // conversions would overwrite each other's.
    const unnamed = Object.keys(finished.components?.schemas ?? {}).filter((n) =>
      n.startsWith('__schema'),
    );
    if (unnamed.length > 0) throw new Error(`OpenAPI document: unnamed recursive schemas`);
    return finished;
  };
  return { converter, finish };
}
