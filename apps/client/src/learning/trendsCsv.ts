import { CSV_BOM, CSV_LINE_END, csvCell, type CourseTrends } from '@crossroads/shared';

/** A cell: numbers as they are (a number cannot start a formula, and −1.5 must stay a number). */
const cell = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : csvCell(value);

export const TRENDS_CSV_HEADER = [
  'session_number',
  'session',
  'created_at',
  'scenario',
  'scenario_version',
  'rubric',
  'pinned_rubric',
  'agency',
  'teams',
  'evidence_score_mean',
  'evidence_score_min',
  'evidence_score_max',
  'rights_score_mean',
  'rights_score_min',
  'rights_score_max',
  'evidence_points_per_team',
  'rights_points_per_team',
  'red_lines',
  'missed_obligations',
  'knowledge_pre',
  'knowledge_post',
  'knowledge_gain',
  'knowledge_n_pre',
  'knowledge_n_post',
];

/**
 * The trends as a spreadsheet: per session one row for all agencies (`agency` empty: the teams'
 * scores, 0–100) and one per agency (the points its acts earned or lost per team). Knowledge
 * figures are shares of correct answers (0–1). Aggregates only, as on the page.
 */
export function trendsCsv(trends: CourseTrends, scenarioTitle: (id: string) => string): string {
  const lines = [TRENDS_CSV_HEADER.join(',')];
  trends.sessions.forEach((s, i) => {
    const common = [
      i + 1,
      s.session,
      s.createdAt,
      scenarioTitle(s.scenario.id),
      s.scenario.version,
      s.rubricVersion,
      s.pinnedRubricVersion,
    ];
    lines.push(
      [
        ...common,
        '',
        s.teams,
        s.evidence?.mean,
        s.evidence?.min,
        s.evidence?.max,
        s.rights?.mean,
        s.rights?.min,
        s.rights?.max,
        '',
        '',
        s.redLines,
        s.missedObligations,
        s.knowledge.pre.value,
        s.knowledge.post.value,
        s.knowledge.gain,
        s.knowledge.pre.n,
        s.knowledge.post.n,
      ]
        .map(cell)
        .join(','),
    );
    const agencies = new Set([
      ...s.agencies.map((a) => a.agency),
      ...s.knowledge.agencies.map((a) => a.agency),
    ]);
    for (const agency of [...agencies].sort()) {
      const a = s.agencies.find((x) => x.agency === agency);
      const k = s.knowledge.agencies.find((x) => x.agency === agency);
      lines.push(
        [
          ...common,
          agency,
          s.teams,
          '',
          '',
          '',
          '',
          '',
          '',
          a?.evidence,
          a?.rights,
          a?.redLines,
          a?.missedObligations,
          k?.pre.value,
          k?.post.value,
          k?.gain,
          k?.pre.n,
          k?.post.n,
        ]
          .map(cell)
          .join(','),
      );
    }
  });
  return CSV_BOM + lines.join(CSV_LINE_END) + CSV_LINE_END;
}
