import fontkit from '@pdf-lib/fontkit';
import { formatNumber } from '../i18n/numbers';
import { PDFDocument, rgb } from 'pdf-lib';
import {
  textIn,
  type AarEntry,
  type AfterActionReport,
  type Language,
  type ParticipationReport,
  type Text,
} from '@crossroads/shared';
import { Writer, type PdfFonts, type Translate } from '../debrief/pdf';
import { formatLegalBasisIn, humanizeId, signed } from '../debrief/text';
import { agencyShortName, reportTeamName } from './reports/agencyNames';
import { countryName } from './reports/countries';

/*
 * PDFs of the after-action report (in HSEEP's AAR/IP headings) and of the participation report,
 * built in the browser with the debrief report's writer and fonts. Pure: the caller passes the
 * report, the translations and the font bytes.
 */

export interface ReportPdfOptions {
  language: Language;
  t: Translate;
  fonts: PdfFonts;
  formatDate: (iso: string) => string;
}

const RED = rgb(0.69, 0.14, 0.11);

async function writer(fonts: PdfFonts): Promise<{ doc: PDFDocument; w: Writer }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  return { doc, w: new Writer(doc, regular, bold) };
}

export async function buildAarPdf(
  report: AfterActionReport,
  options: ReportPdfOptions,
): Promise<Uint8Array> {
  const { t, language, formatDate } = options;
  const tx = (text: Text) => textIn(text, language);
  const { doc, w } = await writer(options.fonts);
  const o = report.exerciseOverview;
  const agencyName = (id: string | null) =>
    id === null ? '' : tx(o.participatingAgencies.find((a) => a.id === id)?.name ?? humanizeId(id));
  doc.setTitle(`${t('reports.aar.title')}: ${tx(o.name)}`);

  w.heading(t('reports.aar.title'), 1);
  w.text(tx(o.name), { size: 13, bold: true, after: 8 });
  w.heading(t('reports.aar.overview'), 2);
  w.table(
    [t('reports.aar.field'), t('reports.aar.value')],
    [
      [
        t('reports.aar.dates'),
        `${o.startedAt ? formatDate(o.startedAt) : '—'} – ${o.endedAt ? formatDate(o.endedAt) : '—'}`,
      ],
      [t('reports.aar.scenario'), `${o.scenario.id} ${o.scenario.version}`],
      // Whose law the references cite; a report that states no country names none.
      ...(o.scenario.country
        ? [[t('reports.aar.country'), countryName(o.scenario.country, language)]]
        : []),
      [t('reports.aar.rubric'), `${o.rubric.id} ${o.rubric.version}`],
      [t('reports.aar.teams'), o.teams.map((team) => team.name).join(', ')],
      [t('reports.aar.agencies'), o.participatingAgencies.map((a) => tx(a.name)).join(', ')],
      [
        t('reports.aar.capabilities'),
        report.capabilities
          .filter((c) => o.coreCapabilities.includes(c.id))
          .map((c) => tx(c.title))
          .join(', '),
      ],
      [
        t('reports.aar.revision'),
        report.revision === 0
          ? t('reports.aar.draftOnly')
          : t('reports.aar.revisionBy', {
              revision: report.revision,
              by: report.editedBy ?? '',
              at: report.editedAt ? formatDate(report.editedAt) : '',
            }),
      ],
    ],
    [0.3, 0.7],
  );
  w.heading(t('reports.aar.summary'), 2);
  w.text(report.executiveSummary ?? t('reports.aar.noSummary'), { after: 8 });

  w.heading(t('reports.aar.analysis'), 2);
  const entry = (e: AarEntry) => {
    const head = `${tx(e.title)}${e.agency ? ` — ${agencyName(e.agency)}` : ''} (${t(`reports.aar.axis.${e.axis}`)} ${signed(e.points, language)})`;
    const lines = [
      { text: head, bold: true },
      { text: tx(e.observation) },
      ...(e.analysis ? [{ text: `${t('reports.aar.analysisLabel')}: ${e.analysis}` }] : []),
      {
        text: `${t('reports.aar.reference')}: ${e.legalBasis.map((b) => formatLegalBasisIn(b, language)).join('; ')}`,
      },
      ...e.findings.map((f) => ({
        text: `${o.teams.find((team) => team.id === f.team)?.name ?? f.team}, #${f.seq}: ${tx(f.detail)}`,
      })),
    ];
    if (e.redLine) {
      w.box([{ text: t('reports.aar.redLine'), bold: true }, ...lines], RED);
      return;
    }
    for (const [i, line] of lines.entries())
      w.text(line.text, { bold: line.bold === true, indent: i === 0 ? 0 : 10, size: 9.5 });
    w.text('', { after: 4 });
  };
  for (const c of report.capabilities) {
    const strengths = c.strengths.filter((e) => e.included);
    const areas = c.areasForImprovement.filter((e) => e.included);
    if (c.rating === null && strengths.length + areas.length === 0) continue;
    w.heading(tx(c.title), 3);
    w.text(
      `${t('reports.aar.rating')}: ${c.rating ? `${c.rating} — ${t(`reports.rating.${c.rating}`)}` : '—'}`,
      { bold: true },
    );
    w.text(tx(c.description), { size: 9, after: 6 });
    if (c.summary) w.text(c.summary, { after: 6 });
    if (strengths.length > 0) {
      w.text(t('reports.aar.strengths'), { bold: true, after: 4 });
      strengths.forEach(entry);
    }
    if (areas.length > 0) {
      w.text(t('reports.aar.areas'), { bold: true, after: 4 });
      areas.forEach(entry);
    }
    w.section();
  }

  w.newPage();
  w.heading(t('reports.ip.title'), 2);
  if (report.improvementPlan.length === 0) w.text(t('reports.ip.empty'));
  else
    w.table(
      [
        t('reports.ip.capability'),
        t('reports.ip.issue'),
        t('reports.ip.action'),
        t('reports.ip.agency'),
        t('reports.ip.owner'),
        t('reports.ip.due'),
        t('reports.ip.status'),
      ],
      report.improvementPlan.map((i) => [
        tx(report.capabilities.find((c) => c.id === i.capability)?.title ?? i.capability),
        i.issue,
        i.action,
        tx(i.agencyName),
        i.owner,
        i.dueDate,
        t(`reports.status.${i.status}`),
      ]),
      [0.15, 0.2, 0.2, 0.12, 0.13, 0.1, 0.1],
    );
  return doc.save();
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);
const gain = (x: number | null, language: Language) =>
  x === null ? '—' : `${signed(Math.round(x * 100), language)} pp`;
/** Hours and minutes with fixed decimals, as the report's language writes them. */
const fixed = (x: number, digits: number, language: Language) =>
  formatNumber(x, language, { minDigits: digits, maxDigits: digits });

export async function buildParticipationPdf(
  report: ParticipationReport,
  options: ReportPdfOptions & { countryName: (code: string) => string },
): Promise<Uint8Array> {
  const { t, language, formatDate, countryName } = options;
  const tx = (text: Text) => textIn(text, language);
  const { doc, w } = await writer(options.fonts);
  const agencyShort = (id: string | null) => agencyShortName(report, id, tx);
  doc.setTitle(t('reports.participation.title'));
  w.heading(t('reports.participation.title'), 1);
  w.text(
    report.scope.kind === 'range'
      ? t('reports.participation.range', { from: report.scope.from, to: report.scope.to })
      : tx(report.sessions[0]?.scenario.title ?? ''),
    { size: 12, bold: true },
  );
  w.text(
    report.names === 'staff'
      ? t('reports.participation.namesStaff')
      : t('reports.participation.namesPseudonymised'),
    { size: 9, after: 8 },
  );
  const totals = report.totals;
  w.table(
    [t('reports.participation.measure'), t('reports.participation.value')],
    [
      [t('reports.participation.sessions'), String(totals.sessions)],
      [t('reports.participation.participants'), String(totals.participants)],
      [t('reports.participation.hoursOfPlay'), fixed(totals.hoursOfPlay, 2, language)],
      [t('reports.participation.runningHours'), fixed(totals.runningHours, 2, language)],
      [t('reports.participation.redLines'), String(totals.redLines)],
      [
        t('reports.participation.knowledge'),
        `${pct(totals.knowledge.pre)} → ${pct(totals.knowledge.post)} (${gain(totals.knowledge.gain, language)})`,
      ],
    ],
    [0.5, 0.5],
  );
  w.heading(t('reports.participation.bySession'), 2);
  w.table(
    [
      t('reports.participation.session'),
      t('reports.participation.started'),
      t('reports.participation.participants'),
      t('reports.participation.hoursOfPlay'),
      t('reports.participation.attendance'),
      t('reports.participation.knowledgeGain'),
    ],
    report.sessions.map((s) => [
      tx(s.scenario.title),
      s.startedAt ? formatDate(s.startedAt) : '—',
      String(s.participants),
      fixed(s.hoursOfPlay, 2, language),
      s.attendance.join(' '),
      gain(s.knowledge.gain, language),
    ]),
    [0.26, 0.2, 0.12, 0.12, 0.18, 0.12],
  );
  w.heading(t('reports.participation.byAgency'), 2);
  w.table(
    [
      t('reports.participation.agency'),
      t('reports.participation.participants'),
      t('reports.participation.hoursOfPlay'),
      t('reports.participation.evidence'),
      t('reports.participation.rights'),
      t('reports.participation.redLines'),
      t('reports.participation.knowledgeGain'),
    ],
    report.byAgency.map((a) => [
      tx(a.name),
      String(a.participants),
      fixed(a.hoursOfPlay, 2, language),
      signed(a.evidencePoints, language),
      signed(a.rightsPoints, language),
      String(a.redLines),
      gain(a.knowledge.gain, language),
    ]),
    [0.25, 0.13, 0.12, 0.12, 0.12, 0.12, 0.14],
  );
  const notGiven = t('reports.participation.notGiven');
  w.heading(t('reports.participation.byInstitution'), 3);
  w.table(
    [t('reports.participation.institution'), t('reports.participation.participants')],
    report.byInstitution.map((i) => [i.institution ?? notGiven, String(i.participants)]),
    [0.75, 0.25],
  );
  w.heading(t('reports.participation.byCountry'), 3);
  w.table(
    [t('reports.participation.country'), t('reports.participation.participants')],
    report.byCountry.map((c) => [
      c.country ? countryName(c.country) : notGiven,
      String(c.participants),
    ]),
    [0.75, 0.25],
  );
  w.heading(t('reports.participation.byGender'), 3);
  w.table(
    [t('reports.participation.gender'), t('reports.participation.participants')],
    report.byGender.map((g) => [
      g.gender ? t(`reports.gender.${g.gender}`) : notGiven,
      String(g.participants),
    ]),
    [0.75, 0.25],
  );
  w.heading(t('reports.participation.redLinesTitle'), 2);
  if (report.redLines.length === 0) w.text(t('reports.participation.noRedLines'));
  for (const r of report.redLines) {
    // Every agency answering for it (a joint decision's signers, a requester and a granter).
    const who = r.agencies.length > 0 ? `, ${r.agencies.map(agencyShort).join(' + ')}` : '';
    const team = reportTeamName(report, r.session, r.team);
    w.box([{ text: tx(r.title), bold: true }, { text: `${team}${who}, ${r.ruleId}` }], RED);
  }
  w.heading(t('reports.participation.people'), 2);
  w.table(
    [
      t('reports.participation.name'),
      t('reports.participation.agency'),
      t('reports.participation.institution'),
      t('reports.participation.country'),
      t('reports.participation.minutes'),
      t('reports.participation.attendance'),
    ],
    report.participants.map((p) => [
      p.name,
      agencyShort(p.agency),
      p.institution ?? '—',
      p.country ? countryName(p.country) : '—',
      fixed(p.minutesConnected, 1, language),
      pct(p.attendance),
    ]),
    [0.2, 0.16, 0.24, 0.14, 0.12, 0.14],
  );
  return doc.save();
}
