/**
 * Staff team cards: SessionViews.card reuses each part of a team's card before (and the whole card)
 * while what the part comes from is unchanged. Every card of a played session must equal the card a
 * SessionViews and runtime with nothing kept compute for the same session, and a change of each
 * input (engine state, last decisions, members and their presence, scores, status) must show.
 * cardJson, which reuses the texts of the parts kept, must give JSON.stringify's text of each card.
 */
import { availableActions, prng, type TeamState as EngineState } from '@crossroads/scenarios';
import { loadCatalogue } from '@crossroads/scenarios/node';
import type { LogEvent, Scores } from '@crossroads/shared';
import type { AccountsService } from '../src/accounts/accounts.service';
import { EngineRuntime } from '../src/catalogue/engine-runtime';
import type { TeamState } from '../src/catalogue/runtime';
import { LiveSession } from '../src/sessions/live-session';
import type { ParticipantRow, SessionRow, SessionStore } from '../src/sessions/session-store';
import { SessionViews } from '../src/sessions/session-views';

const compiled = loadCatalogue().flatMap((e) => (e.ok ? [e.compiled] : []))[0];
if (compiled === undefined) throw new Error('the scenario catalogue has no valid scenario');

const TEAMS = ['t1', 't2'].map((id) => ({ id, name: `Team ${id}` }));

function open(runtime: EngineRuntime) {
  const row = {
    id: 's1',
    scenario_id: runtime.id,
    scenario_version: runtime.version,
    rubric_version: null,
    settings: JSON.stringify({
      feedbackPolicy: 'debrief_only',
      scoresVisibleToTrainees: false,
      timeRatio: 10,
      language: 'en',
    }),
    status: 'running',
  } as SessionRow;
  const live = new LiveSession(row, runtime, TEAMS);
  for (const team of TEAMS) live.recentDecisions.set(team.id, []);
  const views = new SessionViews({} as SessionStore, {} as AccountsService);
  return { live, views };
}

const member = (team: string, role: string, presence: ParticipantRow['presence']) =>
  ({
    id: `${team}-${role}`,
    session_id: 's1',
    display_name: role,
    team_id: team,
    role,
    token_hash: '',
    presence,
    joined_at: '2026-12-05T09:00:00.000Z',
    last_seen_at: null,
  }) satisfies ParticipantRow;

describe('staff team cards', () => {
  it('equal cards computed afresh after every change, and are reused when nothing changed', () => {
    const runtime = new EngineRuntime(compiled);
    const kept = open(runtime);
    const rnd = prng(3);
    const roles: (string | null)[] = [...compiled.playable, null];
    let seq = 0;
    const at = () => new Date(Date.UTC(2026, 11, 5) + seq * 1000).toISOString();
    const events: LogEvent[] = [];
    const commit = (event: Omit<LogEvent, 'seq' | 'at'>) => {
      seq += 1;
      const full = { ...event, seq, at: at() } as LogEvent;
      kept.live.apply(full);
      events.push(full);
    };
    commit({
      time: 0,
      team: null,
      role: null,
      participant: null,
      type: 'session.started',
      payload: { scenario: compiled.id, version: compiled.version, teams: TEAMS },
    } as Omit<LogEvent, 'seq' | 'at'>);
    for (const team of TEAMS) {
      for (const role of compiled.playable) {
        const row = member(team.id, role, 'online');
        kept.live.participants.set(row.id, row);
      }
    }
    let reused = 0;
    let changed = 0;
    // Last decisions carried over as the very items of the list before (a new decision adds one).
    let keptItems = 0;
    // Pending requests carried over as the very items of the card before (another one was sent
    // or answered): each item is made from its request's record and the members alone.
    let keptPending = 0;
    const cards = new Map(TEAMS.map((t) => [t.id, kept.views.card(kept.live, t.id)]));
    for (let step = 0; step < 150; step += 1) {
      const team = TEAMS[step % 2]?.id ?? 't1';
      const state = kept.live.states.get(team) as TeamState;
      if (runtime.ended(state)) break;
      const what = rnd();
      if (what < 0.1) {
        // Somebody leaves or comes back: the members (and who answers requests) change.
        const role = compiled.playable[Math.floor(rnd() * compiled.playable.length)] as string;
        const row = kept.live.participants.get(`${team}-${role}`) as ParticipantRow;
        kept.live.participants.set(row.id, {
          ...row,
          presence: row.presence === 'left' ? 'online' : 'left',
        });
      } else if (what < 0.15) {
        const scores: Scores = { evidence: step, rights: 1, redLines: [] };
        kept.live.scoreCache = { seq, at: 0, scores: new Map([[team, scores]]) };
      } else if (what < 0.2) {
        kept.live.status = kept.live.status === 'running' ? 'paused' : 'running';
      } else if (what < 0.3) {
        commit({
          time: null,
          team,
          role: 'border_police',
          participant: null,
          type: 'chat.message',
          payload: { text: 'Nothing new.' },
        } as Omit<LogEvent, 'seq' | 'at'>);
      } else {
        const options = roles.flatMap((role) =>
          availableActions(compiled, state as unknown as EngineState, role)
            .filter((a) => a.enabled && (a.type !== 'clock.ticked' || rnd() < 0.2))
            .map((action) => ({ role, action })),
        );
        const chosen = options[Math.floor(rnd() * options.length)];
        if (chosen === undefined) continue;
        commit({
          time: runtime.clock(state),
          team,
          role: chosen.role,
          participant: null,
          type: chosen.action.type,
          payload: chosen.action.payload,
        } as Omit<LogEvent, 'seq' | 'at'>);
      }
      // Nothing kept: a new runtime and SessionViews, the session rebuilt from the log.
      const fresh = open(new EngineRuntime(compiled));
      for (const event of events) fresh.live.apply(event);
      fresh.live.participants = new Map(
        [...kept.live.participants].map(([id, row]) => [id, { ...row }]),
      );
      fresh.live.status = kept.live.status;
      fresh.live.scoreCache = kept.live.scoreCache && structuredClone(kept.live.scoreCache);
      for (const t of TEAMS) {
        const card = kept.views.card(kept.live, t.id);
        expect(card).toEqual(fresh.views.card(fresh.live, t.id));
        // The staff update's text, built from the texts of the parts kept: the card's JSON.
        if (card) expect(kept.views.cardJson(kept.live, card)).toBe(JSON.stringify(card));
        const before = cards.get(t.id);
        if (card && before && card.lastDecisions !== before.lastDecisions) {
          const earlier = new Set(before.lastDecisions);
          keptItems += card.lastDecisions.filter((item) => earlier.has(item)).length;
        }
        if (card && before && card.pendingRequests !== before.pendingRequests) {
          const earlier = new Set(before.pendingRequests);
          keptPending += card.pendingRequests.filter((item) => earlier.has(item)).length;
        }
        if (card === before) reused += 1;
        else if (JSON.stringify(card) !== JSON.stringify(before)) changed += 1;
        else throw new Error(`team ${t.id}: an equal card was built anew at step ${step}`);
        cards.set(t.id, card);
      }
    }
    expect(reused).toBeGreaterThan(50);
    expect(changed).toBeGreaterThan(50);
    expect(keptItems).toBeGreaterThan(20);
    expect(keptPending).toBeGreaterThan(5);
  });
});
