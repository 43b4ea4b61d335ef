// Finding and starting Chromium. Apart from helpers.ts so that a test of these alone does not load
// the whole server that helpers.ts starts.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, deterministic headless Chromium that also runs as root in CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/**
 * The Chromium to drive: $CHROMIUM_PATH when set, else /usr/bin/chromium.
 * playwright-core downloads no browser, so a missing one is an error that says how to get it.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = existsSync,
): string {
  const candidates = [env.CHROMIUM_PATH, DEFAULT_CHROMIUM].filter(
    (file): file is string => typeof file === 'string' && file.trim() !== '',
  );
  const found = candidates.find((file) => exists(file));
  if (!found) {
    throw new Error(
      'Chromium not found: install it with `apt-get update && apt-get install -y chromium` ' +
        `or set CHROMIUM_PATH (looked at: ${candidates.join(', ')})`,
    );
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}
