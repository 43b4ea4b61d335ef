import path from 'node:path';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  checkAnswers,
  knowledgeResults,
  publicCheck,
  scoreAnswers,
  type KnowledgeAnswer,
  type KnowledgeCheck,
  type KnowledgeRecord,
} from '@crossroads/scenarios';
import { knowledgeChecksDir, loadKnowledgeChecks } from '@crossroads/scenarios/node';
import {
  ErrorCode,
  type KnowledgeCheckStatus,
  type KnowledgeCheckView,
  type KnowledgePhase,
  type KnowledgeReceipt,
  type KnowledgeResults,
  type KnowledgeSubmission,
} from '@crossroads/shared';
import { InjectPinoLogger, PinoLogger } from '../logging/logging.module';
import { AppError } from '../auth/rest-error';
import { compareVersions } from '../catalogue/catalogue.service';
import { courseCheckOf } from '../courses/course-check';
import type { AppConfig } from '../config';
import { InjectConfig } from '../config.module';
import { isUniqueViolation, SQL_CLIENT, type SqlClient } from '../database/sql';
import type { LiveSession } from '../sessions/live-session';
import type { ParticipantRow } from '../sessions/session-repository';

interface AnswerRow {
  participant_id: string;
  phase: KnowledgePhase;
  check_id: string;
  check_version: string;
  agency: string | null;
  answers: string;
}

/**
 * Knowledge checks: loaded once from the scenarios package's knowledge-checks folder (and the
 * knowledge-checks folder inside CROSSROADS_CATALOGUE_DIR, when set); answers stored per participant
 * and phase through the SqlClient (SQLite or PostgreSQL); results only ever aggregated (per agency,
 * per question).
 */
@Injectable()
export class KnowledgeService implements OnModuleInit {
  private checks: KnowledgeCheck[] = [];

  constructor(
    @InjectPinoLogger('Knowledge') private readonly logger: PinoLogger,
    @InjectConfig() private readonly config: AppConfig,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  onModuleInit(): void {
    const dirs = [knowledgeChecksDir()];
    if (this.config.catalogueDir)
      dirs.push(path.join(this.config.catalogueDir, 'knowledge-checks'));
    for (const dir of dirs) {
      for (const entry of loadKnowledgeChecks(dir)) {
        if (entry.ok) this.checks.push(entry.check);
        else
          this.logger.error(
            { file: entry.file, errors: entry.errors.slice(0, 5) },
            'knowledge check skipped: it does not validate',
          );
      }
    }
  }

  /** The newest check that lists this scenario. */
  forScenario(scenario: string): KnowledgeCheck | undefined {
    return this.checks
      .filter((c) => c.scenarios.includes(scenario))
      .sort((a, b) => compareVersions(b.version, a.version))[0];
  }

  /** A check by id and version; without a version, its newest. */
  find(id: string, version?: string): KnowledgeCheck | undefined {
    return this.checks
      .filter((c) => c.id === id && (version === undefined || c.version === version))
      .sort((a, b) => compareVersions(b.version, a.version))[0];
  }

  /** Every check that validated, for courses to choose from. */
  all(): readonly KnowledgeCheck[] {
    return this.checks;
  }

  /** The check a session asks: its course's, when the course carries one, else its scenario's. */
  async forSession(live: LiveSession): Promise<KnowledgeCheck | undefined> {
    const carried = await courseCheckOf(this.sql, live.id);
    return (carried && this.find(carried.id, carried.version)) ?? this.forScenario(live.runtime.id);
  }

  /** The phase a trainee can answer now: pre until the session ends, post once the debrief is out. */
  private openPhase(live: LiveSession, answered: { pre: boolean; post: boolean }) {
    if (live.debriefReleased) return answered.post ? null : ('post' as const);
    if (live.status !== 'ended' && !answered.pre) return 'pre' as const;
    return null;
  }

  private async answered(
    sessionId: string,
    participantId: string,
  ): Promise<{ pre: boolean; post: boolean }> {
    const rows = await this.sql.all<{ phase: KnowledgePhase }>(
      'SELECT phase FROM knowledge_answers WHERE session_id = ? AND participant_id = ?',
      [sessionId, participantId],
    );
    return { pre: rows.some((r) => r.phase === 'pre'), post: rows.some((r) => r.phase === 'post') };
  }

  async status(live: LiveSession, participant: ParticipantRow): Promise<KnowledgeCheckStatus> {
    const check = await this.forSession(live);
    const answered = await this.answered(live.id, participant.id);
    return {
      session: live.id,
      check: check ? (publicCheck(check) as KnowledgeCheckView) : null,
      open: check ? this.openPhase(live, answered) : null,
      answered,
    };
  }

  async submit(
    live: LiveSession,
    participant: ParticipantRow,
    input: KnowledgeSubmission,
  ): Promise<KnowledgeReceipt> {
    const check = await this.forSession(live);
    if (!check) throw new AppError(ErrorCode.NotFound, 'This session has no knowledge check.');
    const answered = await this.answered(live.id, participant.id);
    if (answered[input.phase])
      throw new AppError(
        ErrorCode.AlreadyDecided,
        `You have already answered the ${input.phase} check.`,
      );
    if (this.openPhase(live, answered) !== input.phase) {
      throw new AppError(
        ErrorCode.NotInPhase,
        input.phase === 'pre'
          ? 'The check before the exercise closes when the session ends.'
          : 'The check after the exercise opens when the facilitator releases the debrief.',
      );
    }
    const answers: KnowledgeAnswer[] = input.answers;
    const fits = checkAnswers(check, answers);
    if (!fits.ok) throw new AppError(ErrorCode.InvalidPayload, fits.message);
    const { correct, of } = scoreAnswers(check, answers);
    const submittedAt = new Date().toISOString();
    try {
      // The primary key (session, participant, phase) refuses a second answer sent meanwhile.
      await this.sql.run(
        `INSERT INTO knowledge_answers (session_id, participant_id, phase, check_id, check_version, agency, answers, correct, "of", submitted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          live.id,
          participant.id,
          input.phase,
          check.id,
          check.version,
          participant.role,
          JSON.stringify(answers),
          correct,
          of,
          submittedAt,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError(
          ErrorCode.AlreadyDecided,
          `You have already answered the ${input.phase} check.`,
        );
      throw error;
    }
    return {
      phase: input.phase,
      submittedAt,
      result: input.phase === 'post' ? { correct, of } : null,
    };
  }

  /** Aggregated results of one session: per agency and question, with the gain. */
  async results(live: LiveSession): Promise<KnowledgeResults> {
    // In submission order on both engines (SQLite's rowid order is not PostgreSQL's heap order),
    // so the first row below is the first answer given.
    const rows = await this.sql.all<AnswerRow>(
      `SELECT participant_id, phase, check_id, check_version, agency, answers FROM knowledge_answers
       WHERE session_id = ? ORDER BY submitted_at, participant_id, phase`,
      [live.id],
    );
    const current = await this.forSession(live);
    // Without a check now, the one the first answer was given to (a session normally has one).
    const first = rows[0];
    const check = current ?? (first ? this.find(first.check_id, first.check_version) : undefined);
    if (!check) {
      return {
        session: live.id,
        check: null,
        respondents: { pre: 0, post: 0 },
        overall: null,
        agencies: [],
      };
    }
    const records: KnowledgeRecord[] = rows
      .filter((r) => r.check_id === check.id && r.check_version === check.version)
      .map((r) => ({
        agency: r.agency,
        phase: r.phase,
        answers: JSON.parse(r.answers) as KnowledgeAnswer[],
      }));
    const results = knowledgeResults(check, records);
    return {
      session: live.id,
      check: results.check,
      respondents: {
        pre: records.filter((r) => r.phase === 'pre').length,
        post: records.filter((r) => r.phase === 'post').length,
      },
      overall: records.length > 0 ? results.overall : null,
      agencies: results.agencies,
    };
  }
}
