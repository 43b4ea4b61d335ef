import { createContext, Fragment, useCallback, useContext, type ReactNode } from 'react';
import type { AgencySummary, Language, Text } from '@crossroads/shared';
import { useLangMark } from '../components/InLanguage';
import { pickText } from '../lib/contentText';
import { SessionLanguageContext } from '../components/TeamName';

/*
 * Scenario texts on the console and its panels, read as the debrief and the trainee pages read
 * them: in the reader's UI language when the scenario has it, else the session's language, else
 * English (the scenario's fallback). A text in another language than the page carries its own
 * `lang`, so a screen reader reads English in a Serbian page with the English voice.
 */

/** A scenario text as picked for this reader, with the language it is in. */
export interface Picked {
  text: string;
  lang: Language;
}

/** A line made of UI text (plain strings) and picked scenario texts. */
export type Part = string | Picked;

/**
 * The reading order of scenario texts below it (see `contentLanguages`). The console gives the
 * facilitator's; the projector gives the room's (the session language).
 */
export const ConsoleLanguagesContext = createContext<readonly Language[]>(['en']);

export function useConsoleLanguages(): readonly Language[] {
  return useContext(ConsoleLanguagesContext);
}

/**
 * The console's reading order of scenario texts and the session's language (what its team names
 * were typed in, see TeamName) for everything below it.
 */
export function ConsoleLanguages({
  languages,
  session,
  children,
}: {
  languages: readonly Language[];
  session: string | undefined;
  children: ReactNode;
}) {
  return (
    <ConsoleLanguagesContext.Provider value={languages}>
      <SessionLanguageContext.Provider value={session}>{children}</SessionLanguageContext.Provider>
    </ConsoleLanguagesContext.Provider>
  );
}

/** Picks scenario texts in the reading order of the console (see ConsoleLanguagesContext). */
export function useScenarioText(): (text: Text) => Picked {
  const languages = useConsoleLanguages();
  return useCallback((text: Text) => pickText(text, languages), [languages]);
}

/** An agency's name (`short`: its short name where it has one), or its id when unknown. */
export function pickAgency(
  agencies: readonly AgencySummary[],
  id: string | null | undefined,
  languages: readonly Language[],
  short = false,
): Picked | string {
  if (!id) return '';
  const agency = agencies.find((a) => a.id === id);
  if (!agency) return id;
  return pickText(short ? (agency.shortName ?? agency.name) : agency.name, languages);
}

/** The agency-name pickers of the console (short names for lists and lines). */
export function useAgencyText(agencies: readonly AgencySummary[]): {
  name: (id: string | null | undefined) => Picked | string;
  short: (id: string | null | undefined) => Picked | string;
} {
  const languages = useConsoleLanguages();
  return {
    name: (id) => pickAgency(agencies, id, languages),
    short: (id) => pickAgency(agencies, id, languages, true),
  };
}

/** The plain text of a line (for attributes, comparisons and announcements). */
export function plain(value: Part | readonly Part[]): string {
  if (typeof value === 'string') return value;
  if ('text' in value) return value.text;
  return value.map((part) => plain(part)).join('');
}

const SLOT = /\uE000(\d+)\uE001/;

/** `items` with `separator` between them (a list of agencies, …). */
export function joinParts(items: readonly Part[], separator: string): Part[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
}

/**
 * A translated sentence with scenario texts in it, as parts, so each scenario text can carry its
 * own `lang`: `format` gets the values with each picked text (or list of parts) replaced by a
 * placeholder, and the sentence is cut at the placeholders.
 */
export function interpolate(
  format: (values: Record<string, string | number>) => string,
  values: Record<string, string | number | Picked | readonly Part[]>,
): Part[] {
  const slots: (readonly Part[])[] = [];
  const flat: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'object') {
      flat[key] = `\uE000${slots.length}\uE001`;
      slots.push(Array.isArray(value) ? value : [value as Picked]);
    } else flat[key] = value;
  }
  // split() with a capturing group: text, slot index, text, slot index, …
  return format(flat)
    .split(SLOT)
    .flatMap((piece, i): readonly Part[] => (i % 2 === 1 ? (slots[Number(piece)] ?? []) : [piece]))
    .filter((part) => part !== '');
}

/** The `lang` attribute for an element holding just `value` (an option, an attribute's text). */
export function useMarkOf(): (value: Part) => string | undefined {
  const mark = useLangMark();
  return (value) => (typeof value === 'string' ? undefined : mark(value.lang));
}

/** A picked text or a line of parts; each scenario text marked when it is not in the page's language. */
export function Marked({ value }: { value: Part | readonly Part[] }) {
  const mark = useLangMark();
  const parts: readonly Part[] = Array.isArray(value) ? value : [value as Part];
  return (
    <>
      {parts.map((part, i) => {
        if (typeof part === 'string') return <Fragment key={i}>{part}</Fragment>;
        const lang = mark(part.lang);
        return lang === undefined ? (
          <Fragment key={i}>{part.text}</Fragment>
        ) : (
          <span key={i} lang={lang}>
            {part.text}
          </span>
        );
      })}
    </>
  );
}

/** A scenario text in the console's reading order, marked when not in the page's language. */
export function ScenarioText({ text }: { text: Text }) {
  const pick = useScenarioText();
  return <Marked value={pick(text)} />;
}
