import 'reflect-metadata';
import { ConfigError, createApp } from './index';

/** Runner: `node apps/server/dist/main.js`. Configuration comes from the environment. */
async function main(): Promise<void> {
  try {
    await createApp({ env: process.env, shutdownHooks: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(
        `Crossroads server failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exit(1);
  }
}

void main();
