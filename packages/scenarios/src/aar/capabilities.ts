/**
 * Core capabilities of the after-action report: a small set for migrant-smuggling investigations,
 * each covering situations of the rubric sketch (R01..R38). HSEEP analyses an exercise per core
 * capability; these play that part here. Every rubric rule lists its situations, so every scored
 * finding falls under exactly one capability (the one of its first situation).
 */
import type { LocalText } from '../rubric/types';

export const CAPABILITY_IDS = [
  'life-safety',
  'identification-interpretation',
  'protection-referral',
  'non-refoulement',
  'evidence-custody',
  'witnesses',
  'money-cooperation',
  'detention-rights',
] as const;
export type CapabilityId = (typeof CAPABILITY_IDS)[number];

export interface CoreCapability {
  id: CapabilityId;
  title: LocalText;
  description: LocalText;
  /** Situations of the rubric sketch it covers. */
  situations: string[];
}

export const CORE_CAPABILITIES: readonly CoreCapability[] = [
  {
    id: 'life-safety',
    title: {
      en: 'Life, safety and medical care',
      'sr-Latn': 'Život, bezbednost i medicinska pomoć',
      mk: 'Живот, безбедност и медицинска помош',
      sq: 'Jeta, siguria dhe kujdesi mjekësor',
      bs: 'Život, sigurnost i medicinska pomoć',
    },
    description: {
      en: 'Opening and triage, first aid and medical care, controlled stops, and an effective inquiry after a death or injury.',
      'sr-Latn':
        'Otvaranje i trijaža, prva pomoć i medicinska nega, kontrolisano zaustavljanje i delotvorna istraga nakon smrti ili povrede.',
      mk: 'Отворање и тријажа, прва помош и медицинска нега, контролирано запирање и ефикасна истрага по смрт или повреда.',
      sq: 'Hapja dhe triazhi, ndihma e parë dhe kujdesi mjekësor, ndalimet e kontrolluara dhe hetimi efektiv pas një vdekjeje ose lëndimi.',
      bs: 'Otvaranje i trijaža, prva pomoć i medicinska njega, kontrolisano zaustavljanje i djelotvorna istraga nakon smrti ili povrede.',
    },
    situations: ['R01', 'R31', 'R32'],
  },
  {
    id: 'identification-interpretation',
    title: {
      en: 'Identification and interpretation',
      'sr-Latn': 'Identifikacija i prevođenje',
      mk: 'Идентификација и толкување',
      sq: 'Identifikimi dhe interpretimi',
      bs: 'Identifikacija i prevođenje',
    },
    description: {
      en: "Telling suspects from migrants, assessing each person's role, and interviews in a language the person understands with a neutral, certified interpreter.",
      'sr-Latn':
        'Razlikovanje osumnjičenih od migranata, procena uloge svake osobe i razgovori na jeziku koji osoba razume, uz neutralnog, ovlašćenog prevodioca.',
      mk: 'Разликување на осомничените од мигрантите, проценка на улогата на секое лице и разговори на јазик што лицето го разбира, со неутрален, овластен толкувач.',
      sq: 'Dallimi i të dyshuarve nga migrantët, vlerësimi i rolit të secilit person dhe intervistat në një gjuhë që personi e kupton, me një përkthyes neutral e të certifikuar.',
      bs: 'Razlikovanje osumnjičenih od migranata, procjena uloge svake osobe i razgovori na jeziku koji osoba razumije, uz neutralnog, ovlaštenog prevodioca.',
    },
    situations: ['R02', 'R10', 'R11', 'R26'],
  },
  {
    id: 'protection-referral',
    title: {
      en: 'Protection and referral',
      'sr-Latn': 'Zaštita i upućivanje',
      mk: 'Заштита и упатување',
      sq: 'Mbrojtja dhe referimi',
      bs: 'Zaštita i upućivanje',
    },
    description: {
      en: 'Registering asylum intentions, guardians and care for children, referral of trafficking victims, non-punishment, consular contact only with consent, and access for civil-society organisations.',
      'sr-Latn':
        'Evidentiranje namere da se traži azil, staratelji i smeštaj za decu, upućivanje žrtava trgovine ljudima, nekažnjavanje, konzularni kontakt samo uz pristanak i pristup organizacija civilnog društva.',
      mk: 'Евидентирање на намерата за барање азил, старатели и сместување за децата, упатување на жртвите на трговија со луѓе, неказнување, конзуларен контакт само со согласност и пристап за граѓанските организации.',
      sq: 'Regjistrimi i synimit për azil, kujdestarët dhe kujdesi për fëmijët, referimi i viktimave të trafikimit, mosndëshkimi, kontakti konsullor vetëm me pëlqim dhe qasja për organizatat e shoqërisë civile.',
      bs: 'Evidentiranje namjere traženja azila, staratelji i smještaj za djecu, upućivanje žrtava trgovine ljudima, nekažnjavanje, konzularni kontakt samo uz pristanak i pristup organizacija civilnog društva.',
    },
    situations: ['R03', 'R06', 'R24', 'R25', 'R30', 'R33', 'R34'],
  },
  {
    id: 'non-refoulement',
    title: {
      en: 'Non-refoulement and return',
      'sr-Latn': 'Zabrana vraćanja i povratak',
      mk: 'Забрана за враќање и враќање',
      sq: 'Mosdëbimi dhe kthimi',
      bs: 'Zabrana vraćanja i povratak',
    },
    description: {
      en: 'Individual processing, no pushbacks or informal handovers, an up-to-date risk assessment, and returns only after individual decisions (and after deposition).',
      'sr-Latn':
        'Pojedinačno postupanje, bez vraćanja preko granice i neformalnih predaja, ažurna procena rizika i povratak tek nakon pojedinačnih odluka (i nakon saslušanja).',
      mk: 'Поединечно постапување, без враќање преку границата и неформални предавања, ажурна проценка на ризикот и враќање само по поединечни одлуки (и по сослушувањето).',
      sq: 'Trajtim individual, pa shtyrje prapa apo dorëzime joformale, vlerësim i përditësuar i rrezikut dhe kthim vetëm pas vendimeve individuale (dhe pas dëshmisë).',
      bs: 'Pojedinačno postupanje, bez vraćanja preko granice i neformalnih predaja, ažurna procjena rizika i povratak tek nakon pojedinačnih odluka (i nakon saslušanja).',
    },
    situations: ['R04', 'R05', 'R23', 'R36'],
  },
  {
    id: 'evidence-custody',
    title: {
      en: 'Evidence and chain of custody',
      'sr-Latn': 'Dokazi i lanac čuvanja',
      mk: 'Докази и синџир на чување',
      sq: 'Provat dhe zinxhiri i ruajtjes',
      bs: 'Dokazi i lanac čuvanja',
    },
    description: {
      en: 'Devices searched under an order, lawful interception and undercover work, preserved CCTV and data, sealed vehicles, hashed online captures, and personal data kept to what the law requires.',
      'sr-Latn':
        'Uređaji pretraženi po naredbi, zakonito presretanje i prikriveni rad, sačuvani snimci i podaci, zapečaćena vozila, heširani snimci sa interneta i lični podaci samo u meri koju zakon zahteva.',
      mk: 'Уреди пребарани по наредба, законско следење и прикриена работа, зачувани снимки и податоци, запечатени возила, хеширани снимки од интернет и лични податоци само колку што бара законот.',
      sq: 'Pajisje të kontrolluara me urdhër, përgjim dhe punë e fshehtë të ligjshme, regjistrime dhe të dhëna të ruajtura, automjete të vulosura, kapje në internet me hash dhe të dhëna personale vetëm aq sa kërkon ligji.',
      bs: 'Uređaji pretraženi po naredbi, zakonito presretanje i prikriveni rad, sačuvani snimci i podaci, zapečaćena vozila, heširani snimci s interneta i lični podaci samo u mjeri koju zakon zahtijeva.',
    },
    situations: ['R12', 'R13', 'R14', 'R15', 'R16', 'R20', 'R21', 'R35', 'R38'],
  },
  {
    id: 'witnesses',
    title: {
      en: 'Witnesses and testimony',
      'sr-Latn': 'Svedoci i iskazi',
      mk: 'Сведоци и искази',
      sq: 'Dëshmitarët dhe dëshmitë',
      bs: 'Svjedoci i iskazi',
    },
    description: {
      en: 'Child-sensitive interviews with a guardian, early depositions with the defence notified before witnesses leave, and protection for witnesses who fear retaliation.',
      'sr-Latn':
        'Razgovori prilagođeni deci uz staratelja, rana saslušanja uz obaveštenje odbrane pre nego što svedoci odu i zaštita svedoka koji se boje odmazde.',
      mk: 'Разговори прилагодени на децата, со старател, рани сослушувања со известување на одбраната пред сведоците да заминат и заштита на сведоците што се плашат од одмазда.',
      sq: 'Intervista të përshtatura për fëmijët me kujdestar, dëshmi të hershme me njoftimin e mbrojtjes para se dëshmitarët të largohen dhe mbrojtje për dëshmitarët që kanë frikë nga hakmarrja.',
      bs: 'Razgovori prilagođeni djeci uz staratelja, rana saslušanja uz obavještenje odbrane prije nego što svjedoci odu i zaštita svjedoka koji se boje odmazde.',
    },
    situations: ['R07', 'R08', 'R09', 'R28'],
  },
  {
    id: 'money-cooperation',
    title: {
      en: 'Money trail and inter-agency requests',
      'sr-Latn': 'Trag novca i zahtevi među službama',
      mk: 'Трага на парите и барања меѓу службите',
      sq: 'Gjurma e parave dhe kërkesat ndërmjet agjencive',
      bs: 'Trag novca i zahtjevi među službama',
    },
    description: {
      en: 'Proving profit, a financial investigation from the start, intelligence converted into evidence, formal cooperation of insiders, and cross-border requests through Europol, mutual legal assistance or a joint investigation team.',
      'sr-Latn':
        'Dokazivanje koristi, finansijska istraga od početka, obaveštajni podaci pretvoreni u dokaze, formalna saradnja okrivljenih i prekogranični zahtevi preko Evropola, međunarodne pravne pomoći ili zajedničkog istražnog tima.',
      mk: 'Докажување на користа, финансиска истрага од почеток, разузнавачки податоци претворени во докази, формална соработка на обвинетите и прекугранични барања преку Европол, меѓународна правна помош или заеднички истражен тим.',
      sq: 'Provimi i përfitimit, hetim financiar që në fillim, informacion i inteligjencës i shndërruar në prova, bashkëpunim formal i të pandehurve dhe kërkesa ndërkufitare përmes Europolit, ndihmës juridike reciproke ose ekipit të përbashkët hetimor.',
      bs: 'Dokazivanje koristi, finansijska istraga od početka, obavještajni podaci pretvoreni u dokaze, formalna saradnja optuženih i prekogranični zahtjevi preko Europola, međunarodne pravne pomoći ili zajedničkog istražnog tima.',
    },
    situations: ['R17', 'R18', 'R19', 'R22', 'R27'],
  },
  {
    id: 'detention-rights',
    title: {
      en: 'Detention and procedural rights',
      'sr-Latn': 'Lišenje slobode i procesna prava',
      mk: 'Лишување од слобода и процесни права',
      sq: 'Privimi i lirisë dhe të drejtat procedurale',
      bs: 'Lišenje slobode i procesna prava',
    },
    description: {
      en: 'Detention only as a last resort, with reasons and judicial review, and suspects interviewed with a lawyer, an interpreter and a recorded caution.',
      'sr-Latn':
        'Lišenje slobode samo kao krajnja mera, uz obrazloženje i sudsku kontrolu, i saslušanje osumnjičenih uz branioca, prevodioca i zabeleženu pouku o pravima.',
      mk: 'Лишување од слобода само како крајна мерка, со образложение и судска контрола, и сослушување на осомничените со бранител, толкувач и евидентирана поука за правата.',
      sq: 'Privim i lirisë vetëm si masë e fundit, me arsyetim dhe kontroll gjyqësor, dhe marrja në pyetje e të dyshuarve me avokat, përkthyes dhe paralajmërim të regjistruar për të drejtat.',
      bs: 'Lišenje slobode samo kao krajnja mjera, uz obrazloženje i sudsku kontrolu, i saslušanje osumnjičenih uz branioca, prevodioca i zabilježenu pouku o pravima.',
    },
    situations: ['R29', 'R37'],
  },
];

const BY_SITUATION = new Map<string, CapabilityId>(
  CORE_CAPABILITIES.flatMap((c) => c.situations.map((s) => [s, c.id] as const)),
);

/** The capability a finding belongs to: the one of its first situation the set covers. */
export function capabilityOf(situations: readonly string[]): CapabilityId | undefined {
  for (const s of situations) {
    const id = BY_SITUATION.get(s);
    if (id) return id;
  }
  return undefined;
}
