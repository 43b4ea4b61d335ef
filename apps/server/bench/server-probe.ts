/**
 * Preloaded by the benchmark into its server processes (`node -r`), so the server's own code
 * carries no measuring hooks: a LoopProbe (loop-probe.ts) driven over stdin, one command a line.
 * `reset` opens a window; `report <id>` answers with one stdout line
 * `{"probe":{"id":<id>,"figures":{...LoopFigures}}}` about the window so far.
 *
 * `heap <id>` (the bench's `--live-heap` runs, which start the process with --expose-gc, the echo
 * server too) collects garbage fully, twice (the second pass frees what the first one's
 * finalisers released), and answers `{"probe":{"id":<id>,"heap":{...HeapFigures}}}`: the memory
 * the process's objects hold, without the collector's headroom and garbage that resident size
 * also counts.
 */
import { getHeapStatistics } from 'node:v8';
import { LoopProbe } from './loop-probe';

export interface HeapFigures {
  /** V8 heap in use after the collections, KB. */
  usedKB: number;
  /** Memory outside the V8 heap that JavaScript objects hold (buffers, array buffers), KB. */
  externalKB: number;
}

function heapFigures(): HeapFigures | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return null;
  gc();
  gc();
  return {
    usedKB: Math.round(getHeapStatistics().used_heap_size / 1024),
    externalKB: Math.round(process.memoryUsage().external / 1024),
  };
}

const probe = new LoopProbe();
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const [command, id] = line.trim().split(' ');
    if (command === 'reset') probe.reset();
    else if (command === 'heap') {
      process.stdout.write(
        `${JSON.stringify({ probe: { id: Number(id), heap: heapFigures() } })}\n`,
      );
    } else if (command === 'report') {
      process.stdout.write(
        `${JSON.stringify({ probe: { id: Number(id), figures: probe.figures() } })}\n`,
      );
    }
  }
});
// The open stdin must not keep a server alive that would otherwise exit (a pipe can be unref'd;
// a file or /dev/null has nothing to unref).
(process.stdin as { unref?: () => void }).unref?.();
