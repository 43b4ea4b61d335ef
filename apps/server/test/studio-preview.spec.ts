/**
 * The studio's legal-model preview plays the shortest run to an option. An option that uses a
 * scarce resource free only later waits for it, as a facilitator's clock would, when that is all
 * that stands in its way and the time limit allows; the preview says it waited and how long.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { previewOption } from '../src/studio/studio-work';

const starter = readFileSync(join(__dirname, '..', 'studio-templates', 'starter.yaml'), 'utf8');

/** The starter template with a Pashto interpreter free from minute `from`, and an option using it. */
function withInterpreterFrom(from: number): string {
  return starter
    .replace(
      '\ndocuments:\n',
      `
resources:
  - id: pashto
    name:
      en: Certified Pashto interpreter
      sr-Latn: Ovlašćeni prevodilac za paštu
      mk: Овластен преведувач за паштунски
    kind: interpreter
    language: ps
    certified: true
    available: [{ from: ${from}, count: 1 }]

documents:
`,
    )
    .replace(
      '          - id: driver_interprets\n',
      `          - id: pashto_interpreter
            label:
              en: Call the Pashto interpreter
              sr-Latn: Pozvati prevodioca za paštu
              mk: Да се повика преведувачот за паштунски
            timeCost: 30
            uses: { resource: pashto, count: 1 }
            effects:
              - { set: statements_taken, value: true }
          - id: driver_interprets
`,
    );
}

describe('studio preview: waiting for a scarce resource', () => {
  it('moves the clock on to the minute the interpreter is free, and says so', () => {
    const preview = previewOption(withInterpreterFrom(120), 'interview', 'pashto_interpreter');
    expect(preview.ok).toBe(true);
    // The shortest run: the first decision (15 minutes), then the wait from minute 15 to 120.
    expect(preview.waited).toEqual({
      resource: {
        en: 'Certified Pashto interpreter',
        'sr-Latn': 'Ovlašćeni prevodilac za paštu',
        mk: 'Овластен преведувач за паштунски',
      },
      minutes: 105,
      from: 15,
      until: 120,
    });
    expect(preview.path.map((p) => p.action.type)).toEqual(['decision.made', 'clock.ticked']);
    expect(preview.effects).toEqual([{ kind: 'fact', fact: 'statements_taken', value: true }]);
  });

  it('does not wait past the time limit (240): no run reaches the option then', () => {
    const preview = previewOption(withInterpreterFrom(240), 'interview', 'pashto_interpreter');
    expect(preview.ok).toBe(false);
    expect(preview.waited).toBeUndefined();
    expect(preview.effects).toEqual([]);
  });

  it('does not wait when the option is open without waiting', () => {
    const preview = previewOption(withInterpreterFrom(0), 'interview', 'pashto_interpreter');
    expect(preview.ok).toBe(true);
    expect(preview.waited).toBeUndefined();
    expect(preview.path.map((p) => p.action.type)).toEqual(['decision.made']);
  });
});
