import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useStickyInset } from '../components/useStickyInset';
import { CaseFilePanel } from './CaseFilePanel';
import { ChatPanel, unreadChat } from './ChatPanel';
import { StickyBar } from './ConnectionBanner';
import { usePlay } from './context';
import { DecisionsPanel } from './DecisionsPanel';
import { useDraft, useMediaQuery } from './hooks';
import { RequestsPanel } from './RequestsPanel';
import { UpdatesPanel, useFeed } from './UpdatesPanel';

export const TABS = ['updates', 'casefile', 'decisions', 'requests', 'chat'] as const;
export type PlayTab = (typeof TABS)[number];

/** The sections the skip links at the top of the play screen lead to. */
export const SKIP_TARGETS = ['decisions', 'requests', 'chat'] as const;
export type SkipTarget = (typeof SKIP_TARGETS)[number];
/** Set by the play area while it shows: moves focus to a section (the skip links call it). */
export type SkipHandle = RefObject<((target: SkipTarget) => void) | null>;

/** Focus on a section's heading or container, scrolled to the top of the view (clear of the bars). */
function focusSection(element: HTMLElement | null | undefined) {
  if (!element) return;
  element.focus({ preventScroll: true });
  // jsdom has no scrollIntoView.
  if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'start' });
}

/**
 * Skip links, the first stops of the play screen: on three columns the case file alone holds a
 * dozen and more stops before the decisions. Hidden until focused. Each leads to its section
 * (on a phone, by selecting the section's tab) with focus on it.
 */
export function SkipLinks({ skipRef }: { skipRef: SkipHandle }) {
  const { t } = useTranslation();
  return (
    <nav className="tr-skip" aria-label={t('play.skip.label')}>
      {SKIP_TARGETS.map((target) => (
        <a
          key={target}
          className="tr-skip__link"
          href={`#tr-section-${target}`}
          data-skip={target}
          onClick={(event) => {
            event.preventDefault();
            skipRef.current?.(target);
          }}
        >
          {t(`play.skip.${target}`)}
        </a>
      ))}
    </nav>
  );
}

/** Wide screens (laptops, projectors) show every section side by side; phones get tabs. */
export const WIDE_QUERY = '(min-width: 64rem)';

/** A column's section that a skip link leads to: its heading takes the focus (see focusSection). */
function TargetSection({
  section,
  headingId,
  headingRef,
  heading,
  children,
}: {
  section: Exclude<SkipTarget, 'chat'>;
  headingId: string;
  headingRef: (element: HTMLHeadingElement | null) => void;
  heading: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="tr-panel" id={`tr-section-${section}`} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} data-section={section}>
        {heading}
      </h2>
      {children}
    </section>
  );
}

const isTab = (value: string): value is PlayTab => (TABS as readonly string[]).includes(value);

function Badge({ n, label }: { n: number; label: string }) {
  if (n <= 0) return null;
  return (
    <>
      <span className="tr-badge" aria-hidden="true">
        {n}
      </span>
      <span className="tr-visually-hidden">({label})</span>
    </>
  );
}

/**
 * Team chat on a wide screen: a button in the sticky bar (with the unread count) opens the chat as
 * a panel hanging below it, so it is one click or key away wherever the page is scrolled. Opening
 * puts the cursor in the message box; Escape or the close button closes it and returns focus, and
 * focus moving on past it closes it too.
 */
function ChatDock({
  unread,
  chat,
  openerRef,
}: {
  unread: number;
  chat: (open: boolean) => ReactNode;
  /** Set to a function that opens the chat with the cursor in the message box (the skip link). */
  openerRef: RefObject<(() => void) | null>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);

  const focusBox = () =>
    panelRef.current
      ?.querySelector<HTMLTextAreaElement>('textarea')
      ?.focus({ preventScroll: true });
  useEffect(() => {
    if (!open) return;
    focusBox();
    // The panel hangs below the bar: near the top of the page (a banner above the bar) it runs
    // past the foot of the window, its message box under the status bar. Scrolled as little as
    // needed to show it whole (the page keeps room for the status bar); jsdom has none.
    const panel = panelRef.current;
    if (panel && typeof panel.scrollIntoView === 'function')
      panel.scrollIntoView({ block: 'nearest' });
  }, [open]);
  useEffect(() => {
    openerRef.current = () => {
      if (open) focusBox();
      else setOpen(true);
    };
    return () => {
      openerRef.current = null;
    };
  }, [open, openerRef]);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  return (
    // The open chat hangs over the right column: once focus goes on past it (Tab, or a click on
    // another control), it closes, so focus never lands on a control it covers.
    <div
      className="tr-chatdock"
      onBlur={(event) => {
        const next = event.relatedTarget;
        if (open && next instanceof Node && !event.currentTarget.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="button button--small tr-chatdock__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        data-chat-toggle=""
        onClick={() => setOpen(!open)}
      >
        {t('play.chat.title')}
        <Badge n={unread} label={t('play.tabs.unread', { n: unread })} />
      </button>
      <section
        ref={panelRef}
        id={panelId}
        className="tr-chatdock__panel"
        aria-labelledby={`${panelId}-title`}
        hidden={!open}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
      >
        <div className="tr-chatdock__head">
          <h2 id={`${panelId}-title`}>{t('play.chat.title')}</h2>
          <button type="button" className="button button--small button--secondary" onClick={close}>
            {t('play.chat.close')}
          </button>
        </div>
        {chat(open)}
      </section>
    </div>
  );
}

/** The play area: case file, updates, decisions, requests and team chat. */
export function PlayArea({
  headingRef,
  skipRef,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  skipRef: SkipHandle;
}) {
  const { t } = useTranslation();
  const { session, snapshot, read, marks, finished } = usePlay();
  const wide = useMediaQuery(WIDE_QUERY);
  const [storedTab, setStoredTab] = useDraft(session.drafts, 'ui.tab');
  const tab: PlayTab = isTab(storedTab) ? storedTab : 'updates';
  const feed = useFeed();
  const baseId = useId();
  const tabRefs = useRef<Partial<Record<PlayTab, HTMLButtonElement | null>>>({});
  const stickyRef = useStickyInset('top');
  const choose = (next: PlayTab) => {
    if (tab === 'updates' && next !== 'updates') marks.markUpdates(feed.map((item) => item.key));
    setStoredTab(next);
  };

  const sectionRefs = useRef<Partial<Record<SkipTarget, HTMLElement | null>>>({});
  const panelRef = useRef<HTMLDivElement>(null);
  const chatOpener = useRef<(() => void) | null>(null);
  // A skip link on a phone selects the tab; focus moves once its panel shows.
  const focusPanel = useRef(false);
  useEffect(() => {
    if (!focusPanel.current) return;
    focusPanel.current = false;
    focusSection(panelRef.current);
  });
  useEffect(() => {
    skipRef.current = (target) => {
      if (wide) {
        if (target === 'chat') chatOpener.current?.();
        else focusSection(sectionRefs.current[target]);
        return;
      }
      if (tab === target) {
        focusSection(panelRef.current);
        return;
      }
      focusPanel.current = true;
      choose(target);
    };
    return () => {
      skipRef.current = null;
    };
  });
  const view = snapshot.state.view;
  if (!view) return null;

  const unreadUpdates = feed.filter((item) => !read.updates.includes(item.key)).length;
  // Once the run or the session has ended nothing can be decided or answered any more: the tabs
  // stop counting "open" decisions and requests "waiting for your answer" (the view may still
  // list them as enabled, the session's end being no engine state).
  const openDecisions = finished ? 0 : view.decisions.filter((d) => d.enabled).length;
  const incoming = finished
    ? 0
    : view.requests.filter((r) => r.direction === 'incoming' && r.status === 'pending').length;
  const unreadMessages = unreadChat(snapshot.state.chat, read.chatSeq, snapshot.state.identity);

  const badges: Record<PlayTab, ReactNode> = {
    updates: <Badge n={unreadUpdates} label={t('play.tabs.unread', { n: unreadUpdates })} />,
    casefile: null,
    decisions: <Badge n={openDecisions} label={t('play.tabs.open', { n: openDecisions })} />,
    requests: <Badge n={incoming} label={t('play.tabs.waiting', { n: incoming })} />,
    chat: <Badge n={unreadMessages} label={t('play.tabs.unread', { n: unreadMessages })} />,
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.indexOf(tab);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
    if (event.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = TABS.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    const target = TABS[next] ?? 'updates';
    choose(target);
    tabRefs.current[target]?.focus();
  };

  const panels: Record<PlayTab, ReactNode> = {
    updates: <UpdatesPanel feed={feed} showMarkAll={wide} />,
    casefile: <CaseFilePanel />,
    decisions: <DecisionsPanel />,
    requests: <RequestsPanel />,
    chat: <ChatPanel visible={tab === 'chat'} />,
  };

  const heading = (
    <h2 className="tr-visually-hidden" ref={headingRef} tabIndex={-1}>
      {t('play.area')}
    </h2>
  );

  if (wide) {
    return (
      <div className="tr-columns" data-layout="columns">
        {heading}
        <div className="tr-columns__sticky" ref={stickyRef}>
          <StickyBar inset={false} />
          <ChatDock
            unread={unreadMessages}
            chat={(open) => <ChatPanel visible={open} />}
            openerRef={chatOpener}
          />
        </div>
        <div className="tr-column">
          <section className="tr-panel" aria-labelledby={`${baseId}-updates`}>
            <h2 id={`${baseId}-updates`}>
              {t('play.tabs.updates')} {badges.updates}
            </h2>
            {panels.updates}
          </section>
          <section className="tr-panel" aria-labelledby={`${baseId}-casefile`}>
            <h2 id={`${baseId}-casefile`}>{t('play.tabs.casefile')}</h2>
            {panels.casefile}
          </section>
        </div>
        <div className="tr-column">
          <TargetSection
            section="decisions"
            headingId={`${baseId}-decisions`}
            headingRef={(element) => {
              sectionRefs.current.decisions = element;
            }}
            heading={t('play.tabs.decisions')}
          >
            {panels.decisions}
          </TargetSection>
        </div>
        <div className="tr-column">
          <TargetSection
            section="requests"
            headingId={`${baseId}-requests`}
            headingRef={(element) => {
              sectionRefs.current.requests = element;
            }}
            heading={
              <>
                {t('play.tabs.requests')} {badges.requests}
              </>
            }
          >
            {panels.requests}
          </TargetSection>
        </div>
      </div>
    );
  }

  return (
    <div className="tr-tabs" data-layout="tabs">
      {heading}
      <StickyBar>
        <div className="tr-tablist" role="tablist" aria-label={t('play.tabs.label')}>
          {TABS.map((name) => (
            <button
              key={name}
              ref={(element) => {
                tabRefs.current[name] = element;
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={tab === name ? `${baseId}-panel-${name}` : undefined}
              tabIndex={tab === name ? 0 : -1}
              className="tr-tab"
              onClick={() => choose(name)}
              onKeyDown={onKeyDown}
            >
              <span className="tr-tab__label">{t(`play.tabs.${name}`)}</span>
              {badges[name]}
            </button>
          ))}
        </div>
      </StickyBar>
      <div
        ref={panelRef}
        className="tr-panel tr-tabpanel"
        role="tabpanel"
        id={`${baseId}-panel-${tab}`}
        aria-labelledby={`${baseId}-tab-${tab}`}
        tabIndex={0}
      >
        {panels[tab]}
      </div>
    </div>
  );
}
