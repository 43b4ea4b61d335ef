import { CC_RS, ECHR, FACILITATION_GUIDANCE, FACILITATORS_DIR, SOM, SOM_NOTES } from './bases';
import type { LocalText, RubricPatch } from './types';

const t = (en: string, sr: string): LocalText => ({ en, 'sr-Latn': sr });

/**
 * Version 2.1.0 judges help given for nothing. A person the scenario says was paid nothing for what
 * they did for the migrants (a relative who gave a lift, a volunteer who gave shelter or food) and who
 * is charged with smuggling, or arrested as a smuggler, is scored by what the smuggling offence is
 * where the case is investigated (src/country.ts, SMUGGLING_WITHOUT_GAIN):
 * - where it requires a financial or other material benefit (the Protocol's arts 3(a) and 6(1); Serbia's
 *   CC art. 350(2) "for gain"), neither the arrest nor the charge has an offence to stand on: a serious
 *   rights loss, and an evidence loss (a witness turned suspect, a charge that cannot be proven);
 * - where the law punishes help without gain (Hungary, as Directive 2002/90/EC lets a member state do),
 *   the arrest or charge can stand, but it prosecutes help the Protocol was not meant to reach and that
 *   EU law lets each state exempt (art. 1(2)), which the Commission's 2020 guidance asks states not to
 *   criminalise: a lighter rights loss, and no evidence loss.
 * The arrest and a later charge are two decisions (usually of the police and the prosecutor), each
 * scored; the evidence loss is the person lost as a witness, counted once, at the first (the model's
 * unpaidHelp). The explanations hold for either act; each finding's detail names the one taken.
 * Derived from 2.0.0, so sessions pinned to 2.0.0 keep their figures.
 */
export const PATCH_V2_1_0: RubricPatch = {
  version: '2.1.0',
  note: t(
    'Help given for nothing: a person paid nothing for a lift, shelter or food who is arrested or charged as a smuggler is treated as one outside the offence where the offence requires gain (R−2 E−1), and where the law punishes help without gain, is prosecuted for help EU law lets states exempt (R−1). The arrest and a later charge are each scored; the witness is lost once.',
    'Pomoć pružena bez naknade: osoba kojoj ništa nije plaćeno za prevoz, smeštaj ili hranu, a koja je uhapšena ili optužena kao krijumčar, tretirana je kao krijumčar van krivičnog dela tamo gde delo zahteva korist (P−2 D−1), a tamo gde zakon kažnjava i pomoć bez koristi, gonjena je za pomoć koju pravo EU dopušta da se izuzme (P−1). Hapšenje i kasnija optužba ocenjuju se svako posebno; svedok se gubi jednom.',
  ),
  add: [
    {
      id: 'RIGHTS.STATUS.UNPAID_HELP_CHARGED',
      sketch: ['R26'],
      axis: 'both',
      points: { rights: -2, evidence: -1 },
      detection: 'model',
      title: t(
        'Help given for nothing treated as smuggling',
        'Pomoć pružena bez naknade tretirana kao krijumčarenje',
      ),
      explanation: t(
        'A person who was paid nothing for what they did for the migrants (a relative who gave a lift, a volunteer who gave shelter or food) was treated as a smuggler: arrested as one, or charged with smuggling; the detail says which. The smuggling offence requires a financial or other material benefit; it was written to reach those who profit, not family or humanitarian help. Without it there is no offence to suspect the person of or to charge them with: neither an arrest nor a charge has anything to stand on, and the person is lost as a witness.',
        'Osoba kojoj ništa nije plaćeno za ono što je učinila za migrante (rođak koji ih je povezao, volonterka koja im je dala smeštaj ili hranu) tretirana je kao krijumčar: uhapšena kao krijumčar ili optužena za krijumčarenje; u opisu piše šta je od toga preduzeto. Krivično delo krijumčarenja zahteva imovinsku ili drugu materijalnu korist; propisano je da obuhvati one koji zarađuju, a ne pomoć porodice ili humanitarnu pomoć. Bez nje nema krivičnog dela za koje bi osoba mogla biti osumnjičena ni optužena: ni hapšenje ni optužba nemaju na šta da se oslone, a osoba je izgubljena kao svedok.',
      ),
      legalBasis: [SOM('arts 3(a), 6(1)'), SOM_NOTES, CC_RS('art. 350(2)'), ECHR('art. 5(1)(c)')],
    },
    {
      id: 'RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED',
      sketch: ['R26'],
      axis: 'rights',
      points: { rights: -1 },
      detection: 'model',
      title: t(
        'Help given for nothing prosecuted where the law allows it',
        'Pomoć pružena bez naknade gonjena tamo gde zakon to dopušta',
      ),
      explanation: t(
        'A person who was paid nothing for what they did for the migrants (a relative who gave a lift, a volunteer who gave shelter or food) was arrested or charged for it; the detail says which. Where the law punishes help given without gain, as EU law lets a member state do, an arrest or a charge for it can stand. But the Protocol was not meant to reach family or humanitarian help, EU law lets each state exempt humanitarian assistance, and the Commission asks member states not to criminalise it: whether the help was given for nothing is weighed before arresting or charging.',
        'Osoba kojoj ništa nije plaćeno za ono što je učinila za migrante (rođak koji ih je povezao, volonterka koja im je dala smeštaj ili hranu) uhapšena je ili optužena zbog toga; u opisu piše šta je od toga preduzeto. Tamo gde zakon kažnjava i pomoć pruženu bez koristi, kako pravo EU dopušta državi članici, hapšenje ili optužba zbog nje mogu opstati. Ali Protokol nije imao nameru da obuhvati pomoć porodice ili humanitarnu pomoć, pravo EU dopušta svakoj državi da izuzme humanitarnu pomoć, a Komisija traži od država članica da je ne kažnjavaju: pre hapšenja ili optuženja se procenjuje da li je pomoć pružena bez naknade.',
      ),
      legalBasis: [
        FACILITATORS_DIR('art. 1(2)'),
        FACILITATION_GUIDANCE,
        SOM('art. 3(a)'),
        SOM_NOTES,
      ],
    },
  ],
};
