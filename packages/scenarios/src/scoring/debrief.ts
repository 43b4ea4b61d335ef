/**
 * debrief(): replays a session's event log through the engine, team by team, feeds every accepted event
 * to the scoring model and assembles the per-team debrief and the cross-team comparison.
 * Pure and deterministic: no clock, no randomness, stable ordering everywhere.
 */
import type { Debrief as DebriefContract } from '@crossroads/shared';
import { compile } from '../compile';
import type { CompiledScenario } from '../compile';
import { applyEvent, checkEvent, initialState } from '../engine';
import { applyInPlace, ENGINE_TYPES, privateState } from './apply';
import type { LogLine } from '../events';
import { scenarioCountry } from '../country';
import { rubricForCountry } from '../rubric/jurisdiction';
import { DEFAULT_RUBRIC } from '../rubric/registry';
import type { Axis, LegalBasis, LocalText, Rubric } from '../rubric/types';
import type { Scenario } from '../schema';
import type { TeamState } from '../state';
import { buildCaseFile, ELEMENT_LABELS, elementScore } from './case';
import type { CaseFile } from './case';
import type { Finding } from './model';
import { TeamModel } from './model';
import type { Before } from './model';
import { OBLIGATIONS, deadlineInfo } from './obligations';
import type { Obligation } from './obligations';
import { decideOutcome } from './outcome';
import { redactForRecipient } from './redact';
import type { ScenarioIndex } from './scenario-index';
import { indexScenario, local, names } from './scenario-index';
import { evidenceScore, findingValue, prepareRubric, rightsScore, scoreFindings } from './score';
import type { PreparedRubric } from './score';
import {
  at,
  cat,
  duration,
  each,
  englishOnly,
  inLang,
  lt,
  same,
  teams,
  type FullText,
} from './text';
import type {
  Breakdown,
  Debrief,
  DebriefOptions,
  DecisionComparison,
  Divergence,
  EvidenceStatus,
  MissedOpportunity,
  OptionChoice,
  ScoredItem,
  TeamDebrief,
  TimelineEntry,
  WitnessLost,
} from './types';

const NONE: TeamState['scheduled'] = [];

/** Events the engine applies to every team when they carry no team. */
const BROADCAST = new Set(['clock.ticked', 'inject.released']);

interface Probe {
  seq: number;
  time: number;
  decision: string;
  chosen: string;
  values: Map<string, number>;
}

interface TeamRun {
  id: string;
  name: string;
  /** This debrief's private copy, updated in place event by event. */
  state: TeamState;
  /** The people as they were before the current event (person objects are replaced, never mutated). */
  shadow: TeamState['people'];
  model: TeamModel;
  events: LogLine[];
  /** Rule ids the model has found so far for this team (gains count once). */
  found: Set<string>;
  /** seq → the team's clock before the event (the engine's `time`). */
  times: Map<number, number>;
  rejected: TeamDebrief['rejected'];
  probes: Probe[];
}

/** The index of a compiled scenario in its own working languages, built once per scenario. */
const defaultIndexes = new WeakMap<CompiledScenario, ScenarioIndex>();

/** The scenario's index (read-only once built, so debriefs and live scores share it). */
function indexOf(c: CompiledScenario, workingLanguages?: string[]): ScenarioIndex {
  if (workingLanguages !== undefined) return indexScenario(c, workingLanguages);
  let ix = defaultIndexes.get(c);
  if (!ix) defaultIndexes.set(c, (ix = indexScenario(c)));
  return ix;
}

export function isCompiled(x: Scenario | CompiledScenario): x is CompiledScenario {
  return (
    (x as CompiledScenario).machine !== undefined &&
    (x as CompiledScenario).decisions instanceof Map
  );
}

/**
 * Debrief of a session: per team scores (0–100, with method), red lines, case strength, outcome,
 * timeline, per-agency and per-participant breakdowns, missed opportunities, and a cross-team comparison.
 * With `options.recipient`, only what that trainee's view could contain is included.
 */
export function debrief(
  scenario: Scenario | CompiledScenario,
  events: readonly LogLine[],
  rubric: Rubric = DEFAULT_RUBRIC,
  options: DebriefOptions = {},
): Debrief {
  return debriefWithCases(scenario, events, rubric, options).debrief;
}

/** A debrief and every team's live case, from one replay of the log (see debriefWithCases). */
export interface DebriefAndCases {
  debrief: Debrief;
  /**
   * Every team's case as LiveScores holds it once fed the same log (its cases() after scores()),
   * whole: taken from the debrief before it is scoped to `options.recipient`.
   */
  cases: Map<string, LiveTeamCase>;
}

/**
 * debrief() of a log together with each team's live case: the replay scrubber needs both of one
 * log prefix (the scores and items, and the witnesses lost the agency's view held then), and one
 * replay of the log gives both.
 */
export function debriefWithCases(
  scenario: Scenario | CompiledScenario,
  events: readonly LogLine[],
  rubric: Rubric = DEFAULT_RUBRIC,
  options: DebriefOptions = {},
): DebriefAndCases {
  const c = isCompiled(scenario) ? scenario : compile(scenario);
  const ix = indexOf(c, options.workingLanguages);
  const rx = prepareRubric(rubricForCountry(rubric, scenarioCountry(c.scenario)));
  const fold = new Fold(c, ix, rx, { probe: options.counterfactuals !== false, record: true });
  for (const ev of events) fold.add(ev);
  const runs = fold.runs;

  const teamIds = [...runs.keys()].sort();
  const debriefs: TeamDebrief[] = [];
  const warnings: string[] = [];
  for (const id of teamIds) {
    const run = runs.get(id);
    if (!run) continue;
    const d = teamDebrief(ix, rx, run, fold.sessionEnded, warnings);
    debriefs.push(d);
  }
  const comparison = compare(
    ix,
    teamIds.map((id) => runs.get(id)).filter((r): r is TeamRun => r !== undefined),
  );
  const cases = new Map(debriefs.map((d) => [d.team, liveCaseOf(d, decisionFindings(d.items))]));
  let out: Debrief = {
    format: 'crossroads.debrief/1',
    scenario: {
      id: c.id,
      version: c.version,
      title: local(c.scenario.title),
      country: scenarioCountry(c.scenario),
      ...(c.scenario.startTime !== undefined ? { startTime: c.scenario.startTime } : {}),
    },
    rubric: { id: rubric.id, version: rubric.version },
    events: { count: events.length, lastSeq: fold.lastSeq },
    recipient: null,
    teams: debriefs,
    comparison,
    warnings: [...new Set(warnings)].sort(),
  };
  if (options.recipient) {
    const run = runs.get(options.recipient.team);
    out = redactForRecipient(
      ix,
      out,
      options.recipient,
      run?.state ?? null,
      run ? compare(ix, [run]) : [],
    );
  }
  // Clients read this body through the wire contract's schema: a change here that the contract does
  // not describe (a renamed or retyped field) fails typecheck, not a debrief page.
  return { debrief: out satisfies DebriefContract, cases };
}

/**
 * The per-event part of a debrief: feeds the log, one event at a time, to one TeamRun per team (the
 * engine replay and the scoring model). What a team's debrief is made of is its run and whether the
 * session ended: an event reaches the runs of its team only, a clock tick or an inject without a team
 * every run that exists then, and nothing else is shared between teams.
 */
class Fold {
  readonly runs = new Map<string, TeamRun>();
  sessionEnded = false;
  lastSeq: number | null = null;
  /** Teams whose run an event reached (or the session's end) since the caller last cleared it. */
  readonly touched = new Set<string>();
  private readonly names = new Map<string, string>();
  /** The initial state is the same for every team but for its id: built once, copied per team. */
  private template: string | undefined;

  constructor(
    private readonly c: CompiledScenario,
    private readonly ix: ScenarioIndex,
    private readonly rx: PreparedRubric,
    /**
     * `probe`: evaluate the other options of each decision (counterfactuals). `record`: keep each
     * run's events, clocks and rejections for the timeline (live scores need neither).
     */
    private readonly options: { probe: boolean; record: boolean },
  ) {}

  private runOf(id: string, seq: number): TeamRun {
    let run = this.runs.get(id);
    if (!run) {
      this.template ??= JSON.stringify(initialState(this.c, '\u0000'));
      const state = privateState(this.template, id);
      const model = new TeamModel(this.ix, this.rx.rubric, id);
      model.start(state, seq);
      run = {
        id,
        name: this.names.get(id) ?? id,
        state,
        shadow: { ...state.people },
        found: new Set(),
        model,
        events: [],
        times: new Map(),
        rejected: [],
        probes: [],
      };
      this.runs.set(id, run);
    }
    return run;
  }

  add(ev: LogLine): void {
    const c = this.c;
    this.lastSeq = ev.seq;
    if (ev.type === 'session.started') {
      const teams = (ev.payload as { teams?: { id?: unknown; name?: unknown }[] } | null)?.teams;
      if (Array.isArray(teams))
        for (const t of teams) {
          if (typeof t?.id !== 'string') continue;
          if (typeof t.name === 'string') this.names.set(t.id, t.name);
          this.runOf(t.id, ev.seq);
          this.touched.add(t.id);
        }
      return;
    }
    if (ev.type === 'session.ended' && ev.team === null) {
      this.sessionEnded = true;
      for (const id of this.runs.keys()) this.touched.add(id);
      return;
    }
    const targets =
      typeof ev.team === 'string' ? [ev.team] : BROADCAST.has(ev.type) ? [...this.runs.keys()] : [];
    for (const id of targets) {
      // A team's run starts at `session.started` (or, in a log without one, at the team's first
      // engine event): a participant joining before the session starts is no event of the run, so
      // the obligations that exist from minute 0 are not caused by it.
      if (!this.runs.has(id) && !ENGINE_TYPES.has(ev.type)) continue;
      // A team's scores depend on its state and model only: an event that changes neither (one
      // that passes through the engine or that it rejects) leaves them as they were, unless it
      // started the team's run.
      if (!this.runs.has(id)) this.touched.add(id);
      const run = this.runOf(id, ev.seq);
      const state = run.state;
      // Alternatives are evaluated copy-on-write from the state as it is before the event.
      if (this.options.probe && ev.type === 'decision.made' && checkEvent(c, state, ev).ok)
        probeAlternatives(c, this.rx, run, ev, state);
      const clock = state.clock;
      const prev: Before = {
        people: run.shadow,
        scheduled: state.scheduled.length === 0 ? NONE : state.scheduled.slice(),
        clock,
      };
      const r = applyInPlace(c, state, ev);
      if (r === null) continue; // pass-through
      if (!Array.isArray(r)) {
        if (this.options.record && ENGINE_TYPES.has(ev.type))
          run.rejected.push({
            seq: ev.seq,
            type: ev.type,
            role: ev.role,
            code: r.code,
            message: r.message,
          });
        continue;
      }
      this.touched.add(id);
      for (const f of run.model.observe(ev, prev, state, r))
        if (f.source !== 'annotation') run.found.add(f.ruleId);
      for (const e of r)
        if (e.kind === 'person')
          run.shadow[e.person] = state.people[e.person] as TeamState['people'][string];
      if (this.options.record) {
        run.events.push(ev);
        run.times.set(ev.seq, clock);
      }
    }
  }
}

/** A team's live scores: what SessionViews shows on cards and views while the session runs. */
export interface LiveTeamScores {
  evidence: number;
  rights: number;
  /** Rule ids of the red lines crossed, in the debrief's order. */
  redLines: string[];
}

/**
 * A team's case as it stands, live: what the debrief's case file holds against its items (each
 * excluded or weakened item with the debrief's reasons, in every language) and the witnesses it lost.
 * For staff (the taints, on the team's card) and, filtered by what each agency knows, for trainees
 * (the witnesses lost, in their view).
 */
export interface LiveTeamCase {
  taints: {
    evidence: string;
    title: LocalText;
    status: Exclude<EvidenceStatus, 'admissible'>;
    reasons: LocalText[];
  }[];
  witnessesLost: { person: string; how: WitnessLost['how']; time: number }[];
  /**
   * What the legal model found on each decision taken so far (the debrief's items of those decisions),
   * in the order of the debrief's items: the feedback a session with hints shows the agencies that
   * took them, each filtered by what the agency knows. Absent when there is none.
   */
  decisions?: DecisionFinding[];
}

/** One finding of the legal model on a decision: the rule, its points and its legal basis. */
export interface DecisionFinding {
  /** The decision.made or joint.signed event the finding is about. */
  seq: number;
  decision: string;
  option: string;
  /** The agencies answering for it: a joint decision's signers, else the one that took it. */
  roles: string[];
  ruleId: string;
  axis: Axis;
  points: number;
  /** False when it is listed but does not count (the rule's limit was reached, say). */
  counted: boolean;
  /** A red line crossed. */
  redLine: boolean;
  title: LocalText;
  explanation: LocalText;
  legalBasis: LegalBasis[];
  /** Whom and what it concerns: an agency is shown it only when it knows them all. */
  persons: string[];
  evidence: string[];
}

/**
 * The findings on decisions among a team's scored items: each item a decision caused, but not an
 * obligation it left undischarged (found later, by the run's end, not by the decision) nor an
 * author's rating a model finding superseded.
 */
export function decisionFindings(items: readonly ScoredItem[]): DecisionFinding[] {
  const out: DecisionFinding[] = [];
  for (const i of items) {
    if (i.decision === undefined || i.undischarged || i.hidden) continue;
    if (i.notCounted === 'superseded_by_model') continue;
    out.push({
      seq: i.causedBySeq,
      decision: i.decision.decision,
      option: i.decision.option,
      roles: i.roles ?? (i.role !== null ? [i.role] : []),
      ruleId: i.ruleId,
      axis: i.axis,
      points: i.points,
      counted: i.counted,
      redLine: i.axis === 'rights' && i.flags.includes('HARD_FAIL'),
      title: i.title,
      explanation: i.explanation,
      legalBasis: i.legalBasis,
      persons: i.persons,
      evidence: i.evidence,
    });
  }
  return out;
}

const NO_CASE: LiveTeamCase = { taints: [], witnessesLost: [] };

/** A team's live case from its case file (a debrief's team holds the same evidence and witnesses). */
function liveCaseOf(
  cf: Pick<CaseFile, 'evidence' | 'witnessesLost'> | null,
  decisions: DecisionFinding[],
): LiveTeamCase {
  const out: LiveTeamCase = {
    taints: (cf?.evidence ?? []).flatMap((e) =>
      e.status === 'admissible'
        ? []
        : [{ evidence: e.id, title: e.title, status: e.status, reasons: e.reasons }],
    ),
    witnessesLost: (cf?.witnessesLost ?? []).map((w) => ({
      person: w.person,
      how: w.how,
      time: w.time,
    })),
  };
  if (decisions.length > 0) out.decisions = decisions;
  return out;
}

/**
 * Scores of a session as its log grows, equal at every point to debrief() of the log so far (without
 * counterfactuals): the replay of each team is kept between calls and fed only the new events, and
 * only the teams an event reached since the last call are scored again. Scoring finalises a copy of
 * the team's model, so the replay goes on from where it was.
 */
export class LiveScores {
  private readonly fold: Fold;
  private readonly ix: ScenarioIndex;
  private readonly rx: PreparedRubric;
  private readonly last = new Map<string, LiveTeamScores>();
  private readonly lastCase = new Map<string, LiveTeamCase>();
  private folded = 0;

  constructor(scenario: CompiledScenario, rubric: Rubric = DEFAULT_RUBRIC) {
    this.ix = indexOf(scenario);
    this.rx = prepareRubric(rubricForCountry(rubric, scenarioCountry(scenario.scenario)));
    this.fold = new Fold(scenario, this.ix, this.rx, { probe: false, record: false });
  }

  /** The seq of the last event fed (0 before any). */
  get seq(): number {
    return this.folded;
  }

  /** Feeds the events after seq(); those at or before it were fed already and are skipped. */
  add(events: readonly LogLine[]): void {
    englishOnly(() => {
      for (const ev of events) {
        if (ev.seq <= this.folded) continue;
        this.fold.add(ev);
        this.folded = ev.seq;
      }
    });
  }

  /**
   * Every team's scores, in team id order. A team not reached since the last call keeps the same
   * object, and so does one whose new scores are equal to the last ones.
   */
  scores(): Map<string, LiveTeamScores> {
    englishOnly(() => this.rescoreTouched());
    this.composeCases();
    const out = new Map<string, LiveTeamScores>();
    for (const id of [...this.last.keys()].sort()) {
      const s = this.last.get(id);
      if (s) out.set(id, s);
    }
    return out;
  }

  /**
   * Every team's case as of the last scores() (call it first), in team id order. A team whose case
   * did not change keeps the same object.
   */
  cases(): Map<string, LiveTeamCase> {
    const out = new Map<string, LiveTeamCase>();
    for (const id of [...this.last.keys()].sort()) out.set(id, this.lastCase.get(id) ?? NO_CASE);
    return out;
  }

  /** Scores the teams the events since the last call reached (their texts are not needed). */
  private rescoreTouched(): void {
    const withCase: typeof this.pendingCases = [];
    for (const id of this.fold.touched) {
      const run = this.fold.runs.get(id);
      if (!run) continue;
      const model = run.model.forFinal();
      const a = assess(this.ix, this.rx, run.id, run.state, model, this.fold.sessionEnded);
      const next: LiveTeamScores = {
        evidence: a.evidenceScore.value,
        rights: a.rightsScore.value,
        redLines: a.scored.redLines.map((r) => r.ruleId),
      };
      const prev = this.last.get(id);
      if (!prev || !sameScores(prev, next)) this.last.set(id, next);
      const file =
        a.cf.witnessesLost.length > 0 || a.cf.evidence.some((e) => e.status !== 'admissible');
      const decisions = decisionFindings(a.scored.items);
      if (file || decisions.length > 0)
        withCase.push({ id, state: run.state, model: file ? model : null, decisions });
      else if (this.lastCase.get(id) !== undefined) this.lastCase.delete(id);
    }
    this.fold.touched.clear();
    // The reasons are read: the case file of those teams is composed again, outside englishOnly, in
    // every language (from the same finalised model: the same items and reasons).
    this.pendingCases = withCase;
  }

  /** Teams whose case file must be composed in every language (see scores()). */
  private pendingCases: {
    id: string;
    state: TeamState;
    /** Null when nothing in the case file is excluded, weakened or lost (no file to compose). */
    model: TeamModel | null;
    decisions: DecisionFinding[];
  }[] = [];

  private composeCases(): void {
    for (const { id, state, model, decisions } of this.pendingCases) {
      const cf = model === null ? null : buildCaseFile(this.ix, this.rx.rubric, state, model);
      const next = liveCaseOf(cf, decisions);
      const prev = this.lastCase.get(id);
      if (!prev || !sameCase(prev, next)) this.lastCase.set(id, next);
    }
    this.pendingCases = [];
  }
}

/**
 * Whether two cases of a team say the same. The findings on decisions are compared field by field,
 * their texts and legal bases by reference (the rubric's own objects, the same from one refresh to
 * the next): serialising a team's every finding in five languages at every refresh cost more than
 * the rest of the case.
 */
function sameCase(a: LiveTeamCase, b: LiveTeamCase): boolean {
  const da = a.decisions ?? [];
  const db = b.decisions ?? [];
  return (
    da.length === db.length &&
    da.every((x, i) => {
      const y = db[i];
      return (
        y !== undefined &&
        x.seq === y.seq &&
        x.decision === y.decision &&
        x.option === y.option &&
        x.ruleId === y.ruleId &&
        x.axis === y.axis &&
        x.points === y.points &&
        x.counted === y.counted &&
        x.redLine === y.redLine &&
        x.title === y.title &&
        x.explanation === y.explanation &&
        x.legalBasis === y.legalBasis &&
        x.roles.join('\u0000') === y.roles.join('\u0000') &&
        x.persons.join('\u0000') === y.persons.join('\u0000') &&
        x.evidence.join('\u0000') === y.evidence.join('\u0000')
      );
    }) &&
    JSON.stringify([a.taints, a.witnessesLost]) === JSON.stringify([b.taints, b.witnessesLost])
  );
}

function sameScores(a: LiveTeamScores, b: LiveTeamScores): boolean {
  return (
    a.evidence === b.evidence &&
    a.rights === b.rights &&
    a.redLines.length === b.redLines.length &&
    a.redLines.every((r, i) => r === b.redLines[i])
  );
}

/** Evaluate the other options of a decision from the same state: their immediate value, for comparison. */
function probeAlternatives(
  c: CompiledScenario,
  rx: PreparedRubric,
  run: TeamRun,
  ev: LogLine,
  prev: TeamState,
): void {
  const payload = ev.payload as { decision: string; option: string };
  const d = c.decisions.get(payload.decision);
  if (!d || d.def.joint) return;
  const values = new Map<string, number>();
  for (const o of d.def.options) {
    const alt: LogLine = { ...ev, payload: { ...payload, option: o.id } };
    const r = applyEvent(c, prev, alt);
    if (!r.ok) continue;
    const m = run.model.forProbe();
    values.set(o.id, findingValue(rx, m.observe(alt, prev, r.state, r.emitted), run.found));
  }
  run.probes.push({
    seq: ev.seq,
    time: prev.clock,
    decision: payload.decision,
    chosen: payload.option,
    values,
  });
}

/**
 * A team's findings scored at the end of its run so far: what both the debrief and the live scores
 * are computed from. Finalises `model` (it adds the undischarged obligations' findings).
 */
function assess(
  ix: ScenarioIndex,
  rx: PreparedRubric,
  team: string,
  state: TeamState,
  model: TeamModel,
  sessionEnded: boolean,
) {
  const rubric = rx.rubric;
  const over = state.ended !== null || sessionEnded;
  const pending = model.finalize(state, over);
  const cf = buildCaseFile(ix, rubric, state, model);
  const findings: Finding[] = [...model.findings, ...caseFindings(ix, state, model, cf)];
  const scored = scoreFindings(rx, team, findings);
  return {
    over,
    pending,
    cf,
    scored,
    evidenceScore: evidenceScore(
      rubric,
      scored.items,
      scored.redLines,
      ix.criminalCase ? cf.strength : null,
    ),
    rightsScore: rightsScore(rubric, scored.items, scored.redLines),
  };
}

function teamDebrief(
  ix: ScenarioIndex,
  rx: PreparedRubric,
  run: TeamRun,
  sessionEnded: boolean,
  warnings: string[],
): TeamDebrief {
  const rubric = rx.rubric;
  const { state, model } = run;
  const { over, pending, cf, scored, ...scores } = assess(
    ix,
    rx,
    run.id,
    state,
    model,
    sessionEnded,
  );
  warnings.push(...scored.warnings);
  const items = scored.items;
  const formalPlea = state.acts.some(
    (a) => a.kind === 'plea_agreement' && a.params.formal === true,
  );
  const outcome = decideOutcome(ix, state, cf, scored.redLines, formalPlea, over, {
    rubric,
    items,
    deaths: [...model.harms.values()]
      .filter((h) => h.dead)
      .map((h) => ({ person: h.person, autopsy: h.autopsy })),
  });
  return {
    team: run.id,
    name: run.name,
    evidenceScore: scores.evidenceScore,
    rightsScore: scores.rightsScore,
    redLines: scored.redLines,
    caseStrength: cf.elements,
    evidence: cf.evidence,
    witnessesLost: cf.witnessesLost,
    outcome,
    timeline: timeline(ix, run, items, state),
    items,
    byAgency: breakdown(items, (i) => i.roles ?? [i.role ?? '(none)']),
    byParticipant: breakdown(items, (i) => i.participants ?? [i.participant ?? '(none)']),
    missedOpportunities: missed(ix, model.book.all, pending, state),
    leftBestPath: divergence(ix, run.probes),
    rejected: run.rejected,
  };
}

/** Rules decided on the case file at the end: was profit proven, was someone charged without it. */
function caseFindings(
  ix: ScenarioIndex,
  state: TeamState,
  model: TeamModel,
  cf: CaseFile,
): Finding[] {
  const out: Finding[] = [];
  const benefit = elementScore(cf.elements, 'benefit');
  if (benefit === null) return out;
  const proving = cf.evidence
    .filter((e) => e.status === 'admissible' && e.elements.includes('benefit'))
    .sort((a, b) => a.obtainedBySeq - b.obtainedBySeq);
  // Profit is proven by independent sources that corroborate each other, not by one source alone:
  // the evidence that brought the second source completed the proof. That event caused the finding,
  // and what the file held by then proved it (what came later is in the case file, not in this item).
  const sources = new Set<string>();
  const complete = proving.find((e) => sources.add(e.independentSource).size >= 2);
  if (complete) {
    const proof = proving.filter((e) => e.obtainedBySeq <= complete.obtainedBySeq);
    out.push({
      ruleId: 'EVIDENCE.PROFIT.PROVEN',
      source: 'case',
      seq: complete.obtainedBySeq,
      time: complete.obtainedAt,
      ...model.attribute(complete.obtainedBySeq, complete.by, null),
      persons: [],
      evidence: proof.map((e) => e.id),
      detail: cat(
        lt(
          'Benefit proven by: ',
          'Korist dokazana putem: ',
          'Користа докажана со: ',
          'Përfitimi u provua me: ',
          'Korist dokazana putem: ',
        ),
        each((lang) => proof.map((e) => inLang(e.title, lang)).join('; ')),
      ),
    });
  }
  const charge = model.charges.find(
    (ch) => ch.offence === 'smuggling' && state.people[ch.person]?.kind === 'suspect',
  );
  if (charge && benefit < 0.5) {
    const act = state.acts.find((a) => a.seq === charge.seq && a.kind === 'charge');
    out.push({
      ruleId: 'EVIDENCE.PROFIT.UNPROVEN',
      source: 'case',
      seq: charge.seq,
      time: act?.time ?? state.clock,
      ...model.attribute(charge.seq, act?.role ?? null, act?.participant ?? null),
      persons: [charge.person],
      evidence: [],
      detail: cat(
        names(ix, [charge.person]),
        lt(
          ' charged with smuggling; no admissible evidence of benefit',
          ' optužen(a) za krijumčarenje; nema dopuštenog dokaza o koristi',
          ' обвинет(а) за криумчарење; нема дозволен доказ за корист',
          ' u akuzua për kontrabandë; nuk ka provë të pranueshme për përfitimin',
          ' optužen(a) za krijumčarenje; nema dopuštenog dokaza o koristi',
        ),
      ),
    });
  }
  return out;
}

type Label = {
  label: LocalText;
  decision?: { decision: string; option: string };
  inject?: string;
  request?: string;
};

/** Labels depend only on the event type and payload ids: built once per debrief and scenario. */
const labelCache = new WeakMap<ScenarioIndex, Map<string, Label>>();

function label(ix: ScenarioIndex, ev: LogLine): Label {
  const p = (ev.payload ?? {}) as Record<string, unknown>;
  const k = `${ev.type}|${String(p.decision ?? p.request ?? p.inject ?? p.minutes ?? '')}|${String(p.option ?? p.granted ?? '')}`;
  let cache = labelCache.get(ix);
  if (!cache) labelCache.set(ix, (cache = new Map()));
  const hit = cache.get(k);
  if (hit) return hit;
  const made = makeLabel(ix, ev, p);
  cache.set(k, made);
  return made;
}

function makeLabel(ix: ScenarioIndex, ev: LogLine, p: Record<string, unknown>): Label {
  const c = ix.c;
  switch (ev.type) {
    case 'decision.made':
    case 'joint.signed': {
      const d = c.decisions.get(String(p.decision));
      const o = d?.options.get(String(p.option));
      const title = d ? local(d.def.title) : same(String(p.decision));
      const opt = o ? local(o.label) : same(String(p.option));
      return {
        label: cat(
          ev.type === 'joint.signed' || d?.def.joint
            ? lt('Signed: ', 'Potpisano: ', 'Потпишано: ', 'Nënshkruar: ', 'Potpisano: ')
            : '',
          title,
          ' → ',
          opt,
        ),
        decision: { decision: String(p.decision), option: String(p.option) },
      };
    }
    case 'request.sent': {
      const r = c.requests.get(String(p.request));
      return {
        label: cat(
          lt(
            'Request sent: ',
            'Poslat zahtev: ',
            'Испратено барање: ',
            'Kërkesë e dërguar: ',
            'Poslan zahtjev: ',
          ),
          r ? local(r.title) : same(String(p.request)),
        ),
        request: String(p.request),
      };
    }
    case 'request.answered': {
      const r = c.requests.get(String(p.request));
      const title = r ? local(r.title) : same(String(p.request));
      return {
        label: cat(
          p.granted === true
            ? lt(
                'Request granted: ',
                'Zahtev odobren: ',
                'Барањето одобрено: ',
                'Kërkesa u miratua: ',
                'Zahtjev odobren: ',
              )
            : lt(
                'Request refused: ',
                'Zahtev odbijen: ',
                'Барањето одбиено: ',
                'Kërkesa u refuzua: ',
                'Zahtjev odbijen: ',
              ),
          title,
        ),
        request: String(p.request),
      };
    }
    case 'inject.released': {
      const i = c.injects.get(String(p.inject));
      return {
        label: cat(
          lt('Inject: ', 'Novi podatak: ', 'Нов податок: ', 'Të dhëna të reja: ', 'Novi podatak: '),
          i ? local(i.title) : same(String(p.inject)),
        ),
        inject: String(p.inject),
      };
    }
    case 'clock.ticked':
      return {
        label: cat(
          lt(
            'Clock moved ',
            'Sat pomeren ',
            'Часовникот поместен ',
            'Ora u shty ',
            'Sat pomjeren ',
          ),
          duration(Number(p.minutes)),
        ),
      };
    default:
      return { label: same(ev.type) };
  }
}

function timeline(
  ix: ScenarioIndex,
  run: TeamRun,
  items: ScoredItem[],
  state: TeamState,
): TimelineEntry[] {
  const entries = new Map<string, TimelineEntry>();
  const bySeq = new Map(run.events.map((e) => [e.seq, e]));
  const timeOf = run.times;
  const entryFor = (seq: number): TimelineEntry => {
    const k = `e|${seq}`;
    let e = entries.get(k);
    if (!e) {
      const ev = bySeq.get(seq);
      const l = ev
        ? label(ix, ev)
        : {
            label: lt(
              'Start of the run',
              'Početak igre',
              'Почеток на играта',
              'Fillimi i lojës',
              'Početak igre',
            ),
          };
      e = {
        seq,
        time: timeOf.get(seq) ?? 0,
        type: ev?.type ?? 'session.started',
        role: ev ? (ev.role === 'facilitator' ? null : ev.role) : null,
        participant: ev?.participant ?? null,
        label: l.label,
        delta: { evidence: 0, rights: 0 },
        items: [],
      };
      if (l.decision) e.decision = l.decision;
      if (l.inject) e.inject = l.inject;
      if (l.request) e.request = l.request;
      // A decision's rationale, or why a request was sent: both are the team's own reasons.
      const why = ev?.payload as { rationale?: unknown; justification?: unknown } | undefined;
      const rationale = why?.rationale ?? why?.justification;
      if (typeof rationale === 'string' && rationale) e.rationale = rationale;
      // Why a request was granted or refused: the answering agency's (or the console's) words.
      if (ev?.type === 'request.answered') {
        const reason = (ev.payload as { reason?: unknown } | null)?.reason;
        if (typeof reason === 'string' && reason.trim() !== '') e.reason = reason;
      }
      entries.set(k, e);
    }
    return e;
  };
  for (const ev of run.events) if (ev.type !== 'clock.ticked') entryFor(ev.seq);
  for (const item of items) {
    let e: TimelineEntry;
    // An obligation never discharged belongs where it was found missing: its deadline passing, or the
    // run's end. One with no deadline (an asylum wish outside Serbia, where no window is set; the duties
    // after a death) is found missing only when the run ends, never at the event that triggered it.
    if (item.undischarged) {
      const deadline = item.deadline;
      const k = `d|${item.time}|${deadline?.kind ?? 'run.ended'}`;
      let d = entries.get(k);
      if (!d) {
        const passedAt = deadline?.passedAtSeq ?? null;
        d = {
          seq: passedAt ?? run.model.lastSeq,
          time: item.time,
          type: passedAt !== null ? 'deadline.passed' : 'run.ended',
          role: null,
          participant: null,
          label:
            deadline && passedAt !== null
              ? cat(
                  lt(
                    'Deadline passed: ',
                    'Istekao rok: ',
                    'Истечен рок: ',
                    'Afati kaloi: ',
                    'Istekao rok: ',
                  ),
                  OBLIGATIONS[deadline.kind as keyof typeof OBLIGATIONS]?.what ??
                    same(deadline.kind),
                  ' (',
                  at(deadline.due, ix.c.scenario.startTime),
                  ')',
                )
              : lt(
                  'Run ended with obligations open',
                  'Igra završena sa otvorenim obavezama',
                  'Играта заврши со неисполнети обврски',
                  'Loja përfundoi me detyrime të paplotësuara',
                  'Igra završena s otvorenim obavezama',
                ),
          delta: { evidence: 0, rights: 0 },
          items: [],
        };
        entries.set(k, d);
      }
      e = d;
    } else if (item.source === 'case') {
      const k = 'case';
      let d = entries.get(k);
      if (!d) {
        d = {
          seq: run.model.lastSeq,
          time: state.clock,
          type: 'case.assessed',
          role: null,
          participant: null,
          label: lt(
            'Case file assessed at the end of the run',
            'Spis procenjen na kraju igre',
            'Списите на предметот оценети на крајот од играта',
            'Dosja u vlerësua në fund të lojës',
            'Spis ocijenjen na kraju igre',
          ),
          delta: { evidence: 0, rights: 0 },
          items: [],
        };
        entries.set(k, d);
      }
      e = d;
    } else e = entryFor(item.causedBySeq);
    e.items.push(item.key);
    if (item.counted) e.delta[item.axis] += item.points;
  }
  const order: Record<string, number> = {
    'deadline.passed': 1,
    'run.ended': 2,
    'case.assessed': 3,
  };
  return [...entries.values()].sort(
    (a, b) =>
      a.time - b.time ||
      a.seq - b.seq ||
      (order[a.type] ?? 0) - (order[b.type] ?? 0) ||
      (a.type < b.type ? -1 : a.type > b.type ? 1 : 0),
  );
}

/**
 * Points per key. An item with several keys (a joint decision's signers, a request's requester and
 * granter) counts in full for each: each is responsible for all of it. The team's scores are computed from the items, never from these sums.
 */
function breakdown(items: ScoredItem[], keysOf: (i: ScoredItem) => readonly string[]): Breakdown[] {
  const m = new Map<string, Breakdown>();
  for (const i of items)
    for (const k of keysOf(i)) {
      const b = m.get(k) ?? { id: k, evidence: 0, rights: 0, items: 0, redLines: 0 };
      b.items += 1;
      if (i.counted) b[i.axis] += i.points;
      if (
        i.axis === 'rights' &&
        i.flags.includes('HARD_FAIL') &&
        i.notCounted !== 'superseded_by_model'
      )
        b.redLines += 1;
      m.set(k, b);
    }
  return [...m.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function missed(
  ix: ScenarioIndex,
  all: readonly Obligation[],
  pending: Obligation[],
  state: TeamState,
): MissedOpportunity[] {
  const out: MissedOpportunity[] = [];
  const pendingSet = new Set(pending);
  // People with the same open obligation from the same trigger and deadline are listed together.
  const groups = new Map<string, { o: Obligation; persons: string[]; notYet: boolean }>();
  for (const o of all) {
    if (o.status !== 'open') continue;
    const notYet = pendingSet.has(o) && o.passedAtSeq === null;
    const k = `${o.kind}|${o.triggeredBySeq}|${o.due ?? ''}|${notYet}`;
    const g = groups.get(k);
    if (g) {
      if (o.person) g.persons.push(o.person);
    } else groups.set(k, { o, persons: o.person ? [o.person] : [], notYet });
  }
  for (const { o, persons, notYet } of groups.values()) {
    const spec = OBLIGATIONS[o.kind];
    const who = persons.length > 0 ? names(ix, persons) : same('');
    out.push({
      kind: 'obligation',
      ruleId:
        spec.never ?? (o.kind === 'deposition' ? 'EVIDENCE.WITNESS.EARLY_DEPOSITION' : spec.gain),
      persons,
      evidence: [],
      triggeredBySeq: o.triggeredBySeq,
      deadline: deadlineInfo(o) ?? null,
      description: cat(
        who.en ? cat(who, ': ') : '',
        lt('never got ', 'izostalo: ', 'изостана: ', 'mungoi: ', 'izostalo: '),
        spec.what,
        notYet
          ? lt(
              ' (not yet due when the log ends)',
              ' (rok još nije istekao na kraju zapisa)',
              ' (рокот уште не истекол на крајот од записот)',
              ' (afati ende nuk kishte kaluar kur mbaron regjistri)',
              ' (rok još nije istekao na kraju zapisa)',
            )
          : '',
      ),
    });
  }
  for (const def of ix.c.scenario.evidence) {
    if (state.evidence[def.id]) continue;
    // Only what the team could properly have done: never evidence the scenario offers only tainted.
    if (!ix.properlyObtainable.has(def.id)) continue;
    out.push({
      kind: 'evidence',
      ruleId: null,
      persons: [],
      evidence: [def.id],
      triggeredBySeq: null,
      deadline: null,
      description: cat(
        lt(
          'Never secured: ',
          'Nikada obezbeđeno: ',
          'Никогаш обезбедено: ',
          'Nuk u sigurua kurrë: ',
          'Nikada obezbijeđeno: ',
        ),
        local(def.title),
        lt(
          ' (would prove: ',
          ' (dokazalo bi: ',
          ' (би докажало: ',
          ' (do të provonte: ',
          ' (dokazalo bi: ',
        ),
        each((lang) => def.element.map((e) => ELEMENT_LABELS[e][lang].toLowerCase()).join('; ')),
        ')',
      ),
    });
  }
  return out;
}

/** "chose" agreeing with how many teams chose (Macedonian and Albanian tell one from many). */
function chose(n: number): FullText {
  return n === 1
    ? lt('chose ', 'izabrao je ', 'избра ', 'zgjodhi ', 'izabrao je ')
    : lt('chose ', 'izabralo je ', 'избраа ', 'zgjodhën ', 'izabralo je ');
}

function divergence(ix: ScenarioIndex, probes: Probe[]): Divergence | null {
  const labelOf = (decision: string, option: string): LocalText => {
    const o = ix.c.decisions.get(decision)?.options.get(option);
    return o ? local(o.label) : same(option);
  };
  for (const p of probes) {
    const chosenValue = p.values.get(p.chosen);
    if (chosenValue === undefined) continue;
    let best = p.chosen;
    let bestValue = chosenValue;
    for (const [o, v] of p.values) if (v > bestValue) [best, bestValue] = [o, v];
    if (best !== p.chosen)
      return {
        seq: p.seq,
        time: p.time,
        decision: p.decision,
        title: local(ix.c.decisions.get(p.decision)?.def.title ?? p.decision),
        chosen: p.chosen,
        chosenLabel: labelOf(p.decision, p.chosen),
        best,
        bestLabel: labelOf(p.decision, best),
        chosenValue,
        bestValue,
      };
  }
  return null;
}

/** "3 of 4 teams chose X here": per decision, who chose what, and the best option by immediate value. */
export function compare(ix: ScenarioIndex, runs: TeamRun[]): DecisionComparison[] {
  const out: DecisionComparison[] = [];
  const total = runs.length;
  // decision → option → immediate values seen (one pass over every team's evaluations)
  const seen = new Map<string, Map<string, number[]>>();
  for (const run of runs)
    for (const p of run.probes) {
      let byOption = seen.get(p.decision);
      if (!byOption) seen.set(p.decision, (byOption = new Map()));
      for (const [o, v] of p.values) {
        const vs = byOption.get(o);
        if (vs) vs.push(v);
        else byOption.set(o, [v]);
      }
    }
  for (const d of ix.c.decisions.values()) {
    const chosenBy = new Map<string, string[]>();
    const values = seen.get(d.def.id) ?? new Map<string, number[]>();
    let deciding = 0;
    for (const run of runs) {
      const st = run.state.decisions[d.def.id];
      if (st) {
        deciding += 1;
        chosenBy.set(st.option, [...(chosenBy.get(st.option) ?? []), run.id]);
      }
    }
    if (deciding === 0) continue;
    const avg = (o: string) => {
      const vs = values.get(o);
      return vs && vs.length > 0
        ? Math.round((10 * vs.reduce((a, b) => a + b, 0)) / vs.length) / 10
        : null;
    };
    const choices: OptionChoice[] = [];
    let best: string | null = null;
    let bestValue = -Infinity;
    for (const o of d.def.options) {
      const teams = (chosenBy.get(o.id) ?? []).sort();
      const value = avg(o.id);
      if (value !== null && value > bestValue) [best, bestValue] = [o.id, value];
      if (teams.length === 0 && value === null) continue;
      choices.push({ option: o.id, label: local(o.label), teams, count: teams.length, value });
    }
    const top = choices
      .filter((ch) => ch.count > 0)
      .sort(
        (a, b) =>
          b.count - a.count ||
          (a.option === best ? -1 : b.option === best ? 1 : a.option < b.option ? -1 : 1),
      );
    const head = top[0];
    const bestChoice = choices.find((ch) => ch.option === best);
    const q = (ch: OptionChoice) => cat('“', short(ch.label), '”');
    const split = top.length > 1 && head !== undefined && top[1]?.count === head.count;
    const summary = head
      ? cat(
          split
            ? cat(
                lt(
                  'Teams split: ',
                  'Timovi su podeljeni: ',
                  'Тимовите се поделија: ',
                  'Ekipet u ndanë: ',
                  'Timovi su se podijelili: ',
                ),
                ...top.flatMap((ch, i) => [
                  i > 0 ? '; ' : '',
                  cat(`${ch.count} `, chose(ch.count)),
                  q(ch),
                ]),
              )
            : cat(
                `${head.count} `,
                lt('of ', 'od ', 'од ', 'nga ', 'od '),
                teams(total),
                ' ',
                chose(head.count),
                q(head),
                ...top.slice(1).map((ch) => cat(cat(`; ${ch.count} `, chose(ch.count)), q(ch))),
              ),
          bestChoice && bestChoice.value !== null
            ? cat(
                // Where every option evaluated loses points, the one worth most is not "best":
                // it is the one that loses least.
                bestChoice.value < 0
                  ? lt(
                      '. Least costly option here: ',
                      '. Opcija sa najmanjim gubitkom ovde: ',
                      '. Опција со најмала загуба овде: ',
                      '. Opsioni me humbjen më të vogël këtu: ',
                      '. Opcija s najmanjim gubitkom ovdje: ',
                    )
                  : lt(
                      '. Best option here: ',
                      '. Najbolja opcija ovde: ',
                      '. Најдобра опција овде: ',
                      '. Opsioni më i mirë këtu: ',
                      '. Najbolja opcija ovdje: ',
                    ),
                q(bestChoice),
                ` (${fmt(bestChoice.value)})`,
              )
            : '',
          '.',
        )
      : same('');
    out.push({
      decision: d.def.id,
      title: local(d.def.title),
      teamsDeciding: deciding,
      choices,
      best,
      summary,
    });
  }
  return out;
}

const fmt = (v: number) => (v > 0 ? `+${v}` : `${v}`);

/** Option labels can be long sentences: summaries quote their first ~70 characters. */
function short(t: LocalText): LocalText {
  const cut = (s: string) => (s.length <= 72 ? s : `${s.slice(0, 70).replace(/\s+\S*$/, '')}…`);
  return each((lang) => cut(inLang(t, lang)));
}

export type { Axis };
