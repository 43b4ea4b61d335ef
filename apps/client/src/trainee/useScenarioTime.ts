import { useTranslation } from 'react-i18next';
import { formatClockReading } from '../i18n/numbers';
import { usePlay } from './context';

/**
 * Formats a moment of the scenario as the clock in the header shows it: "Day 4, 09:10" when the
 * scenario says when Day 1 starts (the phases name days), else the time elapsed as the console,
 * the projector and the debrief read it ("T+02:19", "T+3 d 06:00"; formatElapsed). Every "at" on
 * the play screen goes through it, so no row contradicts the clock, nor the trainee's screen the
 * facilitator's.
 */
export function useScenarioTime(): (minutes: number) => string {
  const { t, i18n } = useTranslation();
  const { snapshot } = usePlay();
  const startTime = snapshot.state.session?.scenario.startTime;
  return (minutes) => formatClockReading(t, minutes, i18n.resolvedLanguage, startTime);
}
