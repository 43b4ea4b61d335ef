/**
 * A team's live case over the socket: the facilitator's card of each team lists what the debrief
 * will hold against its evidence, with the debrief's reasons; a witness the team lost reaches, in
 * the view, only the agencies of that team that know the person and that they left. Nobody else
 * receives either: not another agency of the team, not another team, and no trainee the taints.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  replayFrameSchema,
  type JoinResponse,
  type ReplayFrame,
  type SessionMeta,
} from '@crossroads/shared';
import {
  api,
  login,
  newStaff,
  openSession,
  publishScenario,
  SessionClient,
} from '../../apps/server/bench/session-client';
import { accepted } from '../acks';
import type { TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';

jest.setTimeout(60_000);

const SCENARIO = readFileSync(path.join(__dirname, 'support', 'live-case-probe.yaml'), 'utf8');
const TEAMS = ['team-a', 'team-b'] as const;
const ROLES = ['police', 'prosecutor', 'social_work'] as const;

let server: TestServer;
const clients: SessionClient[] = [];
/** Set by the first test, read by the next: the session, its staff and every trainee's seat. */
let meta: SessionMeta;
let staffToken: string;
let facilitatorClient: SessionClient;
const seats = new Map<string, SessionClient>();
const tokens = new Map<string, string>();
/** The seq of the police's decision that let Ali go. */
let letGoSeq = 0;

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
});

it('taints reach the facilitator’s card of the team, a lost witness only the agency that knows it', async () => {
  server = await startMiniServer();
  const admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  const author = await newStaff(server.url, admin.token, 'author', { author: true });
  await publishScenario(server.url, author.token, SCENARIO);
  const opened = await openSession(
    server.url,
    admin.token,
    { scenario: 'live-case-probe', teams: 2, timeRatio: 0 },
    clients,
  );
  const facilitator = opened.facilitator;
  meta = opened.meta;
  staffToken = admin.token;
  facilitatorClient = facilitator;

  /** Everything each trainee received over its socket, as received. */
  const received = new Map<string, string[]>();
  for (const team of TEAMS) {
    for (const role of ROLES) {
      const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
        code: meta.joinCode,
        displayName: `${role} of ${team}`,
        team,
        role,
      });
      const client = new SessionClient(server.url, {
        kind: 'participant',
        token: joined.participantToken,
      });
      const log: string[] = [];
      client.socket.onAny((event: string, ...args: unknown[]) =>
        log.push(JSON.stringify([event, args])),
      );
      clients.push(client);
      await client.connected();
      seats.set(`${team}/${role}`, client);
      tokens.set(`${team}/${role}`, joined.participantToken);
      received.set(`${team}/${role}`, log);
    }
  }
  const seat = (team: string, role: string): SessionClient => {
    const c = seats.get(`${team}/${role}`);
    if (!c) throw new Error(`no seat ${team}/${role}`);
    return c;
  };
  const police = seat('team-a', 'police');

  accepted(await facilitator.send('session.start', {}));
  for (const c of seats.values()) await c.until(() => c.view !== null, 5000, 'first view');
  accepted(await police.send('decision.submit', { decision: 'hear', option: 'notes' }));
  letGoSeq = accepted(
    await police.send('decision.submit', { decision: 'release', option: 'let_go' }),
  ).seq;

  // The live case comes from the live scores, refreshed off the command path: the updates after a
  // refresh carry it (a chat line is such an update, for every agency of the team and the staff).
  const deadline = Date.now() + 20_000;
  for (let n = 0; ; n += 1) {
    accepted(await police.send('chat.send', { text: `still here ${n}` }));
    const done = await police
      .until(
        () =>
          (police.view?.witnessesLost?.length ?? 0) > 0 &&
          (facilitator.cards.get('team-a')?.taints?.length ?? 0) > 0,
        2500,
        'the live case',
      )
      .then(() => true)
      .catch(() => false);
    if (done) break;
    if (Date.now() > deadline) throw new Error('the live case never arrived');
  }

  // The police, who let him go and were told where he went: Ali, lost, as the debrief will say.
  expect(police.view?.witnessesLost).toEqual([
    { person: 'ali', how: 'departed', time: expect.any(Number) as number },
  ]);
  // The facilitator: team A's statement, excluded, with the debrief's reasons in every language.
  const taints = facilitator.cards.get('team-a')?.taints ?? [];
  expect(taints.map((t) => [t.evidence, t.status])).toEqual([['ali_statement', 'excluded']]);
  const reasons = taints[0]?.reasons ?? [];
  expect(reasons.length).toBeGreaterThan(0);
  expect(reasons.every((r) => typeof r === 'object' && r.en !== '' && r.mk !== undefined)).toBe(
    true,
  );
  expect(reasons.some((r) => typeof r === 'object' && r.mk !== r.en)).toBe(true);
  // Team B did nothing: nothing held against it.
  expect(facilitator.cards.get('team-b')?.taints).toBeUndefined();

  // The other agencies of team A got the same updates as the police (else what follows would
  // hold before their last update arrived, whatever it carried).
  for (const role of ROLES) {
    const c = seat('team-a', role);
    await c.until(() => c.lastSeq >= police.lastSeq, 5000, `team A's ${role} caught up`);
  }

  // Need to know: the prosecutor knows Ali but not that he left, social work does not know Ali,
  // team B's agencies are another team. None of them, nor the police, ever received the taints.
  for (const [key, log] of received) {
    const all = log.join('\n');
    expect({ key, taints: all.includes('"taints"') }).toEqual({ key, taints: false });
    if (key !== 'team-a/police')
      expect({ key, lost: all.includes('"witnessesLost"') }).toEqual({ key, lost: false });
  }
  for (const [key, c] of seats)
    if (key !== 'team-a/police') expect({ key, lost: c.view?.witnessesLost }).toEqual({ key });
});

it('the replay at a seq carries the witnesses lost each agency held live there, and only those', async () => {
  const police = seats.get('team-a/police');
  if (!police) throw new Error('no police seat');
  // Every trainee of team A has what the police have (the first test waited for it).
  // What each client held live, and at which seq, before the session ends and the debrief is
  // released (so that trainees may replay).
  const held = new Map(
    [...seats].map(([key, c]) => [key, { seq: c.lastSeq, lost: c.view?.witnessesLost }]),
  );
  accepted(await facilitatorClient.send('session.end', {}));
  accepted(await facilitatorClient.send('debrief.release', {}));

  const replay = async (query: Record<string, string | number>, token: string) => {
    const q = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const body = await api<ReplayFrame>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}/replay?${q.toString()}`,
      undefined,
      token,
    );
    return { frame: replayFrameSchema.parse(body), text: JSON.stringify(body) };
  };

  for (const [key, live] of held) {
    const [team = '', role = ''] = key.split('/');
    const token = tokens.get(key) ?? '';
    // The trainee's own replay, and the staff's of the same agency, at the seq the client held:
    // the same witnesses lost, field by field, as the live view (none where it had none).
    const own = await replay({ team, role, seq: live.seq }, token);
    expect({ key, seq: own.frame.seq, lost: own.frame.view?.witnessesLost }).toEqual({
      key,
      seq: live.seq,
      lost: live.lost,
    });
    const staff = await replay({ team, role, seq: live.seq }, staffToken);
    expect({ key, lost: staff.frame.view?.witnessesLost }).toEqual({ key, lost: live.lost });
    // Need to know: no other agency's or team's lost witness in any trainee's replay, at any seq.
    if (key !== 'team-a/police') {
      expect({ key, lost: own.text.includes('"witnessesLost"') }).toEqual({ key, lost: false });
      const atEnd = await replay({ team, role }, token);
      expect({ key, lost: atEnd.text.includes('"witnessesLost"') }).toEqual({ key, lost: false });
    }
  }
  expect(held.get('team-a/police')?.lost).toEqual([
    { person: 'ali', how: 'departed', time: expect.any(Number) as number },
  ]);

  // A pure function of the log prefix: before the police let Ali go, he was not lost.
  const policeToken = tokens.get('team-a/police') ?? '';
  const before = await replay({ team: 'team-a', role: 'police', seq: letGoSeq - 1 }, policeToken);
  expect(before.frame.view?.witnessesLost).toBeUndefined();
  const at = await replay({ team: 'team-a', role: 'police', seq: letGoSeq }, policeToken);
  expect(at.frame.view?.witnessesLost).toEqual(held.get('team-a/police')?.lost);
});
