import { freeText } from '../src/session/common';

describe('freeText', () => {
  const text = freeText(100);

  it('accepts letters of any script, emoji and line breaks', () => {
    for (const value of ['Ana', 'Ана', 'Ali 👋', 'line one\nline two', 'Đorđe Šarić'])
      expect(text.safeParse(value).success).toBe(true);
  });

  it('refuses half of a UTF-16 pair on its own, first or second half', () => {
    for (const value of ['a\uD800', '\uDC00b', 'x\uD83Dy', '\uDE4B']) {
      const result = text.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('must be valid Unicode text');
    }
  });

  it('refuses control characters', () => {
    expect(text.safeParse('a\u0000b').success).toBe(false);
  });
});
