import type { RoleView, ViewPatchOp } from '@crossroads/shared';
import { diffViews } from '../src/sessions/view-diff';
import {
  localViewVersion,
  patchIfSmaller,
  patchJson,
  viewVersion,
} from '../src/sessions/view-versions';

/** The patch a group holding `held` is sent for `next`, or null when `next` goes whole. */
const patchFor = (held: RoleView, next: RoleView) =>
  patchIfSmaller(diffViews(held, next).ops, next);

/** JSON shaped like a role view where the versioning looks (the clock, nested lists). */
function view(minutes: number, titles: string[], clockFirst = true): RoleView {
  const clock = { minutes, running: true, limitMinutes: 120 };
  const inbox = titles.map((en, i) => ({ id: `m${i}`, title: { en, mk: `${en} (mk)` } }));
  return (clockFirst ? { clock, inbox } : { inbox, clock }) as unknown as RoleView;
}

describe('view versions', () => {
  it('handed out locally never repeat, and do not look like digests', () => {
    const tokens = Array.from({ length: 1000 }, () => localViewVersion());
    expect(new Set(tokens).size).toBe(1000);
    expect(tokens.some((token) => token === viewVersion(view(10, ['Arrest report'])))).toBe(false);
  });

  it('are equal for equal views built apart, whatever the key order and the minutes', () => {
    const version = viewVersion(view(10, ['Arrest report']));
    expect(version).toMatch(/^[0-9a-z]{14}$/);
    expect(viewVersion(view(10, ['Arrest report']))).toBe(version);
    expect(viewVersion(view(95, ['Arrest report'], false))).toBe(version);
  });

  it('differ as soon as anything but the minutes differs', () => {
    const version = viewVersion(view(10, ['Arrest report']));
    expect(viewVersion(view(10, ['Arrest report', 'Lab results']))).not.toBe(version);
    expect(viewVersion(view(10, ['Arrest report.']))).not.toBe(version);
    const stopped = { ...view(10, ['Arrest report']), clock: { minutes: 10, running: false } };
    expect(viewVersion(stopped as unknown as RoleView)).not.toBe(version);
  });
});

describe('view patch operations', () => {
  it('carry what changed, the minutes as an absolute value', () => {
    expect(patchFor(view(10, ['Arrest report']), view(25, ['Arrest report', 'Lab']))).toEqual(
      expect.arrayContaining([
        { op: 'replace', path: '/clock/minutes', value: 25 },
        { op: 'add', path: '/inbox/1', value: { id: 'm1', title: { en: 'Lab', mk: 'Lab (mk)' } } },
      ]),
    );
  });

  it('are null when the whole view would be no larger', () => {
    const long = (tag: string) => Array.from({ length: 60 }, (_, i) => `${tag} ${i} `.repeat(10));
    expect(patchFor(view(0, long('one')), view(0, long('two')))).toBeNull();
  });
});

describe('patch JSON', () => {
  it('is JSON.stringify of the operations, also for values serialised before', () => {
    const shared = {
      id: 'd1',
      title: { en: 'Search "the" van', mk: 'Претрес' },
      options: [1, null],
    };
    const ops: ViewPatchOp[] = [
      { op: 'replace', path: '/clock/minutes', value: 25 },
      { op: 'add', path: '/documents/3', value: shared },
      { op: 'remove', path: '/facts/a~1b' },
      { op: 'replace', path: '/ended', value: null },
      { op: 'replace', path: '/phase/title/en', value: 'Naïve \u2028 "quoted"' },
      { op: 'add', path: '/decisions/0', value: shared },
      { op: 'replace', path: '/flags', value: [true, false, { nested: shared }] },
    ];
    expect(patchJson(ops)).toBe(JSON.stringify(ops));
    expect(patchJson(ops)).toBe(JSON.stringify(ops));
    expect(patchJson([])).toBe('[]');
    expect(patchJson(ops.slice(2, 3))).toBe(JSON.stringify(ops.slice(2, 3)));
  });
});
