import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GENDERS, type Gender, type ParticipantProfile } from '@crossroads/shared';
import { countryName, JOIN_COUNTRIES } from '../learning/reports/countries';

/**
 * Optional facts about the trainee for the participation report (institution, country,
 * self-declared gender). Every field may stay empty; nothing here is ever required.
 */
export function ProfileFields({
  value,
  onChange,
}: {
  value: ParticipantProfile;
  onChange: (next: ParticipantProfile) => void;
}) {
  const { t, i18n } = useTranslation();
  const ids = { institution: useId(), country: useId(), gender: useId(), hint: useId() };
  const set = (patch: Partial<ParticipantProfile>) => {
    const next: ParticipantProfile = { ...value, ...patch };
    for (const key of Object.keys(next) as (keyof ParticipantProfile)[])
      if (next[key] === undefined || next[key] === '') delete next[key];
    onChange(next);
  };
  return (
    <fieldset className="tr-choices" aria-describedby={ids.hint}>
      <legend>{t('join.profile.title')}</legend>
      <p className="tr-hint" id={ids.hint}>
        {t('join.profile.hint')}
      </p>
      <div className="tr-field">
        <label htmlFor={ids.institution}>{t('join.profile.institution')}</label>
        <input
          id={ids.institution}
          className="tr-input"
          value={value.institution ?? ''}
          maxLength={120}
          autoComplete="organization"
          onChange={(e) => set({ institution: e.target.value })}
        />
      </div>
      <div className="tr-field">
        <label htmlFor={ids.country}>{t('join.profile.country')}</label>
        <select
          id={ids.country}
          className="tr-input"
          value={value.country ?? ''}
          onChange={(e) => set({ country: e.target.value })}
        >
          <option value="">{t('join.profile.notSaying')}</option>
          {JOIN_COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {countryName(code, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="tr-field">
        <label htmlFor={ids.gender}>{t('join.profile.gender')}</label>
        <select
          id={ids.gender}
          className="tr-input"
          value={value.gender ?? ''}
          onChange={(e) => set({ gender: (e.target.value || undefined) as Gender | undefined })}
        >
          <option value="">{t('join.profile.notSaying')}</option>
          {GENDERS.map((g) => (
            <option key={g} value={g}>
              {t(`reports.gender.${g}`)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
