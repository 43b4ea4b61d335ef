/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import type { Language, LogEventOf } from '@crossroads/shared';
import { createI18n } from '../src/i18n';
import { saveCredential, storageKeys } from '../src/lib/traineeStorage';
import { PlayPage } from '../src/pages/PlayPage';
import { formatClock } from '../src/trainee/format';
import { TraineeSocketFactoryContext } from '../src/trainee/hooks';
import { MemoryStorage } from './fakes';
import {
  AT,
  chatEvent,
  credential,
  ME,
  meta,
  chatMessage,
  fakeFactory,
  injectEvent,
  pausedEvent,
  resumedEvent,
  SESSION,
  snapshot,
  update,
  view,
} from './trainee-fakes';

beforeAll(() => {
  window.scrollTo = jest.fn();
});

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

/** A request the prosecutor sent to this agency (border police), waiting for its answer. */
const incomingRequest = {
  instance: 'cso-access',
  request: 'cso-access',
  title: 'Access for the legal aid lawyer',
  from: 'prosecutor',
  to: 'border_police',
  status: 'pending' as const,
  sentAt: 25,
  answeredAt: null,
  reason: null,
  direction: 'incoming' as const,
};

function renderPlay(sockets = fakeFactory(), language = 'en') {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', language);
  const i18n = createI18n({ storage, browserLanguages: [] });
  const router = createMemoryRouter(
    [
      { path: '/play/:sessionId', element: <PlayPage /> },
      { path: '/join', element: <p>join page</p> },
    ],
    { initialEntries: [`/play/${SESSION}`] },
  );
  const result = render(
    <I18nextProvider i18n={i18n}>
      <TraineeSocketFactoryContext.Provider value={sockets.factory}>
        <RouterProvider router={router} />
      </TraineeSocketFactoryContext.Provider>
    </I18nextProvider>,
  );
  return { ...result, sockets, i18n };
}

/** Joined, connected, snapshot in, briefing acknowledged: the play area is showing. */
/** The engine's refusal of opening the trailer, in English only (as the server words it). */
const SEALED_DOORS = {
  status: 'rejected',
  code: 'engine/condition_not_met',
  message: 'The doors are sealed by customs.',
} as const;

/** Runs `play` with every media query matching (the three-column layout), then puts matchMedia back. */
function onWideScreen(play: () => void): void {
  const matchMedia = window.matchMedia;
  window.matchMedia = ((query: string) => ({
    matches: true,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  })) as unknown as typeof window.matchMedia;
  try {
    play();
  } finally {
    window.matchMedia = matchMedia;
  }
}

function startPlaying(sockets = fakeFactory(), first = snapshot()) {
  saveCredential(credential());
  const rendered = renderPlay(sockets);
  const socket = sockets.latest();
  act(() => {
    socket.serverAccepts();
    socket.push('session.snapshot', first);
  });
  fireEvent.click(screen.getByRole('button', { name: 'I have read this: start' }));
  return { ...rendered, socket };
}

const liveText = () =>
  [...document.querySelectorAll('[aria-live]')].map((el) => el.textContent ?? '').join(' | ');

/** This trainee's decision to open the trailer, as the log has it (seq 11). */
const openedByMe: LogEventOf<'decision.made'> = {
  seq: 11,
  at: AT,
  time: 30,
  team: 'team-a',
  role: 'border_police',
  participant: ME,
  type: 'decision.made',
  payload: { decision: 'd-open', option: 'open' },
};

describe('trainee play screen', () => {
  test('without a stored credential it says so and links to joining', () => {
    renderPlay();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'You have not joined this session on this device',
    );
    expect(screen.getByRole('link', { name: 'Join a session' }).getAttribute('href')).toBe('/join');
  });

  test('the briefing and content warnings come first, and can be reopened', () => {
    saveCredential(credential());
    const { sockets } = renderPlay();
    const socket = sockets.latest();
    expect(screen.getByText('Connecting to the session…')).toBeTruthy();
    act(() => {
      socket.serverAccepts();
      socket.push('session.snapshot', snapshot());
    });
    expect(screen.getByRole('heading', { name: 'Your briefing' })).toBeTruthy();
    expect(screen.getByText('Children in a police setting.')).toBeTruthy();
    expect(screen.getByText('You hold the scene at the crossing.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I have read this: start' }));
    expect(screen.getByRole('tablist', { name: 'Sections' })).toBeTruthy();
    expect(localStorage.getItem(storageKeys.briefing(SESSION))).toBe('team-a:border_police');

    fireEvent.click(screen.getByRole('button', { name: 'Briefing and warnings' }));
    expect(screen.getByRole('heading', { name: 'Your briefing' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the case' }));
    expect(screen.getByRole('tablist')).toBeTruthy();
  });

  test('a decision is sent with option, rationale, confidence and a command id; the ack is announced', () => {
    const { socket } = startPlaying();
    fireEvent.click(screen.getByRole('tab', { name: /Decisions/ }));
    const card = within(screen.getByRole('article', { name: 'Open the trailer' }));
    const blocked = card.getByRole('radio', { name: /Wait for the technician/ });
    expect((blocked as HTMLInputElement).disabled).toBe(true);
    expect(blocked.getAttribute('aria-describedby')).toBeTruthy();
    expect(card.getByText('The technician is 25 km away.')).toBeTruthy();

    fireEvent.click(card.getByRole('radio', { name: /Open and ventilate/ }));
    fireEvent.change(card.getByLabelText('Rationale: why this option?'), {
      target: { value: 'Life comes before evidence.' },
    });
    fireEvent.click(card.getByRole('radio', { name: '4' }));
    fireEvent.click(card.getByRole('button', { name: 'Record the decision' }));

    expect(socket.sent).toHaveLength(1);
    expect(socket.sent[0]?.name).toBe('decision.submit');
    expect(socket.sent[0]?.payload).toEqual({
      decision: 'd-open',
      option: 'open',
      rationale: 'Life comes before evidence.',
      confidence: 4,
      commandId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      seat: { team: 'team-a', role: 'border_police' },
    });
    expect(card.getByRole('button', { name: 'Sending…' })).toBeTruthy();

    act(() => socket.answer({ status: 'accepted', seq: 11 }));
    expect(liveText()).toContain('Decision recorded.');
    // The drafts went with the accepted decision.
    expect((card.getByLabelText('Rationale: why this option?') as HTMLTextAreaElement).value).toBe(
      '',
    );
  });

  test('when a decision is taken and its form goes away, focus moves to the record of decisions', () => {
    const { socket } = startPlaying();
    fireEvent.click(screen.getByRole('tab', { name: /Decisions/ }));
    fireEvent.click(screen.getByRole('radio', { name: /Open and ventilate/ }));
    const button = screen.getByRole('button', { name: 'Record the decision' });
    button.focus();
    fireEvent.click(button);
    act(() => socket.answer({ status: 'accepted', seq: 11 }));
    act(() =>
      socket.push('session.update', update(11, openedByMe, { view: view({ decisions: [] }) })),
    );
    expect(screen.queryByRole('article', { name: 'Open the trailer' })).toBeNull();
    expect(document.activeElement?.textContent).toBe('Decided so far');
    const record = document.querySelector('[data-record="d-open"]');
    expect(record?.textContent).toContain('Open the trailer: Open and ventilate');
    expect(record?.textContent).toContain('by Ana');
  });

  test('a decision this device never saw offered is named by the title the server sends, not its id', () => {
    // A new browser after the phase moved on: the view lists none of the phase's decisions taken
    // before, and nothing was kept on this device; the server names them in `decided`.
    const later = view({
      phase: { id: 'charging', title: 'The charge', description: 'The case goes on.' },
      decisions: [],
      decided: [
        {
          id: 'd-open',
          title: { en: 'Open the trailer', 'sr-Latn': 'Otvoriti prikolicu' },
          options: [
            { id: 'open', label: { en: 'Open and ventilate', 'sr-Latn': 'Otvoriti i provetriti' } },
            { id: 'wait', label: { en: 'Wait for the technician' } },
          ],
        },
      ],
    });
    startPlaying(fakeFactory(), snapshot({ view: later, events: [openedByMe] }));
    fireEvent.click(screen.getByRole('tab', { name: /Decisions/ }));
    const record = document.querySelector('[data-record="d-open"]');
    expect(record?.textContent).toContain('Open the trailer: Open and ventilate');
    expect(record?.textContent).not.toContain('D open');
  });

  test('with hints, the record of a decision gives what the legal model found on it: rule, points, why, law', () => {
    const { socket } = startPlaying();
    fireEvent.click(screen.getByRole('tab', { name: /Decisions/ }));
    const finding = {
      ruleId: 'RIGHTS.LIFE.TRIAGE',
      axis: 'rights' as const,
      points: 2,
      counted: true,
      redLine: false,
      title: { en: 'Life first: the trailer opened at once', 'sr-Latn': 'Prvo život' },
      explanation: { en: 'Saving life comes before any evidence.' },
      legalBasis: [{ instrument: 'ECHR', article: 'art. 2' }],
    };
    const hints = [{ seq: 11, decision: 'd-open', option: 'open', findings: [finding] }];
    act(() =>
      socket.push('session.update', update(11, openedByMe, { view: view({ decisions: [] }) })),
    );
    const record = () => document.querySelector('[data-record="d-open"]');
    // The live scores follow the decision: until they come, the record has no feedback.
    expect(record()?.textContent).not.toContain('Feedback');
    act(() =>
      socket.push('session.update', update(12, null, { view: view({ decisions: [], hints }) })),
    );
    const text = record()?.textContent ?? '';
    expect(text).toContain('Feedback');
    expect(text).toContain('Life first: the trailer opened at once');
    expect(text).toContain('Saving life comes before any evidence.');
    expect(text).toContain('ECHR');
    expect(record()?.querySelector('[data-rule="RIGHTS.LIFE.TRIAGE"]')?.textContent).toMatch(/\+2/);
  });

  test('a hint pushed after the score refresh is read out with its decision, in the page language', async () => {
    const { socket, i18n } = startPlaying();
    const finding = {
      ruleId: 'RIGHTS.LIFE.TRIAGE',
      axis: 'rights' as const,
      points: 2,
      counted: true,
      redLine: false,
      title: { en: 'Life first' },
      explanation: { en: 'Saving life comes before any evidence.' },
      legalBasis: [],
    };
    act(() =>
      socket.push('session.update', update(11, openedByMe, { view: view({ decisions: [] }) })),
    );
    const announced = () =>
      document.querySelector('.tr-visually-hidden[aria-live="polite"]')?.textContent ?? '';
    expect(announced()).not.toContain('Feedback');
    // Nothing else happens: the hint comes alone, in session.rescored.
    act(() =>
      socket.push('session.rescored', {
        seq: 11,
        view: view({
          decisions: [],
          hints: [{ seq: 11, decision: 'd-open', option: 'open', findings: [finding] }],
        }),
        viewVersion: 'v-11b',
      }),
    );
    expect(announced()).toBe(
      "Feedback on your agency's decision: Open the trailer (see “Decided so far”).",
    );
    await act(() => i18n.changeLanguage('sr-Latn'));
    expect(announced()).toContain('Povratna informacija o odluci vaše institucije');
  });

  test('a choice not sent when a teammate of the same agency records the decision first is told so', async () => {
    const LENA = '9a1d6c2e-7b3f-4c1a-8e2d-0c4b5a6d7e03';
    const first = snapshot();
    const lena = {
      id: LENA,
      displayName: 'Lena',
      team: 'team-a',
      role: 'border_police',
      presence: 'online' as const,
      joinedAt: AT,
    };
    const lobby = {
      ...first.lobby,
      teams: first.lobby.teams.map((team) => ({ ...team, members: [...team.members, lena] })),
    };
    const { socket, i18n } = startPlaying(fakeFactory(), snapshot({ lobby }));
    fireEvent.click(screen.getByRole('tab', { name: /Decisions/ }));
    fireEvent.click(screen.getByRole('radio', { name: /Open and ventilate/ }));
    const taken = (seq: number, participant: string) => ({
      seq,
      at: AT,
      time: 30,
      team: 'team-a',
      role: 'border_police',
      participant,
      type: 'decision.made' as const,
      payload: { decision: 'd-open', option: 'wait' },
    });
    const decided = { code: 'engine/already_decided', message: 'Already decided.' } as const;
    const closed = view({
      decisions: [
        {
          id: 'd-open',
          title: 'Open the trailer',
          prompt: 'What do you do first?',
          enabled: false,
          whyNot: decided,
          options: [
            { id: 'open', label: 'Open and ventilate', timeCost: 10, enabled: false },
            { id: 'wait', label: 'Wait for the technician', timeCost: 60, enabled: false },
          ],
          joint: null,
        },
        {
          id: 'd-call',
          title: 'Call the ambulance',
          prompt: 'Who do you call?',
          enabled: true,
          options: [{ id: 'call', label: 'Call now', timeCost: 5, enabled: true }],
          joint: null,
        },
      ],
    });
    // Lena, on another device, records it first: this device's choice was never sent.
    act(() => socket.push('session.update', update(11, taken(11, LENA), { view: closed })));
    const note = () => document.querySelector<HTMLElement>('[data-taken="d-open"]');
    expect(note()?.getAttribute('role')).toBe('status');
    expect(note()?.querySelector('p')?.textContent).toBe(
      'Open the trailer: Lena recorded this decision for your agency first; your choice was not sent.',
    );
    expect(document.querySelector('[data-record="d-open"]')?.textContent).toContain('by Lena');
    await act(() => i18n.changeLanguage('sr-Latn'));
    expect(note()?.querySelector('p')?.textContent).toBe(
      'Open the trailer: Lena je prvi/a zabeležio/la ovu odluku za vašu instituciju; vaš izbor nije poslat.',
    );
    await act(() => i18n.changeLanguage('en'));
    const gotIt = within(note() as HTMLElement).getByRole('button', { name: 'Got it' });
    act(() => gotIt.focus());
    fireEvent.click(gotIt);
    expect(note()).toBeNull();
    // The button went with the note: focus goes on to the next open decision, not to the page.
    expect(document.activeElement?.textContent).toBe('Call the ambulance');
    expect(document.activeElement?.closest('[data-decision]')?.getAttribute('data-decision')).toBe(
      'd-call',
    );
  });

  test('skip links come first on the play screen and lead to the sections (tabs on a phone)', async () => {
    const { i18n } = startPlaying();
    const play = document.querySelector<HTMLElement>('.tr-play') as HTMLElement;
    const nav = screen.getByRole('navigation', { name: 'Jump to a section' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Skip to decisions',
      'Skip to requests',
      'Skip to team chat',
    ]);
    // The first stops of the play screen, before the header's briefing button and the tabs.
    const stops = [
      ...play.querySelectorAll<HTMLElement>('a[href], button, input, textarea, select, [tabindex]'),
    ].filter((el) => el.tabIndex >= 0 && !el.hasAttribute('disabled'));
    expect(stops.slice(0, 3)).toEqual(links);

    // On a phone the link selects the section's tab and puts focus on its panel.
    fireEvent.click(screen.getByRole('link', { name: 'Skip to requests' }));
    expect(screen.getByRole('tab', { name: /Requests/ }).getAttribute('aria-selected')).toBe(
      'true',
    );
    const panel = screen.getByRole('tabpanel');
    expect(document.activeElement).toBe(panel);
    expect(within(panel).getByRole('heading', { name: 'Requests you can send' })).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Skip to decisions' }));
    expect(screen.getByRole('tab', { name: /Decisions/ }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(document.activeElement).toBe(screen.getByRole('tabpanel'));
    expect(within(screen.getByRole('tabpanel')).getByText('Open the trailer')).toBeTruthy();
    // Reached again while its tab is showing: focus still goes to the panel.
    act(() => links[0]?.focus());
    fireEvent.click(screen.getByRole('link', { name: 'Skip to decisions' }));
    expect(document.activeElement).toBe(screen.getByRole('tabpanel'));
    fireEvent.click(screen.getByRole('link', { name: 'Skip to team chat' }));
    expect(screen.getByRole('tab', { name: /Chat/ }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tabpanel'));

    // In the page's language.
    await act(() => i18n.changeLanguage('sr-Latn'));
    expect(
      within(screen.getByRole('navigation', { name: 'Pređi na odeljak' }))
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Pređi na odluke', 'Pređi na zahteve', 'Pređi na poruke tima']);
    await act(() => i18n.changeLanguage('sq'));
    expect(screen.getByRole('link', { name: 'Kalo te vendimet' })).toBeTruthy();
  });

  test('on a wide screen the skip links put focus on the section headings, and open the chat', () => {
    onWideScreen(() => {
      startPlaying();
      expect(document.querySelector('[data-layout="columns"]')).toBeTruthy();
      fireEvent.click(screen.getByRole('link', { name: 'Skip to decisions' }));
      expect(document.activeElement).toBe(
        document.getElementById('tr-section-decisions')?.querySelector('h2'),
      );
      fireEvent.click(screen.getByRole('link', { name: 'Skip to requests' }));
      expect(document.activeElement).toBe(
        document.getElementById('tr-section-requests')?.querySelector('h2'),
      );
      fireEvent.click(screen.getByRole('link', { name: 'Skip to team chat' }));
      expect(document.activeElement).toBe(screen.getByLabelText('Message to your team'));
      const toggle = screen.getByRole('button', { name: /^Team chat/ });
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
    });
  });

  test('a joint decision shows who has signed and is signed without a rationale', () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push(
        'session.update',
        update(11, null, {
          view: view({
            decisions: [
              {
                id: 'd-charge',
                title: 'Charge the driver',
                prompt: 'Both agencies sign.',
                enabled: true,
                options: [
                  { id: 'smuggling', label: 'Smuggling, art. 350', timeCost: 30, enabled: true },
                  { id: 'release', label: 'Release', timeCost: 0, enabled: true },
                ],
                joint: {
                  agencies: ['prosecutor', 'border_police'],
                  signatures: [{ role: 'prosecutor', option: 'smuggling' }],
                },
              },
            ],
          }),
        }),
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: /Decisions/ }));
    const card = within(screen.getByRole('article', { name: /Charge the driver/ }));
    const signed = document.querySelector('[data-signed="true"]');
    const waiting = document.querySelector('[data-signed="false"]');
    expect(signed?.textContent).toContain('Prosecutor: signed Smuggling, art. 350');
    expect(waiting?.textContent).toContain('Border Police (your agency): not signed yet');
    expect(card.queryByLabelText('Rationale: why this option?')).toBeNull();
    fireEvent.click(card.getByRole('radio', { name: /Smuggling/ }));
    fireEvent.click(card.getByRole('button', { name: 'Sign for your agency' }));
    expect(socket.sent[0]?.name).toBe('joint.sign');
    expect(socket.sent[0]?.payload).toEqual({
      decision: 'd-charge',
      option: 'smuggling',
      commandId: expect.any(String),
      seat: { team: 'team-a', role: 'border_police' },
    });
  });

  test("a refusal shows the server's reason and keeps what was typed", () => {
    const { socket } = startPlaying();
    fireEvent.click(screen.getByRole('tab', { name: /Decisions/ }));
    const card = within(screen.getByRole('article', { name: 'Open the trailer' }));
    fireEvent.click(card.getByRole('radio', { name: /Open and ventilate/ }));
    fireEvent.change(card.getByLabelText('Rationale: why this option?'), {
      target: { value: 'Keep this text' },
    });
    fireEvent.click(card.getByRole('button', { name: 'Record the decision' }));
    act(() => socket.answer(SEALED_DOORS));
    expect(liveText()).toContain(
      'Not done: A condition is not met. The doors are sealed by customs.',
    );
    expect((card.getByLabelText('Rationale: why this option?') as HTMLTextAreaElement).value).toBe(
      'Keep this text',
    );
  });

  /** The engine's refusal of an option whose interpreter is booked until scenario minute 120. */
  const INTERPRETER_BUSY = {
    status: 'rejected',
    code: 'engine/condition_not_met',
    message: 'No Pashto interpreter is free at this time.',
    text: {
      en: 'No Pashto interpreter is free at this time.',
      'sr-Latn': 'U ovom trenutku nije slobodan resurs: Tumač za paštu.',
    },
    wait: { resource: { en: 'Pashto interpreter', 'sr-Latn': 'Tumač za paštu' }, freeAt: 120 },
  } as const;

  function refuseForInterpreter(first = snapshot()) {
    const played = startPlaying(fakeFactory(), first);
    fireEvent.click(screen.getByRole('tab', { name: /Decisions|Odluke/ }));
    const card = within(screen.getByRole('article', { name: 'Open the trailer' }));
    fireEvent.click(card.getByRole('radio', { name: /Open and ventilate/ }));
    fireEvent.click(card.getByRole('button', { name: /Record the decision|Zabeleži odluku/ }));
    act(() => played.socket.answer(INTERPRETER_BUSY));
    return played;
  }

  test('a refusal for want of an interpreter says when one is free, on the page’s clock', () => {
    const withDays = snapshot();
    withDays.session = meta({ scenario: { ...meta().scenario, startTime: '08:00' } });
    refuseForInterpreter(withDays);
    // The view's clock is at minute 30; Day 1 starts at 08:00: minute 120 is Day 1, 10:00.
    expect(liveText()).toContain(
      'Not done: A condition is not met. Not free at this time: Pashto interpreter. Free from Day 1, 10:00. Scenario time moves on as the facilitator runs the session.',
    );
  });

  test('without named days it says how much scenario time is left, in the reader’s language', async () => {
    const { i18n } = refuseForInterpreter();
    expect(liveText()).toContain(
      'Not free at this time: Pashto interpreter. Free in 1 h 30 min of scenario time.',
    );
    await act(() => i18n.changeLanguage('sr-Latn'));
    expect(liveText()).toContain(
      'Jedan uslov nije ispunjen. Trenutno nije slobodno: Tumač za paštu. Slobodno za 1 h 30 min vremena scenarija. Vreme scenarija teče onako kako voditelj vodi sesiju.',
    );
  });

  /** A Serbian reader records a decision on the trailer; the command waits for its ack. */
  async function decideInSerbian() {
    const { socket, i18n } = startPlaying();
    await act(() => i18n.changeLanguage('sr-Latn'));
    fireEvent.click(screen.getByRole('tab', { name: /Odluke/ }));
    const card = within(screen.getByRole('article', { name: 'Open the trailer' }));
    fireEvent.click(card.getByRole('radio', { name: /Open and ventilate/ }));
    fireEvent.click(card.getByRole('button', { name: 'Zabeleži odluku' }));
    return { socket, card };
  }

  test("a refusal's reason reads in the reader's language when the server sends it so", async () => {
    const { socket } = await decideInSerbian();
    act(() =>
      socket.answer({
        ...SEALED_DOORS,
        text: {
          en: 'The doors are sealed by customs.',
          'sr-Latn': 'Carina je zapečatila vrata.',
        },
      }),
    );
    expect(liveText()).toContain(
      'Nije urađeno: Jedan uslov nije ispunjen. Carina je zapečatila vrata.',
    );
    expect(liveText()).not.toContain('sealed');
    const detail = screen.getAllByText('Carina je zapečatila vrata.');
    // In the reader's own language: not marked as English (or anything else) for screen readers.
    expect(detail.every((el) => el.getAttribute('lang') === null)).toBe(true);
  });

  test('without a translated reason a Serbian reader gets the headline, and the English only where it adds something', async () => {
    const { socket, card } = await decideInSerbian();
    act(() => socket.answer(SEALED_DOORS));
    expect(liveText()).toContain(
      'Nije urađeno: Jedan uslov nije ispunjen. The doors are sealed by customs.',
    );
    expect(screen.getAllByText('The doors are sealed by customs.')[0]?.getAttribute('lang')).toBe(
      'en',
    );

    fireEvent.click(card.getByRole('button', { name: 'Zabeleži odluku' }));
    act(() =>
      socket.answer({
        status: 'rejected',
        code: 'protocol/command_id_reused',
        message: 'This commandId was already used for a different command; send it with a new id.',
      }),
    );
    // Its English would only repeat the headline, and speaks of ids a trainee never sees.
    expect(liveText()).toContain(
      'Nije urađeno: Ta oznaka komande je već korišćena za drugu komandu; ništa nije promenjeno.',
    );
    expect(liveText()).not.toContain('commandId');
  });

  test('nothing typed is lost on a reload: drafts and the open tab come back', () => {
    const first = startPlaying();
    fireEvent.click(screen.getByRole('tab', { name: /Decisions/ }));
    fireEvent.click(screen.getByRole('radio', { name: /Open and ventilate/ }));
    fireEvent.change(screen.getByLabelText('Rationale: why this option?'), {
      target: { value: 'Half-written rationale' },
    });
    first.unmount();

    const sockets = fakeFactory();
    renderPlay(sockets);
    const socket = sockets.latest();
    act(() => {
      socket.serverAccepts();
      socket.push('session.snapshot', snapshot());
    });
    // The briefing was acknowledged before the reload: play resumes directly.
    expect(screen.getByRole('tab', { name: /Decisions/ }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(
      (screen.getByLabelText('Rationale: why this option?') as HTMLTextAreaElement).value,
    ).toBe('Half-written rationale');
    expect(
      (screen.getByRole('radio', { name: /Open and ventilate/ }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  test('chat is plain text, sent with Enter, and shown pending while the connection is down', () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push('session.update', update(11, chatEvent(11, '<img src=x onerror=alert(1)> hi'))),
    );
    fireEvent.click(screen.getByRole('tab', { name: /Chat/ }));
    const list = within(screen.getByRole('list', { name: 'Team messages' }));
    expect(list.getByText('<img src=x onerror=alert(1)> hi')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(list.getByText('Boris')).toBeTruthy();

    act(() => socket.drops());
    expect(screen.getByText('Connection lost, reconnecting…')).toBeTruthy();
    const box = screen.getByLabelText('Message to your team');
    fireEvent.change(box, { target: { value: 'Calling the prosecutor now' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(socket.sent).toHaveLength(0);
    expect(list.getByText('Calling the prosecutor now')).toBeTruthy();
    expect(list.getByText(/Waiting for the connection/)).toBeTruthy();

    act(() => socket.serverAccepts());
    expect(socket.sent.map((c) => [c.name, c.payload.text])).toEqual([
      ['chat.send', 'Calling the prosecutor now'],
    ]);
  });

  test('a chat line reads the scenario clock, the real time it was sent kept apart', () => {
    // Day 1 starts at 08:00: the snapshot's message came at minute 0, the live one at minute 30.
    const session = meta({ scenario: { ...meta().scenario, startTime: '08:00' } });
    const { socket } = startPlaying(
      fakeFactory(),
      snapshot({ session, chat: [{ ...chatMessage(9, 'Order signed'), time: 0 }] }),
    );
    act(() => socket.push('session.update', update(11, chatEvent(11, 'Call the judge?'))));
    fireEvent.click(screen.getByRole('tab', { name: /Chat/ }));
    const lines = [...document.querySelectorAll<HTMLElement>('.tr-msg[data-seq]')];
    const wall = formatClock(AT, 'en');
    expect(lines.map((line) => line.querySelector('.tr-msg__meta')?.textContent)).toEqual([
      `Boris · Prosecutor · Day 1, 08:00 · sent ${wall}`,
      `Boris · Prosecutor · Day 1, 08:30 · sent ${wall}`,
    ]);
    // The wall clock stands only as "sent …", its full reading in the title for a pointer.
    const sent = lines[1]!.querySelector('time') as HTMLElement;
    expect(sent.textContent).toBe(`sent ${wall}`);
    expect(sent.getAttribute('dateTime')).toBe(AT);
    expect(sent.getAttribute('title')).toBe(`Real time the message was sent: ${wall}`);
  });

  test('after the server closed a connection that fell behind, the reload is explained once', () => {
    const { socket } = startPlaying();
    act(() => socket.drops());
    act(() => {
      socket.serverAccepts();
      socket.push('session.snapshot', snapshot());
      socket.push('notice', {
        code: 'protocol/slow_consumer',
        message: 'The connection fell too far behind the session.',
      });
    });
    const banner = document.querySelector('[data-banner="resynced"]');
    expect(banner?.textContent).toContain(
      'The connection could not keep up with the session, so the server closed it.',
    );
    fireEvent.click(within(banner as HTMLElement).getByRole('button', { name: 'Got it' }));
    expect(document.querySelector('[data-banner="resynced"]')).toBeNull();
  });

  test('a trainee the facilitator removes is told so at once, in the reader language, with no reconnect offered', () => {
    saveCredential(credential());
    const sockets = fakeFactory();
    const { i18n } = renderPlay(sockets, 'sr-Latn');
    const socket = sockets.latest();
    act(() => {
      socket.serverAccepts();
      socket.push('session.snapshot', snapshot());
    });
    act(() =>
      socket.serverCloses({
        code: 'auth/unauthenticated',
        message: 'Your place in this session was removed.',
      }),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(i18n.t('play.refused.removed'));
    expect(alert.textContent).not.toContain('Your place in this session was removed.');
    expect(alert.querySelector('[lang]')).toBeNull();
    expect(screen.queryByRole('button', { name: i18n.t('play.banner.reconnect') })).toBeNull();
    expect(screen.getByRole('button', { name: i18n.t('play.refused.forget') }).textContent).toBe(
      'Zaboravi ovu sesiju na ovom uređaju',
    );
  });

  test('a connection the server closed after a notice says why beside the reconnect button', () => {
    saveCredential(credential());
    const sockets = fakeFactory();
    const { i18n } = renderPlay(sockets, 'sr-Latn');
    const socket = sockets.latest();
    act(() => {
      socket.serverAccepts();
      socket.serverCloses({ code: 'protocol/internal', message: 'Could not load the session.' });
    });
    const banner = document.querySelector('[data-banner="stopped"]');
    expect(banner?.textContent).toContain(i18n.t('play.errors.internal'));
    expect(banner?.textContent).not.toContain('Could not load the session.');
    expect(
      within(banner as HTMLElement).getByRole('button', { name: i18n.t('play.banner.reconnect') }),
    ).toBeTruthy();
  });

  test('any other notice reads in the reader language until dismissed; an unknown code shows the English, marked', () => {
    saveCredential(credential());
    const sockets = fakeFactory();
    const { i18n } = renderPlay(sockets, 'sr-Latn');
    const socket = sockets.latest();
    act(() => {
      socket.serverAccepts();
      socket.push('session.snapshot', snapshot());
      socket.push('notice', {
        code: 'protocol/rate_limited',
        message: 'Too many commands: at most 20 in 10 seconds.',
      });
    });
    let banner = document.querySelector('[data-banner="notice"]');
    expect(banner?.textContent).toContain(i18n.t('play.errors.rateLimited'));
    expect(banner?.textContent).not.toContain('Too many commands');
    fireEvent.click(
      within(banner as HTMLElement).getByRole('button', { name: i18n.t('play.banner.dismiss') }),
    );
    expect(document.querySelector('[data-banner="notice"]')).toBeNull();

    act(() => socket.push('notice', { code: 'session/brand_new', message: 'Something new.' }));
    banner = document.querySelector('[data-banner="notice"]');
    expect(banner?.textContent).toContain(i18n.t('play.errors.unexpected'));
    expect(banner?.querySelector('[lang="en"]')?.textContent).toBe('Something new.');
  });

  test('the header and the rows that repeat an agency use its short name, the full name as a tooltip', () => {
    const FULL = 'Higher Public Prosecutor’s Office in Subotica';
    const { socket } = startPlaying();
    const agencies = meta().agencies.map((a) =>
      a.id === 'prosecutor'
        ? { ...a, name: FULL, shortName: 'Prosecutor Subotica' }
        : { ...a, name: 'Border Police — Horgoš station', shortName: 'Border Police' },
    );
    act(() =>
      socket.push(
        'session.snapshot',
        snapshot({ session: meta({ agencies }), chat: [chatMessage(9, 'Order signed')] }),
      ),
    );
    const role = document.querySelector('.tr-head__role') as HTMLElement;
    expect(role.textContent).toBe('Border Police');
    expect(role.title).toBe('Border Police — Horgoš station');
    fireEvent.click(screen.getByRole('tab', { name: /Requests/ }));
    const row = document.querySelector('[data-sendable="r-order"]') as HTMLElement;
    const to = within(row).getByText('Prosecutor Subotica');
    expect(to.getAttribute('title')).toBe(FULL);
    fireEvent.click(screen.getByRole('tab', { name: /Chat/ }));
    const chat = within(screen.getByRole('list', { name: 'Team messages' }));
    expect(chat.getByText('Prosecutor Subotica').getAttribute('title')).toBe(FULL);
    for (const full of [FULL, 'Border Police — Horgoš station'])
      expect(document.body.textContent).not.toContain(full);
  });

  test('the clock counts days as the phases do when the scenario says when Day 1 starts', () => {
    const { socket } = startPlaying();
    const scenario = { ...meta().scenario, startTime: '03:10' };
    act(() =>
      socket.push(
        'session.snapshot',
        snapshot({
          session: meta({ scenario }),
          // 3 d 6 h after 03:10 on Day 1.
          view: view({
            phase: { id: 'charges', title: '6. Day 4: charges', description: 'Charge or release.' },
            clock: { minutes: 3 * 1440 + 6 * 60, running: true, limitMinutes: null },
          }),
        }),
      ),
    );
    const clock = document.querySelector('[data-clock]') as HTMLElement;
    expect(clock.textContent).toBe('Day 4, 09:10');
    // Every moment on the screen reads the same way: the inject released at minute 0.
    expect(screen.getByText('Scenario time Day 1, 03:10')).toBeTruthy();
    // Without a start time the clock says how long the scenario has run, as the console and the
    // debrief read it ("T+00:30", the limit a span as the console's "/ 02:00"), not in words.
    act(() => socket.push('session.snapshot', snapshot()));
    expect((document.querySelector('[data-clock]') as HTMLElement).textContent).toBe(
      'T+00:30 of 02:00',
    );
    act(() =>
      socket.push(
        'session.snapshot',
        snapshot({
          view: view({ clock: { minutes: 139, running: true, limitMinutes: null } }),
        }),
      ),
    );
    expect((document.querySelector('[data-clock]') as HTMLElement).textContent).toBe('T+02:19');
    expect(screen.getByText('Scenario time T+00:00')).toBeTruthy();
  });

  test('a document revealed before its own time gives no "from" time the clock has not reached', () => {
    const { socket } = startPlaying();
    const scenario = { ...meta().scenario, startTime: '03:10' };
    act(() =>
      socket.push(
        'session.snapshot',
        snapshot({
          session: meta({ scenario }),
          view: view({
            clock: { minutes: 165, running: true, limitMinutes: null },
            documents: [
              { id: 'triage', title: 'EMS triage summary', body: 'No diagnoses.', since: 30 },
              // Listed "from" a minute no run reaches: it only ever comes by being revealed.
              {
                id: 'child-assessment',
                title: 'Child protection assessment',
                body: 'Five boys, 15 to 17.',
                since: 10_000_000,
              },
            ],
          }),
        }),
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Case file' }));
    const summary = (id: string) =>
      (document.querySelector(`[data-document="${id}"] summary`) as HTMLElement).textContent;
    expect(summary('triage')).toBe('EMS triage summary (from Day 1, 03:40)');
    expect(summary('child-assessment')).toBe('Child protection assessment');
  });

  test('a statement taken through a fellow passenger says so on its interpreter line, as a concern', () => {
    const { socket } = startPlaying();
    const statement = {
      id: 'statement-amina',
      title: 'Amina’s statement',
      kind: 'testimony',
      elements: ['facilitation'],
      // The record says a certified interpreter; the engine knows he travelled with her.
      provenance: { order: 'none' as const, interpreter: 'certified' as const },
      obtainedAt: 40,
      obtainedBy: 'border_police',
      derivedFrom: [],
    };
    act(() =>
      socket.push(
        'session.snapshot',
        snapshot({
          view: view({
            evidence: [
              { ...statement, concerns: ['passenger_interpreter'] },
              { ...statement, id: 'statement-court', title: 'Statement with a court interpreter' },
              {
                ...statement,
                id: 'statement-unaided',
                title: 'Statement taken with no interpreter',
                provenance: { order: 'none' as const, interpreter: 'not_needed' as const },
                concerns: ['interviewed_without_interpreter'],
              },
            ],
          }),
        }),
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Case file' }));
    const line = (id: string) =>
      [...document.querySelectorAll(`[data-evidence="${id}"] .tr-prov`)].find((li) =>
        li.textContent?.includes('Interpreter:'),
      ) as HTMLElement;
    const passenger = line('statement-amina');
    expect(passenger.textContent).toBe(
      '!Interpreter: certified court interpreter; a fellow passenger of the people heard (may weaken its use in court)',
    );
    expect(passenger.classList.contains('tr-prov--concern')).toBe(true);
    const court = line('statement-court');
    expect(court.textContent).toBe('✓Interpreter: certified court interpreter');
    expect(court.classList.contains('tr-prov--concern')).toBe(false);
    expect(line('statement-unaided').textContent).toBe(
      '!Interpreter: not needed; heard without an interpreter, in a language they do not speak (may weaken its use in court)',
    );
  });

  test('a phone recorded under a judge’s order but searched without one says so on its order line', () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push(
        'session.snapshot',
        snapshot({
          view: view({
            evidence: [
              {
                id: 'phone-1',
                title: "Driver's phone",
                kind: 'digital',
                elements: ['facilitation'],
                provenance: { order: 'judicial', custody: 'kept' },
                obtainedAt: 20,
                obtainedBy: 'border_police',
                derivedFrom: [],
                concerns: ['searched_without_order'],
              },
            ],
          }),
        }),
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Case file' }));
    const lines = [...document.querySelectorAll('[data-evidence="phone-1"] .tr-prov')].map(
      (li) => li.textContent,
    );
    expect(lines).toEqual([
      "!Order: judge's order; the device was searched without an order (may weaken its use in court)",
      '✓Chain of custody: kept',
    ]);
  });

  test('photos copied on a consent signed without an interpreter say so on their consent line', () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push(
        'session.snapshot',
        snapshot({
          view: view({
            evidence: [
              {
                id: 'photos-1',
                title: 'Photos of the guide’s car',
                kind: 'digital',
                elements: ['facilitation'],
                provenance: { order: 'none', interpreter: 'not_needed', consent: 'recorded' },
                obtainedAt: 20,
                obtainedBy: 'border_police',
                derivedFrom: [],
                concerns: ['phones_read_on_consent_without_interpreter'],
              },
            ],
          }),
        }),
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Case file' }));
    const consent = [...document.querySelectorAll('[data-evidence="photos-1"] .tr-prov')].find(
      (li) => li.textContent?.includes('Consent:'),
    ) as HTMLElement;
    expect(consent.textContent).toBe(
      '!Consent: recorded; the phones were read, with no order, on a consent signed without the interpreter the person needed (may weaken its use in court)',
    );
    expect(consent.classList.contains('tr-prov--concern')).toBe(true);
  });

  test('a witness the team lost is listed in the case file, only when the view says so', () => {
    const { socket } = startPlaying();
    const ali = {
      id: 'ali',
      name: 'Ali',
      kind: 'migrant',
      attributes: { whereabouts: 'departed' },
    };
    act(() =>
      socket.push(
        'session.snapshot',
        snapshot({
          view: view({
            people: [ali],
            witnessesLost: [{ person: 'ali', how: 'departed', time: 95 }],
          }),
        }),
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Case file' }));
    const lost = screen.getByRole('region', { name: 'Witnesses lost' });
    expect(lost.querySelector('[data-lost="ali"]')?.textContent).toBe(
      'Ali: left before a deposition the defence could examine (T+01:35)',
    );
    act(() => socket.push('session.snapshot', snapshot({ view: view({ people: [ali] }) })));
    expect(screen.queryByRole('region', { name: 'Witnesses lost' })).toBeNull();
  });

  test('updates are in scenario-time order, an inject the scenario released by itself included', () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push(
        'session.snapshot',
        snapshot({
          seq: 20,
          view: view({
            // In the scenario's order, not the order of release.
            injects: [
              {
                id: 'plans',
                title: 'The group plans a new crossing',
                body: 'Reception staff overhear it.',
                releasedAt: 240,
                // Released by a clock tick's step: no inject.released event of its own.
                releasedSeq: 14,
              },
              {
                id: 'journalist',
                title: 'A journalist calls',
                body: 'She asks about the children.',
                releasedAt: 10,
                releasedSeq: 8,
              },
            ],
          }),
          events: [injectEvent(8, 'journalist')],
          broadcasts: [{ seq: 11, at: AT, team: null, message: 'Coffee break at 11:00.' }],
        }),
      ),
    );
    const list = screen.getByRole('list', { name: 'Updates, newest first' });
    const rows = within(list)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('h4')?.textContent ?? li.textContent);
    expect(rows).toEqual([
      'The group plans a new crossing',
      expect.stringContaining('Coffee break at 11:00.'),
      'A journalist calls',
    ]);
    expect(within(list).getByText('Scenario time T+04:00')).toBeTruthy();
  });

  test('a pause shows a banner with the reason', () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push(
        'session.update',
        update(11, pausedEvent(11, 'Wellbeing break'), { status: 'paused' }),
      ),
    );
    const banner = document.querySelector('[data-banner="paused"]');
    expect(banner?.textContent).toContain('The facilitator has paused the session.');
    expect(banner?.textContent).toContain('Wellbeing break.');
    // Said once, where it stays in view while scrolling: no second "Paused" strip under it (the
    // header's status field says "Paused" as it says "Running").
    expect(document.querySelectorAll('[data-banner="paused"]')).toHaveLength(1);
    expect(banner?.closest('.tr-sticky')).not.toBeNull();
    expect(document.querySelector('[data-sticky="paused"]')).toBeNull();
    const shown = Array.from(document.querySelectorAll('.tr-play > :not(.tr-head) *'))
      .filter((el) => el.children.length === 0 && !el.closest('.tr-visually-hidden'))
      .map((el) => el.textContent ?? '');
    expect(shown.filter((x) => /paused/i.test(x))).toHaveLength(1);
  });

  test("a pause reads its kind in the reader's language and the note as written, marked with its language", async () => {
    const { socket, i18n } = startPlaying();
    await act(() => i18n.changeLanguage('sr-Latn'));
    act(() =>
      socket.push(
        'session.update',
        update(11, pausedEvent(11, { kind: 'wellbeing', note: 'Back at 11:00', lang: 'en' }), {
          status: 'paused',
        }),
      ),
    );
    const reason = document.querySelector('[data-banner="paused"] [data-pause-reason]');
    expect(reason?.textContent).toBe('Razlog: Pauza radi dobrobiti učesnika: Back at 11:00. ');
    expect(reason?.querySelector('[lang="en"]')?.textContent).toBe('Back at 11:00');
    // The kind follows the reader: the same pause in Macedonian.
    await act(() => i18n.changeLanguage('mk'));
    expect(reason?.textContent).toContain('Пауза за благосостојба: Back at 11:00.');
  });

  test("an older log's pause reason (one text) still shows, marked as the session's language", async () => {
    const { socket, i18n } = startPlaying();
    act(() =>
      socket.push(
        'session.update',
        update(11, pausedEvent(11, 'Wellbeing pause: back soon'), { status: 'paused' }),
      ),
    );
    await act(() => i18n.changeLanguage('sr-Latn'));
    const reason = document.querySelector('[data-banner="paused"] [data-pause-reason]');
    expect(reason?.textContent).toBe('Razlog: Wellbeing pause: back soon. ');
    expect(reason?.querySelector('[lang="en"]')?.textContent).toBe('Wellbeing pause: back soon');
  });

  test('a decision refused while paused stops saying "the session is paused" once play resumes', () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push(
        'session.update',
        update(11, pausedEvent(11, 'Wellbeing break'), { status: 'paused' }),
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: /Decisions/ }));
    const card = screen.getByRole('article', { name: 'Open the trailer' });
    fireEvent.click(within(card).getByRole('radio', { name: /Open and ventilate/ }));
    fireEvent.click(within(card).getByRole('button', { name: 'Record the decision' }));
    act(() =>
      socket.answer({
        status: 'rejected',
        code: 'session/paused',
        message: 'The session is paused.',
      }),
    );
    const inline = () => card.querySelector('.tr-inline-ack')?.textContent ?? '';
    expect(inline()).toContain('Not done');
    act(() => socket.push('session.update', update(12, resumedEvent(12), { status: 'running' })));
    expect(liveText()).not.toContain('paused');
    // The card's own copy of the answer goes as well: the decision can be recorded now.
    expect(inline()).toBe('');
  });

  test('a pause reason that ends with its own stop gets no second one ("Back in 5 minutes..")', () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push(
        'session.update',
        update(11, pausedEvent(11, 'Break: Back in 5 minutes.'), { status: 'paused' }),
      ),
    );
    const banner = document.querySelector('[data-banner="paused"]')?.textContent ?? '';
    expect(banner).toContain('Break: Back in 5 minutes. ');
    expect(banner).not.toMatch(/\.\./);
  });

  test("a facilitator's broadcast shows as a banner above the play area until dismissed", () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push(
        'session.update',
        update(11, {
          seq: 11,
          at: AT,
          time: null,
          team: null,
          role: null,
          participant: null,
          type: 'broadcast.sent',
          payload: { message: 'Ten minutes left in this phase.' },
        }),
      ),
    );
    const banner = document.querySelector('[data-banner="broadcast"]') as HTMLElement;
    expect(banner.textContent).toContain('Message from the facilitator:');
    expect(banner.textContent).toContain('Ten minutes left in this phase.');
    // Above the tabs, not only one line in Updates.
    const tabs = screen.getByRole('tablist', { name: 'Sections' });
    expect(banner.compareDocumentPosition(tabs) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(within(banner).getByRole('button', { name: 'Got it' }));
    expect(document.querySelector('[data-banner="broadcast"]')).toBeNull();
  });

  test('a broadcast is marked with the language it was written in: banner, updates and what is read out', async () => {
    const { socket, i18n } = startPlaying();
    await act(() => i18n.changeLanguage('sr-Latn'));
    const broadcast = (seq: number, payload: { message: string; lang?: Language }) =>
      update(seq, {
        seq,
        at: AT,
        time: null,
        team: null,
        role: null,
        participant: null,
        type: 'broadcast.sent',
        payload,
      });
    const banner = () => document.querySelector('[data-banner="broadcast"]') as HTMLElement;
    const announced = () =>
      document.querySelector('.tr-visually-hidden[aria-live="polite"]') as HTMLElement;
    const feedText = (seq: number) =>
      [...document.querySelectorAll('.tr-feed li[data-kind="broadcast"] .tr-prose')].find(
        (el) => el.textContent === `m${seq}`,
      );
    // Written in the page's language: nothing to mark.
    act(() => socket.push('session.update', broadcast(11, { message: 'm11', lang: 'sr-Latn' })));
    expect(banner().textContent).toContain('m11');
    expect(banner().querySelector('[lang]')).toBeNull();
    expect(feedText(11)?.hasAttribute('lang')).toBe(false);
    // Written in English on a Serbian page: marked English everywhere it shows.
    act(() => socket.push('session.update', broadcast(12, { message: 'm12', lang: 'en' })));
    expect(banner().querySelector('[lang="en"]')?.textContent).toBe('m12');
    expect(announced().textContent).toContain('m12');
    expect(announced().querySelector('[lang="en"]')?.textContent).toBe('m12');
    expect(feedText(12)?.getAttribute('lang')).toBe('en');
    // Written in Macedonian: not taken for English.
    act(() => socket.push('session.update', broadcast(13, { message: 'm13', lang: 'mk' })));
    expect(banner().querySelector('[lang="mk"]')?.textContent).toBe('m13');
    expect(feedText(13)?.getAttribute('lang')).toBe('mk');
    // An older log's (no language): the session's (English here).
    act(() => socket.push('session.update', broadcast(14, { message: 'm14' })));
    expect(banner().querySelector('[lang="en"]')?.textContent).toBe('m14');
  });

  test('on a wide screen the chat opens from the sticky bar, with the unread count, by keyboard', () => {
    onWideScreen(() => {
      const { socket } = startPlaying();
      expect(document.querySelector('[data-layout="columns"]')).toBeTruthy();
      act(() => socket.push('session.update', update(11, chatEvent(11, 'Call the judge?'))));
      const toggle = screen.getByRole('button', { name: /^Team chat/ });
      // In the sticky bar that stays at the top, not at the foot of a column.
      expect(toggle.closest('.tr-columns__sticky')).toBeTruthy();
      expect(toggle.textContent).toContain('1');
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      const panel = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
      expect(panel?.hidden).toBe(true);

      // At 1280x720 with a banner above the bar the open chat ran past the foot of the window,
      // its message box (with the cursor in it) under the status bar: it is scrolled into view,
      // as little as needed (jsdom has no scrollIntoView: stubbed here to see the call).
      const scrolled: { element: Element; options: unknown }[] = [];
      Element.prototype.scrollIntoView = function (this: Element, options?: unknown) {
        scrolled.push({ element: this, options });
      };
      try {
        fireEvent.click(toggle);
      } finally {
        delete (Element.prototype as Partial<Element>).scrollIntoView;
      }
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      expect(panel?.hidden).toBe(false);
      expect(scrolled).toEqual([{ element: panel, options: { block: 'nearest' } }]);
      const box = screen.getByLabelText('Message to your team');
      expect(document.activeElement).toBe(box);
      expect(within(panel as HTMLElement).getByText('Call the judge?')).toBeTruthy();
      // Seen now: the count goes.
      expect(toggle.textContent).not.toContain('1');
      fireEvent.change(box, { target: { value: 'Yes, now' } });
      fireEvent.keyDown(box, { key: 'Enter' });
      expect(socket.sent.at(-1)?.name).toBe('chat.send');

      // Sent with the Send button (Tab to it, then Enter or Space): the button turns disabled with
      // the box empty, and a browser would drop focus on the page, leaving the chat open over
      // the right column with nothing focused in it. The cursor goes back in the box instead.
      fireEvent.change(box, { target: { value: 'And the interpreter?' } });
      const sendButton = within(panel as HTMLElement).getByRole('button', { name: 'Send' });
      act(() => sendButton.focus());
      fireEvent.click(sendButton);
      expect(socket.sent.at(-1)?.payload.text).toBe('And the interpreter?');
      expect(document.activeElement).toBe(box);
      expect(panel?.hidden).toBe(false);

      fireEvent.keyDown(box, { key: 'Escape' });
      expect(panel?.hidden).toBe(true);
      expect(document.activeElement).toBe(toggle);

      // Focus going on past the open chat (Tab, or a click on another control) closes it: the
      // chat hangs over the right column, and focus must not land on a control it covers.
      fireEvent.click(toggle);
      expect(panel?.hidden).toBe(false);
      const elsewhere = document.querySelector<HTMLElement>('.tr-column button') as HTMLElement;
      act(() => elsewhere.focus());
      expect(document.activeElement).toBe(elsewhere);
      expect(panel?.hidden).toBe(true);
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      // Moving within the chat keeps it open.
      fireEvent.click(toggle);
      act(() => box.focus());
      act(() =>
        within(panel as HTMLElement)
          .getByRole('button', { name: 'Close the chat' })
          .focus(),
      );
      expect(panel?.hidden).toBe(false);
    });
  });

  test('a request addressed to this agency can be refused with a reason', () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push(
        'session.update',
        update(11, null, {
          view: view({
            requests: [incomingRequest],
          }),
        }),
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: /Requests/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Refuse' }));
    expect(screen.getByText('Give a reason for refusing.')).toBeTruthy();
    expect(socket.sent).toHaveLength(0);
    // The keyboard is taken to the field that is missing, as when a request is sent without a why.
    expect(document.activeElement).toBe(screen.getByLabelText('Your reason'));
    fireEvent.change(screen.getByLabelText('Your reason'), {
      target: { value: 'Not before the screening is done.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Refuse' }));
    expect(socket.sent[0]?.name).toBe('request.answer');
    expect(socket.sent[0]?.payload).toMatchObject({
      requestInstance: 'cso-access',
      granted: false,
      reason: 'Not before the screening is done.',
    });
  });

  test('a request is sent only with a justification, which the answering agency then reads', () => {
    const { socket } = startPlaying();
    fireEvent.click(screen.getByRole('tab', { name: /Requests/ }));
    const row = document.querySelector('[data-sendable="r-order"]') as HTMLElement;
    // One click does not send: it opens the form asking why.
    fireEvent.click(within(row).getByRole('button', { name: 'Prepare request' }));
    expect(socket.sent).toHaveLength(0);
    fireEvent.click(within(row).getByRole('button', { name: 'Send request' }));
    expect(within(row).getByRole('alert').textContent).toBe(
      'Say why the request is needed before sending it.',
    );
    expect(socket.sent).toHaveLength(0);
    fireEvent.change(within(row).getByLabelText('Why do you need it?'), {
      target: { value: '  The driver refused to unlock the phone.  ' },
    });
    fireEvent.click(within(row).getByRole('button', { name: 'Send request' }));
    expect(socket.sent[0]?.name).toBe('request.send');
    expect(socket.sent[0]?.payload).toMatchObject({
      request: 'r-order',
      justification: 'The driver refused to unlock the phone.',
    });

    act(() =>
      socket.push(
        'session.update',
        update(11, null, {
          view: view({
            requests: [{ ...incomingRequest, justification: 'Amir asked for a lawyer at 00:20.' }],
          }),
        }),
      ),
    );
    const incoming = document.querySelector('[data-request="cso-access"]') as HTMLElement;
    expect(incoming.textContent).toContain('Why: Amir asked for a lawyer at 00:20.');
  });

  test("a sent request's row says nothing of it once sent; a refused send keeps its reason there", async () => {
    // The row stays while the request can be sent again (after a refusal, in the walkthrough): an
    // old "Request sent." under it read as if the new request had gone already.
    const { socket } = startPlaying();
    fireEvent.click(screen.getByRole('tab', { name: /Requests/ }));
    const row = document.querySelector('[data-sendable="r-order"]') as HTMLElement;
    const inline = () => row.querySelector('.tr-inline-ack')?.textContent ?? '';
    const sendWith = (why: string) => {
      fireEvent.click(within(row).getByRole('button', { name: 'Prepare request' }));
      fireEvent.change(within(row).getByLabelText('Why do you need it?'), {
        target: { value: why },
      });
      fireEvent.click(within(row).getByRole('button', { name: 'Send request' }));
    };
    sendWith('The driver refused to unlock the phone.');
    // Async: the row closes its form once the send's promise settles.
    await act(async () => socket.answer({ status: 'accepted', seq: 11 }));
    expect(liveText()).toContain('Request sent.');
    expect(inline()).toBe('');

    sendWith('Again, the order is needed today.');
    await act(async () =>
      socket.answer({ status: 'rejected', code: 'engine/request_pending', message: 'Pending.' }),
    );
    expect(inline()).toContain('Not done');
  });

  test('the send form and the incoming request say what the request asks', () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push(
        'session.update',
        update(11, null, {
          view: view({
            sendableRequests: [
              {
                id: 'r-order',
                title: 'Ask for a search order',
                body: 'A judge orders the search of the driver’s phone.',
                to: 'prosecutor',
                enabled: true,
              },
            ],
            requests: [
              {
                ...incomingRequest,
                body: 'The legal aid lawyer asks to see the passengers held at the terminal.',
              },
            ],
          }),
        }),
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: /Requests/ }));
    const row = document.querySelector('[data-sendable="r-order"]') as HTMLElement;
    expect(row.textContent).toContain('A judge orders the search of the driver’s phone.');
    const incoming = document.querySelector('[data-request="cso-access"]') as HTMLElement;
    expect(incoming.textContent).toContain(
      'The legal aid lawyer asks to see the passengers held at the terminal.',
    );
  });

  test('a request sent again keeps its earlier refusal, with when and why, on both sides', () => {
    const { socket } = startPlaying();
    const round = { from: 'border_police', sentAt: 10, answeredAt: 20, reason: 'Say how many.' };
    act(() =>
      socket.push(
        'session.update',
        update(11, null, {
          view: view({
            requests: [
              {
                instance: 'r-order',
                request: 'r-order',
                title: 'Ask for a search order',
                from: 'border_police',
                to: 'prosecutor',
                status: 'pending',
                sentAt: 30,
                answeredAt: null,
                reason: null,
                direction: 'outgoing',
                earlier: [round],
              },
              {
                ...incomingRequest,
                sentAt: 40,
                earlier: [{ ...round, from: 'prosecutor', reason: 'Not before the screening.' }],
              },
            ],
          }),
        }),
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: /Requests/ }));
    const outgoing = document.querySelector('[data-request="r-order"]') as HTMLElement;
    const earlier = within(outgoing).getByRole('list', { name: 'Refused earlier (1)' });
    expect(earlier.textContent).toMatch(/sent at T\+00:10 · refused at T\+00:20/);
    expect(earlier.textContent).toContain('Answer: Say how many.');
    const incoming = document.querySelector('[data-request="cso-access"]') as HTMLElement;
    const received = within(incoming).getByRole('list', { name: 'Refused earlier (1)' });
    expect(received.textContent).toMatch(/From:.*· sent at T\+00:10 · refused at T\+00:20/);
    expect(received.textContent).toContain('Answer: Not before the screening.');
  });

  test('preparing, cancelling and sending a request keep keyboard focus where the work is', async () => {
    const { socket } = startPlaying();
    fireEvent.click(screen.getByRole('tab', { name: /Requests/ }));
    const row = document.querySelector('[data-sendable="r-order"]') as HTMLElement;
    // Opening the form moves focus into it, to the question it asks.
    const prepare = within(row).getByRole('button', { name: 'Prepare request' });
    prepare.focus();
    fireEvent.click(prepare);
    expect(document.activeElement).toBe(within(row).getByLabelText('Why do you need it?'));
    // Cancel takes focus back to the button that opened it, not to <body>.
    fireEvent.click(within(row).getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(
      within(row).getByRole('button', { name: 'Prepare request' }),
    );
    // Once the request is accepted and the form closes, focus goes to the requests sent.
    fireEvent.click(within(row).getByRole('button', { name: 'Prepare request' }));
    fireEvent.change(within(row).getByLabelText('Why do you need it?'), {
      target: { value: 'The driver refused to unlock the phone.' },
    });
    fireEvent.click(within(row).getByRole('button', { name: 'Send request' }));
    await act(async () => socket.answer({ status: 'accepted', seq: 11 }));
    expect(document.activeElement?.id).toBe('tr-requests-sent-title');
    expect(document.activeElement?.textContent).toMatch(/^Sent by your agency/);
  });

  test("a request still waiting when the team's run ended says it will not be answered", () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push(
        'session.update',
        update(11, null, {
          view: view({
            requests: [incomingRequest],
            ended: { id: 'collapse', title: 'Witness lost', kind: 'collapse', time: 240 },
          }),
        }),
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: /Requests/ }));
    const incoming = document.querySelector('[data-request="cso-access"]') as HTMLElement;
    expect(incoming.textContent).toContain('not answered (ended)');
    expect(within(incoming).queryByRole('button', { name: 'Grant' })).toBeNull();
  });

  test('once the run has ended the tabs count no open decisions and no requests waiting', () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push(
        'session.update',
        update(11, null, { view: view({ requests: [incomingRequest] }) }),
      ),
    );
    expect(screen.getByRole('tab', { name: /Decisions/ }).textContent).toContain('open: 1');
    expect(screen.getByRole('tab', { name: /Requests/ }).textContent).toContain(
      'waiting for your answer: 1',
    );
    // The decision stays enabled in the view: the end is what makes it closed.
    act(() =>
      socket.push(
        'session.update',
        update(12, null, {
          view: view({
            requests: [incomingRequest],
            ended: { id: 'collapse', title: 'Witness lost', kind: 'collapse', time: 240 },
          }),
        }),
      ),
    );
    expect(screen.getByRole('tab', { name: /Decisions/ }).textContent).not.toContain('open');
    expect(screen.getByRole('tab', { name: /Requests/ }).textContent).not.toContain('waiting');
  });

  test('once the debrief is released after the end, the play screen links to it once, in the end banner', () => {
    const { socket } = startPlaying();
    act(() =>
      socket.push('session.update', {
        ...update(11, null, {
          view: view({
            ended: { id: 'collapse', title: 'Witness lost', kind: 'collapse', time: 240 },
          }),
        }),
        status: 'ended',
      }),
    );
    act(() =>
      socket.push('session.update', {
        ...update(12, {
          seq: 12,
          at: AT,
          time: null,
          team: null,
          role: null,
          participant: null,
          type: 'debrief.released',
          payload: {},
        }),
        status: 'ended',
      }),
    );
    const links = screen.getAllByRole('link', { name: "Open your team's debrief" });
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe(`/debriefs/${SESSION}`);
    expect(links[0]?.closest('[data-banner="ended"]')).not.toBeNull();
    // The sticky reminder still says the session has ended, without a second link.
    expect(document.querySelector('[data-sticky="ended"]')?.textContent).toBe('Ended');
  });

  test('a decision already taken says so once, not "Already decided. Already decided."', async () => {
    const decided = {
      code: 'engine/already_decided',
      message: 'Already decided.',
      text: { en: 'Already decided.', 'sr-Latn': 'Odluka je već doneta.' },
    } as const;
    const { socket, i18n } = startPlaying();
    act(() =>
      socket.push(
        'session.update',
        update(11, null, {
          view: view({
            decisions: [
              {
                id: 'd-open',
                title: 'Open the trailer',
                prompt: 'What do you do first?',
                enabled: false,
                whyNot: decided,
                options: [
                  {
                    id: 'open',
                    label: 'Open and ventilate',
                    timeCost: 10,
                    enabled: false,
                    whyNot: decided,
                  },
                ],
                joint: null,
              },
            ],
            sendableRequests: [
              {
                id: 'r-order',
                title: 'Ask for a search order',
                to: 'prosecutor',
                enabled: false,
                whyNot: {
                  code: 'engine/already_decided',
                  message: 'Already granted.',
                  text: { en: 'Already granted.', 'sr-Latn': 'Već je odobren.' },
                },
              },
            ],
          }),
        }),
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: /Decisions/ }));
    const whyNots = () =>
      [...document.querySelectorAll('[data-decision="d-open"] .tr-whynot')].map((p) =>
        p.textContent?.replace(/\s+/g, ' '),
      );
    expect(whyNots()).toEqual(['Not available now: Already decided.', 'Already decided.']);
    // A detail that says more than the headline stays.
    fireEvent.click(screen.getByRole('tab', { name: /Requests/ }));
    const row = document.querySelector('[data-sendable="r-order"] .tr-whynot');
    expect(row?.textContent).toBe('Already decided. Already granted.');
    // In Serbian the scenario's own words follow the translated headline.
    await act(() => i18n.changeLanguage('sr-Latn'));
    fireEvent.click(screen.getByRole('tab', { name: /Odluke/ }));
    expect(whyNots()[1]).toBe('Već je odlučeno. Odluka je već doneta.');
  });

  test('an answered request labels the answer apart from the justification it was sent with', async () => {
    const { socket, i18n } = startPlaying();
    act(() =>
      socket.push(
        'session.update',
        update(11, null, {
          view: view({
            requests: [
              {
                instance: 'r-order',
                request: 'r-order',
                title: 'Order to search the phone',
                from: 'border_police',
                to: 'prosecutor',
                status: 'refused',
                sentAt: 25,
                answeredAt: 40,
                reason: 'Not before the driver has a lawyer.',
                justification: 'The driver refused to unlock the phone.',
                direction: 'outgoing',
              },
            ],
          }),
        }),
      ),
    );
    fireEvent.click(screen.getByRole('tab', { name: /Requests/ }));
    const sent = document.querySelector('[data-request="r-order"]') as HTMLElement;
    expect(sent.textContent).toContain('Why: The driver refused to unlock the phone.');
    // The other agency's reason reads as its answer, not as a second line of the request.
    expect(sent.textContent).toContain('Answer: Not before the driver has a lawyer.');
    await act(() => i18n.changeLanguage('sr-Latn'));
    expect(sent.textContent).toContain('Odgovor: Not before the driver has a lawyer.');
  });

  test("the team's name, typed in the session's language, is marked with it on a page in another", async () => {
    const { i18n } = startPlaying();
    const team = screen.getByTestId('team');
    // Same language as the session (English): no mark.
    expect(team.querySelector('[lang]')).toBeNull();
    await act(() => i18n.changeLanguage('sr-Latn'));
    expect(team.querySelector('[lang="en"]')?.textContent).toBe('Team A');
  });

  test("the screen and the scenario text follow the reader's language, English where the scenario lacks it", async () => {
    const { i18n } = startPlaying();
    await act(() => i18n.changeLanguage('sr-Latn'));
    expect(screen.getByRole('tab', { name: /Odluke/ })).toBeTruthy();
    // The session runs in English, but this reader reads Serbian, which the scenario has.
    const role = document.querySelector('.tr-head__role');
    expect(role?.textContent).toBe('Granična policija');
    expect(role?.getAttribute('lang')).toBeNull();

    // The scenario has no Macedonian: the agency name falls back to English, marked lang="en".
    await act(() => i18n.changeLanguage('mk'));
    expect(screen.getByRole('tab', { name: /Одлуки/ })).toBeTruthy();
    expect(role?.textContent).toBe('Border Police');
    expect(role?.getAttribute('lang')).toBe('en');
  });
});
