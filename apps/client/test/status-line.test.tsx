import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { StatusLine } from '../src/components/StatusLine';
import { createI18n } from '../src/i18n';
import { ConnectionProvider } from '../src/lib/ConnectionProvider';
import type { FetchLike } from '../src/lib/health';
import { FakeSocket, MemoryStorage, fakeFetch, healthyBody } from './fakes';

function renderStatusLine(
  socket: FakeSocket,
  fetchImpl: FetchLike,
  { language = 'en', healthIntervalMs = 60_000, showHealth = true } = {},
) {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', language);
  const i18n = createI18n({ storage, browserLanguages: [], root: document.createElement('div') });
  return render(
    <I18nextProvider i18n={i18n}>
      <ConnectionProvider socket={socket.asSocket()} pingIntervalMs={60_000} firstPingDelayMs={0}>
        <StatusLine
          fetchImpl={fetchImpl}
          healthIntervalMs={healthIntervalMs}
          showHealth={showHealth}
        />
      </ConnectionProvider>
    </I18nextProvider>,
  );
}

const liveRegion = () => screen.getByRole('status');
const connectionItem = () => liveRegion().querySelector('[data-connection]');
/** Waits for the first health check, so its state update happens inside act(). */
const settled = (text = 'database ok') => within(liveRegion()).findByText(text);

/** The status line with a healthy server, once its socket has connected; returns the socket. */
async function connectedStatusLine(): Promise<FakeSocket> {
  const socket = new FakeSocket();
  renderStatusLine(
    socket,
    fakeFetch(() => healthyBody),
  );
  await settled();
  await act(async () => socket.serverAccepts());
  return socket;
}

describe('status line', () => {
  test('shows connecting, then connected with the database state and the ping latency', async () => {
    const socket = new FakeSocket();
    renderStatusLine(
      socket,
      fakeFetch(() => healthyBody),
    );

    expect(connectionItem()?.textContent).toContain('Connecting…');
    await settled();

    await act(async () => socket.serverAccepts());
    expect(connectionItem()?.textContent).toContain('Connected');
    expect(connectionItem()?.getAttribute('data-connection')).toBe('connected');
    expect(await screen.findByText(/^\d+ ms$/)).toBeTruthy();
    expect(socket.pings).toHaveLength(1);
  });

  test('the latency is outside the live region, so screen readers are not told every ping', async () => {
    const socket = new FakeSocket();
    socket.connected = true;
    renderStatusLine(
      socket,
      fakeFetch(() => healthyBody),
    );
    const latency = await screen.findByText(/^\d+ ms$/);
    expect(liveRegion().getAttribute('aria-live')).toBe('polite');
    expect(liveRegion().contains(latency)).toBe(false);
  });

  test('a dropped connection shows reconnecting with the attempt number', async () => {
    const socket = await connectedStatusLine();
    act(() => socket.drops());
    expect(connectionItem()?.textContent).toContain('Reconnecting');
    act(() => socket.io.fire('reconnect_attempt', 2));
    expect(connectionItem()?.textContent).toContain('Reconnecting (attempt 2)');
    await act(async () => socket.serverAccepts());
    expect(connectionItem()?.textContent).toContain('Connected');
  });

  test('the browser going offline shows offline without a reconnect button', async () => {
    const socket = await connectedStatusLine();
    await act(async () => {
      window.dispatchEvent(new Event('offline'));
      socket.drops();
    });
    expect(connectionItem()?.textContent).toContain('Offline (this device has no network)');
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('the browser going offline shows offline at once, while the socket has not noticed yet', async () => {
    const socket = await connectedStatusLine();
    // A dead network: the ping sent to check never comes back.
    socket.pingAck = () => {
      throw new Error('operation has timed out');
    };
    await act(async () => window.dispatchEvent(new Event('offline')));
    expect(connectionItem()?.textContent).toContain('Offline (this device has no network)');
    await act(async () => window.dispatchEvent(new Event('online')));
    expect(connectionItem()?.textContent).toContain('Connected');
  });

  test('a browser that says offline while the server answers (a LAN without internet) stays connected', async () => {
    const socket = await connectedStatusLine();
    const pings = socket.pings.length;
    await act(async () => window.dispatchEvent(new Event('offline')));
    expect(socket.pings.length).toBeGreaterThan(pings);
    await waitFor(() => expect(connectionItem()?.textContent).toContain('Connected'));
    await act(async () => window.dispatchEvent(new Event('online')));
  });

  test('a socket closed by the server offers Reconnect, which connects again', async () => {
    const socket = await connectedStatusLine();
    act(() => socket.serverCloses());
    expect(connectionItem()?.textContent).toContain('Offline (the server closed the connection)');

    fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    expect(socket.connectCalls).toBe(1);
    expect(connectionItem()?.textContent).toContain('Connecting…');
  });

  test('server health is polled and recovers from unreachable to ok', async () => {
    let up = false;
    const fetchImpl = fakeFetch(() => (up ? healthyBody : new TypeError('Failed to fetch')));
    const socket = new FakeSocket();
    renderStatusLine(socket, fetchImpl, { healthIntervalMs: 25 });

    expect(await settled('unreachable')).toBeTruthy();
    up = true;
    expect(await within(liveRegion()).findByText('database ok')).toBeTruthy();
    expect(fetchImpl.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  test('a change of connection state re-checks server health at once', async () => {
    let up = true;
    const fetchImpl = fakeFetch(() => (up ? healthyBody : new TypeError('Failed to fetch')));
    const socket = new FakeSocket();
    renderStatusLine(socket, fetchImpl); // polls only every 60 s here
    await settled();
    await act(async () => socket.serverAccepts());
    const calls = fetchImpl.mock.calls.length;

    up = false;
    await act(async () => socket.drops());
    expect(await settled('unreachable')).toBeTruthy();
    expect(fetchImpl.mock.calls.length).toBe(calls + 1);

    up = true;
    await act(async () => socket.serverAccepts());
    expect(await settled('database ok')).toBeTruthy();
  });

  test('a connection change during a health check is checked again after it, not taken from the older answer', async () => {
    // The server stops while a check that reached it is still answering: that answer says ok, but
    // the connection has dropped since, so the line must check again rather than show it for 60 s.
    let up = true;
    let answerFirst: (() => void) | undefined;
    const answer = fakeFetch(() => (up ? healthyBody : new TypeError('Failed to fetch')));
    let calls = 0;
    const fetchImpl = jest.fn((input: string, init?: RequestInit): Promise<Response> =>
      ++calls === 2
        ? new Promise<Response>((resolve) => {
            // Answered as the server was when the request reached it: up.
            const reached = answer(input, init);
            answerFirst = () => resolve(reached);
          })
        : answer(input, init),
    );
    const socket = new FakeSocket();
    renderStatusLine(socket, fetchImpl); // polls only every 60 s here
    await settled();
    await act(async () => socket.serverAccepts()); // the second check starts and hangs
    await waitFor(() => expect(answerFirst).toBeDefined());

    up = false;
    await act(async () => socket.drops());
    await act(async () => answerFirst?.());
    expect(await settled('unreachable')).toBeTruthy();
    expect(calls).toBe(3);
  });

  test('where health is not shown (trainee pages) a healthy database is never mentioned, trouble is', async () => {
    let up = true;
    const fetchImpl = fakeFetch(() => (up ? healthyBody : new TypeError('Failed to fetch')));
    const socket = new FakeSocket();
    socket.connected = true;
    const { container } = renderStatusLine(socket, fetchImpl, {
      healthIntervalMs: 25,
      showHealth: false,
    });
    const footer = container.querySelector('footer');
    await waitFor(() => expect(footer?.getAttribute('data-server-health')).toBe('ok'));
    expect(footer?.textContent).not.toMatch(/database|Server/);
    expect(connectionItem()?.textContent).toContain('Connected');

    up = false;
    expect(await within(liveRegion()).findByText('unreachable')).toBeTruthy();
    up = true;
    await waitFor(() => expect(footer?.textContent).not.toMatch(/database|Server/));
  });

  test('texts follow the UI language', async () => {
    const socket = new FakeSocket();
    socket.connected = true;
    renderStatusLine(
      socket,
      fakeFetch(() => healthyBody),
      { language: 'sr-Latn' },
    );
    expect(connectionItem()?.textContent).toContain('Veza: Povezano');
    expect(await settled('baza podataka radi')).toBeTruthy();
    act(() => socket.serverCloses());
    expect(connectionItem()?.textContent).toContain('Van mreže (server je prekinuo vezu)');
  });

  test('unmounting removes every socket listener', async () => {
    const socket = new FakeSocket();
    const { unmount } = renderStatusLine(
      socket,
      fakeFetch(() => healthyBody),
    );
    await settled();
    expect(socket.count('connect')).toBeGreaterThan(0);
    expect(socket.countAny()).toBe(1);
    unmount();
    for (const event of ['connect', 'disconnect', 'connect_error']) {
      expect(socket.count(event)).toBe(0);
    }
    expect(socket.countAny()).toBe(0);
    expect(socket.io.count('reconnect_attempt')).toBe(0);
  });
});
