import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_RUBRIC,
  getRubric,
  knowledgeResults,
  RUBRICS,
  type Debrief,
  type KnowledgeAnswer,
  type KnowledgeCheck,
  type KnowledgeRecord,
} from '@crossroads/scenarios';
import {
  ErrorCode,
  type Account,
  type Course,
  type CourseCheck,
  type CourseCheckOption,
  type CourseKnowledgeResults,
  type CourseListItem,
  type CourseSession,
  type CourseTrends,
  type CreateCourseRequest,
  type KnowledgePhase,
  type Text,
  type TrendsQuery,
  type UpdateCourseRequest,
} from '@crossroads/shared';
import { AppError } from '../auth/rest-error';
import { SQL_CLIENT, type SqlClient } from '../database/sql';
import { KnowledgeService } from '../learning/knowledge.service';
import type { LiveSession } from '../sessions/live-session';
import { SessionsService } from '../sessions/sessions.service';
import {
  missedObligationCounts,
  redLineCounts,
  scoredRun,
  sessionTrend,
  type ScoredRun,
  type SessionFacts,
} from './trends';

export interface CourseRow {
  id: string;
  name: string;
  description: string;
  owner_id: string;
  check_id: string | null;
  check_version: string | null;
  created_at: string;
  /** The owner's username (joined from accounts; null when the owner is disabled). */
  owner_name: string | null;
}

/** A course's columns with its owner's name (from COURSE_FROM). */
const COURSE_COLUMNS = `c.id, c.name, c.description, c.owner_id, c.check_id, c.check_version,
  c.created_at, a.username AS owner_name`;
// A disabled owner is named '' as AccountsService.byId answers nothing for it.
const COURSE_FROM = 'FROM courses c LEFT JOIN accounts a ON a.id = c.owner_id AND a.disabled = 0';

/**
 * How many of the course's sessions still exist (the join drops links to deleted sessions, as
 * the course view does).
 */
const SESSION_COUNT = `(SELECT COUNT(*) FROM course_sessions cs JOIN sessions s ON s.id = cs.session_id
  WHERE cs.course_id = c.id) AS session_count`;

/**
 * What courses read of live sessions: SessionsService, which rebuilds a session through the
 * SessionRepository and EventStore ports (any engine).
 */
export type CourseSessionSource = Pick<SessionsService, 'session' | 'eventLog'>;

/** How many scored runs are kept; each key is session, head and rubric, so a hit is exact. */
const RUN_CACHE_SIZE = 500;

/**
 * Courses and their trends. Every figure is recomputed from the sessions' event logs through the
 * scoring package (what trends read of each debrief is cached per session head and rubric version,
 * which is exact because the debrief is a pure function of the two), so re-scoring under another
 * rubric is the same computation with another rubric. Storage goes through the SqlClient and the
 * sessions' ports only, so the same code runs on SQLite and PostgreSQL.
 */
@Injectable()
export class CoursesService {
  private readonly runs = new Map<string, ScoredRun>();

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(SessionsService) private readonly sessions: CourseSessionSource,
    private readonly knowledge: KnowledgeService,
  ) {}

  // ---- access -----------------------------------------------------------------------------------

  /** A course its owner (or an administrator) may read and change; others learn nothing of it. */
  async owned(id: string, account: Account): Promise<CourseRow> {
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.sql.get<CourseRow>(`SELECT ${COURSE_COLUMNS} ${COURSE_FROM} WHERE c.id = ?`, [
          id,
        ])
      : undefined;
    if (!row || (row.owner_id !== account.id && account.role !== 'admin'))
      throw new AppError(ErrorCode.NotFound, 'No such course.');
    return row;
  }

  // ---- courses ----------------------------------------------------------------------------------

  async list(account: Account): Promise<CourseListItem[]> {
    type Listed = CourseRow & { session_count: number };
    // Newest first; the id breaks ties so both engines list courses made in one millisecond alike.
    const rows =
      account.role === 'admin'
        ? await this.sql.all<Listed>(
            `SELECT ${COURSE_COLUMNS}, ${SESSION_COUNT} ${COURSE_FROM}
             ORDER BY c.created_at DESC, c.id`,
          )
        : await this.sql.all<Listed>(
            `SELECT ${COURSE_COLUMNS}, ${SESSION_COUNT} ${COURSE_FROM}
             WHERE c.owner_id = ? ORDER BY c.created_at DESC, c.id`,
            [account.id],
          );
    return rows.map((row) => ({ ...this.item(row), sessions: Number(row.session_count) }));
  }

  async create(account: Account, input: CreateCourseRequest): Promise<Course> {
    const check = input.knowledgeCheck ? this.check(input.knowledgeCheck) : null;
    const row: CourseRow = {
      id: randomUUID(),
      name: input.name,
      description: input.description ?? '',
      owner_id: account.id,
      check_id: check?.id ?? null,
      check_version: check?.version ?? null,
      created_at: new Date().toISOString(),
      owner_name: account.username,
    };
    await this.sql.run(
      `INSERT INTO courses (id, name, description, owner_id, check_id, check_version, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        row.id,
        row.name,
        row.description,
        row.owner_id,
        row.check_id,
        row.check_version,
        row.created_at,
      ],
    );
    return this.view(row);
  }

  async update(row: CourseRow, patch: UpdateCourseRequest): Promise<Course> {
    const next = { ...row };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.description !== undefined) next.description = patch.description;
    if (patch.knowledgeCheck !== undefined) {
      const check = patch.knowledgeCheck ? this.check(patch.knowledgeCheck) : null;
      next.check_id = check?.id ?? null;
      next.check_version = check?.version ?? null;
    }
    await this.sql.run(
      'UPDATE courses SET name = ?, description = ?, check_id = ?, check_version = ? WHERE id = ?',
      [next.name, next.description, next.check_id, next.check_version, row.id],
    );
    return this.view(next);
  }

  async remove(row: CourseRow): Promise<void> {
    // course_sessions rows go with it (ON DELETE CASCADE on both engines); the sessions stay.
    await this.sql.run('DELETE FROM courses WHERE id = ?', [row.id]);
  }

  async view(row: CourseRow): Promise<Course> {
    const sessions: CourseSession[] = [];
    for (const { session_id, added_at } of await this.sessionIds(row.id)) {
      const s = await this.courseSession(session_id, added_at);
      if (s) sessions.push(s);
    }
    return { ...this.item(row), sessions };
  }

  private item(row: CourseRow): Omit<CourseListItem, 'sessions'> {
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      createdAt: row.created_at,
      owner: row.owner_name ?? '',
      knowledgeCheck: this.checkOf(row),
    };
  }

  private checkOf(row: CourseRow): CourseCheck | null {
    if (!row.check_id || !row.check_version) return null;
    const check = this.knowledge.find(row.check_id, row.check_version);
    return {
      id: row.check_id,
      version: row.check_version,
      title: check?.title ?? row.check_id,
    };
  }

  /** The library check a course asked for, pinned to a version (newest when none was named). */
  private check(ref: { id: string; version?: string | undefined }): KnowledgeCheck {
    const check = this.knowledge.find(ref.id, ref.version);
    if (!check)
      throw new AppError(
        ErrorCode.NotFound,
        `No knowledge check ${ref.id}${ref.version ? `@${ref.version}` : ''} in the library.`,
      );
    return check;
  }

  checkOptions(): CourseCheckOption[] {
    return [...this.knowledge.all()]
      .sort((a, b) => a.id.localeCompare(b.id) || a.version.localeCompare(b.version))
      .map((c) => ({
        id: c.id,
        version: c.version,
        title: c.title,
        questions: c.questions.length,
        scenarios: c.scenarios,
      }));
  }

  private sessionIds(courseId: string): Promise<{ session_id: string; added_at: string }[]> {
    return this.sql.all<{ session_id: string; added_at: string }>(
      `SELECT cs.session_id, cs.added_at FROM course_sessions cs
       JOIN sessions s ON s.id = cs.session_id
       WHERE cs.course_id = ? ORDER BY s.created_at, s.id`,
      [courseId],
    );
  }

  private async load(sessionId: string): Promise<LiveSession | undefined> {
    try {
      return await this.sessions.session(sessionId);
    } catch {
      // A session whose scenario left the catalogue cannot be scored; the course lists the rest.
      return undefined;
    }
  }

  private async courseSession(
    sessionId: string,
    addedAt: string,
  ): Promise<CourseSession | undefined> {
    const live = await this.load(sessionId);
    if (!live) return undefined;
    return {
      id: live.id,
      scenario: { id: live.runtime.id, version: live.runtime.version, title: live.runtime.title },
      status: live.status,
      createdAt: live.row.created_at,
      startedAt: live.startedAt,
      endedAt: live.endedAt,
      rubricVersion: live.row.rubric_version,
      teams: live.teams.length,
      participants: live.participants.size,
      addedAt,
    };
  }

  // ---- sessions of a course ----------------------------------------------------------------------

  async addSession(row: CourseRow, live: LiveSession): Promise<Course> {
    // The primary key on session_id decides between two courses adding one session at once:
    // whichever insert lands first owns it, the other reads that owner below.
    await this.sql.run(
      `INSERT INTO course_sessions (session_id, course_id, added_at) VALUES (?, ?, ?)
       ON CONFLICT (session_id) DO NOTHING`,
      [live.id, row.id, new Date().toISOString()],
    );
    const current = await this.sql.get<{ course_id: string }>(
      'SELECT course_id FROM course_sessions WHERE session_id = ?',
      [live.id],
    );
    if (current && current.course_id !== row.id)
      throw new AppError(
        ErrorCode.InvalidPayload,
        'This session already belongs to another course; remove it there first.',
      );
    return this.view(row);
  }

  async removeSession(row: CourseRow, sessionId: string): Promise<Course> {
    const { changes } = await this.sql.run(
      'DELETE FROM course_sessions WHERE session_id = ? AND course_id = ?',
      [sessionId, row.id],
    );
    if (changes === 0) throw new AppError(ErrorCode.NotFound, 'This session is not in the course.');
    return this.view(row);
  }

  // ---- trends ------------------------------------------------------------------------------------

  /** What trends need of a session's debrief under a rubric, from its log (cached by head and rubric). */
  private async run(live: LiveSession, rubric: string): Promise<ScoredRun> {
    const key = `${live.id}@${live.head}@${rubric}`;
    const hit = this.runs.get(key);
    if (hit) {
      // Re-inserted so the map's order is least recently used first.
      this.runs.delete(key);
      this.runs.set(key, hit);
      return hit;
    }
    const events = await this.sessions.eventLog(live.id);
    const result = scoredRun(
      live.runtime.debrief(events, {
        rubricVersion: rubric,
        counterfactuals: false,
      }) as Debrief,
    );
    this.runs.set(key, result);
    while (this.runs.size > RUN_CACHE_SIZE) {
      const oldest = this.runs.keys().next().value;
      if (oldest === undefined) break;
      this.runs.delete(oldest);
    }
    return result;
  }

  async trends(row: CourseRow, query: TrendsQuery): Promise<CourseTrends> {
    if (query.rubric !== undefined && !getRubric(query.rubric))
      throw new AppError(
        ErrorCode.NotFound,
        `No rubric version ${query.rubric}; published: ${RUBRICS.map((r) => r.version).join(', ')}.`,
      );
    const all: LiveSession[] = [];
    for (const { session_id } of await this.sessionIds(row.id)) {
      const live = await this.load(session_id);
      if (live) all.push(live);
    }
    const scenarios = new Map<string, Text>();
    for (const live of all) scenarios.set(live.runtime.id, live.runtime.title);
    const shown = all.filter(
      (live) =>
        live.status !== 'lobby' &&
        (query.scenario === undefined || live.runtime.id === query.scenario),
    );
    const facts: SessionFacts[] = [];
    for (const live of shown)
      facts.push({
        session: live.id,
        scenario: { id: live.runtime.id, version: live.runtime.version, title: live.runtime.title },
        createdAt: live.row.created_at,
        endedAt: live.endedAt,
        status: live.status,
        pinnedRubricVersion: live.row.rubric_version,
        events: live.head,
        run: await this.run(
          live,
          query.rubric ?? live.row.rubric_version ?? DEFAULT_RUBRIC.version,
        ),
        knowledge: await this.knowledge.results(live),
      });
    const agencies = new Map<string, { name: Text; shortName?: Text }>();
    for (const live of shown)
      for (const a of live.runtime.agencies) {
        if (!agencies.has(a.id))
          agencies.set(a.id, {
            name: a.name,
            ...(a.shortName !== undefined ? { shortName: a.shortName } : {}),
          });
      }
    return {
      course: { id: row.id, name: row.name },
      generatedAt: new Date().toISOString(),
      filters: { scenario: query.scenario ?? null, rubric: query.rubric ?? null },
      rubricVersions: [...new Set(facts.map((f) => f.run.rubricVersion))].sort(),
      rubrics: RUBRICS.map((r) => ({
        version: r.version,
        title: r.title,
        default: r.version === DEFAULT_RUBRIC.version,
      })),
      scenarios: [...scenarios.entries()].map(([id, title]) => ({ id, title })),
      agencies: [...agencies.entries()].map(([id, names]) => ({ id, ...names })),
      sessions: facts.map(sessionTrend),
      redLines: redLineCounts(facts),
      missedObligations: missedObligationCounts(facts),
    };
  }

  // ---- the course's knowledge check ----------------------------------------------------------------

  /** The course check's results over every session of the course: per agency and question. */
  async knowledgeResults(row: CourseRow): Promise<CourseKnowledgeResults> {
    const check =
      row.check_id && row.check_version
        ? this.knowledge.find(row.check_id, row.check_version)
        : undefined;
    const empty: CourseKnowledgeResults = {
      course: row.id,
      check: this.checkOf(row),
      sessions: 0,
      respondents: { pre: 0, post: 0 },
      overall: null,
      agencies: [],
    };
    if (!check) return empty;
    const rows = await this.sql.all<{
      session_id: string;
      phase: KnowledgePhase;
      agency: string | null;
      answers: string;
    }>(
      `SELECT ka.session_id, ka.phase, ka.agency, ka.answers FROM knowledge_answers ka
       JOIN course_sessions cs ON cs.session_id = ka.session_id
       WHERE cs.course_id = ? AND ka.check_id = ? AND ka.check_version = ?
       ORDER BY ka.session_id, ka.participant_id, ka.phase`,
      [row.id, check.id, check.version],
    );
    if (rows.length === 0) return empty;
    const records: KnowledgeRecord[] = rows.map((r) => ({
      agency: r.agency,
      phase: r.phase,
      answers: JSON.parse(r.answers) as KnowledgeAnswer[],
    }));
    const results = knowledgeResults(check, records);
    return {
      ...empty,
      sessions: new Set(rows.map((r) => r.session_id)).size,
      respondents: {
        pre: records.filter((r) => r.phase === 'pre').length,
        post: records.filter((r) => r.phase === 'post').length,
      },
      overall: results.overall,
      agencies: results.agencies,
    };
  }
}
