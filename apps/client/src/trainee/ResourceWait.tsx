import type { ResourceWait } from '@crossroads/shared';
import { useTranslation } from 'react-i18next';
import { Tx } from './content';
import { usePlay } from './context';
import { formatScenarioTime } from './format';
import { useScenarioTime } from './useScenarioTime';

/**
 * What an action refused for want of a scarce resource (an interpreter) waits for, in the clock
 * terms of the page: "Free from Day 3, 16:00." when the scenario names its days, else how much
 * scenario time is left until then, counted from the clock the trainee sees now (so a refusal
 * read a little later still tells the truth). Scenario time is the facilitator's to move on.
 */
export function ResourceWaitText({ wait }: { wait: ResourceWait }) {
  const { t } = useTranslation();
  const { snapshot } = usePlay();
  const at = useScenarioTime();
  const startTime = snapshot.state.session?.scenario.startTime;
  const now = snapshot.state.view?.clock.minutes ?? 0;
  let when: string;
  if (wait.freeAt === null) when = t('play.wait.never');
  else if (wait.freeAt <= now) when = t('play.wait.now');
  else if (startTime) when = t('play.wait.from', { at: at(wait.freeAt) });
  else when = t('play.wait.in', { in: formatScenarioTime(t, wait.freeAt - now) });
  return (
    <span data-wait={wait.freeAt ?? 'never'}>
      {t('play.wait.busy')} <Tx text={wait.resource} />. {when}
      {wait.freeAt !== null && wait.freeAt > now ? ` ${t('play.wait.clock')}` : null}
    </span>
  );
}
