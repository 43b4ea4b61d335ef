import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { aarDraft, type AarDraft, type AarEntryDraft, type Debrief } from '@crossroads/scenarios';
import {
  ErrorCode,
  type Account,
  type AarCapability,
  type AarEdits,
  type AarEntry,
  type AarRevision,
  type AfterActionReport,
  type CreateImprovementItem,
  type ImprovementItem,
  type ImprovementStatus,
  type LogEvent,
  type Text,
  type UpdateImprovementItem,
} from '@crossroads/shared';
import { AppError } from '../auth/rest-error';
import {
  isUniqueViolation,
  SQL_CLIENT,
  type SqlClient,
  type SqlExecutor,
  type SqlValue,
} from '../database/sql';
import type { LiveSession } from '../sessions/live-session';
import type { EventStore } from '../sessions/ports';
import { EVENT_STORE } from '../sessions/sessions.service';

interface RevisionRow {
  revision: number;
  edits: string;
  edited_by: string;
  edited_at: string;
}

interface ItemRow {
  id: string;
  session_id: string;
  capability: ImprovementItem['capability'];
  entry: string | null;
  agency: string;
  issue: string;
  action: string;
  owner: string;
  due_date: string;
  status: ImprovementStatus;
  created_at: string;
  created_by: string;
  updated_at: string;
}

interface HistoryRow {
  item_id: string;
  at: string;
  by: string;
  status: ImprovementStatus;
  note: string | null;
  session_id: string | null;
}

/** Edits as stored: the whole edit set of one save (the request minus its baseRevision). */
type StoredEdits = Omit<AarEdits, 'baseRevision'>;

/** Where an item's scenario title and agency names come from: its session, if it loads. */
export interface SessionLookup {
  (id: string): Promise<LiveSession | undefined>;
}

const INSERT_HISTORY =
  'INSERT INTO improvement_item_history (item_id, "at", "by", status, note, session_id, changes) VALUES (?, ?, ?, ?, ?, ?, ?)';

/**
 * After-action reports: the draft computed from the debrief, staff edits stored as numbered
 * revisions over it, and improvement-plan items tracked across sessions.
 */
@Injectable()
export class AarService {
  /** The staff debrief and draft per session and log head: recomputing a debrief is the costly part. */
  private readonly cache = new Map<string, { head: number; debrief: Debrief; draft: AarDraft }>();

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  /**
   * The debrief and draft at the session's head. `events`, when the caller has read the whole
   * log already, saves reading it again.
   */
  private async computed(
    live: LiveSession,
    events?: readonly LogEvent[],
  ): Promise<{ debrief: Debrief; draft: AarDraft }> {
    const cached = this.cache.get(live.id);
    if (cached && cached.head === live.head) return cached;
    const log = events ?? (await this.events.readFrom(live.id, 0));
    // Keyed by the last event read, not live.head: the log may have moved on while it was read.
    const head = log.at(-1)?.seq ?? 0;
    // The runtime's result is the scoring package's Debrief, typed at the runtime boundary as the wire
    // contract's (which is looser: e.g. any string for an outcome kind).
    const debrief = live.runtime.debrief([...log], {
      rubricVersion: live.row.rubric_version,
      counterfactuals: false,
    }) as Debrief;
    const entry = { head, debrief, draft: aarDraft(debrief) };
    if (this.cache.size > 50) this.cache.clear();
    this.cache.set(live.id, entry);
    return entry;
  }

  /** The staff debrief (every team, no counterfactuals). */
  async debrief(live: LiveSession, events?: readonly LogEvent[]): Promise<Debrief> {
    return (await this.computed(live, events)).debrief;
  }

  async draft(live: LiveSession): Promise<AarDraft> {
    return (await this.computed(live)).draft;
  }

  private latest(db: SqlExecutor, sessionId: string): Promise<RevisionRow | undefined> {
    return db.get<RevisionRow>(
      'SELECT revision, edits, edited_by, edited_at FROM aar_revisions WHERE session_id = ? ORDER BY revision DESC LIMIT 1',
      [sessionId],
    );
  }

  async revisions(live: LiveSession): Promise<AarRevision[]> {
    const rows = await this.sql.all<Omit<RevisionRow, 'edits'>>(
      'SELECT revision, edited_by, edited_at FROM aar_revisions WHERE session_id = ? ORDER BY revision',
      [live.id],
    );
    return rows.map((r) => ({
      revision: r.revision,
      editedAt: r.edited_at,
      editedBy: r.edited_by,
    }));
  }

  private agencyName(live: LiveSession, agency: string): Text {
    return live.runtime.agencies.find((a) => a.id === agency)?.name ?? agency;
  }

  async report(live: LiveSession): Promise<AfterActionReport> {
    const draft = await this.draft(live);
    const latest = await this.latest(this.sql, live.id);
    const edits: StoredEdits = latest ? (JSON.parse(latest.edits) as StoredEdits) : {};
    const entry = (e: AarEntryDraft): AarEntry => {
      const edit = edits.entries?.[e.id];
      return {
        ...e,
        analysis: edit?.analysis ?? null,
        included: edit?.included ?? true,
      };
    };
    const capabilities: AarCapability[] = draft.capabilities.map((c) => {
      const edit = edits.capabilities?.[c.id];
      const own = draft.entries.filter((e) => e.capability === c.id);
      return {
        id: c.id,
        title: c.title,
        description: c.description,
        draftRating: c.rating,
        rating: edit?.rating !== undefined ? edit.rating : c.rating,
        summary: edit?.summary ?? null,
        gains: c.gains,
        losses: c.losses,
        redLines: c.redLines,
        strengths: own.filter((e) => e.kind === 'strength').map(entry),
        areasForImprovement: own.filter((e) => e.kind === 'improvement').map(entry),
      };
    });
    const agencies = live.runtime.agencies
      .filter((a) => draft.agencies.includes(a.id))
      .map((a) => ({
        agency: a.id,
        name: a.name,
        strengths: draft.entries
          .filter((e) => e.agency === a.id && e.kind === 'strength')
          .map((e) => e.id),
        areasForImprovement: draft.entries
          .filter((e) => e.agency === a.id && e.kind === 'improvement')
          .map((e) => e.id),
      }));
    return {
      format: 'crossroads.aar/1',
      session: live.id,
      revision: latest?.revision ?? 0,
      editedAt: latest?.edited_at ?? null,
      editedBy: latest?.edited_by ?? null,
      generatedAt: new Date().toISOString(),
      exerciseOverview: {
        name: live.runtime.title,
        scenario: {
          id: live.runtime.id,
          version: live.runtime.version,
          country: draft.scenario.country,
        },
        rubric: draft.rubric,
        startedAt: live.startedAt,
        endedAt: live.endedAt,
        teams: live.teams,
        participatingAgencies: live.runtime.agencies.map((a) => ({
          id: a.id,
          name: a.name,
          ...(a.shortName !== undefined ? { shortName: a.shortName } : {}),
        })),
        coreCapabilities: draft.capabilities.filter((c) => c.rating !== null).map((c) => c.id),
      },
      executiveSummary: edits.executiveSummary ?? null,
      capabilities,
      agencies,
      improvementPlan: await this.itemsOfSession(live),
    };
  }

  /** Stores a new revision of the staff edits; refuses a save based on an older revision. */
  async save(live: LiveSession, account: Account, input: AarEdits): Promise<AfterActionReport> {
    const draft = await this.draft(live);
    const known = new Set(draft.entries.map((e) => e.id));
    const unknown = Object.keys(input.entries ?? {}).filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new AppError(
        ErrorCode.InvalidPayload,
        `No entry ${unknown.slice(0, 3).join(', ')} in this report.`,
      );
    const { baseRevision, ...edits } = input;
    const stale = (current: number | string) =>
      new AppError(
        ErrorCode.StaleRevision,
        `Someone saved revision ${current} after you opened revision ${baseRevision}; reload to see it before saving.`,
      );
    try {
      await this.sql.transaction(async (tx) => {
        const current = (await this.latest(tx, live.id))?.revision ?? 0;
        if (current !== baseRevision) throw stale(current);
        await tx.run(
          'INSERT INTO aar_revisions (session_id, revision, edits, account_id, edited_by, edited_at) VALUES (?, ?, ?, ?, ?, ?)',
          [
            live.id,
            current + 1,
            JSON.stringify(edits),
            account.id,
            account.username,
            new Date().toISOString(),
          ],
        );
      });
    } catch (error) {
      // PostgreSQL: two saves on the same base both read it (READ COMMITTED); the (session,
      // revision) key lets one insert revision base + 1 and refuses the other, which is stale.
      if (isUniqueViolation(error)) throw stale(baseRevision + 1);
      throw error;
    }
    return this.report(live);
  }

  // ---- improvement plan ---------------------------------------------------------------------

  private async history(itemIds: string[]): Promise<Map<string, HistoryRow[]>> {
    const out = new Map<string, HistoryRow[]>();
    if (itemIds.length === 0) return out;
    const marks = itemIds.map(() => '?').join(', ');
    // id is the order of writing (see the ReportOrderColumns migration).
    const rows = await this.sql.all<HistoryRow>(
      `SELECT item_id, "at", "by", status, note, session_id FROM improvement_item_history WHERE item_id IN (${marks}) ORDER BY id`,
      itemIds,
    );
    for (const row of rows) out.set(row.item_id, [...(out.get(row.item_id) ?? []), row]);
    return out;
  }

  private async toItems(rows: ItemRow[], sessionOf: SessionLookup): Promise<ImprovementItem[]> {
    const history = await this.history(rows.map((r) => r.id));
    // Each session once, one after another (loading one may rebuild it from its log).
    const sessions = new Map<string, LiveSession | undefined>();
    for (const id of new Set(rows.map((r) => r.session_id))) sessions.set(id, await sessionOf(id));
    return rows.flatMap((r) => {
      const live = sessions.get(r.session_id);
      if (!live) return [];
      return [
        {
          id: r.id,
          session: r.session_id,
          scenario: { id: live.runtime.id, title: live.runtime.title },
          capability: r.capability,
          entry: r.entry,
          agency: r.agency,
          agencyName: this.agencyName(live, r.agency),
          issue: r.issue,
          action: r.action,
          owner: r.owner,
          dueDate: r.due_date,
          status: r.status,
          createdAt: r.created_at,
          createdBy: r.created_by,
          updatedAt: r.updated_at,
          history: (history.get(r.id) ?? []).map((h) => ({
            at: h.at,
            by: h.by,
            status: h.status,
            note: h.note,
            session: h.session_id,
          })),
        },
      ];
    });
  }

  async itemsOfSession(live: LiveSession): Promise<ImprovementItem[]> {
    const rows = await this.sql.all<ItemRow>(
      'SELECT * FROM improvement_items WHERE session_id = ? ORDER BY due_date, created_at, id',
      [live.id],
    );
    return this.toItems(rows, (id) => Promise.resolve(id === live.id ? live : undefined));
  }

  /**
   * Items of every session `accountId` is a member of (of every session when null: admins),
   * filtered; oldest due first. Membership is checked in the query, so no session is left out
   * however many the account has.
   */
  async items(
    accountId: string | null,
    filter: { status?: ImprovementStatus[]; agency?: string; scenario?: string },
    sessionOf: SessionLookup,
  ): Promise<ImprovementItem[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (accountId !== null) {
      where.push(
        'EXISTS (SELECT 1 FROM session_members m WHERE m.session_id = i.session_id AND m.account_id = ?)',
      );
      params.push(accountId);
    }
    if (filter.status) {
      if (filter.status.length === 0) return [];
      where.push(`i.status IN (${filter.status.map(() => '?').join(', ')})`);
      params.push(...filter.status);
    }
    if (filter.agency) {
      where.push('i.agency = ?');
      params.push(filter.agency);
    }
    const rows = await this.sql.all<ItemRow>(
      `SELECT i.* FROM improvement_items i${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
       ORDER BY i.due_date, i.created_at, i.id`,
      params,
    );
    const items = await this.toItems(rows, sessionOf);
    return filter.scenario ? items.filter((i) => i.scenario.id === filter.scenario) : items;
  }

  item(id: string): Promise<ItemRow | undefined> {
    return this.sql.get<ItemRow>('SELECT * FROM improvement_items WHERE id = ?', [id]);
  }

  async createItem(
    live: LiveSession,
    account: Account,
    input: CreateImprovementItem,
  ): Promise<ImprovementItem> {
    if (!live.runtime.agencies.some((a) => a.id === input.agency))
      throw new AppError(ErrorCode.InvalidPayload, `No agency ${input.agency} in this scenario.`);
    if (input.entry !== undefined) {
      const entry = (await this.draft(live)).entries.find((e) => e.id === input.entry);
      if (!entry)
        throw new AppError(ErrorCode.InvalidPayload, `No entry ${input.entry} in this report.`);
      if (entry.capability !== input.capability)
        throw new AppError(
          ErrorCode.InvalidPayload,
          'The item must be filed under the capability of the entry it answers.',
        );
    }
    const id = randomUUID();
    const at = new Date().toISOString();
    await this.sql.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO improvement_items (id, session_id, capability, entry, agency, issue, action, owner, due_date, status, created_at, created_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
        [
          id,
          live.id,
          input.capability,
          input.entry ?? null,
          input.agency,
          input.issue,
          input.action,
          input.owner,
          input.dueDate,
          at,
          account.username,
          at,
        ],
      );
      await tx.run(INSERT_HISTORY, [
        id,
        at,
        account.username,
        'open',
        null,
        live.id,
        JSON.stringify(input),
      ]);
    });
    const created = (await this.itemsOfSession(live)).find((i) => i.id === id);
    if (!created) throw new Error('improvement item vanished after insert');
    return created;
  }

  async updateItem(
    row: ItemRow,
    live: LiveSession,
    account: Account,
    input: UpdateImprovementItem,
  ): Promise<ImprovementItem> {
    const at = new Date().toISOString();
    const next = {
      status: input.status ?? row.status,
      action: input.action ?? row.action,
      owner: input.owner ?? row.owner,
      due_date: input.dueDate ?? row.due_date,
    };
    const { note, session, ...changes } = input;
    await this.sql.transaction(async (tx) => {
      await tx.run(
        'UPDATE improvement_items SET status = ?, action = ?, owner = ?, due_date = ?, updated_at = ? WHERE id = ?',
        [next.status, next.action, next.owner, next.due_date, at, row.id],
      );
      await tx.run(INSERT_HISTORY, [
        row.id,
        at,
        account.username,
        next.status,
        note ?? null,
        session ?? null,
        JSON.stringify(changes),
      ]);
    });
    const updated = (await this.itemsOfSession(live)).find((i) => i.id === row.id);
    if (!updated) throw new Error('improvement item vanished after update');
    return updated;
  }
}
