import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioSummary } from '@crossroads/shared';
import { pickText } from './format';
import { layoutGraph, type LayoutNode } from './graphLayout';

/** Ending kinds the UI names; any other kind is shown as it is written in the scenario. */
export const KNOWN_ENDING_KINDS = [
  'conviction',
  'plea',
  'acquittal',
  'collapse',
  'hard_fail',
  'other',
] as const;
type KnownEndingKind = (typeof KNOWN_ENDING_KINDS)[number];

function isKnownKind(kind: string | null): kind is KnownEndingKind {
  return (KNOWN_ENDING_KINDS as readonly (string | null)[]).includes(kind);
}

/** Outcome family of an ending kind: decides the shape (colour only repeats it). */
export function endingFamily(kind: string | null): 'good' | 'neutral' | 'bad' {
  if (kind === 'conviction' || kind === 'plea') return 'good';
  if (kind === 'collapse' || kind === 'hard_fail') return 'bad';
  return 'neutral';
}

export function useEndingKindLabel(): (kind: string | null) => string {
  const { t } = useTranslation();
  return (kind) => (isKnownKind(kind) ? t(`facilitate.endingKind.${kind}`) : (kind ?? ''));
}

/** The outline of a node: a rectangle for phases, a hexagon / stadium / octagon for endings. */
function NodeShape({ node }: { node: LayoutNode }) {
  const { x, y, width: w, height: h } = node;
  if (node.type === 'phase') {
    return <rect className="graph__shape" x={x} y={y} width={w} height={h} rx={6} />;
  }
  const family = endingFamily(node.endingKind);
  if (family === 'good') {
    const c = 16;
    const points = [
      [x + c, y],
      [x + w - c, y],
      [x + w, y + h / 2],
      [x + w - c, y + h],
      [x + c, y + h],
      [x, y + h / 2],
    ];
    return <polygon className="graph__shape" points={points.map((p) => p.join(',')).join(' ')} />;
  }
  if (family === 'bad') {
    const c = 14;
    const points = [
      [x + c, y],
      [x + w - c, y],
      [x + w, y + c],
      [x + w, y + h - c],
      [x + w - c, y + h],
      [x + c, y + h],
      [x, y + h - c],
      [x, y + c],
    ];
    return (
      <polygon
        className="graph__shape graph__shape--bad"
        points={points.map((p) => p.join(',')).join(' ')}
      />
    );
  }
  return <rect className="graph__shape" x={x} y={y} width={w} height={h} rx={h / 2} />;
}

/** A small glyph for endings: tick (good), cross (bad), circle (neutral). */
function EndingGlyph({ node }: { node: LayoutNode }) {
  const cx = node.x + node.width - 22;
  const cy = node.y + 18;
  const family = endingFamily(node.endingKind);
  if (family === 'good') {
    return <path className="graph__glyph" d={`M${cx - 6},${cy} l4,4 l8,-9`} />;
  }
  if (family === 'bad') {
    return (
      <path
        className="graph__glyph"
        d={`M${cx - 5},${cy - 5} l10,10 M${cx + 5},${cy - 5} l-10,10`}
      />
    );
  }
  return <circle className="graph__glyph" cx={cx} cy={cy} r={5} />;
}

/**
 * The scenario's phases and endings as a left-to-right SVG graph. Every node is focusable and
 * named (its title, kind and where it leads); the focused or hovered node's connections are
 * highlighted and described under the graph. A list with the same content follows for anyone
 * who prefers text.
 */
export function ScenarioGraph({
  graph,
  language,
}: {
  graph: ScenarioSummary['graph'];
  language: string;
}) {
  const { t } = useTranslation();
  const kindLabel = useEndingKindLabel();
  const titleId = useId();
  const captionId = useId();
  const [active, setActive] = useState<string | null>(null);

  const layout = useMemo(
    () =>
      layoutGraph({
        phases: graph.phases.map((p) => ({ id: p.id, title: pickText(p.title, language) })),
        endings: graph.endings.map((e) => ({
          id: e.id,
          title: pickText(e.title, language),
          kind: e.kind,
        })),
        edges: graph.edges,
      }),
    [graph, language],
  );
  const byId = useMemo(() => new Map(layout.nodes.map((n) => [n.id, n])), [layout]);
  const phaseNumber = useMemo(
    () => new Map(graph.phases.map((p, i) => [p.id, i + 1] as const)),
    [graph.phases],
  );

  const nameOf = (id: string): string => {
    const node = byId.get(id);
    if (!node) return id;
    return node.type === 'ending'
      ? t('facilitate.graph.endingName', { title: node.title, kind: kindLabel(node.endingKind) })
      : node.title;
  };
  const describe = (node: LayoutNode): string => {
    const what =
      node.type === 'phase'
        ? t('facilitate.graph.phaseLabel', {
            number: phaseNumber.get(node.id) ?? 0,
            total: graph.phases.length,
            title: node.title,
          })
        : t('facilitate.graph.endingLabel', {
            title: node.title,
            kind: kindLabel(node.endingKind),
          });
    if (node.type === 'ending') return what;
    const parts = [what];
    const next = node.next.map(nameOf);
    if (next.length > 0) parts.push(t('facilitate.graph.leadsTo', { targets: next.join('; ') }));
    if (node.mayEndIn.length > 0) {
      parts.push(t('facilitate.graph.mayEndIn', { targets: node.mayEndIn.map(nameOf).join('; ') }));
    }
    if (parts.length === 1) parts.push(t('facilitate.graph.noExit'));
    return parts.join('. ');
  };

  const activeNode = active ? byId.get(active) : undefined;
  const related = new Set<string>(
    activeNode
      ? [activeNode.id, ...activeNode.next, ...activeNode.previous, ...activeNode.mayEndIn]
      : [],
  );
  if (activeNode?.type === 'ending') {
    for (const edge of layout.edges) if (edge.to === activeNode.id) related.add(edge.from);
  }

  if (layout.nodes.length === 0) return <p>{t('facilitate.graph.empty')}</p>;

  return (
    <figure className="graph">
      <div
        className="graph__scroll"
        role="region"
        aria-label={t('facilitate.graph.scrollLabel')}
        tabIndex={0}
      >
        <svg
          className="graph__svg"
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          style={{
            minWidth: `${Math.round(layout.width * 0.7)}px`,
            maxWidth: `${Math.round(layout.width * 1.4)}px`,
          }}
          role="group"
          aria-labelledby={titleId}
          aria-describedby={captionId}
        >
          <title id={titleId}>
            {t('facilitate.graph.title', {
              phases: t('facilitate.graph.phases', { count: graph.phases.length }),
              endings: t('facilitate.graph.endings', { count: graph.endings.length }),
            })}
          </title>
          <defs>
            <marker
              id={`${titleId}-arrow`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" className="graph__arrowhead" />
            </marker>
          </defs>
          <g aria-hidden="true">
            {layout.edges.map((edge) => {
              const lit = activeNode && (edge.from === activeNode.id || edge.to === activeNode.id);
              return (
                <path
                  key={`${edge.from}-${edge.to}`}
                  d={edge.path}
                  className={`graph__edge${edge.back ? ' graph__edge--back' : ''}${edge.implied ? ' graph__edge--implied' : ''}${lit ? ' graph__edge--lit' : ''}`}
                  markerEnd={`url(#${titleId}-arrow)`}
                />
              );
            })}
          </g>
          {layout.nodes.map((node) => {
            const family = node.type === 'ending' ? endingFamily(node.endingKind) : null;
            const label = describe(node);
            const dim = activeNode !== undefined && !related.has(node.id);
            const firstLine = node.type === 'ending' ? 44 : 30;
            const maxLines = node.type === 'ending' ? 3 : 4;
            return (
              <g
                key={node.id}
                className={`graph__node graph__node--${node.type}${family ? ` graph__node--${family}` : ''}${dim ? ' graph__node--dim' : ''}${active === node.id ? ' graph__node--active' : ''}`}
                data-node={node.id}
                tabIndex={0}
                role="img"
                aria-label={label}
                onFocus={() => setActive(node.id)}
                onBlur={() => setActive((a) => (a === node.id ? null : a))}
                // A pointer that moves, not one a scroll slid a node under: Tab scrolls the
                // focused node clear of the status bar, and the caption must stay on it.
                onPointerMove={() => setActive(node.id)}
                onMouseLeave={() => setActive((a) => (a === node.id ? null : a))}
              >
                <title>{label}</title>
                <NodeShape node={node} />
                {node.type === 'ending' ? (
                  <>
                    <text className="graph__kind" x={node.x + 20} y={node.y + 22}>
                      {kindLabel(node.endingKind).toUpperCase()}
                    </text>
                    <EndingGlyph node={node} />
                  </>
                ) : null}
                <text className="graph__label" x={node.x + node.width / 2} textAnchor="middle">
                  {node.lines.map((line, i) => (
                    <tspan
                      key={i}
                      x={node.x + node.width / 2}
                      y={node.y + firstLine + (maxLines - node.lines.length) * 10 + i * 20}
                    >
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption id={captionId} className="graph__caption" aria-live="polite">
        {activeNode ? describe(activeNode) : t('facilitate.graph.hint')}
      </figcaption>
      <details className="graph__list">
        <summary>{t('facilitate.graph.asList')}</summary>
        <ol>
          {layout.nodes
            .filter((n) => n.type === 'phase')
            .sort((a, b) => (phaseNumber.get(a.id) ?? 0) - (phaseNumber.get(b.id) ?? 0))
            .map((node) => (
              <li key={node.id}>{describe(node)}</li>
            ))}
        </ol>
        <ul>
          {layout.nodes
            .filter((n) => n.type === 'ending')
            .map((node) => (
              <li key={node.id}>{describe(node)}</li>
            ))}
        </ul>
      </details>
    </figure>
  );
}
