import type { CourseTrends } from '@crossroads/shared';
import { TRENDS_CSV_HEADER, trendsCsv } from '../src/learning/trendsCsv';

const figure = (n: number, value: number | null) => ({ n, value });
const trends: CourseTrends = {
  course: { id: '00000000-0000-4000-8000-000000000001', name: 'Cohort' },
  generatedAt: '2026-12-04T10:00:00.000Z',
  filters: { scenario: null, rubric: '1.1.0' },
  rubricVersions: ['1.1.0'],
  rubrics: [{ version: '1.1.0', title: 'Rubric', default: false }],
  scenarios: [{ id: 'reefer', title: { en: 'Reefer, at "Horgoš"' } }],
  agencies: [{ id: 'border_police', name: 'Border police' }],
  sessions: [
    {
      session: '00000000-0000-4000-8000-000000000002',
      scenario: { id: 'reefer', version: '1.0.0', title: 'Reefer' },
      createdAt: '2026-12-04T09:00:00.000Z',
      endedAt: null,
      status: 'ended',
      rubricVersion: '1.1.0',
      pinnedRubricVersion: '2.0.0',
      teams: 2,
      events: 12,
      evidence: { mean: 26, min: 25, max: 27 },
      rights: { mean: 31, min: 0, max: 62 },
      redLines: 1,
      teamsWithRedLine: 1,
      missedObligations: 3,
      agencies: [
        { agency: 'border_police', evidence: -1.5, rights: 2, redLines: 1, missedObligations: 2 },
      ],
      knowledge: {
        check: { id: 'c', version: '1.0.0' },
        respondents: { pre: 2, post: 2 },
        pre: figure(2, 0.25),
        post: figure(2, 1),
        gain: 0.75,
        agencies: [
          { agency: 'border_police', pre: figure(2, 0.25), post: figure(2, 1), gain: 0.75 },
        ],
      },
    },
  ],
  redLines: [],
  missedObligations: [],
};

describe('trends as CSV', () => {
  it('writes a row per session and per agency, numbers as numbers, text quoted', () => {
    const csv = trendsCsv(trends, (id) => (id === 'reefer' ? 'Reefer, at "Horgoš"' : id));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(TRENDS_CSV_HEADER.join(','));
    expect(lines).toHaveLength(4); // header, all agencies, border police, final line end
    expect(lines[1]).toBe(
      '1,00000000-0000-4000-8000-000000000002,2026-12-04T09:00:00.000Z,"Reefer, at ""Horgoš""",1.0.0,1.1.0,2.0.0,,2,26,25,27,31,0,62,,,1,3,0.25,1,0.75,2,2',
    );
    // A negative figure stays a number a spreadsheet can add up (no apostrophe before it).
    expect(lines[2]).toContain(',border_police,2,,,,,,,-1.5,2,1,2,0.25,1,0.75,2,2');
    expect(lines[3]).toBe('');
  });
});
