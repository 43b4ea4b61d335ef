import en from '../src/i18n/en.json';
import srLatn from '../src/i18n/sr-Latn.json';
import { SUPPORTED_LANGUAGES, resources } from '../src/i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const placeholders = (text: unknown): string[] =>
  [...String(text).matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1] ?? '').sort();

describe('translation resources', () => {
  const english = flatten(en);
  const serbian = flatten(srLatn);

  test('every supported language has a resource file', () => {
    expect(Object.keys(resources).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  test('English and Serbian have exactly the same keys', () => {
    const onlyEnglish = [...english.keys()].filter((k) => !serbian.has(k));
    const onlySerbian = [...serbian.keys()].filter((k) => !english.has(k));
    expect({ onlyEnglish, onlySerbian }).toEqual({ onlyEnglish: [], onlySerbian: [] });
  });

  test.each([
    ['en', english],
    ['sr-Latn', serbian],
  ])('%s has only non-empty string values', (_language, entries) => {
    const bad = [...entries].filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(bad).toEqual([]);
  });

  test('each translation keeps the same {{placeholders}} as English', () => {
    const mismatched = [...english]
      .filter(([key, text]) => placeholders(text).join() !== placeholders(serbian.get(key)).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  test('Serbian is written in Latin script, not Cyrillic', () => {
    const cyrillic = [...serbian].filter(([, v]) => /[\u0400-\u04ff]/.test(String(v)));
    expect(cyrillic).toEqual([]);
  });
});
