/**
 * The flagship scenario of the catalogue, played live: 2 teams x 4 trainee agencies, with the
 * facilitator answering for the agencies nobody plays. Each trainee is a simple bot that reads only
 * its own role view (what the server sent it) and acts on it, the way a person at a laptop would.
 */
import { compile, replay } from '@crossroads/scenarios';
import { loadCatalogue } from '@crossroads/scenarios/node';
import {
  answeringAgencies,
  type CommandAck,
  type Debrief,
  type JoinResponse,
  type SessionMeta,
  type TeamCard,
} from '@crossroads/shared';
import { api, exportedLog, login, SessionClient } from '../../apps/server/bench/session-client';
import { act, LEAD, useCatalogueServer } from './support/catalogue-play';

jest.setTimeout(120_000);

const SCENARIO = 'reefer-horgos';
const ROLES = ['border_police', 'prosecutor', 'social_work', 'cso_legal_aid'];
const TEAMS = ['team-a', 'team-b'];
const flagship = loadCatalogue().find((s) => s.ok && s.scenario.id === SCENARIO);

(flagship ? describe : describe.skip)(`the flagship scenario (${SCENARIO}) played live`, () => {
  const play = useCatalogueServer();
  const clients = play.clients;

  it('reaches an ending in both teams, and every trainee only ever received its own need-to-know', async () => {
    const server = play.server();
    const lead = await login(server.url, LEAD.username, LEAD.password);
    const meta = await api<SessionMeta>(
      server.url,
      'POST',
      '/api/sessions',
      { scenario: SCENARIO, teams: 2, timeRatio: 0, feedbackPolicy: 'hints' },
      lead.token,
    );
    // Day 1 starts at 03:10 (the interception), so clocks can count days as the phases do.
    expect(meta.scenario.startTime).toBe('03:10');
    const facilitator = new SessionClient(
      server.url,
      { kind: 'facilitator', token: lead.token },
      meta.id,
    );
    clients.push(facilitator);
    await facilitator.connected();
    const seats: { team: string; role: string; client: SessionClient }[] = [];
    for (const team of TEAMS) {
      for (const role of ROLES) {
        const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
          code: meta.joinCode,
          displayName: `${role} (${team})`,
          team,
          role,
        });
        expect(joined.participant).toMatchObject({ team, role });
        const c = new SessionClient(server.url, {
          kind: 'participant',
          token: joined.participantToken,
        });
        clients.push(c);
        await c.connected();
        seats.push({ team, role, client: c });
      }
    }
    expect((await facilitator.send('session.start', {})).status).toBe('accepted');
    for (const s of seats) await s.client.until(() => s.client.view !== null, 5000, 'view');

    let accepted = 0;
    const engineRejections: string[] = [];
    for (let round = 0; round < 200; round += 1) {
      const ended = TEAMS.every((t) => facilitator.cards.get(t)?.ended);
      if (ended) break;
      let progressed = false;
      for (const { team, client } of seats) {
        const view = client.view;
        if (!view || view.ended) continue;
        // Team B takes the last enabled option of each decision, team A the first: two paths.
        const pick = <T>(xs: T[]) => (team === 'team-a' ? xs[0] : xs[xs.length - 1]);
        const incoming = view.requests.find(
          (r) => r.direction === 'incoming' && r.status === 'pending',
        );
        let ack: CommandAck | undefined;
        if (incoming) {
          ack = await act(client, 'request.answer', {
            requestInstance: incoming.instance,
            granted: true,
            reason: 'Granted for the investigation.',
          });
        } else {
          const decision = view.decisions.find((d) => d.enabled);
          const signed = decision?.joint?.signatures[0]?.option;
          const option =
            decision?.options.find((o) => o.enabled && o.id === signed) ??
            pick(decision?.options.filter((o) => o.enabled) ?? []);
          if (decision && option) {
            ack = decision.joint
              ? await act(client, 'joint.sign', { decision: decision.id, option: option.id })
              : await act(client, 'decision.submit', {
                  decision: decision.id,
                  option: option.id,
                  rationale: `Round ${round}.`,
                  confidence: 3,
                });
          } else {
            const request = view.sendableRequests.find((r) => r.enabled);
            if (request) ack = await act(client, 'request.send', { request: request.id });
          }
        }
        if (ack?.status === 'accepted') {
          accepted += 1;
          progressed = true;
        } else if (ack) {
          expect(`${ack.code}: ${ack.message}`).toMatch(/^engine\//);
          engineRejections.push(ack.code);
        }
      }
      // The facilitator answers for the unplayed agencies, and moves the clock when nobody can act.
      for (const team of TEAMS) {
        const card = facilitator.cards.get(team);
        for (const r of card?.pendingRequests.filter((p) => p.facilitatorAnswers) ?? []) {
          const ack = await act(facilitator, 'request.answer', {
            team,
            requestInstance: r.instance,
            granted: true,
            reason: 'Available.',
          });
          if (ack.status === 'accepted') progressed = true;
        }
      }
      if (!progressed) {
        const ack = await act(facilitator, 'clock.advance', { minutes: 60 });
        if (ack.status !== 'accepted') break;
      }
    }

    for (const team of TEAMS) expect(facilitator.cards.get(team)?.ended).not.toBeNull();
    expect(accepted).toBeGreaterThan(10);

    // The cards the console merged from its updates (sent only when changed, as patches against
    // the card it held or whole, tick minutes added by the client) are the ones a fresh snapshot
    // gives, scores aside (a snapshot rescores); every patch applied to the card it held, none
    // asked for a snapshot instead.
    expect(facilitator.cardPatches).toBeGreaterThan(10);
    expect(facilitator.cardMismatches).toBe(0);
    const fresh = new SessionClient(
      server.url,
      { kind: 'facilitator', token: lead.token },
      meta.id,
    );
    clients.push(fresh);
    await fresh.until(() => fresh.snapshot !== null, 5000, 'snapshot');
    const unscored = (cards: Iterable<TeamCard>) => [...cards].map((c) => ({ ...c, scores: null }));
    expect(unscored(facilitator.cards.values())).toEqual(unscored(fresh.cards.values()));

    // Need to know on every live path.
    for (const { team, role, client } of seats) {
      for (const e of client.events) {
        expect(e.type).not.toBe('note.pinned');
        if (e.team !== null) expect(e.team).toBe(team);
        if (e.type === 'decision.made' && e.role !== role) {
          const d = flagship?.ok ? flagship.compiled.decisions.get(e.payload.decision) : undefined;
          expect(d?.allowed.has(role)).toBe(true);
        }
      }
      // Only documents meant for (or revealed to) this agency.
      const docs = flagship?.ok ? flagship.scenario.documents : [];
      for (const d of client.view?.documents ?? []) {
        const def = docs.find((x) => x.id === d.id);
        expect(def).toBeDefined();
      }
    }

    // The exported log replays to the same endings with the engine alone.
    const events = await exportedLog(server.url, meta.id, lead.token);
    if (!flagship?.ok) throw new Error('flagship did not load');
    const replayed = replay(compile(flagship.scenario), events);
    for (const team of TEAMS) {
      expect(replayed.teams[team]?.ended?.ending).toBe(facilitator.cards.get(team)?.ended?.id);
    }

    // Hints: the legal model's findings on each agency's own decisions, the debrief's items of them.
    // Ending the session rescores at once, and its update carries every view with the final case.
    // Through act: the facilitator's many commands above may have reached the rate limit.
    expect((await act(facilitator, 'session.end', {})).status).toBe('accepted');
    for (const s of seats)
      await s.client.until(() => s.client.status === 'ended', 5000, 'the session ended');
    const staffDebrief = await api<{ debrief: Debrief }>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}/debrief`,
      undefined,
      lead.token,
    );
    let findings = 0;
    for (const { team, role, client } of seats) {
      const items = staffDebrief.debrief.teams.find((t) => t.team === team)?.items ?? [];
      for (const hint of client.view?.hints ?? []) {
        // Only on a decision this agency took or signed, as its own events show (a joint
        // decision's finding is on the signature that made it apply, maybe another signer's).
        const made = client.events.find((e) => e.seq === hint.seq);
        expect(made?.type).toMatch(/^(decision\.made|joint\.signed)$/);
        const mine = client.events.some(
          (e) =>
            (e.type === 'decision.made' || e.type === 'joint.signed') &&
            e.role === role &&
            e.payload.decision === hint.decision &&
            e.payload.option === hint.option,
        );
        expect({ role, decision: hint.decision, mine }).toEqual({
          role,
          decision: hint.decision,
          mine: true,
        });
        for (const f of hint.findings) {
          findings += 1;
          // Each is an item of the debrief: the same rule, points and event, answered by this agency.
          const item = items.find(
            (i) => i.causedBySeq === hint.seq && i.ruleId === f.ruleId && i.points === f.points,
          );
          expect({ rule: f.ruleId, answers: item && answeringAgencies(item) }).toEqual({
            rule: f.ruleId,
            answers: expect.arrayContaining([role]) as unknown,
          });
          expect(f.legalBasis.length).toBeGreaterThan(0);
        }
      }
    }
    expect(findings).toBeGreaterThan(0);
  });
});
