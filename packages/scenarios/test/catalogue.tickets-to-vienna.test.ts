/**
 * "Tickets to Vienna": undercover work is judged by the order that authorised it. The scenario says that
 * posing as a customer needs a judge's order; its undercover acts state which order there was
 * (`order: none` for the officer writing from his own account and for "go ahead now, the order later",
 * `order: judicial` once the judge has signed), and the model scores what that means. Before, every
 * undercover act without incitement was credited as authorised, and the debrief recommended writing to
 * the smugglers without an order as the best option open.
 */
import { RUBRICS } from '../src/rubric';
import type { LogLine } from '../src';
import { debrief } from '../src/scoring';
import type { ScriptedPolicy } from '../examples/generate';
import { loadCatalogue, playScripted } from './scripted-play';

const c = loadCatalogue('tickets-to-vienna');

/** One team's log, by hand: each step is [agency, decision, option]. */
function log(steps: [string, string, string][]): LogLine[] {
  const at = '2026-03-02T08:00:00.000Z';
  return [
    {
      seq: 1,
      at,
      team: null,
      role: null,
      participant: null,
      type: 'session.started',
      payload: {
        scenario: 'tickets-to-vienna',
        version: '1.0.0',
        teams: [{ id: 'team-a', name: 'Team A' }],
      },
    },
    ...steps.map(([role, decision, option], i): LogLine => ({
      seq: i + 2,
      at,
      team: 'team-a',
      role,
      participant: `team-a:${role}`,
      type: 'decision.made',
      payload: { decision, option },
    })),
  ];
}

describe('Tickets to Vienna: capturing the channel', () => {
  // The tester's run: the platforms were asked to preserve first, then the police captured the channel
  // forensically. Two acts, each credited on its own (the preservation request once earned the capture
  // rule's gain, so the capture added 0).
  const testerLog = log([
    ['cyber_unit', 'd_preserve', 'o_preserve'],
    ['police_ocg', 'd_capture', 'o_capture_hashed'],
  ]);

  it.each(RUBRICS.map((r) => [r.version, r] as const))(
    'the debrief no longer calls writing to the number without an order the best option (rubric %s)',
    (_version, rubric) => {
      const d = debrief(c, testerLog, rubric);
      const capture = d.comparison.find((x) => x.decision === 'd_capture');
      const value = (option: string) => capture?.choices.find((x) => x.option === option)?.value;
      expect(capture?.best).toBe('o_capture_hashed');
      expect(capture?.summary.en).not.toMatch(/Best option here: “Write to the number/);
      // Unauthorised undercover work (E−3) and a broken chain of custody: never above doing nothing.
      expect(value('o_message_them')).toBeLessThan(0);
      expect(value('o_message_them')).toBeLessThan(value('o_capture_hashed') ?? -Infinity);
      expect(d.teams[0]?.leftBestPath).toBeNull();
    },
  );

  it.each(RUBRICS.map((r) => [r.version, r] as const))(
    'the preservation request and the forensic capture are both credited, each under its own rule (rubric %s)',
    (_version, rubric) => {
      const d = debrief(c, testerLog, rubric);
      const osint = d.teams[0]?.items
        .filter((i) => i.ruleId.startsWith('EVIDENCE.OSINT.'))
        .map((i) => [i.ruleId, i.points, i.counted, i.detail.en]);
      expect(osint).toEqual([
        ['EVIDENCE.OSINT.PRESERVED', 1, true, 'Preservation request sent to the platform'],
        ['EVIDENCE.OSINT.HASHED', 2, true, 'Adverts captured with URL, time and hash'],
      ]);
      const values = (decision: string) =>
        Object.fromEntries(
          d.comparison
            .find((x) => x.decision === decision)
            ?.choices.map((ch) => [ch.option, ch.value]) ?? [],
        );
      // Preserving is worth more than a takedown or waiting; capturing after it still earns its own gain.
      expect(values('d_preserve')).toEqual({ o_preserve: 1, o_takedown: 0, o_nothing_yet: 0 });
      expect(values('d_capture').o_capture_hashed).toBe(2);
    },
  );

  it('a team that writes to the number from its own account: undercover work without an order, the contacts excluded', () => {
    const t = debrief(c, log([['police_ocg', 'd_capture', 'o_message_them']])).teams[0];
    const ids = t?.items.filter((i) => i.source === 'model').map((i) => i.ruleId) ?? [];
    expect(ids).toContain('EVIDENCE.UNDERCOVER.NO_ORDER');
    expect(ids).not.toContain('EVIDENCE.UNDERCOVER.AUTHORISED');
    const item = t?.items.find((i) => i.ruleId === 'EVIDENCE.UNDERCOVER.NO_ORDER');
    expect(item?.detail.en).toBe('Undercover work without any order');
    expect(item?.detail['sr-Latn']).toBe('Prikrivena radnja bez ikakve naredbe');
    const contacts = t?.evidence.find((e) => e.id === 'ev_undercover');
    expect(contacts?.status).toBe('excluded');
    expect(contacts?.reasons.map((r) => r.en)).toEqual(
      expect.arrayContaining(['obtained by an undercover operation that no order authorised']),
    );
  });
});

describe('Tickets to Vienna: the undercover purchase', () => {
  const byTheBook: ScriptedPolicy = {
    prefer: {
      d_capture: ['o_capture_hashed'],
      d_undercover_request: ['o_uc_through_prosecutor'],
      d_undercover_run: ['o_uc_passive'],
    },
    send: 'all',
    fallback: 'first',
  };
  const run = playScripted(c, [{ id: 'team-a', name: 'A', policy: byTheBook }], {
    seed: 1,
    maxEvents: 400,
  });
  const t = run.team('team-a');

  it("asking the prosecutor for a judge's order is not a step off the best path", () => {
    expect(run.options('team-a')).toEqual(
      expect.arrayContaining(['o_uc_through_prosecutor', 'o_uc_passive']),
    );
    expect(t.leftBestPath?.best).not.toBe('o_uc_no_order');
    const request = run.events.find(
      (e) =>
        e.type === 'decision.made' &&
        (e.payload as { decision: string }).decision === 'd_undercover_request',
    );
    expect(request).toBeDefined();
    const d = debrief(c, run.events);
    const choice = d.comparison
      .find((x) => x.decision === 'd_undercover_request')
      ?.choices.find((x) => x.option === 'o_uc_no_order');
    expect(choice?.value).toBeLessThan(0);
  });

  it("the operation run on the judge's order is credited as authorised", () => {
    const authorised = t.items.filter((i) => i.ruleId === 'EVIDENCE.UNDERCOVER.AUTHORISED');
    expect(authorised.map((i) => i.detail.en)).toEqual([
      "Undercover work on a judge's order, without incitement",
    ]);
    expect(t.items.some((i) => i.ruleId === 'EVIDENCE.UNDERCOVER.NO_ORDER')).toBe(false);
    expect(t.evidence.find((e) => e.id === 'ev_undercover')?.status).toBe('admissible');
  });
});
