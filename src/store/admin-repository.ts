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

/** A signed-in browser session; only a hash of its id is stored. */
export interface AdminSession {
  readonly email: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** Admin users, their API tokens (hashed) and their browser sessions (hashed ids). */
export class AdminRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates the user, or changes the role (and the password, when one is given) of an existing one. */
  async upsertUser(user: {
    email: string;
    role: AdminRole;
    passwordHash?: string | undefined;
  }): Promise<'created' | 'updated'> {
    const existing = await this.getUser(user.email);
    if (existing) {
      await this.db
        .updateTable('admin_users')
        .set({ role: user.role, ...(user.passwordHash ? { password_hash: user.passwordHash } : {}) })
        .where('email', '=', user.email)
        .execute();
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

  async countUsers(role?: AdminRole): Promise<number> {
    let q = this.db.selectFrom('admin_users').select((eb) => eb.fn.countAll<string | number>().as('n'));
    if (role) q = q.where('role', '=', role);
    return Number((await q.executeTakeFirst())?.n ?? 0);
  }

  async addToken(tokenHash: string, email: string): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({ token_hash: tokenHash, email, created_at: nowIso() })
      .execute();
  }

  /** The user an API token (given by its hash) belongs to. */
  async userByToken(tokenHash: string): Promise<AdminUser | undefined> {
    const r = await this.db
      .selectFrom('api_tokens')
      .select('email')
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return r ? this.getUser(r.email) : undefined;
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
