import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ErrorCode, type Account, type AccountRole } from '@crossroads/shared';
import bcrypt from 'bcryptjs';
import { AppError } from '../auth/rest-error';
import { hashToken, newToken } from '../auth/tokens';
import { passwordProblem } from './password-policy';
import { isUniqueViolation, Sqlite } from '../sessions/sqlite';

interface AccountRow {
  id: string;
  username: string;
  password_hash: string;
  role: AccountRole;
  disabled: number;
  can_author: number;
  created_at: string;
}

/** bcrypt cost: about 60-100 ms per hash on the 2-core target machine. */
const BCRYPT_ROUNDS = 10;
/** Account tokens live this long (a working day plus margin). */
export const ACCOUNT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
/** A hash to compare against when the user does not exist, so timing does not reveal it. */
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', BCRYPT_ROUNDS);

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    author: row.role === 'admin' || row.can_author === 1,
    createdAt: row.created_at,
  };
}

/** A live login: its account and when the token stops being valid. */
export interface LiveLogin {
  account: Account;
  expiresAt: number;
}

/** Told which account's logins changed (logout, password change), so open sockets are re-checked. */
export type CredentialsListener = (accountId: string) => void;

/** Staff accounts and their bearer tokens. Passwords are bcrypt hashes; tokens are stored as SHA-256. */
@Injectable()
export class AccountsService {
  private readonly listeners = new Set<CredentialsListener>();

  constructor(private readonly sqlite: Sqlite) {}

  /** Calls `listener` after any of an account's tokens stopped being valid. Returns the undo. */
  onCredentialsChanged(listener: CredentialsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private credentialsChanged(accountId: string): void {
    for (const listener of this.listeners) listener(accountId);
  }

  count(): number {
    const row = this.sqlite.sql('SELECT COUNT(*) AS n FROM accounts').get() as { n: number };
    return row.n;
  }

  /** Length, not a common password, not (mostly) the username. */
  private checkPassword(password: string, username: string): void {
    const problem = passwordProblem(password, username);
    if (problem) throw new AppError(ErrorCode.InvalidPayload, problem);
  }

  /** `author`: the author permission (the authoring studio); admins have it anyway. */
  async create(
    username: string,
    password: string,
    role: AccountRole,
    author = false,
  ): Promise<Account> {
    this.checkPassword(password, username.trim());
    const hash = await bcrypt.hash(password, BCRYPT_ROUNDS);
    const row: AccountRow = {
      id: randomUUID(),
      username: username.trim(),
      password_hash: hash,
      role,
      disabled: 0,
      can_author: author ? 1 : 0,
      created_at: new Date().toISOString(),
    };
    try {
      this.sqlite
        .sql(
          'INSERT INTO accounts (id, username, password_hash, role, disabled, can_author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          row.id,
          row.username,
          row.password_hash,
          row.role,
          row.disabled,
          row.can_author,
          row.created_at,
        );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(ErrorCode.InvalidPayload, `The username ${row.username} is taken.`);
      }
      throw error;
    }
    return toAccount(row);
  }

  byId(id: string): Account | undefined {
    const row = this.sqlite.sql('SELECT * FROM accounts WHERE id = ? AND disabled = 0').get(id) as
      AccountRow | undefined;
    return row ? toAccount(row) : undefined;
  }

  byUsername(username: string): Account | undefined {
    const row = this.sqlite
      .sql('SELECT * FROM accounts WHERE username = ? AND disabled = 0')
      .get(username.trim()) as AccountRow | undefined;
    return row ? toAccount(row) : undefined;
  }

  /** The account for these credentials, or undefined (same timing whether or not the user exists). */
  async verify(username: string, password: string): Promise<Account | undefined> {
    const row = this.sqlite
      .sql('SELECT * FROM accounts WHERE username = ? AND disabled = 0')
      .get(username.trim()) as AccountRow | undefined;
    const ok = await bcrypt.compare(password, row?.password_hash ?? DUMMY_HASH);
    return ok && row ? toAccount(row) : undefined;
  }

  async setPassword(accountId: string, password: string): Promise<void> {
    this.checkPassword(password, this.byId(accountId)?.username ?? '');
    const hash = await bcrypt.hash(password, BCRYPT_ROUNDS);
    this.sqlite.sql('UPDATE accounts SET password_hash = ? WHERE id = ?').run(hash, accountId);
    // A changed password ends every open login.
    this.sqlite
      .sql('UPDATE auth_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL')
      .run(new Date().toISOString(), accountId);
    this.credentialsChanged(accountId);
  }

  issueToken(accountId: string, now = Date.now()): { token: string; expiresAt: string } {
    const token = newToken();
    const expiresAt = new Date(now + ACCOUNT_TOKEN_TTL_MS).toISOString();
    this.sqlite
      .sql(
        'INSERT INTO auth_tokens (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      )
      .run(hashToken(token), accountId, new Date(now).toISOString(), expiresAt);
    return { token, expiresAt };
  }

  /** The account a bearer token belongs to, if the token is live. */
  resolveToken(token: string, now = Date.now()): Account | undefined {
    return this.login(hashToken(token), now)?.account;
  }

  /** The live login of a token hash (account and expiry), or undefined once revoked or expired. */
  login(tokenHash: string, now = Date.now()): LiveLogin | undefined {
    const row = this.sqlite
      .sql(
        `SELECT a.*, t.expires_at AS token_expires_at FROM auth_tokens t
         JOIN accounts a ON a.id = t.account_id
         WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND a.disabled = 0`,
      )
      .get(tokenHash, new Date(now).toISOString()) as
      (AccountRow & { token_expires_at: string }) | undefined;
    return row
      ? { account: toAccount(row), expiresAt: Date.parse(row.token_expires_at) }
      : undefined;
  }

  revokeToken(token: string): void {
    const hash = hashToken(token);
    const row = this.sqlite
      .sql('SELECT account_id FROM auth_tokens WHERE token_hash = ? AND revoked_at IS NULL')
      .get(hash) as { account_id: string } | undefined;
    if (!row) return;
    this.sqlite
      .sql('UPDATE auth_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL')
      .run(new Date().toISOString(), hash);
    this.credentialsChanged(row.account_id);
  }
}
