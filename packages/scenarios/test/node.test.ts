import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  catalogueDir,
  loadCatalogue,
  loadScenarioFile,
  packageRoot,
} from '@crossroads/scenarios/node';
import { checkOne, failed } from '../cli/check';
import { fixture, miniText } from './helpers';

describe('@crossroads/scenarios/node', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crossroads-catalogue-'));
    copyFileSync(fixture('mini.yaml'), join(dir, 'b-mini.yaml'));
    writeFileSync(
      join(dir, 'a-broken.yaml'),
      miniText().replace('{ goto: screening }', '{ goto: nowhere }'),
    );
    writeFileSync(join(dir, 'c-leaky.json'), JSON.stringify(leakyData()));
    writeFileSync(join(dir, 'notes.txt'), 'not a scenario');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the package root and its catalogue folder from the sources', () => {
    expect(JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).name).toBe(
      '@crossroads/scenarios',
    );
    expect(catalogueDir()).toBe(join(packageRoot(), 'catalogue'));
  });

  it('loads a folder: scenario files only, sorted, each parsed and compiled or with its errors', () => {
    const all = loadCatalogue(dir);
    expect(all.map((l) => [l.name, l.ok])).toEqual([
      ['a-broken.yaml', false],
      ['b-mini.yaml', true],
      ['c-leaky.json', true],
    ]);
    const broken = all[0];
    expect(broken && !broken.ok && broken.errors[0]).toMatchObject({
      path: 'phases[0].decisions[0].options[0].effects[2].goto',
      message: expect.stringMatching(/unknown phase "nowhere"/),
    });
    const mini = all[1];
    expect(mini?.ok && mini.compiled.id).toBe('mini-kelebija');
  });

  it('reports an unreadable file instead of throwing, and a missing folder as empty', () => {
    const r = loadScenarioFile(join(dir, 'missing.yaml'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]?.message).toMatch(/cannot read/);
    expect(loadCatalogue(join(dir, 'nope'))).toEqual([]);
  });

  it('the check CLI fails invalid and leaky scenarios and passes the fixture', () => {
    const [broken, mini, leaky] = loadCatalogue(dir).map((l) => checkOne(l, 500));
    expect(broken && failed(broken)).toBe(true);
    expect(broken?.errors[0]?.line).toBeGreaterThan(0);
    expect(mini && failed(mini)).toBe(false);
    expect(mini).toMatchObject({
      id: 'mini-kelebija',
      valid: true,
      decisions: 6,
      options: 12,
      deadEnds: 0,
      viewLeaks: [],
    });
    expect(leaky && failed(leaky)).toBe(true);
    expect(leaky?.viewLeaks.map((v) => v.item)).toEqual(['secret']);
  });
});

function leakyData() {
  return {
    id: 'leaky',
    version: '0.1.0',
    title: 'Leaky',
    summary: 's',
    durationMinutes: 5,
    languages: ['en'],
    agencies: [
      { id: 'police', name: 'Police', playable: 'required', briefing: 'b' },
      { id: 'prosecutor', name: 'Prosecutor', playable: 'required', briefing: 'b' },
    ],
    documents: [
      { id: 'secret', title: 'S', body: 'b', visibleTo: ['prosecutor'], restricted: true },
    ],
    phases: [
      {
        id: 'one',
        title: 'One',
        description: 'd',
        decisions: [
          {
            id: 'go',
            title: 'Go',
            prompt: 'p',
            agencies: ['prosecutor'],
            options: [
              {
                id: 'share',
                label: 'Share',
                timeCost: 1,
                effects: [{ reveal: 'secret', to: ['police'] }, { end: 'done' }],
              },
            ],
          },
        ],
      },
    ],
    endings: [{ id: 'done', title: 'Done', description: 'd', kind: 'other' }],
  };
}
