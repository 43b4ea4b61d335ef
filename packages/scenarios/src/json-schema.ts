/** The JSON Schema of a scenario file, generated from the zod schema (for editors and other tools). */
import { z } from 'zod';
import { Scenario } from './schema';

export const SCENARIO_SCHEMA_ID = 'https://crossroads.invalid/schema/scenario.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return {
    ...schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'Crossroads scenario',
    description:
      'A Crossroads training scenario (YAML or JSON). Generated from packages/scenarios/src/schema.ts: do not edit by hand; run `npm run scenarios:check -- --write-schema`.',
  };
}
