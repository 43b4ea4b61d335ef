import {
  studioAnalysisSchema,
  studioDiffSchema,
  studioDryRunSchema,
  studioPreviewSchema,
  studioScenarioListItemSchema,
  studioScenarioSchema,
  studioTemplateSchema,
  studioValidationSchema,
  studioVersionSchema,
  type CreateStudioScenarioRequest,
  type DryRunAction,
  type StudioAnalysis,
  type StudioDiff,
  type StudioDryRun,
  type StudioPreview,
  type StudioScenario,
  type StudioScenarioListItem,
  type StudioTemplate,
  type StudioValidation,
  type StudioVersion,
} from '@crossroads/shared';
import { anything, request, type FetchFn, type Parser } from './facilitatorApi';

/** The JSON Schema of a scenario as the server serves it (drives the studio's forms). */
export type JsonSchema = Record<string, unknown>;

const jsonObject: Parser<JsonSchema> = {
  safeParse: (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { success: true, data: value as JsonSchema }
      : { success: false },
};

const defaultFetch: FetchFn = (input, init) => fetch(input, init);
const id = (value: string) => encodeURIComponent(value);

/** The authoring studio's REST endpoints (see packages/shared/src/studio.ts). */
export function createStudioApi(fetchFn: FetchFn = defaultFetch) {
  return {
    schema: (token: string): Promise<JsonSchema> =>
      request(fetchFn, '/api/studio/schema', jsonObject, { token }),
    templates: (token: string): Promise<StudioTemplate[]> =>
      request(fetchFn, '/api/studio/templates', studioTemplateSchema.array(), { token }),
    list: (token: string): Promise<StudioScenarioListItem[]> =>
      request(fetchFn, '/api/studio/scenarios', studioScenarioListItemSchema.array(), { token }),
    create: (token: string, body: CreateStudioScenarioRequest): Promise<StudioScenario> =>
      request(fetchFn, '/api/studio/scenarios', studioScenarioSchema, {
        method: 'POST',
        token,
        body,
      }),
    get: (token: string, scenario: string): Promise<StudioScenario> =>
      request(fetchFn, `/api/studio/scenarios/${id(scenario)}`, studioScenarioSchema, { token }),
    save: (token: string, scenario: string, source: string): Promise<StudioScenario> =>
      request(fetchFn, `/api/studio/scenarios/${id(scenario)}/draft`, studioScenarioSchema, {
        method: 'PUT',
        token,
        body: { source },
      }),
    publish: (token: string, scenario: string): Promise<StudioVersion> =>
      request(fetchFn, `/api/studio/scenarios/${id(scenario)}/publish`, studioVersionSchema, {
        method: 'POST',
        token,
      }),
    diff: (token: string, scenario: string, from: string, to: string): Promise<StudioDiff> =>
      request(
        fetchFn,
        `/api/studio/scenarios/${id(scenario)}/diff?from=${id(from)}&to=${id(to)}`,
        studioDiffSchema,
        { token },
      ),
    validate: (token: string, source: string): Promise<StudioValidation> =>
      request(fetchFn, '/api/studio/validate', studioValidationSchema, {
        method: 'POST',
        token,
        body: { source },
      }),
    analyse: (token: string, source: string): Promise<StudioAnalysis> =>
      request(fetchFn, '/api/studio/analyse', studioAnalysisSchema, {
        method: 'POST',
        token,
        body: { source },
      }),
    preview: (
      token: string,
      source: string,
      decision: string,
      option: string,
    ): Promise<StudioPreview> =>
      request(fetchFn, '/api/studio/preview', studioPreviewSchema, {
        method: 'POST',
        token,
        body: { source, decision, option },
      }),
    dryRun: (
      token: string,
      source: string,
      events: DryRunAction[],
      role: string | null,
      upTo?: number,
    ): Promise<StudioDryRun> =>
      request(fetchFn, '/api/studio/dry-run', studioDryRunSchema, {
        method: 'POST',
        token,
        body: { source, events, role, ...(upTo !== undefined ? { upTo } : {}) },
      }),
    /** The export as text (the page turns it into a download). */
    exportText: async (token: string, scenario: string, version: string): Promise<string> => {
      const response = await fetchFn(
        `/api/studio/scenarios/${id(scenario)}/export?version=${id(version)}`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      if (!response.ok) throw new Error(`export failed (${response.status})`);
      return response.text();
    },
    ignore: anything,
  };
}

export type StudioApi = ReturnType<typeof createStudioApi>;

let api: StudioApi | undefined;
export function studioApi(): StudioApi {
  api ??= createStudioApi();
  return api;
}
