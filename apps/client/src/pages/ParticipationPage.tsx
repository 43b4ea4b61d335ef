import { formatNumber } from '../i18n/numbers';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ParticipationReport } from '@crossroads/shared';
import { usePageTitle } from '../components/usePageTitle';
import { ScrollRegion } from '../components/ScrollRegion';
import { SignInForm, useStaffAuth } from '../debrief/SignIn';
import { useContent } from '../debrief/parts';
import { signed } from '../debrief/text';
import { agencyShortName, reportTeamName } from '../learning/reports/agencyNames';
import { countryName } from '../learning/reports/countries';
import { ReportExports } from '../learning/reports/ReportExports';
import { fetchParticipation, fetchReportCsv, type ParticipationSource } from '../lib/reportsApi';
import '../learning/reports/reports.css';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);
const gain = (x: number | null, language: string) =>
  x === null ? '—' : `${signed(Math.round(x * 100), language)} pp`;
/** Hours and minutes with fixed decimals, as the page's language writes them ("1,50" in Serbian). */
const fixed = (x: number, digits: number, language: string) =>
  formatNumber(x, language, { minDigits: digits, maxDigits: digits });
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Routes /debriefs/:sessionId/participation (staff), /review/:token/participation (read-only,
 * pseudonymised) and /reports/participation?from=&to= (staff, a date range).
 */
export function ParticipationPage() {
  const { t } = useTranslation();
  const { sessionId, token: reviewToken } = useParams();
  const [params, setParams] = useSearchParams();
  const auth = useStaffAuth();
  usePageTitle(t('reports.participation.title'));
  const from = params.get('from') ?? `${today().slice(0, 4)}-01-01`;
  const to = params.get('to') ?? today();
  const source: ParticipationSource | null = reviewToken
    ? { kind: 'review', token: reviewToken }
    : !auth
      ? null
      : sessionId
        ? { kind: 'session', sessionId, token: auth.token }
        : { kind: 'range', token: auth.token, from, to };
  const key = source ? JSON.stringify(source) : '';
  const [loaded, setLoaded] = useState<{
    key: string;
    report?: ParticipationReport;
    error?: string;
  } | null>(null);
  const fromId = useId();
  const toId = useId();

  useEffect(() => {
    if (!source) return;
    let live = true;
    fetchParticipation(source).then(
      (report) => live && setLoaded({ key, report }),
      (error: unknown) =>
        live && setLoaded({ key, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // `source` is identified by key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const back = sessionId
    ? `/debriefs/${sessionId}`
    : reviewToken
      ? `/review/${reviewToken}`
      : '/debriefs';
  const state = loaded?.key === key ? loaded : null;
  return (
    <article className="page report-page">
      <p>
        <Link to={back} className="back-link">
          <span aria-hidden="true">←</span>{' '}
          {sessionId || reviewToken ? t('reports.backToDebrief') : t('debrief.page.back')}
        </Link>
      </p>
      <h1>{t('reports.participation.title')}</h1>
      {!source ? (
        <SignInForm lead={t('reports.signIn')} />
      ) : (
        <>
          {source.kind === 'range' ? (
            <form
              className="report-grid"
              aria-label={t('reports.participation.rangeForm')}
              onSubmit={(e) => {
                e.preventDefault();
                const data = new FormData(e.currentTarget);
                setParams({ from: String(data.get('from')), to: String(data.get('to')) });
              }}
            >
              <div>
                <label htmlFor={fromId} className="report-label">
                  {t('reports.participation.from')}
                </label>
                <input id={fromId} name="from" type="date" defaultValue={from} required />
              </div>
              <div>
                <label htmlFor={toId} className="report-label">
                  {t('reports.participation.to')}
                </label>
                <input id={toId} name="to" type="date" defaultValue={to} required />
              </div>
              <div className="report-actions">
                <button type="submit" className="button">
                  {t('reports.participation.show')}
                </button>
              </div>
            </form>
          ) : null}
          {!state ? (
            <p role="status">{t('reports.loading')}</p>
          ) : state.report ? (
            <ParticipationView report={state.report} source={source} />
          ) : (
            <p role="alert">{t('reports.error', { message: state.error ?? '' })}</p>
          )}
        </>
      )}
    </article>
  );
}

function ParticipationView({
  report,
  source,
}: {
  report: ParticipationReport;
  source: ParticipationSource;
}) {
  const { t, i18n } = useTranslation();
  const { text } = useContent();
  const country = (code: string | null) =>
    code === null ? t('reports.participation.notGiven') : countryName(code, i18n.language);
  const agencyShort = (id: string | null) => agencyShortName(report, id, text);
  const scope =
    report.scope.kind === 'range'
      ? `${report.scope.from}_${report.scope.to}`
      : report.scope.session.slice(0, 8);
  const base = `crossroads-participation-${scope}`;
  const totals = report.totals;
  return (
    <div data-participation={report.names}>
      <p className="muted">
        {report.names === 'staff'
          ? t('reports.participation.namesStaff')
          : t('reports.participation.namesPseudonymised')}
      </p>
      <ReportExports
        headingId="pr-exports"
        base={base}
        report={report}
        pdf={async (options) =>
          (await import('../learning/reportPdf')).buildParticipationPdf(report, {
            ...options,
            countryName: (code) => countryName(code, i18n.language),
          })
        }
        csv={() => fetchReportCsv(source, 'participation')}
      />

      <section aria-labelledby="pr-totals" className="report-section">
        <h2 id="pr-totals">{t('reports.participation.totals')}</h2>
        <dl className="report-facts" data-participation-totals>
          <dt>{t('reports.participation.sessions')}</dt>
          <dd>{totals.sessions}</dd>
          <dt>{t('reports.participation.participants')}</dt>
          <dd data-total-participants>{totals.participants}</dd>
          <dt>{t('reports.participation.hoursOfPlay')}</dt>
          <dd>{fixed(totals.hoursOfPlay, 2, i18n.language)}</dd>
          <dt>{t('reports.participation.runningHours')}</dt>
          <dd>{fixed(totals.runningHours, 2, i18n.language)}</dd>
          <dt>{t('reports.participation.redLines')}</dt>
          <dd>{totals.redLines}</dd>
          <dt>{t('reports.participation.knowledge')}</dt>
          <dd>
            {pct(totals.knowledge.pre)} → {pct(totals.knowledge.post)} (
            {gain(totals.knowledge.gain, i18n.language)})
          </dd>
        </dl>
      </section>

      <section className="report-section">
        <h2 id="pr-sessions">{t('reports.participation.bySession')}</h2>
        <ScrollRegion labelledBy="pr-sessions">
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('reports.participation.session')}</th>
                <th scope="col" className="num">
                  {t('reports.participation.participants')}
                </th>
                <th scope="col" className="num">
                  {t('reports.participation.runningMinutes')}
                </th>
                <th scope="col" className="num">
                  {t('reports.participation.hoursOfPlay')}
                </th>
                <th scope="col">{t('reports.participation.attendance')}</th>
                <th scope="col" className="num">
                  {t('reports.participation.knowledgeGain')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{text(s.scenario.title)}</th>
                  <td className="num">{s.participants}</td>
                  <td className="num">{fixed(s.runningMinutes, 1, i18n.language)}</td>
                  <td className="num">{fixed(s.hoursOfPlay, 2, i18n.language)}</td>
                  <td>
                    <svg
                      className="attendance-bars"
                      viewBox="0 0 110 40"
                      role="img"
                      aria-label={t('reports.participation.attendanceCurve', {
                        values: s.attendance.join(', '),
                      })}
                    >
                      {s.attendance.map((n, i) => {
                        const h = s.participants === 0 ? 0 : (n / s.participants) * 38;
                        return <rect key={i} x={i * 10} y={40 - h - 1} width={8} height={h + 1} />;
                      })}
                    </svg>
                  </td>
                  <td className="num">{gain(s.knowledge.gain, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section className="report-section">
        <h2 id="pr-agencies">{t('reports.participation.byAgency')}</h2>
        <ScrollRegion labelledBy="pr-agencies">
          <table className="report-table" data-participation-agencies>
            <thead>
              <tr>
                <th scope="col">{t('reports.participation.agency')}</th>
                <th scope="col" className="num">
                  {t('reports.participation.participants')}
                </th>
                <th scope="col" className="num">
                  {t('reports.participation.hoursOfPlay')}
                </th>
                <th scope="col" className="num">
                  {t('reports.participation.evidence')}
                </th>
                <th scope="col" className="num">
                  {t('reports.participation.rights')}
                </th>
                <th scope="col" className="num">
                  {t('reports.participation.redLines')}
                </th>
                <th scope="col" className="num">
                  {t('reports.participation.knowledgeGain')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.byAgency.map((a) => (
                <tr key={a.agency}>
                  <th scope="row">{text(a.name)}</th>
                  <td className="num">{a.participants}</td>
                  <td className="num">{fixed(a.hoursOfPlay, 2, i18n.language)}</td>
                  <td className="num">{signed(a.evidencePoints, i18n.language)}</td>
                  <td className="num">{signed(a.rightsPoints, i18n.language)}</td>
                  <td className="num">{a.redLines}</td>
                  <td className="num">{gain(a.knowledge.gain, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="pr-who" className="report-section">
        <h2 id="pr-who">{t('reports.participation.who')}</h2>
        <div className="report-grid">
          <CountTable
            caption={t('reports.participation.byInstitution')}
            head={t('reports.participation.institution')}
            rows={report.byInstitution.map((i) => [
              i.institution ?? t('reports.participation.notGiven'),
              i.participants,
            ])}
          />
          <CountTable
            caption={t('reports.participation.byCountry')}
            head={t('reports.participation.country')}
            rows={report.byCountry.map((c) => [country(c.country), c.participants])}
          />
          <CountTable
            caption={t('reports.participation.byGender')}
            head={t('reports.participation.gender')}
            rows={report.byGender.map((g) => [
              g.gender ? t(`reports.gender.${g.gender}`) : t('reports.participation.notGiven'),
              g.participants,
            ])}
          />
        </div>
      </section>

      <section aria-labelledby="pr-red" className="report-section">
        <h2 id="pr-red">{t('reports.participation.redLinesTitle')}</h2>
        {report.redLines.length === 0 ? (
          <p>{t('reports.participation.noRedLines')}</p>
        ) : (
          <ul>
            {report.redLines.map((r) => (
              <li key={`${r.session}|${r.team}|${r.ruleId}|${r.time}`}>
                <strong>{t('reports.aar.redLine')}:</strong> {text(r.title)} —{' '}
                {reportTeamName(report, r.session, r.team)},{' '}
                {r.agencies.length > 0 ? r.agencies.map(agencyShort).join(', ') : '—'}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="report-section">
        <h2 id="pr-people">{t('reports.participation.people')}</h2>
        <ScrollRegion labelledBy="pr-people">
          <table className="report-table" data-participation-people>
            <thead>
              <tr>
                <th scope="col">{t('reports.participation.name')}</th>
                <th scope="col">{t('reports.participation.agency')}</th>
                <th scope="col">{t('reports.participation.institution')}</th>
                <th scope="col">{t('reports.participation.country')}</th>
                <th scope="col" className="num">
                  {t('reports.participation.minutes')}
                </th>
                <th scope="col" className="num">
                  {t('reports.participation.attendance')}
                </th>
                <th scope="col" className="num">
                  {t('reports.participation.decisions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.participants.map((p, i) => (
                <tr key={`${p.session}|${i}`}>
                  <th scope="row">{p.name}</th>
                  <td>{agencyShort(p.agency)}</td>
                  <td>{p.institution ?? '—'}</td>
                  <td>{p.country ? country(p.country) : '—'}</td>
                  <td className="num">{fixed(p.minutesConnected, 1, i18n.language)}</td>
                  <td className="num">{pct(p.attendance)}</td>
                  <td className="num">{p.decisions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </div>
  );
}

function CountTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string;
  rows: [string, number][];
}) {
  const { t } = useTranslation();
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className="num">
            {t('reports.participation.participants')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, n]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num">{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
