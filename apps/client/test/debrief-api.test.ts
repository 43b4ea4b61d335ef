/**
 * @jest-environment node
 */
import { loadDebrief, loadReplay } from '../src/lib/debriefApi';
import { ApiError } from '../src/lib/facilitatorApi';
import { fixtureDebrief } from './debrief-fixture';

const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const NOW = '2026-03-02T12:00:00.000Z';

const envelope = (debrief: unknown = fixtureDebrief) => ({
  session: SESSION,
  seq: 12,
  generatedAt: NOW,
  teams: [
    { id: 'team-a', name: 'Red pod' },
    { id: 'team-b', name: 'Blue pod' },
    { id: 'team-c', name: 'Green pod' },
  ],
  debrief,
});

const meta = {
  id: SESSION,
  scenario: { id: 'reefer', version: '1.0.0', title: { en: 'Reefer' } },
  status: 'ended',
  settings: {
    feedbackPolicy: 'debrief_only',
    scoresVisibleToTrainees: false,
    timeRatio: 0,
    language: 'en',
  },
  teams: [{ id: 'team-a', name: 'Red pod' }],
  agencies: [
    {
      id: 'border_police',
      name: { en: 'Border police', 'sr-Latn': 'Granična policija' },
      playable: 'required',
    },
  ],
  createdAt: '2026-03-02T07:00:00.000Z',
  startedAt: '2026-03-02T08:00:00.000Z',
  endedAt: '2026-03-02T11:00:00.000Z',
  debriefReleased: true,
  seq: 12,
};

const events = [
  {
    seq: 2,
    at: '2026-03-02T08:01:00.000Z',
    time: 0,
    team: 'team-a',
    role: 'border_police',
    participant: 'p-1',
    type: 'participant.joined',
    payload: { displayName: 'Ana' },
  },
  {
    seq: 6,
    at: '2026-03-02T08:10:00.000Z',
    time: 15,
    team: 'team-b',
    role: 'border_police',
    participant: 'p-2',
    type: 'decision.made',
    payload: {},
  },
  {
    seq: 9,
    at: '2026-03-02T08:20:00.000Z',
    time: null,
    team: null,
    role: null,
    participant: null,
    type: 'note.pinned',
    payload: { seq: 6, text: 'Look here' },
  },
];

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A fake server: answers per path, records what was asked with which token. */
function fakeFetch(routes: Record<string, () => Response>) {
  const calls: { path: string; auth: string | undefined }[] = [];
  const fetchFn = async (input: string, init?: RequestInit) => {
    calls.push({ path: input, auth: (init?.headers as Record<string, string>)?.authorization });
    const route = routes[input];
    return route ? route() : json(404, { code: 'session/not_found', message: 'no' });
  };
  return { fetchFn, calls };
}

describe('loading a debrief', () => {
  const base = `/api/sessions/${SESSION}`;

  test('staff get the debrief with team names, agency names, trainee names and notes', async () => {
    const { fetchFn, calls } = fakeFetch({
      [`${base}/debrief`]: () => json(200, envelope()),
      [base]: () => json(200, meta),
      [`${base}/events.jsonl`]: () => new Response(events.map((e) => JSON.stringify(e)).join('\n')),
    });
    const context = await loadDebrief(SESSION, { kind: 'staff', token: 'staff-token' }, fetchFn);
    expect(calls.every((c) => c.auth === 'Bearer staff-token')).toBe(true);
    expect(context.debrief.teams.map((t) => t.name)).toEqual(['Red pod', 'Blue pod', 'Green pod']);
    expect(context.agencies.border_police).toEqual(meta.agencies[0]?.name);
    expect(context.participants).toEqual({ 'p-1': 'Ana' });
    expect(context.notes).toEqual([
      { seq: 9, at: events[2]!.at, about: 6, team: 'team-b', text: 'Look here' },
    ]);
    expect(context.startedAt).toBe(meta.startedAt);
    expect(context.serverExports).toBe(true);
  });

  test('a trainee gets the debrief only: no log, no names, no server exports', async () => {
    const { fetchFn, calls } = fakeFetch({ [`${base}/debrief`]: () => json(200, envelope()) });
    const context = await loadDebrief(SESSION, { kind: 'participant', token: 'p-token' }, fetchFn);
    expect(calls.map((c) => c.path)).toEqual([`${base}/debrief`]);
    expect(context.source).toBe('participant');
    expect(context.serverExports).toBe(false);
    expect(context.notes).toEqual([]);
  });

  test('the extras are best effort: a failing event log leaves the debrief shown', async () => {
    const { fetchFn } = fakeFetch({
      [`${base}/debrief`]: () => json(200, envelope()),
      [base]: () => json(500, { code: 'protocol/internal', message: 'x' }),
    });
    const context = await loadDebrief(SESSION, { kind: 'staff', token: 't' }, fetchFn);
    expect(context.notes).toEqual([]);
    expect(context.debrief.teams).toHaveLength(3);
  });

  test('errors: not released, unscored fallback, body off contract', async () => {
    const forbidden = fakeFetch({
      [`${base}/debrief`]: () =>
        json(403, {
          code: 'auth/forbidden',
          message: 'The facilitator has not released the debrief yet.',
        }),
    });
    await expect(
      loadDebrief(SESSION, { kind: 'participant', token: 't' }, forbidden.fetchFn),
    ).rejects.toMatchObject({ status: 403, code: 'auth/forbidden' });

    const broken = fakeFetch({ [`${base}/debrief`]: () => json(200, envelope({ teams: 3 })) });
    const error = await loadDebrief(SESSION, { kind: 'staff', token: 't' }, broken.fetchFn).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('contract');
  });
});

describe('loading a replay frame', () => {
  const item = fixtureDebrief.teams[0]?.items[0];
  const frame = (items: unknown[]) => ({
    session: SESSION,
    team: 'team-a',
    role: 'border_police',
    seq: 6,
    head: 12,
    agencies: [],
    marks: [],
    view: null,
    scores: { evidence: 40, rights: 55, redLines: [] },
    items,
  });
  const path = `/api/sessions/${SESSION}/replay?team=team-a`;
  const source = { kind: 'session', sessionId: SESSION, token: 't' } as const;

  test('its scored items are the debrief’s, read through the same contract', async () => {
    const { fetchFn } = fakeFetch({ [path]: () => json(200, frame([{ ...item, extra: 1 }])) });
    const loaded = await loadReplay(source, { team: 'team-a' }, fetchFn);
    expect(loaded.items).toEqual([item]);
  });

  test('an item off the contract is reported, not left out of the list', async () => {
    const { legalBasis: _dropped, ...broken } = item ?? {};
    const { fetchFn } = fakeFetch({ [path]: () => json(200, frame([item, broken])) });
    const error = await loadReplay(source, { team: 'team-a' }, fetchFn).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('contract');
  });
});
