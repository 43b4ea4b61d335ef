import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type Account, type AccountRole } from '@crossroads/shared';
import bcrypt from 'bcryptjs';
import { AppError } from '../auth/rest-error';
import { hashToken, newToken } from '../auth/tokens';
import { passwordProblem } from './password-policy';
import { isUniqueViolation, SQL_CLIENT, type SqlClient } from '../database/sql';

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

/**
 * Staff accounts and their bearer tokens, on either database engine (SqlClient). Passwords are
 * bcrypt hashes; tokens are stored as SHA-256.
 */
@Injectable()
export class AccountsService {
  private readonly listeners = new Set<CredentialsListener>();

  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  /** Calls `listener` after any of an account's tokens stopped being valid. Returns the undo. */
  onCredentialsChanged(listener: CredentialsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private credentialsChanged(accountId: string): void {
    for (const listener of this.listeners) listener(accountId);
  }

  async count(): Promise<number> {
    const row = await this.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM accounts');
    return row?.n ?? 0;
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
      await this.sql.run(
        'INSERT INTO accounts (id, username, password_hash, role, disabled, can_author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [
          row.id,
          row.username,
          row.password_hash,
          row.role,
          row.disabled,
          row.can_author,
          row.created_at,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(ErrorCode.InvalidPayload, `The username ${row.username} is taken.`);
      }
      throw error;
    }
    return toAccount(row);
  }

  async byId(id: string): Promise<Account | undefined> {
    const row = await this.sql.get<AccountRow>(
      'SELECT * FROM accounts WHERE id = ? AND disabled = 0',
      [id],
    );
    return row ? toAccount(row) : undefined;
  }

  async byUsername(username: string): Promise<Account | undefined> {
    const row = await this.enabledRow(username);
    return row ? toAccount(row) : undefined;
  }

  /** The enabled account of a username (case-insensitive on both engines: NOCASE collation). */
  private enabledRow(username: string): Promise<AccountRow | undefined> {
    return this.sql.get<AccountRow>('SELECT * FROM accounts WHERE username = ? AND disabled = 0', [
      username.trim(),
    ]);
  }

  /** The account for these credentials, or undefined (same timing whether or not the user exists). */
  async verify(username: string, password: string): Promise<Account | undefined> {
    const row = await this.enabledRow(username);
    const ok = await bcrypt.compare(password, row?.password_hash ?? DUMMY_HASH);
    return ok && row ? toAccount(row) : undefined;
  }

  async setPassword(accountId: string, password: string): Promise<void> {
    this.checkPassword(password, (await this.byId(accountId))?.username ?? '');
    const hash = await bcrypt.hash(password, BCRYPT_ROUNDS);
    // One transaction: no token issued between the two writes survives the change, and a
    // failure leaves the old password with its logins.
    await this.sql.transaction(async (tx) => {
      await tx.run('UPDATE accounts SET password_hash = ? WHERE id = ?', [hash, accountId]);
      // A changed password ends every open login.
      await tx.run(
        'UPDATE auth_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL',
        [new Date().toISOString(), accountId],
      );
    });
    this.credentialsChanged(accountId);
  }

  async issueToken(
    accountId: string,
    now = Date.now(),
  ): Promise<{ token: string; expiresAt: string }> {
    const token = newToken();
    const expiresAt = new Date(now + ACCOUNT_TOKEN_TTL_MS).toISOString();
    await this.sql.run(
      'INSERT INTO auth_tokens (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      [hashToken(token), accountId, new Date(now).toISOString(), expiresAt],
    );
    return { token, expiresAt };
  }

  /** The account a bearer token belongs to, if the token is live. */
  async resolveToken(token: string, now = Date.now()): Promise<Account | undefined> {
    return (await this.login(hashToken(token), now))?.account;
  }

  /** The live login of a token hash (account and expiry), or undefined once revoked or expired. */
  async login(tokenHash: string, now = Date.now()): Promise<LiveLogin | undefined> {
    // ISO-8601 UTC strings of one length compare in time order as text on both engines.
    const row = await this.sql.get<AccountRow & { token_expires_at: string }>(
      `SELECT a.*, t.expires_at AS token_expires_at FROM auth_tokens t
       JOIN accounts a ON a.id = t.account_id
       WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND a.disabled = 0`,
      [tokenHash, new Date(now).toISOString()],
    );
    return row
      ? { account: toAccount(row), expiresAt: Date.parse(row.token_expires_at) }
      : undefined;
  }

  async revokeToken(token: string): Promise<void> {
    // One statement finds and revokes (RETURNING: SQLite 3.35+, PostgreSQL), so two logouts of
    // one token at once notify once.
    const row = await this.sql.get<{ account_id: string }>(
      'UPDATE auth_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL RETURNING account_id',
      [new Date().toISOString(), hashToken(token)],
    );
    if (row) this.credentialsChanged(row.account_id);
  }
}
