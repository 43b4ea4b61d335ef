import { fileSlug } from '../src/debrief/download';

describe('export file names', () => {
  test('a title read in Macedonian names the file in Latin letters, not the fallback', () => {
    expect(fileSlug('Ладилник на Хоргош')).toBe('ladilnik-na-horgosh');
    expect(fileSlug('Ноќ на Дрина')).toBe('nokj-na-drina');
    expect(fileSlug('Станот во Сомбор: Ѓорѓи и Џемаил')).toBe(
      'stanot-vo-sombor-gjorgji-i-dzhemail',
    );
  });

  test('Latin titles keep their letters without diacritics', () => {
    expect(fileSlug('Frigoriferi në Horgosh')).toBe('frigoriferi-ne-horgosh');
    expect(fileSlug('Hladnjača na Horgošu — Đakovo')).toBe('hladnjaca-na-horgosu-djakovo');
    expect(fileSlug('Reefer at Horgoš')).toBe('reefer-at-horgos');
  });

  test('a title with nothing to keep falls back to "debrief"', () => {
    expect(fileSlug('—')).toBe('debrief');
  });
});
