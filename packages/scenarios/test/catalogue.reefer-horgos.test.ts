/**
 * "Reefer at Horgoš": the written request to the motorway operator is the preservation of its toll, ANPR and
 * CCTV data. The option states both acts (`preservation_request`, `preserve_cctv`); the model scores the
 * preservation by its retention window (R20) and does not credit it again as platform data preserved for
 * online adverts (R38). Before, the same request also earned "Online adverts captured forensically" (E+2),
 * in a case with no adverts.
 */
import { RUBRICS } from '../src/rubric';
import { debrief } from '../src/scoring';
import { CAREFUL } from '../examples/generate';
import { loadCatalogue, playScripted } from './scripted-play';

const c = loadCatalogue('reefer-horgos');

describe('Reefer at Horgoš: preserving the motorway data', () => {
  const run = playScripted(c, [{ id: 'team-a', name: 'A', policy: CAREFUL }], {
    seed: 1,
    maxEvents: 400,
  });

  it.each(RUBRICS.map((r) => [r.version, r] as const))(
    'the request to the operator is scored once, as the CCTV/ANPR preservation (rubric %s)',
    (_version, rubric) => {
      expect(run.options('team-a')).toContain('o_anpr_now');
      const t = debrief(c, run.events, rubric).teams[0];
      const ids = t?.items.map((i) => i.ruleId) ?? [];
      expect(ids.filter((id) => id.startsWith('EVIDENCE.CCTV.'))).toEqual([
        'EVIDENCE.CCTV.PRESERVED',
      ]);
      expect(ids.filter((id) => id.startsWith('EVIDENCE.OSINT.'))).toEqual([]);
    },
  );
});
