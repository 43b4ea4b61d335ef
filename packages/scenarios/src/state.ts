/**
 * The state of one team's run: plain JSON (no classes, no undefined values, no functions),
 * so it can be stored, sent, compared and checked against `teamStateSchema`.
 */
import { z } from 'zod';
import { ACT_KINDS, PERSON_KINDS, Provenance, VULNERABILITIES, WHEREABOUTS } from './schema';
import type { ActKind, Scalar } from './schema';

export interface PersonState {
  kind: (typeof PERSON_KINDS)[number];
  claimedAge: number | null;
  apparentAge: number | null;
  nationality: string | null;
  languages: string[];
  vulnerabilities: (typeof VULNERABILITIES)[number][];
  asylumExpressed: boolean;
  traffickingIndicators: string[];
  whereabouts: (typeof WHEREABOUTS)[number];
  smuggled: boolean;
  accompanied: boolean | null;
  guardian: boolean | null;
  count: number;
  fearsRetaliation: boolean;
  consulRequested: boolean;
  withdrawn: boolean;
}

export interface EvidenceState {
  obtained: Provenance;
  time: number;
  /** Agency that obtained it (null when an inject or request effect produced it without one). */
  by: string | null;
  seq: number;
  tainted: boolean;
  taintReasons: string[];
}

export type RequestStatus = 'pending' | 'granted' | 'refused';

export interface RequestState {
  status: RequestStatus;
  from: string;
  to: string;
  sentAt: number;
  answeredAt: number | null;
  /** Answering agency, or 'facilitator'. */
  answeredBy: string | null;
  reason: string | null;
  /** Why the sender needs it, as written with the latest sending (absent in states from before). */
  justification?: string | null;
  /** How many times it was sent (a refused request may be sent again). */
  times: number;
  /**
   * The exchanges before the latest sending, oldest first, once a refused request has been sent again:
   * who sent each, and `until`, the seq of the sending that followed it (an event of this request with a
   * lower seq belongs to that exchange). Absent while the request was sent once. `sentAt`,
   * `answeredAt` and `reason` are that exchange's (absent in states from before they were kept);
   * `justification` its sender's, when one was given (and kept).
   */
  earlier?: {
    from: string;
    until: number;
    sentAt?: number;
    answeredAt?: number | null;
    reason?: string | null;
    justification?: string;
  }[];
}

export interface DecisionState {
  option: string;
  time: number;
  role: string | null;
  participant: string | null;
  seq: number;
  count: number;
}

export interface InjectState {
  time: number;
  by: 'facilitator' | 'time' | 'condition' | 'effect';
  seq: number;
}

export interface ActRecord {
  kind: ActKind;
  params: Record<string, unknown>;
  persons: string[];
  time: number;
  seq: number;
  role: string | null;
  participant: string | null;
  /** Where the act came from: `decision/option`, `request:<id>`, `inject:<id>` or `enter:<phase>`. */
  via: string;
}

export interface Booking {
  resource: string;
  count: number;
  from: number;
  to: number;
}

export interface TeamState {
  scenario: string;
  version: string;
  team: string;
  phase: string;
  /** Scenario minutes. */
  clock: number;
  /** seq of the last event applied (0 before any). */
  seq: number;
  /** Number of events applied. */
  steps: number;
  facts: Record<string, Scalar>;
  people: Record<string, PersonState>;
  /** Agencies that learned about a person during the run (beyond the person's `knownTo`). */
  known: Record<string, string[]>;
  /** person → hidden attribute → agencies that observed it. */
  observed: Record<string, Record<string, string[]>>;
  evidence: Record<string, EvidenceState>;
  /** document/evidence id → agencies it was revealed to. */
  reveals: Record<string, string[]>;
  requests: Record<string, RequestState>;
  decisions: Record<string, DecisionState>;
  /** decision → agency → option it signed (joint decisions still waiting for signatures). */
  joint: Record<string, Record<string, string>>;
  injects: Record<string, InjectState>;
  scheduled: { at: number; inject: string }[];
  bookings: Booking[];
  acts: ActRecord[];
  /** Counts of acts by `kind` and by `kind|person` (what `{ act }` conditions read). */
  actCounts: Record<string, number>;
  ended: { ending: string; time: number } | null;
}

const Str = z.string();
const Agencies = z.array(Str);

export const teamStateSchema = z.strictObject({
  scenario: Str,
  version: Str,
  team: Str,
  phase: Str,
  clock: z.number().int().nonnegative(),
  seq: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
  facts: z.record(Str, z.union([z.string(), z.number(), z.boolean()])),
  people: z.record(
    Str,
    z.strictObject({
      kind: z.enum(PERSON_KINDS),
      claimedAge: z.number().nullable(),
      apparentAge: z.number().nullable(),
      nationality: Str.nullable(),
      languages: z.array(Str),
      vulnerabilities: z.array(z.enum(VULNERABILITIES)),
      asylumExpressed: z.boolean(),
      traffickingIndicators: z.array(Str),
      whereabouts: z.enum(WHEREABOUTS),
      smuggled: z.boolean(),
      accompanied: z.boolean().nullable(),
      guardian: z.boolean().nullable(),
      count: z.number().int().positive(),
      // Language 2 facts; checkpoints written before them read as false.
      fearsRetaliation: z.boolean().default(false),
      consulRequested: z.boolean().default(false),
      withdrawn: z.boolean().default(false),
    }),
  ),
  known: z.record(Str, Agencies),
  observed: z.record(Str, z.record(Str, Agencies)),
  evidence: z.record(
    Str,
    z.strictObject({
      obtained: Provenance,
      time: z.number(),
      by: Str.nullable(),
      seq: z.number(),
      tainted: z.boolean(),
      taintReasons: z.array(Str),
    }),
  ),
  reveals: z.record(Str, Agencies),
  requests: z.record(
    Str,
    z.strictObject({
      status: z.enum(['pending', 'granted', 'refused']),
      from: Str,
      to: Str,
      sentAt: z.number(),
      answeredAt: z.number().nullable(),
      answeredBy: Str.nullable(),
      reason: Str.nullable(),
      justification: Str.nullable().optional(),
      times: z.number().int().positive(),
      earlier: z
        .array(
          z.strictObject({
            from: Str,
            until: z.number(),
            sentAt: z.number().optional(),
            answeredAt: z.number().nullable().optional(),
            reason: Str.nullable().optional(),
            justification: Str.optional(),
          }),
        )
        .optional(),
    }),
  ),
  decisions: z.record(
    Str,
    z.strictObject({
      option: Str,
      time: z.number(),
      role: Str.nullable(),
      participant: Str.nullable(),
      seq: z.number(),
      count: z.number().int().positive(),
    }),
  ),
  joint: z.record(Str, z.record(Str, Str)),
  injects: z.record(
    Str,
    z.strictObject({
      time: z.number(),
      by: z.enum(['facilitator', 'time', 'condition', 'effect']),
      seq: z.number(),
    }),
  ),
  scheduled: z.array(z.strictObject({ at: z.number(), inject: Str })),
  bookings: z.array(
    z.strictObject({ resource: Str, count: z.number(), from: z.number(), to: z.number() }),
  ),
  acts: z.array(
    z.strictObject({
      kind: z.enum(ACT_KINDS),
      params: z.record(Str, z.unknown()),
      persons: z.array(Str),
      time: z.number(),
      seq: z.number(),
      role: Str.nullable(),
      participant: Str.nullable(),
      via: Str,
    }),
  ),
  actCounts: z.record(Str, z.number().int().positive()),
  ended: z.strictObject({ ending: Str, time: z.number() }).nullable(),
});

/** Canonical JSON: keys sorted at every level, so equal states give equal strings. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

function keyed<T>(r: Record<string, T>, f: (v: T) => string): string {
  const keys = Object.keys(r);
  if (keys.length > 1) keys.sort();
  let out = '';
  for (const k of keys) out += `${k}=${f(r[k] as T)};`;
  return out;
}
const set = (xs: readonly string[]) => (xs.length > 1 ? [...xs].sort().join(',') : (xs[0] ?? ''));

/**
 * Serialised containers, by object. States share unchanged containers (copy-on-write), so most
 * of an identity is a cache hit.
 */
const partCache = new WeakMap<object, string>();
function part<T extends object>(o: T, f: (o: T) => string): string {
  let v = partCache.get(o);
  if (v === undefined) {
    v = f(o);
    partCache.set(o, v);
  }
  return v;
}

const evidencePart = (r: TeamState['evidence']) =>
  keyed(
    r,
    (e) =>
      `${e.obtained.order},${e.obtained.interpreter},${e.obtained.consent},${e.obtained.custody},${e.tainted}`,
  );
const requestsPart = (r: TeamState['requests']) =>
  keyed(r, (x) => (x.status === 'pending' ? `p@${x.sentAt}` : x.status));
const decisionsPart = (r: TeamState['decisions']) => keyed(r, (d) => `${d.option}#${d.count}`);
const setOfSets = (r: Record<string, string[]>) => keyed(r, set);
const observedPart = (r: TeamState['observed']) => keyed(r, (o) => keyed(o, set));
const jointPart = (r: TeamState['joint']) => keyed(r, (j) => keyed(j, (o) => o));
/** People promised something off the record by the acts before index `end` (all acts if left out). */
export function promisedTo(acts: readonly ActRecord[], end = acts.length): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < end; i++) {
    const a = acts[i];
    if (a?.kind === 'plea_agreement' && a.params.formal !== true)
      for (const p of a.persons) out.add(p);
  }
  return out;
}

const keysPart = (r: object) => set(Object.keys(r));
const promisesPart = (acts: TeamState['acts']) => set([...promisedTo(acts)]);

type Part = <T extends object>(o: T, f: (o: T) => string) => string;

function identityWith(s: TeamState, p: Part): string {
  let bookings = '';
  for (const b of s.bookings)
    if (b.to > s.clock) bookings += `${b.resource}:${b.count}:${b.from}:${b.to};`;
  let scheduled = '';
  if (s.scheduled.length > 0) scheduled = set(s.scheduled.map((x) => `${x.at}:${x.inject}`));
  return [
    s.phase,
    s.clock,
    p(s.facts, JSON.stringify),
    p(s.people, JSON.stringify),
    p(s.known, setOfSets),
    p(s.observed, observedPart),
    p(s.evidence, evidencePart),
    p(s.reveals, setOfSets),
    p(s.requests, requestsPart),
    p(s.decisions, decisionsPart),
    p(s.joint, jointPart),
    p(s.injects, keysPart),
    scheduled,
    bookings,
    p(s.actCounts, keysPart),
    // An off-record promise taints what its addressee says later (reduce.ts), so it is part of the situation.
    p(s.acts, promisesPart),
    s.ended?.ending ?? '',
  ].join('|');
}

/**
 * The identity of a state for exploration: everything that can change what happens next or what
 * an agency sees, without the history fields (seq, steps, the acts list, times, who sent or
 * answered a request and why). Facts and people keep their creation key order, so they are
 * serialised as they are; keyed containers are sorted. Equal identities = the same situation.
 */
export function stateIdentity(s: TeamState): string {
  return identityWith(s, part);
}

/**
 * A compact identity function for one exploration: each part is replaced by a number given to
 * its text the first time it is seen, so identities stay short (hashing long keys dominated the
 * search). Two states get the same compact identity exactly when stateIdentity() agrees.
 */
export function compactIdentity(): (s: TeamState) => string {
  const numbers = new Map<string, number>();
  const cache = new WeakMap<object, string>();
  const p: Part = (o, f) => {
    let v = cache.get(o);
    if (v === undefined) {
      const text = part(o, f);
      let n = numbers.get(text);
      if (n === undefined) {
        n = numbers.size;
        numbers.set(text, n);
      }
      v = String(n);
      cache.set(o, v);
    }
    return v;
  };
  return (s) => identityWith(s, p);
}
