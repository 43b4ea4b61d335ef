/**
 * Micro-benchmark of the live score refresh (SessionViews.refreshScores without the database):
 * sessions of the flagship scenario played as bench/views.ts plays them, each fed to a new
 * LiveScorer in pieces of `--every` events (about what the 5-second refresh finds at the load
 * bench's pace), scores() after each piece, and every team's old and new scores compared as the
 * server compares them. Prints µs per refresh, elapsed and CPU (process, GC threads included; medians of `--runs`) and a sha256 of every score
 * the refreshes computed, so two versions of the scoring code can be shown to agree.
 *
 *   node --conditions=@crossroads/source -r ./apps/server/bench/register-ts.cjs \
 *     apps/server/bench/live-scores.ts [--sessions 4] [--runs 7] [--every 25] [--seed 7]
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Scores } from '@crossroads/shared';
import { EngineRuntime } from '../src/catalogue/engine-runtime';
import { changedTeams } from '../src/sessions/session-views';
import { flagship, playSession, prng } from './views';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function main(): void {
  const sessionsCount = arg('sessions', 4);
  const runs = arg('runs', 7);
  const every = arg('every', 25);
  const rnd = prng(arg('seed', 7));
  const compiled = flagship();
  const runtime = new EngineRuntime(compiled);
  const sessions = Array.from({ length: sessionsCount }, (_, i) =>
    playSession(runtime, compiled.playable, rnd, i),
  );
  const times: number[] = [];
  const cpus: number[] = [];
  let refreshes = 0;
  let changed = 0;
  let scoresHash = '';
  for (let run = 0; run <= runs; run += 1) {
    const hash = createHash('sha256');
    let took = 0;
    let cpu = 0;
    refreshes = 0;
    changed = 0;
    for (const session of sessions) {
      const scorer = runtime.liveScores(runtime.rubricVersion);
      const teams = session.teams.map((t) => t.id);
      let before: Map<string, Scores> | undefined;
      for (let from = 0; from < session.events.length; from += every) {
        const piece = session.events.slice(from, from + every);
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        scorer.add(piece);
        const after = scorer.scores();
        changed += changedTeams(teams, before, after).length;
        const c1 = process.cpuUsage(c0);
        took += performance.now() - t0;
        cpu += (c1.user + c1.system) / 1000;
        before = after;
        refreshes += 1;
        for (const [team, s] of after) hash.update(`${team} ${JSON.stringify(s)}\n`);
      }
    }
    scoresHash = hash.digest('hex');
    if (run > 0) {
      times.push(took);
      cpus.push(cpu);
    }
  }
  const events = sessions.reduce((n, s) => n + s.events.length, 0);
  process.stdout.write(
    [
      `${sessionsCount} sessions, ${events} events, ${refreshes} refreshes of ${every} events, ${changed} team changes`,
      `live scores ${((median(times) * 1000) / refreshes).toFixed(1)} us per refresh, CPU ${((median(cpus) * 1000) / refreshes).toFixed(1)} us (medians of ${runs} runs)`,
      `sha256 of every refresh's scores: ${scoresHash}`,
      '',
    ].join('\n'),
  );
}

main();
