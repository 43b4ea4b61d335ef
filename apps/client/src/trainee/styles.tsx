/**
 * Styles of the trainee screens (join, waiting room, briefing, play). They build on the app's
 * custom properties in styles.css and are adopted once as a constructed stylesheet (no <style>
 * element: the CSP allows none), so the trainee chunk carries its own CSS and tests need no CSS
 * loader.
 */
import { useInsertionEffect } from 'react';
import { adoptStyles } from '../lib/adoptStyles';

const css = `
.site-main:has(.tr-play) { max-width: 124rem; }
.tr-visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}
.tr-muted { color: var(--color-muted); }
.tr-nowrap { white-space: nowrap; }
/* One column that may shrink below its content: a card in the narrow requests column at 1024 px
   wraps its words instead of sticking out of the panel. */
.tr-plain-list { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--space-3); }
.tr-prose { white-space: pre-line; max-width: var(--measure); margin-bottom: var(--space-4); }
.tr-join { max-width: 44rem; }
.tr-panel {
  margin: 0 0 var(--space-5); padding: var(--space-4);
  background: var(--color-surface); border: 1px solid var(--color-border);
  border-radius: var(--radius); min-width: 0;
}
@media (min-width: 40rem) { .tr-panel { padding: var(--space-5); } }
.tr-panel > h2:first-child { font-size: 1.3rem; }
.tr-form { display: grid; gap: var(--space-4); }
.tr-field { display: grid; gap: var(--space-1); }
.tr-field label, .tr-chat__form label { font-weight: 700; }
.tr-hint { margin: 0; font-size: 0.9rem; color: var(--color-muted); }
.tr-input {
  font: inherit; width: 100%; min-height: 48px; padding: var(--space-2) var(--space-3);
  color: var(--color-text); background: var(--color-surface);
  border: 2px solid var(--color-border-strong); border-radius: var(--radius);
}
textarea.tr-input { resize: vertical; line-height: 1.45; }
.tr-input[aria-invalid='true'] { border-color: var(--color-error); }
.tr-input:disabled { background: var(--color-bg); }
.tr-input--code {
  font-size: 1.6rem; letter-spacing: 0.2em; text-transform: uppercase;
  font-variant-numeric: tabular-nums; max-width: 16rem;
}
.tr-error {
  margin: 0; padding: var(--space-2) var(--space-3); color: var(--color-error);
  border-left: 4px solid var(--color-error); background: #fdf0ef; font-weight: 600;
}
.tr-error__details { margin: var(--space-1) 0 0; padding-inline-start: 1.25em; font-weight: 400; }
.tr-counter { margin: 0; font-size: 0.8rem; color: var(--color-muted); text-align: right; max-width: none; }
.tr-choices { border: 0; margin: 0 0 var(--space-4); padding: 0; min-width: 0; }
.tr-choices legend { font-weight: 700; margin-bottom: var(--space-2); padding: 0; }
.tr-choice {
  display: flex; align-items: flex-start; gap: var(--space-3); min-height: 44px;
  padding: var(--space-2) var(--space-3); margin-bottom: var(--space-2);
  border: 2px solid var(--color-border); border-radius: var(--radius); cursor: pointer;
  background: var(--color-surface);
}
.tr-choice:has(input:checked) { border-color: var(--color-accent); background: var(--color-accent-soft); }
.tr-choice:has(input:disabled) { cursor: not-allowed; color: var(--color-muted); background: var(--color-bg); }
.tr-choice input { flex: none; width: 1.25rem; height: 1.25rem; margin: 0.2rem 0 0; accent-color: var(--color-accent); }
.tr-confidence { display: flex; flex-wrap: wrap; gap: 0 var(--space-2); }
.tr-confidence legend { width: 100%; }
.tr-confidence .tr-choice { flex: 0 0 auto; min-width: 3.4rem; align-items: center; }
.tr-actions { display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-3); margin: 0; }
.tr-link-button {
  font: inherit; color: var(--color-accent); background: none; border: 0; padding: var(--space-2);
  min-height: 44px; min-width: 44px; text-decoration: underline; cursor: pointer;
}
.tr-button--secondary, .tr-button--secondary:hover { background: var(--color-surface); color: var(--color-accent); }
.tr-button--secondary:hover { text-decoration: underline; }
.button:disabled { cursor: not-allowed; background: var(--color-border-strong); border-color: var(--color-border-strong); color: #fff; text-decoration: none; }
.tr-callout {
  padding: var(--space-3) var(--space-4); border-left: 6px solid var(--color-accent);
  background: var(--color-accent-soft); border-radius: var(--radius);
}
.tr-taken { margin-bottom: var(--space-3); }
.tr-taken p { margin: 0 0 var(--space-2); }
.tr-resume { display: flex; flex-wrap: wrap; justify-content: space-between; gap: var(--space-3); align-items: center; }
.tr-warnings {
  border-left: 6px solid var(--color-warning); padding: var(--space-3) var(--space-4);
  background: #fff8ec; border-radius: var(--radius); margin-bottom: var(--space-4);
}
.tr-warnings ul { margin: 0 0 var(--space-3); padding-left: 1.3rem; }
.tr-warnings h2, .tr-warnings h3 { color: var(--color-warning); }
.tr-loading { font-size: 1.1rem; color: var(--color-muted); }

/* Header: who and where */
.tr-head {
  display: flex; flex-wrap: wrap; gap: var(--space-3) var(--space-5); align-items: center;
  margin-bottom: var(--space-4); padding-bottom: var(--space-3); border-bottom: 2px solid var(--color-border);
}
.tr-head__who { flex: 1 1 18rem; min-width: 0; }
.tr-head__title { font-size: clamp(1.3rem, 1rem + 1.5vw, 2rem); margin-bottom: var(--space-1); }
.tr-head__seat { margin: 0; color: var(--color-muted); }
.tr-head__role { font-weight: 700; color: var(--color-text); }
.tr-head__clock {
  display: grid; grid-template-columns: auto auto; justify-content: start;
  gap: var(--space-1) var(--space-5); margin: 0;
}
.tr-head__phase { grid-column: 1 / -1; }
@media (min-width: 48rem) {
  .tr-head__clock { display: flex; flex-wrap: wrap; gap: var(--space-2) var(--space-5); }
}
/* Phones: title, seat, then one line of clock and status with the phase under it; the labels are
   read out but not shown (the values speak for themselves), so the case starts on the first screen. */
@media (max-width: 39.99rem) {
  .tr-head { gap: var(--space-2) var(--space-3); margin-bottom: var(--space-3); padding-bottom: var(--space-2); }
  .tr-head__title { font-size: 1.25rem; margin-bottom: 0; }
  .tr-head__seat { font-size: 0.9rem; }
  .tr-head__clock { display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-1) var(--space-3); }
  .tr-head__clock dt {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
  }
  .tr-head__phase { flex-basis: 100%; font-size: 0.9rem; }
  .tr-head__briefing { min-height: 36px; }
}
.tr-head__clock dt { font-size: 0.8rem; color: var(--color-muted); text-transform: uppercase; letter-spacing: 0.04em; }
.tr-head__clock dd { margin: 0; font-weight: 700; font-variant-numeric: tabular-nums; }
.tr-chip {
  display: inline-block; padding: 0 var(--space-2); border-radius: 999px; font-size: 0.85rem;
  font-weight: 700; border: 2px solid currentColor; white-space: nowrap; margin-left: var(--space-2);
}
.tr-head__clock .tr-chip { margin-left: 0; }
.tr-chip--running, .tr-chip--granted { color: var(--color-ok); }
.tr-chip--paused, .tr-chip--pending, .tr-chip--lobby { color: var(--color-warning); }
.tr-chip--ended, .tr-chip--refused { color: var(--color-error); }
.tr-chip--joint { color: var(--color-accent); font-size: 0.75rem; vertical-align: middle; }

/* Banners and answers */
.tr-banner-slot:empty { display: none; }
.tr-banner {
  margin: 0 0 var(--space-3); padding: var(--space-3) var(--space-4); border-radius: var(--radius);
  border-left: 6px solid; max-width: none;
}
.tr-banner--warning { border-color: var(--color-warning); background: #fff4e0; }
.tr-banner--broadcast {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--space-2);
  border-color: var(--color-brand); background: var(--color-accent-soft); font-size: 1.1rem;
}
.tr-banner--broadcast p { margin: 0; max-width: none; flex: 1 1 16rem; }
.tr-banner--paused { border-color: var(--color-warning); background: #fff4e0; font-size: 1.05rem; }
.tr-banner--error { border-color: var(--color-error); background: #fdf0ef; }
.tr-banner--ended { border-color: var(--color-brand); background: var(--color-accent-soft); }
.tr-feedback { display: flex; align-items: center; gap: var(--space-2); }
.tr-feedback--shown {
  padding: var(--space-1) var(--space-3); border-bottom: 2px solid var(--color-border-strong);
  background: var(--color-surface); box-shadow: var(--shadow);
}
.tr-feedback__text { margin: 0; flex: 1; max-width: none; }
.tr-ack { display: inline-flex; gap: var(--space-2); align-items: flex-start; }
.tr-ack .status-icon { margin-top: 0.2rem; }
.tr-ack--ok { color: var(--color-ok); font-weight: 600; }
.tr-ack--error { color: var(--color-error); }
.tr-inline-ack { margin: var(--space-2) 0 0; }
.tr-pending { color: var(--color-warning); font-weight: 600; }

/* Skip links to the sections: out of sight until reached with Tab, then over the top left corner
   (above the sticky bar) where the eye starts. */
.tr-skip__link:not(:focus) {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
.tr-skip__link:focus {
  position: fixed; top: 0; left: var(--space-3); z-index: 100;
  padding: var(--space-3) var(--space-4); background: var(--focus-ring); color: var(--focus-halo);
  font-weight: 700; border-radius: 0 0 var(--radius) var(--radius); text-decoration: underline;
}

/* What focus lands on in the play area scrolls clear of the sticky bar: its height is the page's
   scroll padding (useStickyInset), measured after each layout, so a bar that grows in the same
   update that moves focus (the answer to a command appearing as a request is sent) would still
   cover the target. The margin keeps room for that line. */
.tr-play :is(a[href], button, input, select, textarea, summary, [tabindex]) { scroll-margin-top: 3.5rem; }

/* Tabs (phones) and columns (wide screens) */
.tr-sticky { position: sticky; top: 0; z-index: 5; }
.tr-sticky .tr-banner { margin: 0; padding: var(--space-2) var(--space-3); font-size: 0.9rem; }
.tr-sticky-note {
  display: flex; align-items: center; gap: var(--space-2); margin: 0; padding: var(--space-1) var(--space-3); max-width: none; font-weight: 700; font-size: 0.9rem;
  color: var(--color-warning); background: #fff4e0; border-left: 6px solid var(--color-warning);
}
.tr-sticky-note--ended { color: var(--color-brand); background: var(--color-accent-soft); border-left-color: var(--color-brand); }
/* An opaque strip the width of the page: what scrolls goes under all of it, never shows beside
   (and half under) the chat button floating over the right column. */
.tr-columns__sticky {
  grid-column: 1 / -1; position: sticky; top: 0; z-index: 5;
  padding-bottom: var(--space-2); background: var(--color-bg); border-bottom: 1px solid var(--color-border);
}
.tr-columns__sticky .tr-sticky { position: static; }
/* Wide screens: the chat hangs below the sticky bar, over the right column, when opened. */
.tr-chatdock { display: flex; justify-content: flex-end; padding-top: var(--space-1); }
.tr-chatdock__toggle { gap: var(--space-2); box-shadow: var(--shadow); }
.tr-chatdock__panel {
  position: absolute; top: 100%; right: 0; z-index: 6; width: min(30rem, 100%);
  max-height: calc(100vh - 10rem); overflow-y: auto; padding: var(--space-4);
  background: var(--color-surface); border: 2px solid var(--color-accent); border-radius: var(--radius);
  box-shadow: var(--shadow-raised);
}
.tr-chatdock__panel[hidden] { display: none; }
.tr-chatdock__head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--space-2); margin-bottom: var(--space-3); }
.tr-chatdock__head h2 { margin: 0; font-size: 1.3rem; }
.tr-chatdock .tr-chat__list { max-height: min(45vh, 26rem); }
/* Every tab in view, never scrolled off the edge: the tabs share the width, each as narrow as its
   word (the short ones give way to a long one, as Macedonian's "Известувања"), and the bar wraps
   onto a second row rather than hide one when even that is too wide (large text, zoom). */
.tr-tablist {
  display: flex; flex-wrap: wrap; gap: 2px; padding: var(--space-1); background: var(--color-brand);
}
.tr-tabs > .tr-sticky, .tr-play > .tr-sticky { margin: 0 calc(-1 * var(--space-4)) var(--space-3); }
@media (min-width: 40rem) {
  .tr-tabs > .tr-sticky, .tr-play > .tr-sticky { margin-inline: 0; }
  .tr-tablist { border-radius: var(--radius); }
}
.tr-tab {
  position: relative; flex: 1 1 auto; font: inherit; font-size: 0.78rem; line-height: 1.15;
  min-height: 52px; min-width: 44px; padding: var(--space-1) 2px; color: var(--color-brand-text);
  background: transparent; border: 2px solid transparent; border-radius: var(--radius); cursor: pointer;
  display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 2px;
}
.tr-tab[aria-selected='true'] {
  background: var(--color-surface); color: var(--color-brand); border-color: var(--color-accent-bright);
  box-shadow: inset 0 -4px 0 var(--color-accent);
}
.tr-tab:hover { text-decoration: underline; }
.tr-tab__label { text-align: center; word-break: keep-all; overflow-wrap: normal; hyphens: manual; }
.tr-badge {
  display: inline-flex; align-items: center; justify-content: center; min-width: 1.4rem; height: 1.4rem;
  padding: 0 0.3rem; border-radius: 999px; font-size: 0.75rem; font-weight: 800;
  color: #fff; background: var(--color-error); border: 2px solid #fff;
}
.tr-tabpanel { padding: var(--space-3); }
.tr-tabpanel:focus-visible { outline-offset: -3px; }
.tr-columns {
  display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1.2fr) minmax(0, 1fr);
  gap: var(--space-4); align-items: start;
}
.tr-column { min-width: 0; }
.tr-column .tr-panel > h2 { display: flex; align-items: center; gap: var(--space-2); }

/* Cards, feed, case file */
.tr-card {
  padding: var(--space-3); border: 1px solid var(--color-border); border-radius: var(--radius);
  background: var(--color-surface);
}
.tr-card p:last-child, .tr-card .tr-prose:last-child { margin-bottom: 0; }
.tr-card--new { border-left: 6px solid var(--color-accent); }
.tr-card__meta { font-size: 0.85rem; color: var(--color-muted); margin-bottom: var(--space-1); }
.tr-card h4 { margin-bottom: var(--space-2); font-size: 1.1rem; }
.tr-new {
  display: inline-block; margin-right: var(--space-2); padding: 0 var(--space-2); border-radius: 999px;
  background: var(--color-accent); color: #fff; font-weight: 800; font-size: 0.75rem; text-transform: uppercase;
}
.tr-feed { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-3); }
.tr-phase { margin-bottom: var(--space-4); padding: var(--space-3); background: var(--color-accent-soft); border-radius: var(--radius); }
.tr-phase h3 { font-size: 1.1rem; margin-bottom: var(--space-2); }
.tr-phase .tr-prose { margin-bottom: 0; }
.tr-casefile h3, .tr-requests h3 { font-size: 1.1rem; margin: var(--space-4) 0 var(--space-2); }
.tr-casefile h3:first-child, .tr-requests h3:first-child { margin-top: 0; }
.tr-item { border: 1px solid var(--color-border); border-radius: var(--radius); background: var(--color-surface); }
.tr-item > summary {
  padding: var(--space-2) var(--space-3); min-height: 44px; cursor: pointer; list-style-position: inside;
}
.tr-item[open] > summary { border-bottom: 1px solid var(--color-border); }
.tr-item > :not(summary) { margin-left: var(--space-3); margin-right: var(--space-3); }
.tr-item > :last-child { margin-bottom: var(--space-3); }
.tr-item > .tr-prose, .tr-item > .tr-dl { margin-top: var(--space-3); }
.tr-item__title { font-weight: 700; }
.tr-subhead { font-size: 0.95rem; margin: var(--space-3) var(--space-3) var(--space-2); }
.tr-dl { margin: 0 0 var(--space-2); display: grid; gap: var(--space-1); }
.tr-dl > div { display: grid; grid-template-columns: minmax(7rem, 30%) 1fr; gap: var(--space-2); }
.tr-dl dt { color: var(--color-muted); }
.tr-dl dd { margin: 0; overflow-wrap: anywhere; }
.tr-provenance { list-style: none; padding: 0; display: grid; gap: var(--space-1); }
.tr-prov { display: flex; gap: var(--space-2); align-items: baseline; }
.tr-prov__mark {
  flex: none; display: inline-flex; width: 1.3rem; height: 1.3rem; align-items: center; justify-content: center;
  border-radius: 50%; font-size: 0.8rem; font-weight: 800; color: #fff; background: var(--color-ok);
}
.tr-prov--concern .tr-prov__mark { background: var(--color-warning); border-radius: 3px; }
.tr-prov--concern { color: var(--color-warning); font-weight: 600; }
.tr-prov__field { color: var(--color-muted); font-weight: 400; }

/* Decisions and requests */
.tr-decision {
  padding: var(--space-4); margin-bottom: var(--space-4); border: 2px solid var(--color-border);
  border-top: 6px solid var(--color-accent); border-radius: var(--radius); background: var(--color-surface);
}
.tr-decision[data-enabled='false'] { border-top-color: var(--color-border-strong); }
.tr-decision h3 { font-size: 1.15rem; margin-bottom: var(--space-2); }
.tr-decision form { display: grid; gap: var(--space-3); }
.tr-decision .tr-choices { margin-bottom: 0; }
.tr-option .tr-choice { margin-bottom: var(--space-1); }
.tr-whynot {
  margin: 0 0 var(--space-3); padding: var(--space-2) var(--space-3); font-size: 0.9rem;
  border-left: 4px solid var(--color-border-strong); background: var(--color-bg);
}
.tr-whynot--option { margin: 0 0 var(--space-2) var(--space-5); }
.tr-joint { margin-bottom: var(--space-3); padding: var(--space-2) var(--space-3); background: var(--color-accent-soft); border-radius: var(--radius); }
.tr-joint__lead { margin-bottom: var(--space-1); font-weight: 600; }
.tr-closed > summary { min-height: 44px; padding: var(--space-2) 0; cursor: pointer; font-weight: 700; color: var(--color-accent); }
.tr-record h3 { font-size: 1.1rem; }
.tr-rationale {
  margin: var(--space-2) 0; padding: var(--space-2) var(--space-3); border-left: 4px solid var(--color-border-strong);
  white-space: pre-line; overflow-wrap: anywhere; background: var(--color-bg);
}
.tr-hint-box { padding: var(--space-2) var(--space-3); border-left: 4px solid var(--color-ok); background: #eef7f1; }
.tr-hint-box ul { margin: var(--space-1) 0 0; padding: 0; list-style: none; display: grid; gap: var(--space-2); }
.tr-hint-box li > p { margin: var(--space-1) 0; }
.tr-hint-box .delta {
  display: inline-flex; align-items: center; gap: 0.3em; padding: 0 var(--space-2); margin-right: var(--space-1);
  border-radius: var(--radius); font-weight: 700; border: 1px solid currentColor; background: #ffffff;
}
.tr-hint-box .delta--gain { color: var(--color-ok); }
.tr-hint-box .delta--loss { color: var(--color-error); }
.tr-hint-box .tag--red { color: var(--color-error); font-weight: 700; }
.tr-hint-box .legal { font-size: 0.95rem; color: var(--color-brand); }
.tr-hint-box .legal__label { font-weight: 700; }
.tr-hint-box .legal__list, .tr-hint-box .legal__list li { display: inline; margin: 0; padding: 0; }
.tr-request__head { display: flex; flex-wrap: wrap; gap: var(--space-2); align-items: center; margin-bottom: var(--space-1); }
.tr-request__head .tr-chip { margin-left: 0; white-space: normal; border-radius: var(--radius); }
.tr-request__why-label { font-weight: 700; }
.tr-request__body { margin: var(--space-1) 0 var(--space-2); white-space: pre-line; overflow-wrap: anywhere; }
.tr-request__earlier { margin-top: var(--space-2); padding-top: var(--space-2); border-top: 1px solid var(--color-border); }
.tr-request__earlier > p { margin-bottom: var(--space-1); }
.tr-answer { display: grid; gap: var(--space-2); margin-top: var(--space-2); }

/* Chat */
.tr-chat { display: grid; gap: var(--space-3); }
.tr-chat__list {
  list-style: none; margin: 0; padding: var(--space-2); display: flex; flex-direction: column; gap: var(--space-2);
  max-height: min(55vh, 32rem); overflow-y: auto; background: var(--color-bg); border-radius: var(--radius);
  border: 1px solid var(--color-border);
}
.tr-msg { max-width: 90%; padding: var(--space-2) var(--space-3); border-radius: var(--radius-large); background: var(--color-surface); border: 1px solid var(--color-border); }
.tr-msg--mine { align-self: flex-end; background: var(--color-accent-soft); border-color: var(--color-accent); }
.tr-msg--pending { border-style: dashed; }
.tr-msg__meta { margin: 0; font-size: 0.8rem; color: var(--color-muted); }
.tr-msg__name { font-weight: 700; color: var(--color-text); }
.tr-msg__at { color: var(--color-text); font-variant-numeric: tabular-nums; white-space: nowrap; }
.tr-msg__sent { white-space: nowrap; }
.tr-msg__text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.tr-chat__form { display: grid; gap: var(--space-1); }
.tr-chat__row { display: flex; gap: var(--space-2); align-items: flex-end; }
.tr-chat__row .tr-input { flex: 1; }
.tr-waiting .tr-members li { padding: var(--space-1) 0; border-bottom: 1px solid var(--color-border); }
.tr-briefing { max-width: 52rem; }
.tr-briefing h3 { margin-top: var(--space-5); font-size: 1.15rem; }
@media (forced-colors: active) {
  .tr-badge, .tr-new, .tr-chip, .tr-tab[aria-selected='true'] { border: 2px solid CanvasText; }
}
`;

/** Adopts the trainee styles into the document (once) before the screens lay out; renders nothing. */
export function TraineeStyles() {
  useInsertionEffect(() => adoptStyles('crossroads-trainee', css), []);
  return null;
}
