/**
 * A trainee's refused decision or request is answered in every language the scenario has, with
 * the very words its own view gives the greyed-out action (`whyNot.text`): a Serbian trainee reads
 * why in Serbian, and the ack tells the agency no more than its view does. The scenario is the
 * need-to-know probe, whose options wait on another agency's restricted evidence and inject.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CommandAck, WhyNot } from '@crossroads/shared';
import type { SessionClient } from '../../apps/server/bench/session-client';
import { joinSeat, login, openSession } from '../../apps/server/bench/session-client';
import { accepted } from '../acks';
import type { TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';

jest.setTimeout(60_000);

const SCENARIO = readFileSync(path.join(__dirname, 'support', 'need-to-know-probe.yaml'), 'utf8');
/** Titles of what only the prosecutor holds, which the police's refusals must not name. */
const PROSECUTORS = ['SECRET-EVIDENCE-PROS-2277', 'SECRET-INJECT-PROS-5521'];

let server: TestServer;
const clients: SessionClient[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
});

/** The ack as the wire carries it, compared with the reason the agency's view gives. */
function asReason(ack: CommandAck): WhyNot {
  if (ack.status !== 'rejected') throw new Error(`accepted: ${JSON.stringify(ack)}`);
  return { code: ack.code, message: ack.message, ...(ack.text ? { text: ack.text } : {}) };
}

it("a refused decision or request is told in the view's words, in every language", async () => {
  server = await startMiniServer({ scenarios: { 'probe.yaml': SCENARIO } });
  const admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  const { meta, facilitator } = await openSession(
    server.url,
    admin.token,
    { scenario: 'need-to-know-probe', teams: 1, timeRatio: 0, language: 'sr-Latn' },
    clients,
  );
  const seat: Record<string, SessionClient> = {};
  for (const role of ['police', 'prosecutor', 'social_work']) {
    const { client } = await joinSeat(
      server.url,
      meta,
      {
        displayName: role,
        team: 'team-a',
        role,
      },
      clients,
    );
    seat[role] = client;
  }
  const police = seat.police as SessionClient;
  accepted(await facilitator.send('session.start', {}));
  await police.until(() => police.view !== null, 5000, 'first view');
  const patrol = accepted(
    await police.send('decision.submit', { decision: 'patrol', option: 'care_first' }),
  );
  await police.until(
    () =>
      police.lastSeq >= patrol.seq &&
      (police.view?.decisions.some((d) => d.id === 'press') ?? false),
    5000,
    'the next decision',
  );

  const press = police.view?.decisions.find((d) => d.id === 'press');
  const refused = press?.options.filter((o) => o.whyNot !== undefined) ?? [];
  expect(refused.map((o) => o.id).sort()).toEqual(
    ['on_disclosure', 'on_news', 'on_records', 'with_interpreter'].sort(),
  );
  for (const option of refused) {
    const commandId = crypto.randomUUID();
    const ack = await police.send('decision.submit', {
      decision: 'press',
      option: option.id,
      commandId,
    });
    const reason = asReason(ack);
    expect(reason).toEqual(option.whyNot);
    const text = reason.text;
    if (text === undefined || typeof text === 'string')
      throw new Error(`no translations: ${option.id}`);
    expect(text['sr-Latn']).toBe((option.whyNot?.text as Record<string, string>)['sr-Latn']);
    expect(text['sr-Latn']).toBeTruthy();
    expect(text['sr-Latn']).not.toBe(text.en);
    for (const secret of PROSECUTORS) expect(JSON.stringify(ack)).not.toContain(secret);
    // Sent again with its id (no ack came, say): refused again, in the same words.
    expect(
      await police.send('decision.submit', { decision: 'press', option: option.id, commandId }),
    ).toEqual(ack);
  }

  // A request: sent once, it is greyed out while it waits, and a second one is refused so.
  const sent = accepted(await police.send('request.send', { request: 'interpreter' }));
  await police.until(
    () =>
      police.lastSeq >= sent.seq &&
      (police.view?.sendableRequests.some((r) => r.id === 'interpreter' && r.whyNot) ?? false),
    5000,
    'the request greyed out',
  );
  const request = police.view?.sendableRequests.find((r) => r.id === 'interpreter');
  const again = asReason(await police.send('request.send', { request: 'interpreter' }));
  expect(again).toEqual(request?.whyNot);
  expect(typeof again.text === 'object' && again.text['sr-Latn']).toBeTruthy();
});
