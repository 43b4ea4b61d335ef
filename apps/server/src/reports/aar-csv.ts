import { COUNTRIES, COUNTRY_NAMES, renderBasis } from '@crossroads/scenarios';
import {
  csvRow,
  CSV_BOM,
  CSV_LINE_END,
  textIn,
  type AfterActionReport,
  type Language,
  type Text,
} from '@crossroads/shared';

const HEADER = [
  'section',
  'core_capability',
  'rating',
  'kind',
  'agency',
  'title',
  'observation',
  'analysis',
  'reference',
  'findings',
  'points',
  'red_line',
  'corrective_action',
  'responsible_agency',
  'owner',
  'due_date',
  'status',
];

/**
 * The AAR/IP as one CSV following HSEEP's headings: Exercise Overview, Executive Summary,
 * Analysis of Core Capabilities (strengths and areas for improvement, each with its reference and
 * findings), Appendix A: Improvement Plan. Texts in `language` (English where not translated).
 */
export function aarCsv(report: AfterActionReport, language: Language = 'en'): string {
  const t = (text: Text) => textIn(text, language);
  const rows: unknown[][] = [];
  const row = (cells: Record<string, unknown>) => rows.push(HEADER.map((h) => cells[h] ?? ''));
  const o = report.exerciseOverview;
  row({ section: 'Exercise Overview', title: 'Exercise name', observation: t(o.name) });
  row({
    section: 'Exercise Overview',
    title: 'Scenario',
    observation: `${o.scenario.id}@${o.scenario.version}; rubric ${o.rubric.id}@${o.rubric.version}`,
  });
  // Whose law the report's references cite, named in the report's language.
  const country = COUNTRIES.find((c) => c === o.scenario.country);
  if (country)
    row({
      section: 'Exercise Overview',
      title: 'Country',
      observation: COUNTRY_NAMES[country][language],
    });
  row({
    section: 'Exercise Overview',
    title: 'Exercise dates',
    observation: `${o.startedAt ?? ''} – ${o.endedAt ?? ''}`,
  });
  row({
    section: 'Exercise Overview',
    title: 'Participating organisations',
    observation: o.participatingAgencies.map((a) => t(a.name)).join('; '),
  });
  row({
    section: 'Exercise Overview',
    title: 'Teams',
    observation: o.teams.map((team) => team.name).join('; '),
  });
  row({ section: 'Executive Summary', analysis: report.executiveSummary });
  const agencyName = (id: string | null) =>
    id === null ? '' : t(o.participatingAgencies.find((a) => a.id === id)?.name ?? id);
  for (const c of report.capabilities) {
    if (c.rating === null && c.strengths.length + c.areasForImprovement.length === 0) continue;
    row({
      section: 'Analysis of Core Capabilities',
      core_capability: t(c.title),
      rating: c.rating,
      kind: 'capability',
      analysis: c.summary,
    });
    for (const e of [...c.strengths, ...c.areasForImprovement]) {
      if (!e.included) continue;
      row({
        section: 'Analysis of Core Capabilities',
        core_capability: t(c.title),
        rating: c.rating,
        kind: e.kind === 'strength' ? 'Strength' : 'Area for Improvement',
        agency: agencyName(e.agency),
        title: t(e.title),
        observation: t(e.observation),
        analysis: e.analysis,
        reference: e.legalBasis.map(renderBasis).join('; '),
        findings: e.findings.map((f) => `${f.team} #${f.seq}: ${t(f.detail)}`).join(' | '),
        points: e.points,
        red_line: e.redLine ? 'yes' : '',
      });
    }
  }
  for (const item of report.improvementPlan) {
    const capability = report.capabilities.find((c) => c.id === item.capability);
    row({
      section: 'Appendix A: Improvement Plan',
      core_capability: capability ? t(capability.title) : item.capability,
      kind: 'Issue/Area for Improvement',
      title: item.issue,
      corrective_action: item.action,
      responsible_agency: t(item.agencyName),
      owner: item.owner,
      due_date: item.dueDate,
      status: item.status,
    });
  }
  return (
    CSV_BOM + csvRow(HEADER) + CSV_LINE_END + rows.map((r) => csvRow(r) + CSV_LINE_END).join('')
  );
}
