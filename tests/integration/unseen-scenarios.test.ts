/**
 * Two scenarios written the way an author outside the project might, none of whose choices the code
 * was tuned to (support/unseen/): English only with two agencies (one optional) and a judge played
 * by the facilitator, a phase with no decisions that a facilitator's inject ends, a decision with a
 * single option, a request from the police to an NGO, an ending reached on the first decision; and
 * English with Albanian only, set in North Macedonia, three agencies the catalogue does not name, a
 * CSO asking the labour inspectorate, a joint decision, many facts, a long text, Cyrillic, Arabic and
 * Bengali in texts (its debrief cites North Macedonia's law, never Serbia's).
 * Each goes through the studio, is played by two teams over the real socket.io client to endings,
 * and its debrief and every server export are fetched: findings carry rule, axis, legal basis and
 * causing event, and a trainee never receives another agency's restricted item. A third, written
 * in the studio as a new trainer would (a sealed wagon at Šid, English and Serbian, a restricted
 * file for the prosecutor and a restricted note for social work), is played in Serbian by one
 * team of three, asserting what each trainee sees.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  debriefEnvelopeSchema,
  type DebriefEnvelope,
  type JoinResponse,
  type SessionMeta,
} from '@crossroads/shared';
import {
  api,
  login,
  newStaff,
  openSession,
  publishScenario,
  SessionClient,
  type Staff,
} from '../../apps/server/bench/session-client';
import { accepted } from '../acks';
import type { TestServer } from './helpers';
import { MINI_ADMIN, startMiniServer } from './mini-server';
import { act } from './support/catalogue-play';

jest.setTimeout(60_000);

let server: TestServer;
let admin: Staff;
const clients: SessionClient[] = [];

beforeAll(async () => {
  server = await startMiniServer();
  admin = await login(server.url, MINI_ADMIN.username, MINI_ADMIN.password);
  const author = await newStaff(server.url, admin.token, 'author', { author: true });
  for (const file of ['night-bus-presevo.yaml', 'greenhouse-struga.yaml', 'wagon-at-sid.yaml']) {
    const source = readFileSync(path.join(__dirname, 'support', 'unseen', file), 'utf8');
    const check = await api<{ ok: boolean; errors: unknown[] }>(
      server.url,
      'POST',
      '/api/studio/validate',
      { source },
      author.token,
    );
    expect(check).toMatchObject({ ok: true, errors: [] });
    await publishScenario(server.url, author.token, source);
  }
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
});

interface Seat {
  token: string;
  client: SessionClient;
  /** Everything the trainee received: the join answer, socket messages, REST bodies. */
  received: string[];
}

async function seatsFor(meta: SessionMeta, seats: [string, string][]): Promise<Map<string, Seat>> {
  const out = new Map<string, Seat>();
  for (const [team, role] of seats) {
    const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
      code: meta.joinCode,
      displayName: `${role} ${team}`,
      team,
      role,
    });
    const client = new SessionClient(server.url, {
      kind: 'participant',
      token: joined.participantToken,
    });
    const received = [JSON.stringify(joined)];
    client.socket.onAny((event: string, ...args: unknown[]) =>
      received.push(JSON.stringify([event, args])),
    );
    clients.push(client);
    await client.connected();
    out.set(`${team}/${role}`, { token: joined.participantToken, client, received });
  }
  return out;
}

/** GET as text, with its status. */
async function fetched(route: string, token: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.url}${route}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, text: await response.text() };
}

/** Every staff export of a session answers 200; returns the bodies by route suffix. */
async function exportsOf(meta: SessionMeta): Promise<Map<string, string>> {
  const base = `/api/sessions/${meta.id}`;
  const out = new Map<string, string>();
  for (const suffix of [
    '/events.jsonl',
    '/decisions.csv',
    '/scores.csv',
    '/aar',
    '/aar.csv',
    '/participation',
    '/participation.csv',
  ]) {
    const { status, text } = await fetched(`${base}${suffix}`, admin.token);
    expect([suffix, status]).toEqual([suffix, 200]);
    out.set(suffix, text);
  }
  return out;
}

async function staffDebrief(meta: SessionMeta): Promise<DebriefEnvelope> {
  const { status, text } = await fetched(`/api/sessions/${meta.id}/debrief`, admin.token);
  expect(status).toBe(200);
  return debriefEnvelopeSchema.parse(JSON.parse(text));
}

/** Every finding names its rule, axis, legal basis and (but for run-end obligations) its event. */
function expectExplained(envelope: DebriefEnvelope): void {
  for (const team of envelope.debrief.teams)
    for (const item of team.items) {
      expect(item.ruleId).toMatch(/^[A-Z]+(\.[A-Z_]+)+$/);
      expect(['evidence', 'rights']).toContain(item.axis);
      expect(item.legalBasis.length).toBeGreaterThan(0);
      expect(typeof item.causedBySeq).toBe('number');
    }
}

const ruleIds = (envelope: DebriefEnvelope, team: string) =>
  envelope.debrief.teams.find((t) => t.team === team)?.items.map((i) => i.ruleId) ?? [];

it('an English-only scenario with a facilitator-only inject and an early ending plays to its endings', async () => {
  const { meta, facilitator } = await openSession(
    server.url,
    admin.token,
    { scenario: 'night-bus-presevo', teams: 2, timeRatio: 0 },
    clients,
  );
  const seats = await seatsFor(meta, [
    ['team-a', 'municipal_police'],
    ['team-a', 'ngo_legal'],
    ['team-b', 'municipal_police'],
  ]);
  const seat = (key: string): Seat => {
    const s = seats.get(key);
    if (!s) throw new Error(`no seat ${key}`);
    return s;
  };
  const police = seat('team-a/municipal_police');
  const ngo = seat('team-a/ngo_legal');
  accepted(await act(facilitator, 'session.start', {}));
  for (const { client } of seats.values()) await client.until(() => client.view !== null);

  // The police ask the NGO (an unusual pair); the NGO grants, then asks the facilitator's judge.
  accepted(await act(police.client, 'request.send', { request: 'outreach_visit' }));
  await ngo.client.until(
    () => ngo.client.view?.requests.some((r) => r.direction === 'incoming') ?? false,
  );
  const incoming = ngo.client.view?.requests.find((r) => r.direction === 'incoming');
  accepted(
    await act(ngo.client, 'request.answer', {
      requestInstance: incoming?.instance ?? 'missing',
      granted: true,
      reason: 'She may sit with our worker.',
    }),
  );
  accepted(await act(ngo.client, 'request.send', { request: 'guardian_order' }));
  const takeOff = accepted(
    await act(police.client, 'decision.submit', { decision: 'take_off_bus', option: 'take_off' }),
  );
  await police.client.until(() => police.client.view?.phase.id === 'waiting');
  // A phase with nothing to decide: only the facilitator's inject moves the team on.
  expect(police.client.view?.decisions.filter((d) => d.enabled)).toEqual([]);
  accepted(await act(facilitator, 'inject.release', { inject: 'judge_calls', team: 'team-a' }));
  await ngo.client.until(() => ngo.client.view?.phase.id === 'placement');
  const place = accepted(
    await act(ngo.client, 'decision.submit', { decision: 'place', option: 'child_shelter' }),
  );
  // Team B lets the bus go: the case ends on its first decision.
  accepted(
    await act(seat('team-b/municipal_police').client, 'decision.submit', {
      decision: 'wave_on',
      option: 'let_go',
    }),
  );
  accepted(await act(facilitator, 'session.end', {}));
  accepted(await act(facilitator, 'debrief.release', {}));

  const exported = await exportsOf(meta);
  const scores = exported.get('/scores.csv') ?? '';
  expect(scores).toMatch(/^team-a,Team A,\d+,\d+,,protected,other,/m);
  expect(scores).toMatch(/^team-b,Team B,\d+,\d+,,lost,hard_fail,/m);
  const envelope = await staffDebrief(meta);
  expectExplained(envelope);
  const a = envelope.debrief.teams.find((t) => t.team === 'team-a');
  expect(a?.items.find((i) => i.ruleId === 'RIGHTS.ASYLUM.REGISTERED')?.causedBySeq).toBe(
    takeOff.seq,
  );
  expect(a?.items.find((i) => i.ruleId === 'RIGHTS.CHILD.GUARDIAN')).toMatchObject({
    causedBySeq: place.seq,
    role: 'ngo_legal',
    persons: ['amina'],
  });
  expect(ruleIds(envelope, 'team-b')).toEqual(
    expect.arrayContaining(['RIGHTS.ASYLUM.IGNORED', 'RIGHTS.CHILD.NO_GUARDIAN']),
  );

  // The NGO's restricted note reaches the NGO and never the police, live or in their debrief.
  for (const s of [police, ngo])
    s.received.push((await fetched(`/api/sessions/${meta.id}/debrief`, s.token)).text);
  expect(ngo.received.join('\n')).toContain('NGO-ONLY-BODY-6612');
  expect(police.received.join('\n')).not.toMatch(/NGO-ONLY-(NOTE|BODY)-6612/);
});

it('a scenario in English and Albanian with agencies the catalogue does not name plays to its endings', async () => {
  const { meta, facilitator } = await openSession(
    server.url,
    admin.token,
    { scenario: 'greenhouse-struga', teams: 2, timeRatio: 0, language: 'sq' },
    clients,
  );
  const seats = await seatsFor(meta, [
    ['team-a', 'labour_inspectorate'],
    ['team-a', 'police_ohrid'],
    ['team-a', 'shelter_cso'],
    ['team-b', 'labour_inspectorate'],
    ['team-b', 'police_ohrid'],
  ]);
  const c = (key: string): SessionClient => {
    const s = seats.get(key);
    if (!s) throw new Error(`no seat ${key}`);
    return s.client;
  };
  accepted(await act(facilitator, 'session.start', {}));
  for (const { client } of seats.values()) await client.until(() => client.view !== null);

  // The CSO asks the labour inspectorate, which answers.
  accepted(
    await act(c('team-a/shelter_cso'), 'request.send', { request: 'shelter_ask_inspectors' }),
  );
  const inspector = c('team-a/labour_inspectorate');
  await inspector.until(
    () => inspector.view?.requests.some((r) => r.direction === 'incoming') ?? false,
  );
  accepted(
    await act(inspector, 'request.answer', {
      requestInstance:
        inspector.view?.requests.find((r) => r.direction === 'incoming')?.instance ?? 'missing',
      granted: true,
      reason: 'Dymbëdhjetë.',
    }),
  );
  // Rahim speaks English and is heard in English with nobody interpreting.
  const talk = accepted(
    await act(inspector, 'decision.submit', {
      decision: 'talk_workers',
      option: 'alone_in_english',
    }),
  );
  accepted(await act(inspector, 'decision.submit', { decision: 'call_police', option: 'call' }));
  await c('team-a/police_ohrid').until(() => c('team-a/police_ohrid').view?.phase.id === 'joint');
  for (const role of ['labour_inspectorate', 'police_ohrid'])
    accepted(await act(c(`team-a/${role}`), 'joint.sign', { decision: 'plan', option: 'refer' }));
  // Team B asks the workers in front of the owner with no interpreter, then fines them.
  accepted(
    await act(c('team-b/labour_inspectorate'), 'decision.submit', {
      decision: 'talk_workers',
      option: 'in_front_of_owner',
    }),
  );
  accepted(
    await act(c('team-b/labour_inspectorate'), 'decision.submit', {
      decision: 'call_police',
      option: 'call',
    }),
  );
  for (const role of ['labour_inspectorate', 'police_ohrid'])
    accepted(
      await act(c(`team-b/${role}`), 'joint.sign', { decision: 'plan', option: 'fine_them' }),
    );
  accepted(await act(facilitator, 'session.end', {}));
  accepted(await act(facilitator, 'debrief.release', {}));

  const exported = await exportsOf(meta);
  expect(exported.get('/scores.csv')).toMatch(/^team-a,Ekipi A,\d+,\d+,,charged,conviction,/m);
  expect(exported.get('/scores.csv')).toMatch(/^team-b,Ekipi B,\d+,\d+,,workers_fined,acquittal,/m);
  // The after-action report names the agencies in the session's language.
  expect(exported.get('/aar.csv')).toContain('Inspektorati Shtetëror i Punës');
  const envelope = await staffDebrief(meta);
  expectExplained(envelope);
  // Struga is in North Macedonia: the debrief cites its law and nowhere Serbia's, in any language
  // (the debrief carries all five; the scenario's own texts name no Serbia either).
  const cited = envelope.debrief.teams.flatMap((t) =>
    [...t.items, ...t.redLines].flatMap((i) => i.legalBasis),
  );
  expect(cited.map((b) => b.instrument)).toContain('Criminal Procedure Code of North Macedonia');
  expect(JSON.stringify(envelope.debrief).match(/serbi|srbij|србиј/gi)).toBeNull();
  expect(exported.get('/aar.csv')?.match(/serbi|srbij|србиј/gi) ?? null).toBeNull();
  expect(exported.get('/aar')?.match(/serbi|srbij|србиј/gi) ?? null).toBeNull();
  const a = envelope.debrief.teams.find((t) => t.team === 'team-a');
  expect(a?.outcome.kind).toBe('conviction');
  // Heard in a language he speaks: no interpreter was owed, nothing is held against the inspectors.
  expect(a?.items.filter((i) => i.causedBySeq === talk.seq).map((i) => i.ruleId)).not.toContain(
    'RIGHTS.INTERPRETER.NONE',
  );
  expect(a?.items.find((i) => i.ruleId === 'RIGHTS.TRAFFICKING.REFERRED')?.roles).toEqual([
    'labour_inspectorate',
    'police_ohrid',
  ]);
  expect(ruleIds(envelope, 'team-b')).toEqual(
    expect.arrayContaining(['RIGHTS.INTERPRETER.NONE', 'RIGHTS.TRAFFICKING.VICTIM_PROSECUTED']),
  );

  // The police's restricted intelligence never reaches the inspectors or the CSO.
  for (const [key, s] of seats) {
    s.received.push((await fetched(`/api/sessions/${meta.id}/debrief`, s.token)).text);
    const all = s.received.join('\n');
    if (key.endsWith('/police_ohrid')) expect(all).toContain('POLICE-ONLY-BODY-3390');
    else expect([key, all.match(/POLICE-ONLY-(TITLE|BODY)-3390/)]).toEqual([key, null]);
  }
});

it("a trainer's wagon at Šid, played in Serbian: each agency sees its own restricted item and no other", async () => {
  const { meta, facilitator } = await openSession(
    server.url,
    admin.token,
    { scenario: 'wagon-at-sid', teams: 1, timeRatio: 0, language: 'sr-Latn' },
    clients,
  );
  const seats = await seatsFor(meta, [
    ['team-a', 'border_police'],
    ['team-a', 'prosecutor'],
    ['team-a', 'social_work'],
  ]);
  const seat = (role: string): Seat => {
    const s = seats.get(`team-a/${role}`);
    if (!s) throw new Error(`no seat ${role}`);
    return s;
  };
  const police = seat('border_police');
  const prosecutor = seat('prosecutor');
  const social = seat('social_work');
  accepted(await act(facilitator, 'session.start', {}));
  for (const { client } of seats.values()) await client.until(() => client.view !== null);

  // On the platform, then the wagon: the team moves to the station.
  accepted(
    await act(police.client, 'decision.submit', {
      decision: 'platform_man',
      option: 'hold_and_seize',
    }),
  );
  accepted(
    await act(police.client, 'decision.submit', {
      decision: 'open_wagon',
      option: 'photograph_then_open',
    }),
  );
  await police.client.until(() => police.client.view?.phase.id === 'station');

  // Hearing Rania waits for a guardian: the police read why in Serbian, in the scenario's words.
  const hear = police.client.view?.decisions.find((d) => d.id === 'hear_rania');
  const withWorker = hear?.options.find((o) => o.id === 'with_worker');
  expect(withWorker?.enabled).toBe(false);
  expect(withWorker?.whyNot?.text).toMatchObject({
    'sr-Latn': expect.stringContaining('Privremeni staratelj za Raniju') as unknown,
  });

  // The police ask social work for a guardian and the prosecutor for an order; both grant.
  const answer = async (who: Seat, request: string) => {
    await who.client.until(
      () =>
        who.client.view?.requests.some(
          (r) => r.direction === 'incoming' && r.status === 'pending' && r.request === request,
        ) ?? false,
    );
    const instance = who.client.view?.requests.find(
      (r) => r.direction === 'incoming' && r.status === 'pending' && r.request === request,
    )?.instance;
    accepted(
      await act(who.client, 'request.answer', {
        requestInstance: instance ?? 'missing',
        granted: true,
        reason: 'Odobreno.',
      }),
    );
  };
  accepted(await act(police.client, 'request.send', { request: 'guardian' }));
  await answer(social, 'guardian');
  accepted(await act(police.client, 'request.send', { request: 'search_order' }));
  await answer(prosecutor, 'search_order');
  await police.client.until(
    () =>
      police.client.view?.decisions
        .find((d) => d.id === 'the_phone')
        ?.options.find((o) => o.id === 'search_under_order')?.enabled ?? false,
  );
  accepted(
    await act(police.client, 'decision.submit', {
      decision: 'the_phone',
      option: 'search_under_order',
    }),
  );
  await social.client.until(
    () =>
      social.client.view?.decisions
        .find((d) => d.id === 'hear_rania')
        ?.options.find((o) => o.id === 'with_worker')?.enabled ?? false,
  );
  accepted(
    await act(social.client, 'decision.submit', { decision: 'hear_rania', option: 'with_worker' }),
  );
  // The call from Tovarnik, released by the facilitator, is declined.
  accepted(await act(facilitator, 'inject.release', { inject: 'tovarnik_call', team: 'team-a' }));
  await police.client.until(
    () => police.client.view?.decisions.some((d) => d.id === 'croatian_offer') ?? false,
  );
  accepted(
    await act(police.client, 'decision.submit', { decision: 'croatian_offer', option: 'decline' }),
  );
  accepted(
    await act(police.client, 'decision.submit', { decision: 'to_prosecutor', option: 'send' }),
  );
  await prosecutor.client.until(() => prosecutor.client.view?.phase.id === 'charging');
  accepted(
    await act(prosecutor.client, 'decision.submit', { decision: 'charge', option: 'smuggling' }),
  );
  await prosecutor.client.until(() => prosecutor.client.view?.ended !== null);

  // What each trainee has on screen: its own restricted item, in Serbian, and no other agency's.
  const documents = (s: Seat) => (s.client.view?.documents ?? []).map((d) => d.id).sort();
  expect(documents(police)).toEqual(['dispatch_log']);
  expect(documents(prosecutor)).toEqual(['dispatch_log', 'loader_record']);
  expect(documents(social)).toEqual(['rania_note']);
  const note = social.client.view?.documents.find((d) => d.id === 'rania_note');
  expect(note?.title).toMatchObject({ 'sr-Latn': 'Beleška socijalnog radnika o Raniji' });

  accepted(await act(facilitator, 'session.end', {}));
  accepted(await act(facilitator, 'debrief.release', {}));
  const exported = await exportsOf(meta);
  expect(exported.get('/scores.csv')).toMatch(/^team-a,Tim A,\d+,\d+,/m);
  const envelope = await staffDebrief(meta);
  expectExplained(envelope);
  expect(envelope.debrief.teams[0]?.outcome.kind).toBe('conviction');

  // Live, on catch-up and in their own debrief: the markers of the restricted bodies reach only
  // the agency each is written for.
  for (const s of seats.values())
    s.received.push((await fetched(`/api/sessions/${meta.id}/debrief`, s.token)).text);
  const all = (s: Seat) => s.received.join('\n');
  expect(all(prosecutor)).toContain('PROSECUTOR-ONLY-BODY-4471');
  expect(all(social)).toContain('SOCIAL-ONLY-BODY-5820');
  expect(all(police)).not.toMatch(/PROSECUTOR-ONLY-BODY-4471|SOCIAL-ONLY-BODY-5820/);
  expect(all(prosecutor)).not.toContain('SOCIAL-ONLY-BODY-5820');
  expect(all(social)).not.toContain('PROSECUTOR-ONLY-BODY-4471');
});
