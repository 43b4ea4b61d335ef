import {
  debriefEnvelopeSchema,
  reviewLinkSchema,
  textIn,
  type DebriefEnvelope,
  type SessionMeta,
} from '@crossroads/shared';
import {
  api,
  joinSeat,
  openSession,
  type SessionClient,
} from '../../apps/server/bench/session-client';
import type { TestServer } from './helpers';
import { miniFacilitator, startMiniServer } from './mini-server';
import { accepted } from '../acks';

/*
 * Why a request was refused, in the debrief, through the real server. In team A the prosecutor
 * refuses the border police's search order, and the facilitator (for the interpreter pool nobody
 * plays) refuses the prosecutor's video interpreter; in team B the facilitator refuses the border
 * police's. Each refusal's reason reaches, in the debrief's timeline, the agency that sent the
 * request and the one that answered it, and the staff; never an agency of the team that had no part
 * in the request (social work, or the border police for the prosecutor's interpreter), nor a trainee
 * of the other team: not in the debrief, nor in the replay a trainee may open.
 */

jest.setTimeout(30_000);

const REASON = {
  aProsecutor: 'REFUSE-A-PROS-6101: the order names no phone',
  aPool: 'REFUSE-A-POOL-6102: no Farsi interpreter before morning',
  bPool: 'REFUSE-B-POOL-6103: the line is down',
} as const;
const MARKERS = ['REFUSE-A-PROS-6101', 'REFUSE-A-POOL-6102', 'REFUSE-B-POOL-6103'] as const;
const markersIn = (body: unknown) => {
  const text = JSON.stringify(body);
  return MARKERS.filter((m) => text.includes(m));
};

let server: TestServer;
const clients: SessionClient[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
});

/** The reasons on the request.answered entries of each team's timeline. */
function reasons(envelope: DebriefEnvelope): Record<string, (string | undefined)[]> {
  const out: Record<string, (string | undefined)[]> = {};
  for (const team of envelope.debrief.teams)
    out[team.team] = team.timeline
      .filter((e) => e.type === 'request.answered')
      .map((e) => e.reason);
  return out;
}

it('gives an answer’s reason to whoever may see the answer, and to nobody else', async () => {
  server = await startMiniServer();
  const fac = await miniFacilitator(server);
  const { meta, facilitator } = await openSession(
    server.url,
    fac.token,
    { scenario: 'mini-kelebija', teams: 2, timeRatio: 0, language: 'sr-Latn' },
    clients,
  );
  const seat = async (team: string, role: string) => {
    const { joined, client } = await joinSeat(
      server.url,
      meta as SessionMeta,
      { displayName: `${role}@${team}`, team, role },
      clients,
    );
    return { token: joined.participantToken, client };
  };
  const bpA = await seat('team-a', 'border_police');
  const prA = await seat('team-a', 'prosecutor');
  const swA = await seat('team-a', 'social_work');
  const bpB = await seat('team-b', 'border_police');
  const prB = await seat('team-b', 'prosecutor');

  accepted(await facilitator.send('session.start', {}));
  for (const { client } of [bpA, bpB]) {
    await client.until(() => client.view !== null, 5000, 'first view');
    accepted(
      await client.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }),
    );
  }
  accepted(await bpA.client.send('request.send', { request: 'search_order' }));
  await prA.client.until(
    () => prA.client.view?.requests.some((r) => r.request === 'search_order') ?? false,
    5000,
    'the prosecutor sees the request',
  );
  accepted(
    await prA.client.send('request.answer', {
      requestInstance: 'search_order',
      granted: false,
      reason: REASON.aProsecutor,
    }),
  );
  accepted(await prA.client.send('request.send', { request: 'video_interpreter' }));
  accepted(await bpB.client.send('request.send', { request: 'video_interpreter' }));
  await facilitator.until(
    () =>
      ['team-a', 'team-b'].every((t) =>
        (facilitator.cards.get(t)?.pendingRequests ?? []).some(
          (r) => r.request === 'video_interpreter',
        ),
      ),
    5000,
    'both interpreter requests waiting',
  );
  accepted(
    await facilitator.send('request.answer', {
      team: 'team-a',
      requestInstance: 'video_interpreter',
      granted: false,
      reason: REASON.aPool,
    }),
  );
  accepted(
    await facilitator.send('request.answer', {
      team: 'team-b',
      requestInstance: 'video_interpreter',
      granted: false,
      reason: REASON.bPool,
    }),
  );

  // While the session runs, the staff debrief has them already (a projection).
  const debriefPath = `/api/sessions/${meta.id}/debrief`;
  const running = debriefEnvelopeSchema.parse(
    await api(server.url, 'GET', debriefPath, undefined, fac.token),
  );
  expect(reasons(running)).toEqual({
    'team-a': [REASON.aProsecutor, REASON.aPool],
    'team-b': [REASON.bPool],
  });
  expect(running.language).toBe('sr-Latn');

  accepted(await facilitator.send('session.end', {}));
  accepted(await facilitator.send('debrief.release', {}));

  const staff = debriefEnvelopeSchema.parse(
    await api(server.url, 'GET', debriefPath, undefined, fac.token),
  );
  expect(reasons(staff)).toEqual(reasons(running));
  const refused = staff.debrief.teams[0]?.timeline.find((e) => e.reason === REASON.aProsecutor);
  expect(refused).toMatchObject({ type: 'request.answered', request: 'search_order' });
  expect(refused && textIn(refused.label, 'en')).toMatch(/^Request refused: /);
  // Reviewers read the staff debrief.
  const link = reviewLinkSchema.parse(
    await api(server.url, 'POST', `/api/sessions/${meta.id}/review-links`, {}, fac.token),
  );
  expect(
    reasons(
      debriefEnvelopeSchema.parse(await api(server.url, 'GET', `/api/reviews/${link.token}`)),
    ),
  ).toEqual(reasons(staff));

  /** A trainee's debrief as received (the raw body) and as the client reads it. */
  const traineeDebrief = async (token: string) => {
    const raw = await api<unknown>(server.url, 'GET', debriefPath, undefined, token);
    return { raw, envelope: debriefEnvelopeSchema.parse(raw) };
  };
  const expected: [string, { token: string }, string, (string | undefined)[]][] = [
    // The sender of the search order, who did not send the interpreter request (the prosecutor did).
    ['team-a', bpA, 'border_police', [REASON.aProsecutor, undefined]],
    // It answered the search order and sent the interpreter request.
    ['team-a', prA, 'prosecutor', [REASON.aProsecutor, REASON.aPool]],
    // Neither sent nor received either request.
    ['team-a', swA, 'social_work', []],
    ['team-b', bpB, 'border_police', [REASON.bPool]],
    ['team-b', prB, 'prosecutor', []],
  ];
  for (const [team, who, role, want] of expected) {
    const { raw, envelope } = await traineeDebrief(who.token);
    expect(envelope.debrief.recipient).toEqual({ team, role });
    expect(envelope.language).toBe('sr-Latn');
    expect(reasons(envelope)).toEqual({ [team]: want.filter((r) => r !== undefined) });
    // Nothing else of another answer anywhere in the body: not under another field, not hidden.
    const own = want.flatMap((r) => MARKERS.filter((m) => r?.startsWith(m)));
    expect(markersIn(raw)).toEqual(own);
    // What it cannot see stays on its timeline as an event outside its view, with no reason.
    const hidden = envelope.debrief.teams[0]?.timeline.filter((e) => e.type === 'hidden') ?? [];
    for (const e of hidden) expect(e).not.toHaveProperty('reason');
    // Nor does the replay a trainee may open (its own agency, at every moment) tell it more.
    const frame = await api<unknown>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}/replay?team=${team}&role=${role}`,
      undefined,
      who.token,
    );
    expect(markersIn(frame).filter((m) => !own.includes(m))).toEqual([]);
  }
});
