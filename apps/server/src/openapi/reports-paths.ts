import {
  aarEditsSchema,
  aarRevisionSchema,
  afterActionReportSchema,
  createImprovementItemSchema,
  improvementItemSchema,
  participationReportSchema,
  updateImprovementItemSchema,
} from '@crossroads/shared';
import type { z } from 'zod';

type Json = Record<string, unknown>;

/** The document builder's helpers this part needs (kept private to openapi.ts otherwise). */
export interface PathHelpers<Op> {
  op: (o: Op) => Op;
  ref: (name: string, schema: z.ZodType, io?: 'input' | 'output') => Json;
  json: (schema: Json) => Json;
  errors: (...statuses: number[]) => Json;
  bearer: Json[];
  idParam: Json;
}

interface OpShape {
  summary: string;
  security?: Json[];
  parameters?: Json[];
  requestBody?: Json;
  responses: Json;
  tags: string[];
}

/** After-action reports, improvement plans and participation reports. */
export function reportPaths<Op extends OpShape>(
  h: PathHelpers<Op>,
): Record<string, Record<string, Op>> {
  const { ref, json, errors, bearer, idParam } = h;
  const op = (o: OpShape) => h.op(o as Op);
  const tags = ['reports'];
  const token = { name: 'token', in: 'path', required: true, schema: { type: 'string' } };
  const lang = {
    name: 'lang',
    in: 'query',
    required: false,
    description: 'Language of the texts (en, sr-Latn, mk, sq, bs); default the session language',
    schema: { type: 'string' },
  };
  const csv = (description: string) => ({
    '200': { description, content: { 'text/csv': { schema: { type: 'string' } } } },
  });
  const aar = { description: 'report', ...json(ref('AfterActionReport', afterActionReportSchema)) };
  const participation = {
    description: 'report',
    ...json(ref('ParticipationReport', participationReportSchema)),
  };
  const item = { description: 'item', ...json(ref('ImprovementItem', improvementItemSchema)) };
  const range = [
    { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
    { name: 'to', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
  ];
  return {
    '/api/sessions/{id}/aar': {
      get: op({
        tags,
        summary:
          'After-action report: the draft computed from the scored findings with the latest staff edits and the improvement plan (staff; ?download=1 as a file)',
        security: bearer,
        parameters: [
          idParam,
          {
            name: 'download',
            in: 'query',
            required: false,
            description: 'Any non-empty value: answer as an attachment (aar-<session>.json)',
            schema: { type: 'string' },
          },
        ],
        responses: { '200': aar, ...errors(401, 403, 404) },
      }),
      put: op({
        tags,
        summary:
          'Save staff edits as a new revision (facilitators); 409 session/stale_revision when baseRevision is not the latest',
        security: bearer,
        parameters: [idParam],
        requestBody: json(ref('AarEdits', aarEditsSchema, 'input')),
        responses: { '200': aar, ...errors(400, 401, 403, 404, 409) },
      }),
    },
    '/api/sessions/{id}/aar/revisions': {
      get: op({
        tags,
        summary: 'Who saved each revision of the AAR edits, and when (staff)',
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': {
            description: 'revisions',
            ...json({ type: 'array', items: ref('AarRevision', aarRevisionSchema) }),
          },
          ...errors(401, 403, 404),
        },
      }),
    },
    '/api/sessions/{id}/aar.csv': {
      get: op({
        tags,
        summary: "The AAR/IP as CSV in HSEEP's headings (staff)",
        security: bearer,
        parameters: [idParam, lang],
        responses: { ...csv('AAR/IP'), ...errors(401, 403, 404) },
      }),
    },
    '/api/reviews/{token}/aar': {
      get: op({
        tags,
        summary: 'The after-action report through a read-only review link (no auth)',
        parameters: [token],
        responses: { '200': aar, ...errors(404, 410) },
      }),
    },
    '/api/reviews/{token}/aar.csv': {
      get: op({
        tags,
        summary: 'The AAR/IP as CSV through a review link (no auth)',
        parameters: [token, lang],
        responses: { ...csv('AAR/IP'), ...errors(404, 410) },
      }),
    },
    '/api/sessions/{id}/improvement-items': {
      post: op({
        tags,
        summary:
          'Add an improvement-plan item: responsible agency, corrective action, owner, due date (facilitators)',
        security: bearer,
        parameters: [idParam],
        requestBody: json(ref('CreateImprovementItem', createImprovementItemSchema, 'input')),
        responses: { '201': item, ...errors(400, 401, 403, 404) },
      }),
    },
    '/api/improvement-items': {
      get: op({
        tags,
        summary:
          'Improvement-plan items of every session the caller is a member of (administrators: all), e.g. the open ones for an agency when preparing the next session',
        security: bearer,
        parameters: [
          {
            name: 'status',
            in: 'query',
            required: false,
            description: 'Comma-separated: open, in_progress, done, dropped',
            schema: { type: 'string' },
          },
          { name: 'agency', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'scenario', in: 'query', required: false, schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'items',
            ...json({ type: 'array', items: ref('ImprovementItem', improvementItemSchema) }),
          },
          ...errors(400, 401, 403),
        },
      }),
    },
    '/api/improvement-items/{itemId}': {
      patch: op({
        tags,
        summary:
          "Change an item's status, action, owner or due date, with a note and the later session where it was reviewed (facilitators of its session)",
        security: bearer,
        parameters: [{ ...idParam, name: 'itemId' }],
        requestBody: json(ref('UpdateImprovementItem', updateImprovementItemSchema, 'input')),
        responses: { '200': item, ...errors(400, 401, 403, 404) },
      }),
    },
    '/api/sessions/{id}/participation': {
      get: op({
        tags,
        summary:
          'Participation and donor report of one session, with trainees’ display names (staff)',
        security: bearer,
        parameters: [idParam],
        responses: { '200': participation, ...errors(401, 403, 404) },
      }),
    },
    '/api/sessions/{id}/participation.csv': {
      get: op({
        tags,
        summary:
          'The participation report as a tidy CSV: section, session, subject, measure, value',
        security: bearer,
        parameters: [idParam],
        responses: { ...csv('participation'), ...errors(401, 403, 404) },
      }),
    },
    '/api/participation': {
      get: op({
        tags,
        summary:
          'Participation report over the sessions started between two dates that the caller is a member of (administrators: all)',
        security: bearer,
        parameters: range,
        responses: { '200': participation, ...errors(400, 401, 403) },
      }),
    },
    '/api/participation.csv': {
      get: op({
        tags,
        summary: 'The date-range participation report as CSV',
        security: bearer,
        parameters: range,
        responses: { ...csv('participation'), ...errors(400, 401, 403) },
      }),
    },
    '/api/reviews/{token}/participation': {
      get: op({
        tags,
        summary: 'Participation report through a review link: trainees pseudonymised (no auth)',
        parameters: [token],
        responses: { '200': participation, ...errors(404, 410) },
      }),
    },
    '/api/reviews/{token}/participation.csv': {
      get: op({
        tags,
        summary: 'The pseudonymised participation report as CSV (no auth)',
        parameters: [token],
        responses: { ...csv('participation'), ...errors(404, 410) },
      }),
    },
  };
}
