/**
 * Staff team cards travel as patches against the card the staff last got (or whole): played
 * flagship sessions are committed through a real SessionHost with the real SessionViews and engine
 * (bench/staff-cards.ts), and what each staff connection holds after applying its messages in
 * order (snapshot or catch-up batch, ticks, whole cards, patches) must be exactly the cards a fresh
 * snapshot gives, while trainees never receive a card.
 */
import {
  applyTeamPatch,
  type Scores,
  type SessionSnapshot,
  type SessionUpdate,
  type TeamCard,
} from '@crossroads/shared';
import { EngineRuntime } from '../src/catalogue/engine-runtime';
import { diffCards } from '../src/sessions/card-diff';
import { cardVersion } from '../src/sessions/view-versions';
import { cardHost, cardsHeldBy, RecordingConnection } from '../bench/staff-cards';
import { flagship, playSession, prng } from '../bench/views';

const compiled = flagship();
const runtime = new EngineRuntime(compiled);

const byTeam = (cards: readonly TeamCard[]) => new Map(cards.map((c) => [c.team.id, c]));

function updatesOf(conn: RecordingConnection): SessionUpdate[] {
  return conn.received.flatMap(({ event, payload }) =>
    event === 'session.update' ? [payload as SessionUpdate] : [],
  );
}

describe('staff team cards as patches', () => {
  it.each([
    [7, false],
    [11, false],
    [13, true],
  ])(
    'staff updates applied in order give the cards of a fresh snapshot (seed %i, cluster %s)',
    async (seed, cluster) => {
      const rnd = prng(seed);
      const session = playSession(runtime, compiled.playable, rnd, 0);
      const { live, network, connectStaff, commit, host, views } = cardHost(runtime, session, {
        cluster,
      });
      const first = await connectStaff();
      const staff = [first];
      let reconnectFrom = 0;
      const rescore = (team: string, evidence: number) => {
        const scores: Scores = { evidence, rights: 2, redLines: [] };
        live.scoreCache = {
          seq: live.head,
          at: 0,
          scores: new Map([...(live.scoreCache?.scores ?? []), [team, scores]]),
        };
      };
      for (const [i, event] of session.events.entries()) {
        // Scores rescored off the command path: the next update of the team carries them.
        if (i % 37 === 20) rescore(session.teams[i % session.teams.length]?.id as string, i);
        // A staff connection opening with other scores holds a card the others do not.
        if (i === 90) {
          rescore(session.teams[1]?.id as string, 1000);
          staff.push(await connectStaff());
        }
        await commit(event);
        // A staff connection back after missing some events gets a catch-up batch.
        if (i === 150) reconnectFrom = live.head;
        if (i === 170) staff.push(await connectStaff(reconnectFrom));
        // The teams an event concerns have their current card at every staff connection.
        const teams = event.team === null ? session.teams.map((t) => t.id) : [event.team];
        for (const conn of staff) {
          const held = cardsHeldBy(conn);
          for (const team of teams)
            expect(held.get(team)).toEqual(views.card(live, team) ?? undefined);
        }
      }
      // A session-wide event: every team's card is current, at every connection.
      await host.commit(() => [
        { type: 'session.paused', payload: {}, team: null, role: null, participant: null },
      ]);
      const fresh = await connectStaff();
      const snapshot = fresh.received.find((m) => m.event === 'session.snapshot')
        ?.payload as SessionSnapshot;
      expect(snapshot.teams).toHaveLength(session.teams.length);
      for (const conn of staff) expect(cardsHeldBy(conn)).toEqual(byTeam(snapshot.teams));

      // Both ways were taken: whole cards (first cards, after a differing snapshot) and patches.
      const updates = updatesOf(first);
      const whole = updates.reduce((n, u) => n + (u.teams?.length ?? 0), 0);
      const patched = updates.reduce((n, u) => n + (u.teamPatches?.length ?? 0), 0);
      // The first cards, and the card that went whole again after the second connection's.
      expect(whole).toBeGreaterThan(session.teams.length);
      expect(patched).toBeGreaterThan(whole * 5);
      expect(staff[2]?.received[0]?.event).toBe('session.events');
      // A new decision is one item of the list, not the ten items shifted by one.
      // What the staff room was sent, against the same updates with every changed card whole.
      expect(network.count.staff).toBeLessThan(network.count.staffWhole / 3);
      // The encoder copies the texts the host kept for the cards and patches it sends.
      expect([network.count.textsMissing, network.count.textsWrong]).toEqual([0, 0]);

      // In a cluster every version is the digest of its card, scores and minutes aside: another
      // process's snapshot of an equal card names the base of the owner's next patch.
      if (cluster) {
        const versions = updates.flatMap((u) => [
          ...(u.teamPatches ?? []).map((p) => p.version),
          ...Object.values(u.teamVersions ?? {}),
        ]);
        expect(versions.every((v) => /^[0-9a-z]{14}$/.test(v))).toBe(true);
        for (const card of snapshot.teams) {
          const rescored = { ...card, scores: { evidence: -1, rights: -1, redLines: [] } };
          const ticked = { ...rescored, clock: { ...card.clock, minutes: card.clock.minutes + 9 } };
          expect(cardVersion(ticked)).toBe(snapshot.teamVersions[card.team.id]);
        }
      }
      // Need-to-know: a trainee's snapshot has no card and no card version, and no trainee group
      // was sent a card, a card's version or a patch.
      const trainee = new RecordingConnection();
      await host.connect(trainee, {
        kind: 'participant',
        participantId: '00000000-0000-4000-8000-000000000001',
        sessionId: live.id,
      });
      const traineeSnapshot = trainee.received[0]?.payload as SessionSnapshot;
      expect([traineeSnapshot.teams, traineeSnapshot.teamVersions]).toEqual([[], {}]);
      for (const conn of network.connections) {
        if (staff.includes(conn) || conn === fresh) continue;
        for (const update of updatesOf(conn)) {
          expect([update.teams, update.teamVersions, update.teamPatches]).toEqual([
            undefined,
            undefined,
            undefined,
          ]);
        }
      }
    },
  );

  it('a patch turns any card into the next one, decisions leaving and arriving anywhere', async () => {
    const session = playSession(runtime, compiled.playable, prng(5), 0);
    const { live, connectStaff, commit, views } = cardHost(runtime, session);
    await connectStaff();
    for (const event of session.events.slice(0, 200)) await commit(event);
    const team = session.teams.find(
      (t) => (views.card(live, t.id)?.lastDecisions.length ?? 0) >= 6,
    );
    const card = team && views.card(live, team.id);
    if (!card) throw new Error('no team made six decisions');
    const all = card.lastDecisions;
    const rnd = prng(9);
    let patched = 0;
    for (let n = 0; n < 300; n += 1) {
      const pick = () => all.filter(() => rnd() < 0.5);
      const from = { ...card, lastDecisions: pick() };
      const to = { ...card, lastDecisions: pick() };
      const ops = diffCards(from, to);
      const result = applyTeamPatch(
        { card: from, version: 'a' },
        { team: card.team.id, base: 'a', version: 'b', ops },
      );
      expect(result?.card).toEqual(to);
      // Every op names one item: nothing that stayed is sent again.
      const stayed = to.lastDecisions.filter((d) => from.lastDecisions.includes(d)).length;
      expect(ops).toHaveLength(from.lastDecisions.length + to.lastDecisions.length - 2 * stayed);
      if (ops.length > 0) patched += 1;
    }
    expect(patched).toBeGreaterThan(250);
  });
});
