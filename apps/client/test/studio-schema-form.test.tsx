/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { Field, ObjectFields, type FormContext } from '../src/studio/SchemaForm';
import type { Schema } from '../src/studio/schema';
import type { Edit } from '../src/studio/yamlDoc';
import { createI18n } from '../src/i18n';
import { MemoryStorage } from './fakes';

const country: Schema = { type: 'string', enum: ['RS', 'MK', 'BA', 'ME', 'AL', 'XK', 'HR', 'HU'] };

function renderCountry(language: string, value: unknown) {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', language);
  const i18n = createI18n({ storage, browserLanguages: [] });
  const edits: Edit[] = [];
  const ctx: FormContext = {
    root: { type: 'object', properties: { country } },
    languages: ['en'],
    errors: new Map(),
    edit: (e) => edits.push(e),
    readOnly: false,
  };
  render(
    <I18nextProvider i18n={i18n}>
      <Field
        ctx={ctx}
        schema={country}
        path={['country']}
        value={value}
        name="country"
        required={false}
      />
    </I18nextProvider>,
  );
  return edits;
}

test('a scenario’s country is chosen by its name in the reader’s language, and the file gets its code', () => {
  const edits = renderCountry('mk', undefined);
  const select = screen.getByRole('combobox', { name: /Држава/ });
  const options = [...select.querySelectorAll('option')].map((o) => o.textContent);
  expect(options).toEqual([
    '—',
    'Србија (RS)',
    'Северна Македонија (MK)',
    'Босна и Херцеговина (BA)',
    'Црна Гора (ME)',
    'Албанија (AL)',
    'Косово (XK)',
    'Хрватска (HR)',
    'Унгарија (HU)',
  ]);
  fireEvent.change(select, { target: { value: 'MK' } });
  expect(edits).toEqual([{ op: 'set', path: ['country'], value: 'MK' }]);
});

test('other choices keep their values as labels', () => {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'sq');
  const i18n = createI18n({ storage, browserLanguages: [] });
  const kind: Schema = { type: 'string', enum: ['migrant', 'suspect'] };
  render(
    <I18nextProvider i18n={i18n}>
      <Field
        ctx={{
          root: { type: 'object', properties: { kind } },
          languages: ['en'],
          errors: new Map(),
          edit: () => {},
          readOnly: false,
        }}
        schema={kind}
        path={['people', 0, 'kind']}
        value="migrant"
        name="kind"
        required
      />
    </I18nextProvider>,
  );
  const options = [...screen.getByRole('combobox').querySelectorAll('option')].map(
    (o) => o.textContent,
  );
  expect(options).toEqual(['migrant', 'suspect']);
});

test('in Albanian, North Macedonia reads as Maqedonia e Veriut', () => {
  renderCountry('sq', 'MK');
  const select = screen.getByRole('combobox') as HTMLSelectElement;
  expect(select.selectedOptions[0]?.textContent).toBe('Maqedonia e Veriut (MK)');
});

/** Every property name in the scenario's JSON Schema (texts' language keys aside). */
test('field labels, the fields one can add and the add button read in the page’s language', () => {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'sr-Latn');
  const i18n = createI18n({ storage, browserLanguages: [] });
  const root: Schema = {
    type: 'object',
    properties: {
      durationMinutes: { type: 'integer' },
      startTime: { type: 'string' },
      contentWarnings: { type: 'array', items: { type: 'object', properties: { id: {} } } },
    },
    required: ['durationMinutes'],
  };
  render(
    <I18nextProvider i18n={i18n}>
      <ObjectFields
        ctx={{ root, languages: ['en'], errors: new Map(), edit: () => {}, readOnly: false }}
        schema={root}
        path={[]}
        value={{ durationMinutes: 90, contentWarnings: [] }}
      />
    </I18nextProvider>,
  );
  expect(screen.getByRole('spinbutton', { name: 'Trajanje (minuta)' })).toBeTruthy();
  expect(screen.getByRole('group', { name: /^Upozorenja o sadržaju \(0\)/ })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Dodaj upozorenje o sadržaju' })).toBeTruthy();
  const addable = [...screen.getByRole('combobox').querySelectorAll('option')].map(
    (o) => o.textContent,
  );
  expect(addable).toEqual(['—', 'Vreme početka']);
});

test('a free value that is not YAML says so in the page’s language and keeps the value', () => {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'mk');
  const i18n = createI18n({ storage, browserLanguages: [] });
  const edits: Edit[] = [];
  render(
    <I18nextProvider i18n={i18n}>
      <Field
        ctx={{
          root: {},
          languages: ['en'],
          errors: new Map(),
          edit: (e) => edits.push(e),
          readOnly: false,
        }}
        schema={{}}
        path={['value']}
        value="yes"
        name="value"
        required
      />
    </I18nextProvider>,
  );
  const box = screen.getByRole('textbox', { name: /YAML/ });
  fireEvent.change(box, { target: { value: 'a: 1\nb: [' } });
  fireEvent.blur(box);
  expect(screen.getByRole('alert').textContent).toMatch(/^Не е исправен YAML \(\d+\. ред/);
  expect(edits).toEqual([]);
});

test('the file’s scenario-language version is not labelled as a language; an interview’s language still is', () => {
  const storage = new MemoryStorage();
  storage.setItem('crossroads.language', 'en');
  const i18n = createI18n({ storage, browserLanguages: [] });
  const version: Schema = { type: 'number', const: 2 };
  const root: Schema = {
    type: 'object',
    properties: {
      language: version,
      startTime: { type: 'string' },
      params: { type: 'object', properties: { language: { type: 'string' } } },
    },
  };
  const ctx: FormContext = {
    root,
    languages: ['en'],
    errors: new Map(),
    edit: () => {},
    readOnly: false,
  };
  const { unmount } = render(
    <I18nextProvider i18n={i18n}>
      <ObjectFields
        ctx={ctx}
        schema={root}
        path={[]}
        value={{ language: 2, params: { language: 'sr' } }}
      />
    </I18nextProvider>,
  );
  const labels = [...document.querySelectorAll('.studio-field__label')].map((l) =>
    l.firstChild?.textContent?.trim(),
  );
  expect(labels).toEqual(['Scenario file format version', 'Language']);
  unmount();
  // Not in the file yet: offered under the same words.
  render(
    <I18nextProvider i18n={i18n}>
      <ObjectFields ctx={ctx} schema={root} path={[]} value={{}} />
    </I18nextProvider>,
  );
  const addable = [...screen.getByRole('combobox').querySelectorAll('option')].map(
    (o) => o.textContent,
  );
  expect(addable).toEqual(['—', 'Scenario file format version', 'Start time', 'Parameters']);
});
