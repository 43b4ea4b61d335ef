import {
  afterActionReportSchema,
  participationReportSchema,
  type AfterActionReport,
  type ParticipationReport,
} from '@crossroads/shared';

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
  sessions: [
    {
      id: SESSION,
      scenario: { id: 'reefer-horgos', version: '1.0.0', title: { en: 'Reefer at Horgoš' } },
      createdAt: '2026-12-01T08:30:00.000Z',
      startedAt: '2026-12-01T09:00:00.000Z',
      endedAt: '2026-12-01T09:30:00.000Z',
      runningMinutes: 30,
      participants: 3,
      hoursOfPlay: 1.5,
      attendance: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
      knowledge,
      // The red lines below name the team by its id: pages and PDFs show this name.
      teams: [{ id: 'team-a', name: 'Team Kelebija', evidence: 20, rights: 0, redLines: 2 }],
    },
  ],
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

const PUSHBACK_FINDING = {
  team: 'team-a',
  key: 'team-a|RIGHTS.NONREFOULEMENT.PUSHBACK|rights|3|model||lina|',
  seq: 3,
  time: 20,
  points: -4,
  counted: true,
  detail: { en: 'Lina was walked back to the river.' },
};
/** The draft's entry for one agency answering for the joint pushback. */
const pushbackEntry = (agency: string) => ({
  id: `improvement:non-refoulement:${agency}:RIGHTS.NONREFOULEMENT.PUSHBACK:rights`,
  kind: 'improvement',
  capability: 'non-refoulement',
  agency,
  ruleId: 'RIGHTS.NONREFOULEMENT.PUSHBACK',
  axis: 'rights',
  points: -4,
  redLine: true,
  teams: ['team-a'],
  title: { en: 'Pushback across the border' },
  observation: { en: 'Nobody may be sent back without an individual assessment.' },
  legalBasis: [{ instrument: 'ECHR', article: 'art. 3' }],
  findings: [PUSHBACK_FINDING],
  analysis: null,
  included: true,
});

export const AAR_REPORT: AfterActionReport = afterActionReportSchema.parse({
  format: 'crossroads.aar/1',
  session: SESSION,
  revision: 0,
  editedAt: null,
  editedBy: null,
  generatedAt: '2026-12-01T10:00:00.000Z',
  exerciseOverview: {
    name: { en: 'The river bank' },
    scenario: { id: 'joint-river', version: '1.0.0' },
    rubric: { id: 'crossroads', version: '2.0.0' },
    startedAt: '2026-12-01T09:00:00.000Z',
    endedAt: '2026-12-01T09:30:00.000Z',
    teams: [{ id: 'team-a', name: 'Novi Sad' }],
    participatingAgencies: [
      { id: 'border_police', name: 'Border Police Horgoš', shortName: 'Border Police' },
      { id: 'social_work', name: 'Centre for Social Work Subotica', shortName: 'Social Work' },
    ],
    coreCapabilities: ['non-refoulement'],
  },
  executiveSummary: null,
  capabilities: [
    {
      id: 'non-refoulement',
      title: { en: 'Non-refoulement' },
      description: { en: 'Nobody is returned to a risk of serious harm.' },
      draftRating: 'U',
      rating: 'U',
      summary: null,
      gains: 0,
      // The shared finding once, though each signer's entry carries it in full.
      losses: 4,
      redLines: 1,
      strengths: [],
      areasForImprovement: [pushbackEntry('border_police'), pushbackEntry('social_work')],
    },
  ],
  agencies: ['border_police', 'social_work'].map((agency) => ({
    agency,
    name: agency,
    strengths: [],
    areasForImprovement: [pushbackEntry(agency).id],
  })),
  improvementPlan: [],
});
