import { randomUUID } from 'node:crypto';
import type { LogEvent } from '@crossroads/shared';
import type { EventStore, NewParticipant, StoredEvent } from '../../src/sessions/ports';
import type { SessionRepository, SessionRow } from '../../src/sessions/session-repository';

/** A repository under test with the EventStore over the same data (participants come from it). */
export interface RepositoryUnderTest {
  repo: SessionRepository;
  events: EventStore;
  /** A new staff account id the database accepts as an owner or member. */
  account(): Promise<string>;
  close(): Promise<void>;
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString();

function sessionRow(owner: string, minute: number, code: string): SessionRow {
  return {
    id: randomUUID(),
    scenario_id: 'scenario',
    scenario_version: '1.0.0',
    rubric_version: null,
    settings: JSON.stringify({ timeRatio: 1 }),
    status: 'lobby',
    join_code: code,
    owner_id: owner,
    debrief_released: 0,
    created_at: at(minute),
    started_at: null,
    ended_at: null,
    details: null,
  };
}

function event(seq: number, type: string, payload: unknown, participant?: string): StoredEvent {
  return {
    event: {
      seq,
      at: at(10 + seq),
      time: null,
      team: null,
      role: null,
      participant: participant ?? null,
      type,
      payload,
    } as LogEvent,
    commandId: null,
    actor: 'account:tester',
  };
}

function participant(sessionId: string, name: string, minute: number): NewParticipant {
  return {
    id: randomUUID(),
    session_id: sessionId,
    display_name: name,
    team_id: 't1',
    role: null,
    token_hash: randomUUID(),
    presence: 'left',
    joined_at: at(minute),
    last_seen_at: null,
  };
}

let codes = 0;
const code = () => `RC${String((codes += 1)).padStart(4, '0')}`;

/**
 * The SessionRepository contract of session-repository.ts, for every implementation: call it in
 * a spec with a factory of fresh repositories (in memory, SQLite, PostgreSQL).
 */
export function sessionRepositoryContract(
  name: string,
  open: () => Promise<RepositoryUnderTest>,
): void {
  describe(`${name} (SessionRepository contract)`, () => {
    let t: RepositoryUnderTest;
    beforeEach(async () => {
      t = await open();
    });
    afterEach(async () => {
      await t.close();
    });

    it('creates a session with its teams in order and its owner as member', async () => {
      const owner = await t.account();
      const row = sessionRow(owner, 1, code());
      const teams = [
        { id: 'tb', name: 'B first' },
        { id: 'ta', name: 'A second' },
      ];
      await t.repo.createSession(row, teams);
      expect(await t.repo.session(row.id)).toEqual(row);
      expect(await t.repo.sessionByJoinCode(row.join_code)).toEqual(row);
      expect(await t.repo.joinCodeTaken(row.join_code)).toBe(true);
      expect(await t.repo.joinCodeTaken(code())).toBe(false);
      expect(await t.repo.session(randomUUID())).toBeUndefined();
      expect(await t.repo.teams(row.id)).toEqual(teams);
      expect(await t.repo.memberRole(row.id, owner)).toBe('owner');
      // A second session may not take a join code in use, and nothing of it is kept.
      const clash = sessionRow(owner, 2, row.join_code);
      // (toThrow() would not do: to jest's expect, better-sqlite3's errors come from another realm.)
      await expect(t.repo.createSession(clash, teams)).rejects.toHaveProperty('message');
      expect(await t.repo.session(clash.id)).toBeUndefined();
    });

    it('shows the status, start, end and debrief flag the event log moved', async () => {
      const owner = await t.account();
      const row = sessionRow(owner, 1, code());
      await t.repo.createSession(row, [{ id: 't1', name: 'One' }]);
      await t.events.append({
        sessionId: row.id,
        expectedHead: 0,
        events: [event(1, 'session.started', {})],
      });
      const running = await t.repo.session(row.id);
      expect(running).toMatchObject({ status: 'running', started_at: at(11), ended_at: null });
      expect((await t.repo.sessionsWithStatus(['running', 'paused'])).map((r) => r.id)).toContain(
        row.id,
      );
      await t.events.append({
        sessionId: row.id,
        expectedHead: 1,
        events: [event(2, 'session.ended', {}), event(3, 'debrief.released', {})],
      });
      expect(await t.repo.session(row.id)).toMatchObject({
        status: 'ended',
        started_at: at(11),
        ended_at: at(12),
        debrief_released: 1,
      });
      expect((await t.repo.sessionsWithStatus(['running'])).map((r) => r.id)).not.toContain(row.id);
    });

    it('lists sessions of a member newest first with its role, and all for admins', async () => {
      const owner = await t.account();
      const observer = await t.account();
      const older = sessionRow(owner, 1, code());
      const newer = sessionRow(owner, 5, code());
      await t.repo.createSession(older, []);
      await t.repo.createSession(newer, []);
      await t.repo.upsertMember(older.id, observer, 'observer', at(6));
      expect((await t.repo.sessionsForAccount(owner)).map((r) => [r.id, r.member_role])).toEqual([
        [newer.id, 'owner'],
        [older.id, 'owner'],
      ]);
      expect((await t.repo.sessionsForAccount(observer)).map((r) => [r.id, r.member_role])).toEqual(
        [[older.id, 'observer']],
      );
      const all = await t.repo.sessionsForAccount(null);
      expect(all.filter((r) => r.id === older.id || r.id === newer.id)).toEqual([
        { ...newer, member_role: null },
        { ...older, member_role: null },
      ]);
    });

    it('adds, changes and removes members, never the owner', async () => {
      const owner = await t.account();
      const other = await t.account();
      const row = sessionRow(owner, 1, code());
      await t.repo.createSession(row, []);
      await t.repo.upsertMember(row.id, other, 'observer', at(2));
      expect(await t.repo.memberRole(row.id, other)).toBe('observer');
      await t.repo.upsertMember(row.id, other, 'facilitator', at(3));
      expect(await t.repo.members(row.id)).toEqual([
        { account_id: owner, role: 'owner', added_at: at(1) },
        { account_id: other, role: 'facilitator', added_at: at(2) },
      ]);
      expect(await t.repo.removeMember(row.id, owner)).toBe(0);
      expect(await t.repo.removeMember(row.id, other)).toBe(1);
      expect(await t.repo.removeMember(row.id, other)).toBe(0);
      expect(await t.repo.memberRole(row.id, other)).toBeUndefined();
      expect(await t.repo.memberRole(row.id, owner)).toBe('owner');
    });

    it('keeps review links and revokes one or all live ones', async () => {
      const owner = await t.account();
      const row = sessionRow(owner, 1, code());
      await t.repo.createSession(row, []);
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      await t.repo.insertReviewLink(row.id, a, 'A', at(2), at(50));
      await t.repo.insertReviewLink(row.id, b, null, at(3), at(50));
      await t.repo.insertReviewLink(row.id, c, null, at(4), at(50));
      expect(await t.repo.reviewLink(a)).toEqual({
        session_id: row.id,
        created_at: at(2),
        expires_at: at(50),
        revoked_at: null,
      });
      expect(await t.repo.reviewLink(randomUUID())).toBeUndefined();
      expect(await t.repo.revokeReviewLinks(row.id, at(5), a)).toBe(1);
      expect(await t.repo.revokeReviewLinks(row.id, at(6), a)).toBe(0);
      expect(await t.repo.revokeReviewLinks(row.id, at(7))).toBe(2);
      expect((await t.repo.reviewLink(a))?.revoked_at).toBe(at(5));
      expect((await t.repo.reviewLink(c))?.revoked_at).toBe(at(7));
    });

    it('reads the participants the event store inserted, moved, in joining order', async () => {
      const owner = await t.account();
      const row = sessionRow(owner, 1, code());
      await t.repo.createSession(row, [
        { id: 't1', name: 'One' },
        { id: 't2', name: 'Two' },
      ]);
      const late = participant(row.id, 'Late', 9);
      const early = participant(row.id, 'Early', 8);
      const joined = (seq: number, p: NewParticipant) =>
        event(seq, 'participant.joined', { participant: p.id, team: 't1' }, p.id);
      await t.events.append({
        sessionId: row.id,
        expectedHead: 0,
        events: [joined(1, late)],
        participant: late,
      });
      await t.events.append({
        sessionId: row.id,
        expectedHead: 1,
        events: [joined(2, early)],
        participant: early,
      });
      await t.events.append({
        sessionId: row.id,
        expectedHead: 2,
        events: [
          event(3, 'participant.moved', { participant: late.id, team: 't2', role: 'police' }),
        ],
      });
      expect((await t.repo.participants(row.id)).map((p) => p.display_name)).toEqual([
        'Early',
        'Late',
      ]);
      expect(await t.repo.participant(early.id)).toEqual(early);
      expect(await t.repo.participantByTokenHash(late.token_hash)).toEqual({
        ...late,
        team_id: 't2',
        role: 'police',
      });
      expect(await t.repo.participant(randomUUID())).toBeUndefined();
      expect(await t.repo.participantByTokenHash(randomUUID())).toBeUndefined();
    });
  });
}
