/**
 * Where a played session's messages come from: events per commit and `session.update` emits and
 * socket deliveries per command, by event type (host-play's sessions, reefer-horgos).
 *
 *   npx tsc -p apps/server/tsconfig.bench.json && node apps/server/dist-bench/bench/msg-census.js
 *     [scenario] [--ticks]
 *
 * `--ticks`: the clock ticker visits between steps at the load bench's pace (host-play's stepMs).
 */
import { loadCatalogue } from '@crossroads/scenarios/node';
import type { LogEvent } from '@crossroads/shared';
import { EngineRuntime } from '../src/catalogue/engine-runtime';
import { InMemoryEventStore } from '../src/sessions/in-memory-event-store';
import { SessionHost } from '../src/sessions/session-host';
import { SessionViews } from '../src/sessions/session-views';
import type { AccountsService } from '../src/accounts/accounts.service';
import { playThroughHost, SETTINGS, storeOver } from './host-play';
import { prng } from './views';

async function main(): Promise<void> {
  const id = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'reefer-horgos';
  const stepMs = process.argv.includes('--ticks') ? 200 : 0;
  const compiled = loadCatalogue()
    .flatMap((e) => (e.ok ? [e.compiled] : []))
    .find((c) => c.id === id);
  if (!compiled) throw new Error(id);
  const commitsBySize = new Map<number, number>();
  const eventsByType = new Map<string, number>();
  const emitsByType = new Map<string, number>();
  let publishes = 0;
  let events = 0;
  let emits = 0;
  let deliveries = 0;
  const deliveriesByType = new Map<string, number>();
  const original = SessionHost.prototype.publish;
  SessionHost.prototype.publish = async function (this: SessionHost, evs: LogEvent[], ...rest) {
    publishes += 1;
    events += evs.length;
    commitsBySize.set(evs.length, (commitsBySize.get(evs.length) ?? 0) + 1);
    for (const e of evs) eventsByType.set(e.type, (eventsByType.get(e.type) ?? 0) + 1);
    const ports = (
      this as unknown as { ports: { broadcaster: { emit: (...a: unknown[]) => void } } }
    ).ports;
    const emit = ports.broadcaster.emit;
    ports.broadcaster.emit = function (...args: unknown[]) {
      const payload = args[3] as { event?: { type: string } | null; events?: { type: string }[] };
      const type =
        payload.event?.type ?? payload.events?.map((e) => e.type).join('+') ?? '(view only)';
      if (args[2] === 'session.update') {
        emits += 1;
        emitsByType.set(type, (emitsByType.get(type) ?? 0) + 1);
        // The connections it reaches (what the load bench's fleet counts as received).
        const to = args[1] as object | object[];
        const keys = (Array.isArray(to) ? to : [to]).map((r) => JSON.stringify(r));
        const network = this as { connections?: Set<{ sets: Set<string> }> };
        const reached = [...(network.connections ?? [])].filter((c) =>
          keys.some((k) => c.sets.has(k)),
        ).length;
        deliveries += reached;
        deliveriesByType.set(type, (deliveriesByType.get(type) ?? 0) + reached);
      }
      return emit.apply(this, args);
    };
    try {
      return await original.call(this, evs, ...rest);
    } finally {
      ports.broadcaster.emit = emit;
    }
  };
  const runtime = new EngineRuntime(compiled);
  const store = new InMemoryEventStore();
  const views = new SessionViews(storeOver(store), {
    byId: async () => undefined,
  } as unknown as AccountsService);
  const rnd = prng(2027);
  let commands = 0;
  for (const [i, settings] of SETTINGS.entries()) {
    const played = await playThroughHost(runtime, views, store, i, settings, rnd, stepMs);
    commands += played.commands;
  }
  const sorted = (m: Map<string | number, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v}`);
  console.log(`${id}: ${commands} commands, ${publishes} publishes, ${events} events`);
  console.log(
    `events per publish ${(events / publishes).toFixed(2)}; sizes`,
    sorted(commitsBySize),
  );
  console.log(`session.update emits ${emits}, per command ${(emits / commands).toFixed(2)}`);
  console.log('events by type', sorted(eventsByType));
  console.log('emits by event type', sorted(emitsByType));
  console.log(
    `session.update deliveries (connections reached) ${deliveries}, per command ${(deliveries / commands).toFixed(2)}`,
  );
  console.log('deliveries by event type', sorted(deliveriesByType));
}

void main();
