/**
 * @jest-environment ./test/jsdom-environment.ts
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { Field, type FormContext } from '../src/studio/SchemaForm';
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
  const select = screen.getByRole('combobox', { name: /Country/ });
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
