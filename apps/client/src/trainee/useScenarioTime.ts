import { useTranslation } from 'react-i18next';
import { scenarioDayTime } from '../lib/scenarioClock';
import { usePlay } from './context';
import { formatScenarioTime } from './format';

/**
 * Formats a moment of the scenario as the clock in the header shows it: "Day 4, 09:10" when the
 * scenario says when Day 1 starts (the phases name days), else the time elapsed ("3 d 6 h"). Every
 * "at" on the play screen goes through it, so no row contradicts the clock.
 */
export function useScenarioTime(): (minutes: number) => string {
  const { t } = useTranslation();
  const { snapshot } = usePlay();
  const startTime = snapshot.state.session?.scenario.startTime;
  return (minutes) => {
    const dayTime = scenarioDayTime(minutes, startTime);
    return dayTime ? t('play.time.dayClock', dayTime) : formatScenarioTime(t, minutes);
  };
}
