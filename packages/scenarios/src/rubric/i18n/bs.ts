import type { RubricTranslation } from './types';

/** The rubric in Bosnian (Latin, ijekavian). Rule ids, axes and legal citations stay as they are. */
export const BS: RubricTranslation = {
  title: 'Osnovna rubrika Crossroads',
  changelog: {
    '1.0.0': 'Prva objavljena verzija.',
    '1.1.0':
      'RIGHTS.INTERPRETER.NEUTRAL: dokazi +1 → +2 (stalni, nepristrasni sudski tumač štiti iskaz na suđenju).',
    '2.0.0':
      'Jezik scenarija 2 (činjenice, ne ocjene): potjere, smrti, otkrivanje svjedoka i konzularno obavještavanje ocjenjuju se iz činjenica; pritvor osumnjičenih prema članu 5 EKLJP i Direktivi 2013/48; crvena linija više ne ograničava ocjenu dokaza; nalazi o odgovornosti države.',
    '2.1.0':
      'Pomoć pružena bez naknade: osoba kojoj ništa nije plaćeno za prevoz, smještaj ili hranu, a koja je uhapšena ili optužena kao krijumčar, tretirana je kao krijumčar izvan krivičnog djela tamo gdje djelo zahtijeva korist (P−2 D−1), a tamo gdje zakon kažnjava i pomoć bez koristi, gonjena je za pomoć koju pravo EU dopušta da se izuzme (P−1). Hapšenje i kasnija optužba ocjenjuju se svako posebno; svjedok se gubi jednom.',
  },
  situations: {
    R01: 'Prepun kombi ili hladnjača; putnici u nevolji',
    R02: 'Razvrstavanje putnika',
    R03: 'Neko kaže „azil“',
    R04: 'Grupa pronađena u unutrašnjosti teritorije',
    R05: 'Udaljenje u sigurnu treću zemlju',
    R06: '„Imam 16 godina“',
    R07: 'Maloljetnik bez pratnje je ključni svjedok',
    R08: 'Ključni svjedoci odlaze za nekoliko dana',
    R09: 'Svjedoci odlaze; ništa nije preduzeto',
    R10: 'Jedini dostupni tumač je putnik ili posrednik',
    R11: 'Prevođenje na pogrešan jezik',
    R12: 'Vozačev telefon',
    R13: 'Telefoni migranata sadrže prepiske s krijumčarem',
    R14: 'Biometrija i fotografije',
    R15: 'Telefon organizatora',
    R16: 'Krijumčar na Telegramu: prikriveni rad',
    R17: 'Dokazivanje zarade',
    R18: 'Trag novca',
    R19: 'Dojava finansijsko-obavještajne jedinice',
    R20: 'Video-nadzor, ANPR, putarine i telekomunikacijski podaci',
    R21: 'Vozilo, prostorije i skriveni prostor',
    R22: 'Veze u inostranstvu',
    R23: 'Susjedna policija predlaže „brzu predaju“',
    R24: 'Indikatori trgovine ljudima',
    R25: 'Žrtva je počinila djelo pod prinudom',
    R26: 'Putnik je „pomagao oko pravca“',
    R27: 'Vozač nudi da imenuje organizatora',
    R28: 'Svjedok se boji odmazde',
    R29: 'Odrasla osoba pred udaljenjem: zadržavanje',
    R30: 'Porodica s djecom: smještaj',
    R31: 'Kombi neće da stane',
    R32: 'Smrt ili teška povreda',
    R33: 'Konzularni kontakt',
    R34: 'Civilno društvo traži pristup',
    R35: 'Mediji',
    R36: 'Povratak osoba kojima zaštita nije potrebna',
    R37: 'Ispitivanje osumnjičenog',
    R38: 'Oglasi na internetu',
  },
  rules: {
    'RIGHTS.LIFE.TRIAGE': [
      'Život na prvom mjestu: prva pomoć i trijaža na vrijeme',
      'Povrijeđeni, pothlađeni i osobe u akutnoj nevolji dobili su zrak, prvu pomoć i trijažu u roku, prije bilo koje istražne radnje.',
    ],
    'RIGHTS.LIFE.TRIAGE_LATE': [
      'Prva pomoć pružena sa zakašnjenjem',
      'Prva pomoć je stigla tek nakon isteka roka; u zatvorenom ili rashladnom vozilu minute odlučuju o preživljavanju.',
    ],
    'RIGHTS.LIFE.NO_ASSISTANCE': [
      'Osoba u nevolji nije dobila prvu pomoć',
      'Povrijeđena, pothlađena osoba ili osoba u akutnoj nevolji tokom cijele igre nije dobila prvu pomoć niti trijažu.',
    ],
    'RIGHTS.LIFE.KEPT_INSIDE': [
      'Ljudi zadržani u vozilu uprkos opasnosti',
      'Putnici su zadržani u vozilu dok je neko bio pothlađen, povrijeđen ili u nevolji. Čekanje tužioca ili šlep-službe nikada nije razlog da se ljudi ostave u predvidivoj opasnosti po život.',
    ],
    'RIGHTS.MEDICAL.CARE': [
      'Obezbijeđena medicinska pomoć',
      'Svaka povrijeđena, pothlađena, akutno bolesna ili trudna osoba je u roku predata medicinskoj službi.',
    ],
    'RIGHTS.MEDICAL.DELAYED': [
      'Medicinska pomoć je kasnila',
      'Medicinska pomoć je stigla, ali nakon isteka roka za osobu čije je stanje to zahtijevalo.',
    ],
    'RIGHTS.MEDICAL.DENIED': [
      'Medicinska pomoć nikada nije obezbijeđena',
      'Povrijeđena, pothlađena, akutno bolesna ili trudna osoba nikada nije predata medicinskoj službi.',
    ],
    'RIGHTS.LIFE.RECKLESS_CHASE': [
      'Nepromišljena potjera za natovarenim vozilom',
      'Potjera je vođena tako da je živote putnika i prolaznika izložila predvidivoj opasnosti. Sila mora biti planirana i strogo neophodna.',
    ],
    'RIGHTS.LIFE.CONTROLLED_STOP': [
      'Planirano, kontrolisano zaustavljanje',
      'Vozilo je zaustavljeno planski (praćenje, sigurno mjesto zaustavljanja), čime su zaštićeni životi, a lice mjesta je ostalo netaknuto.',
    ],
    'RIGHTS.LIFE.DEATH_INQUIRY': [
      'Smrt ili teška povreda propisno istražena',
      'Lice mjesta je obezbijeđeno, preminuli identifikovan, porodica obaviještena i otvorena nezavisna istraga, uključujući i postupanje službenih lica.',
    ],
    'RIGHTS.LIFE.NO_INQUIRY': [
      'Smrt bez djelotvorne istrage',
      'Tijelo je brzo predato i nije uslijedila nezavisna istraga.',
    ],
    'EVIDENCE.SORTING.SEPARATE_SUSPECTS': [
      'Osumnjičeni odvojeni, položaji zabilježeni',
      'Osumnjičeni vozači ili vodiči odvojeni su od putnika, čime njihovi iskazi ostaju nezavisni.',
    ],
    'RIGHTS.STATUS.CUFF_ALL': [
      'Svima stavljene lisice kao osumnjičenima',
      'Svi putnici su sputani kao da su osumnjičeni. Krijumčarene osobe su svjedoci, a ne počinioci; sila mora biti pojedinačna i neophodna.',
    ],
    'RIGHTS.ASYLUM.REGISTERED': [
      'Namjera da se zatraži azil evidentirana ili osoba upućena na vrijeme',
      'Po izraženoj želji da se zatraži azil postupljeno je u roku od 72 sata: namjera je evidentirana ili je osoba upućena u centar za azil ili prihvatni centar. Računa se bilo koja od te dvije radnje; u opisu piše koje su preduzete.',
    ],
    'RIGHTS.ASYLUM.REGISTERED_LATE': [
      'Namjera da se zatraži azil evidentirana sa zakašnjenjem',
      'Namjera je evidentirana tek nakon isteka roka od 72 sata, pa je osoba u međuvremenu ostala bez statusa.',
    ],
    'RIGHTS.ASYLUM.IGNORED': [
      'Želja za azilom je zanemarena',
      'Osoba je rekla da želi azil, a nikada nije evidentirana niti upućena. Niko ne smije biti isključen iz zaštite pored puta.',
    ],
    'RIGHTS.NONPENALISATION.MISDEMEANOUR': [
      'Krijumčareni migrant optužen za nezakonit ulazak',
      'Krijumčarena osoba ili tražilac azila optužen je za granični prekršaj zato što je krijumčaren. Migranti ne smiju biti kažnjeni zato što su bili predmet krijumčarenja.',
    ],
    'RIGHTS.NONREFOULEMENT.PUSHBACK': [
      'Prisilno vraćanje preko granice (pushback)',
      'Ljudi su sprovedeni ili prisiljeni da se vrate preko granice bez pojedinačne odluke. To je kolektivno protjerivanje koje ih izlaže vraćanju u opasnost (refoulement); ništa ga ne opravdava.',
    ],
    'RIGHTS.NONREFOULEMENT.HANDOVER': [
      'Neformalna predaja susjednoj policiji',
      'Ljudi su predati stranoj policiji bez pojedinačne odluke, procjene rizika ili pravnog lijeka. Neformalna „brza predaja“ je kolektivno protjerivanje.',
    ],
    'RIGHTS.NONREFOULEMENT.REFUSED': [
      'Neformalno vraćanje odbijeno',
      'Timu je ponuđeno prisilno vraćanje ili predaja, a on je to odbio i svaku osobu zadržao u pojedinačnom postupku.',
    ],
    'RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL': [
      'Udaljenje bez pojedinačne procjene rizika',
      'Ljudi su udaljeni bez pojedinačne, ažurne procjene rizika kojem su izloženi, uključujući rizik od daljeg (lančanog) vraćanja u opasnost.',
    ],
    'RIGHTS.NONREFOULEMENT.PENDING_CLAIM': [
      'Tražilac azila udaljen',
      'Osoba koja je zatražila azil udaljena je prije nego što je zahtjev razmotren. Udaljenje dok traje zahtjev za zaštitu nosi rizik vraćanja u opasnost.',
    ],
    'RIGHTS.REMOVAL.INDIVIDUAL_ASSESSMENT': [
      'Pojedinačna, obrazložena odluka o povratku',
      'O povratku je odlučivano za svaku osobu posebno, uz aktuelnu procjenu rizika i pravni lijek.',
    ],
    'RIGHTS.EXPULSION.INDIVIDUAL_PROCESSING': [
      'Grupa pronađena u unutrašnjosti obrađena pojedinačno',
      'Grupa pronađena u unutrašnjosti teritorije obrađena je osobu po osobu umjesto da bude sprovedena nazad.',
    ],
    'RIGHTS.CHILD.GUARDIAN': [
      'Pretpostavljeno dijete: zatražen staratelj',
      'Svako ko jeste ili kaže da je mlađi od 18 godina tretiran je kao dijete i na vrijeme je od Centra za socijalni rad zatražen privremeni staratelj.',
    ],
    'RIGHTS.CHILD.GUARDIAN_LATE': [
      'Staratelj zatražen sa zakašnjenjem',
      'Staratelj je zatražen tek nakon isteka roka; do tada dijete nije imalo nikoga da djeluje u njegovo ime.',
    ],
    'RIGHTS.CHILD.NO_GUARDIAN': [
      'Dijete bez staratelja',
      '(Pretpostavljeno) dijete bez pratnje nikada nije dobilo staratelja, pa nije moglo izraziti namjeru da zatraži azil niti biti propisno saslušano.',
    ],
    'RIGHTS.CHILD.AGE_HOLISTIC': [
      'Sveobuhvatna procjena dobi',
      'Dob je procijenjena multidisciplinarnom metodom prilagođenom djetetu, uz tumačenje sumnje u korist osobe.',
    ],
    'RIGHTS.CHILD.AGE_XRAY_ONLY': [
      'Dob procjenjivana samo rendgenom ili bez ikakve metode',
      'Dob osobe koja tvrdi da je dijete procjenjivana je samo rendgenskim snimkom ili bez ikakve metode, umjesto multidisciplinarne procjene prilagođene djetetu, uz zaštitne mjere i tumačenje sumnje u njenu korist.',
    ],
    'RIGHTS.CHILD.WITH_ADULTS': [
      'Dijete smješteno s nepoznatim odraslim osobama',
      '(Pretpostavljeno) dijete smješteno je zajedno s odraslim osobama s kojima nije u srodstvu, izloženo zlostavljanju i mreži.',
    ],
    'RIGHTS.CHILD.DETENTION': [
      'Dijete lišeno slobode',
      '(Pretpostavljeno) dijete završilo je u policijskoj ćeliji, imigracionom centru ili zatvorenom kampu. Djeca se nikada ne zadržavaju iz migracijskih razloga.',
    ],
    'RIGHTS.CHILD.APPROPRIATE_CARE': [
      'Smještaj prilagođen djeci, bez lišenja slobode',
      '(Pretpostavljeno) dijete smješteno je u ustanovu za djecu, ili dijete s porodicom u prihvatni centar, a ne u policijsku ćeliju, imigracioni centar ili zatvoreni kamp. Djeca se nikada ne zadržavaju iz migracijskih razloga.',
    ],
    'EVIDENCE.CHILD.SAFEGUARDED_INTERVIEW': [
      'Dijete svjedok saslušano uz zaštitne mjere',
      'Dijete je saslušano u prisustvu staratelja, na način prilagođen djetetu i uz zapisnik, što štiti dijete i čini iskaz upotrebljivim.',
    ],
    'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN': [
      'Dijete ispitano bez staratelja',
      '(Pretpostavljeno) dijete je ispitano samo. Iskaz je izuzet, a dijete je izloženo šteti.',
    ],
    'EVIDENCE.WITNESS.EARLY_DEPOSITION': [
      'Rano saslušanje prije odlaska',
      'Svjedok koji će vjerovatno otići saslušan je pred tužiocem ili sudijom, uz obaviještenu odbranu, na video-snimku i sa stalnim sudskim tumačem, prije odlaska. Zapisnik se može koristiti na suđenju.',
    ],
    'EVIDENCE.WITNESS.DEFECTIVE_DEPOSITION': [
      'Saslušanje koje odbrana nije mogla provjeriti',
      'Saslušanje je obavljeno bez obavještavanja odbrane (ili bez upotrebljivog prevođenja), pa ima malu težinu kada svjedok ode.',
    ],
    'EVIDENCE.WITNESS.LOST': [
      'Svjedok izgubljen prije saslušanja',
      'Svjedok je otišao ili je udaljen prije bilo kakvog saslušanja koje je odbrana mogla provjeriti. Njegova izjava u policiji ne može iznijeti predmet na suđenju.',
    ],
    'RIGHTS.LIBERTY.WITNESS_DETAINED': [
      'Svjedok zadržan da bi bio dostupan',
      'Krijumčarena osoba koja je svjedok je zatvorena. Dostupnost svjedoka nije zakonit osnov za lišenje slobode, a zadržani svjedoci su loši svjedoci.',
    ],
    'RIGHTS.WITNESS.PROTECTED': [
      'Mjere zaštite svjedoka',
      'Uplašeni svjedok je zaštićen (pseudonim, video-veza, premještanje), što ga čuva sigurnim i spremnim da svjedoči.',
    ],
    'RIGHTS.WITNESS.EXPOSED': [
      'Uplašeni svjedok izložen',
      'Puni identitet svjedoka ušao je u spis ili optužnicu bez ikakve procjene rizika.',
    ],
    'RIGHTS.INTERPRETER.NEUTRAL': [
      'Stalni, nepristrasni sudski tumač',
      'Osoba koja ne govori jezik onoga ko je ispituje saslušana je preko stalnog sudskog tumača bez ikakvih veza s grupom.',
    ],
    'EVIDENCE.INTERPRETER.CO_NATIONAL': [
      'Putnik ili sunarodnik korišten kao tumač',
      'Saputnik ili pripadnik zajednice prevodio je na formalnom saslušanju. Može biti povezan s mrežom ili vršiti pritisak na svjedoka; iskaz je izuzet.',
    ],
    'EVIDENCE.INTERPRETER.TIED': [
      'Tumač povezan s osumnjičenima ili sa saslušanom osobom',
      'Na formalnom saslušanju ili pri uzimanju iskaza prevodio je neko ko je povezan s osumnjičenim ili sa saslušanom osobom (srodstvom, poslom ili istom mrežom, ili je i sam osumnjičen), bez obzira na to na kojoj je listi tumača i kakvo ovlaštenje ima. Takav tumač nije nezavisan: saslušana osoba pred njim možda neće slobodno govoriti, a odbrana može osporiti svaku riječ koju je preveo; iskaz je izuzet.',
    ],
    'RIGHTS.INTERPRETER.NONE': [
      'Saslušanje bez prevođenja',
      'Osoba je saslušana na jeziku koji ne govori, bez tumača. Na ono što je rekla ne može se osloniti.',
    ],
    'RIGHTS.INTERPRETER.WRONG_LANGUAGE': [
      'Prevođenje na pogrešan jezik',
      'Saslušanje je vođeno na jeziku koji osoba ne razumije (na primjer dari umjesto paštu).',
    ],
    'RIGHTS.INTERPRETER.REDONE': [
      'Manjkavo saslušanje prekinuto i ponovljeno',
      'Nakon saslušanja bez odgovarajućeg prevođenja osoba je ponovo saslušana uz odgovarajućeg tumača.',
    ],
    'EVIDENCE.INTERPRETER.UNCERTIFIED': [
      'Tumač bez ovlaštenja',
      'Angažovan je tumač koji nije na listi stalnih sudskih tumača; odbrana može osporiti tačnost zapisnika.',
    ],
    'EVIDENCE.DEVICE.ORDER': [
      'Uređaj osumnjičenog pretresen na osnovu naredbe',
      'Uređaj je privremeno oduzet i pretresen samo na osnovu naredbe, čime izvučeni podaci ostaju zakonit dokaz.',
    ],
    'EVIDENCE.DEVICE.NO_ORDER': [
      'Telefon pregledan bez naredbe',
      'Uređaj je pregledan bez naredbe i bez hitnosti. Ono što je pronađeno je izuzeto, kao i dokazi izvedeni iz toga.',
    ],
    'EVIDENCE.MIGRANT_PHONES.LIMITED': [
      'Telefoni migranata: ograničeno, zakonito izvlačenje podataka',
      'Kopirane su samo relevantne prepiske, uz zabilježen informisani pristanak ili naredbu, a telefoni su vraćeni.',
    ],
    'RIGHTS.PRIVACY.BLANKET_PHONES': [
      'Oduzimanje svih telefona migranata',
      'Svi telefoni su oduzeti i u potpunosti pročitani iako bi ograničena kopija bila dovoljna; svjedoci gube kontakt s porodicom i povjerenje u policiju.',
    ],
    'EVIDENCE.MIGRANT_PHONES.UNLAWFUL': [
      'Telefoni migranata pročitani bez pristanka ili naredbe',
      'Telefoni svjedoka pročitani su bez zabilježenog pristanka i bez naredbe. Sadržaj je izuzet.',
    ],
    'RIGHTS.DATA.CONSULATE_SHARE': [
      'Lični podaci poslani konzulatu',
      'Podaci o identitetu ili biometrija otišli su u zemlju porijekla, što može ugroziti tražioce azila i njihove porodice.',
    ],
    'RIGHTS.DATA.MEDIA': [
      'Prepoznatljivi snimci dati medijima',
      'Medijima su date fotografije ili video-snimci na kojima se ljudi mogu prepoznati.',
    ],
    'RIGHTS.DATA.MINIMAL': [
      'Uzeti samo neophodni podaci, sigurno čuvani',
      'Biometrija i fotografije ograničeni su na ono što zakon zahtijeva i sigurno se čuvaju.',
    ],
    'RIGHTS.CONSULAR.WITH_CONSENT': [
      'Konzulat obaviješten na zahtjev',
      'Konzulat je kontaktiran na zahtjev osobe ili uz njen pristanak.',
    ],
    'RIGHTS.CONSULAR.WITHOUT_CONSENT': [
      'Konzulat obaviješten bez pristanka',
      'Konzulat je obaviješten bez pristanka osobe; za nekoga ko traži azil to može ugroziti njega i njegovu porodicu.',
    ],
    'EVIDENCE.INTERCEPTION.AUTHORISED': [
      'Nadzor komunikacije na osnovu važeće naredbe',
      'Telefon organizatora je nadziran na osnovu naredbe sudije, pribavljene preko tužioca, u roku njenog važenja.',
    ],
    'EVIDENCE.INTERCEPTION.UNLAWFUL': [
      'Nadzor bez naredbe ili izvan nje',
      'Komunikacija je nadzirana bez naredbe ili nakon njenog isteka. Rezultat je izuzet.',
    ],
    'EVIDENCE.UNDERCOVER.AUTHORISED': [
      'Odobren prikriveni rad, bez podstrekavanja',
      'Prikriveni istražitelj je bio ovlašten i samo se uključio u djelo koje je već bilo u toku.',
    ],
    'EVIDENCE.UNDERCOVER.NO_ORDER': [
      'Prikrivena radnja bez potrebne naredbe',
      'Službenik je pod lažnim identitetom prikupljao dokaze (kao klijent, kupac ili član mreže) bez naredbe koju zakon traži prije početka takve radnje: po Zakoniku o krivičnom postupku Srbije, naredbe sudije za prethodni postupak na obrazloženi prijedlog javnog tužioca, za krivično djelo sa zakonske liste i na ograničeno vrijeme. Prikriveni kontakt i snimanje zadiru u privatni život i zahtijevaju takav pravni osnov; bez njega su snimci i iskaz službenika nezakoniti dokazi i izdvajaju se iz spisa, kao i dokazi izvedeni iz njih. To što službenik ništa nije podstakao ne nadoknađuje naredbu koja nedostaje.',
    ],
    'EVIDENCE.UNDERCOVER.ENTRAPMENT': [
      'Službenik je podstakao djelo',
      'Službenik je izazvao djelo koje se inače ne bi dogodilo. Dokazi su izuzeti kao podstrekavanje (provokacija).',
    ],
    'EVIDENCE.PROFIT.PROVEN': [
      'Imovinska korist dokazana',
      'Zakoniti dokazi (transferi, evidencija, gotovina, cjenovnici) dokazuju imovinsku ili drugu materijalnu korist koju djelo zahtijeva.',
    ],
    'EVIDENCE.PROFIT.UNPROVEN': [
      'Optužba bez dokaza o zaradi',
      'Neko je optužen za krijumčarenje, ali ništa zakonito ne dokazuje korist; „samo je vozio“ je odbrana koja pobjeđuje.',
    ],
    'EVIDENCE.MONEY.FINANCIAL_INVESTIGATION': [
      'Pokrenuta paralelna finansijska istraga',
      'Uporedo s krivičnom vođena je finansijska istraga, koja je dokazala zaradu i došla do imovine organizatora.',
    ],
    'EVIDENCE.MONEY.ASSET_FREEZE': [
      'Imovina zamrznuta',
      'Prihodi su zamrznuti prije nego što su mogli biti premješteni, čime su osigurani oduzimanje i obeštećenje žrtava.',
    ],
    'EVIDENCE.MONEY.NONE': [
      'Nema finansijske istrage',
      'Trag novca nikada nije praćen iako ga je scenarij nudio; organizatori zadržavaju zaradu.',
    ],
    'EVIDENCE.MONEY.FIU_CONVERTED': [
      'Obavještajni podaci FOO pretvoreni u dokaz',
      'Dojava finansijsko-obavještajnog odjeljenja pretvorena je u dokaz putem naredbi bankama i operaterima za prenos novca.',
    ],
    'EVIDENCE.MONEY.FIU_AS_EVIDENCE': [
      'Izvještaj FOO uložen u spis kao dokaz',
      'Obavještajni izvještaj uložen je u spis kao da je dokaz; ne može se koristiti na suđenju.',
    ],
    'EVIDENCE.CCTV.PRESERVED': [
      'Video-nadzor/ANPR sačuvan na vrijeme',
      'Podaci s kamera, čitača registarskih tablica i putarina sačuvani su u roku čuvanja, uz izjavu operatera.',
    ],
    'EVIDENCE.CCTV.PARTIAL': [
      'Video-nadzor/ANPR djelimično sačuvan',
      'Čuvanje je zatraženo nakon prvog dana; dio snimaka je već bio presnimljen.',
    ],
    'EVIDENCE.CCTV.LOST': [
      'Video-nadzor/ANPR zatražen prekasno ili nikako',
      'Rok čuvanja je istekao prije nego što je zatraženo čuvanje; snimaka više nema.',
    ],
    'EVIDENCE.VEHICLE.WITNESSED_SEALED': [
      'Pretres uz svjedoke, fotografije i pečate',
      'Vozilo (ili prostorije) i svaki skriveni prostor pretreseni su u prisustvu svjedoka, fotografisani i zapečaćeni za vještačenje.',
    ],
    'EVIDENCE.VEHICLE.UNSEALED': [
      'Pretres bez svjedoka ili pečata',
      'Vozilo je pretreseno ili odšlepano bez svjedoka i pečata; odbrana može napasti sve što je u njemu pronađeno.',
    ],
    'EVIDENCE.CUSTODY.BROKEN': [
      'Prekinut lanac čuvanja dokaza',
      'Predmet je prikupljen bez dokumentovanog lanca čuvanja; ostaje u spisu, ali ima manju težinu.',
    ],
    'EVIDENCE.OSINT.HASHED': [
      'Oglasi na internetu forenzički obezbijeđeni',
      'Oglasi su obezbijeđeni onako kako ih je javnost vidjela, forenzičkim alatom: cijele stranice i videozapisi s URL-om, vremenskim žigom i hešom, uz dnevnik snimanja. Svako može provjeriti da je kopija u spisu ono što je u tom trenutku bilo na internetu, šta god kanal kasnije izbrisao.',
    ],
    'EVIDENCE.OSINT.PRESERVED': [
      'Podaci na platformi sačuvani do naredbe',
      'Platformi je upućen zahtjev za čuvanje podataka: sadržaj naloga i podaci o pretplatniku i saobraćaju moraju se sačuvati, a ne izbrisati, dok ih ne pribavi naredba suda ili zamolnica za međunarodnu pravnu pomoć (hitno čuvanje podataka; kod pružaoca usluga u inostranstvu, preko države u kojoj je osnovan). Zahtjev nije dokaz i ne dokazuje ništa što je tim vidio; za to služi forenzičko obezbjeđivanje javnih oglasa, i svako se računa posebno.',
    ],
    'EVIDENCE.OSINT.SCREENSHOT': [
      'Snimci ekrana na privatnom telefonu',
      'Materijal s interneta čuvan je samo kao snimci ekrana na privatnom telefonu, bez heša i bez porijekla.',
    ],
    'EVIDENCE.CROSSBORDER.MLA': [
      'Formalna međunarodna saradnja',
      'Veze u inostranstvu praćene su formalnim kanalima (međunarodna pravna pomoć, Europol/SELEC, zajednički istražni tim, saslušanja putem video-veze), pa je ono što se vrati upotrebljivo pred sudom.',
    ],
    'EVIDENCE.CROSSBORDER.INFORMAL_ONLY': [
      'Neformalni kontakt nikada nije formalizovan',
      'Informacija je stigla neformalnim pozivom u inostranstvo i nije uslijedio formalni zahtjev, pa se ne može koristiti na suđenju.',
    ],
    'RIGHTS.TRAFFICKING.REFERRED': [
      'Upućeno na identifikaciju žrtve',
      'Čim su indikatori trgovine ljudima bili poznati, osoba je upućena na formalnu identifikaciju, s periodom za razmišljanje i bez udaljenja u međuvremenu.',
    ],
    'RIGHTS.TRAFFICKING.NOT_REFERRED': [
      'Nije postupljeno po indikatorima trgovine ljudima',
      'Indikatori trgovine ljudima bili su poznati, ali osoba nikada nije upućena na identifikaciju u roku.',
    ],
    'RIGHTS.TRAFFICKING.REMOVED_UNIDENTIFIED': [
      'Moguća žrtva udaljena prije identifikacije',
      'Osoba s indikatorima trgovine ljudima stavljena je u postupak udaljenja prije nego što je identifikacija završena.',
    ],
    'RIGHTS.TRAFFICKING.NON_PUNISHMENT': [
      'Primijenjeno nekažnjavanje',
      'Žrtva prisiljena na djelo tretirana je kao svjedok, a ne krivično gonjena.',
    ],
    'RIGHTS.TRAFFICKING.VICTIM_PROSECUTED': [
      'Moguća žrtva trgovine ljudima krivično gonjena',
      'Osoba s indikatorima trgovine ljudima optužena je za djelo na koje je možda bila prisiljena.',
    ],
    'RIGHTS.STATUS.PASSENGER_CHARGED': [
      'Putnik optužen bez procjene njegove uloge',
      'Krijumčareni putnik optužen je kao krijumčar bez prethodne procjene prinude, koristi i uloge na pojedinačnom saslušanju uz branioca.',
    ],
    'RIGHTS.STATUS.UNPAID_HELP_CHARGED': [
      'Pomoć pružena bez naknade tretirana kao krijumčarenje',
      'Osoba kojoj ništa nije plaćeno za ono što je učinila za migrante (rođak koji ih je povezao, volonterka koja im je dala smještaj ili hranu) tretirana je kao krijumčar: uhapšena kao krijumčar ili optužena za krijumčarenje; u opisu piše šta je od toga preduzeto. Krivično djelo krijumčarenja zahtijeva imovinsku ili drugu materijalnu korist; propisano je da obuhvati one koji zarađuju, a ne pomoć porodice ili humanitarnu pomoć. Bez nje nema krivičnog djela za koje bi osoba mogla biti osumnjičena ni optužena: ni hapšenje ni optužba nemaju se na šta osloniti, a osoba je izgubljena kao svjedok.',
    ],
    'RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED': [
      'Pomoć pružena bez naknade gonjena tamo gdje zakon to dopušta',
      'Osoba kojoj ništa nije plaćeno za ono što je učinila za migrante (rođak koji ih je povezao, volonterka koja im je dala smještaj ili hranu) uhapšena je ili optužena zbog toga; u opisu piše šta je od toga preduzeto. Tamo gdje zakon kažnjava i pomoć pruženu bez koristi, kako pravo EU dopušta državi članici, hapšenje ili optužba zbog nje mogu opstati. Ali Protokol nije imao namjeru da obuhvati pomoć porodice ili humanitarnu pomoć, pravo EU dopušta svakoj državi da izuzme humanitarnu pomoć, a Komisija traži od država članica da je ne kažnjavaju: prije hapšenja ili optuženja se procjenjuje da li je pomoć pružena bez naknade.',
    ],
    'EVIDENCE.STATUS.ROLE_ASSESSED': [
      'Uloga procijenjena prije optužbe',
      'Prije nego što je migrant optužen, na pojedinačnom saslušanju uz branioca procijenjeni su prinuda, korist i uloga.',
    ],
    'EVIDENCE.COOPERATION.FORMAL': [
      'Saradnja kroz formalni sporazum',
      'S optuženim koji sarađuje postupljeno je kroz formalni sporazum o priznanju krivnje ili o saradnji, pa se njegov iskaz može potkrijepiti i koristiti.',
    ],
    'EVIDENCE.COOPERATION.INFORMAL_PROMISE': [
      'Obećanje mimo zapisnika',
      'Osumnjičenom je mimo zapisnika obećano puštanje u zamjenu za imena; iskaz je nepouzdan i može se osporiti.',
    ],
    'RIGHTS.LIBERTY.GROUP_DETENTION': [
      'Automatsko zadržavanje cijele grupe',
      'Grupa je zatvorena u cjelini, bez pojedinačnih osnova i bez pokušaja s blažim mjerama.',
    ],
    'RIGHTS.LIBERTY.REVIEWED': [
      'Lišenje slobode obrazloženo i preispitano',
      'Osoba lišena slobode dobila je pisano obrazloženje na jeziku koji razumije i brzo sudsko preispitivanje (ili je puštena).',
    ],
    'RIGHTS.LIBERTY.NO_REVIEW': [
      'Lišenje slobode bez obrazloženja ili preispitivanja',
      'Osoba je ostala lišena slobode nakon isteka roka, bez pisanog obrazloženja i bez sudskog preispitivanja.',
    ],
    'RIGHTS.CSO.ACCESS': [
      'Organizaciji za pravnu pomoć omogućen pristup',
      'Advokati i monitori iz civilnog društva pušteni su unutra i njihova povjerljivost je poštovana.',
    ],
    'RIGHTS.CSO.BARRED': [
      'Organizaciji uskraćen pristup ili tražene njene bilješke',
      'Nezavisni pristup civilnog društva je odbijen, ili je organizacija tretirana kao prikupljač dokaza.',
    ],
    'EVIDENCE.SUSPECT.SAFEGUARDED_INTERVIEW': [
      'Osumnjičeni ispitan uz sve zaštitne mjere',
      'Osumnjičeni je poučen o pravima i ispitan uz branioca, tumača kada je potreban i uz snimanje.',
    ],
    'EVIDENCE.SUSPECT.NO_LAWYER': [
      'Osumnjičeni ispitan bez branioca',
      'Osumnjičeni je ispitan „hitno“ bez branioca i bez pouke o pravima. Iskaz je izuzet.',
    ],
    'RIGHTS.LIFE.UNCONTROLLED_PURSUIT': [
      'Potjera koja je ugrozila živote bez planiranja i kontrole',
      'Vozilo s ljudima (ili kroz naseljeno mjesto, ili ekstremnom brzinom) gonjeno je bez odobrenja komandira ili bez razmatranja sigurnijih načina zaustavljanja. Odlučuju činjenice potjere, a ne oznaka.',
    ],
    'RIGHTS.LIFE.INQUIRY_NOT_INDEPENDENT': [
      'Istraga nije nezavisna od uključenih',
      'Istragu smrti ili teške povrede vodila je uključena jedinica (ili policijske kolege kada su službenici bili uključeni), ili je izostavila postupanje samih službenika. Djelotvorna istraga mora biti nezavisna pravno i stvarno.',
    ],
    'RIGHTS.LIFE.BODY_RELEASED_EARLY': [
      'Tijelo predato prije obdukcije i identifikacije',
      'Tijelo je predato prije obdukcije i identifikacije: uzrok smrti više se ne može utvrditi, a porodica možda nikada neće saznati.',
    ],
    'RIGHTS.CONSULAR.DEATH_NOTIFIED': [
      'Konzulat obaviješten o smrti državljanina',
      'Konzulat je obaviješten o smrti svog državljanina, kako Bečka konvencija nalaže bez odgađanja; za ovo obavještenje pristanak nije potreban.',
    ],
    'RIGHTS.CONSULAR.REQUEST_IGNORED': [
      'Konzulat nije obaviješten iako je osoba lišena slobode tražila',
      'Strani državljanin lišen slobode tražio je da se obavijesti njegov konzulat, a to nikada nije učinjeno.',
    ],
    'RIGHTS.LIBERTY.SUSPECT_SAFEGUARDS': [
      'Osumnjičeni u pritvoru: branilac i preispitivanje na vrijeme',
      'Osumnjičeni lišen slobode dobio je na vrijeme pristup braniocu, pouku o pravima i hitnu sudsku kontrolu (ili je pušten).',
    ],
    'RIGHTS.LIBERTY.SUSPECT_NO_SAFEGUARDS': [
      'Osumnjičeni zadržan bez branioca i sudske kontrole',
      'Osumnjičeni je ostao u pritvoru i nakon isteka roka, bez pristupa braniocu i bez sudske kontrole.',
    ],
  },
};
