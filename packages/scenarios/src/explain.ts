/**
 * Why an option or a request is greyed out, told to a trainee in the scenario's own words.
 *
 * The engine's reject messages are for authors and logs ("needs request req_interp_arabic granted").
 * A trainee needs the same fact in her language with the scenario's titles: "needs «Interpreter for
 * Arabic» granted". Only the unmet parts of a condition are named; a condition on internal state that
 * has no text of its own (a fact, a person attribute, an act) is explained by the choices in the
 * scenario that bring it about, or, failing that, by a plain "not possible yet".
 *
 * Told to an agency (`role`), an explanation keeps need to know: it never quotes evidence, an
 * inject or a fact's description the agency is not given, nor the state of a request it neither
 * sent nor received (another agency of its team may have sent it); it says what would help instead.
 */
import type { CompiledScenario } from './compile';
import { testOf } from './conditions';
import { freeCount, isFacilitator } from './rules';
import type { Condition, Language, Option, Scalar, Text } from './schema';
import { LANGUAGES } from './schema';
import type { TeamState } from './state';
import { needToKnow } from './visibility';

/** A sentence in every interface language the engine writes (English always). */
export type Explanation = { en: string } & Partial<Record<Exclude<Language, 'en'>, string>>;

/** A sentence part in every interface language. */
type Words = Record<Language, string>;

/** Sentence parts. `{x}` is replaced; quotes are added by `quote`. */
const W = {
  needs: {
    en: 'Needs {x}.',
    'sr-Latn': 'Potrebno je: {x}.',
    mk: 'Потребно е: {x}.',
    sq: 'Duhet: {x}.',
    bs: 'Potrebno je: {x}.',
  },
  notOpen: {
    en: 'Not open yet: {x}.',
    'sr-Latn': 'Još nije otvoreno: {x}.',
    mk: 'Сè уште не е отворено: {x}.',
    sq: 'Ende nuk është e hapur: {x}.',
    bs: 'Još nije otvoreno: {x}.',
  },
  and: { en: ' and ', 'sr-Latn': ' i ', mk: ' и ', sq: ' dhe ', bs: ' i ' },
  or: { en: ' or ', 'sr-Latn': ' ili ', mk: ' или ', sq: ' ose ', bs: ' ili ' },
  requestGranted: {
    en: '{x} granted',
    'sr-Latn': 'odobren zahtev {x}',
    mk: 'одобрено барање {x}',
    sq: 'kërkesa {x} e miratuar',
    bs: 'odobren zahtjev {x}',
  },
  requestSent: {
    en: '{x} sent',
    'sr-Latn': 'poslat zahtev {x}',
    mk: 'испратено барање {x}',
    sq: 'kërkesa {x} e dërguar',
    bs: 'poslan zahtjev {x}',
  },
  requestRefused: {
    en: '{x} refused',
    'sr-Latn': 'odbijen zahtev {x}',
    mk: 'одбиено барање {x}',
    sq: 'kërkesa {x} e refuzuar',
    bs: 'odbijen zahtjev {x}',
  },
  requestNone: {
    en: '{x} not sent',
    'sr-Latn': 'zahtev {x} još nije poslat',
    mk: 'барањето {x} сè уште не е испратено',
    sq: 'kërkesa {x} ende nuk është dërguar',
    bs: 'zahtjev {x} još nije poslan',
  },
  waitsFor: {
    en: 'Waiting for the answer to {x}.',
    'sr-Latn': 'Čeka se odgovor na zahtev {x}.',
    mk: 'Се чека одговор на барањето {x}.',
    sq: 'Në pritje të përgjigjes për kërkesën {x}.',
    bs: 'Čeka se odgovor na zahtjev {x}.',
  },
  refusedFirst: {
    en: 'Needs {x} granted; it was refused.',
    'sr-Latn': 'Potrebno je odobrenje zahteva {x}; zahtev je odbijen.',
    mk: 'Потребно е одобрување на барањето {x}; барањето е одбиено.',
    sq: 'Duhet miratimi i kërkesës {x}; kërkesa u refuzua.',
    bs: 'Potrebno je odobrenje zahtjeva {x}; zahtjev je odbijen.',
  },
  sendFirst: {
    en: 'Needs {x} granted: send the request first.',
    'sr-Latn': 'Potrebno je odobrenje zahteva {x}: prvo pošaljite zahtev.',
    mk: 'Потребно е одобрување на барањето {x}: прво испратете го барањето.',
    sq: 'Duhet miratimi i kërkesës {x}: së pari dërgoni kërkesën.',
    bs: 'Potrebno je odobrenje zahtjeva {x}: prvo pošaljite zahtjev.',
  },
  evidenceObtained: {
    en: '{x} obtained',
    'sr-Latn': 'pribavljen dokaz {x}',
    mk: 'прибавен доказ {x}',
    sq: 'prova {x} e siguruar',
    bs: 'pribavljen dokaz {x}',
  },
  evidenceMissing: {
    en: '{x} not obtained yet',
    'sr-Latn': 'dokaz {x} još nije pribavljen',
    mk: 'доказот {x} сè уште не е прибавен',
    sq: 'prova {x} ende nuk është siguruar',
    bs: 'dokaz {x} još nije pribavljen',
  },
  evidenceAdmissible: {
    en: '{x} obtained lawfully',
    'sr-Latn': 'zakonito pribavljen dokaz {x}',
    mk: 'законски прибавен доказ {x}',
    sq: 'prova {x} e siguruar ligjërisht',
    bs: 'zakonito pribavljen dokaz {x}',
  },
  evidenceTainted: {
    en: '{x} tainted',
    'sr-Latn': 'dokaz {x} nije zakonito pribavljen',
    mk: 'доказот {x} не е законски прибавен',
    sq: 'prova {x} nuk është siguruar ligjërisht',
    bs: 'dokaz {x} nije zakonito pribavljen',
  },
  injectReleased: {
    en: 'the news {x}',
    'sr-Latn': 'vest {x}',
    mk: 'веста {x}',
    sq: 'lajmi {x}',
    bs: 'vijest {x}',
  },
  injectNot: {
    en: 'before the news {x}',
    'sr-Latn': 'pre vesti {x}',
    mk: 'пред веста {x}',
    sq: 'para lajmit {x}',
    bs: 'prije vijesti {x}',
  },
  timeFrom: {
    en: 'scenario time {x} or later',
    'sr-Latn': 'vreme scenarija {x} ili kasnije',
    mk: 'време во сценариото {x} или подоцна',
    sq: 'koha e skenarit {x} ose më vonë',
    bs: 'vrijeme scenarija {x} ili kasnije',
  },
  timeBefore: {
    en: 'scenario time before {x}',
    'sr-Latn': 'vreme scenarija pre {x}',
    mk: 'време во сценариото пред {x}',
    sq: 'koha e skenarit para {x}',
    bs: 'vrijeme scenarija prije {x}',
  },
  decided: {
    en: 'the decision {x}',
    'sr-Latn': 'odluka {x}',
    mk: 'одлуката {x}',
    sq: 'vendimi {x}',
    bs: 'odluka {x}',
  },
  chosen: {
    en: '{x} chosen',
    'sr-Latn': 'izabrano {x}',
    mk: 'избрано {x}',
    sq: 'u zgjodh {x}',
    bs: 'izabrano {x}',
  },
  inPhase: {
    en: 'the phase {x}',
    'sr-Latn': 'faza {x}',
    mk: 'фазата {x}',
    sq: 'faza {x}',
    bs: 'faza {x}',
  },
  notYet: {
    en: 'the situation does not allow it yet',
    'sr-Latn': 'situacija to još ne dozvoljava',
    mk: 'ситуацијата сè уште не го дозволува тоа',
    sq: 'situata ende nuk e lejon',
    bs: 'situacija to još ne dozvoljava',
  },
  notNow: {
    en: 'the situation no longer allows it',
    'sr-Latn': 'situacija to više ne dozvoljava',
    mk: 'ситуацијата веќе не го дозволува тоа',
    sq: 'situata nuk e lejon më',
    bs: 'situacija to više ne dozvoljava',
  },
  noneFree: {
    en: 'No {x} is free at this time.',
    'sr-Latn': 'U ovom trenutku nije slobodan resurs: {x}.',
    mk: 'Во овој момент не е слободен ресурсот: {x}.',
    sq: 'Në këtë moment nuk është i lirë burimi: {x}.',
    bs: 'U ovom trenutku nije slobodan resurs: {x}.',
  },
  otherPhase: {
    en: 'It belongs to the phase {x}.',
    'sr-Latn': 'Pripada fazi {x}.',
    mk: 'Припаѓа на фазата {x}.',
    sq: 'I përket fazës {x}.',
    bs: 'Pripada fazi {x}.',
  },
  decidedAlready: {
    en: 'Already decided.',
    'sr-Latn': 'Odluka je već doneta.',
    mk: 'Одлуката е веќе донесена.',
    sq: 'Vendimi është marrë tashmë.',
    bs: 'Odluka je već donesena.',
  },
  requestWaiting: {
    en: 'Already waiting for an answer.',
    'sr-Latn': 'Već čeka odgovor.',
    mk: 'Веќе чека одговор.',
    sq: 'Është tashmë në pritje të përgjigjes.',
    bs: 'Već čeka odgovor.',
  },
  requestDone: {
    en: 'Already granted.',
    'sr-Latn': 'Već je odobren.',
    mk: 'Веќе е одобрено.',
    sq: 'Është miratuar tashmë.',
    bs: 'Već je odobren.',
  },
  notAvailable: {
    en: 'Not possible at the moment.',
    'sr-Latn': 'Trenutno nije moguće.',
    mk: 'Моментално не е можно.',
    sq: 'Për momentin nuk është e mundur.',
    bs: 'Trenutno nije moguće.',
  },
} satisfies Record<string, Words>;

/** A sentence built per language. */
type Phrase = (lang: Language) => string;

const word =
  (w: Words, x?: Phrase): Phrase =>
  (lang) =>
    w[lang].replace('{x}', x ? x(lang) : '');

function textOf(t: Text | undefined, fallback: string): Phrase {
  return (lang) => {
    if (t === undefined) return fallback;
    if (typeof t === 'string') return t;
    return (t as Partial<Record<Language, string>>)[lang] ?? t.en;
  };
}

function quote(p: Phrase): Phrase {
  return (lang) => (lang === 'en' ? `“${p(lang)}”` : `„${p(lang)}“`);
}

function join(parts: Phrase[], w: Words): Phrase {
  return (lang) => parts.map((p) => p(lang)).join(w[lang]);
}

const DAY: Record<Language, string> = {
  en: 'day',
  'sr-Latn': 'dan',
  mk: 'ден',
  sq: 'dita',
  bs: 'dan',
};

function minutesText(minutes: number): Phrase {
  const day = Math.floor(minutes / 1440) + 1;
  const hh = String(Math.floor((minutes % 1440) / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return (lang) => `${DAY[lang]} ${day}, ${hh}:${mm}`;
}

function matches(value: Scalar, c: Partial<Record<string, unknown>>): boolean {
  if (c.eq !== undefined) return value === c.eq;
  if (c.ne !== undefined) return value !== c.ne;
  if (typeof value !== 'number') return false;
  if (typeof c.gt === 'number') return value > c.gt;
  if (typeof c.gte === 'number') return value >= c.gte;
  if (typeof c.lt === 'number') return value < c.lt;
  if (typeof c.lte === 'number') return value <= c.lte;
  return false;
}

/**
 * What the agency an explanation is for may be told about (null: everything, for the facilitator
 * and authors). Evidence counts only when listed for the agency, not when revealed later: why-not
 * texts are reused across states with the same inputs (see decisionInputs), which do not track
 * reveals, so this errs on the side of saying less.
 */
interface Knows {
  evidence(id: string): boolean;
  inject(id: string): boolean;
  fact(id: string): boolean;
  request(id: string): boolean;
}

function knowsOf(c: CompiledScenario, s: TeamState, role: string | null | undefined): Knows | null {
  if (role === undefined || isFacilitator(role)) return null;
  const v = needToKnow(c, s, role);
  return {
    evidence: (id) => c.evidence.get(id)?.visibleTo.includes(role as string) ?? false,
    inject: v.inject,
    // A fact listed for no agency is internal, its description written to explain it to anyone;
    // one listed for some agencies is theirs.
    fact: (id) => {
      const listed = c.facts.get(id)?.visibleTo;
      return listed === undefined || listed.includes(role as string);
    },
    request: v.request,
  };
}

/** The options (with their decision) whose effects satisfy `found`. */
function choicesThat(c: CompiledScenario, found: (o: Option) => boolean): Phrase[] {
  const out: Phrase[] = [];
  for (const d of c.decisions.values()) {
    for (const o of d.options.values()) {
      if (found(o)) {
        const title = textOf(d.def.title, d.def.id);
        const label = textOf(o.label, o.id);
        out.push((lang) => `${quote(title)(lang)}: ${word(W.chosen, quote(label))(lang)}`);
      }
    }
  }
  return out;
}

/**
 * What to say about an unmet fact, act or person condition depends only on the scenario and the
 * condition (the choices whose effects would meet it), not on the state, and finding those choices
 * scans every option's effects: built once per condition of a compiled scenario.
 */
const staticPhrases = new WeakMap<CompiledScenario, WeakMap<Condition, Phrase>>();
/** The same for an agency not given what the condition names (a fact's description is left out). */
const withheldPhrases = new WeakMap<CompiledScenario, WeakMap<Condition, Phrase>>();

function staticPhrase(
  c: CompiledScenario,
  cond: Condition,
  build: () => Phrase,
  cache = staticPhrases,
): Phrase {
  let byCond = cache.get(c);
  if (!byCond) {
    byCond = new WeakMap();
    cache.set(c, byCond);
  }
  let phrase = byCond.get(cond);
  if (!phrase) {
    // Its words too: each language's text is put together once.
    const words = build();
    const said = new Map<Language, string>();
    phrase = (lang) => {
      let text = said.get(lang);
      if (text === undefined) {
        text = words(lang);
        said.set(lang, text);
      }
      return text;
    };
    byCond.set(cond, phrase);
  }
  return phrase;
}

/** The unmet parts of `cond` in `s`, or undefined when nothing readable can be said. */
function unmet(
  c: CompiledScenario,
  cond: Condition,
  s: TeamState,
  knows: Knows | null,
): Phrase | undefined {
  if (testOf(cond)(s)) return undefined;
  if ('all' in cond) {
    const parts = cond.all.flatMap((x) => {
      const p = unmet(c, x, s, knows);
      return p ? [p] : [];
    });
    return parts.length > 0 ? join(parts, W.and) : undefined;
  }
  if ('any' in cond) {
    const parts = cond.any.flatMap((x) => {
      const p = unmet(c, x, s, knows);
      return p ? [p] : [];
    });
    return parts.length > 0 ? join(parts, W.or) : undefined;
  }
  if ('not' in cond) return word(W.notNow);
  if ('request' in cond) {
    const title = quote(textOf(c.requests.get(cond.request)?.title, cond.request));
    const w = {
      granted: W.requestGranted,
      pending: W.requestSent,
      refused: W.requestRefused,
      none: W.requestNone,
    }[cond.status];
    return word(w, title);
  }
  if ('evidence' in cond) {
    if (knows && !knows.evidence(cond.evidence)) {
      const { evidence } = cond;
      return staticPhrase(
        c,
        cond,
        () => {
          const obtainers = choicesThat(c, (o) =>
            o.effects.some((e) => 'evidence' in e && e.evidence === evidence),
          );
          return obtainers.length > 0 ? join(obtainers, W.or) : word(W.notYet);
        },
        withheldPhrases,
      );
    }
    const title = quote(textOf(c.evidence.get(cond.evidence)?.title, cond.evidence));
    const w = {
      obtained: W.evidenceObtained,
      missing: W.evidenceMissing,
      admissible: W.evidenceAdmissible,
      tainted: W.evidenceTainted,
    }[cond.status];
    return word(w, title);
  }
  if ('inject' in cond) {
    if (knows && !knows.inject(cond.inject)) return word(cond.released ? W.notYet : W.notNow);
    const title = quote(textOf(c.injects.get(cond.inject)?.title, cond.inject));
    return word(cond.released ? W.injectReleased : W.injectNot, title);
  }
  if ('time' in cond) {
    const { gte, lt } = cond.time;
    if (gte !== undefined && s.clock < gte) return word(W.timeFrom, minutesText(gte));
    if (lt !== undefined) return word(W.notNow);
    return undefined;
  }
  if ('decided' in cond) {
    const d = c.decisions.get(cond.decided);
    const title = quote(textOf(d?.def.title, cond.decided));
    if (cond.option === undefined) return word(W.decided, title);
    const label = quote(textOf(d?.options.get(cond.option)?.label, cond.option));
    return (lang) => `${title(lang)}: ${word(W.chosen, label)(lang)}`;
  }
  if ('phase' in cond) {
    return word(W.inPhase, quote(textOf(c.phases.get(cond.phase)?.title, cond.phase)));
  }
  if ('fact' in cond) {
    return knows && !knows.fact(cond.fact)
      ? staticPhrase(c, cond, () => unmetFact(c, cond, false), withheldPhrases)
      : staticPhrase(c, cond, () => unmetFact(c, cond, true));
  }
  if ('act' in cond) return staticPhrase(c, cond, () => unmetAct(c, cond));
  // A person attribute: the choices that set it, else plain words.
  if ('person' in cond) return staticPhrase(c, cond, () => unmetPerson(c, cond));
  return word(W.notYet);
}

/** `describe`: whether the fact's own description may be told (the agency is given the fact). */
function unmetFact(
  c: CompiledScenario,
  cond: Extract<Condition, { fact: string }>,
  describe: boolean,
): Phrase {
  const { fact } = cond;
  const setters = choicesThat(c, (o) =>
    o.effects.some(
      (e) => 'set' in e && !('person' in e) && e.set === fact && matches(e.value, cond),
    ),
  );
  if (setters.length > 0) return join(setters, W.or);
  const def = c.facts.get(fact);
  if (describe && def?.type === 'boolean' && cond.eq === true && def.description) {
    const description = textOf(def.description, '');
    return (lang) => description(lang).replace(/[.!]\s*$/, '');
  }
  return word(W.notYet);
}

function unmetAct(c: CompiledScenario, cond: Extract<Condition, { act: string }>): Phrase {
  const { act, person } = cond;
  const doers = choicesThat(c, (o) =>
    o.effects.some(
      (e) =>
        'act' in e &&
        e.act === act &&
        (person === undefined ||
          e.person === person ||
          (e.persons?.includes(person) ?? false) ||
          e.group !== undefined),
    ),
  );
  return doers.length > 0 ? join(doers, W.or) : word(W.notYet);
}

function unmetPerson(c: CompiledScenario, cond: Extract<Condition, { person: string }>): Phrase {
  const { person, attr } = cond;
  const setters = choicesThat(c, (o) =>
    o.effects.some((e) => {
      if (!('person' in e) || !('set' in e) || e.person !== person) return false;
      const value = (e.set as Record<string, unknown>)[attr];
      return value !== undefined && typeof value !== 'object' && matches(value as Scalar, cond);
    }),
  );
  return setters.length > 0 ? join(setters, W.or) : word(W.notYet);
}

function render(p: Phrase): Explanation {
  const out = { en: p('en') } as Explanation;
  for (const lang of LANGUAGES) if (lang !== 'en') out[lang] = p(lang);
  return out;
}

/**
 * Why the trainee cannot choose `option` of `decision` now, or undefined when she can. `role`: the
 * agency told (see Knows); undefined or the facilitator: everything.
 */
export function explainOption(
  c: CompiledScenario,
  s: TeamState,
  decisionId: string,
  optionId: string,
  role?: string | null,
): Explanation | undefined {
  return whyOption(c, s, decisionId, optionId, role)?.text;
}

/** What an option refused for want of a resource waits for (see whyOption). */
export interface ResourceWait {
  /** The resource's name, as the scenario gives it. */
  resource: Text;
  /** The first scenario minute from which enough of it is free as things stand; null: never. */
  freeAt: number | null;
}

/**
 * explainOption, and when the one thing in the option's way is a scarce resource not free now,
 * what it waits for (`wait`). The resource is the team's, booked by its own choices and free by
 * the scenario's timetable, so when it is free is any of the team's agencies' to know.
 */
export function whyOption(
  c: CompiledScenario,
  s: TeamState,
  decisionId: string,
  optionId: string,
  role?: string | null,
): { text: Explanation; wait?: ResourceWait } | undefined {
  const d = c.decisions.get(decisionId);
  const o = d?.options.get(optionId);
  if (!d || !o) return undefined;
  if (d.phase !== s.phase) {
    return {
      text: render(word(W.otherPhase, quote(textOf(c.phases.get(d.phase)?.title, d.phase)))),
    };
  }
  if (s.decisions[d.def.id] && !d.def.repeatable) return { text: render(word(W.decidedAlready)) };
  const knows = knowsOf(c, s, role);
  if (d.def.when) {
    const why = unmet(c, d.def.when, s, knows);
    if (why) return { text: render(word(W.notOpen, why)) };
  }
  if (o.when) {
    const why = unmet(c, o.when, s, knows);
    if (why) return { text: render(word(W.needs, why)) };
  }
  if (o.requires) {
    const st = s.requests[o.requires.request];
    const title = quote(textOf(c.requests.get(o.requires.request)?.title, o.requires.request));
    // Sent by another agency of the team: its state is that agency's to know.
    if (st !== undefined && knows && !knows.request(o.requires.request))
      return { text: render(word(W.needs, word(W.requestGranted, title))) };
    if (st?.status === 'pending') return { text: render(word(W.waitsFor, title)) };
    if (st?.status !== 'granted')
      return {
        text: render(word(st?.status === 'refused' ? W.refusedFirst : W.sendFirst, title)),
      };
  }
  const uses = o.uses;
  if (uses && freeCount(c, s, uses.resource, s.clock) < uses.count) {
    const name = c.resources.get(uses.resource)?.name ?? uses.resource;
    return {
      text: render(word(W.noneFree, textOf(name, uses.resource))),
      wait: { resource: name, freeAt: freeFrom(c, s, uses.resource, uses.count) },
    };
  }
  return undefined;
}

/**
 * When `count` units of `resource` are free again, from the team's clock on: its availability
 * windows and the team's bookings only change the count where one starts or ends, so the first
 * such moment with enough free is the answer (null when none has).
 */
export function freeFrom(
  c: CompiledScenario,
  s: TeamState,
  resource: string,
  count: number,
): number | null {
  const r = c.resources.get(resource);
  if (!r) return null;
  const moments = new Set<number>([s.clock]);
  for (const w of r.available) {
    moments.add(w.from);
    if (w.to !== undefined) moments.add(w.to);
  }
  for (const b of s.bookings) if (b.resource === resource) moments.add(b.to);
  const sorted = [...moments].filter((m) => m >= s.clock).sort((a, b) => a - b);
  for (const m of sorted) if (freeCount(c, s, resource, m) >= count) return m;
  return null;
}

/** Why the trainee cannot send `request` now, or undefined when she can (`role`: see explainOption). */
export function explainRequest(
  c: CompiledScenario,
  s: TeamState,
  requestId: string,
  role?: string | null,
): Explanation | undefined {
  const r = c.requests.get(requestId);
  if (!r) return undefined;
  const st = s.requests[requestId];
  const knows = knowsOf(c, s, role);
  // Sent by another agency of the team: that it waits, or was granted, is not this agency's to know.
  if (st !== undefined && knows && !knows.request(requestId)) return render(word(W.notAvailable));
  if (st?.status === 'pending') return render(word(W.requestWaiting));
  if (st?.status === 'granted') return render(word(W.requestDone));
  if (r.when) {
    const why = unmet(c, r.when, s, knows);
    if (why) return render(word(W.needs, why));
  }
  return undefined;
}
