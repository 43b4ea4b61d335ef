import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import {
  compile,
  parseEventLog,
  parseScenario,
  replay,
  type CompiledScenario,
  type LogLine,
} from '@crossroads/scenarios';
import { REPO_ROOT } from './helpers';

/*
 * Helpers for the full-session browser test: the flagship scenario and its scripted careful path
 * (read from the shipped example log, so the test follows the scenario when the example is
 * regenerated), the app's own UI strings (a trainee may play in Serbian), and one small driver per
 * screen that uses the UI's real controls: labelled radios, named buttons, labelled text fields.
 */

export const FLAGSHIP = 'reefer-horgos';
const SCENARIO_FILE = path.join(
  REPO_ROOT,
  'packages',
  'scenarios',
  'catalogue',
  `${FLAGSHIP}.yaml`,
);
const EXAMPLE_LOG = path.join(
  REPO_ROOT,
  'packages',
  'scenarios',
  'examples',
  `${FLAGSHIP}.session.jsonl`,
);

// ---------------------------------------------------------------------------------------------
// The scenario and the path

export function loadFlagship(): CompiledScenario {
  const parsed = parseScenario(readFileSync(SCENARIO_FILE, 'utf8'));
  if (!parsed.ok) throw new Error(`${FLAGSHIP} does not parse: ${JSON.stringify(parsed.errors)}`);
  return compile(parsed.scenario);
}

/** Scenario text in English (the session language of the test). */
export function en(text: string | { en: string } | undefined): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : text.en;
}

/** Scenario text as a reader with this UI language sees it: that language where the scenario has it, else English. */
export function asReadIn(
  text: string | ({ en: string } & Partial<Record<UiLanguage, string>>) | undefined,
  language: UiLanguage,
): string {
  if (text === undefined || typeof text === 'string') return en(text);
  return text[language] ?? text.en;
}

/** One thing a team member (role) or the facilitator (role null) does on the path. */
export type PathStep = { seq: number } & (
  | {
      role: string;
      type: 'decision.made' | 'joint.signed';
      payload: { decision: string; option: string };
    }
  | { role: string; type: 'request.sent'; payload: { request: string } }
  | {
      role: string | null;
      type: 'request.answered';
      payload: { request: string; granted: boolean; reason: string };
    }
  | { role: string; type: 'chat.message'; payload: { text: string } }
);

const str = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** The step an example event stands for, checking the payload fields the test uses. */
function toStep(e: LogLine): PathStep | null {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const role = e.role ?? null;
  const bad = () => new Error(`unexpected example event ${JSON.stringify(e)}`);
  switch (e.type) {
    case 'decision.made':
    case 'joint.signed':
      if (!role || !str(p.decision) || !str(p.option)) throw bad();
      return {
        seq: e.seq,
        role,
        type: e.type,
        payload: { decision: p.decision, option: p.option },
      };
    case 'request.sent':
      if (!role || !str(p.request)) throw bad();
      return { seq: e.seq, role, type: e.type, payload: { request: p.request } };
    case 'request.answered':
      if (!str(p.request) || typeof p.granted !== 'boolean') throw bad();
      return {
        seq: e.seq,
        role,
        type: e.type,
        payload: { request: p.request, granted: p.granted, reason: String(p.reason ?? '') },
      };
    case 'chat.message':
      if (!role || !str(p.text)) throw bad();
      return { seq: e.seq, role, type: e.type, payload: { text: p.text } };
    default:
      return null;
  }
}

/**
 * The careful team's path in the shipped example session: every decision, signature, request,
 * answer and chat line of `team`, in log order; and the events the engine needs to replay it.
 */
export function carefulPath(team = 'team-a'): { steps: PathStep[]; events: LogLine[] } {
  const { events, errors } = parseEventLog(readFileSync(EXAMPLE_LOG, 'utf8'));
  if (errors.length > 0) throw new Error(`${EXAMPLE_LOG}: ${JSON.stringify(errors)}`);
  const mine = events.filter((e) => e.team === team);
  const steps = mine.flatMap((e) => toStep(e) ?? []);
  return { steps, events: events.filter((e) => e.team === null || e.team === team) };
}

/** The ending the engine reaches for `team` on the example's events (the path's expected end). */
export function endingOf(c: CompiledScenario, events: LogLine[], team = 'team-a') {
  const result = replay(c, events);
  if (result.rejected.length > 0) {
    throw new Error(
      `the example path is rejected by the engine: ${JSON.stringify(result.rejected)}`,
    );
  }
  const ended = result.teams[team]?.ended;
  const ending = ended ? c.endings.get(ended.ending) : undefined;
  if (!ending) throw new Error(`the example path of ${team} reaches no ending`);
  return ending;
}

// ---------------------------------------------------------------------------------------------
// UI strings

export type UiLanguage = 'en' | 'sr-Latn';

type Resource = { [key: string]: string | Resource };
const resources = new Map<UiLanguage, Resource>();

/** A string of the client's i18n resources (apps/client/src/i18n), with {{name}} filled in. */
export function ui(
  language: UiLanguage,
  key: string,
  values: Record<string, string | number> = {},
): string {
  let resource = resources.get(language);
  if (!resource) {
    const file = path.join(REPO_ROOT, 'apps', 'client', 'src', 'i18n', `${language}.json`);
    resource = JSON.parse(readFileSync(file, 'utf8')) as Resource;
    resources.set(language, resource);
  }
  let node: string | Resource | undefined = resource;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no UI string ${key} in ${language}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// A trainee's play screen

type Section = 'updates' | 'casefile' | 'decisions' | 'requests' | 'chat';

/**
 * Drives one trainee's play screen through its controls. On a phone the sections are tabs; on a
 * laptop they are columns side by side, so there is nothing to open.
 */
export class TraineeScreen {
  language: UiLanguage = 'en';

  constructor(
    readonly page: Page,
    readonly role: string,
    private readonly scenario: CompiledScenario,
  ) {}

  t(key: string, values?: Record<string, string | number>): string {
    return ui(this.language, key, values);
  }

  /** Opens a section's tab on a phone; in the column layout only the chat needs opening. */
  async show(section: Section): Promise<void> {
    if ((await this.page.locator('[data-layout="tabs"]').count()) === 0) {
      const toggle = this.page.locator('[data-chat-toggle]');
      if (section === 'chat' && (await toggle.getAttribute('aria-expanded')) !== 'true')
        await toggle.click();
      return;
    }
    const tab = this.page.getByRole('tab', {
      name: new RegExp(`^${escapeRegExp(this.t(`play.tabs.${section}`))}`),
    });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  }

  private card(decision: string): Locator {
    return this.page.locator(`article.tr-decision[data-decision="${decision}"]`);
  }

  private optionLabel(decision: string, option: string): string {
    const label = this.scenario.decisions.get(decision)?.options.get(option)?.label;
    if (label === undefined) throw new Error(`the scenario has no option ${decision}/${option}`);
    // Scenario content follows the reader's language.
    return asReadIn(label, this.language);
  }

  /** Chooses the option by its label (once the server's view enables it) and records it. */
  async decide(
    decision: string,
    option: string,
    extra: { rationale?: string; confidence?: number } = {},
  ): Promise<void> {
    await this.choose(decision, option, extra);
    await this.card(decision)
      .getByRole('button', { name: this.t('play.decisions.submit'), exact: true })
      .click();
    await this.recorded(decision);
  }

  /** Fills the decision form without sending it. */
  async choose(
    decision: string,
    option: string,
    extra: { rationale?: string; confidence?: number } = {},
  ): Promise<Locator> {
    await this.show('decisions');
    const card = this.card(decision);
    await card.getByRole('radio', { name: this.optionLabel(decision, option) }).check();
    if (extra.rationale !== undefined) {
      await card.getByLabel(this.t('play.decisions.rationale')).fill(extra.rationale);
    }
    if (extra.confidence !== undefined) {
      await card.getByRole('radio', { name: String(extra.confidence), exact: true }).check();
    }
    return card;
  }

  /** Signs a joint decision for this agency. */
  async sign(decision: string, option: string): Promise<void> {
    await this.choose(decision, option);
    await this.card(decision)
      .getByRole('button', { name: this.t('play.decisions.sign'), exact: true })
      .click();
    await this.recorded(decision);
  }

  /** Waits until the decision is in "Decided so far" (the server's event came back). */
  async recorded(decision: string): Promise<void> {
    await this.page.locator(`.tr-record [data-record="${decision}"]`).waitFor();
  }

  /** Sends a request with a justification (the form asks why before it sends). */
  async sendRequest(request: string, justification = 'Needed for the case file.'): Promise<void> {
    await this.show('requests');
    const row = this.page.locator(`[data-sendable="${request}"]`);
    await row.getByRole('button', { name: this.t('play.requests.prepare'), exact: true }).click();
    await row
      .getByLabel(this.t('play.requests.justification'), { exact: true })
      .fill(justification);
    await row.getByRole('button', { name: this.t('play.requests.send'), exact: true }).click();
    await this.page.locator(`[data-request="${request}"][data-direction="outgoing"]`).waitFor();
  }

  /** Answers a request addressed to this agency, with a reason. */
  async answer(request: string, granted: boolean, reason: string): Promise<void> {
    await this.show('requests');
    const item = this.page.locator(`[data-request="${request}"][data-direction="incoming"]`);
    await item.getByLabel(this.t('play.requests.reason'), { exact: true }).fill(reason);
    await item
      .getByRole('button', {
        name: this.t(granted ? 'play.requests.grant' : 'play.requests.refuse'),
        exact: true,
      })
      .click();
    await item.locator(`[data-request-status="${granted ? 'granted' : 'refused'}"]`).waitFor();
  }

  /** Sends a team chat message and waits until the server has it (no longer "sending"). */
  async chat(text: string): Promise<void> {
    await this.show('chat');
    const box = this.page.getByLabel(this.t('play.chat.label'), { exact: true });
    await box.fill(text);
    await box.press('Enter');
    await this.page
      .locator('.tr-msg--mine:not(.tr-msg--pending)', { hasText: text })
      .first()
      .waitFor();
  }

  /** The ending banner (the case reached its end for the team). */
  endedBanner(): Locator {
    return this.page.locator('[data-banner="ended"]');
  }
}

// ---------------------------------------------------------------------------------------------
// The facilitator console

/** Waits until the console's command log says the command with this label is done. */
export async function commandDone(page: Page, label: string): Promise<void> {
  await page
    .getByRole('status', { name: ui('en', 'console.command.log') })
    .getByText(ui('en', 'console.command.accepted', { label }), { exact: true })
    .first()
    .waitFor();
}

/** Answers, from the console, a request to an agency the facilitator plays. */
export async function answerFromConsole(
  page: Page,
  team: { id: string; name: string },
  request: string,
  granted: boolean,
  reason: string,
): Promise<void> {
  const title = ui('en', 'console.requests.title', { n: 0 }).replace(/\s*\(0\)$/, '');
  const waiting = page.getByRole('region', { name: new RegExp(`^${escapeRegExp(title)}`) });
  // The same request of several teams is one group with one reason field; each team has a row.
  const group = waiting.locator(`[data-request="${request}"]`);
  const row = group.locator(`[data-team="${team.id}"]`);
  await row.waitFor();
  await group.getByLabel(/^Answer of /).fill(reason);
  const alone = row.getByRole('button', {
    name: ui('en', granted ? 'console.requests.grantOne' : 'console.requests.refuseOne', {
      team: team.name,
    }),
    exact: true,
  });
  if ((await alone.count()) > 0) await alone.click();
  else
    await group
      .getByRole('button', {
        name: ui('en', granted ? 'console.requests.grant' : 'console.requests.refuse'),
        exact: true,
      })
      .click();
  // Gone from the list once the server's update of the team card arrives.
  await row.waitFor({ state: 'detached' });
}
