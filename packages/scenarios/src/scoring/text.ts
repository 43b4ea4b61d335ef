/** Small bilingual text helpers for debrief details. */
import type { LocalText } from '../rubric/types';

export const lt = (en: string, sr: string): LocalText => ({ en, 'sr-Latn': sr });

/** "1 h 20 min" / "2 d 3 h" in both languages. */
export function duration(minutes: number): LocalText {
  const m = Math.max(0, Math.round(minutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  const parts = (dl: string, hl: string, ml: string) => {
    const out: string[] = [];
    if (d > 0) out.push(`${d} ${dl}`);
    if (h > 0) out.push(`${h} ${hl}`);
    if (min > 0 || out.length === 0) out.push(`${min} ${ml}`);
    return out.join(' ');
  };
  return { en: parts('d', 'h', 'min'), 'sr-Latn': parts('d', 'h', 'min') };
}

/** A scenario minute as elapsed time since the start, e.g. "T+1 h 20 min". */
export function at(minute: number): LocalText {
  const d = duration(minute);
  return { en: `T+${d.en}`, 'sr-Latn': `T+${d['sr-Latn']}` };
}

/** Concatenate bilingual pieces. */
export function cat(...parts: (LocalText | string)[]): LocalText {
  let en = '';
  let sr = '';
  for (const p of parts) {
    if (typeof p === 'string') {
      en += p;
      sr += p;
    } else {
      en += p.en;
      sr += p['sr-Latn'];
    }
  }
  return { en, 'sr-Latn': sr };
}
