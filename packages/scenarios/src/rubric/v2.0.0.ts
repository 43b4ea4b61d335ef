import {
  ARMANI_DA_SILVA,
  CETS197,
  DIR_2012_13,
  DIR_2013_48,
  ECHR,
  MAKARATZIS,
  MCCANN,
  MH_CROATIA,
  OHCHR,
  RAMSAHAI,
  RETURN_DIR,
  RC,
  SOM,
  UNTOC,
  VCCR,
} from './bases';
import type { LocalText, RubricPatch } from './types';

const t = (en: string, sr: string): LocalText => ({ en, 'sr-Latn': sr });
/**
 * A finding against the state, in every language at once: it is a citation more than a sentence, so
 * it is written here beside the rule rather than in the translation files (which hold titles and
 * explanations).
 */
const finding = (en: string, sr: string, mk: string, sq: string, bs: string): LocalText => ({
  en,
  'sr-Latn': sr,
  mk,
  sq,
  bs,
});

const ART2_SUBSTANTIVE = finding(
  'ECHR art. 2 (right to life)',
  'EKLJP čl. 2 (pravo na život)',
  'ЕКЧП чл. 2 (право на живот)',
  'KEDNJ neni 2 (e drejta për jetën)',
  'EKLJP čl. 2 (pravo na život)',
);
const ART2_PROCEDURAL = finding(
  'ECHR art. 2, procedural limb (no effective investigation)',
  'EKLJP čl. 2, procesni aspekt (nema delotvorne istrage)',
  'ЕКЧП чл. 2, процесен аспект (нема делотворна истрага)',
  'KEDNJ neni 2, ana procedurale (mungesë e hetimit efektiv)',
  'EKLJP čl. 2, proceduralni aspekt (nema djelotvorne istrage)',
);
const ART3 = finding('ECHR art. 3', 'EKLJP čl. 3', 'ЕКЧП чл. 3', 'KEDNJ neni 3', 'EKLJP čl. 3');
const ART5 = finding(
  'ECHR art. 5 (liberty)',
  'EKLJP čl. 5 (sloboda)',
  'ЕКЧП чл. 5 (слобода)',
  'KEDNJ neni 5 (liria)',
  'EKLJP čl. 5 (sloboda)',
);
const ART8 = finding(
  'ECHR art. 8 (private life)',
  'EKLJP čl. 8 (privatni život)',
  'ЕКЧП чл. 8 (приватен живот)',
  'KEDNJ neni 8 (jeta private)',
  'EKLJP čl. 8 (privatni život)',
);
const P44 = finding(
  'ECHR Protocol 4 art. 4 (collective expulsion)',
  'Protokol 4 uz EKLJP čl. 4 (kolektivno proterivanje)',
  'Протокол бр. 4 кон ЕКЧП чл. 4 (колективно протерување)',
  'Protokolli nr. 4 i KEDNJ neni 4 (dëbimi kolektiv)',
  'Protokol br. 4 uz EKLJP čl. 4 (kolektivno protjerivanje)',
);
const ARTS_2_3 = finding(
  'ECHR arts 2 and 3',
  'EKLJP čl. 2 i 3',
  'ЕКЧП чл. 2 и 3',
  'KEDNJ nenet 2 dhe 3',
  'EKLJP čl. 2 i 3',
);

/**
 * Version 2.0.0 reads scenario language 2: facts in, findings out.
 * - Pursuits are judged from their facts (speed, setting, occupants, alternatives, authorisation); a death
 *   that follows an uncontrolled pursuit is the red line, the risk alone a serious breach.
 * - After a death or serious injury the duty is complete only with scene, autopsy, identification, family
 *   told and an inquiry independent of the unit involved that covers the officers' own conduct, with the
 *   family taking part. A body released before autopsy and identification, and an inquiry by the unit
 *   involved, are breaches of their own.
 * - Witness exposure, consular notice at a person's request and the mandatory death notice are detected.
 * - A criminal suspect's custody cites ECHR art. 5 and Directive 2013/48, not the Return Directive.
 * - The rights red line no longer caps the evidence score: evidence is lowered only where it is tainted.
 * - Rights losses name the finding against the state they support (state accountability).
 */
export const PATCH_V2_0_0: RubricPatch = {
  version: '2.0.0',
  note: t(
    'Scenario language 2 (facts, not verdicts): pursuits, deaths, witness exposure and consular notice judged from facts; suspects’ custody on ECHR 5 and Directive 2013/48; the red line no longer caps evidence; state accountability findings.',
    'Jezik scenarija 2 (činjenice, ne ocene): potere, smrti, otkrivanje svedoka i konzularno obaveštenje ocenjuju se iz činjenica; pritvor osumnjičenih po čl. 5 EKLJP i Direktivi 2013/48; crvena linija više ne ograničava ocenu dokaza; nalazi o odgovornosti države.',
  ),
  scoring: { redLineEvidenceCap: 100 },
  change: [
    {
      id: 'RIGHTS.LIFE.RECKLESS_CHASE',
      title: t(
        'Death or serious injury after an uncontrolled pursuit',
        'Smrt ili teška povreda posle nekontrolisane potere',
      ),
      explanation: t(
        'A pursuit that put lives at risk, neither authorised nor weighed against safer ways to stop the vehicle, was followed by a death or serious injury. Operations that endanger life must be planned and controlled to minimise the risk.',
        'Potera koja je ugrozila živote, bez odobrenja i bez razmatranja bezbednijih načina zaustavljanja, završila se smrću ili teškom povredom. Akcije koje ugrožavaju život moraju biti planirane i kontrolisane tako da rizik bude najmanji.',
      ),
      legalBasis: [ECHR('art. 2(1), (2)'), MAKARATZIS, MCCANN, SOM('art. 16(1)')],
      accountability: ART2_SUBSTANTIVE,
    },
    {
      id: 'RIGHTS.LIFE.CONTROLLED_STOP',
      title: t(
        'Planned, controlled stop or pursuit',
        'Planirano, kontrolisano zaustavljanje ili potera',
      ),
      explanation: t(
        'The vehicle was stopped or followed in a planned way: authorised, with safer ways weighed, at a speed and place that did not put the people on board or bystanders at risk.',
        'Vozilo je zaustavljeno ili praćeno planski: uz odobrenje, uz razmotrene bezbednije načine, brzinom i na mestu koji nisu ugrozili putnike ni prolaznike.',
      ),
      legalBasis: [ECHR('art. 2(1)'), MAKARATZIS],
    },
    {
      id: 'RIGHTS.LIFE.DEATH_INQUIRY',
      explanation: t(
        'Every step the law requires after a death or serious injury was taken: scene secured, autopsy and identification before the body was released, family told, and an inquiry independent of the unit involved that covers the officers’ own conduct, with the family taking part. The item lists what the log shows.',
        'Preduzet je svaki korak koji zakon zahteva posle smrti ili teške povrede: mesto osigurano, obdukcija i identifikacija pre predaje tela, porodica obaveštena i istraga nezavisna od uključene jedinice koja obuhvata i postupanje službenika, uz učešće porodice. Stavka navodi šta dnevnik pokazuje.',
      ),
      legalBasis: [ECHR('art. 2 (procedural limb)'), RAMSAHAI, ARMANI_DA_SILVA, MH_CROATIA],
    },
    {
      id: 'RIGHTS.LIFE.NO_INQUIRY',
      detection: 'model',
      title: t(
        'Death or serious injury without an effective inquiry',
        'Smrt ili teška povreda bez delotvorne istrage',
      ),
      explanation: t(
        'After a death or serious injury, steps the law requires were never taken (the item lists which): an effective investigation needs the scene, autopsy, identification, the family, and an inquiry independent of those involved.',
        'Posle smrti ili teške povrede nikada nisu preduzeti koraci koje zakon zahteva (stavka navodi koji): delotvorna istraga traži mesto događaja, obdukciju, identifikaciju, porodicu i istragu nezavisnu od uključenih.',
      ),
      legalBasis: [ECHR('art. 2 (procedural limb)'), RAMSAHAI, ARMANI_DA_SILVA, MH_CROATIA],
      accountability: ART2_PROCEDURAL,
    },
    {
      id: 'RIGHTS.WITNESS.EXPOSED',
      detection: 'model',
      explanation: t(
        'The identity of a witness who fears retaliation was disclosed without a risk assessment or without protective measures in place.',
        'Identitet svedoka koji se plaši odmazde otkriven je bez procene rizika ili bez mera zaštite.',
      ),
      legalBasis: [UNTOC('art. 24(1), (2)'), CETS197('art. 28'), ECHR('arts 2, 8')],
    },
    {
      id: 'RIGHTS.CONSULAR.WITH_CONSENT',
      explanation: t(
        'The consulate was told about an arrest or detention because the person asked for it, or with their consent.',
        'Konzulat je obavešten o hapšenju ili zadržavanju jer je lice to tražilo, ili uz njegov pristanak.',
      ),
      legalBasis: [VCCR('art. 36(1)(b)'), DIR_2013_48('art. 7'), SOM('art. 16(5)')],
    },
    {
      id: 'RIGHTS.CONSULAR.WITHOUT_CONSENT',
      explanation: t(
        'The consulate was told about a person who neither asked for it nor consented; for an asylum seeker this can expose them and their family to the authorities they fled.',
        'Konzulat je obavešten o licu koje to nije tražilo niti je pristalo; kod tražioca azila to može izložiti njega i porodicu vlastima od kojih je pobegao.',
      ),
      legalBasis: [VCCR('art. 36(1)(b)'), SOM('art. 16(5)'), RC('art. 33')],
      accountability: ART8,
    },
    {
      id: 'RIGHTS.LIBERTY.REVIEWED',
      legalBasis: [ECHR('art. 5(2), (4)'), RETURN_DIR('art. 15(2)'), OHCHR('Guideline 8')],
    },
    {
      id: 'RIGHTS.LIBERTY.NO_REVIEW',
      legalBasis: [ECHR('art. 5(2), (4)'), RETURN_DIR('art. 15(2)'), OHCHR('Guideline 8')],
      accountability: ART5,
    },
    { id: 'RIGHTS.LIBERTY.GROUP_DETENTION', accountability: ART5 },
    { id: 'RIGHTS.LIBERTY.WITNESS_DETAINED', accountability: ART5 },
    {
      id: 'RIGHTS.CHILD.DETENTION',
      accountability: finding(
        'ECHR arts 3 and 5',
        'EKLJP čl. 3 i 5',
        'ЕКЧП чл. 3 и 5',
        'KEDNJ nenet 3 dhe 5',
        'EKLJP čl. 3 i 5',
      ),
    },
    { id: 'RIGHTS.NONREFOULEMENT.PUSHBACK', accountability: P44 },
    { id: 'RIGHTS.NONREFOULEMENT.HANDOVER', accountability: P44 },
    {
      id: 'RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL',
      accountability: finding(
        'ECHR art. 3 and Protocol 4 art. 4',
        'EKLJP čl. 3 i Protokol 4 čl. 4',
        'ЕКЧП чл. 3 и Протокол бр. 4 чл. 4',
        'KEDNJ neni 3 dhe Protokolli nr. 4 neni 4',
        'EKLJP čl. 3 i Protokol br. 4 čl. 4',
      ),
    },
    { id: 'RIGHTS.NONREFOULEMENT.PENDING_CLAIM', accountability: ART3 },
    { id: 'RIGHTS.LIFE.KEPT_INSIDE', accountability: ARTS_2_3 },
    { id: 'RIGHTS.LIFE.NO_ASSISTANCE', accountability: ARTS_2_3 },
    { id: 'RIGHTS.MEDICAL.DENIED', accountability: ART3 },
    { id: 'RIGHTS.DATA.MEDIA', accountability: ART8 },
    { id: 'RIGHTS.DATA.CONSULATE_SHARE', accountability: ART8 },
    { id: 'RIGHTS.PRIVACY.BLANKET_PHONES', accountability: ART8 },
  ],
  add: [
    {
      id: 'RIGHTS.LIFE.UNCONTROLLED_PURSUIT',
      sketch: ['R31'],
      axis: 'both',
      points: { rights: -2, evidence: -1 },
      detection: 'model',
      title: t(
        'Pursuit that put lives at risk without planning or control',
        'Potera koja je ugrozila živote bez planiranja i kontrole',
      ),
      explanation: t(
        'A vehicle with people on board (or through a populated area, or at extreme speed) was pursued without a commander’s authorisation or without weighing safer ways to stop it. The facts of the pursuit decide, not a label.',
        'Vozilo sa ljudima (ili kroz naseljeno mesto, ili ekstremnom brzinom) gonjeno je bez odobrenja komandira ili bez razmatranja bezbednijih načina zaustavljanja. Odlučuju činjenice potere, a ne oznaka.',
      ),
      legalBasis: [ECHR('art. 2(1)'), MAKARATZIS, OHCHR('Guideline 4')],
    },
    {
      id: 'RIGHTS.LIFE.INQUIRY_NOT_INDEPENDENT',
      sketch: ['R32'],
      axis: 'both',
      points: { rights: -3, evidence: -1 },
      detection: 'model',
      title: t('Inquiry not independent of those involved', 'Istraga nije nezavisna od uključenih'),
      explanation: t(
        'The inquiry into a death or serious injury was run by the unit involved (or by police colleagues where officers were involved), or left out the officers’ own conduct. An effective investigation must be independent in law and in practice.',
        'Istragu smrti ili teške povrede vodila je uključena jedinica (ili policijske kolege kada su službenici bili uključeni), ili je izostavila postupanje samih službenika. Delotvorna istraga mora biti nezavisna pravno i stvarno.',
      ),
      legalBasis: [ECHR('art. 2 (procedural limb)'), RAMSAHAI, ARMANI_DA_SILVA],
      accountability: ART2_PROCEDURAL,
    },
    {
      id: 'RIGHTS.LIFE.BODY_RELEASED_EARLY',
      sketch: ['R32'],
      axis: 'both',
      points: { rights: -3, evidence: -2 },
      detection: 'model',
      title: t(
        'Body released before autopsy and identification',
        'Telo predato pre obdukcije i identifikacije',
      ),
      explanation: t(
        'The body was released before an autopsy and identification: the cause of death can no longer be established and the family may never know.',
        'Telo je predato pre obdukcije i identifikacije: uzrok smrti više se ne može utvrditi, a porodica možda nikada neće saznati.',
      ),
      legalBasis: [ECHR('art. 2 (procedural limb)'), MH_CROATIA, ARMANI_DA_SILVA],
      accountability: ART2_PROCEDURAL,
    },
    {
      id: 'RIGHTS.CONSULAR.DEATH_NOTIFIED',
      sketch: ['R33'],
      axis: 'rights',
      points: { rights: 1 },
      detection: 'model',
      title: t(
        'Consulate notified of a national’s death',
        'Konzulat obavešten o smrti državljanina',
      ),
      explanation: t(
        'The consulate was told of the death of one of its nationals, as the Vienna Convention requires without delay; no consent is needed for this notice.',
        'Konzulat je obavešten o smrti svog državljanina, kako Bečka konvencija nalaže bez odlaganja; za ovo obaveštenje pristanak nije potreban.',
      ),
      legalBasis: [VCCR('art. 37(a)')],
    },
    {
      id: 'RIGHTS.CONSULAR.REQUEST_IGNORED',
      sketch: ['R33'],
      axis: 'rights',
      points: { rights: -1 },
      detection: 'model',
      title: t(
        'Consulate not told although the detained person asked',
        'Konzulat nije obavešten iako je lice lišeno slobode tražilo',
      ),
      explanation: t(
        'A detained foreign national asked for their consulate to be told, and it never was.',
        'Strani državljanin lišen slobode tražio je da se obavesti njegov konzulat, a to nikada nije učinjeno.',
      ),
      legalBasis: [VCCR('art. 36(1)(b)'), DIR_2013_48('art. 7')],
      accountability: finding(
        'VCCR art. 36(1)(b)',
        'Bečka konvencija o konzularnim odnosima čl. 36(1)(b)',
        'Виенска конвенција за конзуларните односи чл. 36(1)(б)',
        'Konventa e Vjenës për marrëdhëniet konsullore neni 36(1)(b)',
        'Bečka konvencija o konzularnim odnosima čl. 36(1)(b)',
      ),
    },
    {
      id: 'RIGHTS.LIBERTY.SUSPECT_SAFEGUARDS',
      sketch: ['R37', 'R29'],
      axis: 'rights',
      points: { rights: 1 },
      detection: 'model',
      title: t(
        'Suspect in custody: lawyer and review in time',
        'Osumnjičeni u pritvoru: branilac i preispitivanje na vreme',
      ),
      explanation: t(
        'A criminal suspect deprived of liberty got access to a lawyer, information on their rights and prompt judicial control (or was released) in time.',
        'Osumnjičeni lišen slobode dobio je na vreme pristup braniocu, pouku o pravima i hitnu sudsku kontrolu (ili je pušten).',
      ),
      legalBasis: [ECHR('art. 5(1)(c), (3), (4)'), DIR_2013_48('art. 3'), DIR_2012_13('art. 4')],
    },
    {
      id: 'RIGHTS.LIBERTY.SUSPECT_NO_SAFEGUARDS',
      sketch: ['R37', 'R29'],
      axis: 'rights',
      points: { rights: -2 },
      detection: 'model',
      title: t(
        'Suspect held without a lawyer or judicial control',
        'Osumnjičeni zadržan bez branioca i sudske kontrole',
      ),
      explanation: t(
        'A criminal suspect stayed in custody past the deadline with no access to a lawyer and no judicial control.',
        'Osumnjičeni je ostao u pritvoru i po isteku roka, bez pristupa braniocu i bez sudske kontrole.',
      ),
      legalBasis: [ECHR('art. 5(1)(c), (3), (4)'), DIR_2013_48('art. 3'), DIR_2012_13('art. 4')],
      accountability: ART5,
    },
  ],
};
