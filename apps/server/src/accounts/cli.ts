import 'reflect-metadata';
import { usernameSchema } from '@crossroads/shared';
import { loadConfig, type AppConfig } from '../config';
import { dataSourceOptions, openDataSource } from '../database/data-source-options';
import { sqlClientFor } from '../database/sql';
import { AccountsService } from './accounts.service';

/**
 * `npm run admin:create -w @crossroads/server -- <username> [--facilitator] [--author]`
 * Creates an admin (or facilitator) account in the configured database (the SQLite file, or
 * PostgreSQL when DATABASE_URL is set), or resets the password of an existing one. The password
 * comes from CROSSROADS_ADMIN_PASSWORD, else from standard input (first line), so it never
 * appears in the shell history or the process list.
 */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is visible; end with Enter): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const role = args.includes('--facilitator') ? 'facilitator' : 'admin';
  const author = args.includes('--author');
  const name = args.find((a) => !a.startsWith('--'));
  const username = usernameSchema.safeParse(name ?? '');
  if (!username.success) {
    process.stderr.write(
      'Usage: npm run admin:create -w @crossroads/server -- <username> [--facilitator] [--author]\n' +
        '       (password from CROSSROADS_ADMIN_PASSWORD or standard input)\n',
    );
    return 2;
  }
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const password = config.adminPassword ?? (await readStdin());
  // The server's own choice of database: PostgreSQL when DATABASE_URL is set, else the SQLite file.
  const dataSource = await openDataSource(dataSourceOptions(config));
  try {
    const accounts = new AccountsService(sqlClientFor(dataSource));
    const existing = await accounts.byUsername(username.data);
    if (existing) {
      await accounts.setPassword(existing.id, password);
      process.stdout.write(
        `Password of ${existing.username} changed; its open logins were ended.\n`,
      );
    } else {
      const account = await accounts.create(username.data, password, role, author);
      process.stdout.write(`Created ${account.role} account ${account.username}.\n`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

void main().then((code) => process.exit(code));
