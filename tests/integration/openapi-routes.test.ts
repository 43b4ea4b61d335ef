import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { startTestServer, type TestServer } from './helpers';

/*
 * The OpenAPI document must describe the API the server really serves. Nest's own route table is
 * read through @nestjs/swagger's scanner (every controller method with its verb and full path,
 * global prefix included) and each handler's parameter metadata (which arguments are @Body and
 * @Query); the served /api/docs-json must have every one of those routes, with a request body
 * schema where the handler reads a body, query parameters where it reads a query, and a success
 * response whose content has a schema.
 */

interface Operation {
  operationId?: string;
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
type Paths = Record<string, Record<string, Operation>>;

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** The documentation's own pages (the viewer and the document itself) are not API routes. */
const DOCS_CONTROLLER = 'OpenApiController';

let server: TestServer;
let served: Paths;
let routes: { key: string; path: string; verb: string; body: boolean; query: boolean }[];

/** Which kinds of argument each `Controller_method` handler takes, from Nest's metadata. */
function handlerArguments(): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const module of server.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type) continue;
      for (const method of Object.getOwnPropertyNames(type.prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, method) ?? {}) as Record<
          string,
          unknown
        >;
        const kinds = new Set(Object.keys(args).map((k) => Number(k.split(':')[0])));
        out.set(`${type.name}_${method}`, kinds);
      }
    }
  }
  return out;
}

beforeAll(async () => {
  server = await startTestServer();
  const scanned = SwaggerModule.createDocument(server.app, new DocumentBuilder().build());
  const args = handlerArguments();
  routes = Object.entries(scanned.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>)
      .filter(([verb]) => VERBS.has(verb))
      .filter(([, op]) => !op.operationId?.startsWith(`${DOCS_CONTROLLER}_`))
      .map(([verb, op]) => {
        const kinds = args.get(op.operationId ?? '');
        if (!kinds) throw new Error(`no handler metadata for ${op.operationId}`);
        return {
          key: `${verb.toUpperCase()} ${path}`,
          path,
          verb,
          body: kinds.has(RouteParamtypes.BODY),
          query: kinds.has(RouteParamtypes.QUERY),
        };
      }),
  );
  const response = await fetch(`${server.url}/api/docs-json`);
  served = ((await response.json()) as { paths: Paths }).paths;
}, 60_000);
afterAll(() => server.close());

describe('the OpenAPI document against the routes Nest registered', () => {
  it('finds the routes to check (the scan is not empty)', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map((r) => r.key)).toEqual(
      expect.arrayContaining(['POST /api/sessions', 'GET /api/sessions/{id}/replay']),
    );
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

  it('gives every route a success response, with a schema for any content it returns', () => {
    const problems = routes.flatMap((r) => {
      const responses = served[r.path]?.[r.verb]?.responses ?? {};
      const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) return [`${r.key}: no 2xx response`];
      return success.flatMap(([status, res]) =>
        status === '204'
          ? []
          : !res.content
            ? [`${r.key} ${status}: no content`]
            : Object.entries(res.content)
                .filter(([, c]) => !c.schema || Object.keys(c.schema).length === 0)
                .map(([type]) => `${r.key} ${status} ${type}: no schema`),
      );
    });
    expect(problems).toEqual([]);
  });
});
