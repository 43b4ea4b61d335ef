import { ErrorCode, logEventSchema, type RoleView, type SessionMeta } from '@crossroads/shared';
import {
  api,
  joinSeat,
  openSession,
  SessionClient,
  type Staff,
} from '../../apps/server/bench/session-client';
import type { TestServer } from './helpers';
import { miniFacilitator, startMiniServer } from './mini-server';
import { accepted } from '../acks';

/*
 * Requests in a classroom: a justification travels with the request to the answering agency, a
 * request to an agency nobody is left to play can be answered by the facilitator, the same request
 * of several teams is answered at once (all or nothing), and an ended team's requests leave the
 * facilitator's queue. A request refused to one agency and sent again by another stays in the first
 * agency's view as its own exchange (live, after a reconnect, in the view the staff fetch), with
 * nothing of the new exchange, and the facilitator's card shows the refusal under the new one.
 */

jest.setTimeout(30_000);

let server: TestServer;
let fac: Staff;
const clients: SessionClient[] = [];

beforeAll(async () => {
  // A disconnected trainee counts as left after 200 ms instead of two minutes.
  server = await startMiniServer({ env: { CROSSROADS_AWAY_TO_LEFT_MS: '200' } });
  fac = await miniFacilitator(server);
});

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

afterAll(async () => {
  await server?.close();
});

async function trainee(meta: SessionMeta, team: string, role: string) {
  const { client: c } = await joinSeat(
    server.url,
    meta,
    {
      displayName: `${role}@${team}`,
      team,
      role,
    },
    clients,
  );
  await c.until(() => c.snapshot !== null, 5000, 'snapshot');
  return c;
}

const pending = (c: SessionClient, team: string) => c.cards.get(team)?.pendingRequests ?? [];

it('carries the justification, lets the facilitator answer for absent agencies and for several teams at once', async () => {
  const { meta, facilitator } = await openSession(
    server.url,
    fac.token,
    { scenario: 'mini-kelebija', teams: ['North', 'South', 'East'], timeRatio: 0 },
    clients,
  );
  await facilitator.until(() => facilitator.snapshot !== null, 5000, 'facilitator snapshot');

  // North: border police and prosecutor. South: no prosecutor ever joins. East: its prosecutor leaves.
  const bpNorth = await trainee(meta, 'team-a', 'border_police');
  const prNorth = await trainee(meta, 'team-a', 'prosecutor');
  const bpSouth = await trainee(meta, 'team-b', 'border_police');
  const bpEast = await trainee(meta, 'team-c', 'border_police');
  const prEast = await trainee(meta, 'team-c', 'prosecutor');

  accepted(await facilitator.send('session.start', {}));
  for (const bp of [bpNorth, bpSouth, bpEast]) {
    await bp.until(() => bp.view !== null, 5000, 'first view');
    accepted(await bp.send('decision.submit', { decision: 'open_van', option: 'open_and_triage' }));
  }
  const why = 'The phone may hold the organiser’s messages; the driver refused to unlock it.';
  accepted(await bpNorth.send('request.send', { request: 'search_order', justification: why }));
  accepted(await bpSouth.send('request.send', { request: 'search_order', justification: 'x' }));
  accepted(await bpEast.send('request.send', { request: 'search_order' }));

  // The answering agency reads why; so does the sender, in its own list.
  await prNorth.until(
    () => prNorth.view?.requests.some((r) => r.request === 'search_order') ?? false,
    5000,
    'the prosecutor sees the request',
  );
  const incoming = prNorth.view?.requests.find((r) => r.request === 'search_order');
  expect(incoming).toMatchObject({ direction: 'incoming', justification: why });
  expect(bpNorth.view?.requests.find((r) => r.request === 'search_order')?.justification).toBe(why);
  // It is in the event log (the truth), and nobody in another team receives it.
  const sent = facilitator.events.find((e) => e.type === 'request.sent' && e.team === 'team-a');
  expect(logEventSchema.parse(sent).payload).toEqual({
    request: 'search_order',
    justification: why,
  });
  expect(JSON.stringify(bpSouth.events)).not.toContain(why);
  expect(JSON.stringify(bpSouth.view)).not.toContain(why);

  // East's prosecutor goes away and, after the grace time, counts as left.
  prEast.close();
  await facilitator.until(
    () =>
      ['team-a', 'team-b', 'team-c'].every((t) => pending(facilitator, t).length === 1) &&
      facilitator.lobby?.teams
        .flatMap((t) => t.members)
        .find((m) => m.role === 'prosecutor' && m.team === 'team-c')?.presence === 'left',
    5000,
    'three pending requests and East’s prosecutor left',
  );
  // Cards are resent with the next change; until then the flags come from the last card.
  accepted(await facilitator.send('broadcast.send', { message: 'Requests are being answered.' }));
  accepted(await facilitator.send('clock.advance', { minutes: 1 }));
  await facilitator.until(
    () => pending(facilitator, 'team-c')[0]?.agencyAbsent === true,
    5000,
    'East flagged as absent',
  );
  expect(pending(facilitator, 'team-a')[0]).toMatchObject({
    facilitatorAnswers: false,
    agencyAbsent: false,
  });
  expect(pending(facilitator, 'team-b')[0]).toMatchObject({
    facilitatorAnswers: true,
    agencyAbsent: true,
    justification: 'x',
  });
  expect(pending(facilitator, 'team-c')[0]).toMatchObject({ facilitatorAnswers: true });

  // All or nothing: North's prosecutor is present, so answering North with the others changes nothing.
  const headBefore = facilitator.lastSeq;
  expect(
    await facilitator.send('request.answer', {
      teams: ['team-b', 'team-c', 'team-a'],
      requestInstance: 'search_order',
      granted: true,
      reason: 'Granted by the duty judge.',
    }),
  ).toMatchObject({ status: 'rejected', code: ErrorCode.Forbidden });
  expect(
    await facilitator.send('request.answer', {
      team: 'team-b',
      teams: ['team-c'],
      requestInstance: 'search_order',
      granted: true,
      reason: 'x',
    }),
  ).toMatchObject({ status: 'rejected', code: ErrorCode.InvalidPayload });
  // A trainee cannot answer for several teams.
  expect(
    await prNorth.send('request.answer', {
      teams: ['team-a', 'team-b'],
      requestInstance: 'search_order',
      granted: true,
      reason: 'x',
    }),
  ).toMatchObject({ status: 'rejected', code: ErrorCode.Forbidden });
  expect(pending(facilitator, 'team-b')).toHaveLength(1);

  const ack = accepted(
    await facilitator.send('request.answer', {
      teams: ['team-b', 'team-c'],
      requestInstance: 'search_order',
      granted: true,
      reason: 'Granted by the duty prosecutor.',
    }),
  );
  expect(ack.seq).toBe(headBefore + 2);
  for (const bp of [bpSouth, bpEast]) {
    await bp.until(
      () => bp.view?.requests.find((r) => r.request === 'search_order')?.status === 'granted',
      5000,
      'the border police sees the grant',
    );
  }
  const answers = facilitator.events.filter((e) => e.type === 'request.answered');
  expect(answers.map((e) => [e.team, e.role, e.participant])).toEqual([
    ['team-b', 'prosecutor', null],
    ['team-c', 'prosecutor', null],
  ]);
  // North's request still waits for its own prosecutor.
  expect(pending(facilitator, 'team-a')).toHaveLength(1);

  // North runs out of time (the group leaves with no statement taken): its request leaves the queue.
  accepted(await facilitator.send('clock.advance', { minutes: 240, team: 'team-a' }));
  await facilitator.until(
    () => facilitator.cards.get('team-a')?.ended !== null,
    5000,
    'North ended',
  );
  expect(pending(facilitator, 'team-a')).toEqual([]);
});

it('a request refused to one agency and sent again by another stays in the first one’s view, without the new exchange', async () => {
  const { meta, facilitator } = await openSession(
    server.url,
    fac.token,
    { scenario: 'mini-kelebija', teams: 1, timeRatio: 0 },
    clients,
  );
  await facilitator.until(() => facilitator.snapshot !== null, 5000, 'facilitator snapshot');
  const { joined, client: bp } = await joinSeat(
    server.url,
    meta,
    { displayName: 'Border police', team: 'team-a', role: 'border_police' },
    clients,
  );
  const pr = await trainee(meta, 'team-a', 'prosecutor');
  accepted(await facilitator.send('session.start', {}));
  await bp.until(() => bp.view !== null, 5000, 'first view');

  // The border police ask for the remote interpreter; the interpreter service (the facilitator)
  // refuses; the prosecutor asks again, with its own justification.
  const OWN_WHY = 'BP-WHY: the driver speaks Dari only.';
  const REFUSAL = 'REFUSED-BP: no interpreter free before morning.';
  const OTHER_WHY = 'PR-WHY-7731: the prosecutor needs it for the hearing.';
  accepted(await bp.send('request.send', { request: 'video_interpreter', justification: OWN_WHY }));
  accepted(
    await facilitator.send('request.answer', {
      team: 'team-a',
      requestInstance: 'video_interpreter',
      granted: false,
      reason: REFUSAL,
    }),
  );
  const own = (c: SessionClient) => c.view?.requests.find((r) => r.request === 'video_interpreter');
  await bp.until(() => own(bp)?.status === 'refused', 5000, 'the refusal');
  const refused = own(bp);
  expect(refused).toMatchObject({
    direction: 'outgoing',
    from: 'border_police',
    status: 'refused',
    reason: REFUSAL,
    justification: OWN_WHY,
  });
  accepted(
    await pr.send('request.send', { request: 'video_interpreter', justification: OTHER_WHY }),
  );
  // The staff see the new exchange with the earlier one under it.
  await facilitator.until(
    () => pending(facilitator, 'team-a')[0]?.from === 'prosecutor',
    5000,
    'the request sent again',
  );
  expect(pending(facilitator, 'team-a')[0]).toMatchObject({
    justification: OTHER_WHY,
    earlier: [{ from: 'border_police', reason: REFUSAL }],
  });
  // A later event every agency sees: the border police's view is up to date with it.
  const broadcast = accepted(await facilitator.send('broadcast.send', { message: 'Go on.' }));
  await bp.until(() => bp.lastSeq >= broadcast.seq, 5000, 'the broadcast');
  expect(own(bp)).toEqual(refused);

  // After a reconnect, and in the agency's view the staff fetch, the same.
  const again = new SessionClient(server.url, {
    kind: 'participant',
    token: joined.participantToken,
  });
  clients.push(again);
  await again.until(() => again.view !== null, 5000, 'view after a reconnect');
  expect(own(again)).toEqual(refused);
  const staffView = await api<RoleView>(
    server.url,
    'GET',
    `/api/sessions/${meta.id}/teams/team-a/views/border_police`,
    undefined,
    fac.token,
  );
  expect(staffView.requests.find((r) => r.request === 'video_interpreter')).toEqual(refused);

  // Nothing of the prosecutor's exchange reached the border police.
  for (const c of [bp, again])
    expect(JSON.stringify([c.view, c.events, c.snapshot])).not.toContain('PR-WHY-7731');
});
