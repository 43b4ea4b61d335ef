/**
 * The CLI's text debrief carries the team's own words the web debrief shows: each decision's rationale,
 * why a request was sent, and each answer's reason. With --recipient it prints the recipient-scoped
 * debrief, so they follow the same need to know: a rationale for its author's agency only, a
 * justification for the sender's agency and the agency the request is addressed to, an answer's
 * reason for the agencies of that exchange.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/debrief';
import { WARRANT_DESK_YAML as YAML } from './fixtures/warrant-desk';

const at = '2026-01-01T00:00:00.000Z';
const LINES = [
  {
    team: null,
    role: null,
    participant: null,
    type: 'session.started',
    payload: { scenario: 'warrant-desk', version: '1.0.0', teams: [{ id: 't1', name: 'T1' }] },
  },
  {
    team: 't1',
    role: 'police',
    participant: 't1-police',
    type: 'decision.made',
    payload: { decision: 'hold', option: 'hold', rationale: 'RATIONALE-POLICE: he may\nflee' },
  },
  {
    team: 't1',
    role: 'social_work',
    participant: 't1-social',
    type: 'request.sent',
    payload: { request: 'req_interpreter', justification: 'JUSTIFY-SOCIAL: a boy of 15' },
  },
  {
    team: 't1',
    role: 'prosecutor',
    participant: 't1-pros',
    type: 'request.answered',
    payload: { request: 'req_interpreter', granted: false, reason: 'REFUSE-PROS: no budget' },
  },
  { team: null, role: null, participant: null, type: 'session.ended', payload: {} },
];

let dir = '';
let scenario = '';
let events = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crossroads-cli-'));
  scenario = join(dir, 'warrant-desk.yaml');
  events = join(dir, 'session.jsonl');
  writeFileSync(scenario, YAML);
  writeFileSync(
    events,
    LINES.map((l, i) => JSON.stringify({ seq: i + 1, at, ...l })).join('\n') + '\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...extra: string[]) => {
  const r = main(['--scenario', scenario, '--events', events, ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};
const markers = (out: string) =>
  ['RATIONALE-POLICE', 'JUSTIFY-SOCIAL', 'REFUSE-PROS'].filter((m) => out.includes(m));

describe('cli/debrief: rationales and answers’ reasons', () => {
  it('prints each under its entry, labelled as the web debrief labels them (staff: all of them)', () => {
    const out = run();
    const lines = out.split('\n');
    const after = (marker: string) => lines[lines.findIndex((l) => l.includes(marker)) + 1];
    expect(after('Hold him')).toBe('        Rationale: “RATIONALE-POLICE: he may flee”');
    expect(after('Request sent: An interpreter')).toBe(
      '        Why it was requested: “JUSTIFY-SOCIAL: a boy of 15”',
    );
    expect(after('Request refused: An interpreter')).toBe(
      '        Reason given: “REFUSE-PROS: no budget”',
    );
  });

  it('in the reader’s language', () => {
    const out = run('--lang', 'sr-Latn');
    expect(out).toContain('Obrazloženje: “RATIONALE-POLICE');
    expect(out).toContain('Zašto je zatraženo: “JUSTIFY-SOCIAL');
    expect(out).toContain('Navedeni razlog: “REFUSE-PROS');
  });

  it('for a recipient, only what that agency may read', () => {
    expect(markers(run('--recipient', 't1:police'))).toEqual(['RATIONALE-POLICE']);
    expect(markers(run('--recipient', 't1:social_work'))).toEqual([
      'JUSTIFY-SOCIAL',
      'REFUSE-PROS',
    ]);
    expect(markers(run('--recipient', 't1:prosecutor'))).toEqual(['JUSTIFY-SOCIAL', 'REFUSE-PROS']);
  });
});
