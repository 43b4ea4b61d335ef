import path from 'node:path';
import { Injectable, OnModuleInit } from '@nestjs/common';
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
import type { LiveSession } from '../sessions/live-session';
import type { ParticipantRow } from '../sessions/session-store';
import { isUniqueViolation, Sqlite } from '../sessions/sqlite';

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
 * and phase; results only ever aggregated (per agency, per question).
 */
@Injectable()
export class KnowledgeService implements OnModuleInit {
  private checks: KnowledgeCheck[] = [];

  constructor(
    @InjectPinoLogger('Knowledge') private readonly logger: PinoLogger,
    @InjectConfig() private readonly config: AppConfig,
    private readonly sqlite: Sqlite,
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
  forSession(live: LiveSession): KnowledgeCheck | undefined {
    const carried = courseCheckOf(this.sqlite, live.id);
    return (carried && this.find(carried.id, carried.version)) ?? this.forScenario(live.runtime.id);
  }

  /** The phase a trainee can answer now: pre until the session ends, post once the debrief is out. */
  private openPhase(live: LiveSession, answered: { pre: boolean; post: boolean }) {
    if (live.debriefReleased) return answered.post ? null : ('post' as const);
    if (live.status !== 'ended' && !answered.pre) return 'pre' as const;
    return null;
  }

  private answered(sessionId: string, participantId: string): { pre: boolean; post: boolean } {
    const rows = this.sqlite
      .sql('SELECT phase FROM knowledge_answers WHERE session_id = ? AND participant_id = ?')
      .all(sessionId, participantId) as { phase: KnowledgePhase }[];
    return { pre: rows.some((r) => r.phase === 'pre'), post: rows.some((r) => r.phase === 'post') };
  }

  status(live: LiveSession, participant: ParticipantRow): KnowledgeCheckStatus {
    const check = this.forSession(live);
    const answered = this.answered(live.id, participant.id);
    return {
      session: live.id,
      check: check ? (publicCheck(check) as KnowledgeCheckView) : null,
      open: check ? this.openPhase(live, answered) : null,
      answered,
    };
  }

  submit(
    live: LiveSession,
    participant: ParticipantRow,
    input: KnowledgeSubmission,
  ): KnowledgeReceipt {
    const check = this.forSession(live);
    if (!check) throw new AppError(ErrorCode.NotFound, 'This session has no knowledge check.');
    const answered = this.answered(live.id, participant.id);
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
      this.sqlite
        .sql(
          `INSERT INTO knowledge_answers (session_id, participant_id, phase, check_id, check_version, agency, answers, correct, "of", submitted_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
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
  results(live: LiveSession): KnowledgeResults {
    const rows = this.sqlite
      .sql(
        'SELECT participant_id, phase, check_id, check_version, agency, answers FROM knowledge_answers WHERE session_id = ?',
      )
      .all(live.id) as AnswerRow[];
    const current = this.forSession(live);
    // The check most answers were given to (a session normally has one).
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
