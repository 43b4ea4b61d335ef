/**
 * Preloaded by the benchmark into its server processes (`node -r`), so the server's own code
 * carries no measuring hooks: a LoopProbe (loop-probe.ts) driven over stdin, one command a line.
 * `reset` opens a window; `report <id>` answers with one stdout line
 * `{"probe":{"id":<id>,"figures":{...LoopFigures}}}` about the window so far.
 */
import { LoopProbe } from './loop-probe';

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
    else if (command === 'report') {
      process.stdout.write(
        `${JSON.stringify({ probe: { id: Number(id), figures: probe.figures() } })}\n`,
      );
    }
  }
});
// The open stdin must not keep a server alive that would otherwise exit (a pipe can be unref'd;
// a file or /dev/null has nothing to unref).
(process.stdin as { unref?: () => void }).unref?.();
