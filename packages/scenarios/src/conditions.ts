/**
 * Conditions are data; here they become small predicate functions over a TeamState.
 * Compiled once per condition object (memoised), so evaluating them is cheap.
 */
import type { Condition, Scalar } from './schema';
import type { TeamState } from './state';

export type Test = (s: TeamState) => boolean;

const cache = new WeakMap<Condition, Test>();

function compare(
  v: unknown,
  c: Partial<Record<'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte', Scalar>>,
): boolean {
  if (c.eq !== undefined) return v === c.eq;
  if (c.ne !== undefined) return v !== c.ne;
  if (typeof v !== 'number') return false;
  if (c.gt !== undefined) return v > (c.gt as number);
  if (c.gte !== undefined) return v >= (c.gte as number);
  if (c.lt !== undefined) return v < (c.lt as number);
  if (c.lte !== undefined) return v <= (c.lte as number);
  return false;
}

export function testOf(c: Condition): Test {
  let t = cache.get(c);
  if (!t) {
    t = build(c);
    cache.set(c, t);
  }
  return t;
}

function build(c: Condition): Test {
  if ('all' in c) {
    const parts = c.all.map(testOf);
    return (s) => parts.every((p) => p(s));
  }
  if ('any' in c) {
    const parts = c.any.map(testOf);
    return (s) => parts.some((p) => p(s));
  }
  if ('not' in c) {
    const inner = testOf(c.not);
    return (s) => !inner(s);
  }
  if ('fact' in c) {
    const id = c.fact;
    return (s) => compare(s.facts[id], c);
  }
  if ('act' in c) {
    const key = c.person === undefined ? c.act : `${c.act}|${c.person}`;
    return (s) => (s.actCounts[key] ?? 0) > 0;
  }
  if ('person' in c) {
    const { person, attr, has } = c;
    if (has !== undefined) {
      return (s) => {
        const v = s.people[person]?.[attr];
        return Array.isArray(v) && (v as string[]).includes(has);
      };
    }
    return (s) => compare(s.people[person]?.[attr] ?? null, c);
  }
  if ('evidence' in c) {
    const { evidence: id, status } = c;
    switch (status) {
      case 'obtained':
        return (s) => s.evidence[id] !== undefined;
      case 'missing':
        return (s) => s.evidence[id] === undefined;
      case 'admissible':
        return (s) => s.evidence[id]?.tainted === false;
      case 'tainted':
        return (s) => s.evidence[id]?.tainted === true;
    }
  }
  if ('request' in c) {
    const { request: id, status } = c;
    if (status === 'none') return (s) => s.requests[id] === undefined;
    return (s) => s.requests[id]?.status === status;
  }
  if ('inject' in c) {
    const { inject: id, released } = c;
    return (s) => (s.injects[id] !== undefined) === released;
  }
  if ('time' in c) {
    const { gte, lt } = c.time;
    return (s) => (gte === undefined || s.clock >= gte) && (lt === undefined || s.clock < lt);
  }
  if ('decided' in c) {
    const { decided, option } = c;
    if (option === undefined) return (s) => s.decisions[decided] !== undefined;
    return (s) => s.decisions[decided]?.option === option;
  }
  if ('phase' in c) {
    const id = c.phase;
    return (s) => s.phase === id;
  }
  // The schema admits nothing else; a scenario built in code without validation fails closed.
  return () => false;
}

/** A short English description of a condition, for "why not" messages. */
export function describeCondition(c: Condition): string {
  if ('all' in c) return c.all.map(describeCondition).join(' and ');
  if ('any' in c) return `(${c.any.map(describeCondition).join(' or ')})`;
  if ('not' in c) return `not ${describeCondition(c.not)}`;
  const op = (x: Record<string, unknown>) => {
    for (const k of ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'has'])
      if (x[k] !== undefined)
        return `${{ eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', has: 'has' }[k]} ${JSON.stringify(x[k])}`;
    return '';
  };
  if ('fact' in c) return `${c.fact} ${op(c)}`;
  if ('act' in c) return `act ${c.act}${c.person ? ` on ${c.person}` : ''} done`;
  if ('person' in c) return `${c.person}.${c.attr} ${op(c)}`;
  if ('evidence' in c) return `evidence ${c.evidence} ${c.status}`;
  if ('request' in c) return `request ${c.request} ${c.status}`;
  if ('inject' in c) return `inject ${c.inject} ${c.released ? 'released' : 'not released'}`;
  if ('time' in c)
    return [
      c.time.gte !== undefined ? `time ≥ ${c.time.gte}` : '',
      c.time.lt !== undefined ? `time < ${c.time.lt}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
  if ('decided' in c) return `${c.decided} decided${c.option ? ` as ${c.option}` : ''}`;
  if ('phase' in c) return `in phase ${c.phase}`;
  return 'condition';
}
