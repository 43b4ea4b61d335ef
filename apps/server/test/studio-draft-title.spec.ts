import { draftTitle } from '../src/studio/draft-title';

describe('a draft title in every language, from the stored draft text', () => {
  it('reads the title block of a YAML draft, with the comments and blank lines inside it', () => {
    const source = `# A draft
id: wagon
title:
  en: Wagon at Šid

  # the Serbian title
  sr-Latn: Vagon u Šidu
summary: { en: 'title: not this one' }
`;
    expect(draftTitle(source)).toEqual({ en: 'Wagon at Šid', 'sr-Latn': 'Vagon u Šidu' });
  });

  it('reads a title on one line, in flow style or as a plain text', () => {
    expect(draftTitle('id: a\ntitle: { en: A, mk: Б }\n')).toEqual({ en: 'A', mk: 'Б' });
    expect(draftTitle('id: a\ntitle: A taxi\n')).toBe('A taxi');
  });

  it('reads the title of a JSON draft', () => {
    expect(draftTitle(JSON.stringify({ id: 'a', title: { en: 'A', sq: 'Një' } }))).toEqual({
      en: 'A',
      sq: 'Një',
    });
  });

  it('gives nothing for a draft without a title that reads as a text', () => {
    expect(draftTitle('id: a\nphases: []\n')).toBeNull();
    expect(draftTitle('title: [unclosed\n')).toBeNull();
    expect(draftTitle('title:\n  fr: Un wagon\n')).toBeNull();
    expect(draftTitle('{ "title": ')).toBeNull();
  });
});
