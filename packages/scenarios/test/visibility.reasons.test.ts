/**
 * Need to know for the words a trainee types as its agency's reasons: a decision's rationale is its
 * author's agency's own; a request's justification is written for the agency the request is
 * addressed to. Events a trainee may see reach it without the reasons it may not read
 * (`eventForTrainee`, which every live, catch-up and snapshot path of the server asks), and the
 * recipient-scoped debrief keeps them by the same rule (`mayReadReasons`).
 */
import type { LogEvent, LogEventOf } from '@crossroads/shared';
import { compile, eventForTrainee, mayReadReasons, parseScenario, type Seat } from '../src';
import { debrief } from '../src/scoring';
import { WARRANT_DESK_YAML } from './fixtures/warrant-desk';

const at = '2026-01-01T00:00:00.000Z';
const base = { at, time: 0, team: 't1' } as const;
/** The agency each request of the test is addressed to. */
const addressee = (request: string) =>
  ({ req_interpreter: 'prosecutor', req_warrant: 'judge' })[request];

const decided: LogEventOf<'decision.made'> = {
  ...base,
  seq: 5,
  type: 'decision.made',
  role: 'police',
  participant: '00000000-0000-4000-8000-000000000001',
  payload: { decision: 'hold', option: 'hold', rationale: 'RATIONALE-POLICE', confidence: 4 },
};
const sent: LogEventOf<'request.sent'> = {
  ...base,
  seq: 6,
  type: 'request.sent',
  role: 'social_work',
  participant: '00000000-0000-4000-8000-000000000002',
  payload: { request: 'req_interpreter', justification: 'JUSTIFY-SOCIAL' },
};
const seat = (role: string | null, team: string | null = 't1'): Seat => ({ team, role });

describe('eventForTrainee: a decision’s rationale', () => {
  it('reaches the deciding agency of the team as it is: the very event', () => {
    expect(eventForTrainee(seat('police'), decided, addressee)).toBe(decided);
  });

  it('is left out for another agency of the team, and for another team, the rest kept', () => {
    for (const reader of [seat('prosecutor'), seat('social_work'), seat('police', 't2')]) {
      const out = eventForTrainee(reader, decided, addressee);
      expect(out).not.toBe(decided);
      expect(out.payload).not.toHaveProperty('rationale');
      const { rationale: _rationale, ...payload } = decided.payload;
      expect(out).toEqual({ ...decided, payload });
    }
    // A trainee not yet placed in an agency reads no one's reasons.
    expect(eventForTrainee(seat(null), decided, addressee).payload).not.toHaveProperty('rationale');
  });

  it('leaves the stored event unchanged, and gives every such reader the same copy', () => {
    const before = JSON.stringify(decided);
    const a = eventForTrainee(seat('prosecutor'), decided, addressee);
    const b = eventForTrainee(seat('social_work'), decided, addressee);
    expect(a).toBe(b);
    expect(JSON.stringify(decided)).toBe(before);
    expect(decided.payload.rationale).toBe('RATIONALE-POLICE');
  });

  it('staff read it: the rule is asked for trainees only, and the log keeps it', () => {
    // Staff receive the log's events themselves (the server never asks for them); the predicate
    // shared with the debrief answers for the author's own agency only.
    const about = { team: 't1', role: 'police', type: 'decision.made' };
    expect(mayReadReasons(seat('police'), about, 'rationale', addressee)).toBe(true);
    expect(mayReadReasons(seat('prosecutor'), about, 'rationale', addressee)).toBe(false);
  });
});

describe('eventForTrainee: a request’s justification', () => {
  it('reaches the sending agency and the agency the request is addressed to', () => {
    expect(eventForTrainee(seat('social_work'), sent, addressee)).toBe(sent);
    expect(eventForTrainee(seat('prosecutor'), sent, addressee)).toBe(sent);
  });

  it('is left out for a third agency and for another team', () => {
    for (const reader of [seat('police'), seat('judge'), seat('prosecutor', 't2')]) {
      const out = eventForTrainee(reader, sent, addressee);
      expect(out).toEqual({ ...sent, payload: { request: 'req_interpreter' } });
    }
  });

  it('only for request.sent: a justification on any other event is its author’s alone', () => {
    const odd = { ...decided, payload: { ...decided.payload, justification: 'X' } } as LogEvent;
    const out = eventForTrainee(seat('prosecutor'), odd, addressee);
    expect(out.payload).toEqual({ decision: 'hold', option: 'hold', confidence: 4 });
  });
});

describe('eventForTrainee: events without typed reasons', () => {
  const events: LogEvent[] = [
    {
      ...base,
      seq: 1,
      type: 'chat.message',
      role: 'police',
      participant: null,
      payload: { text: 'hi' },
    },
    {
      ...base,
      seq: 2,
      type: 'clock.ticked',
      role: null,
      participant: null,
      payload: { minutes: 5 },
    },
    {
      ...base,
      seq: 3,
      type: 'request.answered',
      role: 'prosecutor',
      participant: null,
      payload: { request: 'req_interpreter', granted: false, reason: 'no budget' },
    },
    {
      ...base,
      seq: 4,
      type: 'joint.signed',
      role: 'prosecutor',
      participant: null,
      payload: { decision: 'hold', option: 'hold' },
    },
    { ...decided, payload: { decision: 'hold', option: 'release' } },
    { ...sent, payload: { request: 'req_interpreter' } },
    {
      seq: 7,
      at,
      time: null,
      team: null,
      role: null,
      participant: null,
      type: 'broadcast.sent',
      payload: { message: 'all teams' },
    },
  ];
  it('come back as the same object, for any reader', () => {
    for (const e of events)
      for (const reader of [seat('police'), seat('judge'), seat('police', 't2'), seat(null, null)])
        expect(eventForTrainee(reader, e, addressee)).toBe(e);
  });
});

describe('the recipient-scoped debrief follows the same rule', () => {
  // The warrant desk with its decision open to the police and the prosecutor alike (not joint).
  const yaml = WARRANT_DESK_YAML.replace(
    'agencies: [police]\n        options:',
    'agencies: [police, prosecutor]\n        options:',
  );
  const parsed = parseScenario(yaml, { format: 'yaml' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const c = compile(parsed.scenario);
  const log = [
    {
      seq: 1,
      at,
      time: null,
      team: null,
      role: null,
      participant: null,
      type: 'session.started',
      payload: { scenario: 'warrant-desk', version: '1.0.0', teams: [{ id: 't1', name: 'T1' }] },
    },
    { ...decided, seq: 2 },
    { ...sent, seq: 3 },
    {
      seq: 4,
      at,
      time: null,
      team: null,
      role: null,
      participant: null,
      type: 'session.ended',
      payload: {},
    },
  ];
  const timeline = (role: string) =>
    debrief(c, log as never, undefined, { recipient: { team: 't1', role } })
      .teams[0]?.timeline.filter((e) => e.seq === 2 || e.seq === 3)
      .map((e) => [e.seq, e.type, e.rationale ?? null]);

  it('a decision both agencies may take: the rationale for the deciding agency only', () => {
    expect(timeline('police')).toEqual([
      [2, 'decision.made', 'RATIONALE-POLICE'],
      [3, 'hidden', null],
    ]);
    expect(timeline('prosecutor')).toEqual([
      [2, 'decision.made', null],
      [3, 'request.sent', 'JUSTIFY-SOCIAL'],
    ]);
    expect(timeline('social_work')).toEqual([
      [2, 'hidden', null],
      [3, 'request.sent', 'JUSTIFY-SOCIAL'],
    ]);
  });
});
