/**
 * Reliability soaks: programs that print figures (not timed tests; small versions of each run in
 * the jest suite, tests/integration/soak.test.ts, with the same targets).
 *
 *   npm run soak -w @crossroads/server -- crash --runs 100 [--json]
 *   npm run soak -w @crossroads/server -- reconnect-storm --clients 2000 [--json]
 *   npm run soak -w @crossroads/server -- fuzz --messages 10000 [--json]
 *   npm run soak -w @crossroads/server -- slow-consumer [--consumers 8] [--seconds 60] [--fill 80] [--json]
 *
 * Each starts the real server in a child process on a temporary SQLite file and drives it with
 * real socket.io clients. The exit code is 0 when the soak's target was met, 1 when not.
 * Progress goes to stderr; with --json, stdout is one JSON document.
 */
import { crashSoak } from './soak-crash';
import { fuzzSoak } from './soak-fuzz';
import { reconnectStormSoak } from './soak-reconnect-storm';
import { DEFAULT_FILL, slowConsumerSoak } from './soak-slow-consumer';

const SOAKS = ['crash', 'reconnect-storm', 'fuzz', 'slow-consumer'] as const;
type SoakName = (typeof SOAKS)[number];

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: soak <${SOAKS.join('|')}> [--runs N] [--clients N] [--messages N] [--consumers N] [--seconds N] [--fill N] [--json]\n`,
  );
  process.exit(2);
}

function parse(argv: string[]): { soak: SoakName; json: boolean; numbers: Map<string, number> } {
  const [name, ...rest] = argv;
  if (!SOAKS.includes(name as SoakName)) usage(`unknown soak ${JSON.stringify(name ?? '')}`);
  const numbers = new Map<string, number>();
  let json = false;
  for (let i = 0; i < rest.length; i += 1) {
    const flag = rest[i] ?? '';
    if (flag === '--json') {
      json = true;
      continue;
    }
    const key = /^--(runs|clients|messages|consumers|seconds|fill)$/.exec(flag)?.[1];
    const value = Number(rest[i + 1]);
    if (!key || !Number.isInteger(value) || value <= 0)
      usage(`bad option ${flag} ${rest[i + 1] ?? ''}`);
    numbers.set(key, value);
    i += 1;
  }
  return { soak: name as SoakName, json, numbers };
}

async function main(): Promise<void> {
  const { soak, json, numbers } = parse(process.argv.slice(2));
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  let result: { targetMet: boolean } & Record<string, unknown>;
  switch (soak) {
    case 'crash':
      result = { ...(await crashSoak({ runs: numbers.get('runs') ?? 100, progress })) };
      break;
    case 'fuzz':
      result = { ...(await fuzzSoak({ messages: numbers.get('messages') ?? 10_000, progress })) };
      break;
    case 'reconnect-storm':
      result = {
        ...(await reconnectStormSoak({ clients: numbers.get('clients') ?? 2000, progress })),
      };
      break;
    case 'slow-consumer':
      result = {
        ...(await slowConsumerSoak({
          consumers: numbers.get('consumers') ?? 8,
          seconds: numbers.get('seconds') ?? 60,
          fill: numbers.get('fill') ?? DEFAULT_FILL,
          progress,
        })),
      };
      break;
    default:
      usage(`${soak} is not written yet`);
  }
  if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const { perRun: _perRun, ...summary } = result as Record<string, unknown>;
    for (const [key, value] of Object.entries(summary)) {
      process.stdout.write(
        `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}\n`,
      );
    }
  }
  process.exitCode = result.targetMet ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
