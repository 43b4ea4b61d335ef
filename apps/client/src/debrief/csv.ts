import { answeringAgencies, answeringParticipants, csvRow, type Debrief } from '@crossroads/shared';
import type { DebriefContext } from './model';
import { formatLegalBasisIn, pick, type ContentLanguage } from './text';
import { isRedLineItem } from './timeline';

// The one CSV writer (formula starts defused after any separator, `;` quoted) lives in shared.
export { csvCell, csvRow } from '@crossroads/shared';

export const SCORED_ITEM_COLUMNS = [
  'team',
  'team_name',
  'seq',
  'scenario_minute',
  'axis',
  'points',
  'counted',
  'not_counted_reason',
  'red_line',
  'rule',
  'title',
  'explanation',
  'detail',
  'legal_basis',
  'agency',
  'participant',
  'decision',
  'option',
  'source',
] as const;

/**
 * Every scored item of every team, one row each, texts in `language`. Starts with a byte-order
 * mark so spreadsheet programs read the Serbian letters as UTF-8. Lines end in CRLF (RFC 4180).
 */
export function scoredItemsCsv(
  debrief: Debrief,
  language: ContentLanguage,
  context: Pick<DebriefContext, 'participants'> = { participants: {} },
): string {
  const lines = [csvRow(SCORED_ITEM_COLUMNS)];
  for (const team of debrief.teams) {
    const items = [...team.items].sort(
      (a, b) => a.time - b.time || a.causedBySeq - b.causedBySeq || (a.key < b.key ? -1 : 1),
    );
    for (const item of items) {
      lines.push(
        csvRow([
          team.team,
          team.name,
          item.causedBySeq,
          item.time,
          item.axis,
          item.points,
          item.counted ? 'yes' : 'no',
          item.notCounted ?? '',
          isRedLineItem(item) ? 'yes' : 'no',
          item.ruleId,
          pick(item.title, language),
          pick(item.explanation, language),
          pick(item.detail, language),
          item.legalBasis.map((b) => formatLegalBasisIn(b, language)).join('; '),
          answeringAgencies(item).join(' + '),
          answeringParticipants(item)
            .map((id) => context.participants[id] ?? id)
            .join(' + '),
          item.decision?.decision ?? '',
          item.decision?.option ?? '',
          item.source,
        ]),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The debrief's per-team summary as CSV: the one "Team scores (CSV)" file of every debrief page
 * (staff, reviewers and trainees alike), so it says what the page says. `ending` is the ending the
 * page names (empty while a team has none).
 */
export function teamScoresCsv(debrief: Debrief, language: ContentLanguage): string {
  const lines = [
    csvRow([
      'team',
      'team_name',
      'evidence',
      'rights',
      'evidence_points',
      'rights_points',
      'case_strength',
      'red_lines',
      'capped',
      'outcome',
      'outcome_label',
      'criminal_case',
      'state_accountability',
      'final',
      'ending',
    ]),
  ];
  for (const t of debrief.teams) {
    lines.push(
      csvRow([
        t.team,
        t.name,
        t.evidenceScore.value,
        t.rightsScore.value,
        t.evidenceScore.points,
        t.rightsScore.points,
        t.evidenceScore.caseStrength ?? '',
        t.redLines.map((r) => r.ruleId).join(' '),
        t.evidenceScore.capped || t.rightsScore.capped ? 'yes' : 'no',
        t.outcome.kind,
        pick(t.outcome.label, language),
        t.outcome.criminal ? pick(t.outcome.criminal.label, language) : '',
        (t.outcome.accountability ?? [])
          .map((a) => `${pick(a.finding, language)} (${pick(a.title, language)})`)
          .join('; '),
        t.outcome.final ? 'yes' : 'no',
        t.outcome.ending ? pick(t.outcome.ending.title, language) : '',
      ]),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
