import type { LegalBasis } from './types';

/** Legal sources cited by the rubric, written once so every rule spells them the same way. */
const art = (instrument: string, article: string, verify?: boolean): LegalBasis =>
  verify ? { instrument, article, verify } : { instrument, article };
const judgment = (name: string, court = 'ECtHR', verify?: boolean): LegalBasis =>
  verify ? { instrument: court, case: name, verify } : { instrument: court, case: name };

export const ECHR = (article: string): LegalBasis => art('ECHR', article);
export const P4_4: LegalBasis = art('ECHR Protocol No. 4', 'art. 4');
export const SOM = (article: string): LegalBasis =>
  art('UN Smuggling of Migrants Protocol', article);
export const UNTOC = (article: string): LegalBasis => art('UNTOC', article);
export const TIP = (article: string): LegalBasis => art('UN Trafficking Protocol', article);
export const CETS197 = (article: string): LegalBasis =>
  art('CoE Anti-Trafficking Convention (CETS 197)', article);
export const RC = (article: string): LegalBasis => art('1951 Refugee Convention', article);
export const CRC = (article: string): LegalBasis =>
  art('UN Convention on the Rights of the Child', article);
export const JGC_4_23: LegalBasis = art(
  'CMW/CRC Joint General Comment No. 4/23 (2017)',
  'age assessment; no detention of children',
);
export const CRC_GC6: LegalBasis = art(
  'CRC General Comment No. 6 (2005)',
  'guardianship, early identification',
);
export const OHCHR = (guideline: string): LegalBasis =>
  art('OHCHR Principles and Guidelines on Human Rights at International Borders (2014)', guideline);
export const DIR_2010_64 = (article: string): LegalBasis =>
  art('Directive 2010/64/EU (interpretation)', article);
export const RETURN_DIR = (article: string): LegalBasis =>
  art('Directive 2008/115/EC (Return Directive)', article);
export const LED = (article: string): LegalBasis => art('Directive (EU) 2016/680', article);
export const VCCR = (article: string): LegalBasis =>
  art('Vienna Convention on Consular Relations', article);
export const ICCPR = (article: string): LegalBasis => art('ICCPR', article);
export const CONV108 = art('CoE Convention 108+', 'art. 6, 11');
export const CPP_RS = (article: string): LegalBasis =>
  art('Serbian Criminal Procedure Code', article, true);
export const CC_RS = (article: string): LegalBasis => art('Serbian Criminal Code', article, true);
export const ASYLUM_RS = (article: string): LegalBasis =>
  art('Serbian Law on Asylum and Temporary Protection (2018)', article, true);
export const BORDER_RS = (article: string): LegalBasis =>
  art('Serbian Law on Protection of the State Border', article, true);
export const CONFISCATION_RS: LegalBasis = art(
  'Serbian Law on Seizure and Confiscation of the Proceeds of Crime',
  'extended confiscation',
  true,
);
export const MLA_1959_AP2 = (article: string): LegalBasis =>
  art('1959 European Convention on Mutual Assistance, 2nd Additional Protocol', article);

export const HIRSI = judgment(
  'Hirsi Jamaa and Others v. Italy [GC], no. 27765/09, 23 February 2012',
);
export const SHAHZAD = judgment('Shahzad v. Hungary, no. 12625/17, 8 July 2021');
export const ILIAS = judgment('Ilias and Ahmed v. Hungary [GC], no. 47287/15, 21 November 2019');
export const MH_CROATIA = judgment('M.H. and Others v. Croatia, no. 15670/18, 18 November 2021');
export const SCHATSCHASCHWILI = judgment(
  'Schatschaschwili v. Germany [GC], no. 9154/10, 15 December 2015',
);
export const AL_KHAWAJA = judgment(
  'Al-Khawaja and Tahery v. the United Kingdom [GC], 15 December 2011',
);
export const TRABAJO_RUEDA = judgment('Trabajo Rueda v. Spain, no. 32600/12, 30 May 2017');
export const DARBOE = judgment('Darboe and Camara v. Italy, no. 5797/17, 2022', 'ECtHR', true);
export const UZ_1823 = judgment('Už-1823/2017, 29 December 2020', 'Constitutional Court of Serbia');
export const BVERWG = judgment(
  '1 C 19.21, 16 February 2023',
  'German Federal Administrative Court',
);
export const DIR_2013_48 = (article: string): LegalBasis =>
  art('Directive 2013/48/EU (access to a lawyer)', article);
export const DIR_2012_13 = (article: string): LegalBasis =>
  art('Directive 2012/13/EU (right to information)', article);
export const MAKARATZIS = judgment('Makaratzis v. Greece [GC], no. 50385/99, 20 December 2004');
export const RAMSAHAI = judgment(
  'Ramsahai and Others v. the Netherlands [GC], no. 52391/99, 15 May 2007',
);
export const ARMANI_DA_SILVA = judgment(
  'Armani Da Silva v. the United Kingdom [GC], no. 5878/08, 30 March 2016',
);
export const MCCANN = judgment(
  'McCann and Others v. the United Kingdom [GC], no. 18984/91, 27 September 1995',
);
