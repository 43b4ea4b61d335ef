import {
  debriefEnvelopeSchema,
  knowledgeCheckStatusSchema,
  knowledgeReceiptSchema,
  knowledgeResultsSchema,
  replayFrameSchema,
  restErrorSchema,
  reviewLinkSchema,
  sessionMetaSchema,
  type AgencySummary,
  type KnowledgeCheckStatus,
  type KnowledgeReceipt,
  type KnowledgeResults,
  type KnowledgeSubmission,
  type ReplayFrame,
  type ReviewLink,
  type Text,
} from '@crossroads/shared';
import {
  notesFromEvents,
  parseEventLines,
  participantNames,
  type DebriefContext,
  type LogLine,
} from '../debrief/model';
import { ApiError, type FetchFn } from './facilitatorApi';

/*
 * REST calls of the debrief pages: the debrief itself (staff, or a trainee once released), and for
 * staff the session's metadata and event log (names, observer notes) and the server's exports.
 */

export type DebriefCredential = { kind: 'staff' | 'participant'; token: string };

const defaultFetch: FetchFn = (input, init) => fetch(input, init);

async function get(
  fetchFn: FetchFn,
  path: string,
  token: string | null,
  init: RequestInit = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(path, {
      ...init,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    const error = restErrorSchema.safeParse(body);
    throw error.success
      ? ApiError.fromRest(response.status, error.data)
      : new ApiError(response.status, 'contract', `The server answered ${response.status}.`);
  }
  return response;
}

function agencyNames(agencies: readonly AgencySummary[]): Record<string, Text> {
  const names: Record<string, Text> = {};
  // Short names: the debrief names an agency on every timeline line and table row.
  for (const a of agencies) names[a.id] = a.shortName ?? a.name;
  return names;
}

const sessionPath = (id: string, rest: string) =>
  `/api/sessions/${encodeURIComponent(id)}/${rest}`.replace(/\/$/, '');

/**
 * The debrief of a session with what the credential may add: staff also get the agencies' names,
 * the trainees' display names and the pinned notes (from the event log). Those extras are best
 * effort: the debrief is shown without them when they fail.
 */
export async function loadDebrief(
  sessionId: string,
  credential: DebriefCredential,
  fetchFn: FetchFn = defaultFetch,
): Promise<DebriefContext> {
  const response = await get(fetchFn, sessionPath(sessionId, 'debrief'), credential.token);
  const context = await parseDebrief(response, credential.kind);
  if (credential.kind !== 'staff') return context;

  const [meta, events] = await Promise.allSettled([
    get(fetchFn, sessionPath(sessionId, ''), credential.token).then(async (r) =>
      sessionMetaSchema.parse(await r.json()),
    ),
    fetchEventLog(sessionId, credential.token, fetchFn),
  ]);
  if (meta.status === 'fulfilled') {
    context.startedAt = meta.value.startedAt;
    context.endedAt = meta.value.endedAt;
    context.details ??= meta.value.details;
    context.agencies = { ...agencyNames(meta.value.agencies), ...context.agencies };
  }
  if (events.status === 'fulfilled') {
    context.notes = notesFromEvents(events.value.lines);
    // Names from the log cover trainees who have since left the session.
    context.participants = { ...participantNames(events.value.lines), ...context.participants };
    const started = events.value.lines.find((e) => e.type === 'session.started');
    const ended = events.value.lines.find((e) => e.type === 'session.ended' && e.team === null);
    context.startedAt ??= started?.at ?? null;
    context.endedAt ??= ended?.at ?? null;
  }
  return context;
}

/** Checks a debrief response against the contract and turns it into what the page shows. */
async function parseDebrief(
  response: Response,
  source: DebriefContext['source'],
): Promise<DebriefContext> {
  const body: unknown = await response.json().catch(() => null);
  // The envelope's schema checks the debrief body too: one that does not match is reported, not shown in part.
  const envelope = debriefEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    throw new ApiError(response.status, 'contract', 'The debrief does not match the contract.');
  }
  const debrief = envelope.data.debrief;
  // The session's team names are authoritative (the debrief may only know a team's id).
  const names = new Map(envelope.data.teams.map((t) => [t.id, t.name]));
  for (const team of debrief.teams) team.name = names.get(team.team) || team.name;
  const context: DebriefContext = {
    source,
    sessionId: envelope.data.session,
    generatedAt: envelope.data.generatedAt,
    seq: envelope.data.seq,
    startedAt: envelope.data.startedAt ?? null,
    endedAt: envelope.data.endedAt ?? null,
    ...(envelope.data.details ? { details: envelope.data.details } : {}),
    ...(envelope.data.language ? { language: envelope.data.language } : {}),
    agencies: agencyNames(envelope.data.agencies ?? []),
    participants: { ...envelope.data.participants },
    notes: [],
    serverExports: source === 'staff',
    debrief,
  };
  return context;
}

/** The staff debrief through a read-only review link (no account, no extras). */
export async function loadReviewDebrief(
  token: string,
  fetchFn: FetchFn = defaultFetch,
): Promise<DebriefContext> {
  const response = await get(fetchFn, `/api/reviews/${encodeURIComponent(token)}`, null);
  return parseDebrief(response, 'review');
}

/** Creates a read-only link to a session's debrief for reviewers (facilitators only). */
export async function createReviewLink(
  sessionId: string,
  token: string,
  label?: string,
  fetchFn: FetchFn = defaultFetch,
): Promise<ReviewLink> {
  const response = await get(fetchFn, sessionPath(sessionId, 'review-links'), token, {
    method: 'POST',
    body: JSON.stringify(label ? { label } : {}),
  });
  const link = reviewLinkSchema.safeParse(await response.json().catch(() => null));
  if (!link.success) {
    throw new ApiError(response.status, 'contract', 'The review link does not match the contract.');
  }
  return link.data;
}

/** The session's event log (staff): the raw NDJSON text and its parsed lines. */
export async function fetchEventLog(
  sessionId: string,
  token: string,
  fetchFn: FetchFn = defaultFetch,
): Promise<{ text: string; lines: LogLine[] }> {
  const response = await get(fetchFn, sessionPath(sessionId, 'events.jsonl'), token);
  const text = await response.text();
  return { text, lines: parseEventLines(text) };
}

/** One of the server's export files (events.jsonl, scores.csv, decisions.csv) as a Blob. */
export async function fetchExport(
  sessionId: string,
  file: 'events.jsonl' | 'scores.csv' | 'decisions.csv',
  token: string,
  fetchFn: FetchFn = defaultFetch,
): Promise<Blob> {
  const response = await get(fetchFn, sessionPath(sessionId, file), token);
  return response.blob();
}

/** Where a replay is read from: a session (staff or trainee token) or a read-only review link. */
export type ReplaySource =
  { kind: 'session'; sessionId: string; token: string } | { kind: 'review'; token: string };

/** What one agency of one team saw at `seq` (the server recomputes it from the event log). */
export async function loadReplay(
  source: ReplaySource,
  query: { team: string; role?: string | undefined; seq?: number | undefined },
  fetchFn: FetchFn = defaultFetch,
): Promise<ReplayFrame> {
  const params = new URLSearchParams({ team: query.team });
  if (query.role) params.set('role', query.role);
  if (query.seq !== undefined) params.set('seq', String(query.seq));
  const path =
    source.kind === 'session'
      ? `${sessionPath(source.sessionId, 'replay')}?${params}`
      : `/api/reviews/${encodeURIComponent(source.token)}/replay?${params}`;
  const response = await get(fetchFn, path, source.kind === 'session' ? source.token : null);
  const frame = replayFrameSchema.safeParse(await response.json().catch(() => null));
  if (!frame.success) {
    throw new ApiError(response.status, 'contract', 'The replay does not match the contract.');
  }
  return frame.data;
}

// ---- knowledge checks ---------------------------------------------------------------------------

/** The trainee's knowledge check: questions (no answers), the phase open now, what is answered. */
export async function fetchKnowledgeStatus(
  sessionId: string,
  token: string,
  fetchFn: FetchFn = defaultFetch,
): Promise<KnowledgeCheckStatus> {
  const response = await get(fetchFn, sessionPath(sessionId, 'knowledge-check'), token);
  const status = knowledgeCheckStatusSchema.safeParse(await response.json().catch(() => null));
  if (!status.success) {
    throw new ApiError(
      response.status,
      'contract',
      'The knowledge check does not match the contract.',
    );
  }
  return status.data;
}

export async function submitKnowledge(
  sessionId: string,
  token: string,
  submission: KnowledgeSubmission,
  fetchFn: FetchFn = defaultFetch,
): Promise<KnowledgeReceipt> {
  const response = await get(fetchFn, sessionPath(sessionId, 'knowledge-check/answers'), token, {
    method: 'POST',
    body: JSON.stringify(submission),
  });
  const receipt = knowledgeReceiptSchema.safeParse(await response.json().catch(() => null));
  if (!receipt.success) {
    throw new ApiError(response.status, 'contract', 'The receipt does not match the contract.');
  }
  return receipt.data;
}

/** Knowledge-check results of a session (staff token or review link). */
export async function fetchKnowledgeResults(
  source: ReplaySource,
  fetchFn: FetchFn = defaultFetch,
): Promise<KnowledgeResults> {
  const response =
    source.kind === 'session'
      ? await get(fetchFn, sessionPath(source.sessionId, 'knowledge-results'), source.token)
      : await get(
          fetchFn,
          `/api/reviews/${encodeURIComponent(source.token)}/knowledge-results`,
          null,
        );
  const results = knowledgeResultsSchema.safeParse(await response.json().catch(() => null));
  if (!results.success) {
    throw new ApiError(response.status, 'contract', 'The results do not match the contract.');
  }
  return results.data;
}
