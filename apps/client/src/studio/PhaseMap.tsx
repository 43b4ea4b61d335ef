import { useId, useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudioGraph } from '@crossroads/shared';
import { pickText } from '../facilitator/format';
import { layoutGraph } from '../facilitator/graphLayout';
import { endingFamily } from '../facilitator/ScenarioGraph';

/**
 * The phase graph as a map: phases and endings laid out left to right, each node a button that
 * opens its form. Under the map, every move with what causes it (option, request, inject,
 * condition, time limit), for reading and for keyboard users.
 */
export function PhaseMap({
  graph,
  onSelect,
}: {
  graph: StudioGraph;
  onSelect: (kind: 'phase' | 'ending', id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const titleId = useId();
  // Phase and ending titles in the page's language (English where the scenario has no translation).
  const phases = useMemo(
    () => graph.phases.map((p) => ({ id: p.id, title: pickText(p.title, language) })),
    [graph, language],
  );
  const endings = useMemo(
    () => graph.endings.map((e) => ({ ...e, title: pickText(e.title, language) })),
    [graph, language],
  );
  const concrete = useMemo(() => {
    const seen = new Set<string>();
    return graph.edges.filter((e) => {
      const key = `${e.from}>${e.to}`;
      if (e.from === '*' || e.from === e.to || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }, [graph]);
  const layout = useMemo(
    () => layoutGraph({ phases, endings, edges: concrete }),
    [phases, endings, concrete],
  );
  const names = new Map([
    ...phases.map((p) => [p.id, p.title] as const),
    ...endings.map((e) => [e.id, e.title] as const),
    ['*', t('studio.map.anyPhase')] as const,
  ]);
  const activate = (kind: 'phase' | 'ending', id: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(kind, id);
    }
  };

  if (layout.nodes.length === 0) return <p>{t('studio.map.empty')}</p>;
  return (
    <figure className="graph studio-map">
      <div className="graph__scroll" role="region" aria-label={t('studio.map.label')} tabIndex={0}>
        <svg
          className="graph__svg studio-map__svg"
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-labelledby={titleId}
        >
          <title id={titleId}>
            {t('studio.map.title', {
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
            {layout.edges.map((edge) => (
              <path
                key={`${edge.from}-${edge.to}`}
                d={edge.path}
                className={`graph__edge${edge.back ? ' graph__edge--back' : ''}${edge.implied ? ' graph__edge--implied' : ''}`}
                markerEnd={`url(#${titleId}-arrow)`}
              />
            ))}
          </g>
          {layout.nodes.map((node) => {
            const family = node.type === 'ending' ? endingFamily(node.endingKind) : null;
            return (
              <g
                key={node.id}
                className={`graph__node graph__node--${node.type}${family ? ` graph__node--${family}` : ''} studio-map__node`}
                data-node={node.id}
                tabIndex={0}
                role="button"
                aria-label={t(
                  node.type === 'phase' ? 'studio.map.openPhase' : 'studio.map.openEnding',
                  { title: node.title },
                )}
                onClick={() => onSelect(node.type, node.id)}
                onKeyDown={activate(node.type, node.id)}
              >
                <rect
                  x={node.x}
                  y={node.y}
                  width={node.width}
                  height={node.height}
                  rx={node.type === 'ending' ? 22 : 8}
                  className="graph__shape"
                />
                <text className="graph__label" x={node.x + node.width / 2} textAnchor="middle">
                  {node.lines.map((line, i) => (
                    <tspan key={i} x={node.x + node.width / 2} y={node.y + 34 + i * 20}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <h3>{t('studio.map.moves')}</h3>
        <ul className="studio-map__moves">
          {graph.edges.map((e, i) => (
            <li key={i}>
              {t('studio.map.move', {
                from: names.get(e.from) ?? e.from,
                to: names.get(e.to) ?? e.to,
                via: e.via,
              })}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
