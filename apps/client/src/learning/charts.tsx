/*
 * Small SVG charts for the learning pages: drawn with plain SVG elements and presentation
 * attributes (no inline styles, no chart library), each with a title and a table beside it so the
 * figures never depend on seeing the picture.
 */

export interface BarGroup {
  label: string;
  /** Values 0..max (null: no data, drawn as a gap with a word). */
  values: (number | null)[];
}

/** Grouped horizontal bars: one group per row, one bar per series, value written at the end. */
export function GroupedBars({
  title,
  groups,
  series,
  max,
  format,
  noData,
}: {
  title: string;
  groups: BarGroup[];
  series: string[];
  max: number;
  format: (value: number) => string;
  noData: string;
}) {
  const labelWidth = 200;
  const barWidth = 420;
  const bar = 18;
  const gap = 4;
  const groupHeight = series.length * (bar + gap) + 14;
  const legend = 28;
  const height = legend + groups.length * groupHeight + 8;
  const width = labelWidth + barWidth + 80;
  return (
    <svg
      className="lchart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title>{title}</title>
      {series.map((name, s) => (
        <g key={name} transform={`translate(${labelWidth + s * 150}, 6)`}>
          <rect width="14" height="14" className={`lchart__bar lchart__bar--${s}`} />
          <text x="20" y="12" className="lchart__legend">
            {name}
          </text>
        </g>
      ))}
      {groups.map((group, g) => {
        const y0 = legend + g * groupHeight;
        return (
          <g key={group.label} transform={`translate(0, ${y0})`}>
            <text x={labelWidth - 8} y={bar} textAnchor="end" className="lchart__label">
              <title>{group.label}</title>
              {group.label.length > 24 ? `${group.label.slice(0, 23)}…` : group.label}
            </text>
            {group.values.map((value, s) => {
              const y = s * (bar + gap);
              const w = value === null ? 0 : Math.max(1, (Math.min(value, max) / max) * barWidth);
              return (
                <g key={s}>
                  <rect
                    x={labelWidth}
                    y={y}
                    width={w}
                    height={bar}
                    className={`lchart__bar lchart__bar--${s}`}
                  />
                  <text x={labelWidth + w + 6} y={y + bar - 4} className="lchart__value">
                    {value === null ? noData : format(value)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
