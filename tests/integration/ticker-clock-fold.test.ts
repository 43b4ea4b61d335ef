/**
 * The clock ticker's minutes reach a trainee group only with a changed view; the client counts the
 * time ratio itself in between (traineeSession's clock, the `clock` action of traineeReducer).
 * Sessions of every catalogue scenario are played through a real host with the ticker visiting at
 * the load bench's pace (bench/host-play.ts; one session at a time ratio of 10, one at 0). Each
 * trainee group's messages are folded with the client's own reducer, twice: as sent, plus the
 * minutes the client counts itself for each tick of its team it was not sent; and as the server
 * sent them before, every such tick then an update of its own ({ seq, status, event }, as the
 * groups whose view a tick did not change got it). Before every step both hold the same: every
 * event the group may see but was not sent is a tick, the views are equal (the clock's minutes
 * included), and so is everything else but those ticks in the timeline and the last seq; and the
 * view held is the one the server computes for the group now, its clock's minutes included (a
 * teammate's decision that takes time sends them: `minutes`), what comes from the live scores
 * aside.
 */
import { loadCatalogue } from '@crossroads/scenarios/node';
import { type SessionRescored, type SessionSnapshot, type SessionUpdate } from '@crossroads/shared';
import { playContext, playThroughHost, SETTINGS } from '../../apps/server/bench/host-play';
import { prng } from '../../apps/server/bench/views';
// eslint-disable-next-line no-restricted-imports -- the client's own reducer folds what a browser gets; the client has no package entry
import {
  initialTraineeState,
  traineeReducer,
  type TraineeAction,
  type TraineeState,
} from '../../apps/client/src/lib/traineeState';

/** Steps between two comparisons of every group's whole state (a CI time budget). */
const COMPARE_EVERY = 4;

type Look = NonNullable<Parameters<typeof playThroughHost>[7]>;

const catalogue = loadCatalogue().flatMap((entry) => (entry.ok ? [entry.compiled] : []));

/** What the first connection of one team/agency group holds, now and as it would have before. */
interface Member {
  team: string;
  role: string;
  now: TraineeState;
  before: TraineeState;
  /** The seq of its snapshot: later events are the ones it may be told of. */
  from: number;
  /** The seqs of the updates it got. */
  got: Set<number>;
  /** The seqs of the ticks it was not sent. */
  counted: Set<number>;
}

/** The state without what may differ: the ticks in the timeline and the last seq applied. */
function comparable(state: TraineeState, ticks: Set<number>) {
  const events = state.events.filter((e) => !ticks.has(e.seq));
  return { ...state, seq: 0, events };
}

// As in host-messages.spec.ts: one instant for the live scores' dates.
beforeAll(() => {
  jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 0, 5, 9, 0, 0));
});

afterAll(() => {
  jest.restoreAllMocks();
});

describe.each(catalogue.map((c) => [c.id, c] as const))('ticker minutes in %s', (_id, compiled) => {
  it('leave every trainee group holding what it held when every tick was sent', async () => {
    const { runtime, store, views } = playContext(compiled);
    const rnd = prng(2027);
    let compared = 0;
    let counted = 0;
    for (const [index, settings] of SETTINGS.entries()) {
      const members = new Map<string, Member>();
      let read = 0;
      let seen = 0;
      let looks = 0;
      const apply = (member: Member, action: TraineeAction) => {
        member.now = traineeReducer(member.now, action);
        member.before = traineeReducer(member.before, action);
      };
      const look: Look = async (host, lines) => {
        for (; read < lines.length; read += 1) {
          const [to = '', event, json = 'null'] = (lines[read] as string).split('\t');
          if (event === 'session.snapshot') {
            const snapshot = JSON.parse(json) as SessionSnapshot;
            const identity = snapshot.identity;
            if (identity.kind !== 'participant') continue;
            const { team, role } = identity.participant;
            if (team === null || role === null) continue;
            const group = JSON.stringify({ kind: 'group', team, role });
            if (members.has(group)) continue;
            const state = traineeReducer(initialTraineeState, { type: 'snapshot', snapshot });
            const member: Member = {
              team,
              role,
              now: state,
              before: state,
              from: snapshot.seq,
              got: new Set(),
              counted: new Set(),
            };
            members.set(group, member);
          } else if (event === 'session.update') {
            const update = JSON.parse(json) as SessionUpdate;
            for (const key of to.split('|')) {
              const member = members.get(key);
              if (!member) continue;
              apply(member, { type: 'update', update });
              member.got.add(update.seq);
            }
          } else if (event === 'session.rescored') {
            // What the score timer's refresh changed in the group's view (no event).
            const rescored = JSON.parse(json) as SessionRescored;
            for (const key of to.split('|')) {
              const member = members.get(key);
              if (member) apply(member, { type: 'rescored', rescored });
            }
          }
        }
        // Since the last look: the previous step's commands, then this step's tick (if any).
        const fresh = await store.readFrom(host.live.id, seen);
        seen = host.live.head;
        // Whole states compared at every COMPARE_EVERY-th step (each comparison serialises a
        // state whose timeline grows with the session); every message is folded at every step.
        looks += 1;
        const comparing = looks % COMPARE_EVERY === 0;
        for (const member of members.values()) {
          for (const event of fresh) {
            if (event.seq <= member.from || member.got.has(event.seq)) continue;
            const seat = { team: member.team, role: member.role };
            if (!views.visibleToSeat(host.live, seat, event)) continue;
            expect(event.type).toBe('clock.ticked');
            if (event.type !== 'clock.ticked') continue;
            // What the client's own clock counts meanwhile, and what was sent before.
            const minutes = (member.now.view?.clock.minutes ?? 0) + event.payload.minutes;
            member.now = traineeReducer(member.now, { type: 'clock', minutes });
            const update: SessionUpdate = { seq: event.seq, status: 'running', event };
            member.before = traineeReducer(member.before, { type: 'update', update });
            member.counted.add(event.seq);
            counted += 1;
          }
          if (!comparing) continue;
          // And the view is the server's, but for what comes from the live scores (the scores, the
          // witnesses lost and the hints): the score timer's refresh pushes what it changed
          // (`session.rescored`) once it is done, which may be after this look, and the refreshes
          // host-play runs itself push nothing (they travel with the next update).
          // The minutes too: a teammate's decision that takes time sends the team's minutes
          // (`minutes`) to a group whose view changed by nothing else.
          const server = views.view(host.live, member.team, member.role);
          const held = member.now.view;
          const unscored = (view: typeof held) => {
            if (!view) return view;
            const { witnessesLost: _lost, hints: _hints, ...rest } = view;
            return { ...rest, scores: null };
          };
          if (JSON.stringify(unscored(held)) !== JSON.stringify(unscored(server))) {
            expect(unscored(held)).toEqual(unscored(server));
          }
          const now = comparable(member.now, member.counted);
          const before = comparable(member.before, member.counted);
          // Compared as text first: a deep comparison of every state at every step is slow.
          if (JSON.stringify(now) !== JSON.stringify(before)) expect(now).toEqual(before);
          compared += 1;
        }
      };
      await playThroughHost(runtime, views, store, index, settings, rnd, 200, look);
    }
    expect(compared).toBeGreaterThan(200);
    // The first session runs its clock at a ratio of 10: the clients counted ticks themselves.
    expect(counted).toBeGreaterThan(10);
  });
});
