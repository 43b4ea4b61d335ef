import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JoinResponse, SessionMeta } from '@crossroads/shared';
import { fromJSONSchema, type ZodType } from 'zod';
import { api, login, SessionClient, type Staff } from '../../apps/server/bench/session-client';
import { accepted } from '../acks';
import type { TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';

jest.setTimeout(180_000);

/*
 * What an unseen client reads in /api/docs-json must be what it gets. For every operation of the
 * served document: a call made as documented answers a status the document lists, with a body its
 * schema accepts; calls with bad input derived from the document (no auth, a bad token, a
 * malformed path id, a body missing required fields, of wrong types, with an unknown field where
 * the schema is closed, a string over its maxLength) answer a documented 4xx with a RestError
 * body, never a 5xx, and change nothing a GET shows. The JSON Schema of the document is read
 * with zod's own JSON Schema reader (fromJSONSchema, draft 2020-12), not with the shared zod
 * schemas the server validates with, so a document that says something else than the server
 * does is caught.
 */

type Json = Record<string, unknown>;
interface Operation {
  security?: Json[];
  parameters?: { in: string; name: string; required?: boolean; schema?: Json }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}
interface Op {
  key: string;
  method: string;
  path: string;
  op: Operation;
}
interface Answer {
  status: number;
  type: string;
  text: string;
  body: unknown;
}

const VERBS = ['get', 'post', 'put', 'patch', 'delete'];
const ITEM = {
  capability: 'life-safety',
  agency: 'border_police',
  issue: 'a',
  action: 'b',
  owner: 'Head of unit',
  dueDate: '2030-01-31',
};

/**
 * Operations this test does not call, each with the reason. The test fails for an operation of
 * the document that is neither exercised nor listed here, and for an entry here the document no
 * longer has.
 */
const NOT_EXERCISED: Record<string, string> = {};

/** Operations whose documented call ends what others need: called last, in this order. */
const LAST = [
  'DELETE /api/courses/{id}/sessions/{sessionId}',
  'DELETE /api/courses/{id}',
  'DELETE /api/sessions/{id}/members/{accountId}',
  'POST /api/sessions/{id}/end',
  'DELETE /api/sessions/{id}/review-links',
  'POST /api/auth/logout',
];

/** Operations a trainee (the participant token) calls; every other secured one is called as staff. */
const AS_PARTICIPANT = new Set([
  'GET /api/sessions/{id}/knowledge-check',
  'POST /api/sessions/{id}/knowledge-check/answers',
]);

/** Staff operations not called with the trainee's token: its logout would end the token later calls use. */
const TRAINEE_MAY = new Set(['POST /api/auth/logout']);

let server: TestServer;
let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Json } };
let ops: Op[];
let admin: Staff;
let throwaway: Staff;
let other: Staff;
let meta: SessionMeta;
let trainee: JoinResponse;
let reviewToken: string;
let courseId: string;
let itemId: string;
let observer: { id: string; username: string };
let studioId: string;
let facilitator: SessionClient;
let published: { version: string; source: string };
/** A course's knowledge check, so the knowledge-check routes have one to answer with. */
const CHECK = `
format: crossroads.knowledge-check/1
id: conformance-check
version: 1.0.0
title: { en: Check, sr-Latn: Provera }
languages: [en, sr-Latn]
scenarios: []
questions:
  - id: q1
    kind: single
    prompt: { en: Q1?, sr-Latn: P1? }
    options:
      - { id: right, correct: true, text: { en: Right, sr-Latn: Tačno } }
      - { id: wrong, text: { en: Wrong, sr-Latn: Netačno } }
`;
const STARTER = readFileSync(
  path.resolve(__dirname, '../../apps/server/studio-templates/starter.yaml'),
  'utf8',
);

/** Valid path parameters: the ids the setup created (by name, and by path where a name is reused). */
function pathValue(opPath: string, name: string): string {
  const team = meta.teams[0]!;
  switch (name) {
    case 'id':
      if (opPath.startsWith('/api/courses/')) return courseId;
      if (opPath.startsWith('/api/studio/')) return studioId;
      return meta.id;
    case 'sessionId':
      return meta.id;
    case 'accountId':
      return observer.id;
    case 'code':
      return meta.joinCode!;
    case 'token':
      return reviewToken;
    case 'team':
      return team.id;
    case 'role':
      return trainee.participant.role ?? 'border_police';
    case 'itemId':
      return itemId;
    case 'version':
      return published.version;
    default:
      throw new Error(`no value for path parameter ${name} of ${opPath}`);
  }
}

/** Valid bodies of the operations that take one (the document says their shape, not their ids). */
function validBody(key: string): unknown {
  switch (key) {
    case 'POST /api/auth/login':
      return MINI_ADMIN;
    case 'POST /api/accounts':
      return { username: 'conformance-new', password: 'a-long-password-1' };
    case 'POST /api/sessions':
      return { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 };
    case 'PATCH /api/sessions/{id}':
      return { feedbackPolicy: 'hints' };
    case 'POST /api/sessions/{id}/observers':
      return { username: observer.username };
    case 'POST /api/sessions/{id}/facilitators':
      return { username: 'fac1' };
    case 'POST /api/join':
      return { code: meta.joinCode, displayName: 'Second', team: meta.teams[0]!.id };
    case 'POST /api/sessions/{id}/review-links':
      return { label: 'donor' };
    case 'DELETE /api/sessions/{id}/review-links':
      return {};
    case 'POST /api/sessions/{id}/knowledge-check/answers':
      return { phase: 'pre', answers: [{ question: 'q1', options: ['right'] }] };
    case 'PUT /api/sessions/{id}/aar':
      return { baseRevision: 0, executiveSummary: 'Summary' };
    case 'POST /api/sessions/{id}/improvement-items':
      return { ...ITEM, issue: 'x' };
    case 'PATCH /api/improvement-items/{itemId}':
      return { status: 'in_progress' };
    case 'POST /api/studio/validate':
    case 'POST /api/studio/analyse':
      return { source: STARTER };
    case 'PUT /api/studio/scenarios/{id}/draft':
      // A new version of the published one, so the publish after it is a documented call too.
      return { source: published.source.replace(/^version: .*$/m, 'version: 9.9.9') };
    case 'POST /api/studio/preview':
      return { source: STARTER, decision: 'stop', option: 'search_car' };
    case 'POST /api/studio/dry-run':
      return { source: STARTER, events: [], role: null };
    case 'POST /api/studio/scenarios':
      return { template: 'starter', scenarioId: 'conformance-two' };
    case 'POST /api/courses':
      return { name: 'Second course' };
    case 'PATCH /api/courses/{id}':
      return { description: 'Described' };
    default:
      throw new Error(`no valid body for ${key}`);
  }
}

/** Values of the query parameters the document says are required. */
const QUERY: Record<string, (opPath: string) => string> = {
  team: () => meta.teams[0]!.id,
  from: (opPath) => (opPath.startsWith('/api/studio/') ? published.version : '2020-01-01'),
  to: (opPath) => (opPath.startsWith('/api/studio/') ? 'draft' : '2099-12-31'),
};
const query = (o: Op, drop?: string, bad?: [string, string]): string => {
  const pairs = (o.op.parameters ?? [])
    .filter((p) => p.in === 'query' && p.required && p.name !== drop)
    .map((p) => {
      const value = QUERY[p.name];
      if (!value) throw new Error(`no value for query parameter ${p.name} of ${o.key}`);
      return [p.name, value(o.path)];
    });
  if (bad) pairs.push(bad);
  return pairs.length === 0 ? '' : `?${new URLSearchParams(pairs).toString()}`;
};

const fill = (o: Op, values: (name: string) => string): string =>
  o.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(values(name))) + query(o);

async function call(
  method: string,
  url: string,
  options: { body?: unknown; raw?: string; token?: string | null; type?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const payload =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers['Content-Type'] = options.type ?? 'application/json';
  const response = await fetch(`${server.url}${url}`, {
    method: method.toUpperCase(),
    headers,
    ...(payload === undefined ? {} : { body: payload }),
  });
  const text = await response.text();
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  let body: unknown = text;
  if (type === 'application/json' && text !== '') body = JSON.parse(text) as unknown;
  return { status: response.status, type, text, body };
}

/** The document's JSON Schema of `schema`, as a zod validator (components resolved as $defs). */
const validators = new Map<string, ZodType>();
function validator(schema: Json): ZodType {
  const text = JSON.stringify(schema);
  let found = validators.get(text);
  if (!found) {
    const defs = JSON.parse(
      JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'),
    ) as Json;
    const root = JSON.parse(text.replaceAll('#/components/schemas/', '#/$defs/')) as Json;
    found = fromJSONSchema({ ...root, $defs: defs } as Parameters<typeof fromJSONSchema>[0]);
    validators.set(text, found);
  }
  return found;
}

const resolve = (schema: Json): Json => {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  return resolve(doc.components.schemas[ref.split('/').pop()!] as Json);
};

/** Problems of one answer against the document: its status listed, its body of that status' schema. */
function conformance(o: Op, answer: Answer): string[] {
  const documented = o.op.responses[String(answer.status)];
  if (!documented)
    return [
      `${o.key}: answered ${answer.status} (${answer.text.slice(0, 200)}), documents ${Object.keys(o.op.responses).join(',')}`,
    ];
  const content = documented.content;
  if (!content)
    return answer.text === '' ? [] : [`${o.key} ${answer.status}: a body, none documented`];
  const media = content[answer.type];
  if (!media)
    return [
      `${o.key} ${answer.status}: answered ${answer.type || 'no type'}, documents ${Object.keys(content).join(',')}`,
    ];
  if (answer.type === 'application/json') {
    const result = validator(media.schema).safeParse(answer.body);
    if (!result.success)
      return [
        `${o.key} ${answer.status}: body off its schema: ${result.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      ];
  }
  if (answer.type === 'application/x-ndjson') {
    const lines = answer.text.split('\n').filter((l) => l.trim() !== '');
    const line = validator(media.schema);
    const bad = lines.find((l) => !line.safeParse(JSON.parse(l)).success);
    if (bad) return [`${o.key} ${answer.status}: a line off its schema: ${bad.slice(0, 200)}`];
  }
  return [];
}

/** Problems of an answer to bad input: a documented 4xx with a RestError body. */
function refusal(o: Op, what: string, answer: Answer): string[] {
  if (answer.status < 400 || answer.status >= 500)
    return [`${o.key} ${what}: answered ${answer.status} (${answer.text.slice(0, 200)})`];
  return conformance(o, answer).map((p) => `${p} [${what}]`);
}

/** Where two JSON values differ, leaving out when a view was computed (generatedAt). */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      k === 'generatedAt' || k === 'ms'
        ? []
        : differences((a as Json)[k], (b as Json)[k], `${at}.${k}`),
    );
  }
  return JSON.stringify(a) === JSON.stringify(b)
    ? []
    : [
        `${at || '(root)'}: ${JSON.stringify(a)?.slice(0, 150)} -> ${JSON.stringify(b)?.slice(0, 150)}`,
      ];
}

/** What the GETs of the created resources show: bad input must leave all of it as it was. */
async function state(): Promise<Record<string, unknown>> {
  const staff = admin.token;
  const paths = [
    `/api/sessions/${meta.id}`,
    `/api/sessions/${meta.id}/members`,
    `/api/sessions/${meta.id}/aar`,
    `/api/sessions/${meta.id}/knowledge-results`,
    `/api/sessions`,
    `/api/improvement-items`,
    `/api/courses`,
    `/api/courses/${courseId}`,
    `/api/studio/scenarios`,
    `/api/studio/scenarios/${studioId}`,
    `/api/reviews/${reviewToken}`,
  ];
  const out: Record<string, unknown> = {};
  for (const p of paths) out[p] = (await call('get', p, { token: staff })).body;
  return out;
}

beforeAll(async () => {
  server = await startMiniServer({ knowledgeChecks: { 'check.yaml': CHECK } });
  const response = await fetch(`${server.url}/api/docs-json`);
  doc = (await response.json()) as typeof doc;
  ops = Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item)
      .filter(([verb]) => VERBS.includes(verb))
      .map(([verb, op]) => ({ key: `${verb.toUpperCase()} ${p}`, method: verb, path: p, op })),
  );
  admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  throwaway = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  await api(
    server.url,
    'POST',
    '/api/accounts',
    { username: 'fac1', password: 'fac1-password' },
    admin.token,
  );
  other = await login(server.url, 'fac1', 'fac1-password');
  observer = await api(
    server.url,
    'POST',
    '/api/accounts',
    { username: 'watcher', password: 'watcher-password' },
    admin.token,
  );
  meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
    admin.token,
  );
  await api(
    server.url,
    'POST',
    `/api/sessions/${meta.id}/observers`,
    { username: 'watcher' },
    admin.token,
  );
  trainee = await api<JoinResponse>(server.url, 'POST', '/api/join', {
    code: meta.joinCode,
    displayName: 'First',
    team: meta.teams[0]!.id,
    role: 'border_police',
  });
  facilitator = new SessionClient(server.url, { kind: 'facilitator', token: admin.token }, meta.id);
  await facilitator.connected();
  accepted(await facilitator.send('session.start', {}));
  reviewToken = (
    await api<{ token: string }>(
      server.url,
      'POST',
      `/api/sessions/${meta.id}/review-links`,
      {},
      admin.token,
    )
  ).token;
  courseId = (
    await api<{ id: string }>(
      server.url,
      'POST',
      '/api/courses',
      { name: 'Course', knowledgeCheck: { id: 'conformance-check' } },
      admin.token,
    )
  ).id;
  await api(
    server.url,
    'PUT',
    `/api/courses/${courseId}/sessions/${meta.id}`,
    undefined,
    admin.token,
  );
  itemId = (
    await api<{ id: string }>(
      server.url,
      'POST',
      `/api/sessions/${meta.id}/improvement-items`,
      ITEM,
      admin.token,
    )
  ).id;
  studioId = (
    await api<{ id: string }>(
      server.url,
      'POST',
      '/api/studio/scenarios',
      { template: 'starter', scenarioId: 'conformance-one' },
      admin.token,
    )
  ).id;
  const { version } = await api<{ version: string }>(
    server.url,
    'POST',
    `/api/studio/scenarios/${studioId}/publish`,
    undefined,
    admin.token,
  );
  published = await api<{ version: string; source: string }>(
    server.url,
    'GET',
    `/api/studio/scenarios/${studioId}/versions/${version}`,
    undefined,
    admin.token,
  );
}, 120_000);
afterAll(async () => {
  facilitator?.socket.close();
  await server?.close();
});

const secured = (o: Op) => (o.op.security ?? []).length > 0;
const tokenFor = (o: Op) =>
  o.key === 'POST /api/auth/logout'
    ? throwaway.token
    : AS_PARTICIPANT.has(o.key)
      ? trainee.participantToken
      : secured(o)
        ? admin.token
        : null;
const bodyOf = (o: Op) => (o.op.requestBody ? validBody(o.key) : undefined);
const ordered = () =>
  [...ops].sort((a, b) => {
    const rank = (o: Op) =>
      LAST.includes(o.key) ? 10 + LAST.indexOf(o.key) : o.method === 'get' ? 0 : 1;
    return rank(a) - rank(b);
  });

describe('the served OpenAPI document, operation by operation', () => {
  it('lists no operation it cannot exercise without saying why', async () => {
    const metaSeen = (await call('get', `/api/sessions/${meta.id}`, { token: admin.token }))
      .body as Json;
    expect(ops.length).toBeGreaterThan(50);
    expect(Object.keys(NOT_EXERCISED).filter((k) => !ops.some((o) => o.key === k))).toEqual([]);
    // The validator reads the document, strictly: a missing field, a wrong type and an unknown
    // field of a closed object are caught.
    const restError = validator({ $ref: '#/components/schemas/RestError' });
    expect(restError.safeParse({ code: 'protocol/invalid_payload', message: 'm' }).success).toBe(
      true,
    );
    expect(restError.safeParse({ code: 'protocol/invalid_payload' }).success).toBe(false);
    expect(restError.safeParse({ code: 'no/such_code', message: 'm' }).success).toBe(false);
    const metaSchema = validator({ $ref: '#/components/schemas/SessionMeta' });
    expect(metaSchema.safeParse({}).success).toBe(false);
    expect(metaSchema.safeParse(metaSeen).success).toBe(true);
    expect(metaSchema.safeParse({ ...metaSeen, surplus: 1 }).success).toBe(false);
  });

  it('refuses bad input with a documented 4xx and a RestError, and changes nothing', async () => {
    const before = await state();
    const problems: string[] = [];
    for (const o of ordered()) {
      if (o.key in NOT_EXERCISED) continue;
      const url = fill(o, (n) => pathValue(o.path, n));
      const body = bodyOf(o);
      if (secured(o)) {
        problems.push(...refusal(o, 'no auth', await call(o.method, url, { body })));
        problems.push(
          ...refusal(o, 'a bad token', await call(o.method, url, { body, token: 'not-a-token' })),
        );
      }
      const pathParams = (o.op.parameters ?? []).filter((x) => x.in === 'path');
      for (const p of pathParams) {
        const malformed = fill(o, (n) =>
          n === p.name ? 'not a valid id/..' : pathValue(o.path, n),
        );
        problems.push(
          ...refusal(
            o,
            `malformed ${p.name}`,
            await call(o.method, malformed, { body, token: tokenFor(o) }),
          ),
        );
        if (resolve(p.schema ?? {}).format !== 'uuid') continue;
        const unknown = fill(o, (n) => (n === p.name ? randomUUID() : pathValue(o.path, n)));
        problems.push(
          ...refusal(
            o,
            `unknown ${p.name}`,
            await call(o.method, unknown, { body, token: tokenFor(o) }),
          ),
        );
      }
      if (secured(o) && pathParams.length > 0 && !AS_PARTICIPANT.has(o.key))
        problems.push(
          ...refusal(
            o,
            'another facilitator',
            await call(o.method, url, { body, token: other.token }),
          ),
        );
      if (secured(o) && !AS_PARTICIPANT.has(o.key) && !TRAINEE_MAY.has(o.key)) {
        problems.push(
          ...refusal(
            o,
            'a trainee',
            await call(o.method, url, { body, token: trainee.participantToken }),
          ),
        );
      }
      const bare = url.split('?')[0]!;
      for (const p of (o.op.parameters ?? []).filter((x) => x.in === 'query')) {
        if (p.required)
          problems.push(
            ...refusal(
              o,
              `no ${p.name}`,
              await call(o.method, bare + query(o, p.name), { body, token: tokenFor(o) }),
            ),
          );
        const schema = resolve(p.schema ?? {});
        for (const wrong of ['-1', 'x'.repeat(300), '!bad value']) {
          if (validator(schema).safeParse(wrong).success) continue;
          if (schema.type === 'integer' && validator(schema).safeParse(Number(wrong)).success)
            continue;
          problems.push(
            ...refusal(
              o,
              `${p.name}=${wrong.slice(0, 12)}`,
              await call(o.method, bare + query(o, p.name, [p.name, wrong]), {
                body,
                token: tokenFor(o),
              }),
            ),
          );
        }
      }
      const media = o.op.requestBody?.content['application/json'];
      if (!media) {
        // A write that reads no body still goes through the JSON parser, as the document says.
        if (o.method !== 'get')
          problems.push(
            ...refusal(
              o,
              'malformed JSON',
              await call(o.method, url, { raw: '{"a":', token: tokenFor(o) }),
            ),
            ...refusal(
              o,
              'a body over the size limit',
              await call(o.method, url, { body: { padding: 'x'.repeat(2e5) }, token: tokenFor(o) }),
            ),
          );
        continue;
      }
      const schema = resolve(media.schema);
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      const required = (schema.required ?? []) as string[];
      const base = body as Json;
      const bad: [string, unknown][] = [];
      if (required.length > 0) bad.push(['an empty body', {}]);
      for (const name of required) {
        const { [name]: _dropped, ...rest } = base;
        bad.push([`no ${name}`, rest]);
      }
      if (o.op.requestBody?.required) bad.push(['no body', undefined]);
      bad.push(['an array body', []]);
      for (const [name, prop] of Object.entries(properties)) {
        for (const wrong of [12345, 'wrong', null, { nested: true }, [1]])
          if (!validator(prop).safeParse(wrong).success)
            bad.push([`${name}=${JSON.stringify(wrong)}`, { ...base, [name]: wrong }]);
        const resolved = resolve(prop);
        const max = typeof resolved.maxLength === 'number' ? resolved.maxLength : undefined;
        if (max !== undefined)
          bad.push([`${name} over ${max}`, { ...base, [name]: 'x'.repeat(max + 1) }]);
      }
      if (schema.additionalProperties === false)
        bad.push(['an unknown field', { ...base, unknownField: 1 }]);
      // One level down: a closed object in the valid body (or the first item of an array of them)
      // gets an unknown field and a string over its maxLength.
      for (const [name, value] of Object.entries(base)) {
        const prop = resolve(properties[name] ?? {});
        const inArray = Array.isArray(value);
        const inner = inArray ? (value as unknown[])[0] : value;
        const innerSchema = resolve(((inArray ? prop.items : prop) ?? {}) as Json);
        if (inner === null || typeof inner !== 'object' || innerSchema.type !== 'object') continue;
        const put = (changed: Json) => ({
          ...base,
          [name]: inArray ? [changed, ...(value as unknown[]).slice(1)] : changed,
        });
        if (innerSchema.additionalProperties === false)
          bad.push([`an unknown field in ${name}`, put({ ...(inner as Json), unknownField: 1 })]);
        for (const [key, sub] of Object.entries(
          (innerSchema.properties ?? {}) as Record<string, Json>,
        )) {
          const max = resolve(sub).maxLength;
          if (typeof max === 'number')
            bad.push([
              `${name}.${key} over ${max}`,
              put({ ...(inner as Json), [key]: 'x'.repeat(max + 1) }),
            ]);
        }
      }
      for (const [what, value] of bad) {
        const answer =
          value === undefined
            ? await call(o.method, url, { token: tokenFor(o) })
            : await call(o.method, url, { body: value, token: tokenFor(o) });
        problems.push(...refusal(o, what, answer));
      }
      problems.push(
        ...refusal(
          o,
          'malformed JSON',
          await call(o.method, url, { raw: '{"a":', token: tokenFor(o) }),
        ),
        ...refusal(
          o,
          'a text/plain body',
          await call(o.method, url, {
            raw: JSON.stringify(base),
            type: 'text/plain',
            token: tokenFor(o),
          }),
        ),
        ...refusal(
          o,
          'a body over the size limit',
          await call(o.method, url, {
            body: { ...base, padding: 'x'.repeat(o.path.startsWith('/api/studio/') ? 4e6 : 2e5) },
            token: tokenFor(o),
          }),
        ),
      );
    }
    const after = await state();
    const changed = Object.keys(before).flatMap((k) =>
      differences(before[k], after[k]).map((d) => `${k} ${d}`),
    );
    expect({ problems, changed }).toEqual({ problems: [], changed: [] });
  });

  it('answers each documented call with a documented status and a body of its schema', async () => {
    const problems: string[] = [];
    const answered: string[] = [];
    for (const o of ordered()) {
      if (o.key in NOT_EXERCISED) continue;
      const url = fill(o, (n) => pathValue(o.path, n));
      const answer = await call(o.method, url, { body: bodyOf(o), token: tokenFor(o) });
      problems.push(...conformance(o, answer));
      if (answer.status >= 200 && answer.status < 300) answered.push(o.key);
      else
        problems.push(
          `${o.key}: the documented call answered ${answer.status}: ${answer.text.slice(0, 200)}`,
        );
    }
    // The last call revoked the review links: each route a review link opens still answers as documented.
    for (const o of ops.filter((x) => x.path.includes('{token}')))
      problems.push(
        ...conformance(
          o,
          await call(
            o.method,
            fill(o, (n) => pathValue(o.path, n)),
          ),
        ).map((p) => `${p} [revoked link]`),
      );
    expect(problems).toEqual([]);
    expect(answered.length).toBe(ops.length - Object.keys(NOT_EXERCISED).length);
  });
});
