import {
  agencyDecisions,
  agencyRequests,
  debrief,
  debriefWithCases,
  decisionActions,
  decisionInputs,
  decisionInputsTakenOnly,
  DEFAULT_RUBRIC,
  explainRequest,
  getRubric,
  initialState,
  latestRubric,
  isFacilitator,
  knownDecisionFindings,
  knownLostWitnesses,
  LiveScores,
  mayKnowEvent,
  needToKnow,
  requestAction,
  requestInputs,
  requestInputsRecordOnly,
  scenarioCountry,
  stepDirect,
  viewCache,
  whyOption,
  type Action,
  type CompiledDecision,
  type CompiledScenario,
  type Effect,
  type Explanation,
  type RequestDef,
  type ResourceWait,
  type RoleView as EngineView,
  type TeamState as EngineState,
} from '@crossroads/scenarios';
import {
  ErrorCode,
  isEngineLogEvent,
  type AgencySummary,
  type DecidedView,
  type Debrief,
  type JsonValue,
  type LogEvent,
  type LostWitnessView,
  type RequestRound,
  type RoleView,
  type ScenarioSummary,
  type Scores,
  type TeamCard,
  type Text,
  type WhyNot,
} from '@crossroads/shared';
import type {
  DecisionFindingView,
  LiveCase,
  LiveScorer,
  RequestInstanceInfo,
  ScenarioRuntime,
  StepOutcome,
  TeamState,
  ViewContext,
} from './runtime';

/** The engine's TeamState is plain JSON; the server stores and passes it as JsonValue. */
const asEngine = (state: TeamState): EngineState => state as unknown as EngineState;
const asJson = (state: EngineState): TeamState => state as unknown as TeamState;

/** A request's body on a staff card, when the scenario gives it one (the field is optional). */
const bodyOf = (body: Text | undefined): { body?: Text } => (body === undefined ? {} : { body });

/** An earlier exchange of a request as the staff see it (null: a state from before it was kept). */
const staffRound = (
  e: NonNullable<EngineState['requests'][string]['earlier']>[number],
): RequestRound => ({
  from: e.from,
  sentAt: e.sentAt ?? null,
  answeredAt: e.answeredAt ?? null,
  reason: e.reason ?? null,
});

/** Every `goto`/`end` target reachable in a list of effects (through if/then/else). */
function targets(effects: readonly Effect[] | undefined, out: Set<string>): Set<string> {
  for (const effect of effects ?? []) {
    if ('goto' in effect) out.add(effect.goto);
    else if ('end' in effect) out.add(effect.end);
    else if ('if' in effect) {
      targets(effect.then, out);
      targets(effect.else, out);
    }
  }
  return out;
}

/** Entries kept per map of the view caches (inputs seen for one decision of one agency...). */
const HELD = 256;

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * `last` when `next` holds the same items in the same order, else `next`: an agency's part rebuilt
 * after an event that changed nothing of it (another agency's request, a person it does not see)
 * stays the object its group holds, so the host's diff of the views stops at its reference.
 */
function unchanged<T>(last: T[], next: T[]): T[] {
  return last !== next && sameItems(last, next) ? last : next;
}

/** An item of actionsOf, numbered (see nextItem). */
interface ActionItem<V> {
  readonly id: number;
  readonly value: V;
}

/** One decision or request an agency may act on, with its items by the state's inputs to it. */
interface ActionSlot<D, V> {
  readonly def: D;
  readonly items: Map<string, ActionItem<V>>;
}

/**
 * A decision slot, and when its inputs are whether it was taken alone (decisionInputsTakenOnly),
 * its item for each answer: found without building its inputs string and looking it up.
 */
interface DecisionSlot<V> extends ActionSlot<CompiledDecision, V> {
  readonly takenOnly: boolean;
  /** The items when open and when taken (takenOnly slots). */
  open?: ActionItem<V>;
  taken?: ActionItem<V>;
}

/**
 * A request slot, and when its inputs are the request's record alone (requestInputsRecordOnly),
 * its items by that record (or `unsent`): found without building the inputs string.
 */
interface RequestSlot<V> extends ActionSlot<RequestDef, V> {
  readonly recordOnly: boolean;
  readonly byRecord: WeakMap<object, ActionItem<V>>;
  unsent?: ActionItem<V>;
}

/** What actionsOf keeps for one agency (see there). */
interface AgencyActions {
  readonly phases: Map<string, DecisionSlot<RoleView['decisions'][number] | null>[]>;
  readonly requests: RequestSlot<RoleView['sendableRequests'][number]>[];
  readonly lists: Map<number, Pick<RoleView, 'decisions' | 'sendableRequests'>>;
}

/** The parts of one agency's last view of one team (see EngineRuntime.lastParts). */
class ViewParts {
  engine: EngineView | null = null;
  documents: RoleView['documents'] = [];
  evidence: RoleView['evidence'] = [];
  people: RoleView['people'] = [];
  injects: RoleView['injects'] = [];
  released: EngineState['injects'] | null = null;
  requests: RoleView['requests'] = [];
  /** The decisions taken or signed the agency's last view named (see decidedOf; empty: none). */
  decided: DecidedView[] = NO_DECIDED;
  /** The witnesses lost the agency's last view showed (see view). */
  lost: LostWitnessView[] | undefined = undefined;
  /** The team's witnesses lost those were filtered from, and what the agency knew then (see view). */
  lostFrom: {
    lost: readonly LostWitnessView[];
    known: EngineState['known'];
    observed: EngineState['observed'];
  } | null = null;
  /** The hints the agency's last view showed (see hintsFor). */
  hints: RoleView['hints'] = [];
  /**
   * The team's findings those hints were filtered from, and what the agency knew then: the
   * state's records of who knows whom, who observed what and what was revealed to whom, all that
   * need to know reads of a finding (see hintsFor).
   */
  hintsFrom: {
    decisions: readonly DecisionFindingView[];
    known: EngineState['known'];
    observed: EngineState['observed'];
    reveals: EngineState['reveals'];
  } | null = null;
  /** The agency's last view itself (see view). */
  view: RoleView | null = null;
}

/** No decision taken or signed that the agency may see: one empty list for all (see decidedOf). */
const NO_DECIDED: DecidedView[] = [];

/** No witness lost: one empty list for all. */
const NO_LOST: readonly LostWitnessView[] = [];

/** The hints of a view under a feedback policy without them: one empty list for all. */
const NO_HINTS: RoleView['hints'] = [];

/**
 * Whether two lists of hints say the same: compared field by field, the findings' texts and legal
 * bases by reference (the rubric's own objects, the same from one view to the next), instead of
 * serialising every finding in five languages for each view computed.
 */
function sameHints(a: RoleView['hints'], b: RoleView['hints']): boolean {
  return (
    a.length === b.length &&
    a.every((h, i) => {
      const k = b[i];
      return (
        k !== undefined &&
        h.seq === k.seq &&
        h.decision === k.decision &&
        h.option === k.option &&
        h.findings.length === k.findings.length &&
        h.findings.every((f, j) => {
          const g = k.findings[j];
          return (
            g !== undefined &&
            f.ruleId === g.ruleId &&
            f.axis === g.axis &&
            f.points === g.points &&
            f.counted === g.counted &&
            f.redLine === g.redLine &&
            f.title === g.title &&
            f.explanation === g.explanation &&
            f.legalBasis === g.legalBasis
          );
        })
      );
    })
  );
}

/** No finding on any decision yet: one empty list for all. */
const NO_FINDINGS: readonly DecisionFindingView[] = [];

/**
 * `list` mapped by `build`, both reused by identity: the same list gives the same result, and an
 * item seen before (in any list) gives the same mapped item. The engine's lists and items are
 * copy-on-write (see viewCache), so an object reference stands for its content.
 */
function mappedOnce<I extends object, O>(
  lists: WeakMap<readonly I[], O[]>,
  items: WeakMap<I, O>,
  list: readonly I[],
  build: (item: I) => O,
): O[] {
  let out = lists.get(list);
  if (out === undefined) {
    out = list.map((item) => {
      let mapped = items.get(item);
      if (mapped === undefined) {
        mapped = build(item);
        items.set(item, mapped);
      }
      return mapped;
    });
    lists.set(list, out);
  }
  return out;
}

/** A debrief of only `teams` (a trainee's, `scoped`, compares with no other team). */
function onlyTeams(result: Debrief, teams: readonly string[], scoped: boolean): Debrief {
  const keep = new Set(teams);
  return {
    ...result,
    teams: result.teams.filter((t) => keep.has(t.team)),
    comparison: scoped ? [] : result.comparison,
  };
}

/** A compiled scenario version, adapted to what the server needs (see ScenarioRuntime). */
export class EngineRuntime implements ScenarioRuntime {
  readonly id: string;
  readonly version: string;
  readonly agencies: AgencySummary[];

  /** The rubric new sessions pin (the newest published). */
  readonly rubricVersion: string | null = latestRubric().version;
  readonly hasWitnesses: boolean;

  /**
   * The engine's role views, and the server's form of their parts, reused while the state parts
   * they come from stay the same objects. The server only ever steps copy-on-write (see step), so
   * a state it holds is never changed in place and an object reference stands for its content.
   */
  private readonly engineView: (state: EngineState, role: string, slot: object) => EngineView;
  /**
   * The server's form of the parts of each agency's last view of each team, with the engine's parts
   * they come from: viewCache reuses the engine's parts of a team's last view, and a part that is
   * the same object as then is the same part here, without looking it up in the maps below (which
   * serve a part the team's last view did not have).
   */
  private readonly lastParts = new WeakMap<object, Map<string, ViewParts>>();
  private readonly roles = new Map<string, RoleView['role']>();
  private readonly documents = new WeakMap<EngineView['documents'], RoleView['documents']>();
  private readonly evidence = new WeakMap<EngineView['evidence'], RoleView['evidence']>();
  private readonly people = new WeakMap<EngineView['people'], RoleView['people']>();
  private readonly personItems = new WeakMap<
    EngineView['people'][number],
    RoleView['people'][number]
  >();
  private readonly documentItems = new Map<string, RoleView['documents'][number]>();
  /**
   * The items of the lists above by the engine's items they come from: the engine reuses an item
   * while the state record it comes from is the same object (see viewCache), and so do these, so a
   * diff of two views skips them by reference. An inject's item also reads the release record.
   */
  private readonly evidenceItems = new WeakMap<
    EngineView['evidence'][number],
    RoleView['evidence'][number]
  >();
  private readonly requestItems = new WeakMap<
    EngineView['requests'][number],
    RoleView['requests'][number]
  >();
  private readonly injectItems = new WeakMap<
    EngineView['injects'][number],
    { release: EngineState['injects'][string] | undefined; item: RoleView['injects'][number] }
  >();
  private readonly injects = new WeakMap<
    EngineView['injects'],
    { released: EngineState['injects']; injects: RoleView['injects'] }
  >();
  private readonly requests = new WeakMap<EngineView['requests'], RoleView['requests']>();
  /**
   * Each decision as a view's `decided` names it, by its id (every option) or its id and the
   * option taken: from the scenario alone, so one object serves every view of every team and
   * agency that names it so (a diff or a digest stops at it).
   */
  private readonly decidedItems = new Map<string, DecidedView>();
  /** The scenario's decisions in its order (see decidedOf). */
  private readonly decisionOrder: Map<string, number>;
  /**
   * Why-not texts of one state, by agency and decision option or request: each agency is told only
   * what it may know (explain.ts), so each has texts of its own.
   */
  private readonly explanations = new WeakMap<
    EngineState,
    Map<string, { text: Explanation; wait?: ResourceWait } | undefined>
  >();
  /** The parts of staff cards (see card). */
  private readonly cardPhases = new Map<string, TeamCard['phase']>();
  private readonly pending = new WeakMap<EngineState['requests'], TeamCard['pendingRequests']>();
  /** A pending request's item by its state record (copy-on-write: a changed request is another). */
  private readonly pendingItems = new WeakMap<
    EngineState['requests'][string],
    TeamCard['pendingRequests'][number]
  >();
  /** Each team's last list of pending requests (see pendingOf), by the team object. */
  private readonly lastPending = new WeakMap<object, TeamCard['pendingRequests']>();
  private readonly endings = new WeakMap<NonNullable<EngineState['ended']>, TeamCard['ended']>();
  /** See actionsOf: what each agency may do, with the items built so far, by agency. */
  private readonly actionSlots = new Map<string, AgencyActions>();
  /** Numbers the items of actionsOf, so that a list of them hashes without building a string. */
  private nextItem = 1;

  constructor(readonly compiled: CompiledScenario) {
    this.engineView = viewCache(compiled);
    this.decisionOrder = new Map([...compiled.decisions.keys()].map((id, i) => [id, i]));
    this.id = compiled.id;
    this.version = compiled.version;
    this.agencies = compiled.scenario.agencies.map((a) => ({
      id: a.id,
      name: a.name,
      ...(a.shortName !== undefined ? { shortName: a.shortName } : {}),
      playable: a.playable,
    }));
    // As the scoring reads them: a witness, or a person a statement comes from.
    this.hasWitnesses =
      compiled.scenario.people.some((p) => p.kind === 'witness') ||
      compiled.scenario.evidence.some(
        (e) => e.kind === 'testimony' && compiled.people.has(e.source),
      );
  }

  get title() {
    return this.compiled.scenario.title;
  }

  get startTime() {
    return this.compiled.scenario.startTime;
  }

  summary(versions: string[]): ScenarioSummary {
    const s = this.compiled.scenario;
    const edges: { from: string; to: string }[] = [];
    for (const phase of s.phases) {
      const to = targets(phase.onEnter, new Set());
      for (const decision of phase.decisions) {
        for (const option of decision.options) targets(option.effects, to);
      }
      for (const target of to) if (target !== phase.id) edges.push({ from: phase.id, to: target });
    }
    return {
      id: s.id,
      version: s.version,
      versions,
      title: s.title,
      summary: s.summary,
      agencies: this.agencies,
      durationMinutes: s.durationMinutes,
      objectives: s.objectives,
      contentWarnings: s.contentWarnings,
      languages: s.languages,
      country: scenarioCountry(s),
      graph: {
        phases: s.phases.map((p) => ({ id: p.id, title: p.title })),
        endings: s.endings.map((e) => ({ id: e.id, title: e.title, kind: e.kind })),
        edges,
      },
    };
  }

  initialState(team: string): TeamState {
    return asJson(initialState(this.compiled, team));
  }

  /**
   * One event on a copy of the state. The engine's `stepDirect`: the same checks and reducer as
   * `step`, without building an xstate snapshot the server never reads (the engine's tests check
   * that both agree, and `replay`, which restores sessions, applies the reducer the same way).
   */
  step(state: TeamState, event: LogEvent): StepOutcome {
    // The event as it is (the engine never reads its time), and no list of what it emitted: only
    // the new state is kept.
    const s = asEngine(state);
    const result = stepDirect(this.compiled, s, event, { collect: false });
    if (result.ok) return { ok: true, state: asJson(result.state) };
    // A trainee's refused action is answered as its view explains it (see explained).
    if (
      !isFacilitator(event.role) &&
      (event.type === 'decision.made' ||
        event.type === 'joint.signed' ||
        event.type === 'request.sent')
    ) {
      const told = this.explained(
        s,
        {
          type: event.type,
          payload: event.payload,
          reason: { code: result.code, message: String(result.message) },
        } as Pick<Action, 'type' | 'payload' | 'reason'>,
        event.role,
      );
      if (told) return { ok: false, ...told };
    }
    return { ok: false, code: result.code, message: String(result.message) };
  }

  clock(state: TeamState): number {
    return asEngine(state).clock;
  }

  ended(state: TeamState): boolean {
    return asEngine(state).ended !== null;
  }

  request(state: TeamState, instance: string): RequestInstanceInfo | undefined {
    const st = asEngine(state).requests[instance];
    return st
      ? { instance, request: instance, from: st.from, to: st.to, status: st.status }
      : undefined;
  }

  requestTarget(request: string): string | undefined {
    return this.compiled.requests.get(request)?.to;
  }

  injectTargets(inject: string): string[] | undefined {
    return this.compiled.injects.get(inject)?.to;
  }

  decisionAgencies(decision: string): { agencies: string[]; joint: string[] } | undefined {
    const d = this.compiled.decisions.get(decision);
    return d ? { agencies: [...d.allowed], joint: d.def.joint ?? [] } : undefined;
  }

  visibleTo(state: TeamState, event: LogEvent, role: string): boolean {
    if (!isEngineLogEvent(event)) return false;
    return mayKnowEvent(this.compiled, asEngine(state), role, event);
  }

  view(state: TeamState, role: string, context: ViewContext): RoleView {
    const c = this.compiled;
    const s = asEngine(state);
    // The team stands for where the states come from: see viewCache's slot, and lastParts.
    const v = this.engineView(s, role, context.team);
    const { decisions, sendableRequests } = this.actionsOf(s, role);
    let byRole = this.lastParts.get(context.team);
    if (byRole === undefined) {
      byRole = new Map();
      this.lastParts.set(context.team, byRole);
    }
    let last = byRole.get(role);
    if (last === undefined) {
      last = new ViewParts();
      byRole.set(role, last);
    }
    const before = last.engine;
    // A part rebuilt with the very items of the agency's last one is that one (see unchanged).
    const documents =
      before?.documents === v.documents
        ? last.documents
        : unchanged(last.documents, this.documentsOf(v.documents));
    const evidence =
      before?.evidence === v.evidence
        ? last.evidence
        : unchanged(last.evidence, this.evidenceOf(v.evidence));
    const people =
      before?.people === v.people ? last.people : unchanged(last.people, this.peopleOf(v.people));
    const injects =
      before?.injects === v.injects && last.released === s.injects
        ? last.injects
        : unchanged(last.injects, this.injectsOf(v.injects, s.injects));
    const requests =
      before?.requests === v.requests
        ? last.requests
        : unchanged(last.requests, this.requestsOf(v.requests));
    // What names the team's decisions of earlier phases: the engine's decisions taken and joint
    // decisions signed, both already filtered by need to know (view.ts) and reused while the same.
    const decided =
      before?.decisions === v.decisions && before?.pendingJoint === v.pendingJoint
        ? last.decided
        : unchanged(last.decided, this.decidedOf(v.decisions, v.pendingJoint));
    last.engine = v;
    last.documents = documents;
    last.evidence = evidence;
    last.people = people;
    last.injects = injects;
    last.released = s.injects;
    last.requests = requests;
    last.decided = decided;

    const ending = s.ended ? c.endings.get(s.ended.ending) : undefined;
    const agency = c.agencies.get(role);
    const held = last.view;
    const minutes = v.clock;
    const running = context.running && context.settings.timeRatio > 0 && !s.ended;
    const limitMinutes = c.scenario.timeLimitMinutes ?? null;
    // The clock and the ending of the agency's last view while they say the same (a diff of the
    // two views then stops at their reference), and that view itself when every part is the same.
    const clock =
      held !== null &&
      held.clock.minutes === minutes &&
      held.clock.running === running &&
      held.clock.limitMinutes === limitMinutes
        ? held.clock
        : { minutes, running, limitMinutes };
    const endedNow =
      s.ended && ending
        ? held?.ended &&
          held.ended.id === ending.id &&
          held.ended.title === ending.title &&
          held.ended.kind === ending.kind &&
          held.ended.time === s.ended.time
          ? held.ended
          : { id: ending.id, title: ending.title, kind: ending.kind, time: s.ended.time }
        : null;
    const roleOf = this.roleOf(role);
    const briefing = agency?.briefing ?? '';
    const hints =
      context.settings.feedbackPolicy === 'hints'
        ? this.hintsFor(s, role, context.decisions ?? NO_FINDINGS, last)
        : NO_HINTS;
    const scores = context.settings.scoresVisibleToTrainees ? (context.scores ?? null) : null;
    // The witnesses lost that the agency knows of (need to know reads the state: filtered anew,
    // and the list before kept while it says the same). Absent when there is none. Need to know
    // reads nothing of the state for them but the persons the agency knows and the attributes it
    // observed (knownLostWitnesses): while the team's list and those two copy-on-write records are
    // the objects they were, the list before stands without filtering and comparing again.
    const lostIn = context.witnessesLost ?? NO_LOST;
    const lostFrom = last.lostFrom;
    if (
      lostFrom === null ||
      lostFrom.lost !== lostIn ||
      lostFrom.known !== s.known ||
      lostFrom.observed !== s.observed
    ) {
      const known = lostIn.length === 0 ? [] : knownLostWitnesses(c, s, role, lostIn);
      last.lost =
        known.length === 0
          ? undefined
          : last.lost !== undefined && JSON.stringify(last.lost) === JSON.stringify(known)
            ? last.lost
            : known;
      last.lostFrom = { lost: lostIn, known: s.known, observed: s.observed };
    }
    const witnessesLost = last.lost;
    if (
      held !== null &&
      held.team === context.team &&
      held.role === roleOf &&
      held.briefing === briefing &&
      held.phase === v.phase &&
      held.clock === clock &&
      held.documents === documents &&
      held.evidence === evidence &&
      held.people === people &&
      held.injects === injects &&
      held.decisions === decisions &&
      (held.decided ?? NO_DECIDED) === decided &&
      held.requests === requests &&
      held.sendableRequests === sendableRequests &&
      held.hints === hints &&
      held.facts === v.facts &&
      held.scores === scores &&
      held.ended === endedNow &&
      held.witnessesLost === witnessesLost
    ) {
      return held;
    }
    const view: RoleView = {
      team: context.team,
      role: roleOf,
      briefing,
      phase: v.phase,
      clock,
      documents,
      evidence,
      people,
      injects,
      decisions,
      ...(decided.length > 0 ? { decided } : {}),
      requests,
      sendableRequests,
      hints,
      facts: v.facts,
      scores,
      ended: endedNow,
      ...(witnessesLost !== undefined ? { witnessesLost } : {}),
    };
    last.view = view;
    return view;
  }

  /**
   * The decisions and sendable requests of a view: what availableActions() lists for the agency,
   * with why-not texts. Each decision and request is reused from an earlier view of the same agency
   * (of any team) whose state gave the same inputs (decisionInputs/requestInputs: everything its
   * verdicts and texts read), and each list while all its items are reused, so the agencies of a
   * team seldom rebuild more than what the last event changed. The agency's decisions of each phase
   * and its requests are listed once, each with its own map of items: a view looks items up by the
   * inputs string alone, and finds its lists by a number hashed from the items' serial numbers
   * (building and hashing string keys for them had cost more than the items they found).
   */
  private actionsOf(
    s: EngineState,
    role: string,
  ): Pick<RoleView, 'decisions' | 'sendableRequests'> {
    // Neither an ended run nor the facilitator has decisions or requests to send.
    if (s.ended || isFacilitator(role)) return { decisions: [], sendableRequests: [] };
    const c = this.compiled;
    const agency = this.agencyActions(role);
    let slots = agency.phases.get(s.phase);
    if (slots === undefined) {
      slots = agencyDecisions(c, s.phase, role).map((d) => ({
        def: d,
        items: new Map(),
        takenOnly: decisionInputsTakenOnly(d),
      }));
      agency.phases.set(s.phase, slots);
    }
    let hash = 0;
    const decisions: RoleView['decisions'] = [];
    for (const slot of slots) {
      let item: ActionItem<RoleView['decisions'][number] | null> | undefined;
      if (slot.takenOnly) {
        // The slots are the phase's: its inputs are whether it was taken (see DecisionSlot).
        const taken = s.decisions[slot.def.def.id] !== undefined;
        item = taken ? slot.taken : slot.open;
        if (item === undefined) {
          item = this.decisionItem(s, slot, role);
          if (taken) slot.taken = item;
          else slot.open = item;
        }
      } else {
        item = this.decisionItem(s, slot, role);
      }
      if (item.value !== null) decisions.push(item.value);
      hash = Math.imul(hash ^ item.id, 0x9e3779b1);
    }
    const sendableRequests: RoleView['sendableRequests'] = [];
    for (const slot of agency.requests) {
      let item: ActionItem<RoleView['sendableRequests'][number]> | undefined;
      if (slot.recordOnly) {
        // Its inputs are the request's record alone, which is copy-on-write (see RequestSlot).
        const record = s.requests[slot.def.id];
        item = record === undefined ? slot.unsent : slot.byRecord.get(record);
        if (item === undefined) {
          item = this.sendableItem(s, slot, role);
          if (record === undefined) slot.unsent = item;
          else slot.byRecord.set(record, item);
        }
      } else {
        item = this.sendableItem(s, slot, role);
      }
      sendableRequests.push(item.value);
      hash = Math.imul(hash ^ item.id, 0x9e3779b1);
    }
    // The same lists as a view before: that view's arrays (a caller comparing views stops there).
    // Items are numbered once and never renumbered, so equal hashes with equal items are the same
    // lists; a collision only costs the reuse (the entry is replaced).
    const before = agency.lists.get(hash);
    if (
      before !== undefined &&
      sameItems(before.decisions, decisions) &&
      sameItems(before.sendableRequests, sendableRequests)
    ) {
      return before;
    }
    if (agency.lists.size >= HELD) agency.lists.clear();
    const now = { decisions, sendableRequests };
    agency.lists.set(hash, now);
    return now;
  }

  /** The item of a decision slot for the state's inputs to it, built when none has them yet. */
  private decisionItem(
    s: EngineState,
    slot: DecisionSlot<RoleView['decisions'][number] | null>,
    role: string,
  ): ActionItem<RoleView['decisions'][number] | null> {
    const key = decisionInputs(this.compiled, s, slot.def);
    let item = slot.items.get(key);
    if (item === undefined) {
      if (slot.items.size >= HELD) slot.items.clear();
      item = { id: this.nextItem++, value: this.decisionOf(s, slot.def, role) };
      slot.items.set(key, item);
    }
    return item;
  }

  /** The item of a request slot for the state's inputs to it, built when none has them yet. */
  private sendableItem(
    s: EngineState,
    slot: RequestSlot<RoleView['sendableRequests'][number]>,
    role: string,
  ): ActionItem<RoleView['sendableRequests'][number]> {
    const key = requestInputs(s, slot.def);
    let item = slot.items.get(key);
    if (item === undefined) {
      if (slot.items.size >= HELD) slot.items.clear();
      item = { id: this.nextItem++, value: this.sendableOf(s, slot.def, role) };
      slot.items.set(key, item);
    }
    return item;
  }

  /** The decisions (by phase) and requests agency `role` may act on, with their items so far. */
  private agencyActions(role: string): AgencyActions {
    let out = this.actionSlots.get(role);
    if (out === undefined) {
      out = {
        phases: new Map(),
        requests: agencyRequests(this.compiled, role).map((req) => ({
          def: req,
          items: new Map(),
          recordOnly: requestInputsRecordOnly(req),
          byRecord: new WeakMap(),
        })),
        lists: new Map(),
      };
      this.actionSlots.set(role, out);
    }
    return out;
  }

  /** A decision of the view built from the engine's actions (null: it has no option to list). */
  private decisionOf(
    s: EngineState,
    d: CompiledDecision,
    role: string,
  ): RoleView['decisions'][number] | null {
    const actions: Action[] = [];
    decisionActions(this.compiled, s, d, role, true, actions);
    if (actions.length === 0) return null;
    const def = d.def;
    const signed = s.joint[def.id] ?? {};
    const out: RoleView['decisions'][number] = {
      id: def.id,
      title: def.title,
      prompt: def.prompt ?? '',
      enabled: false,
      options: [],
      joint: def.joint
        ? {
            agencies: def.joint,
            signatures: Object.entries(signed).map(([r, option]) => ({ role: r, option })),
          }
        : null,
    };
    for (const action of actions) {
      if (action.type !== 'decision.made' && action.type !== 'joint.signed') continue;
      const whyNot = action.enabled ? undefined : this.explained(s, action, role);
      out.options.push({
        id: action.payload.option,
        label: action.label,
        timeCost: action.timeCost,
        enabled: action.enabled,
        ...(whyNot ? { whyNot } : {}),
      });
      out.enabled ||= action.enabled;
    }
    if (!out.enabled) {
      const reason = out.options.find((o) => o.whyNot)?.whyNot;
      if (reason) out.whyNot = reason;
    }
    return out;
  }

  /** A request the agency may send, from the engine's action. */
  private sendableOf(
    s: EngineState,
    req: RequestDef,
    role: string,
  ): RoleView['sendableRequests'][number] {
    const action = requestAction(this.compiled, s, req, role, true) as Action;
    const whyNot = action.enabled ? undefined : this.explained(s, action, role);
    return {
      id: req.id,
      title: action.label,
      // What it asks: the sender reads it before sending (the agency addressed, once it comes in).
      ...(req.body !== undefined ? { body: req.body } : {}),
      to: req.to,
      enabled: action.enabled,
      ...(whyNot ? { whyNot } : {}),
    };
  }

  /**
   * The decisions a view names as taken or signed (`decided`): those the engine's view lists as
   * taken, and the joint ones it lists as waiting for signatures, in the scenario's order. Each
   * with the labels of the options the team's events of it may name: the option taken, or every
   * option of a joint or repeatable decision (a signature may name another option than the one
   * the decision was taken with, a repeatable one may have been taken with another before). Each
   * item is one object for every view of every team and agency (decidedItems). Empty: none.
   */
  private decidedOf(
    taken: EngineView['decisions'],
    pending: EngineView['pendingJoint'],
  ): DecidedView[] {
    if (taken.length === 0 && pending.length === 0) return NO_DECIDED;
    const chosen = new Map<string, string | null>(taken.map((t) => [t.decision, t.option]));
    for (const p of pending) if (!chosen.has(p.decision)) chosen.set(p.decision, null);
    const ids = [...chosen.keys()];
    if (pending.length > 0) {
      const order = this.decisionOrder;
      ids.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    }
    const out: DecidedView[] = [];
    for (const id of ids) {
      const d = this.compiled.decisions.get(id);
      if (d === undefined) continue;
      const all = d.def.joint !== undefined || d.def.repeatable;
      const option = all ? null : (chosen.get(id) ?? null);
      const key = option === null ? id : `${id}\u0000${option}`;
      let item = this.decidedItems.get(key);
      if (item === undefined) {
        item = {
          id,
          title: d.def.title,
          options: d.def.options
            .filter((o) => option === null || o.id === option)
            .map((o) => ({ id: o.id, label: o.label })),
        };
        this.decidedItems.set(key, item);
      }
      out.push(item);
    }
    return out;
  }

  private roleOf(role: string): RoleView['role'] {
    let out = this.roles.get(role);
    if (out === undefined) {
      const agency = this.compiled.agencies.get(role);
      out = agency
        ? {
            id: agency.id,
            name: agency.name,
            ...(agency.shortName !== undefined ? { shortName: agency.shortName } : {}),
            playable: agency.playable,
          }
        : { id: role, name: role, playable: 'facilitator' };
      this.roles.set(role, out);
    }
    return out;
  }

  private documentsOf(list: EngineView['documents']): RoleView['documents'] {
    let out = this.documents.get(list);
    if (out === undefined) {
      out = list.map((d) => this.documentOf(d));
      this.documents.set(list, out);
    }
    return out;
  }

  /**
   * A document of a view: it comes from the scenario alone, so one object per document serves
   * every view (and a patch adding it is serialised once, see patchJson).
   */
  private documentOf(d: EngineView['documents'][number]): RoleView['documents'][number] {
    let out = this.documentItems.get(d.id);
    if (out === undefined || out.title !== d.title || out.body !== d.body) {
      out = {
        id: d.id,
        title: d.title,
        body: d.body,
        since: this.compiled.documents.get(d.id)?.from ?? null,
      };
      this.documentItems.set(d.id, out);
    }
    return out;
  }

  private evidenceOf(list: EngineView['evidence']): RoleView['evidence'] {
    return mappedOnce(this.evidence, this.evidenceItems, list, this.evidenceItem);
  }

  private readonly evidenceItem = (
    e: EngineView['evidence'][number],
  ): RoleView['evidence'][number] => ({
    id: e.id,
    title: e.title,
    kind: e.kind,
    elements: [...e.element],
    provenance: e.obtained,
    obtainedAt: e.time,
    obtainedBy: e.by,
    derivedFrom: this.compiled.evidence.get(e.id)?.derivedFrom ?? [],
    ...(e.concerns !== undefined ? { concerns: e.concerns } : {}),
  });

  /**
   * The people of a view, each reused with the engine's: the engine's list reuses the persons an
   * event did not change (see viewCache), and so does this one, which a diff then skips by reference.
   */
  private peopleOf(list: EngineView['people']): RoleView['people'] {
    return mappedOnce(this.people, this.personItems, list, this.personItem);
  }

  private readonly personItem = (p: EngineView['people'][number]): RoleView['people'][number] => {
    // Every known attribute but `kind` (a plain loop: object rest is slow on this hot path).
    const attributes: Record<string, JsonValue> = {};
    for (const key in p.attrs) {
      if (key !== 'kind')
        attributes[key] = (p.attrs as Record<string, JsonValue>)[key] as JsonValue;
    }
    return {
      id: p.id,
      name: p.name,
      kind: p.attrs.kind ?? this.compiled.people.get(p.id)?.kind ?? 'unknown',
      attributes,
    };
  };

  /** `released`: the state's injects, which the engine's list was built from (it adds their seq). */
  private injectsOf(
    list: EngineView['injects'],
    released: EngineState['injects'],
  ): RoleView['injects'] {
    const held = this.injects.get(list);
    if (held !== undefined && held.released === released) return held.injects;
    const injects = list.map((i) => {
      const release = released[i.id];
      const hit = this.injectItems.get(i);
      if (hit !== undefined && hit.release === release) return hit.item;
      const item = {
        id: i.id,
        title: i.title,
        body: i.body,
        releasedAt: i.time,
        ...(release ? { releasedSeq: release.seq } : {}),
      };
      this.injectItems.set(i, { release, item });
      return item;
    });
    this.injects.set(list, { released, injects });
    return injects;
  }

  private requestsOf(list: EngineView['requests']): RoleView['requests'] {
    return mappedOnce(this.requests, this.requestItems, list, this.requestItem);
  }

  private readonly requestItem = (
    r: EngineView['requests'][number],
  ): RoleView['requests'][number] => ({
    instance: r.id,
    request: r.id,
    title: r.title,
    ...(r.body !== null ? { body: r.body } : {}),
    from: r.from,
    to: r.to,
    status: r.status,
    sentAt: r.sentAt,
    answeredAt: r.answeredAt,
    reason: r.reason,
    justification: r.justification ?? null,
    direction: r.direction === 'received' ? ('incoming' as const) : ('outgoing' as const),
    // The engine lists only the exchanges this agency may see (view.ts, visibility.ts `exchange`).
    ...(r.earlier !== undefined ? { earlier: r.earlier } : {}),
  });

  /**
   * Feedback on the decisions the agency took or signed (only shown when the session's policy is
   * `hints`): the legal model's findings on each, as the live scores have them, that the agency may
   * know of, grouped by decision in the order they were taken. The hints before are kept while the
   * findings and what the agency knows are the same objects, or while the new hints say the same.
   *
   * What it knows of a finding is all need to know reads of it (knownDecisionFindings): the persons
   * it knows (the state's `known`), the attributes it observed (`observed`) and the evidence
   * revealed to it (`reveals`); the scenario's own lists aside. Those records are copy-on-write,
   * so while the three are the same objects the findings filter as before, whatever else the event
   * changed. The hints were filtered anew for every new state (every agency of the team, at every
   * event): in the flagship's sessions with hints, about a sixth of the time spent computing views.
   */
  private hintsFor(
    s: EngineState,
    role: string,
    decisions: readonly DecisionFindingView[],
    last: ViewParts,
  ): RoleView['hints'] {
    const from = last.hintsFrom;
    if (
      from !== null &&
      from.decisions === decisions &&
      from.known === s.known &&
      from.observed === s.observed &&
      from.reveals === s.reveals
    ) {
      return last.hints;
    }
    last.hintsFrom = { decisions, known: s.known, observed: s.observed, reveals: s.reveals };
    const bySeq = new Map<number, RoleView['hints'][number]>();
    for (const f of knownDecisionFindings(this.compiled, s, role, decisions)) {
      let hint = bySeq.get(f.seq);
      if (hint === undefined) {
        hint = { seq: f.seq, decision: f.decision, option: f.option, findings: [] };
        bySeq.set(f.seq, hint);
      }
      hint.findings.push({
        ruleId: f.ruleId,
        axis: f.axis,
        points: f.points,
        counted: f.counted,
        redLine: f.redLine,
        title: f.title,
        explanation: f.explanation,
        legalBasis: f.legalBasis,
      });
    }
    const hints = bySeq.size === 0 ? NO_HINTS : [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    if (!sameHints(hints, last.hints)) last.hints = hints;
    return last.hints;
  }

  /**
   * The engine's reason, with the trainee-facing words in every language when the scenario's texts
   * allow. Told to an agency (not the facilitator), it keeps need to know: the words leave out what
   * the agency is not given, its message is those words (the engine's names ids and titles for
   * authors), and a request another agency sent is never called pending or granted by its code.
   */
  private explained(
    s: EngineState,
    action: Pick<Action, 'type' | 'payload' | 'reason'>,
    role: string | null,
  ): WhyNot | undefined {
    const reason = action.reason;
    if (!reason) return undefined;
    const c = this.compiled;
    const agency = isFacilitator(role) ? null : role;
    let key: string;
    let explain: () => { text: Explanation; wait?: ResourceWait } | undefined;
    let request: string | undefined;
    if (action.type === 'decision.made' || action.type === 'joint.signed') {
      const { decision, option } = action.payload as { decision: string; option: string };
      key = `${agency ?? ''}\u0000${decision}\u0000${option}`;
      explain = () => whyOption(c, s, decision, option, agency);
      request = c.decisions.get(decision)?.options.get(option)?.requires?.request;
    } else if (action.type === 'request.sent') {
      ({ request } = action.payload as { request: string });
      key = `${agency ?? ''}\u0000${request}`;
      const id = request;
      explain = () => {
        const text = explainRequest(c, s, id, agency);
        return text ? { text } : undefined;
      };
    } else return reason;
    let texts = this.explanations.get(s);
    if (texts === undefined) {
      texts = new Map();
      this.explanations.set(s, texts);
    }
    let why: { text: Explanation; wait?: ResourceWait } | undefined;
    if (texts.has(key)) why = texts.get(key);
    else {
      why = explain();
      texts.set(key, why);
    }
    const text = why?.text;
    // What a resource-bound option waits for (see whyOption): the team's own, so any agency's.
    const wait = why?.wait ? { wait: why.wait } : {};
    if (agency === null) return text ? { ...reason, text, ...wait } : reason;
    const withheld =
      request !== undefined &&
      s.requests[request] !== undefined &&
      !needToKnow(c, s, agency).request(request) &&
      (reason.code === ErrorCode.RequestPending || reason.code === ErrorCode.AlreadyDecided);
    return {
      code: withheld ? ErrorCode.ConditionNotMet : reason.code,
      message: text?.en ?? reason.message,
      ...(text ? { text } : {}),
      ...wait,
    };
  }

  /**
   * The engine's part of a staff card. Its phase, pending requests and ending are reused while the
   * state parts they come from are the same objects (see `documents` above), so a card of a state
   * whose requests did not change holds the very array of the card before.
   */
  card(
    state: TeamState,
    context: ViewContext,
  ): Pick<TeamCard, 'phase' | 'clock' | 'pendingRequests' | 'ended'> {
    const c = this.compiled;
    const s = asEngine(state);
    return {
      phase: this.cardPhaseOf(s.phase),
      clock: {
        minutes: s.clock,
        running: context.running && context.settings.timeRatio > 0 && !s.ended,
        limitMinutes: c.scenario.timeLimitMinutes ?? null,
      },
      // An ended team can no longer answer (the engine refuses every step): nothing is waiting.
      pendingRequests: s.ended ? [] : this.pendingOf(s.requests, context.team),
      ended: s.ended ? this.endedOf(s.ended) : null,
    };
  }

  private cardPhaseOf(id: string): TeamCard['phase'] {
    let out = this.cardPhases.get(id);
    if (out === undefined) {
      out = { id, title: this.compiled.phases.get(id)?.title ?? id };
      this.cardPhases.set(id, out);
    }
    return out;
  }

  /**
   * The pending requests of a record of requests, each item reused while its request's state record
   * is the same object, and the team's list before while it holds the very same items (an event
   * that changed another request, or none that is pending, gives the card's list before, and the
   * staff's card diff stops at its reference).
   */
  private pendingOf(requests: EngineState['requests'], team: object): TeamCard['pendingRequests'] {
    let out = this.pending.get(requests);
    if (out === undefined) {
      const c = this.compiled;
      const list: TeamCard['pendingRequests'] = [];
      for (const id in requests) {
        const r = requests[id];
        if (r === undefined || r.status !== 'pending') continue;
        let item = this.pendingItems.get(r);
        if (item === undefined || item.instance !== id) {
          item = {
            instance: id,
            request: id,
            title: c.requests.get(id)?.title ?? id,
            ...bodyOf(c.requests.get(id)?.body),
            from: r.from,
            to: r.to,
            status: r.status,
            sentAt: r.sentAt,
            answeredAt: r.answeredAt,
            reason: r.reason,
            justification: r.justification ?? null,
            direction: 'outgoing' as const,
            // The staff know everything of the session: every earlier exchange, whoever sent it.
            ...(r.earlier !== undefined && r.earlier.length > 0
              ? { earlier: r.earlier.map(staffRound) }
              : {}),
            // Who is present is not engine state: the session's card() decides with the members.
            facilitatorAnswers: c.agencies.get(r.to)?.playable === 'facilitator',
          };
          this.pendingItems.set(r, item);
        }
        list.push(item);
      }
      const before = this.lastPending.get(team);
      out = before !== undefined && sameItems(before, list) ? before : list;
      this.pending.set(requests, out);
    }
    this.lastPending.set(team, out);
    return out;
  }

  private endedOf(ended: NonNullable<EngineState['ended']>): TeamCard['ended'] {
    let out = this.endings.get(ended);
    if (out === undefined) {
      const ending = this.compiled.endings.get(ended.ending);
      out = ending
        ? { id: ending.id, title: ending.title, kind: ending.kind, time: ended.time }
        : null;
      this.endings.set(ended, out);
    }
    return out;
  }

  decisionLabels(decision: string, option: string) {
    const d = this.compiled.decisions.get(decision);
    return {
      decision: d?.def.title ?? decision,
      option: d?.options.get(option)?.label ?? option,
    };
  }

  labels(): Record<string, Text> {
    if (this.labelCache) return this.labelCache;
    const labels: Record<string, Text> = {};
    for (const [id, d] of this.compiled.decisions) {
      labels[`decision:${id}`] = d.def.title;
      for (const [option, o] of d.options) labels[`option:${id}:${option}`] = o.label;
    }
    for (const [id, r] of this.compiled.requests) labels[`request:${id}`] = r.title;
    this.labelCache = labels;
    return labels;
  }

  private labelCache: Record<string, Text> | undefined;

  eventLabel(event: LogEvent): Text | null {
    switch (event.type) {
      case 'decision.made':
      case 'joint.signed': {
        const labels = this.decisionLabels(event.payload.decision, event.payload.option);
        const en = (t: Text) => (typeof t === 'string' ? t : t.en);
        const sr = (t: Text) => (typeof t === 'string' ? t : (t['sr-Latn'] ?? t.en));
        return {
          en: `${en(labels.decision)}: ${en(labels.option)}`,
          'sr-Latn': `${sr(labels.decision)}: ${sr(labels.option)}`,
        };
      }
      case 'request.sent':
      case 'request.answered':
        return this.compiled.requests.get(event.payload.request)?.title ?? event.payload.request;
      case 'inject.released':
        return this.compiled.injects.get(event.payload.inject)?.title ?? event.payload.inject;
      default:
        return null;
    }
  }

  releasedInjects(state: TeamState): object {
    return asEngine(state).injects;
  }

  injectControls(states: Map<string, TeamState>) {
    return this.compiled.scenario.injects.map((inject) => ({
      id: inject.id,
      title: inject.title,
      to: inject.to,
      release:
        inject.release === 'facilitator'
          ? ('facilitator' as const)
          : inject.release === 'effect'
            ? ('effect' as const)
            : 'at' in inject.release
              ? ('timed' as const)
              : ('conditional' as const),
      releasedTo: [...states.entries()]
        .filter(([, state]) => asEngine(state).injects[inject.id] !== undefined)
        .map(([team]) => team),
    }));
  }

  scores(events: readonly LogEvent[], rubricVersion: string | null): Map<string, Scores> {
    const result = debrief(this.compiled, events as never, this.rubric(rubricVersion), {
      counterfactuals: false,
    });
    return new Map(
      result.teams.map((t) => [
        t.team,
        {
          evidence: t.evidenceScore.value,
          rights: t.rightsScore.value,
          redLines: t.redLines.map((r) => r.ruleId),
        },
      ]),
    );
  }

  liveScores(rubricVersion: string | null): LiveScorer {
    const live = new LiveScores(this.compiled, this.rubric(rubricVersion));
    return {
      get seq() {
        return live.seq;
      },
      add: (events) => live.add(events as never),
      scores: () => live.scores(),
      cases: () => live.cases(),
    };
  }

  debriefWithCase(
    events: readonly LogEvent[],
    options: {
      rubricVersion: string | null;
      team: string;
      recipient?: { team: string; role: string };
      counterfactuals?: boolean;
    },
  ): { debrief: Debrief; liveCase: LiveCase | null } {
    const result = debriefWithCases(
      this.compiled,
      events as never,
      this.rubric(options.rubricVersion),
      {
        ...(options.recipient ? { recipient: options.recipient } : {}),
        ...(options.counterfactuals === false ? { counterfactuals: false } : {}),
      },
    );
    return {
      debrief: onlyTeams(result.debrief, [options.team], options.recipient !== undefined),
      liveCase: result.cases.get(options.team) ?? null,
    };
  }

  debrief(
    events: readonly LogEvent[],
    options: {
      rubricVersion: string | null;
      recipient?: { team: string; role: string };
      teams?: string[];
      counterfactuals?: boolean;
    },
  ): Debrief {
    const result = debrief(this.compiled, events as never, this.rubric(options.rubricVersion), {
      ...(options.recipient ? { recipient: options.recipient } : {}),
      ...(options.counterfactuals === false ? { counterfactuals: false } : {}),
    });
    return options.teams
      ? onlyTeams(result, options.teams, options.recipient !== undefined)
      : result;
  }

  private rubric(version: string | null) {
    return (version ? getRubric(version) : undefined) ?? DEFAULT_RUBRIC;
  }
}
