/**
 * The reviewed table of legal sources: every rule of a rubric with the instrument, article and leading
 * case it rests on. `SOURCES.md` beside this file is generated from the default rubric and checked by a
 * test (stale or missing sources fail), so a rule can never ship without its basis.
 */
import { renderBasis } from './render';
import type { Rubric } from './types';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Problems with a rubric's sources: a rule without an instrument and article or judgment. */
export function sourceProblems(rubric: Rubric): string[] {
  const out: string[] = [];
  for (const r of rubric.rules) {
    const statutes = r.legalBasis.filter((b) => b.instrument && b.article);
    if (r.legalBasis.length === 0) out.push(`${r.id}: no legal basis`);
    else if (statutes.length === 0) out.push(`${r.id}: no instrument and article (only case law)`);
    for (const b of r.legalBasis)
      if (!b.instrument || (!b.article && !b.case)) out.push(`${r.id}: incomplete basis`);
  }
  return out;
}

/** The SOURCES.md table for a rubric (markdown, deterministic). */
export function sourcesTable(rubric: Rubric): string {
  const lines: string[] = [];
  lines.push(`# Legal sources of rubric ${rubric.id} ${rubric.version}`);
  lines.push('');
  lines.push(
    'Generated from `src/rubric/` (`UPDATE_SOURCES=1 npx jest packages/scenarios/test/rubric.sources.test.ts` rewrites it); a test fails when this file is stale or a rule has no instrument and article. Review a change to it like a change to the law the product teaches. `[verify]` marks a national article number not yet checked against the primary text.',
  );
  lines.push('');
  lines.push('| Rule | Title | Situations | Points | Instruments and articles | Leading cases |');
  lines.push('| --- | --- | --- | --- | --- | --- |');
  for (const r of rubric.rules) {
    const pts = Object.entries(r.points)
      .map(([axis, p]) => `${axis === 'evidence' ? 'E' : 'R'}${p > 0 ? '+' : ''}${p}`)
      .join(' ');
    const statutes = r.legalBasis.filter((b) => b.article).map((b) => renderBasis(b));
    const cases = r.legalBasis.filter((b) => b.case).map((b) => renderBasis(b));
    lines.push(
      `| \`${r.id}\` | ${cell(r.title.en)} | ${r.sketch.join(', ')} | ${pts}${r.flags?.length ? ` ${r.flags.join(' ')}` : ''} | ${cell(statutes.join('; ')) || '—'} | ${cell(cases.join('; ')) || '—'} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
