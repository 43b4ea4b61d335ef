import { participationReportSchema, type ParticipationReport } from '@crossroads/shared';

/*
 * Reports as the server sends them, for the report pages' and PDFs' tests: one team whose two red
 * lines several agencies answer for (a joint decision's signers; a request's requester and granter).
 */

export const SESSION = '6f1f7e9a-3c1d-4e8a-9b2f-0c4d5e6f7a8b';
export const REVIEW_TOKEN = 'review-token-0123456789';
const knowledge = { pre: null, post: null, gain: null, respondentsPre: 0, respondentsPost: 0 };
const agency = (id: string, name: string, shortName: string, redLines: number) => ({
  agency: id,
  name,
  shortName,
  participants: 1,
  hoursOfPlay: 0.5,
  evidencePoints: 0,
  rightsPoints: -4 * redLines,
  redLines,
  knowledge,
});

export const PARTICIPATION_REPORT: ParticipationReport = participationReportSchema.parse({
  format: 'crossroads.participation/1',
  scope: { kind: 'session', session: SESSION },
  generatedAt: '2026-12-01T10:00:00.000Z',
  names: 'pseudonymised',
  totals: {
    sessions: 1,
    participants: 3,
    hoursOfPlay: 1.5,
    runningHours: 0.5,
    redLines: 2,
    knowledge,
  },
  sessions: [],
  byAgency: [
    agency('border_police', 'Border Police Horgoš', 'Border Police', 2),
    agency('social_work', 'Centre for Social Work Subotica', 'Social Work', 1),
    agency('prosecutor', 'Higher Public Prosecutor', 'Prosecutor', 1),
  ],
  byInstitution: [],
  byCountry: [],
  byGender: [],
  redLines: [
    {
      session: SESSION,
      team: 'team-a',
      agency: 'social_work',
      agencies: ['border_police', 'social_work'],
      ruleId: 'RIGHTS.NONREFOULEMENT.PUSHBACK',
      title: { en: 'Pushback across the border' },
      time: 20,
    },
    {
      session: SESSION,
      team: 'team-a',
      agency: 'prosecutor',
      agencies: ['border_police', 'prosecutor'],
      ruleId: 'RIGHTS.NONREFOULEMENT.HANDOVER',
      title: { en: 'Informal handover to a neighbouring police' },
      time: 30,
    },
  ],
  participants: [],
});
