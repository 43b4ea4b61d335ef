import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { LanguageSwitch } from '../src/components/LanguageSwitch';
import { LANGUAGE_STORAGE_KEY, createI18n, matchLanguage, pickInitialLanguage } from '../src/i18n';
import { MemoryStorage } from './fakes';

describe('initial language', () => {
  test.each([
    ['sr-RS', 'sr-Latn'],
    ['sr', 'sr-Latn'],
    ['sr-Cyrl-RS', 'sr-Latn'],
    ['sr_Latn_ME', 'sr-Latn'],
    ['sh', 'sr-Latn'],
    ['en-GB', 'en'],
    ['EN', 'en'],
    ['de-AT', undefined],
    ['', undefined],
  ])('browser tag %p maps to %p', (tag, expected) => {
    expect(matchLanguage(tag)).toBe(expected);
  });

  test('a stored choice wins over the browser languages', () => {
    expect(pickInitialLanguage('sr-Latn', ['en-US'])).toBe('sr-Latn');
    expect(pickInitialLanguage('en', ['sr-RS'])).toBe('en');
  });

  test('an unknown stored value is ignored', () => {
    expect(pickInitialLanguage('klingon', ['sr-RS'])).toBe('sr-Latn');
  });

  test('the first supported browser language is taken, else English', () => {
    expect(pickInitialLanguage(null, ['de-DE', 'sr-Latn-RS', 'en'])).toBe('sr-Latn');
    expect(pickInitialLanguage(null, ['de-DE', 'fr'])).toBe('en');
    expect(pickInitialLanguage(null, [])).toBe('en');
  });
});

describe('language persistence', () => {
  afterEach(() => {
    document.documentElement.lang = '';
  });

  test('starts in the stored language and sets <html lang>', () => {
    const storage = new MemoryStorage();
    storage.setItem(LANGUAGE_STORAGE_KEY, 'sr-Latn');
    const i18n = createI18n({ storage, browserLanguages: ['en-US'] });
    expect(i18n.language).toBe('sr-Latn');
    expect(document.documentElement.lang).toBe('sr-Latn');
    expect(i18n.t('nav.facilitate')).toBe('Pokreni sesiju');
  });

  test('a language guessed from the browser is not written to storage', () => {
    const storage = new MemoryStorage();
    const i18n = createI18n({ storage, browserLanguages: ['sr-RS'] });
    expect(i18n.language).toBe('sr-Latn');
    expect(storage.items.size).toBe(0);
  });

  test('the switch changes the visible text, <html lang> and storage, and the choice survives a reload', () => {
    const storage = new MemoryStorage();
    const i18n = createI18n({ storage, browserLanguages: ['en-US'] });
    render(
      <I18nextProvider i18n={i18n}>
        <LanguageSwitch />
      </I18nextProvider>,
    );

    const select = screen.getByLabelText('Language');
    expect(screen.getByRole('option', { name: 'English' })).toHaveProperty('selected', true);
    // Each option names its language in that language and is marked with it.
    expect(screen.getByRole('option', { name: 'Srpski' }).getAttribute('lang')).toBe('sr-Latn');

    fireEvent.change(select, { target: { value: 'sr-Latn' } });

    expect(screen.getByLabelText('Jezik')).toBe(select);
    expect(document.documentElement.lang).toBe('sr-Latn');
    expect(storage.getItem(LANGUAGE_STORAGE_KEY)).toBe('sr-Latn');

    // A new page load reads the same storage.
    const reloaded = createI18n({ storage, browserLanguages: ['en-US'] });
    expect(reloaded.language).toBe('sr-Latn');
  });

  test('blocked storage does not break switching', () => {
    const storage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const i18n = createI18n({ storage, browserLanguages: [] });
    expect(i18n.language).toBe('en');
    return i18n.changeLanguage('sr-Latn').then(() => {
      expect(i18n.language).toBe('sr-Latn');
      expect(document.documentElement.lang).toBe('sr-Latn');
    });
  });
});
