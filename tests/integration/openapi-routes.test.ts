import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { RequestMethod } from '@nestjs/common';
import {
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { startTestServer, type TestServer } from './helpers';

/*
 * The OpenAPI document must describe the API the server really serves. The routes come from
 * Nest's own metadata (each controller's path, each handler's verb, path, status and arguments;
 * not from @nestjs/swagger, which builds the document), checked against the routes express
 * answers; the served /api/docs-json must have every one of them, each with its @ApiRoute entry
 * (summary, tags, the status the handler answers with), a request body schema where the handler
 * reads a body, query parameters where it reads a query, and schemas for what it returns.
 */

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
type Paths = Record<string, Record<string, Operation>>;
interface Route {
  key: string;
  path: string;
  verb: string;
  status: number;
  body: boolean;
  query: boolean;
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** The documentation's own pages (the viewer and the document itself) are not API routes. */
const DOCS_CONTROLLER = 'OpenApiController';

let server: TestServer;
let served: Paths;
let components: Record<string, unknown>;
let routes: Route[];

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;
const asList = (value: unknown): string[] =>
  Array.isArray(value) ? (value as string[]) : [typeof value === 'string' ? value : ''];

/** Every handler of every controller, from Nest's decorator metadata. */
function nestRoutes(): Route[] {
  const out: Route[] = [];
  for (const module of server.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type || type.name === DOCS_CONTROLLER) continue;
      for (const base of asList(Reflect.getMetadata(PATH_METADATA, type))) {
        for (const method of Object.getOwnPropertyNames(type.prototype)) {
          const handler = (type.prototype as Record<string, unknown>)[method];
          if (typeof handler !== 'function') continue;
          const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as
            RequestMethod | undefined;
          if (requestMethod === undefined) continue;
          const verb = RequestMethod[requestMethod].toLowerCase();
          const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, method) ?? {}) as Record<
            string,
            unknown
          >;
          const kinds = new Set(Object.keys(args).map((k) => Number(k.split(':')[0])));
          const status =
            (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
            (requestMethod === RequestMethod.POST ? 201 : 200);
          for (const sub of asList(Reflect.getMetadata(PATH_METADATA, handler))) {
            const path = joinPath('api', base, sub).replace(/:([A-Za-z0-9_]+)/g, '{$1}');
            out.push({
              key: `${verb.toUpperCase()} ${path}`,
              path,
              verb,
              status,
              body: kinds.has(RouteParamtypes.BODY),
              query: kinds.has(RouteParamtypes.QUERY),
            });
          }
        }
      }
    }
  }
  return out;
}

/** What express answers: `GET /api/sessions/{id}` for each route layer of its router. */
function expressRoutes(): Set<string> {
  const app = server.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  const keys = new Set<string>();
  for (const layer of app.router.stack) {
    if (!layer.route) continue;
    const path = layer.route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    for (const [verb, on] of Object.entries(layer.route.methods))
      if (on) keys.add(`${verb.toUpperCase()} ${path}`);
  }
  return keys;
}

beforeAll(async () => {
  server = await startTestServer();
  routes = nestRoutes();
  const response = await fetch(`${server.url}/api/docs-json`);
  const document = (await response.json()) as {
    paths: Paths;
    components: { schemas: Record<string, unknown> };
  };
  served = document.paths;
  components = document.components.schemas;
}, 60_000);
afterAll(() => server.close());

describe('the OpenAPI document against the routes Nest registered', () => {
  it('finds the routes to check, and express answers each of them', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map((r) => r.key)).toEqual(
      expect.arrayContaining(['POST /api/sessions', 'GET /api/sessions/{id}/replay']),
    );
    const answered = expressRoutes();
    expect(routes.map((r) => r.key).filter((k) => !answered.has(k))).toEqual([]);
  });

  it('documents every registered route, and no route that is not registered', () => {
    const documented = Object.entries(served).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((verb) => VERBS.has(verb))
        .map((verb) => `${verb.toUpperCase()} ${path}`),
    );
    expect(documented.filter((k) => !routes.some((r) => r.key === k))).toEqual([]);
    expect(routes.map((r) => r.key).filter((k) => !documented.includes(k))).toEqual([]);
  });

  it('gives every route its @ApiRoute entry: a summary, a tag and the status it answers with', () => {
    const problems = routes.flatMap((r) => {
      const op = served[r.path]?.[r.verb];
      const success = Object.keys(op?.responses ?? {}).filter((s) => /^2\d\d$/.test(s));
      return [
        ...(op?.summary ? [] : [`${r.key}: no summary (no @ApiRoute?)`]),
        ...((op?.tags ?? []).length > 0 ? [] : [`${r.key}: no tag`]),
        ...(success.join() === String(r.status)
          ? []
          : [`${r.key}: documents ${success.join() || 'no 2xx'}, answers ${r.status}`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('gives a request body schema to every route whose handler reads a body', () => {
    const missing = routes
      .filter((r) => r.body)
      .filter((r) => {
        const content = served[r.path]?.[r.verb]?.requestBody?.content ?? {};
        return !Object.values(content).some((c) => c.schema && Object.keys(c.schema).length > 0);
      })
      .map((r) => r.key);
    expect(missing).toEqual([]);
  });

  it('lists query parameters for every route whose handler reads the query', () => {
    const missing = routes
      .filter((r) => r.query)
      .filter((r) => !(served[r.path]?.[r.verb]?.parameters ?? []).some((p) => p.in === 'query'))
      .map((r) => r.key);
    expect(missing).toEqual([]);
  });

  it('gives every response with content a schema, errors the RestError one', () => {
    const problems = routes.flatMap((r) => {
      const responses = served[r.path]?.[r.verb]?.responses ?? {};
      return Object.entries(responses).flatMap(([status, res]) => {
        if (status === '204') return [];
        if (!res.content) return [`${r.key} ${status}: no content`];
        return Object.entries(res.content).flatMap(([type, c]) =>
          !c.schema || Object.keys(c.schema).length === 0
            ? [`${r.key} ${status} ${type}: no schema`]
            : /^[45]/.test(status) &&
                r.path !== '/api/health' &&
                r.path !== '/api/health/ready' &&
                c.schema.$ref !== '#/components/schemas/RestError'
              ? [`${r.key} ${status}: not a RestError`]
              : [],
        );
      });
    });
    expect(problems).toEqual([]);
  });

  it('describes the debrief body the debrief routes and replay frames carry, not an untyped value', () => {
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    for (const path of ['/api/sessions/{id}/debrief', '/api/reviews/{token}'])
      expect(served[path]?.get?.responses?.['200']?.content?.['application/json']?.schema).toEqual(
        ref('DebriefEnvelope'),
      );
    expect(components.DebriefEnvelope).toMatchObject({ properties: { debrief: ref('Debrief') } });
    expect(components.Debrief).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['format', 'teams', 'comparison']),
      properties: { teams: { type: 'array', items: ref('TeamDebrief') } },
    });
    expect(components.TeamDebrief).toMatchObject({
      properties: { items: { type: 'array', items: ref('ScoredItem') } },
    });
    expect(components.ReplayFrame).toMatchObject({
      properties: { items: { type: 'array', items: ref('ScoredItem') } },
    });
  });

  it('has a component for every $ref, each named after its shared schema', () => {
    const refs = new Set(
      [
        ...JSON.stringify({ served, components }).matchAll(/"#\/components\/schemas\/([^"]+)"/g),
      ].map((m) => m[1]),
    );
    expect([...refs].filter((name) => !name || !(name in components))).toEqual([]);
    expect(Object.keys(components)).toEqual(
      expect.arrayContaining(['CreateSessionRequest', 'SessionMeta', 'RestError', 'LogEvent']),
    );
  });
});
