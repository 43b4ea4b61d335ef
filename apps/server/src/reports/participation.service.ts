import { Inject, Injectable } from '@nestjs/common';
import {
  answeringAgencies,
  csvRow,
  CSV_BOM,
  CSV_LINE_END,
  type Gender,
  type KnowledgeResults,
  type ParticipantProfile,
  type ParticipationReport,
  type Presence,
} from '@crossroads/shared';
import { SQL_CLIENT, type SqlClient } from '../database/sql';
import { KnowledgeService } from '../learning/knowledge.service';
import type { LiveSession } from '../sessions/live-session';
import type { EventStore } from '../sessions/ports';
import type { ParticipantRow } from '../sessions/session-repository';
import { EVENT_STORE, SessionsService } from '../sessions/sessions.service';
import { AarService } from './aar.service';

interface ProfileRow {
  participant_id: string;
  institution: string | null;
  country: string | null;
  gender: Gender | null;
}

interface PresenceRow {
  participant_id: string;
  presence: Presence;
  at: string;
}

type Interval = [number, number];
type Knowledge = ParticipationReport['totals']['knowledge'];
type SessionPart = ParticipationReport['sessions'][number];
type AgencyPart = ParticipationReport['byAgency'][number];

const MINUTE = 60_000;

/** Wall-clock intervals the session ran (pauses excluded), from the log; an open one ends now. */
function runningIntervals(live: LiveSession, events: Iterable<{ type: string; at: string }>) {
  const out: Interval[] = [];
  let since: number | null = null;
  for (const e of events) {
    const t = Date.parse(e.at);
    if ((e.type === 'session.started' || e.type === 'session.resumed') && since === null) since = t;
    if ((e.type === 'session.paused' || e.type === 'session.ended') && since !== null) {
      out.push([since, t]);
      since = null;
    }
  }
  if (since !== null && live.status !== 'ended') out.push([since, Date.now()]);
  return out;
}

/** Intervals a participant was connected (online), from the presence log; an open one ends now. */
function onlineIntervals(rows: PresenceRow[]): Interval[] {
  const out: Interval[] = [];
  let since: number | null = null;
  for (const r of rows) {
    const t = Date.parse(r.at);
    if (r.presence === 'online') since ??= t;
    else if (since !== null) {
      out.push([since, t]);
      since = null;
    }
  }
  if (since !== null) out.push([since, Date.now()]);
  return out;
}

function overlap(a: Interval[], b: Interval[]): number {
  let total = 0;
  for (const [a0, a1] of a)
    for (const [b0, b1] of b) total += Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
  return total;
}

const length = (xs: Interval[]) => xs.reduce((sum, [a, b]) => sum + (b - a), 0);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The wall-clock moment at a share (0..1) of the running time. */
function momentAt(running: Interval[], share: number): number | null {
  const total = length(running);
  if (total === 0) return null;
  let left = share * total;
  for (const [a, b] of running) {
    if (left <= b - a) return Math.min(a + left, b - 1);
    left -= b - a;
  }
  const last = running[running.length - 1];
  return last ? last[1] - 1 : null;
}

/** Weighted mean of per-group shares (by respondents). */
function pooled(parts: Knowledge[]): Knowledge {
  const mean = (pick: (k: Knowledge) => [number | null, number]) => {
    let n = 0;
    let sum = 0;
    for (const k of parts) {
      const [value, count] = pick(k);
      if (value === null || count === 0) continue;
      n += count;
      sum += value * count;
    }
    return { n, value: n === 0 ? null : sum / n };
  };
  const pre = mean((k) => [k.pre, k.respondentsPre]);
  const post = mean((k) => [k.post, k.respondentsPost]);
  return {
    pre: pre.value === null ? null : round(pre.value, 3),
    post: post.value === null ? null : round(post.value, 3),
    gain: pre.value === null || post.value === null ? null : round(post.value - pre.value, 3),
    respondentsPre: pre.n,
    respondentsPost: post.n,
  };
}

function knowledgeOf(figures: KnowledgeResults['overall']): Knowledge {
  if (!figures) return { pre: null, post: null, gain: null, respondentsPre: 0, respondentsPost: 0 };
  return {
    pre: figures.pre.value,
    post: figures.post.value,
    gain: figures.gain,
    respondentsPre: figures.pre.n,
    respondentsPost: figures.post.n,
  };
}

/**
 * The participation and donor report: who took part (by agency, institution, country, gender),
 * for how long, how knowledge moved, how the agencies scored, and which red lines were crossed.
 * Names of trainees only with `names: 'staff'`; otherwise pseudonyms in join order.
 */
@Injectable()
export class ParticipationService {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly sessions: SessionsService,
    private readonly aar: AarService,
    private readonly knowledge: KnowledgeService,
  ) {}

  async saveProfile(
    participant: ParticipantRow,
    profile: ParticipantProfile | undefined,
  ): Promise<void> {
    if (!profile) return;
    const institution = profile.institution || null;
    if (institution === null && !profile.country && !profile.gender) return;
    await this.sql.run(
      'INSERT INTO participant_profiles (participant_id, session_id, institution, country, gender) VALUES (?, ?, ?, ?, ?)',
      [
        participant.id,
        participant.session_id,
        institution,
        profile.country ?? null,
        profile.gender ?? null,
      ],
    );
  }

  /**
   * Ids of the sessions started (or, never started, created) between `from` and `to` (YYYY-MM-DD,
   * inclusive), oldest first: those `accountId` is a member of, or every one when null (admins).
   * Chosen in the query, so a range reaches back however many sessions there are.
   */
  async sessionsInRange(accountId: string | null, from: string, to: string): Promise<string[]> {
    const day = 'substr(COALESCE(s.started_at, s.created_at), 1, 10)';
    const rows = await this.sql.all<{ id: string }>(
      accountId === null
        ? `SELECT s.id FROM sessions s WHERE ${day} BETWEEN ? AND ? ORDER BY s.created_at, s.id`
        : `SELECT s.id FROM sessions s JOIN session_members m ON m.session_id = s.id AND m.account_id = ?
           WHERE ${day} BETWEEN ? AND ? ORDER BY s.created_at, s.id`,
      accountId === null ? [from, to] : [accountId, from, to],
    );
    return rows.map((r) => r.id);
  }

  async report(
    sessions: LiveSession[],
    scope: ParticipationReport['scope'],
    names: ParticipationReport['names'],
  ): Promise<ParticipationReport> {
    const sessionParts: SessionPart[] = [];
    const people: ParticipationReport['participants'] = [];
    const genders: (Gender | null)[] = [];
    const agencies = new Map<string, AgencyPart & { parts: Knowledge[] }>();
    const redLines: ParticipationReport['redLines'] = [];
    const agency = (live: LiveSession, id: string) => {
      let a = agencies.get(id);
      if (!a) {
        const known = live.runtime.agencies.find((x) => x.id === id);
        a = {
          agency: id,
          name: known?.name ?? id,
          ...(known?.shortName !== undefined ? { shortName: known.shortName } : {}),
          participants: 0,
          hoursOfPlay: 0,
          evidencePoints: 0,
          rightsPoints: 0,
          redLines: 0,
          knowledge: pooled([]),
          parts: [],
        };
        agencies.set(id, a);
      }
      return a;
    };
    let pseudonym = 0;

    for (const live of sessions) {
      const events = await this.events.readFrom(live.id, 0);
      const running = runningIntervals(live, events);
      const profiles = new Map(
        (
          await this.sql.all<ProfileRow>(
            'SELECT participant_id, institution, country, gender FROM participant_profiles WHERE session_id = ?',
            [live.id],
          )
        ).map((p) => [p.participant_id, p]),
      );
      // Presence is written in batches: what is still queued counts too.
      await this.sessions.flushPresence();
      // Changes of one instant in the order they were written (id, see ReportOrderColumns).
      const presence = await this.sql.all<PresenceRow>(
        'SELECT participant_id, presence, "at" FROM presence_log WHERE session_id = ? ORDER BY "at", id',
        [live.id],
      );
      const decisions = new Map<string, number>();
      for (const e of events)
        if ((e.type === 'decision.made' || e.type === 'joint.signed') && e.participant)
          decisions.set(e.participant, (decisions.get(e.participant) ?? 0) + 1);

      const trainees = [...live.participants.values()].sort(
        (a, b) => a.joined_at.localeCompare(b.joined_at) || a.id.localeCompare(b.id),
      );
      const online = new Map(
        trainees.map((p) => [
          p.id,
          onlineIntervals(presence.filter((r) => r.participant_id === p.id)),
        ]),
      );
      const runMs = length(running);
      let sessionMs = 0;
      for (const p of trainees) {
        const ms = overlap(online.get(p.id) ?? [], running);
        sessionMs += ms;
        const profile = profiles.get(p.id);
        pseudonym += 1;
        people.push({
          name: names === 'staff' ? p.display_name : `P${pseudonym}`,
          session: live.id,
          team: p.team_id,
          agency: p.role,
          institution: profile?.institution ?? null,
          country: profile?.country ?? null,
          joinedAt: p.joined_at,
          minutesConnected: round(ms / MINUTE),
          attendance: runMs === 0 ? null : round(ms / runMs, 3),
          decisions: decisions.get(p.id) ?? 0,
        });
        genders.push(profile?.gender ?? null);
        if (p.role) {
          const a = agency(live, p.role);
          a.participants += 1;
          a.hoursOfPlay += ms / (60 * MINUTE);
        }
      }

      const attendance = Array.from({ length: 11 }, (_, k) => {
        const t = momentAt(running, k / 10);
        if (t === null) return 0;
        return trainees.filter((p) => (online.get(p.id) ?? []).some(([a, b]) => a <= t && t < b))
          .length;
      });

      const debrief = await this.aar.debrief(live, events);
      const scores = live.runtime.scores(events, live.row.rubric_version);
      const agencyIds = new Set(live.runtime.agencies.map((a) => a.id));
      for (const team of debrief.teams) {
        for (const b of team.byAgency) {
          // byAgency gathers what nobody answers for (an obligation no agency could discharge, the
          // console's refusal) under '(none)': no agency, and no id the report's contract takes.
          if (!agencyIds.has(b.id)) continue;
          const a = agency(live, b.id);
          a.evidencePoints += b.evidence;
          a.rightsPoints += b.rights;
          a.redLines += b.redLines;
        }
        for (const r of team.redLines)
          redLines.push({
            session: live.id,
            team: team.team,
            agency: r.role,
            agencies: answeringAgencies(r),
            ruleId: r.ruleId,
            title: r.title,
            time: r.time,
          });
      }
      const results = await this.knowledge.results(live);
      for (const k of results.agencies) agency(live, k.agency).parts.push(knowledgeOf(k));

      sessionParts.push({
        id: live.id,
        scenario: { id: live.runtime.id, version: live.runtime.version, title: live.runtime.title },
        createdAt: live.row.created_at,
        startedAt: live.startedAt,
        endedAt: live.endedAt,
        runningMinutes: round(runMs / MINUTE),
        participants: trainees.length,
        hoursOfPlay: round(sessionMs / (60 * MINUTE), 3),
        attendance,
        knowledge: knowledgeOf(results.overall),
        teams: live.teams.map((t) => {
          const s = scores.get(t.id);
          return {
            id: t.id,
            name: t.name,
            evidence: s?.evidence ?? null,
            rights: s?.rights ?? null,
            redLines: s?.redLines.length ?? 0,
          };
        }),
      });
    }

    const tally = <K>(keys: K[]) => {
      const m = new Map<K, number>();
      for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
      return [...m.entries()].sort(
        (a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])),
      );
    };
    const byAgency = [...agencies.values()]
      .map(({ parts, ...a }) => ({
        ...a,
        hoursOfPlay: round(a.hoursOfPlay, 3),
        knowledge: pooled(parts),
      }))
      .sort((a, b) => b.participants - a.participants || a.agency.localeCompare(b.agency));

    return {
      format: 'crossroads.participation/1',
      scope,
      generatedAt: new Date().toISOString(),
      names,
      totals: {
        sessions: sessionParts.length,
        participants: people.length,
        hoursOfPlay: round(
          sessionParts.reduce((s, x) => s + x.hoursOfPlay, 0),
          3,
        ),
        runningHours: round(sessionParts.reduce((s, x) => s + x.runningMinutes, 0) / 60, 3),
        redLines: redLines.length,
        knowledge: pooled(sessionParts.map((s) => s.knowledge)),
      },
      sessions: sessionParts,
      byAgency,
      byInstitution: tally(people.map((p) => p.institution)).map(([institution, n]) => ({
        institution,
        participants: n,
      })),
      byCountry: tally(people.map((p) => p.country)).map(([country, n]) => ({
        country,
        participants: n,
      })),
      byGender: tally(genders).map(([gender, n]) => ({ gender, participants: n })),
      redLines,
      participants: people,
    };
  }

  /**
   * The report as one tidy CSV (section, session, subject, measure, value), so a spreadsheet can
   * pivot it; written with the project's one CSV writer.
   */
  csv(report: ParticipationReport): string {
    const rows: unknown[][] = [];
    const add = (
      section: string,
      session: string,
      subject: unknown,
      measure: string,
      value: unknown,
    ) => rows.push([section, session, subject, measure, value]);
    const text = (t: unknown) =>
      typeof t === 'string' ? t : t && typeof t === 'object' && 'en' in t ? String(t.en) : '';
    const t = report.totals;
    for (const [k, v] of [
      ['sessions', t.sessions],
      ['participants', t.participants],
      ['hours_of_play', t.hoursOfPlay],
      ['running_hours', t.runningHours],
      ['red_lines', t.redLines],
      ['knowledge_pre', t.knowledge.pre],
      ['knowledge_post', t.knowledge.post],
      ['knowledge_gain', t.knowledge.gain],
    ] as const)
      add('totals', '', '', k, v);
    for (const s of report.sessions) {
      add('session', s.id, text(s.scenario.title), 'started_at', s.startedAt);
      add('session', s.id, text(s.scenario.title), 'running_minutes', s.runningMinutes);
      add('session', s.id, text(s.scenario.title), 'participants', s.participants);
      add('session', s.id, text(s.scenario.title), 'hours_of_play', s.hoursOfPlay);
      add('session', s.id, text(s.scenario.title), 'knowledge_gain', s.knowledge.gain);
      s.attendance.forEach((n, i) => add('attendance', s.id, `${i * 10}%`, 'connected', n));
      for (const team of s.teams) {
        add('team', s.id, team.name, 'evidence', team.evidence);
        add('team', s.id, team.name, 'rights', team.rights);
        add('team', s.id, team.name, 'red_lines', team.redLines);
      }
    }
    for (const a of report.byAgency) {
      add('agency', '', a.agency, 'participants', a.participants);
      add('agency', '', a.agency, 'hours_of_play', a.hoursOfPlay);
      add('agency', '', a.agency, 'evidence_points', a.evidencePoints);
      add('agency', '', a.agency, 'rights_points', a.rightsPoints);
      add('agency', '', a.agency, 'red_lines', a.redLines);
      add('agency', '', a.agency, 'knowledge_pre', a.knowledge.pre);
      add('agency', '', a.agency, 'knowledge_post', a.knowledge.post);
      add('agency', '', a.agency, 'knowledge_gain', a.knowledge.gain);
    }
    for (const i of report.byInstitution)
      add('institution', '', i.institution ?? '(not given)', 'participants', i.participants);
    for (const c of report.byCountry)
      add('country', '', c.country ?? '(not given)', 'participants', c.participants);
    for (const g of report.byGender)
      add('gender', '', g.gender ?? '(not given)', 'participants', g.participants);
    for (const r of report.redLines)
      add(
        'red_line',
        r.session,
        `${r.team} ${r.agencies.join(' + ')}`.trim(),
        r.ruleId,
        text(r.title),
      );
    for (const p of report.participants) {
      add('participant', p.session, p.name, 'agency', p.agency);
      add('participant', p.session, p.name, 'team', p.team);
      add('participant', p.session, p.name, 'institution', p.institution);
      add('participant', p.session, p.name, 'country', p.country);
      add('participant', p.session, p.name, 'minutes_connected', p.minutesConnected);
      add('participant', p.session, p.name, 'attendance', p.attendance);
      add('participant', p.session, p.name, 'decisions', p.decisions);
    }
    return (
      CSV_BOM +
      csvRow(['section', 'session', 'subject', 'measure', 'value']) +
      CSV_LINE_END +
      rows.map((r) => csvRow(r) + CSV_LINE_END).join('')
    );
  }
}
