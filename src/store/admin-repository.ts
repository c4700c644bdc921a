import type { Kysely } from 'kysely';
import { nowIso } from './json.js';
import type { Database } from './schema.js';

export type AdminRole = 'admin' | 'reviewer' | 'publisher';
export const ADMIN_ROLES: readonly AdminRole[] = ['admin', 'reviewer', 'publisher'];

/** A person who may sign in to the admin UI or call the admin API. */
export interface AdminUser {
  readonly email: string;
  readonly role: AdminRole;
  /** scrypt hash (see src/admin/passwords.ts); undefined for API-token-only users. */
  readonly passwordHash?: string | undefined;
  readonly createdAt: string;
}

/** An API token as listed: its public id, never the token or its hash. */
export interface AdminApiToken {
  readonly id: string;
  readonly email: string;
  readonly createdAt: string;
  /** Undefined only for a token written before migration 0004 (refused). */
  readonly expiresAt?: string | undefined;
}

/** Who an API token belongs to, or that it expired; undefined for an unknown or revoked token. */
export type TokenOwner = { readonly user: AdminUser } | { readonly expired: true };

/** A signed-in browser session; only a hash of its id is stored. */
export interface AdminSession {
  readonly email: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/**
 * Admin users, their API tokens (hashed) and their browser sessions (hashed ids). Removing a user
 * removes their sessions and tokens; a new password ends their sessions.
 */
export class AdminRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Creates the user, or changes the role (and the password, when one is given) of an existing one.
   * A changed password signs the user out everywhere: their sessions are deleted with it.
   */
  async upsertUser(user: {
    email: string;
    role: AdminRole;
    passwordHash?: string | undefined;
  }): Promise<'created' | 'updated'> {
    const existing = await this.getUser(user.email);
    if (existing) {
      await this.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('admin_users')
          .set({ role: user.role, ...(user.passwordHash ? { password_hash: user.passwordHash } : {}) })
          .where('email', '=', user.email)
          .execute();
        if (user.passwordHash) await tx.deleteFrom('sessions').where('email', '=', user.email).execute();
      });
      return 'updated';
    }
    await this.db
      .insertInto('admin_users')
      .values({
        email: user.email,
        role: user.role,
        password_hash: user.passwordHash ?? null,
        created_at: nowIso(),
      })
      .execute();
    return 'created';
  }

  async getUser(email: string): Promise<AdminUser | undefined> {
    const r = await this.db
      .selectFrom('admin_users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirst();
    return r
      ? {
          email: r.email,
          role: r.role as AdminRole,
          passwordHash: r.password_hash ?? undefined,
          createdAt: r.created_at,
        }
      : undefined;
  }

  /**
   * Deletes the user with their sessions and API tokens, in one transaction, so that nothing they
   * hold works a moment later. Returns what was removed; `not_found` when there is no such user,
   * `last_admin` (nothing deleted) when they are the only admin left.
   */
  deleteUser(email: string): Promise<{ sessions: number; tokens: number } | 'not_found' | 'last_admin'> {
    return this.db.transaction().execute(async (tx) => {
      const user = await tx
        .selectFrom('admin_users')
        .select('role')
        .where('email', '=', email)
        .executeTakeFirst();
      if (!user) return 'not_found';
      if (user.role === 'admin') {
        const admins = await tx
          .selectFrom('admin_users')
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .where('role', '=', 'admin')
          .executeTakeFirst();
        if (Number(admins?.n ?? 0) <= 1) return 'last_admin';
      }
      const sessions = await tx.deleteFrom('sessions').where('email', '=', email).executeTakeFirst();
      const tokens = await tx.deleteFrom('api_tokens').where('email', '=', email).executeTakeFirst();
      await tx.deleteFrom('admin_users').where('email', '=', email).execute();
      return { sessions: Number(sessions.numDeletedRows), tokens: Number(tokens.numDeletedRows) };
    });
  }

  async countUsers(role?: AdminRole): Promise<number> {
    let q = this.db.selectFrom('admin_users').select((eb) => eb.fn.countAll<string | number>().as('n'));
    if (role) q = q.where('role', '=', role);
    return Number((await q.executeTakeFirst())?.n ?? 0);
  }

  async addToken(token: { tokenHash: string; id: string; email: string; expiresAt: Date }): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        token_hash: token.tokenHash,
        id: token.id,
        email: token.email,
        created_at: nowIso(),
        expires_at: token.expiresAt.toISOString(),
      })
      .execute();
  }

  /** The user an API token (given by its hash) belongs to, if the token is known, theirs and not expired. */
  async tokenOwner(tokenHash: string, now: Date): Promise<TokenOwner | undefined> {
    const r = await this.db
      .selectFrom('api_tokens')
      .innerJoin('admin_users', 'admin_users.email', 'api_tokens.email')
      .select([
        'api_tokens.expires_at as expires_at',
        'admin_users.email as email',
        'admin_users.role as role',
        'admin_users.created_at as created_at',
      ])
      .where('api_tokens.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!r) return undefined;
    if (!r.expires_at || r.expires_at <= now.toISOString()) return { expired: true };
    return { user: { email: r.email, role: r.role as AdminRole, createdAt: r.created_at } };
  }

  /** API tokens, of one user or of all, oldest first. */
  async listTokens(email?: string): Promise<AdminApiToken[]> {
    let q = this.db
      .selectFrom('api_tokens')
      .select(['id', 'email', 'created_at', 'expires_at'])
      .orderBy('created_at');
    if (email) q = q.where('email', '=', email);
    return (await q.execute()).map((r) => ({
      id: r.id ?? '',
      email: r.email,
      createdAt: r.created_at,
      expiresAt: r.expires_at ?? undefined,
    }));
  }

  /** The public id of a token given by its hash. */
  async tokenIdOf(tokenHash: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select('id')
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row?.id ?? undefined;
  }

  /** Deletes one token by its public id; returns whose it was, or undefined when there is none. */
  async revokeToken(id: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select('email')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    await this.db.deleteFrom('api_tokens').where('id', '=', id).execute();
    return row.email;
  }

  /** Deletes every token of a user; returns how many there were. */
  async revokeAllTokens(email: string): Promise<number> {
    const result = await this.db.deleteFrom('api_tokens').where('email', '=', email).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async createSession(session: {
    idHash: string;
    email: string;
    csrfToken: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: session.idHash,
        email: session.email,
        csrf_token: session.csrfToken,
        created_at: nowIso(),
        expires_at: session.expiresAt.toISOString(),
      })
      .execute();
  }

  /** A session that has not expired, with its user. */
  async getSession(
    idHash: string,
    now: Date,
  ): Promise<{ session: AdminSession; user: AdminUser } | undefined> {
    const r = await this.db
      .selectFrom('sessions')
      .innerJoin('admin_users', 'admin_users.email', 'sessions.email')
      .select([
        'sessions.email as email',
        'sessions.csrf_token as csrf_token',
        'sessions.expires_at as expires_at',
        'admin_users.role as role',
        'admin_users.created_at as created_at',
      ])
      .where('sessions.id_hash', '=', idHash)
      .where('sessions.expires_at', '>', now.toISOString())
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      session: { email: r.email, csrfToken: r.csrf_token, expiresAt: r.expires_at },
      user: { email: r.email, role: r.role as AdminRole, createdAt: r.created_at },
    };
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteExpiredSessions(now: Date): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
  }
}
