import type { EveryLanguage, LegalBasis, RubricLang } from './types';

/**
 * Legal sources cited by the rubric, written once so every rule spells them the same way. Each
 * instrument carries its name in every rubric language: the official title of the instrument or of
 * its ratified translation where one is in use (Serbian, Macedonian, Albanian and Bosnian readers look
 * the source up under that name), or a faithful rendering where none is (the Serbian statutes read in
 * the other languages).
 */

const LANGS: readonly RubricLang[] = ['en', 'sr-Latn', 'mk', 'sq', 'bs'];
const every = (f: (lang: RubricLang) => string): EveryLanguage =>
  Object.fromEntries(LANGS.map((lang) => [lang, f(lang)])) as EveryLanguage;
const names = (en: string, sr: string, mk: string, sq: string, bs: string): EveryLanguage => ({
  en,
  'sr-Latn': sr,
  mk,
  sq,
  bs,
});

/** How each language abbreviates an article and names a guideline, and its word for "and". */
const WORDS: Record<
  RubricLang,
  { art: string; arts: string; guideline: string; guidelines: string; and: string; limb: string }
> = {
  en: {
    art: 'art.',
    arts: 'arts',
    guideline: 'Guideline',
    guidelines: 'Guidelines',
    and: 'and',
    limb: '(procedural limb)',
  },
  'sr-Latn': {
    art: 'čl.',
    arts: 'čl.',
    guideline: 'smernica',
    guidelines: 'smernice',
    and: 'i',
    limb: '(procesni aspekt)',
  },
  mk: {
    art: 'чл.',
    arts: 'чл.',
    guideline: 'насока',
    guidelines: 'насоки',
    and: 'и',
    limb: '(процесен аспект)',
  },
  sq: {
    art: 'neni',
    arts: 'nenet',
    guideline: 'udhëzimi',
    guidelines: 'udhëzimet',
    and: 'dhe',
    limb: '(ana procedurale)',
  },
  bs: {
    art: 'čl.',
    arts: 'čl.',
    guideline: 'smjernica',
    guidelines: 'smjernice',
    and: 'i',
    limb: '(proceduralni aspekt)',
  },
};

/** Points of an article in Macedonian, by position in the alphabet (а, б, в, г, д, ѓ, е …). */
const MK_POINTS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'в',
  d: 'г',
  e: 'д',
  f: 'ѓ',
  g: 'е',
  h: 'ж',
};

/** Articles cited by subject rather than number (mostly Serbian statutes whose numbers are not verified). */
const SUBJECTS: Record<string, Omit<EveryLanguage, 'en'>> = {
  'rules on apprehension and questioning': {
    'sr-Latn': 'pravila o lišenju slobode i saslušanju',
    mk: 'правила за лишување од слобода и испитување',
    sq: 'rregullat për arrestimin dhe marrjen në pyetje',
    bs: 'pravila o lišenju slobode i saslušanju',
  },
  'hearing of minors; unlawful evidence': {
    'sr-Latn': 'saslušanje maloletnika; nezakoniti dokazi',
    mk: 'сослушување малолетници; незаконски докази',
    sq: 'marrja në pyetje e të miturve; provat e paligjshme',
    bs: 'saslušanje maloljetnika; nezakoniti dokazi',
  },
  'reading of pre-trial records': {
    'sr-Latn': 'čitanje zapisnika iz istrage',
    mk: 'читање записници од истрагата',
    sq: 'leximi i procesverbaleve të hetimit paraprak',
    bs: 'čitanje zapisnika iz istrage',
  },
  'search of movable property and devices': {
    'sr-Latn': 'pretresanje pokretnih stvari i uređaja',
    mk: 'претрес на подвижни предмети и уреди',
    sq: 'kontrolli i sendeve të luajtshme dhe i pajisjeve',
    bs: 'pretresanje pokretnih stvari i uređaja',
  },
  'unlawful evidence': {
    'sr-Latn': 'nezakoniti dokazi',
    mk: 'незаконски докази',
    sq: 'provat e paligjshme',
    bs: 'nezakoniti dokazi',
  },
  'undercover investigator': {
    'sr-Latn': 'prikriveni islednik',
    mk: 'прикриен истражител',
    sq: 'hetuesi i fshehtë',
    bs: 'prikriveni istražitelj',
  },
  'orders to banks': {
    'sr-Latn': 'naredbe bankama',
    mk: 'наредби до банките',
    sq: 'urdhrat drejtuar bankave',
    bs: 'naredbe bankama',
  },
  'evidence rules': {
    'sr-Latn': 'pravila o dokazima',
    mk: 'правила за доказите',
    sq: 'rregullat për provat',
    bs: 'pravila o dokazima',
  },
  'preservation of data; chain of custody': {
    'sr-Latn': 'čuvanje podataka; lanac čuvanja',
    mk: 'зачувување податоци; синџир на чување',
    sq: 'ruajtja e të dhënave; zinxhiri i ruajtjes',
    bs: 'čuvanje podataka; lanac čuvanja',
  },
  'preservation of data': {
    'sr-Latn': 'čuvanje podataka',
    mk: 'зачувување податоци',
    sq: 'ruajtja e të dhënave',
    bs: 'čuvanje podataka',
  },
  'search rules': {
    'sr-Latn': 'pravila o pretresanju',
    mk: 'правила за претрес',
    sq: 'rregullat për kontrollin',
    bs: 'pravila o pretresanju',
  },
  'evidence handling': {
    'sr-Latn': 'postupanje sa dokazima',
    mk: 'постапување со доказите',
    sq: 'trajtimi i provave',
    bs: 'postupanje s dokazima',
  },
  'electronic evidence': {
    'sr-Latn': 'elektronski dokazi',
    mk: 'електронски докази',
    sq: 'provat elektronike',
    bs: 'elektronski dokazi',
  },
  'plea and cooperation agreements': {
    'sr-Latn': 'sporazumi o priznanju krivičnog dela i o saradnji',
    mk: 'спогодби за признавање вина и за соработка',
    sq: 'marrëveshjet për pranimin e fajit dhe për bashkëpunim',
    bs: 'sporazumi o priznanju krivnje i o saradnji',
  },
  'mandatory defence; suspect interview': {
    'sr-Latn': 'obavezna odbrana; saslušanje osumnjičenog',
    mk: 'задолжителна одбрана; испитување на осомничениот',
    sq: 'mbrojtja e detyrueshme; marrja në pyetje e të dyshuarit',
    bs: 'obavezna odbrana; saslušanje osumnjičenog',
  },
  'mandatory defence; unlawful evidence': {
    'sr-Latn': 'obavezna odbrana; nezakoniti dokazi',
    mk: 'задолжителна одбрана; незаконски докази',
    sq: 'mbrojtja e detyrueshme; provat e paligjshme',
    bs: 'obavezna odbrana; nezakoniti dokazi',
  },
  'registration of intention; 72-hour reporting window': {
    'sr-Latn': 'evidentiranje namere; rok od 72 časa za javljanje',
    mk: 'евидентирање на намерата; рок од 72 часа за пријавување',
    sq: 'regjistrimi i qëllimit; afati 72-orësh për paraqitje',
    bs: 'evidentiranje namjere; rok od 72 sata za javljanje',
  },
  'registration of intention': {
    'sr-Latn': 'evidentiranje namere',
    mk: 'евидентирање на намерата',
    sq: 'regjistrimi i qëllimit',
    bs: 'evidentiranje namjere',
  },
  'right to remain pending the procedure': {
    'sr-Latn': 'pravo na boravak do okončanja postupka',
    mk: 'право на престој до завршување на постапката',
    sq: 'e drejta për të qëndruar deri në përfundim të procedurës',
    bs: 'pravo na boravak do okončanja postupka',
  },
  'temporary guardian for unaccompanied children': {
    'sr-Latn': 'privremeni staratelj za decu bez pratnje',
    mk: 'привремен старател за деца без придружба',
    sq: 'kujdestari i përkohshëm për fëmijët e pashoqëruar',
    bs: 'privremeni staratelj za djecu bez pratnje',
  },
  'age assessment; no detention of children': {
    'sr-Latn': 'procena uzrasta; zabrana pritvaranja dece',
    mk: 'проценка на возраста; забрана за притвор на деца',
    sq: 'vlerësimi i moshës; ndalimi i paraburgimit të fëmijëve',
    bs: 'procjena dobi; zabrana pritvaranja djece',
  },
  'guardianship, early identification': {
    'sr-Latn': 'starateljstvo, rana identifikacija',
    mk: 'старателство, рана идентификација',
    sq: 'kujdestaria, identifikimi i hershëm',
    bs: 'starateljstvo, rana identifikacija',
  },
  'extended confiscation': {
    'sr-Latn': 'prošireno oduzimanje imovine',
    mk: 'проширено одземање имот',
    sq: 'konfiskimi i zgjeruar',
    bs: 'prošireno oduzimanje imovine',
  },
  // Subjects that stand for a Serbian article number in another country's law (src/rubric/jurisdiction.ts).
  'smuggling of migrants': {
    'sr-Latn': 'krijumčarenje migranata',
    mk: 'криумчарење мигранти',
    sq: 'kontrabanda e migrantëve',
    bs: 'krijumčarenje migranata',
  },
  'language of proceedings; interpreter': {
    'sr-Latn': 'jezik postupka; tumač',
    mk: 'јазик на постапката; преведувач',
    sq: 'gjuha e procedurës; përkthyesi',
    bs: 'jezik postupka; tumač',
  },
  'special investigative measures': {
    'sr-Latn': 'posebne dokazne radnje',
    mk: 'посебни истражни мерки',
    sq: 'masat e posaçme hetimore',
    bs: 'posebne istražne radnje',
  },
  'non-penalisation of irregular entry': {
    'sr-Latn': 'nekažnjavanje za nezakonit ulazak',
    mk: 'неказнување за незаконски влез',
    sq: 'mosndëshkimi për hyrjen e parregullt',
    bs: 'nekažnjavanje za nezakonit ulazak',
  },
  // EU asylum law cited by subject (src/rubric/jurisdiction.ts: Croatia and Hungary).
  'access to the procedure; registration of applications': {
    'sr-Latn': 'pristup postupku; registracija zahteva',
    mk: 'пристап до постапката; регистрирање на барањата',
    sq: 'qasja në procedurë; regjistrimi i kërkesave',
    bs: 'pristup postupku; registracija zahtjeva',
  },
  // The Protocol's interpretative notes and the Commission's guidance on the Facilitators Package.
  'para. 88': { 'sr-Latn': 'tačka 88', mk: 'точка 88', sq: 'paragrafi 88', bs: 'tačka 88' },
  'not criminalising humanitarian assistance': {
    'sr-Latn': 'nekažnjavanje humanitarne pomoći',
    mk: 'неказнување на хуманитарната помош',
    sq: 'moskriminalizimi i ndihmës humanitare',
    bs: 'nekažnjavanje humanitarne pomoći',
  },
  'irregular crossing of the state border': {
    'sr-Latn': 'nedozvoljen prelazak državne granice',
    mk: 'недозволено преминување на државната граница',
    sq: 'kalimi i paligjshëm i kufirit shtetëror',
    bs: 'nedozvoljen prelazak državne granice',
  },
};

/**
 * An article as a reader of `lang` writes it: "art. 16(1), (3)" → "čl. 16(1), (3)", "neni 16(1), (3)";
 * "Guidelines 4 and 5" → "smernice 4 i 5"; a subject from the table above. An article the table does
 * not know stays in English, and the language test names it.
 */
export function articleIn(article: string, lang: RubricLang): string {
  if (lang === 'en') return article;
  const w = WORDS[lang];
  const rest = (s: string) => {
    const out = s.replace(' (procedural limb)', ` ${w.limb}`).replace(/ and (?=\d)/g, ` ${w.and} `);
    // Macedonian letters points in its own alphabet's order: (a) → (а), (b) → (б), (c) → (в), (d) → (г).
    return lang === 'mk'
      ? out.replace(/\(([a-z])\)/g, (_m, c: string) => `(${MK_POINTS[c] ?? c})`)
      : out;
  };
  const m = /^(art\.|arts|Guidelines|Guideline) (.+)$/.exec(article);
  if (m?.[1] && m[2] !== undefined) {
    const word =
      m[1] === 'art.'
        ? w.art
        : m[1] === 'arts'
          ? w.arts
          : m[1] === 'Guideline'
            ? w.guideline
            : w.guidelines;
    return `${word} ${rest(m[2])}`;
  }
  return SUBJECTS[article]?.[lang] ?? article;
}

const art = (instrument: EveryLanguage, article: string, verify?: boolean): LegalBasis => {
  const text = every((lang) => `${instrument[lang]} ${articleIn(article, lang)}`);
  return verify
    ? { instrument: instrument.en, article, text, verify }
    : { instrument: instrument.en, article, text };
};
const judgment = (court: EveryLanguage, name: EveryLanguage, verify?: boolean): LegalBasis => {
  const text = every((lang) => `${court[lang]}, ${name[lang]}`);
  return verify
    ? { instrument: court.en, case: name.en, text, verify }
    : { instrument: court.en, case: name.en, text };
};

const ECHR_NAME = names('ECHR', 'EKLJP', 'ЕКЧП', 'KEDNJ', 'EKLJP');
const ECTHR = names('ECtHR', 'ESLJP', 'ЕСЧП', 'GJEDNJ', 'ESLJP');

export const ECHR = (article: string): LegalBasis => art(ECHR_NAME, article);
export const P4_4: LegalBasis = art(
  names(
    'ECHR Protocol No. 4',
    'Protokol br. 4 uz EKLJP',
    'Протокол бр. 4 кон ЕКЧП',
    'Protokolli nr. 4 i KEDNJ',
    'Protokol br. 4 uz EKLJP',
  ),
  'art. 4',
);
export const SOM = (article: string): LegalBasis =>
  art(
    names(
      'UN Smuggling of Migrants Protocol',
      'Protokol protiv krijumčarenja migranata kopnom, morem i vazduhom',
      'Протокол против криумчарење мигранти по копнен, морски и воздушен пат',
      'Protokolli kundër kontrabandës së migrantëve nëpërmjet tokës, detit dhe ajrit',
      'Protokol protiv krijumčarenja migranata kopnom, morem i zrakom',
    ),
    article,
  );
/**
 * The interpretative notes for the official records of the negotiation of the Protocol (travaux
 * préparatoires), A/55/383/Add.1: para. 88 says the "financial or other material benefit" was written
 * into the definition to reach organised groups acting for profit and to leave out those who support
 * migrants for humanitarian reasons or on the basis of close family ties (family members, religious or
 * non-governmental support groups).
 */
export const SOM_NOTES: LegalBasis = art(
  names(
    'Interpretative notes on the UN Smuggling of Migrants Protocol (A/55/383/Add.1)',
    'Interpretativne beleške uz Protokol protiv krijumčarenja migranata (A/55/383/Add.1)',
    'Толковни белешки кон Протоколот против криумчарење мигранти (A/55/383/Адд.1)',
    'Shënimet interpretuese për Protokollin kundër kontrabandës së migrantëve (A/55/383/Add.1)',
    'Interpretativne bilješke uz Protokol protiv krijumčarenja migranata (A/55/383/Add.1)',
  ),
  'para. 88',
);
export const UNTOC = (article: string): LegalBasis =>
  art(
    names(
      'UNTOC',
      'Konvencija UN protiv transnacionalnog organizovanog kriminala',
      'Конвенција на ОН против транснационалниот организиран криминал',
      'Konventa e OKB-së kundër krimit të organizuar ndërkombëtar',
      'Konvencija UN-a protiv transnacionalnog organiziranog kriminala',
    ),
    article,
  );
export const TIP = (article: string): LegalBasis =>
  art(
    names(
      'UN Trafficking Protocol',
      'Protokol o prevenciji, suzbijanju i kažnjavanju trgovine ljudima, naročito ženama i decom',
      'Протокол за спречување, сузбивање и казнување на трговијата со луѓе, особено со жени и деца',
      'Protokolli për parandalimin, ndalimin dhe dënimin e trafikimit të personave, veçanërisht të grave dhe fëmijëve',
      'Protokol za sprečavanje, suzbijanje i kažnjavanje trgovine ljudima, naročito ženama i djecom',
    ),
    article,
  );
export const CETS197 = (article: string): LegalBasis =>
  art(
    names(
      'CoE Anti-Trafficking Convention (CETS 197)',
      'Konvencija Saveta Evrope o borbi protiv trgovine ljudima (CETS 197)',
      'Конвенција на Советот на Европа за борба против трговијата со луѓе (CETS 197)',
      'Konventa e Këshillit të Evropës për veprimin kundër trafikimit të qenieve njerëzore (CETS 197)',
      'Konvencija Vijeća Evrope o borbi protiv trgovine ljudima (CETS 197)',
    ),
    article,
  );
export const RC = (article: string): LegalBasis =>
  art(
    names(
      '1951 Refugee Convention',
      'Konvencija o statusu izbeglica (1951)',
      'Конвенција за статусот на бегалците (1951)',
      'Konventa për statusin e refugjatëve (1951)',
      'Konvencija o statusu izbjeglica (1951)',
    ),
    article,
  );
export const CRC = (article: string): LegalBasis =>
  art(
    names(
      'UN Convention on the Rights of the Child',
      'Konvencija UN o pravima deteta',
      'Конвенција на ОН за правата на детето',
      'Konventa e OKB-së për të drejtat e fëmijës',
      'Konvencija UN-a o pravima djeteta',
    ),
    article,
  );
export const JGC_4_23: LegalBasis = art(
  names(
    'CMW/CRC Joint General Comment No. 4/23 (2017)',
    'Zajednički opšti komentar br. 4 (CMW) i br. 23 (CRC) (2017)',
    'Заеднички општ коментар бр. 4 (CMW) и бр. 23 (CRC) (2017)',
    'Komenti i përgjithshëm i përbashkët nr. 4 (CMW) dhe nr. 23 (CRC) (2017)',
    'Zajednički opći komentar br. 4 (CMW) i br. 23 (CRC) (2017)',
  ),
  'age assessment; no detention of children',
);
export const CRC_GC6: LegalBasis = art(
  names(
    'CRC General Comment No. 6 (2005)',
    'Opšti komentar br. 6 Komiteta za prava deteta (2005)',
    'Општ коментар бр. 6 на Комитетот за правата на детето (2005)',
    'Komenti i përgjithshëm nr. 6 i Komitetit për të Drejtat e Fëmijës (2005)',
    'Opći komentar br. 6 Komiteta za prava djeteta (2005)',
  ),
  'guardianship, early identification',
);
export const OHCHR = (guideline: string): LegalBasis =>
  art(
    names(
      'OHCHR Principles and Guidelines on Human Rights at International Borders (2014)',
      'Preporučeni principi i smernice OHCHR o ljudskim pravima na međunarodnim granicama (2014)',
      'Препорачани начела и насоки на OHCHR за човековите права на меѓународните граници (2014)',
      'Parimet dhe udhëzimet e rekomanduara të OHCHR-së për të drejtat e njeriut në kufijtë ndërkombëtarë (2014)',
      'Preporučeni principi i smjernice OHCHR-a o ljudskim pravima na međunarodnim granicama (2014)',
    ),
    guideline,
  );
export const DIR_2010_64 = (article: string): LegalBasis =>
  art(
    names(
      'Directive 2010/64/EU (interpretation)',
      'Direktiva 2010/64/EU (pravo na tumačenje i prevođenje)',
      'Директива 2010/64/ЕУ (право на толкување и превод)',
      'Direktiva 2010/64/BE (e drejta për interpretim dhe përkthim)',
      'Direktiva 2010/64/EU (pravo na usmeno i pismeno prevođenje)',
    ),
    article,
  );
export const RETURN_DIR = (article: string): LegalBasis =>
  art(
    names(
      'Directive 2008/115/EC (Return Directive)',
      'Direktiva 2008/115/EZ (o vraćanju)',
      'Директива 2008/115/ЕЗ (за враќање)',
      'Direktiva 2008/115/KE (për kthimin)',
      'Direktiva 2008/115/EZ (o vraćanju)',
    ),
    article,
  );
/**
 * Council Directive 2002/90/EC defining the facilitation of unauthorised entry, transit and residence (with
 * Framework Decision 2002/946/JHA, the EU "Facilitators Package"): it makes the financial gain the UN
 * Protocol's definition requires optional for helping entry or transit, and leaves exempting humanitarian
 * help to each member state (domain brief, section 1.1). Binding on the EU member states of the route.
 */
export const FACILITATORS_DIR = (article: string): LegalBasis =>
  art(
    names(
      'Directive 2002/90/EC (facilitation of unauthorised entry, transit and residence)',
      'Direktiva 2002/90/EZ (pomaganje neovlašćenog ulaska, tranzita i boravka)',
      'Директива 2002/90/ЕЗ (помагање неовластен влез, транзит и престој)',
      'Direktiva 2002/90/KE (ndihma për hyrje, tranzit dhe qëndrim të paautorizuar)',
      'Direktiva 2002/90/EZ (pomaganje neovlaštenog ulaska, tranzita i boravka)',
    ),
    article,
  );
/**
 * The Commission's guidance on the Facilitators Package (OJ C 323, 1.10.2020, p. 1): humanitarian
 * assistance mandated by law may not be criminalised, and member states are invited to use the
 * exemption of Directive 2002/90/EC art. 1(2) for other humanitarian assistance. Soft law, cited
 * beside the Directive as EU law is (src/rubric/jurisdiction.ts).
 */
export const FACILITATION_GUIDANCE: LegalBasis = art(
  names(
    'Commission Guidance on the facilitation of unauthorised entry, transit and residence (2020/C 323/01)',
    'Smernice Komisije o pomaganju neovlašćenog ulaska, tranzita i boravka (2020/C 323/01)',
    'Насоки на Комисијата за помагање неовластен влез, транзит и престој (2020/C 323/01)',
    'Udhëzimet e Komisionit për ndihmën për hyrje, tranzit dhe qëndrim të paautorizuar (2020/C 323/01)',
    'Smjernice Komisije o pomaganju neovlaštenog ulaska, tranzita i boravka (2020/C 323/01)',
  ),
  'not criminalising humanitarian assistance',
);
export const LED = (article: string): LegalBasis =>
  art(
    names(
      'Directive (EU) 2016/680',
      'Direktiva (EU) 2016/680 (zaštita podataka o ličnosti u krivičnim stvarima)',
      'Директива (ЕУ) 2016/680 (заштита на личните податоци во кривичната материја)',
      'Direktiva (BE) 2016/680 (mbrojtja e të dhënave personale në çështjet penale)',
      'Direktiva (EU) 2016/680 (zaštita ličnih podataka u krivičnim stvarima)',
    ),
    article,
  );
export const VCCR = (article: string): LegalBasis =>
  art(
    names(
      'Vienna Convention on Consular Relations',
      'Bečka konvencija o konzularnim odnosima',
      'Виенска конвенција за конзуларните односи',
      'Konventa e Vjenës për marrëdhëniet konsullore',
      'Bečka konvencija o konzularnim odnosima',
    ),
    article,
  );
export const ICCPR = (article: string): LegalBasis =>
  art(
    names(
      'ICCPR',
      'Međunarodni pakt o građanskim i političkim pravima',
      'Меѓународен пакт за граѓанските и политичките права',
      'Pakti Ndërkombëtar për të Drejtat Civile dhe Politike',
      'Međunarodni pakt o građanskim i političkim pravima',
    ),
    article,
  );
export const CONV108 = art(
  names(
    'CoE Convention 108+',
    'Konvencija 108+ Saveta Evrope (zaštita podataka o ličnosti)',
    'Конвенција 108+ на Советот на Европа (заштита на личните податоци)',
    'Konventa 108+ e Këshillit të Evropës (mbrojtja e të dhënave personale)',
    'Konvencija 108+ Vijeća Evrope (zaštita ličnih podataka)',
  ),
  'art. 6, 11',
);
/**
 * Regulation (EU) 2024/1348, which replaced the Asylum Procedures Directive 2013/32/EU from 12 June
 * 2026: binding on EU member states (Croatia, Hungary), cited by subject (its article numbers are not
 * checked here).
 */
export const APR = (subject: string): LegalBasis =>
  art(
    names(
      'Regulation (EU) 2024/1348 (Asylum Procedure Regulation)',
      'Uredba (EU) 2024/1348 o postupku azila',
      'Регулатива (ЕУ) 2024/1348 за постапката за азил',
      'Rregullorja (BE) 2024/1348 për procedurën e azilit',
      'Uredba (EU) 2024/1348 o postupku azila',
    ),
    subject,
  );
/**
 * Kosovo's Constitution, art. 22 ("Direct Applicability of International Agreements and Instruments"):
 * the instruments it lists, the ECHR and its Protocols, the ICCPR and the CRC among them, apply
 * directly in Kosovo, which is not a party to them.
 */
export const KOSOVO_CONSTITUTION_22: EveryLanguage = names(
  'Constitution of Kosovo art. 22',
  'Ustav Kosova čl. 22',
  'Устав на Косово чл. 22',
  'Kushtetuta e Kosovës neni 22',
  'Ustav Kosova čl. 22',
);
const CPP_RS_NAME = names(
  'Serbian Criminal Procedure Code',
  'Zakonik o krivičnom postupku Srbije',
  'Законик за кривичната постапка на Србија',
  'Kodi i Procedurës Penale i Serbisë',
  'Zakonik o krivičnom postupku Srbije',
);
const CC_RS_NAME = names(
  'Serbian Criminal Code',
  'Krivični zakonik Srbije',
  'Кривичен законик на Србија',
  'Kodi Penal i Serbisë',
  'Krivični zakonik Srbije',
);
const ASYLUM_RS_NAME = names(
  'Serbian Law on Asylum and Temporary Protection (2018)',
  'Zakon o azilu i privremenoj zaštiti Srbije (2018)',
  'Закон за азил и привремена заштита на Србија (2018)',
  'Ligji i Serbisë për azilin dhe mbrojtjen e përkohshme (2018)',
  'Zakon o azilu i privremenoj zaštiti Srbije (2018)',
);
const BORDER_RS_NAME = names(
  'Serbian Law on Protection of the State Border',
  'Zakon o zaštiti državne granice Srbije',
  'Закон за заштита на државната граница на Србија',
  'Ligji i Serbisë për mbrojtjen e kufirit shtetëror',
  'Zakon o zaštiti državne granice Srbije',
);
const CONFISCATION_RS_NAME = names(
  'Serbian Law on Seizure and Confiscation of the Proceeds of Crime',
  'Zakon o oduzimanju imovine proistekle iz krivičnog dela Srbije',
  'Закон за одземање имот стекнат со кривично дело на Србија',
  'Ligji i Serbisë për sekuestrimin dhe konfiskimin e produkteve të veprës penale',
  'Zakon o oduzimanju imovine proistekle iz krivičnog djela Srbije',
);

export const CPP_RS = (article: string): LegalBasis => art(CPP_RS_NAME, article, true);
export const CC_RS = (article: string): LegalBasis => art(CC_RS_NAME, article, true);
export const ASYLUM_RS = (article: string): LegalBasis => art(ASYLUM_RS_NAME, article, true);
export const BORDER_RS = (article: string): LegalBasis => art(BORDER_RS_NAME, article, true);
export const CONFISCATION_RS: LegalBasis = art(CONFISCATION_RS_NAME, 'extended confiscation', true);

/** The kinds of national statute the rubric cites (Serbian ones by default). */
export type NationalLaw = 'cpp' | 'cc' | 'asylum' | 'border' | 'confiscation';

/**
 * The Serbian statutes the rubric cites, by their English instrument name: what a case investigated in
 * another country cites that country's law for instead (src/rubric/jurisdiction.ts).
 */
export const SERBIAN_LAW: Readonly<Record<string, NationalLaw>> = {
  [CPP_RS_NAME.en]: 'cpp',
  [CC_RS_NAME.en]: 'cc',
  [ASYLUM_RS_NAME.en]: 'asylum',
  [BORDER_RS_NAME.en]: 'border',
  [CONFISCATION_RS_NAME.en]: 'confiscation',
};
export const MLA_1959_AP2 = (article: string): LegalBasis =>
  art(
    names(
      '1959 European Convention on Mutual Assistance, 2nd Additional Protocol',
      'Drugi dodatni protokol uz Evropsku konvenciju o međusobnoj pomoći u krivičnim stvarima (1959)',
      'Втор дополнителен протокол кон Европската конвенција за меѓусебна правна помош во кривичната материја (1959)',
      'Protokolli i dytë shtesë i Konventës Evropiane për ndihmën e ndërsjellë juridike në çështjet penale (1959)',
      'Drugi dodatni protokol uz Evropsku konvenciju o međusobnoj pravnoj pomoći u krivičnim stvarima (1959)',
    ),
    article,
  );

/**
 * The Council of Europe Convention on Cybercrime (Budapest, 2001), under the name of each state's
 * ratification act: Serbia's "Konvencija o visokotehnološkom kriminalu", North Macedonia's "Конвенција за
 * компјутерски криминал", Albania's "Konventa për krimin kibernetik", BiH's "Konvencija o kibernetičkom
 * kriminalu". All four are parties.
 */
export const BUDAPEST = (article: string): LegalBasis =>
  art(
    names(
      'CoE Convention on Cybercrime (Budapest, CETS 185)',
      'Konvencija Saveta Evrope o visokotehnološkom kriminalu (CETS 185)',
      'Конвенција на Советот на Европа за компјутерски криминал (CETS 185)',
      'Konventa e Këshillit të Evropës për krimin kibernetik (CETS 185)',
      'Konvencija Vijeća Evrope o kibernetičkom kriminalu (CETS 185)',
    ),
    article,
  );

export const HIRSI = judgment(
  ECTHR,
  names(
    'Hirsi Jamaa and Others v. Italy [GC], no. 27765/09, 23 February 2012',
    'Hirsi Jamaa i drugi protiv Italije [VV], br. 27765/09, 23. februar 2012.',
    'Хирси Џамаа и други против Италија [ГС], бр. 27765/09, 23 февруари 2012',
    'Hirsi Jamaa dhe të tjerë kundër Italisë [DhM], nr. 27765/09, 23 shkurt 2012',
    'Hirsi Jamaa i drugi protiv Italije [VV], br. 27765/09, 23. februar 2012.',
  ),
);
export const SHAHZAD = judgment(
  ECTHR,
  names(
    'Shahzad v. Hungary, no. 12625/17, 8 July 2021',
    'Shahzad protiv Mađarske, br. 12625/17, 8. jul 2021.',
    'Шахзад против Унгарија, бр. 12625/17, 8 јули 2021',
    'Shahzad kundër Hungarisë, nr. 12625/17, 8 korrik 2021',
    'Shahzad protiv Mađarske, br. 12625/17, 8. juli 2021.',
  ),
);
export const ILIAS = judgment(
  ECTHR,
  names(
    'Ilias and Ahmed v. Hungary [GC], no. 47287/15, 21 November 2019',
    'Ilias i Ahmed protiv Mađarske [VV], br. 47287/15, 21. novembar 2019.',
    'Илијас и Ахмед против Унгарија [ГС], бр. 47287/15, 21 ноември 2019',
    'Ilias dhe Ahmed kundër Hungarisë [DhM], nr. 47287/15, 21 nëntor 2019',
    'Ilias i Ahmed protiv Mađarske [VV], br. 47287/15, 21. novembar 2019.',
  ),
);
export const MH_CROATIA = judgment(
  ECTHR,
  names(
    'M.H. and Others v. Croatia, no. 15670/18, 18 November 2021',
    'M.H. i drugi protiv Hrvatske, br. 15670/18, 18. novembar 2021.',
    'М.Х. и други против Хрватска, бр. 15670/18, 18 ноември 2021',
    'M.H. dhe të tjerë kundër Kroacisë, nr. 15670/18, 18 nëntor 2021',
    'M.H. i drugi protiv Hrvatske, br. 15670/18, 18. novembar 2021.',
  ),
);
export const SCHATSCHASCHWILI = judgment(
  ECTHR,
  names(
    'Schatschaschwili v. Germany [GC], no. 9154/10, 15 December 2015',
    'Schatschaschwili protiv Nemačke [VV], br. 9154/10, 15. decembar 2015.',
    'Шачашвили против Германија [ГС], бр. 9154/10, 15 декември 2015',
    'Schatschaschwili kundër Gjermanisë [DhM], nr. 9154/10, 15 dhjetor 2015',
    'Schatschaschwili protiv Njemačke [VV], br. 9154/10, 15. decembar 2015.',
  ),
);
export const AL_KHAWAJA = judgment(
  ECTHR,
  names(
    'Al-Khawaja and Tahery v. the United Kingdom [GC], 15 December 2011',
    'Al-Khawaja i Tahery protiv Ujedinjenog Kraljevstva [VV], 15. decembar 2011.',
    'Ал-Хаваџа и Тахери против Обединетото Кралство [ГС], 15 декември 2011',
    'Al-Khawaja dhe Tahery kundër Mbretërisë së Bashkuar [DhM], 15 dhjetor 2011',
    'Al-Khawaja i Tahery protiv Ujedinjenog Kraljevstva [VV], 15. decembar 2011.',
  ),
);
export const TRABAJO_RUEDA = judgment(
  ECTHR,
  names(
    'Trabajo Rueda v. Spain, no. 32600/12, 30 May 2017',
    'Trabajo Rueda protiv Španije, br. 32600/12, 30. maj 2017.',
    'Трабахо Руеда против Шпанија, бр. 32600/12, 30 мај 2017',
    'Trabajo Rueda kundër Spanjës, nr. 32600/12, 30 maj 2017',
    'Trabajo Rueda protiv Španije, br. 32600/12, 30. maj 2017.',
  ),
);
export const RAMANAUSKAS = judgment(
  ECTHR,
  names(
    'Ramanauskas v. Lithuania [GC], no. 74420/01, 5 February 2008',
    'Ramanauskas protiv Litvanije [VV], br. 74420/01, 5. februar 2008.',
    'Раманаускас против Литванија [ГС], бр. 74420/01, 5 февруари 2008',
    'Ramanauskas kundër Lituanisë [DhM], nr. 74420/01, 5 shkurt 2008',
    'Ramanauskas protiv Litvanije [VV], br. 74420/01, 5. februar 2008.',
  ),
);
export const BYKOV = judgment(
  ECTHR,
  names(
    'Bykov v. Russia [GC], no. 4378/02, 10 March 2009',
    'Bikov protiv Rusije [VV], br. 4378/02, 10. mart 2009.',
    'Биков против Русија [ГС], бр. 4378/02, 10 март 2009',
    'Bykov kundër Rusisë [DhM], nr. 4378/02, 10 mars 2009',
    'Bikov protiv Rusije [VV], br. 4378/02, 10. mart 2009.',
  ),
);
export const DARBOE = judgment(
  ECTHR,
  names(
    'Darboe and Camara v. Italy, no. 5797/17, 2022',
    'Darboe i Camara protiv Italije, br. 5797/17, 2022.',
    'Дарбое и Камара против Италија, бр. 5797/17, 2022',
    'Darboe dhe Camara kundër Italisë, nr. 5797/17, 2022',
    'Darboe i Camara protiv Italije, br. 5797/17, 2022.',
  ),
  true,
);
const RS_CONSTITUTIONAL_COURT = names(
  'Constitutional Court of Serbia',
  'Ustavni sud Srbije',
  'Уставен суд на Србија',
  'Gjykata Kushtetuese e Serbisë',
  'Ustavni sud Srbije',
);
/** Serbian courts whose judgments the rubric cites: binding in Serbia, not a basis in another country. */
export const SERBIAN_COURTS: ReadonlySet<string> = new Set([RS_CONSTITUTIONAL_COURT.en]);
export const UZ_1823 = judgment(
  RS_CONSTITUTIONAL_COURT,
  names(
    'Už-1823/2017, 29 December 2020',
    'Už-1823/2017, 29. decembar 2020.',
    'Уж-1823/2017, 29 декември 2020',
    'Už-1823/2017, 29 dhjetor 2020',
    'Už-1823/2017, 29. decembar 2020.',
  ),
);
export const BVERWG = judgment(
  names(
    'German Federal Administrative Court',
    'Savezni upravni sud Nemačke',
    'Сојузен управен суд на Германија',
    'Gjykata Federale Administrative e Gjermanisë',
    'Savezni upravni sud Njemačke',
  ),
  names(
    '1 C 19.21, 16 February 2023',
    '1 C 19.21, 16. februar 2023.',
    '1 C 19.21, 16 февруари 2023',
    '1 C 19.21, 16 shkurt 2023',
    '1 C 19.21, 16. februar 2023.',
  ),
);
export const DIR_2013_48 = (article: string): LegalBasis =>
  art(
    names(
      'Directive 2013/48/EU (access to a lawyer)',
      'Direktiva 2013/48/EU (pravo na pristup braniocu)',
      'Директива 2013/48/ЕУ (право на пристап до бранител)',
      'Direktiva 2013/48/BE (e drejta e aksesit te mbrojtësi)',
      'Direktiva 2013/48/EU (pravo na pristup advokatu)',
    ),
    article,
  );
export const DIR_2012_13 = (article: string): LegalBasis =>
  art(
    names(
      'Directive 2012/13/EU (right to information)',
      'Direktiva 2012/13/EU (pravo na informisanje)',
      'Директива 2012/13/ЕУ (право на информирање)',
      'Direktiva 2012/13/BE (e drejta për informim)',
      'Direktiva 2012/13/EU (pravo na informisanje)',
    ),
    article,
  );
/**
 * The EU law the rubric cites, by its English instrument name: binding on the EU member states of the
 * route, elsewhere the standard national law is being aligned with (src/rubric/jurisdiction.ts).
 */
export const EU_LAW: ReadonlySet<string> = new Set(
  [
    DIR_2010_64('art. 2'),
    RETURN_DIR('art. 15'),
    FACILITATORS_DIR('art. 1'),
    FACILITATION_GUIDANCE,
    LED('art. 10'),
    DIR_2013_48('art. 3'),
    DIR_2012_13('art. 3'),
    APR('access to the procedure; registration of applications'),
  ].map((b) => b.instrument),
);
export const MAKARATZIS = judgment(
  ECTHR,
  names(
    'Makaratzis v. Greece [GC], no. 50385/99, 20 December 2004',
    'Makaratzis protiv Grčke [VV], br. 50385/99, 20. decembar 2004.',
    'Макарацис против Грција [ГС], бр. 50385/99, 20 декември 2004',
    'Makaratzis kundër Greqisë [DhM], nr. 50385/99, 20 dhjetor 2004',
    'Makaratzis protiv Grčke [VV], br. 50385/99, 20. decembar 2004.',
  ),
);
export const RAMSAHAI = judgment(
  ECTHR,
  names(
    'Ramsahai and Others v. the Netherlands [GC], no. 52391/99, 15 May 2007',
    'Ramsahai i drugi protiv Holandije [VV], br. 52391/99, 15. maj 2007.',
    'Рамсахаи и други против Холандија [ГС], бр. 52391/99, 15 мај 2007',
    'Ramsahai dhe të tjerë kundër Holandës [DhM], nr. 52391/99, 15 maj 2007',
    'Ramsahai i drugi protiv Holandije [VV], br. 52391/99, 15. maj 2007.',
  ),
);
export const ARMANI_DA_SILVA = judgment(
  ECTHR,
  names(
    'Armani Da Silva v. the United Kingdom [GC], no. 5878/08, 30 March 2016',
    'Armani Da Silva protiv Ujedinjenog Kraljevstva [VV], br. 5878/08, 30. mart 2016.',
    'Армани Да Силва против Обединетото Кралство [ГС], бр. 5878/08, 30 март 2016',
    'Armani Da Silva kundër Mbretërisë së Bashkuar [DhM], nr. 5878/08, 30 mars 2016',
    'Armani Da Silva protiv Ujedinjenog Kraljevstva [VV], br. 5878/08, 30. mart 2016.',
  ),
);
export const MCCANN = judgment(
  ECTHR,
  names(
    'McCann and Others v. the United Kingdom [GC], no. 18984/91, 27 September 1995',
    'McCann i drugi protiv Ujedinjenog Kraljevstva [VV], br. 18984/91, 27. septembar 1995.',
    'Мекен и други против Обединетото Кралство [ГС], бр. 18984/91, 27 септември 1995',
    'McCann dhe të tjerë kundër Mbretërisë së Bashkuar [DhM], nr. 18984/91, 27 shtator 1995',
    'McCann i drugi protiv Ujedinjenog Kraljevstva [VV], br. 18984/91, 27. septembar 1995.',
  ),
);
