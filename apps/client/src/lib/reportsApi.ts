import {
  afterActionReportSchema,
  improvementItemSchema,
  participationReportSchema,
  restErrorSchema,
  type AarEdits,
  type AfterActionReport,
  type CreateImprovementItem,
  type ImprovementItem,
  type ParticipationReport,
  type UpdateImprovementItem,
} from '@crossroads/shared';
import { z } from 'zod';
import { ApiError, type FetchFn } from './facilitatorApi';

/*
 * REST calls of the after-action report (AAR/IP) and participation report pages. Staff use their
 * account token on /api/sessions/:id/…; reviewers use a read-only link on /api/reviews/:token/….
 */

/** Where a report is read from: a session with a staff token, or a review link. */
export type ReportSource =
  { kind: 'session'; sessionId: string; token: string } | { kind: 'review'; token: string };

const defaultFetch: FetchFn = (input, init) => fetch(input, init);

async function request(
  path: string,
  token: string | null,
  init: RequestInit = {},
  fetchFn: FetchFn = defaultFetch,
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
    const body: unknown = await response.json().catch(() => null);
    const error = restErrorSchema.safeParse(body);
    throw error.success
      ? ApiError.fromRest(response.status, error.data)
      : new ApiError(response.status, 'contract', `The server answered ${response.status}.`);
  }
  return response;
}

async function parsed<T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  const result = schema.safeParse(await response.json().catch(() => null));
  if (!result.success)
    throw new ApiError(response.status, 'contract', `The ${what} does not match the contract.`);
  return result.data;
}

/** The path of a report under its source (`aar`, `aar.csv`, `participation`, …). */
export function reportPath(source: ReportSource, file: string): string {
  return source.kind === 'session'
    ? `/api/sessions/${encodeURIComponent(source.sessionId)}/${file}`
    : `/api/reviews/${encodeURIComponent(source.token)}/${file}`;
}

const tokenOf = (source: ReportSource) => (source.kind === 'session' ? source.token : null);

export async function fetchAar(source: ReportSource): Promise<AfterActionReport> {
  return parsed(
    await request(reportPath(source, 'aar'), tokenOf(source)),
    afterActionReportSchema,
    'after-action report',
  );
}

export async function saveAar(
  sessionId: string,
  token: string,
  edits: AarEdits,
): Promise<AfterActionReport> {
  const response = await request(`/api/sessions/${encodeURIComponent(sessionId)}/aar`, token, {
    method: 'PUT',
    body: JSON.stringify(edits),
  });
  return parsed(response, afterActionReportSchema, 'after-action report');
}

export async function createImprovementItem(
  sessionId: string,
  token: string,
  item: CreateImprovementItem,
): Promise<ImprovementItem> {
  const response = await request(
    `/api/sessions/${encodeURIComponent(sessionId)}/improvement-items`,
    token,
    { method: 'POST', body: JSON.stringify(item) },
  );
  return parsed(response, improvementItemSchema, 'improvement item');
}

export async function updateImprovementItem(
  id: string,
  token: string,
  patch: UpdateImprovementItem,
): Promise<ImprovementItem> {
  const response = await request(`/api/improvement-items/${encodeURIComponent(id)}`, token, {
    method: 'PATCH',
    body: JSON.stringify(patch),
  });
  return parsed(response, improvementItemSchema, 'improvement item');
}

/** Improvement-plan items of the account's sessions, e.g. the open ones of a scenario. */
export async function fetchImprovementItems(
  token: string,
  query: { status?: string; scenario?: string; agency?: string },
): Promise<ImprovementItem[]> {
  const params = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const response = await request(`/api/improvement-items?${params}`, token);
  return parsed(response, z.array(improvementItemSchema), 'improvement plan');
}

export type ParticipationSource =
  ReportSource | { kind: 'range'; token: string; from: string; to: string };

function participationPath(source: ParticipationSource, csv: boolean): string {
  const file = csv ? 'participation.csv' : 'participation';
  if (source.kind !== 'range') return reportPath(source, file);
  return `/api/${file}?${new URLSearchParams({ from: source.from, to: source.to })}`;
}

export async function fetchParticipation(
  source: ParticipationSource,
): Promise<ParticipationReport> {
  const token = source.kind === 'review' ? null : source.token;
  return parsed(
    await request(participationPath(source, false), token),
    participationReportSchema,
    'participation report',
  );
}

/** A CSV export of a report as a Blob (made by the server with the shared CSV writer). */
export async function fetchReportCsv(
  source: ParticipationSource,
  which: 'aar' | 'participation',
  language?: string,
): Promise<Blob> {
  const token = source.kind === 'review' ? null : source.token;
  let path: string;
  if (which === 'participation') path = participationPath(source, true);
  else if (source.kind === 'range') throw new Error('An AAR belongs to one session.');
  else path = `${reportPath(source, 'aar.csv')}${language ? `?lang=${language}` : ''}`;
  return (await request(path, token)).blob();
}
