import { useTranslation } from 'react-i18next';
import type { Language, Text } from '@crossroads/shared';
import { useMessageLanguage } from '../components/FacilitatorMessage';
import { useLangMark } from '../components/InLanguage';
import { Tx } from './content';
import { usePlay } from './context';
import { useScenarioTime } from './useScenarioTime';
import { formatClock } from './format';

/** One entry of the updates feed: a released inject or a facilitator broadcast. */
export interface FeedItem {
  key: string;
  kind: 'inject' | 'broadcast';
  /** Sort key: the seq of the event that brought it (0 when unknown). */
  order: number;
  title: Text | null;
  body: Text;
  /** Scenario minute (injects) or wall-clock time (broadcasts). */
  minute: number | null;
  at: string | null;
  /** A broadcast's: the language it was written in (absent for older logs: the session's). */
  lang?: Language | undefined;
}

/**
 * Injects and broadcasts, newest first. Ordered by the seq of the event that brought each one:
 * the team's clock only moves forward, so this is also scenario-time order for the injects, and it
 * places each broadcast where it arrived among them. An inject the scenario released by itself
 * (timed, conditional, by effect) has no `inject.released` event; the view's `releasedSeq` names
 * the event whose step released it. Without either (an older server), the release minute orders.
 */
export function useFeed(): FeedItem[] {
  const { snapshot } = usePlay();
  const { view, events, broadcasts } = snapshot.state;
  const releasedSeq = new Map<string, number>();
  for (const event of events) {
    if (event.type === 'inject.released') releasedSeq.set(event.payload.inject, event.seq);
  }
  const items: FeedItem[] = [
    ...(view?.injects ?? []).map((inject) => ({
      key: `inject:${inject.id}`,
      kind: 'inject' as const,
      order: inject.releasedSeq ?? releasedSeq.get(inject.id) ?? 0,
      title: inject.title,
      body: inject.body,
      minute: inject.releasedAt,
      at: null,
    })),
    ...broadcasts.map((b) => ({
      key: `broadcast:${b.seq}`,
      kind: 'broadcast' as const,
      order: b.seq,
      title: null,
      body: b.message,
      minute: null,
      at: b.at,
      lang: b.lang,
    })),
  ];
  return items.sort((a, b) => b.order - a.order || (b.minute ?? 0) - (a.minute ?? 0));
}

/** The current phase, then situation updates and injects, newest first, unread ones marked. */
export function UpdatesPanel({ feed, showMarkAll }: { feed: FeedItem[]; showMarkAll: boolean }) {
  const { t, i18n } = useTranslation();
  const at = useScenarioTime();
  const { snapshot, read, marks } = usePlay();
  const written = useMessageLanguage();
  const mark = useLangMark();
  const view = snapshot.state.view;
  if (!view) return null;
  const unread = feed.filter((item) => !read.updates.includes(item.key));
  return (
    <div className="tr-updates">
      <div className="tr-phase">
        <h3>
          {t('play.updates.phase')} <Tx text={view.phase.title} />
        </h3>
        <Tx text={view.phase.description} as="div" className="tr-prose" />
      </div>
      {showMarkAll && unread.length > 0 ? (
        <p>
          <button
            type="button"
            className="button button--small"
            onClick={() => marks.markUpdates(feed.map((item) => item.key))}
          >
            {t('play.updates.markAll')}
          </button>
        </p>
      ) : null}
      {feed.length === 0 ? (
        <p className="tr-muted">{t('play.updates.none')}</p>
      ) : (
        <ol className="tr-feed" aria-label={t('play.updates.listLabel')}>
          {feed.map((item) => {
            const isNew = !read.updates.includes(item.key);
            return (
              <li
                key={item.key}
                className={isNew ? 'tr-card tr-card--new' : 'tr-card'}
                data-kind={item.kind}
                data-unread={isNew ? 'true' : undefined}
              >
                <article>
                  <p className="tr-card__meta">
                    {isNew ? <span className="tr-new">{t('play.updates.new')}</span> : null}
                    {item.kind === 'broadcast'
                      ? t('play.updates.fromFacilitator', {
                          time: item.at ? formatClock(item.at, i18n.resolvedLanguage) : '',
                        })
                      : t('play.updates.released', {
                          time: at(item.minute ?? 0),
                        })}
                  </p>
                  {item.title !== null ? <Tx text={item.title} as="h4" /> : null}
                  {item.kind === 'broadcast' && typeof item.body === 'string' ? (
                    // The facilitator's words, as written, marked with their language (not
                    // scenario content: no reading order to pick from).
                    <div className="tr-prose" lang={mark(written(item.lang) ?? 'en')}>
                      {item.body}
                    </div>
                  ) : (
                    <Tx text={item.body} as="div" className="tr-prose" />
                  )}
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
