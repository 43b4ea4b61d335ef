/**
 * Need to know for the words a trainee types as its agency's reasons, over the real server and
 * socket.io: the police decide, with a rationale, a decision the prosecutor may take too (so both
 * see the event). The prosecutor receives the decision without the rationale on every path (live
 * update, catch-up after a reconnect, snapshot, its debrief); the police and the staff receive it
 * whole. A request's justification reaches the agency it is addressed to and not a third agency.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DebriefEnvelope, JoinResponse, LogEvent } from '@crossroads/shared';
import { api, openSession, SessionClient } from '../../apps/server/bench/session-client';
import { accepted } from '../acks';
import type { TestServer } from './helpers';
import { miniFacilitator, startMiniServer } from './mini-server';

jest.setTimeout(60_000);

const SCENARIO = readFileSync(path.join(__dirname, 'support', 'shared-decision.yaml'), 'utf8');
const RATIONALE = 'RATIONALE-POLICE-SHARED-4242';
const JUSTIFICATION = 'JUSTIFY-SOCIAL-SHARED-5353';

let server: TestServer;
const clients: SessionClient[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
});

/** A trainee client that keeps every message the server sent it, as received. */
function recording(token: string, lastSeq?: number): { client: SessionClient; wire: string[] } {
  const client = new SessionClient(
    server.url,
    { kind: 'participant', token },
    undefined,
    lastSeq === undefined ? {} : { lastSeq },
  );
  const wire: string[] = [];
  client.socket.onAny((event: string, ...args: unknown[]) =>
    wire.push(JSON.stringify([event, args])),
  );
  clients.push(client);
  return { client, wire };
}

const eventAt = (c: SessionClient, seq: number): LogEvent | undefined =>
  c.events.find((e) => e.seq === seq);

it('a decision’s rationale reaches its own agency and the staff, not another agency that sees the decision', async () => {
  server = await startMiniServer({ scenarios: { 'shared-desk.yaml': SCENARIO } });
  const fac = await miniFacilitator(server);
  const { meta, facilitator } = await openSession(
    server.url,
    fac.token,
    { scenario: 'shared-desk', teams: 1, timeRatio: 0 },
    clients,
  );
  const seat = async (role: string) => {
    const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
      code: meta.joinCode,
      displayName: role,
      team: 'team-a',
      role,
    });
    const r = recording(joined.participantToken);
    await r.client.connected();
    return { token: joined.participantToken, ...r };
  };
  const police = await seat('police');
  const prosecutor = await seat('prosecutor');
  const social = await seat('social_work');
  accepted(await facilitator.send('session.start', {}));
  for (const s of [police, prosecutor, social])
    await s.client.until(() => s.client.view !== null, 5000, 'first view');
  const beforeDecision = prosecutor.client.lastSeq;

  const decided = accepted(
    await police.client.send('decision.submit', {
      decision: 'hold',
      option: 'hold',
      rationale: RATIONALE,
    }),
  );
  const seq = decided.seq;
  for (const c of [police.client, prosecutor.client, facilitator])
    await c.until(() => eventAt(c, seq) !== undefined, 5000, `decision ${seq}`);

  // Live: the police and the staff get the rationale; the prosecutor gets the decision without it.
  expect(eventAt(police.client, seq)).toMatchObject({
    type: 'decision.made',
    role: 'police',
    payload: { decision: 'hold', option: 'hold', rationale: RATIONALE },
  });
  expect(eventAt(facilitator, seq)?.payload).toMatchObject({ rationale: RATIONALE });
  expect(eventAt(prosecutor.client, seq)).toMatchObject({
    type: 'decision.made',
    role: 'police',
    payload: { decision: 'hold', option: 'hold' },
  });
  expect(eventAt(prosecutor.client, seq)?.payload).not.toHaveProperty('rationale');
  expect(prosecutor.wire.join('\n')).not.toContain(RATIONALE);
  expect(police.wire.join('\n')).toContain(RATIONALE);

  // A justification is written for the agency addressed: the prosecutor reads it, the police
  // (a third agency, which does not see the sending at all) never receive it.
  const sent = accepted(
    await social.client.send('request.send', {
      request: 'req_interpreter',
      justification: JUSTIFICATION,
    }),
  );
  await prosecutor.client.until(() => eventAt(prosecutor.client, sent.seq) !== undefined);
  expect(eventAt(prosecutor.client, sent.seq)?.payload).toMatchObject({
    justification: JUSTIFICATION,
  });
  await police.client.until(() => police.client.lastSeq >= sent.seq);

  // Catch-up after a reconnect from before the decision, and a snapshot (no lastSeq).
  const caughtUp = (token: string) => recording(token, beforeDecision);
  const prosCatchUp = caughtUp(prosecutor.token);
  const policeCatchUp = caughtUp(police.token);
  const prosSnapshot = recording(prosecutor.token);
  for (const r of [prosCatchUp, policeCatchUp])
    await r.client.until(() => eventAt(r.client, seq) !== undefined, 5000, 'catch-up');
  await prosSnapshot.client.until(() => prosSnapshot.client.snapshot !== null, 5000, 'snapshot');
  expect(prosCatchUp.wire.some((m) => m.startsWith('["session.events"'))).toBe(true);
  expect(eventAt(prosCatchUp.client, seq)?.payload).toEqual({ decision: 'hold', option: 'hold' });
  expect(eventAt(policeCatchUp.client, seq)?.payload).toMatchObject({ rationale: RATIONALE });
  const snapshotEvent = prosSnapshot.client.snapshot?.events.find((e) => e.seq === seq);
  expect(snapshotEvent?.payload).toEqual({ decision: 'hold', option: 'hold' });
  for (const r of [prosCatchUp, prosSnapshot]) expect(r.wire.join('\n')).not.toContain(RATIONALE);
  expect(policeCatchUp.wire.join('\n')).not.toContain(JUSTIFICATION);

  // The debrief: the police's carries the rationale, the prosecutor's does not (it carries the
  // justification written for it).
  accepted(await facilitator.send('session.end', {}));
  accepted(await facilitator.send('debrief.release', {}));
  const debriefOf = (token: string) =>
    api<DebriefEnvelope>(server.url, 'GET', `/api/sessions/${meta.id}/debrief`, undefined, token);
  const entry = (d: DebriefEnvelope) => d.debrief.teams[0]?.timeline.find((e) => e.seq === seq);
  const policeDebrief = await debriefOf(police.token);
  const prosDebrief = await debriefOf(prosecutor.token);
  expect(entry(policeDebrief)).toMatchObject({ type: 'decision.made', rationale: RATIONALE });
  expect(entry(prosDebrief)).toMatchObject({ type: 'decision.made' });
  expect(entry(prosDebrief)).not.toHaveProperty('rationale');
  expect(JSON.stringify(prosDebrief)).not.toContain(RATIONALE);
  expect(JSON.stringify(prosDebrief)).toContain(JUSTIFICATION);
  expect(JSON.stringify(policeDebrief)).not.toContain(JUSTIFICATION);
});
