import { useTranslation } from 'react-i18next';
import { formatClockReading } from '../i18n/numbers';
import { usePlay } from './context';
import { formatScenarioTime } from './format';

/**
 * Formats a moment of the scenario as the clock in the header shows it: "Day 4, 09:10" when the
 * scenario says when Day 1 starts (the phases name days), else the time elapsed ("3 d 6 h"). Every
 * "at" on the play screen goes through it, so no row contradicts the clock.
 */
export function useScenarioTime(): (minutes: number) => string {
  const { t, i18n } = useTranslation();
  const { snapshot } = usePlay();
  const startTime = snapshot.state.session?.scenario.startTime;
  return (minutes) =>
    formatClockReading(t, minutes, i18n.resolvedLanguage, startTime, (m) =>
      formatScenarioTime(t, m),
    );
}
