import {
  afterActionReportSchema,
  participationReportSchema,
  type AfterActionReport,
  type ParticipationReport,
  type SessionMeta,
} from '@crossroads/shared';
import { api, joinSeat, SessionClient, type Staff } from '../../apps/server/bench/session-client';
import { accepted } from '../acks';
import type { TestServer } from './helpers';
import { miniFacilitator, startMiniServer } from './mini-server';

jest.setTimeout(60_000);

/*
 * Red lines several agencies answer for, through the real server: a joint decision (every signer)
 * and a request one trainee sent and another granted (requester and granter). The debrief counts
 * each under every responsible agency (byAgency); the participation report's red-line list and the
 * after-action report's entries name each of them too.
 */

const SCENARIO = `
language: 2
id: joint-river
version: 1.0.0
title: The river bank
summary: A group is found on the bank; the agencies decide together.
objectives: [Work out what each person needs.]
durationMinutes: 30
languages: [en]
timeLimitMinutes: 900
timeLimitEnding: shift_over
agencies:
  - { id: border_police, name: Border Police, playable: required, briefing: You found the group. }
  - { id: prosecutor, name: Prosecutor, playable: required, briefing: You lead the case. }
  - { id: social_work, name: Centre for Social Work, playable: required, briefing: You are on call for children. }
people:
  - { id: omar, name: Omar, kind: witness, languages: [ar], smuggled: true }
  - { id: lina, name: Lina, kind: witness, claimedAge: 14, languages: [ar], vulnerabilities: [child], smuggled: true, accompanied: false }
  - { id: sami, name: Sami, kind: migrant, claimedAge: 12, languages: [ar], vulnerabilities: [child], smuggled: true, accompanied: false }
phases:
  - id: bank
    title: On the bank
    description: Everyone is on the bank.
    decisions:
      - id: lina_plan
        title: Lina
        prompt: Both of you sign one plan.
        agencies: [border_police, social_work]
        joint: [border_police, social_work]
        options:
          - id: guardian
            label: A guardian first
            timeCost: 20
            effects:
              - { person: lina, set: { guardian: true } }
          - id: back
            label: Walk her back to the river
            timeCost: 20
            effects:
              - { act: pushback, person: lina }
requests:
  - id: req_return
    title: Agree to hand Omar to the neighbour's police
    from: [border_police]
    to: prosecutor
    durationMinutes: 10
    grantEffects:
      - { act: handover_foreign, person: omar }
endings:
  - { id: shift_over, title: Shift over, description: The shift ends., kind: other }
`;

let server: TestServer;
let fac: Staff;
let meta: SessionMeta;
let team: string;
const clients: SessionClient[] = [];

beforeAll(async () => {
  server = await startMiniServer({ scenarios: { 'joint-river.yaml': SCENARIO } });
  fac = await miniFacilitator(server);
  meta = await api<SessionMeta>(
    server.url,
    'POST',
    '/api/sessions',
    { scenario: 'joint-river', teams: 1, timeRatio: 0 },
    fac.token,
  );
  team = meta.teams[0]?.id ?? '';
  const facilitator = new SessionClient(
    server.url,
    { kind: 'facilitator', token: fac.token },
    meta.id,
  );
  clients.push(facilitator);
  await facilitator.connected();
  const seat = async (role: string, displayName: string) => {
    const { client } = await joinSeat(
      server.url,
      meta,
      {
        displayName,
        team,
        role,
      },
      clients,
    );
    return client;
  };
  const bp = await seat('border_police', 'Jelena Petrović');
  const sw = await seat('social_work', 'Ivana Kovač');
  const pr = await seat('prosecutor', 'Marko Ilić');
  accepted(await facilitator.send('session.start', {}));
  await bp.until(() => bp.view !== null, 5000, 'first view');
  accepted(await bp.send('joint.sign', { decision: 'lina_plan', option: 'back' }));
  await sw.until(() => sw.view !== null, 5000, 'first view');
  accepted(await sw.send('joint.sign', { decision: 'lina_plan', option: 'back' }));
  accepted(await bp.send('request.send', { request: 'req_return' }));
  await pr.until(
    () => pr.view?.requests.some((r) => r.request === 'req_return') ?? false,
    5000,
    'incoming request',
  );
  accepted(
    await pr.send('request.answer', {
      requestInstance: 'req_return',
      granted: true,
      reason: 'Agreed.',
    }),
  );
  accepted(await facilitator.send('session.end', {}));
});

afterAll(async () => {
  for (const c of clients) c.socket.close();
  await server?.close();
});

const PUSHBACK = 'RIGHTS.NONREFOULEMENT.PUSHBACK';
const HANDOVER = 'RIGHTS.NONREFOULEMENT.HANDOVER';
/** Who answers for each red line: the signers of the plan; the requester, then the granter. */
const ANSWERING = {
  [PUSHBACK]: ['border_police', 'social_work'],
  [HANDOVER]: ['border_police', 'prosecutor'],
};

describe('the participation report', () => {
  let raw: ParticipationReport;
  beforeAll(async () => {
    raw = await api<ParticipationReport>(
      server.url,
      'GET',
      `/api/sessions/${meta.id}/participation`,
      undefined,
      fac.token,
    );
  });

  it("keeps to the wire contract when an item is nobody's: no agency row for it", () => {
    // Sami never got a guardian, and no option or request could give him one: an obligation no agency
    // answers for (role null in the debrief). (Lina's, lost when she was walked back, is the
    // pushback's.)
    expect(raw.byAgency.map((a) => a.agency).sort()).toEqual([
      'border_police',
      'prosecutor',
      'social_work',
    ]);
    expect(participationReportSchema.safeParse(raw).error).toBeUndefined();
  });

  it('names every agency answering for a red line, as the per-agency red lines count it', () => {
    const report = participationReportSchema.parse(raw);
    expect(report.redLines.map((r) => [r.ruleId, r.team, r.agencies])).toEqual([
      [PUSHBACK, team, ANSWERING[PUSHBACK]],
      [HANDOVER, team, ANSWERING[HANDOVER]],
    ]);
    // Each red line once in the totals, in full under every answering agency in byAgency.
    expect(report.totals.redLines).toBe(2);
    const perAgency = Object.fromEntries(report.byAgency.map((a) => [a.agency, a.redLines]));
    expect(perAgency).toEqual({ border_police: 2, social_work: 1, prosecutor: 1 });
    for (const [agency, n] of Object.entries(perAgency))
      expect(report.redLines.filter((r) => r.agencies.includes(agency))).toHaveLength(n);
  });

  it('names them in the CSV export as well', async () => {
    const response = await fetch(`${server.url}/api/sessions/${meta.id}/participation.csv`, {
      headers: { Authorization: `Bearer ${fac.token}` },
    });
    const rows = (await response.text()).split('\r\n').filter((l) => l.startsWith('red_line,'));
    expect(rows).toEqual([
      expect.stringContaining(`,${team} border_police + social_work,${PUSHBACK},`),
      expect.stringContaining(`,${team} border_police + prosecutor,${HANDOVER},`),
    ]);
  });
});

describe('the after-action report draft', () => {
  let report: AfterActionReport;
  beforeAll(async () => {
    report = afterActionReportSchema.parse(
      await api(server.url, 'GET', `/api/sessions/${meta.id}/aar`, undefined, fac.token),
    );
  });

  it('gives every agency answering for a red line its own area for improvement', () => {
    const capability = report.capabilities.find((c) => c.id === 'non-refoulement');
    const areas = capability?.areasForImprovement ?? [];
    for (const [rule, agencies] of Object.entries(ANSWERING)) {
      const own = areas.filter((e) => e.ruleId === rule);
      expect(own.map((e) => e.agency).sort()).toEqual([...agencies].sort());
      // The same finding, in full under each agency (as byAgency counts it), marked a red line.
      expect(new Set(own.map((e) => JSON.stringify([e.findings, e.points, e.redLine])))).toEqual(
        new Set([JSON.stringify([own[0]?.findings, own[0]?.points, true])]),
      );
      for (const agency of agencies)
        expect(report.agencies.find((a) => a.agency === agency)?.areasForImprovement).toContain(
          own.find((e) => e.agency === agency)?.id,
        );
    }
  });

  it('names each of them in the CSV export', async () => {
    const response = await fetch(`${server.url}/api/sessions/${meta.id}/aar.csv`, {
      headers: { Authorization: `Bearer ${fac.token}` },
    });
    const rows = (await response.text()).split('\r\n');
    const agencyOf = (title: string) =>
      rows.filter((r) => r.includes(`,${title},`)).map((r) => r.split(',')[4]);
    expect(agencyOf('Pushback across the border').sort()).toEqual([
      'Border Police',
      'Centre for Social Work',
    ]);
    expect(agencyOf('Informal handover to a neighbouring police').sort()).toEqual([
      'Border Police',
      'Prosecutor',
    ]);
  });

  it("counts a shared finding once in the capability's figures", () => {
    const capability = report.capabilities.find((c) => c.id === 'non-refoulement');
    const findings = new Map<string, number>();
    for (const e of [...(capability?.strengths ?? []), ...(capability?.areasForImprovement ?? [])])
      for (const f of e.findings) if (f.counted) findings.set(`${f.team}|${f.key}`, f.points);
    const lost = [...findings.values()].filter((p) => p < 0).reduce((sum, p) => sum - p, 0);
    expect(capability).toMatchObject({ redLines: 2, losses: lost, draftRating: 'U' });
    expect(lost).toBeGreaterThan(0);
  });
});
