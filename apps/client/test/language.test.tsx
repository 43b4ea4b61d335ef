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
    ['mk-MK', 'mk'],
    ['sq-AL', 'sq'],
    ['sq-XK', 'sq'],
    ['bs-Latn-BA', 'bs'],
    ['bs-Cyrl', 'bs'],
    ['hr-HR', undefined],
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
    expect(i18n.t('nav.facilitate')).toBe('Vodi sesiju');
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
    expect(
      screen.getAllByRole('option').map((o) => [o.textContent, o.getAttribute('lang')]),
    ).toEqual([
      ['English', 'en'],
      ['Srpski', 'sr-Latn'],
      ['Македонски', 'mk'],
      ['Shqip', 'sq'],
      ['Bosanski', 'bs'],
    ]);

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

describe("plural forms follow each language's rules", () => {
  const redLines = (language: string, count: number) => {
    const i18n = createI18n({ storage: new MemoryStorage(), browserLanguages: [language] });
    return i18n.t('console.team.redLines', { count });
  };

  test.each([
    ['en', 1, '1 red line crossed'],
    ['en', 2, '2 red lines crossed'],
    ['sr-Latn', 21, '21 pređena crvena linija'],
    ['sr-Latn', 3, '3 pređene crvene linije'],
    ['sr-Latn', 12, '12 pređenih crvenih linija'],
    ['bs', 1, '1 pređena crvena linija'],
    ['bs', 24, '24 pređene crvene linije'],
    ['bs', 5, '5 pređenih crvenih linija'],
    ['bs', 11, '11 pređenih crvenih linija'],
    ['mk', 1, '1 премината црвена линија'],
    ['mk', 21, '21 премината црвена линија'],
    ['mk', 11, '11 преминати црвени линии'],
    ['mk', 2, '2 преминати црвени линии'],
    ['sq', 1, '1 vijë e kuqe e kaluar'],
    ['sq', 21, '21 vija të kuqe të kaluara'],
  ])('%s, %i: %s', (language, count, expected) => {
    expect(redLines(language, count)).toBe(expected);
  });

  test('Macedonian is chosen from the browser and switched to with its script', () => {
    const storage = new MemoryStorage();
    const i18n = createI18n({ storage, browserLanguages: ['mk-MK', 'en'] });
    expect(i18n.language).toBe('mk');
    expect(i18n.t('nav.facilitate')).toBe('Води сесија');
    return i18n.changeLanguage('sq').then(() => {
      expect(i18n.t('nav.facilitate')).toBe('Drejto një seancë');
      expect(storage.getItem(LANGUAGE_STORAGE_KEY)).toBe('sq');
    });
  });
});
