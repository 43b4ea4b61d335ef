import type { TFunction } from 'i18next';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { AXES, type Axis } from '@crossroads/shared';
import { checkpoints, runningPoints, scorePoints, teamStyle, valueAt } from './chartData';
import type { DebriefContext } from './model';
import { signed } from './text';
import { useClock } from './parts';
import { formatUnit } from '../i18n/numbers';
import { TeamName } from '../components/TeamName';
import { ScrollRegion } from '../components/ScrollRegion';

/**
 * Axis ticks: minutes for short runs, hours for long ones ("9.2 h", "9,2 h" in Serbian, "9,2 ч" in
 * Macedonian); `t` in `language`.
 */
export const tickLabel =
  (end: number, language: string | undefined, t: TFunction) => (minutes: number) =>
    end <= 180
      ? formatUnit(t, Math.round(minutes), 'minutes', language)
      : formatUnit(t, Math.round(minutes / 6) / 10, 'hours', language);

/** A team's name above its marker, on one line (recharts' own label wraps at the marker width). */
function MarkerLabel(props: { x?: number | string; y?: number | string; value?: unknown }) {
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  return (
    <text x={x} y={y - 10} textAnchor="middle" fill="#141a22" fontWeight={700}>
      {String(props.value ?? '')}
    </text>
  );
}

/** Counted points summed over scenario time, one line per team, with its table. */
export function RunningChart({ context }: { context: DebriefContext }) {
  const { t, i18n } = useTranslation();
  const clock = useClock(context.debrief.scenario.startTime);
  const [axis, setAxis] = useState<Axis>('rights');
  const axisId = useId();
  const captionId = useId();
  const series = useMemo(() => runningPoints(context.debrief, axis), [context.debrief, axis]);
  const times = useMemo(() => checkpoints(series), [series]);
  const end = Math.max(1, ...times);
  return (
    <figure className="chart" data-chart="running">
      <figcaption id={captionId}>
        <strong>{t('debrief.charts.runningTitle')}</strong> — {t('debrief.charts.runningLead')}
      </figcaption>
      <label htmlFor={axisId} className="chart__control">
        {t('debrief.charts.axis')}
        <select id={axisId} value={axis} onChange={(e) => setAxis(e.target.value as Axis)}>
          {AXES.map((a) => (
            <option key={a} value={a}>
              {t(`debrief.score.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="chart__canvas" aria-hidden="true">
        <ResponsiveContainer width="100%" height={340}>
          <LineChart
            margin={{ top: 10, right: 24, bottom: 24, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#c9d1db" />
            <XAxis
              type="number"
              dataKey="time"
              domain={[0, end]}
              tickFormatter={tickLabel(end, i18n.resolvedLanguage, t)}
              label={{ value: t('debrief.charts.time'), position: 'insideBottom', offset: -12 }}
              stroke="#48525f"
            />
            <YAxis
              type="number"
              allowDecimals={false}
              stroke="#48525f"
              label={{
                value: t('debrief.charts.points'),
                angle: -90,
                position: 'insideLeft',
              }}
            />
            <Tooltip labelFormatter={(v) => clock(Number(v))} />
            <Legend verticalAlign="top" />
            {series.map((s, i) => {
              const style = teamStyle(i);
              return (
                <Line
                  key={s.team}
                  data={s.points}
                  dataKey="value"
                  name={s.name}
                  type="stepAfter"
                  stroke={style.color}
                  strokeWidth={3}
                  strokeDasharray={style.dash || undefined}
                  dot={false}
                  isAnimationActive={false}
                />
              );
            })}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ScrollRegion labelledBy={captionId}>
        <table className="data-table">
          <caption>
            {t('debrief.charts.tableCaption', {
              title: t('debrief.charts.runningTitle'),
              axis: t(`debrief.score.${axis}`),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('debrief.charts.time')}</th>
              {series.map((s) => (
                <th scope="col" key={s.team}>
                  <TeamName name={s.name} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {times.map((time) => (
              <tr key={time}>
                <th scope="row">{clock(time)}</th>
                {series.map((s) => (
                  <td key={s.team} className="num">
                    {signed(valueAt(s, time), i18n.resolvedLanguage)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
}

/** Final evidence score against final rights score, one marker per team, with its table. */
export function ScoreScatter({ context }: { context: DebriefContext }) {
  const { t } = useTranslation();
  const captionId = useId();
  const points = useMemo(() => scorePoints(context.debrief), [context.debrief]);
  return (
    <figure className="chart" data-chart="scatter">
      <figcaption id={captionId}>
        <strong>{t('debrief.charts.scatterTitle')}</strong> — {t('debrief.charts.scatterLead')}
      </figcaption>
      <div className="chart__canvas" aria-hidden="true">
        <ResponsiveContainer width="100%" height={360}>
          <ScatterChart
            margin={{ top: 20, right: 30, bottom: 30, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#c9d1db" />
            <ReferenceArea x1={50} x2={100} y1={50} y2={100} fill="#e6eff8" fillOpacity={0.6} />
            <XAxis
              type="number"
              dataKey="evidence"
              name={t('debrief.score.evidence')}
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              stroke="#48525f"
              label={{ value: t('debrief.score.evidence'), position: 'insideBottom', offset: -16 }}
            />
            <YAxis
              type="number"
              dataKey="rights"
              name={t('debrief.score.rights')}
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              stroke="#48525f"
              label={{ value: t('debrief.score.rights'), angle: -90, position: 'insideLeft' }}
            />
            <Tooltip cursor={{ strokeDasharray: '3 3' }} />
            <Legend verticalAlign="top" />
            {points.map((p, i) => {
              const style = teamStyle(i);
              return (
                <Scatter
                  key={p.team}
                  name={p.name}
                  data={[p]}
                  fill={style.color}
                  shape={style.shape}
                  isAnimationActive={false}
                >
                  <LabelList dataKey="name" content={MarkerLabel} />
                </Scatter>
              );
            })}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <ScrollRegion labelledBy={captionId}>
        <table className="data-table">
          <caption>
            {t('debrief.charts.tableCaption', {
              title: t('debrief.charts.scatterTitle'),
              axis: `${t('debrief.score.evidence')} / ${t('debrief.score.rights')}`,
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('debrief.team.name')}</th>
              <th scope="col">{t('debrief.score.evidence')}</th>
              <th scope="col">{t('debrief.score.rights')}</th>
              <th scope="col">{t('debrief.redLine.heading')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.team}>
                <th scope="row">
                  <TeamName name={p.name} />
                </th>
                <td className="num">{p.evidence}</td>
                <td className="num">{p.rights}</td>
                <td>
                  {p.redLines > 0
                    ? t('debrief.redLine.count', { count: p.redLines })
                    : t('debrief.redLine.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
}
