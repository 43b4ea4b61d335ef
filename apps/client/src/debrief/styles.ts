import { useInsertionEffect } from 'react';
import { adoptStyles } from '../lib/adoptStyles';

/*
 * Styles of the debrief pages. They live here, adopted once as a constructed stylesheet, because the
 * client's jest setup cannot import .css files and the debrief components are rendered in
 * component tests. Class names are prefixed by area (debrief-, tl-, team-card, …) to stay apart
 * from the rest of the app. Colour is never the only signal: every state also has a word or icon.
 */
export const DEBRIEF_CSS = `
.debrief { display: grid; gap: var(--space-5); }
.debrief .muted { color: var(--color-muted); }
.debrief p { max-width: 60rem; }
/* Grid lists: one column that may shrink below its content (long ids and labels wrap instead). */
.debrief .items, .debrief .elements, .debrief .path, .debrief .decision-points__list,
.debrief .options, .debrief .evidence-list, .debrief-list { grid-template-columns: minmax(0, 1fr); }
.debrief .item, .debrief .element, .debrief .option, .debrief .decision-point { overflow-wrap: anywhere; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}
.debrief-header__kicker {
  margin: 0; font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em;
  font-size: 0.85rem; color: var(--color-accent);
}
.debrief-header h1 { margin-bottom: var(--space-3); font-size: clamp(1.5rem, 1.1rem + 1.6vw, 2.2rem); }
.debrief-header .facts { margin-bottom: var(--space-3); }
.exports .button { min-height: 44px; padding: var(--space-1) var(--space-4); }
.facts {
  display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 8.5rem), 1fr));
  gap: var(--space-2) var(--space-4); margin: 0 0 var(--space-4);
}
.facts div { min-width: 0; }
.facts--session div:first-child { grid-column: 1 / -1; }
.facts--session [data-session-fact='title'] dd { font-size: 1.15rem; }
.facts dt { font-size: 0.8rem; color: var(--color-muted); font-weight: 600; }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.facts__id { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 0.85rem; }
.notice {
  padding: var(--space-2) var(--space-3); border-left: 5px solid var(--color-accent);
  background: var(--color-accent-soft); border-radius: var(--radius);
}
.notice--projection p { margin: 0; }
.notice--projection p + p { margin-top: var(--space-2); }
.refresh-status { margin: var(--space-2) 0 0; }
.refresh-status:empty { margin: 0; }
.exports { margin-top: var(--space-3); }
.exports__buttons { display: flex; flex-wrap: wrap; gap: var(--space-2); }
.exports__message { min-height: 1.5em; margin: var(--space-2) 0 0; }
.exports__message--error { color: var(--color-error); font-weight: 700; }
.button--secondary { color: var(--color-accent); background: var(--color-surface); }
/* Same as the console's: dark text on the soft accent (white text on it could not be read). */
.button--secondary:hover { color: var(--color-accent-hover); background: var(--color-accent-soft); }
.button--quiet { color: var(--color-text); background: transparent; border-color: var(--color-border-strong); }
.button[disabled],
.button[aria-disabled='true'] { opacity: 0.6; cursor: progress; }
.debrief-nav ul {
  list-style: none; margin: 0; padding: var(--space-2); display: flex; flex-wrap: wrap;
  gap: var(--space-2); background: var(--color-surface); border: 1px solid var(--color-border);
  border-radius: var(--radius);
}
.debrief-nav a {
  display: inline-flex; align-items: center; min-height: 44px; padding: 0 var(--space-3);
  font-weight: 600; border-radius: var(--radius);
}
.debrief-section {
  background: var(--color-surface); border: 1px solid var(--color-border);
  border-radius: var(--radius-large); padding: var(--space-5) var(--space-4);
  scroll-margin-top: 4.5rem; min-width: 0;
}
@media (min-width: 40rem) { .debrief-section { padding: var(--space-5); } }
.debrief-section:focus { outline: none; box-shadow: none; }
.debrief-section:focus-visible { outline: 3px solid var(--focus-ring); outline-offset: 2px; }
.lead-small { color: var(--color-muted); }
.debrief-block { margin-top: var(--space-5); }
.team-cards {
  list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-4);
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
}
.team-card {
  display: flex; flex-direction: column; gap: var(--space-2); padding: var(--space-4);
  border: 2px solid var(--color-border); border-top: 6px solid var(--color-accent);
  border-radius: var(--radius-large); background: var(--color-surface); min-width: 0;
}
.team-card--selected { border-color: var(--color-accent); box-shadow: var(--shadow-raised); }
.team-card--red { border-top-color: var(--color-error); }
.team-card__name { margin: 0; font-size: 1.3rem; }
.team-card__outcome { margin: 0; }
.team-card .button { align-self: flex-start; margin-top: auto; }
.red-flag {
  margin: 0; padding: var(--space-1) var(--space-2); font-weight: 800; color: #ffffff;
  background: var(--color-error); border-radius: var(--radius); text-transform: uppercase;
  letter-spacing: 0.03em; font-size: 0.9rem;
}
.score { display: grid; gap: var(--space-1); }
.score__head { display: flex; justify-content: space-between; align-items: baseline; gap: var(--space-2); }
.score__label { font-weight: 700; }
.score__value strong { font-size: 1.6rem; font-variant-numeric: tabular-nums; }
.score__scale { color: var(--color-muted); }
.score__bar, .element__bar {
  height: 0.7rem; background: #e3e8ee; border-radius: 999px; overflow: hidden;
  border: 1px solid var(--color-border-strong);
}
.score__fill { height: 100%; background: var(--color-accent); }
.element__fill { height: 100%; background: var(--color-ok); }
.score__capped { margin: 0; color: var(--color-error); font-weight: 700; }
.team-picker {
  display: flex; flex-wrap: nowrap; align-items: center; gap: var(--space-3);
  position: sticky; top: 0; z-index: 5; padding: var(--space-2) var(--space-3);
  background: var(--color-brand); color: var(--color-brand-text); border-radius: var(--radius);
}
.team-picker label { font-weight: 700; white-space: nowrap; }
.team-picker select { min-width: 0; flex: 0 1 24rem; }
.debrief select {
  font: inherit; min-height: 44px; padding: var(--space-1) var(--space-2); max-width: 100%;
  border: 2px solid var(--color-border-strong); border-radius: var(--radius);
  background: var(--color-surface); color: var(--color-text);
}
.team-detail__scores {
  display: grid; gap: var(--space-4);
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
}
.score-card { padding: var(--space-4); border: 1px solid var(--color-border); border-radius: var(--radius); }
.score-card p { margin: var(--space-2) 0 0; }
.method summary, .tl-row__items summary {
  cursor: pointer; font-weight: 600; color: var(--color-accent); min-height: 44px;
  display: flex; align-items: center;
}
.method code {
  display: block; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.8rem;
  background: var(--color-bg); padding: var(--space-2); border-radius: var(--radius);
}
.method--global { margin-top: var(--space-4); }
.red-lines {
  margin-bottom: var(--space-5); padding: var(--space-4); border: 3px solid var(--color-error);
  border-left-width: 12px; border-radius: var(--radius); background: #fff3f2;
}
.red-flag .icon-stop { --icon-mark: var(--color-error); }
.icon-stop { flex: none; width: 1.1em; height: 1.1em; vertical-align: -0.15em; }
.red-lines h3 { color: var(--color-error); text-transform: uppercase; letter-spacing: 0.02em; }
.red-lines__cap { font-weight: 700; }
.red-lines__list { padding-left: 1.4rem; }
.red-lines__list > li { margin-bottom: var(--space-3); }
.red-lines__title { margin-bottom: 0; }
.tag {
  display: inline-flex; align-items: center; gap: 0.2em; padding: 0 var(--space-2);
  border-radius: 999px; font-size: 0.8rem; font-weight: 700; border: 1px solid currentColor;
  white-space: nowrap; vertical-align: middle;
}
.tag--admissible, .tag--strength-corroborated, .tag--best { color: var(--color-ok); background: #eaf5ee; }
.tag--weakened, .tag--strength-single_source, .tag--strength-weak { color: var(--color-warning); background: #fdf3e4; }
.tag--excluded, .tag--strength-none, .tag--red, .tag--off { color: var(--color-error); background: #fdeceb; }
.tag--strength-not_in_scenario { color: var(--color-muted); }
.tag--mine { color: var(--color-brand); background: var(--color-accent-soft); }
.tag--off { white-space: normal; border-radius: var(--radius); display: inline; padding: 0 var(--space-1); }
.elements { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-4); }
.element { padding: var(--space-3) var(--space-4); border: 1px solid var(--color-border); border-radius: var(--radius); }
.element__head { display: flex; flex-wrap: wrap; align-items: baseline; gap: var(--space-2) var(--space-3); margin-bottom: var(--space-2); }
.element__name { margin: 0; font-size: 1.05rem; }
.element__score { color: var(--color-muted); font-size: 0.9rem; }
.evidence-list { list-style: none; padding: 0; margin: var(--space-3) 0 0; display: grid; gap: var(--space-2); }
.evidence__title { font-weight: 600; }
.evidence__when { font-size: 0.85rem; }
.evidence__reasons { margin: var(--space-1) 0 0; padding-left: 1.4rem; color: var(--color-error); }
.missed { padding-left: 1.4rem; }
.left-best { padding: var(--space-2) var(--space-3); background: #fdf3e4; border-left: 5px solid var(--color-warning); border-radius: var(--radius); }
.table-scroll { position: relative; max-width: 100%; overflow-x: auto; margin: var(--space-3) 0; }
.table-scroll:focus-visible { outline: 3px solid var(--focus-ring); }
.data-table { border-collapse: collapse; min-width: 100%; font-size: 0.95rem; }
.data-table caption { text-align: left; font-weight: 700; padding-bottom: var(--space-2); }
.data-table th, .data-table td {
  text-align: left; vertical-align: top; padding: var(--space-2) var(--space-3);
  border-bottom: 1px solid var(--color-border);
}
.data-table thead th { border-bottom: 2px solid var(--color-brand); color: var(--color-brand); }
.data-table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.matrix { font-size: 0.85rem; }
.matrix th[scope='row'] { min-width: 12rem; }
.matrix td { min-width: 11rem; }
.matrix__selected { background: var(--color-accent-soft); }
.matrix__split th[scope='row'] { border-left: 5px solid var(--color-warning); }
.matrix__split-mark { font-weight: 400; color: var(--color-warning); }
.matrix__best { color: var(--color-ok); font-weight: 700; }
.filters { min-inline-size: 0; min-width: 0; border: 1px solid var(--color-border); border-radius: var(--radius); padding: var(--space-2) var(--space-4) var(--space-3); margin: 0 0 var(--space-3); }
.filters legend { font-weight: 700; padding: 0 var(--space-1); }
.filters__row { display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--space-3) var(--space-4); }
.filters__row label:not(.filters__check) {
  display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--space-1); font-weight: 600;
  flex: 1 1 14rem; min-width: 0; max-width: 26rem;
}
.filters__row select { width: 100%; }
.filters__check { display: inline-flex; align-items: center; gap: var(--space-2); min-height: 44px; font-weight: 600; }
.filters__check input { width: 1.3rem; height: 1.3rem; }
.timeline__count { font-weight: 600; }
.timeline__list { list-style: none; margin: 0; padding: 0; border-left: 3px solid var(--color-border); }
.tl-row {
  display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--space-1);
  padding: var(--space-3) var(--space-3) var(--space-3) var(--space-4); position: relative;
  border-bottom: 1px solid var(--color-border);
}
@media (min-width: 48rem) { .tl-row { grid-template-columns: 8.5rem minmax(0, 1fr); gap: var(--space-4); } }
.tl-row::before {
  content: ''; position: absolute; left: -0.5rem; top: 1.1rem; width: 0.8rem; height: 0.8rem;
  border-radius: 50%; background: var(--color-accent); border: 2px solid var(--color-surface);
}
.tl-row--red { background: #fff3f2; }
.tl-row--red::before { background: var(--color-error); border-radius: 2px; }
.tl-row__time { margin: 0; font-weight: 700; font-variant-numeric: tabular-nums; color: var(--color-brand); }
.tl-row__label { margin: 0; font-weight: 600; }
.tl-row__who { margin: 0; font-size: 0.9rem; }
.tl-row__delta { margin: var(--space-1) 0 0; display: flex; flex-wrap: wrap; gap: var(--space-2); }
.delta {
  display: inline-flex; align-items: center; gap: 0.3em; padding: 0 var(--space-2);
  border-radius: var(--radius); font-weight: 700; font-size: 0.9rem; border: 1px solid currentColor;
  font-variant-numeric: tabular-nums;
}
.delta--gain { color: var(--color-ok); background: #eaf5ee; }
.delta--loss { color: var(--color-error); background: #fdeceb; }
.delta--zero { color: var(--color-muted); }
.rationale {
  margin: var(--space-2) 0 0; padding: var(--space-2) var(--space-3); border-left: 4px solid var(--color-border-strong);
  background: var(--color-bg); white-space: pre-wrap; overflow-wrap: anywhere;
}
.rationale__label { font-weight: 700; }
.rationale--answer { border-left-color: var(--color-brand); }
.items { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-3); }
.item { padding: var(--space-3); border: 1px solid var(--color-border); border-radius: var(--radius); }
.item p { margin: 0 0 var(--space-1); }
.item__head { display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-2); }
.item--not-counted { border-style: dashed; }
.item__not-counted { font-style: italic; color: var(--color-muted); }
.item--red { border: 2px solid var(--color-error); }
.item__explanation { color: var(--color-muted); }
.item__who { font-size: 0.85rem; }
.legal { font-size: 0.9rem; color: var(--color-brand); }
.legal__label { font-weight: 700; }
.legal__list { display: inline; margin: 0; padding: 0; list-style: none; }
.legal__list li { display: inline; }
.legal__verify { color: var(--color-muted); font-style: italic; }
.note {
  margin-top: var(--space-2); padding: var(--space-2) var(--space-3); background: #fffbe6;
  border: 1px solid #c9a400; border-left: 6px solid #8a6d00; border-radius: var(--radius);
}
.note__label { margin: 0; font-weight: 700; color: #5c4800; }
.note__text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.path { list-style: none; margin: 0 0 var(--space-5); padding: 0; display: grid; gap: var(--space-2); }
.path__step {
  display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--space-1); padding: var(--space-2) var(--space-3);
  border: 1px solid var(--color-border); border-left: 6px solid var(--color-warning); border-radius: var(--radius);
}
.path__step--best { border-left-color: var(--color-ok); }
@media (min-width: 48rem) { .path__step { grid-template-columns: 8.5rem minmax(0, 1fr); } }
.path__step p { margin: 0; }
.path__time { font-weight: 700; color: var(--color-brand); font-variant-numeric: tabular-nums; }
.decision-points__list { list-style: none; margin: var(--space-3) 0 var(--space-5); padding: 0; display: grid; gap: var(--space-4); }
.decision-point { padding: var(--space-3) var(--space-4); border: 1px solid var(--color-border); border-radius: var(--radius); }
.decision-point h4 { margin: 0; font-size: 1.1rem; color: var(--color-brand); }
.options { list-style: none; margin: var(--space-2) 0 0; padding: 0; display: grid; gap: var(--space-2); }
.option { padding: var(--space-2) var(--space-3); border-radius: var(--radius); background: var(--color-bg); border: 1px solid transparent; }
.option--mine { border: 2px solid var(--color-brand); }
.option p { margin: 0; }
.option__count { display: flex; flex-wrap: wrap; gap: var(--space-2); align-items: center; }
.chart { margin: 0 0 var(--space-6); min-width: 0; }
.chart figcaption { margin-bottom: var(--space-2); }
.chart__control { display: inline-flex; flex-wrap: wrap; align-items: center; gap: var(--space-2); font-weight: 600; margin-bottom: var(--space-2); }
.chart__canvas { width: 100%; min-width: 0; font-size: 0.9rem; }
@media (min-width: 1600px) { .chart__canvas { font-size: 1rem; } }
.chart .data-table { min-width: 0; }
.debrief-list { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-3); }
.debrief-list li {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--space-2) var(--space-4);
  padding: var(--space-3) var(--space-4); background: var(--color-surface); border: 1px solid var(--color-border);
  border-radius: var(--radius);
}
.debrief-list h3 { margin: 0; font-size: 1.15rem; }
.debrief-list p { margin: 0; }
.debrief-form { display: grid; gap: var(--space-3); max-width: 30rem; }
.debrief-form label {
  display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--space-1); font-weight: 600;
}
/* A file field is as wide as its button and file name unless told otherwise (wider than a phone). */
.debrief-form input[type='file'] { width: 100%; min-width: 0; }
.debrief-form input[type='text'], .debrief-form input[type='password'], .debrief-form input[type='file'] {
  font: inherit; min-height: 44px; padding: var(--space-1) var(--space-2);
  border: 2px solid var(--color-border-strong); border-radius: var(--radius); background: var(--color-surface);
  max-width: 100%;
}
.review-link__row { display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--space-2); }
.review-link__field { display: grid; gap: var(--space-1); flex: 1 1 18rem; min-width: 0; font-weight: 600; }
.review-link__field input {
  font: inherit; font-weight: 400; min-height: 44px; width: 100%; padding: var(--space-1) var(--space-2);
  color: var(--color-text); background: var(--color-surface);
  border: 2px solid var(--color-border-strong); border-radius: var(--radius);
}
.review-link .button { min-height: 44px; }
.form-error { color: var(--color-error); font-weight: 700; }
@media (max-width: 39.99rem) {
  .debrief-section { padding: var(--space-4) var(--space-3); }
  .score__value strong { font-size: 1.35rem; }
}
@media print {
  .site-header, .status-bar, .skip-link, .debrief-nav, .exports, .team-picker, .filters,
  .chart__control, .debrief button { display: none !important; }
  body { background: #ffffff; }
  .site-main { max-width: none; padding: 0; }
  .debrief-section { border: none; padding: 0; break-inside: auto; }
  .team-card, .red-lines, .item, .decision-point, .path__step { break-inside: avoid; }
  .table-scroll { overflow: visible; }
  .tl-row--red, .red-lines { background: #ffffff; }
}
`;

/** Adds the debrief styles to the document once (before layout, so nothing flashes unstyled). */
export function useDebriefStyles(): void {
  useInsertionEffect(() => adoptStyles('crossroads-debrief', DEBRIEF_CSS), []);
}
