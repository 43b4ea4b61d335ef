import { useId } from 'react';

/*
 * A line chart for trends over sessions, in plain SVG with presentation attributes (the CSP allows
 * no inline styles). Each series has its own marker shape and line pattern besides its colour, the
 * chart carries a title and a description for screen readers, and every page that draws one puts
 * the same figures in a table beside it.
 */

export interface LineSeries {
  name: string;
  /** One value per x position; null: no figure there (the line breaks). */
  values: (number | null)[];
}

const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;

function Marker({ kind, x, y }: { kind: (typeof MARKERS)[number]; x: number; y: number }) {
  switch (kind) {
    case 'circle':
      return <circle cx={x} cy={y} r={5} />;
    case 'square':
      return <rect x={x - 4.5} y={y - 4.5} width={9} height={9} />;
    case 'triangle':
      return <polygon points={`${x},${y - 6} ${x + 6},${y + 5} ${x - 6},${y + 5}`} />;
    default:
      return <polygon points={`${x},${y - 6} ${x + 6},${y} ${x},${y + 6} ${x - 6},${y}`} />;
  }
}

/** Nice round tick values from min to max (about five). */
export function ticks(min: number, max: number): number[] {
  const span = max - min || 1;
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step / 1000; v += step) {
    out.push(Math.round(v * 1000) / 1000);
  }
  return out;
}

export function LineChart({
  title,
  description,
  xLabels,
  series,
  min,
  max,
  format,
}: {
  title: string;
  description: string;
  xLabels: string[];
  series: LineSeries[];
  min: number;
  max: number;
  format: (value: number) => string;
}) {
  const titleId = useId();
  const descId = useId();
  const left = 64;
  const right = 32;
  const top = 40;
  const plotHeight = 220;
  const bottom = 36;
  // A fixed drawing width keeps the text the same size whatever the number of sessions; many
  // sessions widen it so the labels do not collide.
  const plotWidth = Math.max(560, 48 * Math.max(0, xLabels.length - 1));
  const step = xLabels.length > 1 ? plotWidth / (xLabels.length - 1) : 0;
  const width = left + plotWidth + right;
  const height = top + plotHeight + bottom;
  const lo = Math.min(min, max);
  const hi = max > lo ? max : lo + 1;
  const x = (i: number) => left + (xLabels.length > 1 ? i * step : plotWidth / 2);
  const y = (v: number) =>
    top + plotHeight - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * plotHeight;
  return (
    <svg
      className="tchart"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {series.map((s, i) => (
        <g
          key={s.name}
          transform={`translate(${left + i * 170}, 10)`}
          className={`tchart__series tchart__series--${i % MARKERS.length}`}
        >
          <line x1={0} y1={8} x2={26} y2={8} className="tchart__line" />
          <Marker kind={MARKERS[i % MARKERS.length] ?? 'circle'} x={13} y={8} />
          <text x={32} y={12} className="tchart__text">
            {s.name}
          </text>
        </g>
      ))}
      {ticks(lo, hi).map((v) => (
        <g key={v}>
          <line x1={left} x2={left + plotWidth} y1={y(v)} y2={y(v)} className="tchart__grid" />
          <text x={left - 6} y={y(v) + 4} textAnchor="end" className="tchart__text">
            {format(v)}
          </text>
        </g>
      ))}
      {lo < 0 && hi > 0 ? (
        <line x1={left} x2={left + plotWidth} y1={y(0)} y2={y(0)} className="tchart__zero" />
      ) : null}
      {xLabels.map((label, i) => (
        <text
          key={`${label}-${i}`}
          x={x(i)}
          y={top + plotHeight + 20}
          textAnchor="middle"
          className="tchart__text"
        >
          {label}
        </text>
      ))}
      {series.map((s, i) => {
        // Consecutive points with figures are joined; a missing figure breaks the line.
        const runs: { i: number; v: number }[][] = [];
        let run: { i: number; v: number }[] = [];
        s.values.forEach((v, j) => {
          if (v === null) {
            if (run.length > 0) runs.push(run);
            run = [];
          } else run.push({ i: j, v });
        });
        if (run.length > 0) runs.push(run);
        const kind = MARKERS[i % MARKERS.length] ?? 'circle';
        return (
          <g key={s.name} className={`tchart__series tchart__series--${i % MARKERS.length}`}>
            {runs.map((r) => (
              <polyline
                key={r[0]?.i}
                points={r.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')}
                className="tchart__line"
              />
            ))}
            {runs.flat().map((p) => (
              <g key={p.i}>
                <Marker kind={kind} x={x(p.i)} y={y(p.v)} />
                <title>{`${s.name}, ${xLabels[p.i] ?? ''}: ${format(p.v)}`}</title>
              </g>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
