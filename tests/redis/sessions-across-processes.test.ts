import { randomUUID } from 'node:crypto';
import type { JoinResponse, SessionMeta } from '@crossroads/shared';
import { api, login, SessionClient } from '../../apps/server/bench/session-client';
import { openSqliteFile } from '../integration/helpers';
import { eventually, useCluster } from './support';

/*
 * Issue 10 end to end: two server processes (two createApps, each with its own socket.io server
 * and Redis connections) on one SQLite file, with NODE_ID (session leases) and REDIS_URL. A
 * session owned by node-a is played from sockets on node-b: their commands are forwarded to the
 * owner over socket.io's server-side messages, and the owner's room broadcasts come back to them,
 * both through Redis.
 */

const cluster = useCluster('redis-sessions');
const clients: SessionClient[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
});

it('plays a session owned by node-a from sockets on node-b, through Redis both ways', async () => {
  // One after the other: the first start migrates the shared file, the second finds it done.
  const a = await cluster.start('node-a');
  const b = await cluster.start('node-b');
  const db = openSqliteFile(cluster.databasePath(), { readonly: true });
  try {
    const admin = await login(a.url, 'admin', 'admin-password-1');
    const meta = await api<SessionMeta>(
      a.url,
      'POST',
      '/api/sessions',
      { scenario: 'mini-kelebija', teams: 2 },
      admin.token,
    );
    const joined = await api<JoinResponse>(a.url, 'POST', '/api/join', {
      code: meta.joinCode,
      displayName: 'border team-a',
      team: 'team-a',
      role: 'border_police',
    });
    const owner = () =>
      (
        db.prepare('SELECT owner FROM session_leases WHERE session_id = ?').get(meta.id) as
          { owner: string } | undefined
      )?.owner;

    // Both sockets on node-b; the session's live host runs on node-a.
    const trainee = new SessionClient(b.url, {
      kind: 'participant',
      token: joined.participantToken,
    });
    const facilitator = new SessionClient(
      b.url,
      { kind: 'facilitator', token: admin.token },
      meta.id,
    );
    clients.push(trainee, facilitator);
    await Promise.all([trainee.connected(), facilitator.connected()]);
    await trainee.until(() => trainee.snapshot !== null, 10_000, 'the trainee snapshot');
    await eventually(() => owner() === 'node-a', 10_000, 'node-a owns the session');

    // A command on node-b is applied by the owner, once, and acknowledged back on node-b.
    const started = await facilitator.send('session.start', {}, 10_000);
    expect(started).toMatchObject({ status: 'accepted' });
    await trainee.until(() => trainee.status === 'running', 10_000, 'running on node-b');

    const commandId = randomUUID();
    const sent = await facilitator.send(
      'broadcast.send',
      { message: 'through Redis', team: 'team-a', commandId },
      10_000,
    );
    expect(sent).toMatchObject({ status: 'accepted' });
    const seq = (sent as { seq: number }).seq;
    // The owner's room broadcast reaches the trainee's socket on the other process.
    await trainee.until(
      () => trainee.events.some((e) => e.seq === seq),
      10_000,
      'the broadcast event on node-b',
    );
    const rows = db
      .prepare('SELECT seq FROM events WHERE session_id = ? AND command_id = ?')
      .all(meta.id, commandId) as { seq: number }[];
    expect(rows).toEqual([{ seq }]);
    // node-a still owns the session: node-b forwarded, it did not take over.
    expect(owner()).toBe('node-a');

    // A refusal comes back from the owner whole: in the trainee's languages, in its view's words.
    await trainee.until(() => trainee.view !== null, 10_000, 'the running view on node-b');
    const greyed = trainee.view?.sendableRequests.find((r) => r.id === 'search_order');
    expect(greyed?.whyNot?.text).toMatchObject({ 'sr-Latn': expect.any(String) });
    const refused = await trainee.send('request.send', { request: 'search_order' }, 10_000);
    expect(refused).toEqual({ status: 'rejected', ...greyed?.whyNot });
    expect(owner()).toBe('node-a');

    // Staff team cards: a console whose snapshot node-b computed (card versions are digests of the
    // cards, so equal on both processes) takes the owner's patches, and holds what a fresh
    // snapshot gives (scores aside: each process rescores at its own moments).
    const staff = new SessionClient(b.url, { kind: 'facilitator', token: admin.token }, meta.id);
    clients.push(staff);
    await staff.until(() => staff.snapshot !== null, 10_000, 'the staff snapshot on node-b');
    for (const name of ['session.pause', 'session.resume'] as const) {
      const ack = await staff.send(name, {}, 10_000);
      expect(ack).toMatchObject({ status: 'accepted' });
      const at = (ack as { seq: number }).seq;
      await staff.until(() => staff.lastSeq >= at, 10_000, `${name} on node-b`);
    }
    expect(staff.cardPatches).toBeGreaterThanOrEqual(4);
    expect([staff.cardMismatches, facilitator.cardMismatches]).toEqual([0, 0]);
    const fresh = new SessionClient(b.url, { kind: 'facilitator', token: admin.token }, meta.id);
    clients.push(fresh);
    await fresh.until(() => fresh.snapshot !== null, 10_000, 'a fresh staff snapshot');
    const unscored = (client: SessionClient) =>
      [...client.cards.values()].map((card) => ({ ...card, scores: null }));
    expect(unscored(staff)).toEqual(unscored(fresh));

    // REST writes on node-b go to the owner too: a trainee joins there (and may connect with the
    // token the owner's join stored), and the facilitator ends the session there.
    const late = await api<JoinResponse>(b.url, 'POST', '/api/join', {
      code: meta.joinCode,
      displayName: 'border team-b',
      team: 'team-b',
      role: 'border_police',
    });
    expect(late.participant).toMatchObject({ displayName: 'border team-b', team: 'team-b' });
    const lateTrainee = new SessionClient(b.url, {
      kind: 'participant',
      token: late.participantToken,
    });
    clients.push(lateTrainee);
    await lateTrainee.connected();
    await lateTrainee.until(() => lateTrainee.snapshot !== null, 10_000, 'the late snapshot');

    const patched = await api<SessionMeta>(
      b.url,
      'PATCH',
      `/api/sessions/${meta.id}`,
      { scoresVisibleToTrainees: true },
      admin.token,
    );
    expect(patched.settings.scoresVisibleToTrainees).toBe(true);

    const ended = await api<SessionMeta>(
      b.url,
      'POST',
      `/api/sessions/${meta.id}/end`,
      undefined,
      admin.token,
    );
    expect(ended.status).toBe('ended');
    await trainee.until(() => trainee.status === 'ended', 10_000, 'ended on node-b');

    const count = (type: string) =>
      (
        db
          .prepare('SELECT COUNT(*) AS n FROM events WHERE session_id = ? AND type = ?')
          .get(meta.id, type) as { n: number }
      ).n;
    const joins = db
      .prepare(
        "SELECT participant FROM events WHERE session_id = ? AND type = 'participant.joined'",
      )
      .all(meta.id) as { participant: string }[];
    expect(joins.filter((j) => j.participant === late.participant.id)).toHaveLength(1);
    expect(count('settings.changed')).toBe(1);
    expect(count('session.ended')).toBe(1);
    expect(owner()).toBe('node-a');
  } finally {
    db.close();
  }
});
