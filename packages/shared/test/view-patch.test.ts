import { applyViewPatch, viewPatchSchema, type RoleView, type VersionedView } from '../src';

/** A role view reduced to JSON the patch touches (the schema's other fields play no part). */
const view = {
  team: { id: 't1', name: 'Team 1' },
  clock: { minutes: 40, running: true, limitMinutes: 120 },
  inbox: [{ id: 'm0', title: { en: 'Arrest report' } }],
} as unknown as RoleView;

const patch = viewPatchSchema.parse({
  base: 'v1',
  version: 'v2',
  ops: [
    { op: 'add', path: '/inbox/1', value: { id: 'm1', title: { en: 'Lab results' } } },
    { op: 'replace', path: '/inbox/0/title/en', value: 'Arrest report (signed)' },
  ],
});

describe('applyViewPatch', () => {
  it('applies a patch to the version it names, as new objects, leaving the held view as it was', () => {
    const held: VersionedView = { view, viewVersion: 'v1' };
    const before = JSON.stringify(view);
    const after = applyViewPatch(held, patch);
    expect(after).toEqual({
      viewVersion: 'v2',
      view: {
        ...view,
        inbox: [
          { id: 'm0', title: { en: 'Arrest report (signed)' } },
          { id: 'm1', title: { en: 'Lab results' } },
        ],
      },
    });
    expect(JSON.stringify(view)).toBe(before);
    expect(after?.view).not.toBe(view);
    expect(after?.view?.clock).not.toBe(view.clock);
  });

  it('refuses a patch for another version, for no view, and one whose paths are not there', () => {
    expect(applyViewPatch({ view, viewVersion: 'v0' }, patch)).toBeNull();
    expect(applyViewPatch({ view: null, viewVersion: 'v1' }, patch)).toBeNull();
    const stray = { ...patch, ops: [{ op: 'replace' as const, path: '/decisions/3', value: 1 }] };
    expect(applyViewPatch({ view, viewVersion: 'v1' }, stray)).toBeNull();
  });

  it('accepts only the operations the server emits', () => {
    expect(
      viewPatchSchema.safeParse({ ...patch, ops: [{ op: 'move', from: '/a', path: '/b' }] })
        .success,
    ).toBe(false);
    expect(viewPatchSchema.safeParse({ ...patch, base: '' }).success).toBe(false);
  });
});
