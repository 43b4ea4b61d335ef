/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { DebriefView } from '../src/debrief/DebriefView';
import type { ReplaySource } from '../src/lib/debriefApi';
import { ReviewLinkPanel } from '../src/debrief/ReviewLinkPanel';
import type { DebriefContext } from '../src/debrief/model';
import type { DebriefCredential } from '../src/lib/debriefApi';
import { createI18n } from '../src/i18n';
import {
  fixtureContext,
  noCaseDebrief,
  REFUSAL_REASON,
  withRequestAnswers,
} from './debrief-fixture';
import { MemoryStorage } from './fakes';

beforeAll(() => {
  // jsdom has no layout: charts get a ResizeObserver that never fires, and scrolling is a no-op.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  window.scrollTo = jest.fn();
  Element.prototype.scrollIntoView = jest.fn();
});

function renderView(
  context: DebriefContext = fixtureContext(),
  path = '/d',
  credential: DebriefCredential | null = null,
) {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'en');
  const i18n = createI18n({ storage, browserLanguages: [] });
  const router = createMemoryRouter(
    [{ path: '/d', element: <DebriefView context={context} credential={credential} /> }],
    { initialEntries: [path] },
  );
  render(
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
  return { i18n, router };
}

const section = (id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no section ${id}`);
  return within(el);
};

describe('debrief view', () => {
  test('shows every team at a glance with scores, outcome and red lines in words', () => {
    renderView();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Reefer at the border');
    const cards = document.querySelectorAll('[data-team-card]');
    expect(cards).toHaveLength(3);
    const b = within(document.querySelector('[data-team-card="team-b"]') as HTMLElement);
    expect(b.getByText(/Red line crossed/).textContent).toBe(' Red line crossed: 1');
    expect(b.getByText('Hard fail: a red line was crossed')).toBeTruthy();
    expect(b.getAllByText('Limited by a red line')).toHaveLength(2);
    const a = within(document.querySelector('[data-team-card="team-a"]') as HTMLElement);
    expect(a.queryByText(/Red line crossed/)).toBeNull();
    expect(a.getByText('80')).toBeTruthy();
  });

  test('choosing a team shows its red lines, case strength and timeline with notes as text', async () => {
    const { router } = renderView();
    fireEvent.change(screen.getByLabelText('Team shown'), { target: { value: 'team-b' } });
    await screen.findByRole('heading', { name: 'Team B in detail' });
    expect(router.state.location.search).toBe('?team=team-b');
    const team = section('team');
    expect(team.getByText(/A red line caps the result/)).toBeTruthy();
    expect(team.getByText('Rights score 0: at most 0 while a red line stands.')).toBeTruthy();
    // No cap stated in the method: said in general words.
    expect(team.getByText('Evidence score 40: limited by the red line.')).toBeTruthy();
    expect(team.getByText(/red line crossed → capped at 0/)).toBeTruthy();
    expect(team.getByText('Degrading treatment')).toBeTruthy();
    expect(team.getAllByText('Excluded').length).toBeGreaterThan(0);
    expect(team.getByText('Searched without a court order')).toBeTruthy();

    const timeline = section('timeline');
    const note = timeline.getByText('They did not <b>ask</b> anyone');
    expect(note.querySelector('b')).toBeNull();
    expect(timeline.getByText('Events shown: 2 of 2')).toBeTruthy();
  });

  test('several legal bases read as separate items, with their separators in the text (not only drawn by CSS)', async () => {
    const context = fixtureContext();
    // Every legal basis of the debrief (scored items, red lines) names two articles.
    const twoBases = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(twoBases);
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (Array.isArray(record.legalBasis)) {
          record.legalBasis = [
            { instrument: 'ECHR', article: 'art. 3' },
            { instrument: 'ECHR', article: 'art. 5' },
          ];
        }
        Object.values(record).forEach(twoBases);
      }
    };
    twoBases(context.debrief);
    renderView(context, '/d?team=team-b');
    await screen.findByRole('heading', { name: 'Team B in detail' });
    const legal = document.querySelector('#team .legal') as HTMLElement;
    // Copied, read aloud or printed, the items never run together ("art. 3ECHR art. 5").
    expect(legal.textContent).toBe('Legal basis: ECHR art. 3; ECHR art. 5');
    const items = within(legal).getAllByRole('listitem');
    // A screen reader announces the list's items; the drawn separator is hidden from it.
    const spoken = (li: HTMLElement) =>
      [...li.childNodes]
        .filter((n) => !(n instanceof HTMLElement && n.getAttribute('aria-hidden') === 'true'))
        .map((n) => n.textContent)
        .join('');
    expect(items.map(spoken)).toEqual(['ECHR art. 3', 'ECHR art. 5']);
  });

  test('timeline filters by agency, participant and scored events', async () => {
    renderView(fixtureContext(), '/d?team=team-a');
    const timeline = section('timeline');
    expect(timeline.getByText('Events shown: 3 of 3')).toBeTruthy();
    fireEvent.change(timeline.getByLabelText('Agency'), { target: { value: 'prosecutor' } });
    expect(timeline.getByText('Events shown: 1 of 3')).toBeTruthy();
    expect(timeline.queryByText('Safety first')).toBeNull();
    fireEvent.click(timeline.getByRole('button', { name: 'Clear filters' }));
    fireEvent.change(timeline.getByLabelText('Participant'), { target: { value: 'team-a-p1' } });
    expect(timeline.getByText('Events shown: 1 of 3')).toBeTruthy();
    expect(timeline.getByText('Safety first')).toBeTruthy();
    fireEvent.click(timeline.getByRole('button', { name: 'Clear filters' }));
    fireEvent.click(timeline.getByLabelText('Only scored events'));
    expect(timeline.getByText('Events shown: 2 of 3')).toBeTruthy();
    // The participant filter lists display names, not ids.
    expect(
      within(timeline.getByLabelText('Participant'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All', 'Ana', 'Marko']);
  });

  test('an answered request shows why it was granted or refused, marked as typed in the session’s language', () => {
    const context = fixtureContext({
      language: 'sr-Latn',
      debrief: withRequestAnswers(fixtureContext().debrief),
    });
    renderView(context, '/d?team=team-a');
    const timeline = section('timeline');
    const row = (seq: number) => {
      const el = document.querySelector(`#timeline [data-seq="${seq}"]`);
      if (!el) throw new Error(`no row ${seq}`);
      return el as HTMLElement;
    };
    const refused = row(14);
    expect(within(refused).getByText('Request refused: Search order')).toBeTruthy();
    const reason = refused.querySelector('[data-answer-reason]');
    expect(reason?.tagName).toBe('BLOCKQUOTE');
    expect(reason?.textContent).toBe(`Reason given: ${REFUSAL_REASON}`);
    // The page is in English, the words in the session's language: marked for screen readers.
    const words = within(refused).getByText(REFUSAL_REASON);
    expect(words.getAttribute('lang')).toBe('sr-Latn');
    // Who answered it, by name.
    expect(within(refused).getByText('Prosecutor · Marko')).toBeTruthy();
    // The justification is the sender's, marked the same way; an answer without a reason has no quote.
    expect(within(row(13)).getByText('The phone may hold the messages').getAttribute('lang')).toBe(
      'sr-Latn',
    );
    expect(row(15).querySelector('[data-answer-reason]')).toBeNull();
    expect(row(16).querySelector('[data-answer-reason]')).toBeNull();
    // Filtering by the answering agency keeps the row and its reason.
    fireEvent.change(timeline.getByLabelText('Agency'), { target: { value: 'prosecutor' } });
    expect(timeline.getByText(REFUSAL_REASON)).toBeTruthy();
  });

  test('typed words are not marked when the page is in the session’s language', () => {
    renderView(
      fixtureContext({ language: 'en', debrief: withRequestAnswers(fixtureContext().debrief) }),
      '/d?team=team-a',
    );
    expect(section('timeline').getByText(REFUSAL_REASON).hasAttribute('lang')).toBe(false);
  });

  test("team names, typed in the session's language, are marked with it on a page in another", () => {
    renderView(fixtureContext({ language: 'sr-Latn' }), '/d?team=team-a');
    const card = document.querySelector('[data-team-card="team-a"] .team-card__name');
    expect(card?.querySelector('[lang="sr-Latn"]')?.textContent).toBe('Team A');
    const heading = document.getElementById('team-title');
    expect(heading?.querySelector('[lang="sr-Latn"]')?.textContent).toBe('Team A');
    const option = [...document.querySelectorAll('.team-picker option')].find(
      (o) => o.textContent === 'Team A',
    );
    expect(option?.getAttribute('lang')).toBe('sr-Latn');
  });

  test('entries that share seq, type and time (two deadlines) survive filtering', () => {
    const context = fixtureContext();
    const a = context.debrief.teams[0]!;
    const deadline = {
      ...a.timeline[1]!,
      type: 'deadline.passed',
      items: [],
      label: { en: 'Deadline 1' },
    };
    a.timeline.splice(2, 0, deadline, { ...deadline, label: { en: 'Deadline 2' } });
    renderView(context, '/d?team=team-a');
    const timeline = section('timeline');
    const rows = () => document.querySelectorAll('#timeline .tl-row').length;
    expect(rows()).toBe(5);
    fireEvent.change(timeline.getByLabelText('Agency'), { target: { value: 'prosecutor' } });
    expect(rows()).toBe(1);
    fireEvent.click(timeline.getByRole('button', { name: 'Clear filters' }));
    expect(rows()).toBe(5);
    expect(timeline.getByText('Deadline 2')).toBeTruthy();
  });

  test('compares teams at each decision point and along the chosen team path', () => {
    renderView(fixtureContext(), '/d?team=team-b');
    const compare = section('compare');
    expect(compare.getAllByText('2 of 3 teams chose').length).toBe(2);
    expect(compare.getByText('Chose differently: Team A, Team C')).toBeTruthy();
    expect(compare.getAllByText('Team B’s choice').length).toBe(2);
    const matrix = compare.getByRole('table', { name: 'All paths side by side' });
    expect(within(matrix).getAllByRole('row')).toHaveLength(3);
    fireEvent.click(compare.getByLabelText('Only decision points where teams differ'));
    expect(document.querySelectorAll('[data-decision]')).toHaveLength(2);
  });

  test('where every option loses points, the option worth most is the least costly, not the best', async () => {
    const context = fixtureContext();
    const values: Record<string, number> = { o_good: -2, o_bad: -4, o_wait: -3 };
    const debrief = {
      ...context.debrief,
      comparison: context.debrief.comparison.map((c) =>
        c.decision === 'd1'
          ? { ...c, choices: c.choices.map((o) => ({ ...o, value: values[o.option] ?? null })) }
          : c,
      ),
      teams: context.debrief.teams.map((team) =>
        team.team === 'team-b'
          ? {
              ...team,
              leftBestPath: {
                seq: 3,
                time: 10,
                decision: 'd1',
                chosen: 'o_bad',
                best: 'o_good',
                chosenValue: -4,
                bestValue: -2,
              },
            }
          : team,
      ),
    };
    const { i18n } = renderView({ ...context, debrief }, '/d?team=team-b');
    const compare = section('compare');
    const doors = document.querySelector('.decision-point[data-decision="d1"]') as HTMLElement;
    expect(within(doors).getByText('Least costly option here')).toBeTruthy();
    expect(within(doors).getByText('value −2')).toBeTruthy();
    expect(doors.textContent).not.toContain('Best option');
    expect(compare.getByText('Least costly option was: Open and help (−2)')).toBeTruthy();
    const matrix = compare.getByRole('table', { name: 'All paths side by side' });
    expect(within(matrix).getAllByText(/Least costly option here:/)).toHaveLength(2);
    // An option that gains points is still the best (the charge, +4).
    expect(compare.getAllByText('Best option').length).toBeGreaterThan(0);
    expect(section('team').getByText(/least costly option open/)).toBeTruthy();
    expect(section('team').getByText(/least costly: “Open and help” \(−2\)/)).toBeTruthy();
    await act(() => i18n.changeLanguage('sr-Latn'));
    expect(within(doors).getByText('Opcija sa najmanjim gubitkom ovde')).toBeTruthy();
    expect(doors.textContent).not.toContain('Najbolja');
  });

  test('every chart has a table alternative', () => {
    renderView();
    const charts = section('charts');
    const tables = charts.getAllByRole('table');
    expect(tables).toHaveLength(2);
    const scatter = within(tables[1]!);
    expect(scatter.getAllByRole('row').map((r) => r.textContent)).toContain('Team B4001 crossed');
    fireEvent.change(charts.getByLabelText('Score axis'), { target: { value: 'evidence' } });
    expect(within(tables[0]!).getByText(/Evidence/)).toBeTruthy();
  });

  test('switching to Serbian shows the Serbian texts of the debrief data', async () => {
    const { i18n } = renderView(fixtureContext(), '/d?team=team-b');
    await act(() => i18n.changeLanguage('sr-Latn'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Hladnjača na granici');
    expect(section('team').getByText('Ponižavajuće postupanje')).toBeTruthy();
    expect(section('compare').getAllByText('Izabrala su 2 tima od 3').length).toBe(2);
    expect(screen.getAllByText(/Pređena crvena linija/).length).toBeGreaterThan(0);
    expect(section('team').getByText(/pređena crvena linija → najviše 0/)).toBeTruthy();
  });

  test('in Macedonian and Albanian the debrief shows those texts where the data has them, else English', async () => {
    const { i18n } = renderView(fixtureContext(), '/d?team=team-b');
    await act(() => i18n.changeLanguage('mk'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ладилник на границата');
    expect(section('team').getByText('Понижувачко постапување')).toBeTruthy();
    expect(section('compare').getAllByText('Избраа 2 од 3 тима').length).toBe(2);
    await act(() => i18n.changeLanguage('sq'));
    // The scenario title has no Albanian: English is shown.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Reefer at the border');
    expect(section('team').getByText('Trajtim poshtërues')).toBeTruthy();
    expect(section('compare').getAllByText('E zgjodhën 2 nga 3 ekipe').length).toBe(2);
  });

  test('scenario times past the first day write the day in the page language', async () => {
    const context = fixtureContext();
    const teamA = context.debrief.teams.find((x) => x.team === 'team-a');
    const late = teamA?.timeline.find((e) => e.seq === 5);
    if (!late) throw new Error('no entry 5');
    late.time = 1530;
    const { i18n } = renderView(context, '/d?team=team-a');
    const times = () =>
      [...document.querySelectorAll('#timeline .tl-row__time')].map((el) => el.textContent);
    expect(times()).toContain('T+1 d 01:30');
    await act(() => i18n.changeLanguage('mk'));
    expect(times()).toContain('T+1 д 01:30');
  });

  test('when the scenario says when Day 1 starts, every time reads the day clock trainees saw', async () => {
    // The live views read "Day 1, 03:25" for minute 15 of a scenario starting at 03:10; the debrief
    // must not call the same moment "T+00:15".
    const context = fixtureContext();
    context.debrief.scenario.startTime = '03:10';
    const teamA = context.debrief.teams.find((x) => x.team === 'team-a');
    const late = teamA?.timeline.find((e) => e.seq === 5);
    if (!late) throw new Error('no entry 5');
    late.time = 1530;
    const { i18n } = renderView(context, '/d?team=team-a');
    const times = () =>
      [...document.querySelectorAll('#timeline .tl-row__time')].map((el) => el.textContent);
    expect(times()).toContain('Day 2, 04:40');
    expect(times().every((time) => /^Day \d+, \d\d:\d\d$/.test(time ?? ''))).toBe(true);
    expect(document.body.textContent).not.toContain('T+');
    await act(() => i18n.changeLanguage('mk'));
    expect(times()).toContain('Ден 2, 04:40');
    await act(() => i18n.changeLanguage('sq'));
    expect(times()).toContain('Dita 2, 04:40');
    expect(document.body.textContent).not.toContain('T+');
  });

  test('a trainee sees no event-log export; a file says it is a read-only copy', () => {
    renderView(fixtureContext({ source: 'file', serverExports: false }));
    expect(screen.getByText('Opened from a debrief file: a read-only copy.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Event log (JSONL)' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Download PDF report' })).toBeTruthy();
  });

  test("a trainee's debrief names their team instead of counting one team", async () => {
    const base = fixtureContext();
    const scoped = {
      ...base.debrief,
      recipient: { team: 'team-b', role: 'border_police' },
      teams: base.debrief.teams.filter((x) => x.team === 'team-b'),
    };
    const facts = () =>
      [...document.querySelectorAll('.debrief-header .facts > div')].map((f) => f.textContent);
    const { i18n } = renderView(
      fixtureContext({ source: 'participant', debrief: scoped, language: 'sr-Latn' }),
    );
    expect(facts()).toContain('TeamTeam B');
    expect(facts().some((f) => f?.startsWith('Teams'))).toBe(false);
    // The name is typed in the session's language, and marked so.
    expect(document.querySelector('[data-recipient-team] dd [lang="sr-Latn"]')?.textContent).toBe(
      'Team B',
    );
    await act(() => i18n.changeLanguage('mk'));
    expect(facts()).toContain('ТимTeam B');
  });

  test("a trainee's debrief file, opened again, still does not count one team", () => {
    const base = fixtureContext();
    const scoped = {
      ...base.debrief,
      recipient: { team: 'team-a', role: 'prosecutor' },
      teams: base.debrief.teams.filter((x) => x.team === 'team-a'),
    };
    renderView(fixtureContext({ source: 'file', serverExports: false, debrief: scoped }));
    const facts = [...document.querySelectorAll('.debrief-header .facts > div')].map(
      (f) => f.textContent,
    );
    expect(facts).toContain('TeamTeam A');
    expect(facts).not.toContain('Teams1');
  });

  test('the header names the country the case is investigated in, in the page language', async () => {
    const base = fixtureContext();
    const { i18n } = renderView({
      ...base,
      debrief: { ...base.debrief, scenario: { ...base.debrief.scenario, country: 'MK' } },
    });
    const facts = () =>
      [...document.querySelectorAll('.debrief-header .facts > div')].map((f) => f.textContent);
    expect(facts()).toContain('CountryNorth Macedonia');
    await act(() => i18n.changeLanguage('sq'));
    expect(facts()).toContain('ShtetiMaqedonia e Veriut');
  });

  test('a debrief made before the country was stated names none', () => {
    renderView();
    const facts = [...document.querySelectorAll('.debrief-header .facts > div dt')].map(
      (f) => f.textContent,
    );
    expect(facts).not.toContain('Country');
  });

  test('the staff debrief counts its teams', () => {
    renderView();
    const facts = [...document.querySelectorAll('.debrief-header .facts > div')].map(
      (f) => f.textContent,
    );
    expect(facts).toContain(`Teams${fixtureContext().debrief.teams.length}`);
  });

  test('names the session by its details, keeping the id as a reference at the end', () => {
    renderView(
      fixtureContext({
        details: {
          title: 'Border investigations, Subotica',
          place: 'Subotica',
          startsOn: '2026-03-12',
          endsOn: '2026-03-12',
          facilitators: ['Ana Petrović'],
        },
      }),
    );
    const details = document.querySelector('[data-session-details]') as HTMLElement;
    expect(within(details).getByText('Border investigations, Subotica')).toBeTruthy();
    expect(within(details).getByText('12 March 2026')).toBeTruthy();
    expect(within(details).getByText('Ana Petrović')).toBeTruthy();
    const reference = document.querySelector('[data-reference]') as HTMLElement;
    expect(reference.textContent).toBe('Session ID11111111-2222-4333-8444-555555555555');
  });

  test('team-level points are "The team as a whole"; hidden names are numbered, never ids', () => {
    const context = fixtureContext({ participants: { 'team-a-p1': 'Ana' } });
    const team = context.debrief.teams[0]!;
    team.byAgency = [
      ...team.byAgency,
      { id: '(none)', evidence: 1, rights: 0, items: 1, redLines: 0 },
    ];
    renderView(context, '/d?team=team-a');
    const text = document.body.textContent ?? '';
    expect(text).toContain('The team as a whole');
    expect(text).not.toContain('(none)');
    expect(text).toContain('Ana');
    expect(text).toMatch(/Participant \d+/);
    expect(text).not.toContain('team-a-p2');
  });
  test("a joint decision's red line and items name every trainee who signed it", async () => {
    const context = fixtureContext({
      participants: { 'team-b-p1': 'Jovan', 'team-b-p2': 'Mila' },
    });
    const team = context.debrief.teams.find((t) => t.team === 'team-b')!;
    const joint = {
      roles: ['border_police', 'prosecutor'],
      participants: ['team-b-p1', 'team-b-p2'],
    };
    team.redLines = team.redLines.map((r) => ({ ...r, ...joint }));
    team.items = team.items.map((i) => (i.causedBySeq === 6 ? { ...i, ...joint } : i));
    renderView(context, '/d?team=team-b');
    await screen.findByRole('heading', { name: 'Team B in detail' });
    const red = document.querySelector('.red-lines__list li') as HTMLElement;
    expect(red.textContent).toMatch(/ · Jovan, Mila/);
    const who = [...document.querySelectorAll('.item__who')].map((e) => e.textContent);
    expect(who.filter((w) => w?.includes('Jovan, Mila'))).toHaveLength(2);
  });

  test('a team in a scenario without a criminal case: no criminal outcome, evidence on the process alone', async () => {
    renderView(fixtureContext({ debrief: noCaseDebrief() }), '/d?team=team-a');
    await screen.findByRole('heading', { name: 'Team A in detail' });
    const team = section('team');
    expect(team.getByText('Not applicable: no criminal case in this scenario')).toBeTruthy();
    expect(team.queryByText(/Criminal case on its own evidence/)).toBeNull();
    expect(
      team.getByText(
        /^No criminal case in this scenario: the evidence score is the process 70 alone \(counted evidence points /,
      ),
    ).toBeTruthy();
    expect(team.queryByText(/Case strength null/)).toBeNull();
    expect(
      team.getByText(
        'The scenario has no evidence that could prove an element of the offence: there is no criminal case to assess.',
      ),
    ).toBeTruthy();
  });
});

describe('exports', () => {
  const saved: Blob[] = [];
  let fetchSpy: jest.Mock;
  beforeEach(() => {
    saved.length = 0;
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:x';
    });
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fetchSpy = jest.fn(() => Promise.reject(new Error('no server in this test')));
    globalThis.fetch = fetchSpy as unknown as typeof fetch;
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  const withEnding = (): DebriefContext => {
    const context = fixtureContext();
    const team = context.debrief.teams[0];
    if (team)
      team.outcome.ending = {
        id: 'arrest',
        title: { en: 'Arrest at the border', 'sr-Latn': 'Hapšenje' },
      };
    return context;
  };

  test('the staff get the same team scores CSV as everyone, built from the page, ending included', async () => {
    const staffView = withEnding();
    renderView(staffView, '/d', { kind: 'staff', token: 'staff-token' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Team scores (CSV)' }));
    });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(document.querySelector('.exports__message')?.textContent).toMatch(
      /^Downloaded .*-scores-en\.csv\.$/,
    );
    // jsdom's Blob has no text(): read it the old way.
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(saved[0] as Blob);
    });
    const [header, rowA] = text.replace(/^\uFEFF/, '').split('\r\n');
    const columns = header?.split(',') ?? [];
    expect(columns).toEqual(expect.arrayContaining(['outcome', 'criminal_case', 'ending']));
    expect(rowA?.split(',')[columns.indexOf('ending')]).toBe('Arrest at the border');
  });

  test('the "downloaded" message follows a change of language', async () => {
    const { i18n } = renderView();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Team scores (CSV)' }));
    });
    const message = () => document.querySelector('.exports__message')?.textContent;
    expect(message()).toMatch(/^Downloaded .*\.csv\.$/);
    await act(async () => {
      await i18n.changeLanguage('mk');
    });
    expect(message()).toMatch(/^Преземено: .*\.csv\.$/);
  });
});

describe('read-only link for reviewers', () => {
  test('creating the link keeps keyboard focus, then moves it to the new link', async () => {
    let answer: (response: Response) => void = () => undefined;
    globalThis.fetch = jest.fn(
      () => new Promise<Response>((resolve) => (answer = resolve)),
    ) as unknown as typeof fetch;
    const storage = new MemoryStorage();
    storage.setItem('crossroads.language', 'en');
    render(
      <I18nextProvider i18n={createI18n({ storage, browserLanguages: [] })}>
        <ReviewLinkPanel sessionId="s-1" token="staff-token" />
      </I18nextProvider>,
    );
    const create = screen.getByRole('button', { name: 'Create a read-only link for reviewers' });
    create.focus();
    fireEvent.click(create);
    // While the link is being made the button keeps focus (marked busy, not disabled).
    expect(document.activeElement).toBe(create);
    expect(create.getAttribute('aria-disabled')).toBe('true');
    const url = 'https://crossroads.example/review/0123456789abcdef0123456789abcdef';
    await act(async () =>
      answer({
        ok: true,
        status: 201,
        json: async () => ({
          token: '0123456789abcdef0123456789abcdef',
          url,
          createdAt: '2026-12-01T10:00:00.000Z',
        }),
      } as Response),
    );
    expect((document.activeElement as HTMLInputElement).value).toBe(url);
  });
});

describe('replay slider', () => {
  const SESSION = '11111111-2222-4333-8444-555555555555';
  const frame = (mark: Record<string, unknown>, agencies: unknown[] = []) => ({
    session: SESSION,
    team: 'team-a',
    role: 'border_police',
    seq: 3,
    head: 3,
    agencies,
    marks: [
      {
        seq: 3,
        at: '2026-03-02T08:40:00.000Z',
        time: 40,
        type: 'session.paused',
        role: null,
        label: null,
        ...mark,
      },
    ],
    view: null,
    scores: null,
    items: [],
  });
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  async function openReplay(
    pause: Record<string, string>,
    language: 'en' | 'sr-Latn',
    mark: Record<string, unknown> = { pause },
    agencies: unknown[] = [],
  ) {
    globalThis.fetch = jest.fn(() =>
      Promise.resolve(new Response(JSON.stringify(frame(mark, agencies)), { status: 200 })),
    ) as unknown as typeof fetch;
    const source: ReplaySource = { kind: 'session', sessionId: SESSION, token: 'staff' };
    const storage = new MemoryStorage();
    storage.setItem('crossroads.language', 'en');
    const i18n = createI18n({ storage, browserLanguages: [] });
    const router = createMemoryRouter(
      [
        {
          path: '/d',
          element: (
            <DebriefView context={fixtureContext({ language })} credential={null} replay={source} />
          ),
        },
      ],
      { initialEntries: ['/d?team=team-a'] },
    );
    render(
      <I18nextProvider i18n={i18n}>
        <RouterProvider router={router} />
      </I18nextProvider>,
    );
    return screen.findByRole('slider', { name: 'Moment in the run' });
  }

  test("a pause note is not read in the page's voice: it is the slider's description, marked with its language", async () => {
    const slider = await openReplay(
      { kind: 'wellbeing', note: 'nazad u 11', lang: 'sr-Latn' },
      'sr-Latn',
    );
    const valueText = slider.getAttribute('aria-valuetext') ?? '';
    expect(valueText).toBe('Moment 1 of 1: T+00:40 · Session paused · Wellbeing pause');
    const described = document.getElementById(slider.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('nazad u 11');
    expect(described?.getAttribute('lang')).toBe('sr-Latn');
    // Seen, the moment reads as one line, the note marked there too.
    const moment = document.querySelector('[data-replay-moment]');
    expect(moment?.textContent).toContain('Session paused · Wellbeing pause: nazad u 11');
    expect(moment?.querySelector('[lang="sr-Latn"]')).toBe(described);
  });

  test('"Seen as" names each agency in full, the chosen one also as the title of a narrow select', async () => {
    const BORDER = 'Border Police — Horgoš station (Regional Border Police Centre towards Hungary)';
    await openReplay({}, 'en', {}, [
      { id: 'prosecutor', name: { en: 'Higher Public Prosecutor’s Office' }, playable: 'required' },
      {
        id: 'border_police',
        name: { en: BORDER },
        shortName: { en: 'Border Police' },
        playable: 'required',
      },
    ]);
    const select = screen.getByRole('combobox', { name: 'Seen as' }) as HTMLSelectElement;
    expect(select.value).toBe('border_police');
    expect([...select.options].map((o) => o.text)).toEqual([
      'Higher Public Prosecutor’s Office',
      BORDER,
    ]);
    expect(select.title).toBe(BORDER);
  });

  test("a note written in the page's language is not marked, and a pause with no kind reads as paused", async () => {
    const slider = await openReplay({ note: 'back at 11', lang: 'en' }, 'sr-Latn');
    const described = document.getElementById(slider.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('back at 11');
    expect(described?.hasAttribute('lang')).toBe(false);
    expect(slider.getAttribute('aria-valuetext')).toBe('Moment 1 of 1: T+00:40 · Session paused');
  });

  test("a facilitator's broadcast shows with its text, marked with the language it was written in", async () => {
    const broadcast = (b: Record<string, unknown>) => ({
      type: 'broadcast.sent',
      time: null,
      broadcast: b,
    });
    const slider = await openReplay(
      {},
      'en',
      broadcast({ message: 'Pauza u 11', lang: 'sr-Latn', team: null }),
    );
    expect(slider.getAttribute('aria-valuetext')).toBe(
      'Moment 1 of 1: Message from the facilitator · to every team',
    );
    const described = document.getElementById(slider.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('Pauza u 11');
    expect(described?.getAttribute('lang')).toBe('sr-Latn');
    const moment = document.querySelector('[data-replay-moment]');
    expect(moment?.textContent).toContain(
      'Message from the facilitator · to every team: Pauza u 11',
    );
  });

  test("a broadcast to one team says so, and an older log's (no language) is in the session's language", async () => {
    const slider = await openReplay({}, 'sr-Latn', {
      type: 'broadcast.sent',
      time: null,
      broadcast: { message: 'Proverite kombi', team: 'team-a' },
    });
    expect(slider.getAttribute('aria-valuetext')).toBe(
      'Moment 1 of 1: Message from the facilitator · to this team only',
    );
    const described = document.getElementById(slider.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('Proverite kombi');
    expect(described?.getAttribute('lang')).toBe('sr-Latn');
  });

  test("an older log's reason (no language recorded) is marked with the session's language", async () => {
    const slider = await openReplay({ reason: 'Pauza' }, 'sr-Latn');
    const described = document.getElementById(slider.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('Pauza');
    expect(described?.getAttribute('lang')).toBe('sr-Latn');
  });
});
