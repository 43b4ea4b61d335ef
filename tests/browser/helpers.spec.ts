import { findChromium } from './chromium';

describe('findChromium', () => {
  const only =
    (...files: string[]) =>
    (file: string) =>
      files.includes(file);

  test('prefers CHROMIUM_PATH when that file exists', () => {
    expect(
      findChromium(
        { CHROMIUM_PATH: '/opt/chrome/chrome' },
        only('/opt/chrome/chrome', '/usr/bin/chromium'),
      ),
    ).toBe('/opt/chrome/chrome');
  });

  test('falls back to /usr/bin/chromium', () => {
    expect(findChromium({}, only('/usr/bin/chromium'))).toBe('/usr/bin/chromium');
    expect(findChromium({ CHROMIUM_PATH: '/nope' }, only('/usr/bin/chromium'))).toBe(
      '/usr/bin/chromium',
    );
  });

  test('without a browser, the error says how to install one', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nope' }, only())).toThrow(
      'Chromium not found: install it with `apt-get update && apt-get install -y chromium` or set CHROMIUM_PATH',
    );
  });
});
