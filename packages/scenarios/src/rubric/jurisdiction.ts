/**
 * The rubric as it applies where a case is investigated. The published rubric versions cite Serbian
 * statutes (the catalogue's cases are Serbian); a case investigated in another country cites that
 * country's law instead, and a rule text that names Serbian law names that country's. International
 * instruments and judgments of international courts apply as they are.
 *
 * For another country the national law is cited by name and subject, never with a Serbian article
 * number. An article number is given only where it is known for that country (the domain brief, section
 * 1.11: BiH state CC art. 189, Croatian CC art. 326, Hungarian Btk § 353) and, like the Serbian ones,
 * marked as not yet checked against the primary text. Serbia's rubric is the published one but for EU
 * law (below).
 *
 * International instruments are cited as each country is bound by them: Kosovo, a party to none of the
 * conventions, cites those its Constitution makes directly applicable through that article and the
 * others as standards it is not a party to; Croatia and Hungary, EU member states, cite the EU asylum
 * procedure besides their own law. EU directives bind those two; the six other states, Serbia among
 * them, cite them as the EU standard they are not bound by. Serbia's 72-hour window for acting on an asylum wish is Serbian law:
 * elsewhere the rule names no window and the model scores no lateness.
 */
import {
  COUNTRIES,
  COUNTRY_NAMES,
  DEFAULT_COUNTRY,
  SMUGGLING_WITHOUT_GAIN,
  type Country,
} from '../country';
import {
  APR,
  articleIn,
  BUDAPEST,
  CETS197,
  CONV108,
  CRC,
  ECHR,
  EU_LAW,
  FACILITATORS_DIR,
  ICCPR,
  KOSOVO_CONSTITUTION_22,
  MLA_1959_AP2,
  P4_4,
  RC,
  SERBIAN_COURTS,
  SERBIAN_LAW,
  SOM,
  SOM_NOTES,
  TIP,
  UNTOC,
  VCCR,
  type NationalLaw,
} from './bases';
import {
  RUBRIC_LANGUAGES,
  type EveryLanguage,
  type LegalBasis,
  type LocalText,
  type Rubric,
  type RubricLang,
  type RubricRule,
} from './types';

type Foreign = Exclude<Country, 'RS'>;

/**
 * A country as each language names it after "of" ("Criminal Code of North Macedonia"): the genitive
 * in Serbian and Bosnian ("Severne Makedonije"), "на …" in Macedonian, the genitive with its article
 * for a masculine head noun in Albanian ("Kodi Penal i Maqedonisë së Veriut").
 */
const OF: Record<Foreign, EveryLanguage> = {
  MK: {
    en: 'North Macedonia',
    'sr-Latn': 'Severne Makedonije',
    mk: 'на Северна Македонија',
    sq: 'i Maqedonisë së Veriut',
    bs: 'Sjeverne Makedonije',
  },
  BA: {
    en: 'Bosnia and Herzegovina',
    'sr-Latn': 'Bosne i Hercegovine',
    mk: 'на Босна и Херцеговина',
    sq: 'i Bosnjës dhe Hercegovinës',
    bs: 'Bosne i Hercegovine',
  },
  ME: {
    en: 'Montenegro',
    'sr-Latn': 'Crne Gore',
    mk: 'на Црна Гора',
    sq: 'i Malit të Zi',
    bs: 'Crne Gore',
  },
  AL: {
    en: 'Albania',
    'sr-Latn': 'Albanije',
    mk: 'на Албанија',
    sq: 'i Shqipërisë',
    bs: 'Albanije',
  },
  XK: {
    en: 'Kosovo',
    'sr-Latn': 'Kosova',
    mk: 'на Косово',
    sq: 'i Kosovës',
    bs: 'Kosova',
  },
  HR: {
    en: 'Croatia',
    'sr-Latn': 'Hrvatske',
    mk: 'на Хрватска',
    sq: 'i Kroacisë',
    bs: 'Hrvatske',
  },
  HU: {
    en: 'Hungary',
    'sr-Latn': 'Mađarske',
    mk: 'на Унгарија',
    sq: 'i Hungarisë',
    bs: 'Mađarske',
  },
};

/**
 * Each kind of national law, named for a country in each language. Codes by their usual name; the other
 * statutes (whose titles differ from country to country) as the country's legislation on the subject.
 */
const LAW_NAMES: Record<NationalLaw, Record<RubricLang, (of: string) => string>> = {
  cpp: {
    en: (of) => `Criminal Procedure Code of ${of}`,
    'sr-Latn': (of) => `Zakon o krivičnom postupku ${of}`,
    mk: (of) => `Закон за кривичната постапка ${of}`,
    sq: (of) => `Kodi i Procedurës Penale ${of}`,
    bs: (of) => `Zakon o krivičnom postupku ${of}`,
  },
  cc: {
    en: (of) => `Criminal Code of ${of}`,
    'sr-Latn': (of) => `Krivični zakonik ${of}`,
    mk: (of) => `Кривичен законик ${of}`,
    sq: (of) => `Kodi Penal ${of}`,
    bs: (of) => `Krivični zakon ${of}`,
  },
  asylum: {
    en: (of) => `Asylum legislation of ${of}`,
    'sr-Latn': (of) => `Propisi ${of} o azilu`,
    mk: (of) => `Прописи ${of} за азил`,
    sq: (of) => `Legjislacioni ${of} për azilin`,
    bs: (of) => `Propisi ${of} o azilu`,
  },
  border: {
    en: (of) => `State border legislation of ${of}`,
    'sr-Latn': (of) => `Propisi ${of} o državnoj granici`,
    mk: (of) => `Прописи ${of} за државната граница`,
    sq: (of) => `Legjislacioni ${of} për kufirin shtetëror`,
    bs: (of) => `Propisi ${of} o državnoj granici`,
  },
  confiscation: {
    en: (of) => `Legislation of ${of} on confiscation of the proceeds of crime`,
    'sr-Latn': (of) => `Propisi ${of} o oduzimanju imovine proistekle iz krivičnog dela`,
    mk: (of) => `Прописи ${of} за одземање имот стекнат со кривично дело`,
    sq: (of) => `Legjislacioni ${of} për konfiskimin e pasurisë së fituar nga vepra penale`,
    bs: (of) => `Propisi ${of} o oduzimanju imovine stečene krivičnim djelom`,
  },
};

/** The smuggling offence where the domain brief gives its article; elsewhere the code and subject. */
const SMUGGLING_ARTICLE: Partial<Record<Foreign, string>> = {
  BA: 'art. 189',
  HR: 'art. 326',
  HU: '§ 353',
};

/**
 * What a Serbian citation stands for in another country's law, where it is not a subject already: a
 * Serbian article number becomes the subject it regulates, a Serbian particular (the 72-hour window)
 * is dropped. A Serbian article number with no entry here is an error (never cited for another country).
 */
function foreignArticle(law: NationalLaw, article: string, country: Foreign): string {
  switch (`${law}|${article}`) {
    case 'cpp|art. 11':
      return 'language of proceedings; interpreter';
    case 'cpp|arts 161–167':
      return 'special investigative measures';
    case 'cc|art. 350(2)':
      return SMUGGLING_ARTICLE[country] ?? 'smuggling of migrants';
    case 'asylum|registration of intention; 72-hour reporting window':
      return 'registration of intention';
    case 'asylum|art. 8':
      return 'non-penalisation of irregular entry';
    case 'border|art. 65':
      return 'irregular crossing of the state border';
  }
  if (/^(art\.|arts|§)/.test(article))
    throw new Error(`no subject for the Serbian ${law} ${article} in another country's law`);
  return article;
}

const numbered = (article: string) => /^(art\.|arts|§)/.test(article);

/** A citation of `country`'s law of kind `law` on `article` (a subject, or a known article number). */
export function nationalBasis(law: NationalLaw, country: Foreign, article: string): LegalBasis {
  const text = Object.fromEntries(
    RUBRIC_LANGUAGES.map((lang) => {
      // As the Serbian citations read ("Serbian Criminal Procedure Code unlawful evidence"), and as
      // renderBasis writes the English one from instrument and article.
      return [lang, `${LAW_NAMES[law][lang](OF[country][lang])} ${articleIn(article, lang)}`];
    }),
  ) as EveryLanguage;
  const basis: LegalBasis = { instrument: LAW_NAMES[law].en(OF[country].en), article, text };
  return numbered(article) ? { ...basis, verify: true } : basis;
}

const instruments = (...bases: LegalBasis[]) => new Set(bases.map((b) => b.instrument));

/**
 * Treaties a country applies through its constitution rather than as a party, with the provision that
 * makes them apply. Kosovo is a member of neither the UN nor the Council of Europe; its Constitution,
 * art. 22, makes the ECHR and its Protocols, the ICCPR and the CRC (among others) directly applicable.
 */
const THROUGH_CONSTITUTION: Partial<
  Record<Foreign, { instruments: ReadonlySet<string>; via: EveryLanguage }>
> = {
  XK: {
    instruments: instruments(ECHR('art. 3'), P4_4, ICCPR('art. 14'), CRC('art. 3')),
    via: KOSOVO_CONSTITUTION_22,
  },
};

/**
 * Treaties a country is not a party to and no provision of its law makes applicable: cited as the
 * international standard they set, and said not to bind it. The other seven states of the route cite
 * the treaties as Serbia does: they are parties to the UN and Council of Europe conventions the rubric
 * cites. Not checked here: which of them ratified the protocol that makes Convention 108 into 108+, and
 * the 1959 Convention's Second Additional Protocol.
 */
const NOT_A_PARTY: Partial<
  Record<Foreign, { instruments: ReadonlySet<string>; note: EveryLanguage }>
> = {
  XK: {
    instruments: instruments(
      SOM('art. 5'),
      SOM_NOTES,
      UNTOC('art. 18'),
      TIP('art. 3'),
      CETS197('art. 10'),
      RC('art. 33'),
      VCCR('art. 36'),
      CONV108,
      MLA_1959_AP2('art. 9'),
      BUDAPEST('art. 19'),
    ),
    note: {
      en: '(international standard; Kosovo is not a party)',
      'sr-Latn': '(međunarodni standard; Kosovo nije strana ugovornica)',
      mk: '(меѓународен стандард; Косово не е страна договорничка)',
      sq: '(standard ndërkombëtar; Kosova nuk është palë)',
      bs: '(međunarodni standard; Kosovo nije strana ugovornica)',
    },
  },
};

/** The EU member states of the route: EU law binds them besides their own. */
const EU_MEMBERS: ReadonlySet<Country> = new Set(['HR', 'HU']);

/**
 * The note on an EU instrument cited in a state outside the EU: the candidate states of the route align
 * their law with it, it does not bind them (the domain brief, section 1.6, on the Return Directive).
 */
const NOT_EU: Record<RubricLang, (name: string) => string> = {
  en: (name) => `(EU standard; ${name} is not an EU member state)`,
  'sr-Latn': (name) => `(standard EU; ${name} nije država članica EU)`,
  mk: (name) => `(стандард на ЕУ; ${name} не е земја членка на ЕУ)`,
  sq: (name) => `(standard i BE-së; ${name} nuk është shtet anëtar i BE-së)`,
  bs: (name) => `(standard EU; ${name} nije država članica EU)`,
};

/** An EU law basis as `country` is bound by it: as it is in a member state, else with the note. */
function euLawIn(b: LegalBasis, country: Country): LegalBasis {
  if (!EU_LAW.has(b.instrument) || EU_MEMBERS.has(country) || b.article === undefined) return b;
  const note = (lang: RubricLang) => NOT_EU[lang](COUNTRY_NAMES[country][lang]);
  const text = Object.fromEntries(
    RUBRIC_LANGUAGES.map((lang) => [lang, `${b.text[lang]} ${note(lang)}`]),
  ) as EveryLanguage;
  return { ...b, article: `${b.article} ${note('en')}`, text };
}

/** Rules on acting on an asylum wish: an EU member state's debrief cites the EU asylum procedure too. */
const ASYLUM_RULES = new Set([
  'RIGHTS.ASYLUM.REGISTERED',
  'RIGHTS.ASYLUM.REGISTERED_LATE',
  'RIGHTS.ASYLUM.IGNORED',
]);

/**
 * Where gain only aggravates the smuggling offence (SMUGGLING_WITHOUT_GAIN), proving the benefit still
 * counts (it is the Protocol's element, the aggravation, and what sets smuggling apart from help given
 * for nothing), but the profit rules may not say the offence requires it, nor that "he just drove" wins.
 * These are the rules on proving the benefit, which cite the smuggling offence for it.
 */
const PROFIT_RULES = new Set(['EVIDENCE.PROFIT.PROVEN', 'EVIDENCE.PROFIT.UNPROVEN']);

/** A treaty basis as `country` is bound by it (unchanged where it is a party). */
function treatyIn(b: LegalBasis, country: Foreign): LegalBasis {
  const through = THROUGH_CONSTITUTION[country];
  if (through?.instruments.has(b.instrument)) {
    const text = Object.fromEntries(
      RUBRIC_LANGUAGES.map((lang) => [lang, `${through.via[lang]}: ${b.text[lang]}`]),
    ) as EveryLanguage;
    return { ...b, instrument: `${through.via.en}: ${b.instrument}`, text };
  }
  const notParty = NOT_A_PARTY[country];
  if (notParty?.instruments.has(b.instrument) && b.article !== undefined) {
    const text = Object.fromEntries(
      RUBRIC_LANGUAGES.map((lang) => [lang, `${b.text[lang]} ${notParty.note[lang]}`]),
    ) as EveryLanguage;
    return { ...b, article: `${b.article} ${notParty.note.en}`, text };
  }
  return b;
}

/**
 * A rule's legal bases in `country`: its law for Serbia's, Serbian judgments left out, treaties and EU
 * law as the country is bound by them, and in an EU member state the EU asylum procedure for the
 * asylum rules.
 */
function basesIn(rule: RubricRule, country: Foreign): LegalBasis[] {
  const out: LegalBasis[] = [];
  for (const b of rule.legalBasis) {
    if (SERBIAN_COURTS.has(b.instrument)) continue;
    const law = SERBIAN_LAW[b.instrument];
    if (law === undefined) {
      out.push(euLawIn(treatyIn(b, country), country));
      continue;
    }
    const article = foreignArticle(law, b.article ?? '', country);
    const basis = nationalBasis(law, country, article);
    // One citation per statute and subject (two Serbian articles may be one subject elsewhere).
    if (!out.some((o) => o.instrument === basis.instrument && o.article === basis.article))
      out.push(basis);
  }
  if (EU_MEMBERS.has(country) && ASYLUM_RULES.has(rule.id))
    out.push(APR('access to the procedure; registration of applications'));
  if (SMUGGLING_WITHOUT_GAIN.has(country) && PROFIT_RULES.has(rule.id))
    out.push(FACILITATORS_DIR('art. 1'));
  return out;
}

/**
 * Rule texts that name Serbian law, with the words that replace that part for another country. Each
 * Serbian clause must be found in the rubric's text (a test checks every version and country), so a
 * reworded rule cannot silently keep naming Serbia.
 */
type Clauses = Record<RubricLang, { serbian: string; foreign: (of: string) => string }>;
const NATIONAL_CLAUSES: Record<string, Partial<Record<'title' | 'explanation', Clauses>>> = {
  'EVIDENCE.UNDERCOVER.NO_ORDER': {
    explanation: {
      en: {
        serbian:
          "under the Serbian Criminal Procedure Code, a judge's order on the prosecutor's reasoned request, for an offence on the statutory list and for a limited time.",
        foreign: (of) =>
          `the Criminal Procedure Code of ${of} sets who issues it, for which offences and for how long.`,
      },
      'sr-Latn': {
        serbian:
          'po Zakoniku o krivičnom postupku Srbije, naredbe sudije za prethodni postupak na obrazloženi predlog javnog tužioca, za krivično delo sa zakonske liste i na ograničeno vreme.',
        foreign: (of) =>
          `Zakon o krivičnom postupku ${of} određuje ko je izdaje, za koja krivična dela i na koliko vremena.`,
      },
      mk: {
        serbian:
          'според Законикот за кривичната постапка на Србија, наредба од судијата за претходна постапка по образложен предлог на јавниот обвинител, за кривично дело од законската листа и за ограничено време.',
        foreign: (of) =>
          `Законот за кривичната постапка ${of} определува кој ја издава, за кои кривични дела и за колку време.`,
      },
      sq: {
        serbian:
          'sipas Kodit të Procedurës Penale të Serbisë, urdhër i gjyqtarit të procedurës paraprake me kërkesë të arsyetuar të prokurorit, për një vepër nga lista ligjore dhe për një kohë të kufizuar.',
        foreign: (of) =>
          `Kodi i Procedurës Penale ${of} përcakton kush e lëshon, për cilat vepra dhe për sa kohë.`,
      },
      bs: {
        serbian:
          'po Zakoniku o krivičnom postupku Srbije, naredbe sudije za prethodni postupak na obrazloženi prijedlog javnog tužioca, za krivično djelo sa zakonske liste i na ograničeno vrijeme.',
        foreign: (of) =>
          `Zakon o krivičnom postupku ${of} određuje ko je izdaje, za koja krivična djela i na koliko vremena.`,
      },
    },
  },
  // The Centres for Social Work are Serbia's guardianship authority (domain brief, section 0): elsewhere
  // the rule names the authority by its task, not by a Serbian body.
  'RIGHTS.CHILD.GUARDIAN': {
    explanation: {
      en: {
        serbian: ' from the Centre for Social Work',
        foreign: () => ' from the authority responsible for guardianship',
      },
      'sr-Latn': {
        serbian: 'od Centra za socijalni rad',
        foreign: () => 'od organa starateljstva',
      },
      mk: {
        serbian: ' од Центарот за социјална работа',
        foreign: () => ' од органот надлежен за старателство',
      },
      sq: {
        serbian: ' Qendrës për Punë Sociale',
        foreign: () => ' organit përgjegjës për kujdestarinë',
      },
      bs: { serbian: 'od Centra za socijalni rad', foreign: () => 'od organa starateljstva' },
    },
  },
  // That an unaccompanied child cannot express an asylum intention without a guardian is Serbian law
  // (domain brief, section 1.4); elsewhere the rule says what the missing guardian always costs.
  'RIGHTS.CHILD.NO_GUARDIAN': {
    explanation: {
      en: {
        serbian: 'so could not lodge an asylum intention or be heard properly.',
        foreign: () => 'so had no one to act for them and could not be heard properly.',
      },
      'sr-Latn': {
        serbian: 'pa nije moglo da izrazi nameru traženja azila niti da bude valjano saslušano.',
        foreign: () => 'pa nije imalo ko da ga zastupa niti je moglo da bude valjano saslušano.',
      },
      mk: {
        serbian: 'па не можеше да изрази намера за азил ниту соодветно да биде сослушано.',
        foreign: () => 'па немаше кој да го застапува ниту можеше соодветно да биде сослушано.',
      },
      sq: {
        serbian: 'prandaj nuk mund të shprehte synimin për azil apo të dëgjohej siç duhet.',
        foreign: () =>
          'prandaj nuk kishte kush ta përfaqësonte dhe nuk mund të dëgjohej siç duhet.',
      },
      bs: {
        serbian: 'pa nije moglo izraziti namjeru da zatraži azil niti biti propisno saslušano.',
        foreign: () => 'pa nije imalo ko da ga zastupa niti je moglo biti propisno saslušano.',
      },
    },
  },
  // Serbia's 72-hour window (Law on Asylum and Temporary Protection): elsewhere the rule names none,
  // as the model then applies none (rubricForCountry).
  'RIGHTS.ASYLUM.REGISTERED': {
    title: {
      en: { serbian: ' or referred in time', foreign: () => ' or referred' },
      'sr-Latn': { serbian: ' upućena na vreme', foreign: () => ' upućena' },
      mk: { serbian: ' упатено навреме', foreign: () => ' упатено' },
      sq: { serbian: ' u referua në kohë', foreign: () => ' u referua' },
      bs: { serbian: ' upućena na vrijeme', foreign: () => ' upućena' },
    },
    explanation: {
      en: { serbian: 'acted on within 72 hours:', foreign: () => 'acted on:' },
      'sr-Latn': { serbian: 'postupljeno je u roku od 72 sata:', foreign: () => 'postupljeno je:' },
      mk: { serbian: 'се постапи во рок од 72 часа:', foreign: () => 'се постапи:' },
      sq: { serbian: 'u veprua brenda 72 orëve:', foreign: () => 'u veprua:' },
      bs: { serbian: 'postupljeno je u roku od 72 sata:', foreign: () => 'postupljeno je:' },
    },
  },
  'RIGHTS.ASYLUM.REGISTERED_LATE': {
    explanation: {
      en: { serbian: 'after the 72-hour window', foreign: () => 'after the time the law allows' },
      'sr-Latn': {
        serbian: 'po isteku roka od 72 sata',
        foreign: () => 'po isteku zakonskog roka',
      },
      mk: {
        serbian: 'по истекот на рокот од 72 часа',
        foreign: () => 'по истекот на законскиот рок',
      },
      sq: { serbian: 'pas afatit prej 72 orësh', foreign: () => 'pas afatit ligjor' },
      bs: {
        serbian: 'nakon isteka roka od 72 sata',
        foreign: () => 'nakon isteka zakonskog roka',
      },
    },
  },
};

/**
 * The profit rules' clauses that make the benefit what the offence requires, with the words that replace
 * them in a country where gain only aggravates it (SMUGGLING_WITHOUT_GAIN). Checked as NATIONAL_CLAUSES are.
 */
const GAIN_OPTIONAL_CLAUSES: Record<string, Partial<Record<'title' | 'explanation', Clauses>>> = {
  'EVIDENCE.PROFIT.PROVEN': {
    explanation: {
      en: {
        serbian: ' the offence requires.',
        foreign: (of) =>
          `: an element of smuggling as the Protocol defines it and, under the law of ${of}, which punishes help without gain too, what makes the offence an aggravated one.`,
      },
      'sr-Latn': {
        serbian: ' koju delo zahteva.',
        foreign: (of) =>
          `: obeležje krijumčarenja kako ga definiše Protokol, a po pravu ${of}, koje kažnjava i pomoć bez koristi, okolnost koja delo čini otežanim oblikom.`,
      },
      mk: {
        serbian: ' што ја бара делото.',
        foreign: (of) =>
          `: обележје на криумчарењето како што го дефинира Протоколот, а според правото ${of}, кое ја казнува и помошта без корист, околност што делото го прави отежнат облик.`,
      },
      sq: {
        serbian: ' që kërkon vepra.',
        foreign: (of) =>
          `: element i kontrabandës siç e përkufizon Protokolli; ligji ${of} dënon edhe ndihmën pa përfitim, por përfitimi e bën veprën të rënduar.`,
      },
      bs: {
        serbian: ' koju djelo zahtijeva.',
        foreign: (of) =>
          `: obilježje krijumčarenja kako ga definiše Protokol, a po pravu ${of}, koje kažnjava i pomoć bez koristi, okolnost koja djelo čini otežanim oblikom.`,
      },
    },
  },
  // Help given for nothing charged as smuggling: never scored where gain only aggravates the offence
  // (the model scores RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED there), but its text must not say there
  // that the offence requires gain.
  'RIGHTS.STATUS.UNPAID_HELP_CHARGED': {
    explanation: {
      en: {
        serbian:
          'The smuggling offence requires a financial or other material benefit; it was written to reach those who profit, not family or humanitarian help. Without it there is no offence to suspect the person of or to charge them with: neither an arrest nor a charge has anything to stand on, and the person is lost as a witness.',
        foreign: (of) =>
          `The law of ${of} punishes help given without gain too, so there an arrest or a charge for it can stand; the Protocol's offence requires a financial or other material benefit and was written to reach those who profit, not family or humanitarian help.`,
      },
      'sr-Latn': {
        serbian:
          'Krivično delo krijumčarenja zahteva imovinsku ili drugu materijalnu korist; propisano je da obuhvati one koji zarađuju, a ne pomoć porodice ili humanitarnu pomoć. Bez nje nema krivičnog dela za koje bi osoba mogla biti osumnjičena ni optužena: ni hapšenje ni optužba nemaju na šta da se oslone, a osoba je izgubljena kao svedok.',
        foreign: (of) =>
          `Pravo ${of} kažnjava i pomoć pruženu bez koristi, pa tamo hapšenje ili optužba zbog nje mogu opstati; delo kako ga definiše Protokol zahteva imovinsku ili drugu materijalnu korist i propisano je da obuhvati one koji zarađuju, a ne pomoć porodice ili humanitarnu pomoć.`,
      },
      mk: {
        serbian:
          'Кривичното дело криумчарење бара финансиска или друга материјална корист; пропишано е за да ги опфати оние што заработуваат, а не помошта од семејството или хуманитарната помош. Без неа нема кривично дело за кое лицето би можело да биде осомничено ниту обвинето: ниту апсењето ниту обвинението немаат на што да се потпрат, а лицето е изгубено како сведок.',
        foreign: (of) =>
          `Правото ${of} ја казнува и помошта дадена без корист, па таму апсењето или обвинението за неа може да опстане; делото како што го дефинира Протоколот бара финансиска или друга материјална корист и е пропишано за да ги опфати оние што заработуваат, а не помошта од семејството или хуманитарната помош.`,
      },
      sq: {
        serbian:
          'Vepra penale e kontrabandës kërkon një përfitim financiar ose material tjetër; ajo u shkrua për të kapur ata që fitojnë, jo ndihmën e familjes apo ndihmën humanitare. Pa të nuk ka vepër penale për të cilën personi të dyshohet apo të akuzohet: as arrestimi, as akuza nuk kanë ku të mbështeten, dhe personi humbet si dëshmitar.',
        foreign: (of) =>
          `Ligji ${of} dënon edhe ndihmën e dhënë pa përfitim, prandaj atje arrestimi ose akuza për të mund të qëndrojë; vepra siç e përkufizon Protokolli kërkon një përfitim financiar ose material tjetër dhe u shkrua për të kapur ata që fitojnë, jo ndihmën e familjes apo ndihmën humanitare.`,
      },
      bs: {
        serbian:
          'Krivično djelo krijumčarenja zahtijeva imovinsku ili drugu materijalnu korist; propisano je da obuhvati one koji zarađuju, a ne pomoć porodice ili humanitarnu pomoć. Bez nje nema krivičnog djela za koje bi osoba mogla biti osumnjičena ni optužena: ni hapšenje ni optužba nemaju se na šta osloniti, a osoba je izgubljena kao svjedok.',
        foreign: (of) =>
          `Pravo ${of} kažnjava i pomoć pruženu bez koristi, pa tamo hapšenje ili optužba zbog nje mogu opstati; djelo kako ga definiše Protokol zahtijeva imovinsku ili drugu materijalnu korist i propisano je da obuhvati one koji zarađuju, a ne pomoć porodice ili humanitarnu pomoć.`,
      },
    },
  },
  'EVIDENCE.PROFIT.UNPROVEN': {
    explanation: {
      en: {
        serbian: '; "he just drove" is a defence that wins.',
        foreign: (of) =>
          `. The law of ${of} punishes help without gain too, but without proof of gain the aggravated offence fails and nothing sets the charge apart from help given for nothing.`,
      },
      'sr-Latn': {
        serbian: '; odbrana "samo je vozio" tada uspeva.',
        foreign: (of) =>
          `. Pravo ${of} kažnjava i pomoć bez koristi, ali bez dokaza o koristi otežani oblik dela pada i ništa ne razlikuje optužbu od pomoći pružene bez naknade.`,
      },
      mk: {
        serbian: '; „само возеше“ е одбрана што победува.',
        foreign: (of) =>
          `. Правото ${of} ја казнува и помошта без корист, но без доказ за користа отежнатиот облик на делото паѓа и ништо не го разликува обвинението од помош дадена без надомест.`,
      },
      sq: {
        serbian: '; „ai thjesht ngiste makinën“ është një mbrojtje që fiton.',
        foreign: (of) =>
          `. Ligji ${of} dënon edhe ndihmën pa përfitim, por pa provë për përfitimin forma e rënduar e veprës bie dhe asgjë nuk e dallon akuzën nga ndihma e dhënë pa pagesë.`,
      },
      bs: {
        serbian: '; „samo je vozio“ je odbrana koja pobjeđuje.',
        foreign: (of) =>
          `. Pravo ${of} kažnjava i pomoć bez koristi, ali bez dokaza o koristi otežani oblik djela pada i ništa ne razlikuje optužbu od pomoći pružene bez naknade.`,
      },
    },
  },
};

/**
 * A rule's title or explanation in `country`: its Serbian clauses replaced, and where gain only
 * aggravates the offence, the clauses that make it required.
 */
function textIn(rule: RubricRule, field: 'title' | 'explanation', country: Foreign): LocalText {
  const national = replaceClauses(rule, field, rule[field], NATIONAL_CLAUSES, country);
  return SMUGGLING_WITHOUT_GAIN.has(country)
    ? replaceClauses(rule, field, national, GAIN_OPTIONAL_CLAUSES, country)
    : national;
}

/** `text` with the clauses of `table` for the rule replaced; a clause not in the text is an error. */
function replaceClauses(
  rule: RubricRule,
  field: 'title' | 'explanation',
  from: LocalText,
  table: Record<string, Partial<Record<'title' | 'explanation', Clauses>>>,
  country: Foreign,
): LocalText {
  const clauses = table[rule.id]?.[field];
  if (!clauses) return from;
  const out: LocalText = { ...from };
  for (const lang of RUBRIC_LANGUAGES) {
    const text = out[lang];
    const clause = clauses[lang];
    if (text === undefined) continue;
    if (!text.includes(clause.serbian))
      throw new Error(
        `${rule.id} ${field} (${lang}): the published clause to replace is not in its text`,
      );
    out[lang] = text.replace(clause.serbian, clause.foreign(OF[country][lang]));
  }
  return out;
}

const cache = new WeakMap<Rubric, Map<Country, Rubric>>();

/**
 * The rubric for a case investigated in `country`: for Serbia the published rubric with EU law cited as
 * a standard (Serbia is not an EU member state), nothing else changed; for another country the same
 * rules, points and flags, with national law cited as that country's and rule texts naming its law.
 * Pure, built once per rubric and country.
 */
export function rubricForCountry(rubric: Rubric, country: Country = DEFAULT_COUNTRY): Rubric {
  let byCountry = cache.get(rubric);
  if (!byCountry) cache.set(rubric, (byCountry = new Map()));
  let out = byCountry.get(country);
  if (!out) {
    out = country === 'RS' ? inSerbia(rubric) : abroad(rubric, country);
    byCountry.set(country, out);
  }
  return out;
}

/** The published rubric, its EU law cited as Serbia is bound by it (the rubric cites Serbian law). */
function inSerbia(rubric: Rubric): Rubric {
  return {
    ...rubric,
    rules: rubric.rules.map((rule) => ({
      ...rule,
      legalBasis: rule.legalBasis.map((b) => euLawIn(b, 'RS')),
    })),
  };
}

function abroad(rubric: Rubric, country: Foreign): Rubric {
  return {
    ...rubric,
    // Serbia's 72-hour window is the only one established: elsewhere acting on an asylum wish while
    // the person is there earns the gain, never acting on it is the loss, and nothing is scored late
    // (as the rule texts say, NATIONAL_CLAUSES).
    deadlines: { ...rubric.deadlines, asylumRegistration: null },
    rules: rubric.rules.map((rule) => ({
      ...rule,
      title: textIn(rule, 'title', country),
      explanation: textIn(rule, 'explanation', country),
      legalBasis: basesIn(rule, country),
    })),
  };
}

/** Every country's rubric of a version (for checks over all of them). */
export function rubricsByCountry(rubric: Rubric): [Country, Rubric][] {
  return COUNTRIES.map((c) => [c, rubricForCountry(rubric, c)]);
}
