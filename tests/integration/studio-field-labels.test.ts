/**
 * The studio's forms label every property of the scenario file in the page's language. The schema
 * comes from the scenario engine, which the client may not import (it runs on the server only), so
 * the check that the client's translation tables cover it lives here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scenarioJsonSchema, VULNERABILITIES } from '@crossroads/scenarios';

const TEXT_LANGUAGES = ['en', 'sr-Latn', 'mk', 'sq', 'bs'];

/** Every property name anywhere in a JSON schema, less the language keys of its texts. */
function propertyNames(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const x of schema) propertyNames(x, out);
  else if (schema && typeof schema === 'object') {
    const props = (schema as { properties?: unknown }).properties;
    if (props && typeof props === 'object' && !Array.isArray(props))
      for (const k of Object.keys(props)) out.add(k);
    for (const x of Object.values(schema)) propertyNames(x, out);
  }
  for (const lang of TEXT_LANGUAGES) out.delete(lang);
  return out;
}

test('every property of the scenario file has a studio label in each language', () => {
  const names = [...propertyNames(scenarioJsonSchema())];
  expect(names.length).toBeGreaterThan(50);
  for (const lang of TEXT_LANGUAGES) {
    const file = path.join(__dirname, '../../apps/client/src/i18n', `${lang}.json`);
    const fields = (JSON.parse(readFileSync(file, 'utf8')) as { studio: { fields: object } }).studio
      .fields;
    const missing = names.filter((k) => !Object.hasOwn(fields, k));
    expect({ lang, missing }).toEqual({ lang, missing: [] });
  }
});

/** Every property that holds a list of structured items (each added with a button of its own). */
function structuredLists(schema: unknown): Set<string> {
  const defs = ((schema as { $defs?: Record<string, unknown> }).$defs ?? {}) as Record<
    string,
    Record<string, unknown>
  >;
  const deref = (x: unknown): Record<string, unknown> | undefined => {
    let node = x as Record<string, unknown> | undefined;
    for (let i = 0; node && typeof node.$ref === 'string' && i < 20; i++)
      node = defs[node.$ref.split('/').pop() ?? ''];
    return node;
  };
  const primitive = (items: unknown) => {
    const node = deref(items);
    return (
      node === undefined ||
      Array.isArray(node.enum) ||
      ['string', 'number', 'integer', 'boolean'].includes(String(node.type))
    );
  };
  const out = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const props = (x as { properties?: Record<string, unknown> }).properties;
      for (const [name, raw] of Object.entries(props ?? {})) {
        const prop = deref(raw);
        const list = [prop, ...((prop?.anyOf as unknown[] | undefined) ?? []).map(deref)].find(
          (p) => p?.type === 'array',
        );
        if (list && !primitive(list.items)) out.add(name);
      }
      Object.values(x).forEach(walk);
    }
  };
  walk(schema);
  return out;
}

test('every list of the scenario file has an add button worded for its items, in each language', () => {
  const lists = [...structuredLists(scenarioJsonSchema())];
  expect(lists).toEqual(expect.arrayContaining(['objectives', 'phases', 'options', 'effects']));
  for (const lang of TEXT_LANGUAGES) {
    const file = path.join(__dirname, '../../apps/client/src/i18n', `${lang}.json`);
    const add = (
      JSON.parse(readFileSync(file, 'utf8')) as {
        studio: { form: { add: Record<string, string> } };
      }
    ).studio.form.add;
    const missing = lists.filter((k) => !add[k]);
    expect({ lang, missing }).toEqual({ lang, missing: [] });
  }
});

test('every vulnerability the scenario file allows has a term trainees and facilitators read, in each language', () => {
  for (const lang of TEXT_LANGUAGES) {
    const file = path.join(__dirname, '../../apps/client/src/i18n', `${lang}.json`);
    const terms = (
      JSON.parse(readFileSync(file, 'utf8')) as {
        play: { terms: { vulnerability: Record<string, string> } };
      }
    ).play.terms.vulnerability;
    const missing = VULNERABILITIES.filter((v) => !terms[v]?.trim());
    expect({ lang, missing }).toEqual({ lang, missing: [] });
  }
});
