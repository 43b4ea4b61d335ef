import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
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
import { AccountsService } from '../accounts/accounts.service';
import { AppError } from '../auth/rest-error';
import { KnowledgeService } from '../learning/knowledge.service';
import type { LiveSession } from '../sessions/live-session';
import { SessionStore } from '../sessions/session-store';
import { SessionsService } from '../sessions/sessions.service';
import { Sqlite } from '../sessions/sqlite';
import {
  missedObligationCounts,
  redLineCounts,
  scoredRun,
  sessionTrend,
  type ScoredRun,
  type SessionFacts,
} from './trends';

interface CourseRow {
  id: string;
  name: string;
  description: string;
  owner_id: string;
  check_id: string | null;
  check_version: string | null;
  created_at: string;
}

/** How many scored runs are kept; each key is session, head and rubric, so a hit is exact. */
const RUN_CACHE_SIZE = 500;

/**
 * Courses and their trends. Every figure is recomputed from the sessions' event logs through the
 * scoring package (what trends read of each debrief is cached per session head and rubric version,
 * which is exact because the debrief is a pure function of the two), so re-scoring under another
 * rubric is the same computation with another rubric.
 */
@Injectable()
export class CoursesService {
  private readonly runs = new Map<string, ScoredRun>();

  constructor(
    private readonly sqlite: Sqlite,
    private readonly sessions: SessionsService,
    private readonly store: SessionStore,
    private readonly knowledge: KnowledgeService,
    private readonly accounts: AccountsService,
  ) {}

  // ---- access -----------------------------------------------------------------------------------

  /** A course its owner (or an administrator) may read and change; others learn nothing of it. */
  owned(id: string, account: Account): CourseRow {
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? (this.sqlite.sql('SELECT * FROM courses WHERE id = ?').get(id) as CourseRow | undefined)
      : undefined;
    if (!row || (row.owner_id !== account.id && account.role !== 'admin'))
      throw new AppError(ErrorCode.NotFound, 'No such course.');
    return row;
  }

  // ---- courses ----------------------------------------------------------------------------------

  list(account: Account): CourseListItem[] {
    const rows = (
      account.role === 'admin'
        ? this.sqlite.sql('SELECT * FROM courses ORDER BY created_at DESC').all()
        : this.sqlite
            .sql('SELECT * FROM courses WHERE owner_id = ? ORDER BY created_at DESC')
            .all(account.id)
    ) as CourseRow[];
    return rows.map((row) => ({ ...this.item(row), sessions: this.sessionIds(row.id).length }));
  }

  create(account: Account, input: CreateCourseRequest): Course {
    const check = input.knowledgeCheck ? this.check(input.knowledgeCheck) : null;
    const row: CourseRow = {
      id: randomUUID(),
      name: input.name,
      description: input.description ?? '',
      owner_id: account.id,
      check_id: check?.id ?? null,
      check_version: check?.version ?? null,
      created_at: new Date().toISOString(),
    };
    this.sqlite
      .sql(
        `INSERT INTO courses (id, name, description, owner_id, check_id, check_version, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id,
        row.name,
        row.description,
        row.owner_id,
        row.check_id,
        row.check_version,
        row.created_at,
      );
    return this.view(row);
  }

  update(row: CourseRow, patch: UpdateCourseRequest): Course {
    const next = { ...row };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.description !== undefined) next.description = patch.description;
    if (patch.knowledgeCheck !== undefined) {
      const check = patch.knowledgeCheck ? this.check(patch.knowledgeCheck) : null;
      next.check_id = check?.id ?? null;
      next.check_version = check?.version ?? null;
    }
    this.sqlite
      .sql(
        'UPDATE courses SET name = ?, description = ?, check_id = ?, check_version = ? WHERE id = ?',
      )
      .run(next.name, next.description, next.check_id, next.check_version, row.id);
    return this.view(next);
  }

  remove(row: CourseRow): void {
    this.sqlite.sql('DELETE FROM courses WHERE id = ?').run(row.id);
  }

  view(row: CourseRow): Course {
    const sessions = this.sessionIds(row.id).flatMap(({ session_id, added_at }) => {
      const s = this.courseSession(session_id, added_at);
      return s ? [s] : [];
    });
    return { ...this.item(row), sessions };
  }

  private item(row: CourseRow): Omit<CourseListItem, 'sessions'> {
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      createdAt: row.created_at,
      owner: this.accounts.legacyUsername(row.owner_id),
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

  private sessionIds(courseId: string): { session_id: string; added_at: string }[] {
    return this.sqlite
      .sql(
        `SELECT cs.session_id, cs.added_at FROM course_sessions cs
         JOIN sessions s ON s.id = cs.session_id
         WHERE cs.course_id = ? ORDER BY s.created_at, s.id`,
      )
      .all(courseId) as { session_id: string; added_at: string }[];
  }

  private load(sessionId: string): LiveSession | undefined {
    try {
      return this.sessions.load(sessionId);
    } catch {
      // A session whose scenario left the catalogue cannot be scored; the course lists the rest.
      return undefined;
    }
  }

  private courseSession(sessionId: string, addedAt: string): CourseSession | undefined {
    const live = this.load(sessionId);
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

  addSession(row: CourseRow, live: LiveSession): Course {
    const current = this.sqlite
      .sql('SELECT course_id FROM course_sessions WHERE session_id = ?')
      .get(live.id) as { course_id: string } | undefined;
    if (current && current.course_id !== row.id)
      throw new AppError(
        ErrorCode.InvalidPayload,
        'This session already belongs to another course; remove it there first.',
      );
    if (!current)
      this.sqlite
        .sql('INSERT INTO course_sessions (session_id, course_id, added_at) VALUES (?, ?, ?)')
        .run(live.id, row.id, new Date().toISOString());
    return this.view(row);
  }

  removeSession(row: CourseRow, sessionId: string): Course {
    const removed = this.sqlite
      .sql('DELETE FROM course_sessions WHERE session_id = ? AND course_id = ?')
      .run(sessionId, row.id).changes;
    if (removed === 0) throw new AppError(ErrorCode.NotFound, 'This session is not in the course.');
    return this.view(row);
  }

  // ---- trends ------------------------------------------------------------------------------------

  /** What trends need of a session's debrief under a rubric, from its log (cached by head and rubric). */
  private run(live: LiveSession, rubric: string): ScoredRun {
    const key = `${live.id}@${live.head}@${rubric}`;
    const hit = this.runs.get(key);
    if (hit) {
      // Re-inserted so the map's order is least recently used first.
      this.runs.delete(key);
      this.runs.set(key, hit);
      return hit;
    }
    const result = scoredRun(
      live.runtime.debrief([...this.store.allEvents(live.id)], {
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

  trends(row: CourseRow, query: TrendsQuery): CourseTrends {
    if (query.rubric !== undefined && !getRubric(query.rubric))
      throw new AppError(
        ErrorCode.NotFound,
        `No rubric version ${query.rubric}; published: ${RUBRICS.map((r) => r.version).join(', ')}.`,
      );
    const all = this.sessionIds(row.id).flatMap(({ session_id }) => {
      const live = this.load(session_id);
      return live ? [live] : [];
    });
    const scenarios = new Map<string, Text>();
    for (const live of all) scenarios.set(live.runtime.id, live.runtime.title);
    const shown = all.filter(
      (live) =>
        live.status !== 'lobby' &&
        (query.scenario === undefined || live.runtime.id === query.scenario),
    );
    const facts: SessionFacts[] = shown.map((live) => ({
      session: live.id,
      scenario: { id: live.runtime.id, version: live.runtime.version, title: live.runtime.title },
      createdAt: live.row.created_at,
      endedAt: live.endedAt,
      status: live.status,
      pinnedRubricVersion: live.row.rubric_version,
      events: live.head,
      run: this.run(live, query.rubric ?? live.row.rubric_version ?? DEFAULT_RUBRIC.version),
      knowledge: this.knowledge.results(live),
    }));
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
  knowledgeResults(row: CourseRow): CourseKnowledgeResults {
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
    const rows = this.sqlite
      .sql(
        `SELECT ka.session_id, ka.phase, ka.agency, ka.answers FROM knowledge_answers ka
         JOIN course_sessions cs ON cs.session_id = ka.session_id
         WHERE cs.course_id = ? AND ka.check_id = ? AND ka.check_version = ?`,
      )
      .all(row.id, check.id, check.version) as {
      session_id: string;
      phase: KnowledgePhase;
      agency: string | null;
      answers: string;
    }[];
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
