import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, SUPPORTED_LANGUAGES } from '../i18n';

/**
 * A labelled select of the UI languages. Each option names its language in that language
 * (read from that language's own resource file) and carries its `lang`, so screen readers
 * pronounce it correctly. The choice is persisted by the i18n instance.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';

  return (
    <div className="language-switch">
      <label htmlFor={id} className="language-switch__label">
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
          <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path
            d="M1.5 10h17M10 1.5c2.5 2.3 3.5 5.2 3.5 8.5s-1 6.2-3.5 8.5c-2.5-2.3-3.5-5.2-3.5-8.5s1-6.2 3.5-8.5z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          />
        </svg>
        {t('language.label')}
      </label>
      <select
        id={id}
        className="language-switch__select"
        value={current}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void i18n.changeLanguage(event.target.value);
        }}
      >
        {SUPPORTED_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {i18n.getFixedT(language)('language.endonym')}
          </option>
        ))}
      </select>
    </div>
  );
}
