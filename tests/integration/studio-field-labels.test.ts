/**
 * The studio's forms label every property of the scenario file in the page's language. The schema
 * comes from the scenario engine, which the client may not import (it runs on the server only), so
 * the check that the client's translation tables cover it lives here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scenarioJsonSchema } from '@crossroads/scenarios';

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
