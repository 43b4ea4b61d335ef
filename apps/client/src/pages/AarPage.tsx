import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  CAPABILITY_RATINGS,
  IMPROVEMENT_STATUSES,
  type AarCapability,
  type AarEdits,
  type AarEntry,
  type AfterActionReport,
  type CapabilityId,
  type CapabilityRating,
  type ImprovementItem,
  type ImprovementStatus,
} from '@crossroads/shared';
import { usePageTitle } from '../components/usePageTitle';
import type { FieldLabels } from '../components/ValidationDetails';
import { SignInForm, useStaffAuth } from '../debrief/SignIn';
import { fileSlug } from '../debrief/download';
import { useContent } from '../debrief/parts';
import { formatLegalBasisIn, humanizeId, signed } from '../debrief/text';
import { useApiErrorText } from '../facilitator/StaffGate';
import { ApiError } from '../lib/facilitatorApi';
import {
  createImprovementItem,
  fetchAar,
  fetchReportCsv,
  saveAar,
  updateImprovementItem,
  type ReportSource,
} from '../lib/reportsApi';
import { ReportExports } from '../learning/reports/ReportExports';
import { ScrollRegion } from '../components/ScrollRegion';
import '../learning/reports/reports.css';

type Draft = Required<Pick<AarEdits, 'capabilities' | 'entries'>> & {
  executiveSummary: string;
};

function editsOf(report: AfterActionReport): Draft {
  const capabilities: Draft['capabilities'] = {};
  const entries: Draft['entries'] = {};
  for (const c of report.capabilities) {
    if (c.rating !== c.draftRating || c.summary !== null)
      capabilities[c.id] = { rating: c.rating, summary: c.summary };
    for (const e of [...c.strengths, ...c.areasForImprovement])
      if (e.analysis !== null || !e.included)
        entries[e.id] = { analysis: e.analysis, included: e.included };
  }
  return { executiveSummary: report.executiveSummary ?? '', capabilities, entries };
}

/** Routes /debriefs/:sessionId/aar (staff) and /review/:token/aar (read-only). */
export function AarPage() {
  const { t } = useTranslation();
  const { sessionId, token: reviewToken } = useParams();
  const auth = useStaffAuth();
  usePageTitle(t('reports.aar.title'));
  const source: ReportSource | null = reviewToken
    ? { kind: 'review', token: reviewToken }
    : auth && sessionId
      ? { kind: 'session', sessionId, token: auth.token }
      : null;
  const sourceKey = source ? JSON.stringify(source) : '';
  const [loaded, setLoaded] = useState<{
    key: string;
    report?: AfterActionReport;
    error?: string;
  } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!source) return;
    let live = true;
    const key = `${sourceKey}|${attempt}`;
    fetchAar(source).then(
      (report) => live && setLoaded({ key, report }),
      (error: unknown) =>
        live && setLoaded({ key, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // `source` is identified by sourceKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceKey, attempt]);

  const back = sessionId ? (
    <p>
      <Link to={`/debriefs/${sessionId}`} className="back-link">
        <span aria-hidden="true">←</span> {t('reports.backToDebrief')}
      </Link>
    </p>
  ) : reviewToken ? (
    <p>
      <Link to={`/review/${reviewToken}`} className="back-link">
        <span aria-hidden="true">←</span> {t('reports.backToDebrief')}
      </Link>
    </p>
  ) : null;

  if (!source)
    return (
      <article className="page page--narrow">
        {back}
        <h1>{t('reports.aar.title')}</h1>
        <SignInForm lead={t('reports.signIn')} />
      </article>
    );
  const state = loaded?.key === `${sourceKey}|${attempt}` ? loaded : null;
  if (!state)
    return (
      <article className="page">
        {back}
        <p role="status" className="loading-screen">
          {t('reports.loading')}
        </p>
      </article>
    );
  if (!state.report)
    return (
      <article className="page page--narrow">
        {back}
        <h1>{t('reports.aar.title')}</h1>
        <p role="alert" className="lead">
          {t('reports.error', { message: state.error ?? '' })}
        </p>
        <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
          {t('debrief.error.retry')}
        </button>
      </article>
    );
  return (
    <article className="page report-page" data-aar-revision={state.report.revision}>
      {back}
      <AarEditor
        report={state.report}
        source={source}
        onReport={(report) => setLoaded({ key: `${sourceKey}|${attempt}`, report })}
        onReload={() => setAttempt((n) => n + 1)}
      />
    </article>
  );
}

function AarEditor({
  report,
  source,
  onReport,
  onReload,
}: {
  report: AfterActionReport;
  source: ReportSource;
  onReport: (report: AfterActionReport) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { text } = useContent();
  const editable = source.kind === 'session';
  const [draft, setDraft] = useState<Draft>(() => editsOf(report));
  const [saving, setSaving] = useState(false);
  const failure = useFailureText();
  const [status, setStatus] = useState<{ kind: 'ok' | 'error' | 'stale'; text: ReactNode } | null>(
    null,
  );
  const summaryId = useId();
  const o = report.exerciseOverview;
  const agencyName = (id: string | null) =>
    id === null
      ? t('reports.aar.noAgency')
      : (() => {
          // Short names: entries, analyses and plan items name an agency on every row.
          const found = o.participatingAgencies.find((a) => a.id === id);
          return found ? text(found.shortName ?? found.name) : humanizeId(id);
        })();
  const base = `crossroads-aar-${fileSlug(text(o.name))}-${report.session.slice(0, 8)}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (source.kind !== 'session') return;
    setSaving(true);
    setStatus(null);
    try {
      const saved = await saveAar(source.sessionId, source.token, {
        baseRevision: report.revision,
        executiveSummary: draft.executiveSummary.trim() === '' ? null : draft.executiveSummary,
        capabilities: draft.capabilities,
        entries: draft.entries,
      });
      onReport(saved);
      setStatus({ kind: 'ok', text: t('reports.aar.saved', { revision: saved.revision }) });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'session/stale_revision')
        setStatus({ kind: 'stale', text: t('reports.aar.stale') });
      else
        setStatus({
          kind: 'error',
          text: failure(error, {
            executiveSummary: t('reports.aar.summary'),
            capabilities: ([id, field]) =>
              `${text(report.capabilities.find((c) => c.id === id)?.title ?? id ?? '')}: ${
                field === 'rating' ? t('reports.aar.rating') : t('reports.aar.capabilitySummary')
              }`,
            entries: t('reports.aar.analysisLabel'),
          }),
        });
    } finally {
      setSaving(false);
    }
  };

  const setCapability = (
    id: CapabilityId,
    patch: { rating?: CapabilityRating | null; summary?: string },
  ) =>
    setDraft((d) => ({
      ...d,
      capabilities: { ...d.capabilities, [id]: { ...d.capabilities[id], ...patch } },
    }));
  const setEntry = (id: string, patch: { analysis?: string; included?: boolean }) =>
    setDraft((d) => ({ ...d, entries: { ...d.entries, [id]: { ...d.entries[id], ...patch } } }));

  return (
    <>
      <h1>{t('reports.aar.title')}</h1>
      <p className="lead">{text(o.name)}</p>
      <p className="muted" data-aar-status>
        {report.revision === 0
          ? t('reports.aar.draftOnly')
          : t('reports.aar.revisionBy', {
              revision: report.revision,
              by: report.editedBy ?? '',
              at: report.editedAt ?? '',
            })}
      </p>

      <ReportExports
        headingId="aar-exports"
        base={base}
        report={report}
        pdf={async (options) =>
          (await import('../learning/reportPdf')).buildAarPdf(report, options)
        }
        csv={(language) => fetchReportCsv(source, 'aar', language)}
      />

      <form onSubmit={(e) => void save(e)} aria-label={t('reports.aar.title')}>
        <section aria-labelledby="aar-overview" className="report-section">
          <h2 id="aar-overview">{t('reports.aar.overview')}</h2>
          <dl className="report-facts">
            <dt>{t('reports.aar.teams')}</dt>
            <dd>{o.teams.map((team) => team.name).join(', ')}</dd>
            <dt>{t('reports.aar.agencies')}</dt>
            <dd>{o.participatingAgencies.map((a) => text(a.name)).join(', ')}</dd>
            <dt>{t('reports.aar.rubric')}</dt>
            <dd>
              {o.rubric.id} {o.rubric.version}
            </dd>
          </dl>
          <label htmlFor={summaryId} className="report-label">
            {t('reports.aar.summary')}
          </label>
          {editable ? (
            <textarea
              id={summaryId}
              className="report-textarea"
              rows={4}
              value={draft.executiveSummary}
              onChange={(e) => setDraft((d) => ({ ...d, executiveSummary: e.target.value }))}
            />
          ) : (
            <p id={summaryId}>{report.executiveSummary ?? t('reports.aar.noSummary')}</p>
          )}
        </section>

        <section aria-labelledby="aar-analysis" className="report-section">
          <h2 id="aar-analysis">{t('reports.aar.analysis')}</h2>
          <p className="muted">{t('reports.aar.analysisLead')}</p>
          {report.capabilities.map((c) => (
            <CapabilityBlock
              key={c.id}
              capability={c}
              editable={editable}
              draft={draft}
              agencyName={agencyName}
              teamName={(id) => o.teams.find((team) => team.id === id)?.name ?? id}
              onCapability={setCapability}
              onEntry={setEntry}
            />
          ))}
        </section>

        {editable ? (
          <div className="report-actions report-actions--sticky">
            <button type="submit" className="button" disabled={saving}>
              {saving ? t('reports.working') : t('reports.aar.save')}
            </button>
            {status ? (
              <div role={status.kind === 'ok' ? 'status' : 'alert'} data-aar-save={status.kind}>
                {status.text}{' '}
                {status.kind === 'stale' ? (
                  <button type="button" className="button button--small" onClick={onReload}>
                    {t('reports.aar.reload')}
                  </button>
                ) : null}
              </div>
            ) : null}
          </div>
        ) : null}
      </form>

      <ImprovementPlan
        report={report}
        source={source}
        onReport={onReport}
        agencyName={agencyName}
      />
    </>
  );
}

function CapabilityBlock({
  capability: c,
  editable,
  draft,
  agencyName,
  teamName,
  onCapability,
  onEntry,
}: {
  capability: AarCapability;
  editable: boolean;
  draft: Draft;
  agencyName: (id: string | null) => string;
  teamName: (id: string) => string;
  onCapability: (
    id: CapabilityId,
    patch: { rating?: CapabilityRating | null; summary?: string },
  ) => void;
  onEntry: (id: string, patch: { analysis?: string; included?: boolean }) => void;
}) {
  const { t, i18n } = useTranslation();
  const { text } = useContent();
  const ratingId = useId();
  const summaryId = useId();
  const exercised = c.draftRating !== null;
  const edit = draft.capabilities[c.id];
  const rating = edit?.rating !== undefined ? edit.rating : c.draftRating;
  const entries = [...c.strengths, ...c.areasForImprovement];
  return (
    <section
      className={`capability${exercised ? '' : ' capability--idle'}`}
      aria-labelledby={`cap-${c.id}`}
      data-capability={c.id}
    >
      <h3 id={`cap-${c.id}`}>
        {text(c.title)}{' '}
        <span className={`rating rating--${rating ?? 'none'}`}>
          {rating ? `${rating} · ${t(`reports.rating.${rating}`)}` : t('reports.aar.notExercised')}
        </span>
      </h3>
      <p className="muted">{text(c.description)}</p>
      {exercised ? (
        <p className="muted">
          {t('reports.aar.draftRating', {
            rating: c.draftRating,
            gains: signed(c.gains, i18n.language),
            losses: signed(-c.losses, i18n.language),
          })}
        </p>
      ) : null}
      {editable && exercised ? (
        <div className="report-grid">
          <div>
            <label htmlFor={ratingId} className="report-label">
              {t('reports.aar.rating')}
            </label>
            <select
              id={ratingId}
              value={rating ?? ''}
              onChange={(e) =>
                onCapability(c.id, {
                  rating: e.target.value === '' ? null : (e.target.value as CapabilityRating),
                })
              }
            >
              {CAPABILITY_RATINGS.map((r) => (
                <option key={r} value={r}>
                  {r} · {t(`reports.rating.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={summaryId} className="report-label">
              {t('reports.aar.capabilitySummary')}
            </label>
            <textarea
              id={summaryId}
              className="report-textarea"
              rows={2}
              value={edit?.summary ?? ''}
              onChange={(e) => onCapability(c.id, { summary: e.target.value })}
            />
          </div>
        </div>
      ) : c.summary ? (
        <p>{c.summary}</p>
      ) : null}
      {entries.length > 0 ? (
        <ul className="aar-entries">
          {entries.map((e) => (
            <EntryItem
              key={e.id}
              entry={e}
              editable={editable}
              edit={draft.entries[e.id]}
              agencyName={agencyName}
              teamName={teamName}
              onEntry={onEntry}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function EntryItem({
  entry: e,
  editable,
  edit,
  agencyName,
  teamName,
  onEntry,
}: {
  entry: AarEntry;
  editable: boolean;
  edit: Draft['entries'][string] | undefined;
  agencyName: (id: string | null) => string;
  teamName: (id: string) => string;
  onEntry: (id: string, patch: { analysis?: string; included?: boolean }) => void;
}) {
  const { t, i18n } = useTranslation();
  const { text, language } = useContent();
  const analysisId = useId();
  const included = edit?.included ?? e.included;
  return (
    <li
      className={`aar-entry aar-entry--${e.kind}${included ? '' : ' aar-entry--excluded'}`}
      data-aar-entry={e.id}
    >
      <p className="aar-entry__head">
        <strong>
          {e.kind === 'strength' ? t('reports.aar.strength') : t('reports.aar.area')}
          {e.redLine ? ` · ${t('reports.aar.redLine')}` : ''}:
        </strong>{' '}
        {text(e.title)} — {agencyName(e.agency)} ({t(`reports.aar.axis.${e.axis}`)}{' '}
        {signed(e.points, i18n.language)})
      </p>
      <p>{text(e.observation)}</p>
      <p className="muted">
        {t('reports.aar.reference')}:{' '}
        {e.legalBasis.map((b) => formatLegalBasisIn(b, language)).join('; ')}
      </p>
      <details>
        <summary>{t('reports.aar.findings', { count: e.findings.length })}</summary>
        <ul>
          {e.findings.map((f) => (
            <li key={f.key}>
              {teamName(f.team)}, #{f.seq}: {text(f.detail)}
            </li>
          ))}
        </ul>
      </details>
      {editable ? (
        <div className="report-grid">
          <label className="report-check">
            <input
              type="checkbox"
              checked={included}
              onChange={(ev) => onEntry(e.id, { included: ev.target.checked })}
            />{' '}
            {t('reports.aar.include')}
          </label>
          <div>
            <label htmlFor={analysisId} className="report-label">
              {t('reports.aar.analysisLabel')}
            </label>
            <textarea
              id={analysisId}
              className="report-textarea"
              rows={2}
              value={edit?.analysis ?? ''}
              onChange={(ev) => onEntry(e.id, { analysis: ev.target.value })}
            />
          </div>
        </div>
      ) : e.analysis ? (
        <p>
          <strong>{t('reports.aar.analysisLabel')}:</strong> {e.analysis}
        </p>
      ) : null}
    </li>
  );
}

function ImprovementPlan({
  report,
  source,
  onReport,
  agencyName,
}: {
  report: AfterActionReport;
  source: ReportSource;
  onReport: (report: AfterActionReport) => void;
  agencyName: (id: string | null) => string;
}) {
  const { t } = useTranslation();
  const { text } = useContent();
  const editable = source.kind === 'session';
  const areas = report.capabilities.flatMap((c) => c.areasForImprovement);
  const first = areas[0];
  const [entry, setEntry] = useState(first?.id ?? '');
  const chosen = areas.find((a) => a.id === entry);
  const [agency, setAgency] = useState(
    first?.agency ?? report.exerciseOverview.participatingAgencies[0]?.id ?? '',
  );
  const [issue, setIssue] = useState(first ? text(first.title) : '');
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const failure = useFailureText();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: ReactNode } | null>(null);
  const [pending, setPending] = useState<Record<string, ImprovementStatus>>({});
  const ids = {
    entry: useId(),
    agency: useId(),
    issue: useId(),
    action: useId(),
    owner: useId(),
    due: useId(),
  };
  const capabilityTitle = (id: CapabilityId) =>
    text(report.capabilities.find((c) => c.id === id)?.title ?? id);
  // The server's names for the item's fields (create and update), by this form's labels.
  const ipFields: FieldLabels = {
    capability: t('reports.ip.capability'),
    entry: t('reports.ip.area'),
    agency: t('reports.ip.agency'),
    issue: t('reports.ip.issue'),
    action: t('reports.ip.action'),
    owner: t('reports.ip.owner'),
    dueDate: t('reports.ip.due'),
    status: t('reports.ip.status'),
  };
  const replaceItem = (item: ImprovementItem) =>
    onReport({
      ...report,
      improvementPlan: report.improvementPlan.some((i) => i.id === item.id)
        ? report.improvementPlan.map((i) => (i.id === item.id ? item : i))
        : [...report.improvementPlan, item],
    });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (source.kind !== 'session' || !chosen) return;
    setMessage(null);
    try {
      const item = await createImprovementItem(source.sessionId, source.token, {
        capability: chosen.capability,
        entry: chosen.id,
        agency,
        issue,
        action,
        owner,
        dueDate: due,
      });
      replaceItem(item);
      setAction('');
      setMessage({ kind: 'ok', text: t('reports.ip.added') });
    } catch (error) {
      setMessage({ kind: 'error', text: failure(error, ipFields) });
    }
  };

  const setStatus = async (item: ImprovementItem, status: ImprovementStatus) => {
    if (source.kind !== 'session') return;
    // Shown at once; the server's answer replaces it (or the old status comes back on failure).
    setPending((p) => ({ ...p, [item.id]: status }));
    try {
      replaceItem(await updateImprovementItem(item.id, source.token, { status }));
    } catch (error) {
      setMessage({ kind: 'error', text: failure(error, ipFields) });
    } finally {
      setPending(({ [item.id]: _, ...rest }) => rest);
    }
  };

  return (
    <section className="report-section">
      <h2 id="ip-title">{t('reports.ip.title')}</h2>
      <p className="muted">{t('reports.ip.lead')}</p>
      {report.improvementPlan.length === 0 ? (
        <p>{t('reports.ip.empty')}</p>
      ) : (
        <ScrollRegion labelledBy="ip-title">
          <table className="report-table" data-improvement-plan>
            <caption className="visually-hidden">{t('reports.ip.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.ip.capability')}</th>
                <th scope="col">{t('reports.ip.issue')}</th>
                <th scope="col">{t('reports.ip.action')}</th>
                <th scope="col">{t('reports.ip.agency')}</th>
                <th scope="col">{t('reports.ip.owner')}</th>
                <th scope="col">{t('reports.ip.due')}</th>
                <th scope="col">{t('reports.ip.status')}</th>
              </tr>
            </thead>
            <tbody>
              {report.improvementPlan.map((item) => (
                <tr key={item.id} data-improvement-item={item.id}>
                  <td>{capabilityTitle(item.capability)}</td>
                  <td>{item.issue}</td>
                  <td>{item.action}</td>
                  <td>{text(item.agencyName)}</td>
                  <td>{item.owner}</td>
                  <td>{item.dueDate}</td>
                  <td>
                    {editable ? (
                      <select
                        aria-label={t('reports.ip.statusOf', { issue: item.issue })}
                        value={pending[item.id] ?? item.status}
                        onChange={(e) => void setStatus(item, e.target.value as ImprovementStatus)}
                      >
                        {IMPROVEMENT_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(`reports.status.${s}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`reports.status.${item.status}`)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {editable && areas.length > 0 ? (
        <form className="ip-form" onSubmit={(e) => void add(e)} aria-labelledby="ip-add">
          <h3 id="ip-add">{t('reports.ip.add')}</h3>
          <div className="report-grid">
            <div>
              <label htmlFor={ids.entry} className="report-label">
                {t('reports.ip.area')}
              </label>
              <select
                id={ids.entry}
                value={entry}
                onChange={(e) => {
                  setEntry(e.target.value);
                  const next = areas.find((a) => a.id === e.target.value);
                  if (next) {
                    setIssue(text(next.title));
                    if (next.agency) setAgency(next.agency);
                  }
                }}
              >
                {areas.map((a) => (
                  <option key={a.id} value={a.id}>
                    {capabilityTitle(a.capability)}: {text(a.title)} ({agencyName(a.agency)})
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={ids.agency} className="report-label">
                {t('reports.ip.agency')}
              </label>
              <select id={ids.agency} value={agency} onChange={(e) => setAgency(e.target.value)}>
                {report.exerciseOverview.participatingAgencies.map((a) => (
                  <option key={a.id} value={a.id} title={text(a.name)}>
                    {text(a.shortName ?? a.name)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={ids.issue} className="report-label">
                {t('reports.ip.issue')}
              </label>
              <input
                id={ids.issue}
                value={issue}
                required
                maxLength={2000}
                onChange={(e) => setIssue(e.target.value)}
              />
            </div>
            <div>
              <label htmlFor={ids.action} className="report-label">
                {t('reports.ip.action')}
              </label>
              <input
                id={ids.action}
                value={action}
                required
                maxLength={2000}
                onChange={(e) => setAction(e.target.value)}
              />
            </div>
            <div>
              <label htmlFor={ids.owner} className="report-label">
                {t('reports.ip.owner')}
              </label>
              <input
                id={ids.owner}
                value={owner}
                required
                maxLength={200}
                onChange={(e) => setOwner(e.target.value)}
              />
            </div>
            <div>
              <label htmlFor={ids.due} className="report-label">
                {t('reports.ip.due')}
              </label>
              <input
                id={ids.due}
                type="date"
                value={due}
                required
                onChange={(e) => setDue(e.target.value)}
              />
            </div>
          </div>
          <div className="report-actions">
            <button type="submit" className="button">
              {t('reports.ip.addButton')}
            </button>
          </div>
        </form>
      ) : null}
      {message ? <div role={message.kind === 'ok' ? 'status' : 'alert'}>{message.text}</div> : null}
    </section>
  );
}

/**
 * A save's failure: the server's problems one per line under this form's labels (`fields`) when it
 * listed any, else the error's one sentence.
 */
function useFailureText(): (error: unknown, fields: FieldLabels) => ReactNode {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  return (error, fields) =>
    error instanceof ApiError && error.details.length > 0
      ? errorText(error, { fields })
      : t('reports.error', { message: error instanceof Error ? error.message : '' });
}
