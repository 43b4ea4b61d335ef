import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '@crossroads/shared';
import bs from './bs.json';
import en from './en.json';
import mk from './mk.json';
import sq from './sq.json';
import srLatn from './sr-Latn.json';

export type { Language };

/**
 * UI languages, as BCP 47 tags: the session languages of the wire contract. Each has a resource
 * file beside this one with the same keys (plural keys in that language's plural forms).
 */
export const SUPPORTED_LANGUAGES: readonly Language[] = LANGUAGES;

export const DEFAULT_LANGUAGE: Language = 'en';

/** localStorage key holding the language the user last chose. */
export const LANGUAGE_STORAGE_KEY = 'crossroads.language';

export const resources = {
  en: { translation: en },
  'sr-Latn': { translation: srLatn },
  mk: { translation: mk },
  sq: { translation: sq },
  bs: { translation: bs },
} as const;

/** The Intl locale that formats dates and numbers for a UI language. */
export function localeOf(language: string | undefined): string {
  switch (language) {
    case 'sr-Latn':
      return 'sr-Latn-RS';
    case 'mk':
      return 'mk-MK';
    case 'sq':
      return 'sq-AL';
    case 'bs':
      return 'bs-BA';
    default:
      return 'en-GB';
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/**
 * Maps a browser language tag to a UI language, or undefined when none fits.
 * Any Serbian tag (sr, sr-RS, sr-Cyrl, sr-Latn-ME) and the legacy `sh` get Serbian Latin,
 * the only Serbian script the UI has; Macedonian (mk), Albanian (sq, also as spoken in Kosovo
 * and North Macedonia) and Bosnian (bs, any script) get their own language.
 */
export function matchLanguage(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  switch (primary) {
    case 'sr':
    case 'sh':
      return 'sr-Latn';
    case 'en':
    case 'mk':
    case 'sq':
    case 'bs':
      return primary;
    default:
      return undefined;
  }
}

/** The stored choice wins; then the first browser language we support; then English. */
export function pickInitialLanguage(
  stored: string | null,
  browserLanguages: readonly string[],
): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}

/** The parts of `Storage` we use; reading or writing may throw (private mode, blocked storage). */
export type LanguageStorage = Pick<Storage, 'getItem' | 'setItem'>;

function readStored(storage: LanguageStorage | undefined): string | null {
  try {
    return storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function writeStored(storage: LanguageStorage | undefined, language: string): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage is blocked: the choice then lasts for this page load only.
  }
}

function defaultStorage(): LanguageStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export interface CreateI18nOptions {
  storage?: LanguageStorage | undefined;
  browserLanguages?: readonly string[];
  /** The element whose `lang` follows the UI language; `document.documentElement` by default. */
  root?: HTMLElement | undefined;
}

/**
 * Creates and synchronously initialises an i18next instance for the app.
 * `<html lang>` follows the UI language; a language the user switches to is also stored.
 */
export function createI18n(options: CreateI18nOptions = {}): i18n {
  const storage = 'storage' in options ? options.storage : defaultStorage();
  const browserLanguages =
    options.browserLanguages ?? (typeof navigator === 'undefined' ? [] : navigator.languages);
  const root =
    options.root ?? (typeof document === 'undefined' ? undefined : document.documentElement);

  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  void instance.init({
    resources,
    lng: pickInitialLanguage(readStored(storage), browserLanguages),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    // Resources are bundled, so initialisation completes before the first render.
    initAsync: false,
    // React escapes output already.
    interpolation: { escapeValue: false },
    returnEmptyString: false,
  });
  if (root) root.lang = instance.language;
  // Subscribed after init, so only a real change is persisted: a language guessed from the
  // browser is not written, and a later change of browser language still takes effect.
  instance.on('languageChanged', (language) => {
    if (!isLanguage(language)) return;
    if (root) root.lang = language;
    writeStored(storage, language);
  });
  return instance;
}
