/**
 * Trends of a course: how long the server takes to recompute them from the sessions' event logs,
 * and how large the answer is. One in-process server on a throwaway SQLite file; a course of
 * `--sessions` flagship sessions, each with `--teams` teams whose border police play a few
 * decisions (some careful, some not), end and release the debrief, and a course knowledge check
 * answered before and after by every trainee.
 *
 *   npm run bench:trends -w @crossroads/server -- [--sessions 3] [--teams 4] [--repeat 20] [--json]
 *
 * Figures: the first trends request (every debrief computed from its log), the next ones (the
 * server's cache keyed by session head and rubric), the first and later requests re-scored under
 * another rubric version, the course knowledge results, and the bytes of each answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CommandAck, Course, JoinResponse, SessionMeta } from '@crossroads/shared';
import { createApp } from '../src/index';
import { api, login, SessionClient } from './session-client';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive integer`);
  return value;
}

const SESSIONS = arg('sessions', 3);
const TEAMS = arg('teams', 4);
const REPEAT = arg('repeat', 20);
const JSON_OUT = process.argv.includes('--json');
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password-1' };
const PLAYS: [string, string][][] = [
  [['d_open', 'o_keep_closed']],
  [
    ['d_open', 'o_open_now'],
    ['d_medical', 'o_call_ems'],
  ],
  [['d_open', 'o_open_now']],
];
const RIGHT = [
  { question: 'collective-expulsion', options: ['individual'] },
  { question: 'interpreter-choice', options: ['qualified'] },
  { question: 'age-doubt', options: ['child'] },
  { question: 'passengers-liability', options: ['no'] },
  { question: 'confidence-cooperation', value: 4 },
];

/** Before the exercise: half the trainees get two of four wrong. */
const WRONG = RIGHT.map((a) =>
  a.question === 'collective-expulsion'
    ? { ...a, options: ['nothing'] }
    : a.question === 'age-doubt'
      ? { ...a, options: ['adult'] }
      : a,
);

const accepted = (ack: CommandAck) => {
  if (ack.status !== 'accepted') throw new Error(`rejected: ${ack.code} ${ack.message}`);
};

async function timed(url: string, token: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  const body = await response.arrayBuffer();
  const ms = performance.now() - start;
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return { ms, bytes: body.byteLength };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'crossroads-bench-trends-'));
  const running = await createApp({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_PATH: path.join(dataDir, 'crossroads.sqlite'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      PUBLIC_ORIGIN: 'http://localhost:3000',
      CROSSROADS_DEMO: 'false',
      CROSSROADS_ADMIN_USERNAME: ADMIN.username,
      CROSSROADS_ADMIN_PASSWORD: ADMIN.password,
    },
  });
  const clients: SessionClient[] = [];
  try {
    const base = running.url;
    const { token } = await login(base, ADMIN.username, ADMIN.password);
    const course = await api<Course>(
      base,
      'POST',
      '/api/courses',
      { name: 'Bench cohort', knowledgeCheck: { id: 'route-course-core' } },
      token,
    );
    let events = 0;
    for (let s = 0; s < SESSIONS; s += 1) {
      const meta = await api<SessionMeta>(
        base,
        'POST',
        '/api/sessions',
        { scenario: 'reefer-horgos', teams: TEAMS, timeRatio: 0 },
        token,
      );
      await api(base, 'PUT', `/api/courses/${course.id}/sessions/${meta.id}`, undefined, token);
      const facilitator = new SessionClient(base, { kind: 'facilitator', token }, meta.id);
      clients.push(facilitator);
      await facilitator.connected();
      const players: { client: SessionClient; joined: JoinResponse }[] = [];
      for (let t = 0; t < TEAMS; t += 1) {
        const joined = await api<JoinResponse>(base, 'POST', '/api/join', {
          code: meta.joinCode,
          displayName: `Trainee ${s}-${t}`,
          team: meta.teams[t]?.id,
          role: 'border_police',
        });
        await api(
          base,
          'POST',
          `/api/sessions/${meta.id}/knowledge-check/answers`,
          { phase: 'pre', answers: t % 2 === 0 ? WRONG : RIGHT },
          joined.participantToken,
        );
        const client = new SessionClient(base, {
          kind: 'participant',
          token: joined.participantToken,
        });
        clients.push(client);
        await client.connected();
        players.push({ client, joined });
      }
      accepted(await facilitator.send('session.start', {}));
      for (const [t, p] of players.entries()) {
        await p.client.until(() => p.client.view !== null, 10_000, 'first view');
        for (const [decision, option] of PLAYS[(s + t) % PLAYS.length] ?? []) {
          accepted(await p.client.send('decision.submit', { decision, option }));
        }
      }
      accepted(await facilitator.send('session.end', {}));
      accepted(await facilitator.send('debrief.release', {}));
      for (const p of players) {
        await api(
          base,
          'POST',
          `/api/sessions/${meta.id}/knowledge-check/answers`,
          { phase: 'post', answers: RIGHT },
          p.joined.participantToken,
        );
      }
      events += facilitator.lastSeq;
    }

    const trendsUrl = `${base}/api/courses/${course.id}/trends`;
    const cold = await timed(trendsUrl, token);
    const warm: number[] = [];
    for (let i = 0; i < REPEAT; i += 1) warm.push((await timed(trendsUrl, token)).ms);
    const rescoreCold = await timed(`${trendsUrl}?rubric=1.1.0`, token);
    const rescoreWarm: number[] = [];
    for (let i = 0; i < REPEAT; i += 1)
      rescoreWarm.push((await timed(`${trendsUrl}?rubric=1.1.0`, token)).ms);
    const knowledge = await timed(`${base}/api/courses/${course.id}/knowledge-results`, token);

    const figures = {
      sessions: SESSIONS,
      teamsPerSession: TEAMS,
      events,
      trendsBytes: cold.bytes,
      trendsFirstMs: round(cold.ms),
      trendsCachedMedianMs: round(median(warm)),
      rescoredBytes: rescoreCold.bytes,
      rescoredFirstMs: round(rescoreCold.ms),
      rescoredCachedMedianMs: round(median(rescoreWarm)),
      knowledgeResultsBytes: knowledge.bytes,
      knowledgeResultsMs: round(knowledge.ms),
    };
    if (JSON_OUT) console.log(JSON.stringify(figures));
    else for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(24)} ${v}`);
  } finally {
    for (const c of clients) c.socket.close();
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
