/**
 * Every role view of generated sessions, pinned by a hash: a change meant to make views cheaper
 * (caches, shared work between the agencies of a state, fewer allocations) must leave each of
 * them byte-identical. The sessions are played the way the load bench's fleet plays (bench/views.ts)
 * on every catalogue scenario and on the engine tests' mini scenario, and each state a
 * session goes through is viewed by every agency and the facilitator under two session settings.
 *
 * A change that is meant to change what a view says changes these hashes: check that the views
 * differ only as intended (e.g. with the bench's --hash on the old and the new code), then update
 * them here.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, parseScenario, type CompiledScenario } from '@crossroads/scenarios';
import { loadCatalogue } from '@crossroads/scenarios/node';
import type { SessionSettings } from '@crossroads/shared';
import { playSession, prng, stateSequence } from '../bench/views';
import { EngineRuntime } from '../src/catalogue/engine-runtime';

function mini(): CompiledScenario {
  const text = readFileSync(
    join(__dirname, '..', '..', '..', 'packages', 'scenarios', 'test', 'fixtures', 'mini.yaml'),
    'utf8',
  );
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error('the mini scenario does not parse');
  return compile(parsed.scenario);
}

const catalogue = loadCatalogue().flatMap((entry) => (entry.ok ? [entry.compiled] : []));
const scenarios = [...catalogue, mini()];

const SETTINGS: SessionSettings[] = [
  { feedbackPolicy: 'debrief_only', scoresVisibleToTrainees: false, timeRatio: 10, language: 'en' },
  { feedbackPolicy: 'hints', scoresVisibleToTrainees: true, timeRatio: 0, language: 'sr-Latn' },
];

/**
 * The hash of every view of two generated sessions (4 teams each), in log order, and how many views
 * it covers. One runtime plays and views, as a server process does, so whatever it caches from one
 * view, team or session is in place for the next.
 */
function viewsHash(compiled: CompiledScenario): { views: number; hash: string } {
  const runtime = new EngineRuntime(compiled);
  const rnd = prng(2026);
  const hash = createHash('sha256');
  const roles = [...compiled.agencies.keys(), 'facilitator'];
  const scores = { evidence: 2, rights: 3, redLines: ['r1'] };
  let views = 0;
  for (let index = 0; index < 2; index += 1) {
    const session = playSession(runtime, compiled.playable, rnd, index);
    for (const { team, state } of stateSequence(runtime, session)) {
      for (const role of roles) {
        for (const settings of SETTINGS) {
          const view = runtime.view(state, role, { team, settings, running: true, scores });
          hash.update(JSON.stringify(view));
          hash.update('\n');
          views += 1;
        }
      }
    }
  }
  return { views, hash: hash.digest('hex') };
}

/** Pinned from the views of the code before the view-computation caches (see the file comment). */
const PINNED: Record<string, { views: number; hash: string }> = {
  'debt-on-the-farm': {
    views: 7436,
    hash: '34383eb58dc9b6c61d04200ca6d7bcd03dbc726da5b33eab6f7d094ba3392177',
  },
  'flat-in-sombor': {
    views: 8668,
    hash: 'c6487e466ada9688ffd6a8211b6837262de44b028599a40febee0f3bf137524c',
  },
  'night-on-the-drina': {
    views: 7176,
    hash: '5ebb0e7acd5ca3d200b1e7a54a257270bd3ec6c4791bea6585be625aa74fa591',
  },
  'reefer-horgos': {
    views: 7640,
    hash: 'dea2b4a9cac9bcdce877ee5104d2083c23161ffaaae2c4e2599e91221efcd8e5',
  },
  'tickets-to-vienna': {
    views: 10530,
    hash: '957441d21b880efe3c164698d85af3bfc531528acb92b4b33f507b34e5470e9a',
  },
  'mini-kelebija': {
    views: 530,
    hash: '4042ed80010c6bb2e6007fd82cf547d4a9bf086caa614bfac3ba0dc16ecc4106',
  },
};

describe.each(scenarios.map((c) => [c.id, c] as const))('views of %s', (id, compiled) => {
  it('hash as pinned', () => {
    const got = viewsHash(compiled);
    expect(got.views).toBeGreaterThan(100);
    expect(got).toEqual(PINNED[id]);
  });
});
