import type { ParseKeys, TFunction } from 'i18next';
import type { Language, RejectedAck } from '@crossroads/shared';
import { pickText } from './contentText';

/*
 * A refusal as its reader reads it: a translated headline per error code, then what the server
 * said beyond it (its words in the reader's language when it sent them, else its English message
 * when that adds something). The trainee pages and the facilitator console word their headlines
 * differently (a trainee's agency, a facilitator's command), so each gives its own table.
 */

/** How one side of the app words refusals. */
export interface RefusalWording {
  /** The i18n key of each error code's headline. */
  readonly headlines: Readonly<Record<string, ParseKeys>>;
  /** The headline of a code missing from `headlines`. */
  readonly fallback: ParseKeys;
  /**
   * Codes whose headline says all the server's English message would: after it, on a screen in
   * another language, the English would only repeat it (or speak to a program, not a person).
   */
  readonly selfExplaining: ReadonlySet<string>;
}

/** A refusal's words after the headline, and their language (for their `lang` attribute). */
export interface RefusalDetail {
  text: string;
  lang: Language;
}

export interface RefusalTexts {
  /** A short translated headline for an error code. */
  headline(t: TFunction, code: string): string;
  /** The server's own message to show after the headline, or null when it adds nothing. */
  serverDetail(
    t: TFunction,
    language: string | undefined,
    code: string,
    message: string,
  ): string | null;
  /**
   * What a refused command's headline is followed by: the server's words in the first of the
   * reader's content `languages` the ack's `text` has, else its English message when that adds
   * something (see serverDetail).
   */
  refusalDetail(
    t: TFunction,
    language: string | undefined,
    languages: readonly Language[],
    ack: Pick<RejectedAck, 'code' | 'message' | 'text'>,
  ): RefusalDetail | null;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The refusal texts of one wording. */
export function refusalTexts(wording: RefusalWording): RefusalTexts {
  const headline = (t: TFunction, code: string): string =>
    t(wording.headlines[code] ?? wording.fallback);

  const serverDetail = (
    t: TFunction,
    language: string | undefined,
    code: string,
    message: string,
  ): string | null => {
    if (same(headline(t, code), message)) return null;
    if (language !== 'en' && wording.selfExplaining.has(code)) return null;
    return message;
  };

  const refusalDetail = (
    t: TFunction,
    language: string | undefined,
    languages: readonly Language[],
    ack: Pick<RejectedAck, 'code' | 'message' | 'text'>,
  ): RefusalDetail | null => {
    if (ack.text !== undefined) {
      const picked = pickText(ack.text, languages);
      if (picked.lang !== 'en') return same(picked.text, headline(t, ack.code)) ? null : picked;
      // Only the English came (a text without the reader's language): as any English message.
      return serverDetail(t, language, ack.code, picked.text) === null ? null : picked;
    }
    const english = serverDetail(t, language, ack.code, ack.message);
    return english === null ? null : { text: english, lang: 'en' };
  };

  return { headline, serverDetail, refusalDetail };
}
