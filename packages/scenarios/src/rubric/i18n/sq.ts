import type { RubricTranslation } from './types';

/** The rubric in Albanian. Rule ids, axes and legal citations stay as they are. */
export const SQ: RubricTranslation = {
  title: 'Rubrika bazë e Crossroads',
  changelog: {
    '1.0.0': 'Versioni i parë i publikuar.',
    '1.1.0':
      'RIGHTS.INTERPRETER.NEUTRAL: provat +1 → +2 (një përkthyes i certifikuar dhe i paanshëm e mbron deklaratën në gjykim).',
    '2.0.0':
      'Gjuha e skenarit 2 (fakte, jo vlerësime): ndjekjet, vdekjet, ekspozimi i dëshmitarëve dhe njoftimi konsullor gjykohen nga faktet; ndalimi i të dyshuarve sipas nenit 5 KEDNJ dhe Direktivës 2013/48; vija e kuqe nuk e kufizon më vlerësimin e provave; konstatime për përgjegjësinë e shtetit.',
    '2.1.0':
      'Ndihma e dhënë pa pagesë: një person që nuk u pagua asgjë për transport, strehim ose ushqim dhe që arrestohet ose akuzohet si kontrabandist trajtohet si i tillë jashtë veprës penale aty ku vepra kërkon përfitim (D−2 P−1), dhe aty ku ligji dënon edhe ndihmën pa përfitim, ndiqet për ndihmë që e drejta e BE-së lejon të përjashtohet (D−1). Arrestimi dhe akuza e mëvonshme vlerësohen secili më vete; dëshmitari humbet një herë.',
  },
  situations: {
    R01: 'Furgon ose kamion frigorifer i mbingarkuar; udhëtarët në rrezik',
    R02: 'Ndarja e udhëtarëve',
    R03: 'Dikush thotë „azil“',
    R04: 'Grup i gjetur brenda territorit',
    R05: 'Largim drejt një vendi të tretë të sigurt',
    R06: '„Jam 16 vjeç“',
    R07: 'I mituri i pashoqëruar është dëshmitar kyç',
    R08: 'Dëshmitarët kyç do të largohen brenda pak ditësh',
    R09: 'Dëshmitarët po largohen; asgjë nuk është ndërmarrë',
    R10: 'I vetmi përkthyes i disponueshëm është një udhëtar ose ndërmjetës',
    R11: 'Përkthim në gjuhën e gabuar',
    R12: 'Telefoni i shoferit',
    R13: 'Telefonat e migrantëve përmbajnë bisedat me kontrabandistin',
    R14: 'Të dhënat biometrike dhe fotografitë',
    R15: 'Telefoni i organizatorit',
    R16: 'Kontrabandist në Telegram: punë e fshehtë',
    R17: 'Provimi i fitimit',
    R18: 'Gjurma e parave',
    R19: 'Sinjalizim nga njësia e inteligjencës financiare',
    R20: 'Kamerat, ANPR, pagesat rrugore dhe të dhënat e telekomunikimit',
    R21: 'Automjeti, ambientet dhe ndarja e fshehtë',
    R22: 'Lidhjet jashtë vendit',
    R23: 'Policia fqinje propozon një „dorëzim të shpejtë“',
    R24: 'Tregues të trafikimit të qenieve njerëzore',
    R25: 'Viktima ka kryer një vepër nën detyrim',
    R26: 'Udhëtari „ndihmoi me drejtimet“',
    R27: 'Shoferi ofron të emërojë organizatorin',
    R28: 'Dëshmitari ka frikë nga hakmarrja',
    R29: 'I rritur në pritje të largimit: ndalimi',
    R30: 'Familje me fëmijë: akomodimi',
    R31: 'Furgoni nuk ndalon',
    R32: 'Vdekje ose lëndim i rëndë',
    R33: 'Kontakti konsullor',
    R34: 'Shoqëria civile kërkon qasje',
    R35: 'Media',
    R36: 'Kthimi i personave pa nevojë për mbrojtje',
    R37: 'Marrja në pyetje e të dyshuarit',
    R38: 'Reklamat në internet',
  },
  rules: {
    'RIGHTS.LIFE.TRIAGE': [
      'Jeta në radhë të parë: ndihma e parë dhe triazhi në kohë',
      'Personat e lënduar, në hipotermi ose në gjendje akute morën ajër, ndihmë të parë dhe triazh brenda afatit, para çdo veprimi hetimor.',
    ],
    'RIGHTS.LIFE.TRIAGE_LATE': [
      'Ndihma e parë u dha me vonesë',
      'Ndihma e parë erdhi vetëm pasi kishte kaluar afati; në një automjet të mbyllur ose frigorifer minutat vendosin për mbijetesën.',
    ],
    'RIGHTS.LIFE.NO_ASSISTANCE': [
      'Asnjë ndihmë e parë për një person në rrezik',
      'Një person i lënduar, në hipotermi ose në gjendje akute nuk mori kurrë ndihmë të parë apo triazh gjatë gjithë lojës.',
    ],
    'RIGHTS.LIFE.KEPT_INSIDE': [
      'Njerëzit u mbajtën brenda automjetit ndonëse ishin në rrezik',
      'Udhëtarët u mbajtën brenda automjetit ndërkohë që dikush ishte në hipotermi, i lënduar ose në rrezik. Pritja e prokurorit ose e rimorkiatorit nuk është kurrë arsye për t’i lënë njerëzit në një rrezik të parashikueshëm për jetën.',
    ],
    'RIGHTS.MEDICAL.CARE': [
      'U sigurua kujdes mjekësor',
      'Çdo person i lënduar, në hipotermi, me sëmundje akute ose shtatzënë iu dorëzua kujdesit mjekësor brenda afatit.',
    ],
    'RIGHTS.MEDICAL.DELAYED': [
      'Kujdesi mjekësor u vonua',
      'Kujdesi mjekësor erdhi, por pas afatit për një person gjendja e të cilit e kërkonte.',
    ],
    'RIGHTS.MEDICAL.DENIED': [
      'Kujdesi mjekësor nuk u sigurua kurrë',
      'Një person i lënduar, në hipotermi, me sëmundje akute ose shtatzënë nuk iu dorëzua kurrë kujdesit mjekësor.',
    ],
    'RIGHTS.LIFE.RECKLESS_CHASE': [
      'Ndjekje e pamatur e një automjeti të ngarkuar',
      'Ndjekja u krye në një mënyrë që i vuri jetët e udhëtarëve dhe të kalimtarëve në rrezik të parashikueshëm. Forca duhet të jetë e planifikuar dhe rreptësisht e nevojshme.',
    ],
    'RIGHTS.LIFE.CONTROLLED_STOP': [
      'Ndalim i planifikuar dhe i kontrolluar',
      'Automjeti u ndal në mënyrë të planifikuar (ndjekje nga afër, pikë e sigurt ndalimi), gjë që mbron jetët dhe e ruan vendngjarjen të paprekur.',
    ],
    'RIGHTS.LIFE.DEATH_INQUIRY': [
      'Vdekja ose lëndimi i rëndë u hetua siç duhet',
      'Vendngjarja u sigurua, i ndjeri u identifikua, familja u njoftua dhe u hap një hetim i pavarur, përfshirë edhe ndaj zyrtarëve.',
    ],
    'RIGHTS.LIFE.NO_INQUIRY': [
      'Vdekje pa një hetim efektiv',
      'Trupi u dorëzua shpejt dhe nuk pasoi asnjë hetim i pavarur.',
    ],
    'EVIDENCE.SORTING.SEPARATE_SUSPECTS': [
      'Të dyshuarit u ndanë, pozicionet u regjistruan',
      'Shoferët ose shoqëruesit e dyshuar u ndanë nga udhëtarët, gjë që i mban dëshmitë e tyre të pavarura.',
    ],
    'RIGHTS.STATUS.CUFF_ALL': [
      'Të gjithë u prangosën si të dyshuar',
      'Të gjithë udhëtarët u kufizuan sikur të ishin të dyshuar. Njerëzit e kontrabanduar janë dëshmitarë, jo autorë; forca duhet të jetë individuale dhe e nevojshme.',
    ],
    'RIGHTS.ASYLUM.REGISTERED': [
      'Synimi për azil u regjistrua ose personi u referua në kohë',
      'Për dëshirën e shprehur për të kërkuar azil u veprua brenda 72 orëve: synimi u regjistrua ose personi u referua në një qendër azili ose pritjeje. Llogaritet cilido nga të dy veprimet; përshkrimi tregon cilat u kryen.',
    ],
    'RIGHTS.ASYLUM.REGISTERED_LATE': [
      'Synimi për azil u regjistrua me vonesë',
      'Synimi u regjistrua vetëm pas afatit prej 72 orësh, duke e lënë personin pa status ndërkohë.',
    ],
    'RIGHTS.ASYLUM.IGNORED': [
      'Dëshira për azil u shpërfill',
      'Një person tha se donte azil dhe nuk u regjistrua apo referua kurrë. Askush nuk mund të përjashtohet nga mbrojtja buzë rrugës.',
    ],
    'RIGHTS.NONPENALISATION.MISDEMEANOUR': [
      'Migrant i kontrabanduar i akuzuar për hyrje të parregullt',
      'Një person i kontrabanduar ose kërkues azili u akuzua për kundërvajtje kufitare sepse ishte kontrabanduar. Migrantët nuk mund të dënohen për faktin se kanë qenë objekt i kontrabandës.',
    ],
    'RIGHTS.NONREFOULEMENT.PUSHBACK': [
      'Shtyrje e dhunshme përtej kufirit (pushback)',
      'Njerëzit u shoqëruan ose u detyruan të ktheheshin përtej kufirit pa një vendim individual. Kjo është dëbim kolektiv dhe i ekspozon ndaj kthimit në rrezik (refoulement); asgjë nuk e justifikon.',
    ],
    'RIGHTS.NONREFOULEMENT.HANDOVER': [
      'Dorëzim joformal te policia fqinje',
      'Njerëzit iu dorëzuan një policie të huaj pa vendim individual, pa vlerësim të rrezikut dhe pa mjet ankimi. Një „dorëzim i shpejtë“ joformal është dëbim kolektiv.',
    ],
    'RIGHTS.NONREFOULEMENT.REFUSED': [
      'Kthimi joformal u refuzua',
      'Ekipit iu ofrua një shtyrje përtej kufirit ose një dorëzim dhe e refuzoi, duke e mbajtur çdo person në procedurë individuale.',
    ],
    'RIGHTS.NONREFOULEMENT.BLANKET_REMOVAL': [
      'Largim pa vlerësim individual të rrezikut',
      'Njerëzit u larguan pa një vlerësim individual dhe të përditësuar të rrezikut që përballojnë, përfshirë rrezikun e kthimit të mëtejshëm (zinxhir) në rrezik.',
    ],
    'RIGHTS.NONREFOULEMENT.PENDING_CLAIM': [
      'Kërkues azili i larguar',
      'Një person që kishte kërkuar azil u largua para se kërkesa të shqyrtohej. Largimi ndërkohë që kërkesa për mbrojtje është në pritje rrezikon kthimin në rrezik.',
    ],
    'RIGHTS.REMOVAL.INDIVIDUAL_ASSESSMENT': [
      'Vendim individual dhe i arsyetuar për kthimin',
      'Kthimi u vendos person për person, me një vlerësim aktual të rrezikut dhe me mjet ankimi.',
    ],
    'RIGHTS.EXPULSION.INDIVIDUAL_PROCESSING': [
      'Grupi i gjetur në brendësi u trajtua individualisht',
      'Një grup i gjetur brenda territorit u trajtua person pas personi, në vend që të shoqërohej mbrapsht.',
    ],
    'RIGHTS.CHILD.GUARDIAN': [
      'Fëmijë i supozuar: u kërkua kujdestar',
      'Kushdo që është ose thotë se është nën 18 vjeç u trajtua si fëmijë dhe iu kërkua në kohë një kujdestar i përkohshëm Qendrës për Punë Sociale.',
    ],
    'RIGHTS.CHILD.GUARDIAN_LATE': [
      'Kujdestari u kërkua me vonesë',
      'Kujdestari u kërkua vetëm pas afatit; deri atëherë fëmija nuk kishte askënd që të vepronte në emër të tij.',
    ],
    'RIGHTS.CHILD.NO_GUARDIAN': [
      'Fëmijë pa kujdestar',
      'Një fëmijë (i supozuar) i pashoqëruar nuk mori kurrë kujdestar, prandaj nuk mund të shprehte synimin për azil apo të dëgjohej siç duhet.',
    ],
    'RIGHTS.CHILD.AGE_HOLISTIC': [
      'Vlerësim holistik i moshës',
      'Mosha u vlerësua me një metodë multidisiplinare, të përshtatur për fëmijët, me përfitimin e dyshimit në favor të personit.',
    ],
    'RIGHTS.CHILD.AGE_XRAY_ONLY': [
      'Mosha u vlerësua vetëm me rreze X ose pa asnjë metodë',
      'Mosha e një personi që deklaroi se është fëmijë u vlerësua vetëm me një radiografi ose pa asnjë metodë, në vend të një vlerësimi multidisiplinar, të përshtatur për fëmijën, me garanci dhe me përfitimin e dyshimit.',
    ],
    'RIGHTS.CHILD.WITH_ADULTS': [
      'Fëmijë i vendosur me të rritur të panjohur',
      'Një fëmijë (i supozuar) u vendos bashkë me të rritur me të cilët nuk ka lidhje familjare, duke u ekspozuar ndaj abuzimit dhe rrjetit.',
    ],
    'RIGHTS.CHILD.DETENTION': [
      'Fëmijë i privuar nga liria',
      'Një fëmijë (i supozuar) përfundoi në qeli policie, në qendër ndalimi ose në kamp të mbyllur. Fëmijët nuk ndalohen kurrë për arsye migracioni.',
    ],
    'RIGHTS.CHILD.APPROPRIATE_CARE': [
      'Akomodim i përshtatshëm për fëmijët, pa privim lirie',
      'Një fëmijë (i supozuar) u vendos në një institucion për fëmijë, ose një fëmijë me familjen në një qendër pritjeje, jo në qeli policie, në qendër ndalimi ose në kamp të mbyllur. Fëmijët nuk ndalohen kurrë për arsye migracioni.',
    ],
    'EVIDENCE.CHILD.SAFEGUARDED_INTERVIEW': [
      'Fëmija dëshmitar u dëgjua me garanci',
      'Fëmija u dëgjua në prani të kujdestarit, në mënyrë të ndjeshme ndaj fëmijës dhe me procesverbal, gjë që e mbron fëmijën dhe e bën deklaratën të përdorshme.',
    ],
    'EVIDENCE.CHILD.INTERVIEW_WITHOUT_GUARDIAN': [
      'Fëmija u mor në pyetje pa kujdestar',
      'Një fëmijë (i supozuar) u mor në pyetje i vetëm. Deklarata përjashtohet dhe fëmija u ekspozua ndaj dëmit.',
    ],
    'EVIDENCE.WITNESS.EARLY_DEPOSITION': [
      'Deponim i hershëm para largimit',
      'Një dëshmitar që ka gjasa të largohet u dëgjua para prokurorit ose gjyqtarit, me mbrojtjen të njoftuar, me video dhe me përkthyes të certifikuar, para se të largohej. Procesverbali mund të përdoret në gjykim.',
    ],
    'EVIDENCE.WITNESS.DEFECTIVE_DEPOSITION': [
      'Deponim që mbrojtja nuk mundi ta kundërshtonte',
      'Deponimi u mor pa e njoftuar mbrojtjen (ose pa përkthim të përdorshëm), prandaj ka pak peshë pasi dëshmitari të jetë larguar.',
    ],
    'EVIDENCE.WITNESS.LOST': [
      'Dëshmitari u humb para deponimit',
      'Një dëshmitar u largua ose u largua me forcë para çdo deponimi që mbrojtja mund ta kundërshtonte. Deklarata e tij në polici nuk mund ta mbajë çështjen në gjykim.',
    ],
    'RIGHTS.LIBERTY.WITNESS_DETAINED': [
      'Dëshmitari u ndalua për ta mbajtur në dispozicion',
      'Një person i kontrabanduar që është dëshmitar u mbyll. Mbajtja e dëshmitarëve në dispozicion nuk është bazë ligjore për ndalim, dhe dëshmitarët e ndaluar janë dëshmitarë të dobët.',
    ],
    'RIGHTS.WITNESS.PROTECTED': [
      'Masa për mbrojtjen e dëshmitarit',
      'Një dëshmitar i frikësuar u mbrojt (pseudonim, lidhje video, zhvendosje), gjë që e mban të sigurt dhe të gatshëm të dëshmojë.',
    ],
    'RIGHTS.WITNESS.EXPOSED': [
      'Dëshmitari i frikësuar u ekspozua',
      'Identiteti i plotë i një dëshmitari hyri në dosje ose në aktakuzë pa asnjë vlerësim të rrezikut.',
    ],
    'RIGHTS.INTERPRETER.NEUTRAL': [
      'Përkthyes i certifikuar dhe i paanshëm',
      'Një person që nuk flet gjuhën e intervistuesit u dëgjua përmes një përkthyesi të certifikuar pa asnjë lidhje me grupin.',
    ],
    'EVIDENCE.INTERPRETER.CO_NATIONAL': [
      'Udhëtar ose bashkatdhetar i përdorur si përkthyes',
      'Një bashkudhëtar ose pjesëtar i komunitetit përktheu në një intervistë formale. Ai mund të jetë i lidhur me rrjetin ose të ushtrojë presion mbi dëshmitarin; deklarata përjashtohet.',
    ],
    'EVIDENCE.INTERPRETER.TIED': [
      'Përkthyes i lidhur me të dyshuarit ose me personin e dëgjuar',
      'Një intervistë formale ose një deponim u përkthye nga dikush i lidhur me një të dyshuar ose me personin e dëgjuar (përmes familjes, punës ose të njëjtit rrjet, ose vetë i dyshuar), pavarësisht nga regjistri ose certifikata që ka. Një përkthyes i tillë nuk është i pavarur: personi i dëgjuar mund të mos flasë lirisht para tij, dhe mbrojtja mund ta kundërshtojë çdo fjalë që ai përktheu; deklarata përjashtohet.',
    ],
    'RIGHTS.INTERPRETER.NONE': [
      'Intervistë pa përkthim',
      'Një person u intervistua në një gjuhë që nuk e flet, pa përkthyes. Nuk mund të mbështetemi te ajo që tha.',
    ],
    'RIGHTS.INTERPRETER.WRONG_LANGUAGE': [
      'Përkthim në gjuhën e gabuar',
      'Intervista u zhvillua në një gjuhë që personi nuk e kupton (për shembull dari në vend të pashtos).',
    ],
    'RIGHTS.INTERPRETER.REDONE': [
      'Intervista me të meta u ndal dhe u përsërit',
      'Pas një interviste pa përkthim të duhur, personi u dëgjua përsëri me një përkthyes të përshtatshëm.',
    ],
    'EVIDENCE.INTERPRETER.UNCERTIFIED': [
      'Përkthyes i pacertifikuar',
      'U përdor një përkthyes jashtë regjistrit; mbrojtja mund ta kundërshtojë saktësinë e procesverbalit.',
    ],
    'EVIDENCE.DEVICE.ORDER': [
      'Pajisja e të dyshuarit u kontrollua me urdhër',
      'Pajisja u sekuestrua dhe u kontrollua vetëm me urdhër, gjë që i mban të dhënat e nxjerra të pranueshme.',
    ],
    'EVIDENCE.DEVICE.NO_ORDER': [
      'Telefoni u kontrollua pa urdhër',
      'Një pajisje u shfletua pa urdhër dhe pa urgjencë. Ajo që u gjet përjashtohet, po ashtu edhe provat që rrjedhin prej saj.',
    ],
    'EVIDENCE.MIGRANT_PHONES.LIMITED': [
      'Telefonat e migrantëve: nxjerrje e kufizuar dhe e ligjshme',
      'U kopjuan vetëm bisedat përkatëse, me pëlqim të informuar të regjistruar ose me urdhër, dhe telefonat u kthyen.',
    ],
    'RIGHTS.PRIVACY.BLANKET_PHONES': [
      'Sekuestrim i përgjithshëm i telefonave të migrantëve',
      'Të gjithë telefonat u morën dhe u lexuan plotësisht kur një kopje e kufizuar do të mjaftonte; dëshmitarët humbasin kontaktin me familjen dhe besimin te policia.',
    ],
    'EVIDENCE.MIGRANT_PHONES.UNLAWFUL': [
      'Telefonat e migrantëve u lexuan pa pëlqim ose urdhër',
      'Telefonat e dëshmitarëve u lexuan pa pëlqim të regjistruar dhe pa urdhër. Përmbajtja përjashtohet.',
    ],
    'RIGHTS.DATA.CONSULATE_SHARE': [
      'Të dhëna personale u dërguan në konsullatë',
      'Të dhëna identiteti ose biometrike shkuan në vendin e origjinës, gjë që mund t’i vërë në rrezik kërkuesit e azilit dhe familjet e tyre.',
    ],
    'RIGHTS.DATA.MEDIA': [
      'Imazhe të identifikueshme iu dhanë medias',
      'Fotografi ose video në të cilat njerëzit mund të njihen iu dhanë medias.',
    ],
    'RIGHTS.DATA.MINIMAL': [
      'U morën vetëm të dhënat e nevojshme, të ruajtura në mënyrë të sigurt',
      'Të dhënat biometrike dhe fotografitë u kufizuan në atë që kërkon ligji dhe u ruajtën në mënyrë të sigurt.',
    ],
    'RIGHTS.CONSULAR.WITH_CONSENT': [
      'Konsullata u njoftua me kërkesë',
      'Konsullata u kontaktua me kërkesën e personit ose me pëlqimin e tij.',
    ],
    'RIGHTS.CONSULAR.WITHOUT_CONSENT': [
      'Konsullata u njoftua pa pëlqim',
      'Konsullata u njoftua pa pëlqimin e personit; për dikë që kërkon azil kjo mund të rrezikojë atë dhe familjen e tij.',
    ],
    'EVIDENCE.INTERCEPTION.AUTHORISED': [
      'Përgjim me urdhër të vlefshëm',
      'Telefoni i organizatorit u përgjua me urdhër të gjyqtarit, të marrë përmes prokurorit, brenda afatit të tij.',
    ],
    'EVIDENCE.INTERCEPTION.UNLAWFUL': [
      'Përgjim pa urdhër ose përtej tij',
      'Komunikimet u përgjuan pa urdhër ose pasi ai kishte skaduar. Rezultati përjashtohet.',
    ],
    'EVIDENCE.UNDERCOVER.AUTHORISED': [
      'Punë e fshehtë e autorizuar, pa nxitje',
      'Oficeri i fshehtë ishte i autorizuar dhe vetëm iu bashkua një vepre që ishte tashmë në zhvillim.',
    ],
    'EVIDENCE.UNDERCOVER.NO_ORDER': [
      'Veprim i fshehtë pa urdhrin e nevojshëm',
      'Një oficer mblodhi prova nën një identitet të rremë (si klient, blerës ose anëtar i rrjetit) pa urdhrin që ligji kërkon përpara se të fillojë një masë e tillë: sipas Kodit të Procedurës Penale të Serbisë, urdhër i gjyqtarit të procedurës paraprake me kërkesë të arsyetuar të prokurorit, për një vepër nga lista ligjore dhe për një kohë të kufizuar. Kontakti i fshehtë dhe regjistrimi ndërhyjnë në jetën private dhe kërkojnë një bazë të tillë ligjore; pa të, regjistrimet dhe dëshmia e oficerit janë prova të paligjshme dhe përjashtohen nga dosja, bashkë me provat që rrjedhin prej tyre. Fakti që oficeri nuk nxiti asgjë nuk e zëvendëson urdhrin që mungon.',
    ],
    'EVIDENCE.UNDERCOVER.ENTRAPMENT': [
      'Oficeri e nxiti veprën',
      'Oficeri provokoi një vepër që përndryshe nuk do të kishte ndodhur. Provat përjashtohen si provokim (entrapment).',
    ],
    'EVIDENCE.PROFIT.PROVEN': [
      'Përfitimi financiar u provua',
      'Prova të pranueshme (transferta, regjistër, para në dorë, lista çmimesh) provojnë përfitimin financiar ose material që kërkon vepra.',
    ],
    'EVIDENCE.PROFIT.UNPROVEN': [
      'Akuzë pa provë për fitimin',
      'Dikush u akuzua për kontrabandë, por asgjë e pranueshme nuk e provon përfitimin; „ai thjesht ngiste makinën“ është një mbrojtje që fiton.',
    ],
    'EVIDENCE.MONEY.FINANCIAL_INVESTIGATION': [
      'U hap hetim financiar paralel',
      'Një hetim financiar u zhvillua paralelisht me atë penal, duke provuar fitimin dhe duke arritur te pasuritë e organizatorëve.',
    ],
    'EVIDENCE.MONEY.ASSET_FREEZE': [
      'Pasuritë u ngrinë',
      'Të ardhurat u ngrinë para se të mund të zhvendoseshin, gjë që siguron konfiskimin dhe dëmshpërblimin e viktimave.',
    ],
    'EVIDENCE.MONEY.NONE': [
      'Asnjë hetim financiar',
      'Gjurma e parave nuk u ndoq kurrë, ndonëse skenari e ofronte; organizatorët i mbajnë të ardhurat e tyre.',
    ],
    'EVIDENCE.MONEY.FIU_CONVERTED': [
      'Informacioni i NJIF-së u shndërrua në provë',
      'Sinjalizimi i njësisë së inteligjencës financiare u shndërrua në provë përmes urdhrave drejtuar bankave dhe operatorëve të transfertave.',
    ],
    'EVIDENCE.MONEY.FIU_AS_EVIDENCE': [
      'Raporti i NJIF-së u vendos në dosje si provë',
      'Një raport inteligjence u vendos në dosje sikur të ishte provë; ai nuk mund të përdoret në gjykim.',
    ],
    'EVIDENCE.CCTV.PRESERVED': [
      'Pamjet e kamerave/ANPR u ruajtën në kohë',
      'Të dhënat e kamerave, të lexuesve të targave dhe të pagesave rrugore u ruajtën brenda afatit të mbajtjes, me një deklaratë të operatorit.',
    ],
    'EVIDENCE.CCTV.PARTIAL': [
      'Pamjet e kamerave/ANPR u ruajtën pjesërisht',
      'Ruajtja u kërkua pas ditës së parë; një pjesë e pamjeve ishte mbishkruar tashmë.',
    ],
    'EVIDENCE.CCTV.LOST': [
      'Pamjet e kamerave/ANPR u kërkuan tepër vonë ose kurrë',
      'Afati i mbajtjes mbaroi para se të kërkohej ruajtja; pamjet nuk ekzistojnë më.',
    ],
    'EVIDENCE.VEHICLE.WITNESSED_SEALED': [
      'Kontroll me dëshmitarë, fotografi dhe vula',
      'Automjeti (ose ambientet) dhe çdo ndarje e fshehtë u kontrolluan në prani të dëshmitarëve, u fotografuan dhe u vulosën për ekspertizë.',
    ],
    'EVIDENCE.VEHICLE.UNSEALED': [
      'Kontroll pa dëshmitarë ose vula',
      'Automjeti u kontrollua ose u tërhoq pa dëshmitarë dhe vula; mbrojtja mund të sulmojë gjithçka që u gjet në të.',
    ],
    'EVIDENCE.CUSTODY.BROKEN': [
      'Zinxhiri i ruajtjes u këput',
      'Një send u mblodh pa një zinxhir ruajtjeje të dokumentuar; mbetet në dosje, por ka më pak peshë.',
    ],
    'EVIDENCE.OSINT.HASHED': [
      'Reklamat në internet u siguruan në mënyrë forenzike',
      'Reklamat u siguruan ashtu siç i shihte publiku, me një mjet forenzik: faqe të plota dhe video me URL, vulë kohore dhe hash, si dhe një regjistër i kapjes. Kushdo mund të verifikojë se kopja në dosje është ajo që ishte në internet në atë çast, çfarëdo që të fshijë kanali më vonë.',
    ],
    'EVIDENCE.OSINT.PRESERVED': [
      'Të dhënat e platformës u ruajtën deri në urdhër',
      'Platformës iu dërgua një kërkesë për ruajtje: përmbajtja e llogarisë dhe të dhënat e abonentit dhe të trafikut duhet të ruhen, jo të fshihen, derisa t’i marrë një urdhër gjykate ose një kërkesë për ndihmë juridike ndërkombëtare (ruajtje e përshpejtuar e të dhënave; për një ofrues shërbimi jashtë vendit, nëpërmjet shtetit ku është themeluar). Kërkesa nuk është provë dhe nuk provon asgjë që pa ekipi; për këtë shërben kapja forenzike e reklamave publike, dhe secila llogaritet më vete.',
    ],
    'EVIDENCE.OSINT.SCREENSHOT': [
      'Pamje ekrani në një telefon personal',
      'Materiali në internet u ruajt vetëm si pamje ekrani në një telefon personal, pa hash dhe pa prejardhje.',
    ],
    'EVIDENCE.CROSSBORDER.MLA': [
      'Bashkëpunim ndërkombëtar formal',
      'Lidhjet jashtë vendit u ndoqën përmes kanaleve formale (ndihmë juridike reciproke, Europol/SELEC, ekip i përbashkët hetimor, seanca me video), kështu që ajo që kthehet është e përdorshme në gjykatë.',
    ],
    'EVIDENCE.CROSSBORDER.INFORMAL_ONLY': [
      'Kontakt joformal që nuk u rregullua kurrë',
      'Informacioni erdhi nga një telefonatë joformale jashtë vendit dhe nuk pasoi asnjë kërkesë formale, prandaj nuk mund të përdoret në gjykim.',
    ],
    'RIGHTS.TRAFFICKING.REFERRED': [
      'U referua për identifikim si viktimë',
      'Sapo u bënë të njohur treguesit e trafikimit, personi u referua për identifikim formal, me një periudhë reflektimi dhe pa largim ndërkohë.',
    ],
    'RIGHTS.TRAFFICKING.NOT_REFERRED': [
      'Treguesit e trafikimit nuk u trajtuan',
      'Treguesit e trafikimit ishin të njohur, por personi nuk u referua kurrë për identifikim brenda afatit.',
    ],
    'RIGHTS.TRAFFICKING.REMOVED_UNIDENTIFIED': [
      'Viktimë e mundshme e larguar para identifikimit',
      'Një person me tregues trafikimi u përfshi në procedurë largimi para se identifikimi të përfundonte.',
    ],
    'RIGHTS.TRAFFICKING.NON_PUNISHMENT': [
      'U zbatua mosndëshkimi',
      'Një viktimë e detyruar të kryente një vepër u trajtua si dëshmitare, jo u ndoq penalisht.',
    ],
    'RIGHTS.TRAFFICKING.VICTIM_PROSECUTED': [
      'Viktimë e mundshme e trafikimit u ndoq penalisht',
      'Një person me tregues trafikimi u akuzua për një vepër që mund të jetë detyruar ta kryejë.',
    ],
    'RIGHTS.STATUS.PASSENGER_CHARGED': [
      'Udhëtar i akuzuar pa u vlerësuar roli i tij',
      'Një udhëtar i kontrabanduar u akuzua si kontrabandist pa u vlerësuar më parë detyrimi, përfitimi dhe roli në një intervistë individuale me avokat.',
    ],
    'RIGHTS.STATUS.UNPAID_HELP_CHARGED': [
      'Ndihma e dhënë pa pagesë trajtuar si kontrabandë',
      'Një person që nuk u pagua asgjë për atë që bëri për migrantët (një i afërm që i transportoi, një vullnetare që u dha strehim ose ushqim) u trajtua si kontrabandist: u arrestua si i tillë ose u akuzua për kontrabandë; përshkrimi tregon cilin veprim. Vepra penale e kontrabandës kërkon një përfitim financiar ose material tjetër; ajo u shkrua për të kapur ata që fitojnë, jo ndihmën e familjes apo ndihmën humanitare. Pa të nuk ka vepër penale për të cilën personi të dyshohet apo të akuzohet: as arrestimi, as akuza nuk kanë ku të mbështeten, dhe personi humbet si dëshmitar.',
    ],
    'RIGHTS.STATUS.UNPAID_HELP_CRIMINALISED': [
      'Ndihma e dhënë pa pagesë ndiqet aty ku ligji e lejon',
      'Një person që nuk u pagua asgjë për atë që bëri për migrantët (një i afërm që i transportoi, një vullnetare që u dha strehim ose ushqim) u arrestua ose u akuzua për këtë; përshkrimi tregon cilin veprim. Aty ku ligji dënon edhe ndihmën e dhënë pa përfitim, siç e lejon e drejta e BE-së një shtet anëtar, arrestimi ose akuza për të mund të qëndrojë. Por Protokolli nuk synonte të kapte ndihmën e familjes apo ndihmën humanitare, e drejta e BE-së lejon çdo shtet ta përjashtojë ndihmën humanitare, dhe Komisioni u kërkon shteteve anëtare të mos e kriminalizojnë: para arrestimit ose akuzimit vlerësohet nëse ndihma u dha pa pagesë.',
    ],
    'EVIDENCE.STATUS.ROLE_ASSESSED': [
      'Roli u vlerësua para akuzës',
      'Para se një migrant të akuzohej, në një intervistë individuale me avokat u vlerësuan detyrimi, përfitimi dhe roli.',
    ],
    'EVIDENCE.COOPERATION.FORMAL': [
      'Bashkëpunim përmes një marrëveshjeje formale',
      'Me të pandehurin bashkëpunues u veprua përmes një marrëveshjeje formale për pranimin e fajësisë ose bashkëpunimin, dhe dëshmia e tij mund të vërtetohet e të përdoret.',
    ],
    'EVIDENCE.COOPERATION.INFORMAL_PROMISE': [
      'Premtim jashtë procesverbalit',
      'Një të dyshuari iu premtua lirimi jashtë procesverbalit në këmbim të emrave; deklarata është e pabesueshme dhe e kundërshtueshme.',
    ],
    'RIGHTS.LIBERTY.GROUP_DETENTION': [
      'Ndalim automatik i gjithë grupit',
      'Grupi u mbyll i tëri, pa baza individuale dhe pa provuar masa më pak shtrënguese.',
    ],
    'RIGHTS.LIBERTY.REVIEWED': [
      'Ndalimi u arsyetua dhe u rishikua',
      'Një person i privuar nga liria mori arsyetim me shkrim në një gjuhë që e kupton dhe rishikim të shpejtë gjyqësor (ose u lirua).',
    ],
    'RIGHTS.LIBERTY.NO_REVIEW': [
      'Ndalim pa arsyetim ose rishikim',
      'Një person mbeti i privuar nga liria përtej afatit, pa arsyetim me shkrim dhe pa rishikim gjyqësor.',
    ],
    'RIGHTS.CSO.ACCESS': [
      'Organizatës së ndihmës juridike iu dha qasje',
      'Avokatët dhe monitoruesit e shoqërisë civile u lejuan të hynin dhe konfidencialiteti i tyre u respektua.',
    ],
    'RIGHTS.CSO.BARRED': [
      'Organizatës iu ndalua hyrja ose iu kërkuan shënimet',
      'Qasja e pavarur e shoqërisë civile u refuzua, ose organizata u trajtua si mbledhëse provash.',
    ],
    'EVIDENCE.SUSPECT.SAFEGUARDED_INTERVIEW': [
      'I dyshuari u mor në pyetje me të gjitha garancitë',
      'I dyshuari u njoftua për të drejtat dhe u mor në pyetje me avokat, me përkthyes kur nevojitej dhe me regjistrim.',
    ],
    'EVIDENCE.SUSPECT.NO_LAWYER': [
      'I dyshuari u mor në pyetje pa avokat',
      'Një i dyshuar u mor në pyetje „urgjentisht“ pa avokat dhe pa u njoftuar për të drejtat. Deklarata përjashtohet.',
    ],
    'RIGHTS.LIFE.UNCONTROLLED_PURSUIT': [
      'Ndjekje që vuri jetë në rrezik pa planifikim dhe kontroll',
      'Një automjet me njerëz (ose nëpër zonë të banuar, ose me shpejtësi ekstreme) u ndoq pa autorizimin e komandantit ose pa shqyrtuar mënyra më të sigurta për ta ndaluar. Vendosin faktet e ndjekjes, jo një etiketë.',
    ],
    'RIGHTS.LIFE.INQUIRY_NOT_INDEPENDENT': [
      'Hetim jo i pavarur nga të përfshirët',
      'Hetimi për një vdekje ose lëndim të rëndë u drejtua nga njësia e përfshirë (ose nga kolegë policë kur ishin përfshirë oficerë), ose la jashtë sjelljen e vetë oficerëve. Një hetim efektiv duhet të jetë i pavarur në ligj dhe në praktikë.',
    ],
    'RIGHTS.LIFE.BODY_RELEASED_EARLY': [
      'Trupi u dorëzua para autopsisë dhe identifikimit',
      'Trupi u dorëzua para autopsisë dhe identifikimit: shkaku i vdekjes nuk mund të përcaktohet më dhe familja mund të mos e mësojë kurrë.',
    ],
    'RIGHTS.CONSULAR.DEATH_NOTIFIED': [
      'Konsullata u njoftua për vdekjen e një shtetasi',
      'Konsullata u njoftua për vdekjen e një shtetasi të saj, siç e kërkon Konventa e Vjenës pa vonesë; për këtë njoftim nuk nevojitet pëlqim.',
    ],
    'RIGHTS.CONSULAR.REQUEST_IGNORED': [
      'Konsullata nuk u njoftua ndonëse personi i ndaluar e kërkoi',
      'Një shtetas i huaj i ndaluar kërkoi që të njoftohej konsullata e tij, dhe kjo nuk u bë kurrë.',
    ],
    'RIGHTS.LIBERTY.SUSPECT_SAFEGUARDS': [
      'I dyshuar në paraburgim: avokat dhe rishikim në kohë',
      'Një i dyshuar i privuar nga liria mori në kohë qasje te avokati, njoftim për të drejtat dhe kontroll të shpejtë gjyqësor (ose u lirua).',
    ],
    'RIGHTS.LIBERTY.SUSPECT_NO_SAFEGUARDS': [
      'I dyshuar i mbajtur pa avokat dhe pa kontroll gjyqësor',
      'Një i dyshuar mbeti në paraburgim përtej afatit, pa qasje te avokati dhe pa kontroll gjyqësor.',
    ],
  },
};
