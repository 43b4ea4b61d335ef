import {
  accountSchema,
  addMemberRequestSchema,
  commandAckSchema,
  commandSchemas,
  createAccountRequestSchema,
  createReviewLinkRequestSchema,
  createSessionRequestSchema,
  debriefEnvelopeSchema,
  demoCredentialsSchema,
  handshakeSchema,
  healthResponseSchema,
  livenessResponseSchema,
  joinInfoSchema,
  joinRequestSchema,
  joinResponseSchema,
  knowledgeCheckStatusSchema,
  knowledgeReceiptSchema,
  knowledgeResultsSchema,
  knowledgeSubmissionSchema,
  lobbyUpdatedSchema,
  loginRequestSchema,
  loginResponseSchema,
  logEventSchema,
  presenceUpdatedSchema,
  PROTOCOL_VERSION,
  replayFrameSchema,
  restErrorSchema,
  createStudioScenarioRequestSchema,
  studioAnalyseRequestSchema,
  studioAnalysisSchema,
  studioDiffSchema,
  studioDryRunRequestSchema,
  studioDryRunSchema,
  studioPreviewRequestSchema,
  studioPreviewSchema,
  studioScenarioListItemSchema,
  studioScenarioSchema,
  studioSourceRequestSchema,
  studioTemplateSchema,
  studioValidationSchema,
  studioVersionSchema,
  studioVersionSourceSchema,
  reviewLinkSchema,
  revokeReviewLinksRequestSchema,
  revokeReviewLinksResponseSchema,
  roleViewSchema,
  scenarioSummarySchema,
  sessionEventsSchema,
  sessionListItemSchema,
  sessionMemberSchema,
  sessionMetaSchema,
  sessionSnapshotSchema,
  sessionUpdateSchema,
  updateSessionRequestSchema,
} from '@crossroads/shared';
import { z } from 'zod';
import { coursePaths } from './courses-paths';
import { reportPaths } from './reports-paths';

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Json;
  delete json.$schema;
  return json;
}

const components: Record<string, Json> = {};
function ref(name: string, schema: z.ZodType, io: 'input' | 'output' = 'output'): Json {
  components[name] ??= schemaOf(schema, io);
  return { $ref: `#/components/schemas/${name}` };
}

const json = (schema: Json) => ({ content: { 'application/json': { schema } } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      { description: 'RestError', ...json(ref('RestError', restErrorSchema)) },
    ]),
  );
const bearer = [{ bearer: [] }];
const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
};

const replayParams: Json[] = [
  { name: 'team', in: 'query', required: true, schema: { type: 'string' } },
  {
    name: 'role',
    in: 'query',
    required: false,
    description: 'The agency; omitted: the first agency trainees play (a trainee: its own)',
    schema: { type: 'string' },
  },
  {
    name: 'seq',
    in: 'query',
    required: false,
    description: 'The moment (an event seq); omitted: the end of the log',
    schema: { type: 'integer', minimum: 0 },
  },
];

interface Op {
  summary: string;
  security?: Json[];
  parameters?: Json[];
  requestBody?: Json;
  responses: Json;
  tags: string[];
}
const op = (o: Op) => o;

/** Readiness answers: the same report with 200 (ready) or 503 (degraded, with its reason). */
const readiness = () => ({
  '200': { description: 'ready', ...json(ref('HealthResponse', healthResponseSchema)) },
  '503': {
    description: 'not ready: the database or Redis does not answer (see reason)',
    ...json(ref('HealthResponse', healthResponseSchema)),
  },
});

/** The OpenAPI 3.1 document of the REST API, generated from the shared zod schemas. */
export function buildOpenApi(): Json {
  const paths: Record<string, Record<string, Op>> = {
    '/api/health': {
      get: op({
        tags: ['health'],
        summary: 'Readiness, as /api/health/ready (kept for the status line and older monitors)',
        responses: readiness(),
      }),
    },
    '/api/health/live': {
      get: op({
        tags: ['health'],
        summary:
          'Liveness: the process answers (asks no dependency); a load balancer restarts it when not',
        responses: {
          '200': {
            description: 'the process is up',
            ...json(ref('LivenessResponse', livenessResponseSchema)),
          },
        },
      }),
    },
    '/api/health/ready': {
      get: op({
        tags: ['health'],
        summary:
          'Readiness: the database answers, and Redis when REDIS_URL is set; route traffic here only on 200',
        responses: readiness(),
      }),
    },
    '/api/auth/login': {
      post: op({
        tags: ['auth'],
        summary: 'Log in with a staff account',
        requestBody: json(ref('LoginRequest', loginRequestSchema, 'input')),
        responses: {
          '200': { description: 'token', ...json(ref('LoginResponse', loginResponseSchema)) },
          ...errors(400, 401, 429),
        },
      }),
    },
    '/api/auth/logout': {
      post: op({
        tags: ['auth'],
        summary: 'Revoke this token',
        security: bearer,
        responses: { '204': { description: 'done' }, ...errors(401) },
      }),
    },
    '/api/auth/demo': {
      get: op({
        tags: ['auth'],
        summary:
          "The demo facilitator's generated login, to a browser on the server's machine only",
        responses: {
          '200': {
            description: 'credentials',
            ...json(ref('DemoCredentials', demoCredentialsSchema)),
          },
        },
      }),
    },
    '/api/auth/me': {
      get: op({
        tags: ['auth'],
        summary: 'The account of this token',
        security: bearer,
        responses: {
          '200': { description: 'account', ...json(ref('Account', accountSchema)) },
          ...errors(401),
        },
      }),
    },
    '/api/accounts': {
      post: op({
        tags: ['auth'],
        summary: 'Create an account (admin)',
        security: bearer,
        requestBody: json(ref('CreateAccountRequest', createAccountRequestSchema, 'input')),
        responses: {
          '201': { description: 'created', ...json(ref('Account', accountSchema)) },
          ...errors(400, 401, 403),
        },
      }),
    },
    '/api/scenarios': {
      get: op({
        tags: ['catalogue'],
        summary: 'Scenario catalogue (no restricted content)',
        security: bearer,
        responses: {
          '200': {
            description: 'summaries',
            ...json({ type: 'array', items: ref('ScenarioSummary', scenarioSummarySchema) }),
          },
          ...errors(401),
        },
      }),
    },
    ...studioPaths(),
    ...(coursePaths({ ref, json, errors, bearer }) as Record<string, Record<string, Op>>),
    ...reportPaths({ op, ref, json, errors, bearer, idParam }),
    '/api/sessions': {
      post: op({
        tags: ['sessions'],
        summary: 'Create a session (returns the join code)',
        security: bearer,
        requestBody: json(ref('CreateSessionRequest', createSessionRequestSchema, 'input')),
        responses: {
          '201': { description: 'created', ...json(ref('SessionMeta', sessionMetaSchema)) },
          ...errors(400, 401, 404),
        },
      }),
      get: op({
        tags: ['sessions'],
        summary: 'Sessions you are a member of (admins: all)',
        security: bearer,
        responses: {
          '200': {
            description: 'sessions',
            ...json({ type: 'array', items: ref('SessionListItem', sessionListItemSchema) }),
          },
          ...errors(401),
        },
      }),
    },
    '/api/sessions/{id}': {
      get: op({
        tags: ['sessions'],
        summary: 'Session metadata (staff)',
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': { description: 'session', ...json(ref('SessionMeta', sessionMetaSchema)) },
          ...errors(401, 403, 404),
        },
      }),
      patch: op({
        tags: ['sessions'],
        summary: 'Change settings (facilitator)',
        security: bearer,
        parameters: [idParam],
        requestBody: json(ref('UpdateSessionRequest', updateSessionRequestSchema, 'input')),
        responses: {
          '200': { description: 'session', ...json(ref('SessionMeta', sessionMetaSchema)) },
          ...errors(400, 401, 403, 404, 409),
        },
      }),
    },
    '/api/sessions/{id}/end': {
      post: op({
        tags: ['sessions'],
        summary: 'End the session (facilitator)',
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': { description: 'session', ...json(ref('SessionMeta', sessionMetaSchema)) },
          ...errors(401, 403, 404),
        },
      }),
    },
    '/api/sessions/{id}/members': {
      get: op({
        tags: ['sessions'],
        summary: 'Co-facilitators and observers (staff)',
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': {
            description: 'members',
            ...json({ type: 'array', items: ref('SessionMember', sessionMemberSchema) }),
          },
          ...errors(401, 403, 404),
        },
      }),
    },
    '/api/sessions/{id}/observers': {
      post: op({
        tags: ['sessions'],
        summary: 'Add an observer (owner)',
        security: bearer,
        parameters: [idParam],
        requestBody: json(ref('AddMemberRequest', addMemberRequestSchema, 'input')),
        responses: {
          '201': { description: 'member', ...json(ref('SessionMember', sessionMemberSchema)) },
          ...errors(400, 401, 403, 404),
        },
      }),
    },
    '/api/sessions/{id}/facilitators': {
      post: op({
        tags: ['sessions'],
        summary: 'Add a co-facilitator (owner)',
        security: bearer,
        parameters: [idParam],
        requestBody: json(ref('AddMemberRequest', addMemberRequestSchema, 'input')),
        responses: {
          '201': { description: 'member', ...json(ref('SessionMember', sessionMemberSchema)) },
          ...errors(400, 401, 403, 404),
        },
      }),
    },
    '/api/sessions/{id}/members/{accountId}': {
      delete: op({
        tags: ['sessions'],
        summary: 'Remove a co-facilitator or observer (owner; the owner cannot be removed)',
        security: bearer,
        parameters: [
          idParam,
          { name: 'accountId', in: 'path', required: true, schema: { type: 'string' } },
        ],
        responses: { '204': { description: 'removed' }, ...errors(401, 403, 404) },
      }),
    },
    '/api/sessions/{id}/teams/{team}/views/{role}': {
      get: op({
        tags: ['sessions'],
        summary: 'What one agency of one team sees now (staff)',
        security: bearer,
        parameters: [
          idParam,
          { name: 'team', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'role', in: 'path', required: true, schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'view', ...json(ref('RoleView', roleViewSchema)) },
          ...errors(401, 403, 404, 409),
        },
      }),
    },
    '/api/join/{code}': {
      get: op({
        tags: ['trainees'],
        summary: 'What the join screen shows',
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'info', ...json(ref('JoinInfo', joinInfoSchema)) },
          ...errors(404, 429),
        },
      }),
    },
    '/api/join': {
      post: op({
        tags: ['trainees'],
        summary: 'Join a session with its code',
        requestBody: json(ref('JoinRequest', joinRequestSchema, 'input')),
        responses: {
          '201': { description: 'joined', ...json(ref('JoinResponse', joinResponseSchema)) },
          ...errors(400, 404, 409, 429),
        },
      }),
    },
    '/api/sessions/{id}/debrief': {
      get: op({
        tags: ['exports'],
        summary: 'Debrief (staff; trainees once released, own team only)',
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': { description: 'debrief', ...json(ref('DebriefEnvelope', debriefEnvelopeSchema)) },
          ...errors(401, 403, 404),
        },
      }),
    },
    '/api/sessions/{id}/review-links': {
      post: op({
        tags: ['exports'],
        summary: 'Create a read-only debrief link for reviewers (facilitator)',
        security: bearer,
        parameters: [idParam],
        requestBody: json(ref('CreateReviewLinkRequest', createReviewLinkRequestSchema, 'input')),
        responses: {
          '201': { description: 'link', ...json(ref('ReviewLink', reviewLinkSchema)) },
          ...errors(400, 401, 403, 404),
        },
      }),
      delete: op({
        tags: ['exports'],
        summary: 'Revoke one review link (by its token) or every live one (facilitator)',
        security: bearer,
        parameters: [idParam],
        requestBody: json(ref('RevokeReviewLinksRequest', revokeReviewLinksRequestSchema, 'input')),
        responses: {
          '200': {
            description: 'how many links were revoked',
            ...json(ref('RevokeReviewLinksResponse', revokeReviewLinksResponseSchema)),
          },
          ...errors(400, 401, 403, 404),
        },
      }),
    },
    '/api/reviews/{token}': {
      get: op({
        tags: ['exports'],
        summary: 'The staff debrief through a read-only review link (no auth)',
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'debrief', ...json(ref('DebriefEnvelope', debriefEnvelopeSchema)) },
          ...errors(404),
        },
      }),
    },
    '/api/sessions/{id}/replay': {
      get: op({
        tags: ['exports'],
        summary:
          'What one agency of one team saw at a moment of the log, recomputed from the log prefix (staff: any team and agency; a trainee: its own, once the debrief is released)',
        security: bearer,
        parameters: [idParam, ...replayParams],
        responses: {
          '200': { description: 'frame', ...json(ref('ReplayFrame', replayFrameSchema)) },
          ...errors(400, 401, 403, 404),
        },
      }),
    },
    '/api/reviews/{token}/replay': {
      get: op({
        tags: ['exports'],
        summary: 'The replay through a read-only review link (no auth; any team and agency)',
        parameters: [
          { name: 'token', in: 'path', required: true, schema: { type: 'string' } },
          ...replayParams,
        ],
        responses: {
          '200': { description: 'frame', ...json(ref('ReplayFrame', replayFrameSchema)) },
          ...errors(400, 404),
        },
      }),
    },
    '/api/sessions/{id}/knowledge-check': {
      get: op({
        tags: ['learning'],
        summary:
          "The session's knowledge check for this trainee (no correct answers), the phase open now and what it has answered (participant token)",
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': {
            description: 'status',
            ...json(ref('KnowledgeCheckStatus', knowledgeCheckStatusSchema)),
          },
          ...errors(401, 403, 404),
        },
      }),
    },
    '/api/sessions/{id}/knowledge-check/answers': {
      post: op({
        tags: ['learning'],
        summary:
          'Answer the pre check (until the session ends) or the post check (once the debrief is released), once each (participant token)',
        security: bearer,
        parameters: [idParam],
        requestBody: json(ref('KnowledgeSubmission', knowledgeSubmissionSchema, 'input')),
        responses: {
          '201': {
            description: 'receipt',
            ...json(ref('KnowledgeReceipt', knowledgeReceiptSchema)),
          },
          ...errors(400, 401, 403, 404, 409),
        },
      }),
    },
    '/api/sessions/{id}/knowledge-results': {
      get: op({
        tags: ['learning'],
        summary:
          'Knowledge-check results per agency and per question with the gain; no individual answers (staff)',
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': {
            description: 'results',
            ...json(ref('KnowledgeResults', knowledgeResultsSchema)),
          },
          ...errors(401, 403, 404),
        },
      }),
    },
    '/api/reviews/{token}/knowledge-results': {
      get: op({
        tags: ['learning'],
        summary: 'Knowledge-check results through a read-only review link (no auth)',
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'results',
            ...json(ref('KnowledgeResults', knowledgeResultsSchema)),
          },
          ...errors(404),
        },
      }),
    },
    '/api/sessions/{id}/events.jsonl': {
      get: op({
        tags: ['exports'],
        summary: 'The event log, one LogEvent per line (staff)',
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': {
            description: 'NDJSON',
            content: { 'application/x-ndjson': { schema: ref('LogEvent', logEventSchema) } },
          },
          ...errors(401, 403, 404),
        },
      }),
    },
    '/api/sessions/{id}/decisions.csv': {
      get: op({
        tags: ['exports'],
        summary: 'Decisions and signatures as CSV (staff)',
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...errors(401, 403, 404),
        },
      }),
    },
    '/api/sessions/{id}/scores.csv': {
      get: op({
        tags: ['exports'],
        summary: 'Team scores and endings as CSV (staff)',
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...errors(401, 403, 404),
        },
      }),
    },
  };

  const socketCommands = Object.fromEntries(
    Object.entries(commandSchemas).map(([name, schema]) => [name, schemaOf(schema, 'input')]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Crossroads API',
      version: `protocol ${PROTOCOL_VERSION}`,
      description:
        'REST API of the Crossroads server. Live play runs over socket.io (path /socket.io); its handshake, ' +
        'commands and server events are listed under x-socket-io and described in packages/shared/README.md.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: components,
    },
    'x-socket-io': {
      path: '/socket.io',
      handshake: schemaOf(handshakeSchema, 'input'),
      commands: socketCommands,
      ack: schemaOf(commandAckSchema, 'output'),
      serverEvents: {
        'session.snapshot': schemaOf(sessionSnapshotSchema, 'output'),
        'session.update': schemaOf(sessionUpdateSchema, 'output'),
        'session.events': schemaOf(sessionEventsSchema, 'output'),
        'lobby.updated': schemaOf(lobbyUpdatedSchema, 'output'),
        'presence.updated': schemaOf(presenceUpdatedSchema, 'output'),
      },
    },
  };
}

const studioIdParam = { ...idParam, description: 'Studio scenario id' };
const versionParam = (name: string, where: 'path' | 'query') => ({
  name,
  in: where,
  required: where === 'path',
  schema: { type: 'string', description: '"draft" or a version like 1.0.0' },
});

/** The authoring studio (accounts with the author permission). */
function studioPaths(): Record<string, Record<string, Op>> {
  const tags = ['studio'];
  const post = (
    summary: string,
    request: string,
    requestSchema: z.ZodType,
    name: string,
    response: z.ZodType,
  ) =>
    op({
      tags,
      summary,
      security: bearer,
      requestBody: json(ref(request, requestSchema, 'input')),
      responses: {
        '200': { description: 'result', ...json(ref(name, response)) },
        ...errors(400, 401, 403, 413, 429),
      },
    });
  return {
    '/api/studio/schema': {
      get: op({
        tags,
        summary: 'The scenario JSON Schema (drives the forms)',
        security: bearer,
        responses: {
          '200': { description: 'JSON Schema', ...json({ type: 'object' }) },
          ...errors(401, 403),
        },
      }),
    },
    '/api/studio/templates': {
      get: op({
        tags,
        summary: 'Scenario templates',
        security: bearer,
        responses: {
          '200': {
            description: 'templates',
            ...json({ type: 'array', items: ref('StudioTemplate', studioTemplateSchema) }),
          },
          ...errors(401, 403),
        },
      }),
    },
    '/api/studio/validate': {
      post: post(
        'Validate scenario text (in a worker; nothing stored)',
        'StudioSourceRequest',
        studioSourceRequestSchema,
        'StudioValidation',
        studioValidationSchema,
      ),
    },
    '/api/studio/analyse': {
      post: post(
        'scenarios:check on one text: reachability, dead ends, view leaks, routes per ending',
        'StudioAnalyseRequest',
        studioAnalyseRequestSchema,
        'StudioAnalysis',
        studioAnalysisSchema,
      ),
    },
    '/api/studio/preview': {
      post: post(
        "The legal model's preview of one option",
        'StudioPreviewRequest',
        studioPreviewRequestSchema,
        'StudioPreview',
        studioPreviewSchema,
      ),
    },
    '/api/studio/dry-run': {
      post: post(
        "Solo dry-run: replay actions on the engine, a role's view (nothing stored)",
        'StudioDryRunRequest',
        studioDryRunRequestSchema,
        'StudioDryRun',
        studioDryRunSchema,
      ),
    },
    '/api/studio/scenarios': {
      get: op({
        tags,
        summary: 'Studio scenarios',
        security: bearer,
        responses: {
          '200': {
            description: 'list',
            ...json({
              type: 'array',
              items: ref('StudioScenarioListItem', studioScenarioListItemSchema),
            }),
          },
          ...errors(401, 403),
        },
      }),
      post: op({
        tags,
        summary: 'Create a draft from a template, a catalogue scenario or imported text',
        security: bearer,
        requestBody: json(
          ref('CreateStudioScenarioRequest', createStudioScenarioRequestSchema, 'input'),
        ),
        responses: {
          '201': { description: 'created', ...json(ref('StudioScenario', studioScenarioSchema)) },
          ...errors(400, 401, 403, 404, 413),
        },
      }),
    },
    '/api/studio/scenarios/{id}': {
      get: op({
        tags,
        summary: 'A studio scenario with its draft and its validation',
        security: bearer,
        parameters: [studioIdParam],
        responses: {
          '200': { description: 'scenario', ...json(ref('StudioScenario', studioScenarioSchema)) },
          ...errors(401, 403, 404),
        },
      }),
    },
    '/api/studio/scenarios/{id}/draft': {
      put: op({
        tags,
        summary: 'Save the draft (also when it does not validate)',
        security: bearer,
        parameters: [studioIdParam],
        requestBody: json(ref('StudioSourceRequest', studioSourceRequestSchema, 'input')),
        responses: {
          '200': { description: 'saved', ...json(ref('StudioScenario', studioScenarioSchema)) },
          ...errors(400, 401, 403, 404, 413),
        },
      }),
    },
    '/api/studio/scenarios/{id}/publish': {
      post: op({
        tags,
        summary: 'Publish the draft as an immutable version sessions can pin',
        security: bearer,
        parameters: [studioIdParam],
        responses: {
          '201': { description: 'published', ...json(ref('StudioVersion', studioVersionSchema)) },
          ...errors(400, 401, 403, 404),
        },
      }),
    },
    '/api/studio/scenarios/{id}/versions': {
      get: op({
        tags,
        summary: 'Published versions, newest first',
        security: bearer,
        parameters: [studioIdParam],
        responses: {
          '200': {
            description: 'versions',
            ...json({ type: 'array', items: ref('StudioVersion', studioVersionSchema) }),
          },
          ...errors(401, 403, 404),
        },
      }),
    },
    '/api/studio/scenarios/{id}/versions/{version}': {
      get: op({
        tags,
        summary: 'The text of a published version',
        security: bearer,
        parameters: [studioIdParam, versionParam('version', 'path')],
        responses: {
          '200': {
            description: 'version',
            ...json(ref('StudioVersionSource', studioVersionSourceSchema)),
          },
          ...errors(400, 401, 403, 404),
        },
      }),
    },
    '/api/studio/scenarios/{id}/diff': {
      get: op({
        tags,
        summary: 'A readable diff between two versions (or a version and the draft)',
        security: bearer,
        parameters: [studioIdParam, versionParam('from', 'query'), versionParam('to', 'query')],
        responses: {
          '200': { description: 'diff', ...json(ref('StudioDiff', studioDiffSchema)) },
          ...errors(400, 401, 403, 404),
        },
      }),
    },
    '/api/studio/scenarios/{id}/export': {
      get: op({
        tags,
        summary: 'Download the draft or a version as a YAML file',
        security: bearer,
        parameters: [studioIdParam, versionParam('version', 'query')],
        responses: {
          '200': {
            description: 'YAML',
            content: { 'application/yaml': { schema: { type: 'string' } } },
          },
          ...errors(400, 401, 403, 404),
        },
      }),
    },
  };
}
