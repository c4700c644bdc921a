import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCommand } from '../../src/cli/admin-command.js';
import { userCommand } from '../../src/cli/user-command.js';
import { silentLogger } from '../../src/core/log.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { type AdminServer, PASSWORD, USERS, signIn, startAdminServer } from './admin-harness.js';

const HOUR = 3_600_000;

describe.each(DIALECTS)('revoking admin access ($name)', ({ create }) => {
  let db: TestDatabase;
  let s: AdminServer;
  /** The admin UI's clock: tests move it forward to expire tokens. */
  let offsetMs = 0;

  beforeAll(async () => {
    db = await create();
    s = await startAdminServer({ database: db, now: () => new Date(Date.now() + offsetMs) });
  });
  afterAll(async () => {
    await s?.close();
    await db?.dispose();
  });

  /** Runs `polydesk admin ...`; returns stdout and stderr. */
  async function admin(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await adminCommand(s.runtime, args, {
      readStdin: async () => stdin,
      out: (t) => (out += t),
      err: (t) => (err += t),
    });
    return { code, out, err };
  }

  const newToken = async (email: string, ...options: string[]) =>
    (await admin(['token', email, ...options])).out.trim();

  const reviews = (auth: { token?: string; cookie?: string }) =>
    fetch(`${s.url}/admin/api/reviews?status=pending`, {
      headers: {
        ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
        ...(auth.cookie ? { cookie: auth.cookie } : {}),
      },
    });

  const auditActions = () => s.runtime.store.audit.list({ limit: 100, offset: 0 });

  it("refuses a deleted user's session cookie and API token at once, and audits the deletion", async () => {
    await admin(['create-user', 'dora@corp.example', '--role', 'reviewer', '--password-stdin'], PASSWORD);
    const token = await newToken('dora@corp.example');
    const { cookie } = await signIn(s.url, 'dora@corp.example');
    expect((await reviews({ token })).status).toBe(200);
    expect((await reviews({ cookie })).status).toBe(200);

    const deleted = await admin(['delete-user', 'dora@corp.example']);
    expect(deleted.code).toBe(0);
    expect(deleted.err).toMatch(/deleted dora@corp\.example: 1 session\(s\) ended, 1 API token\(s\) revoked/);
    expect((await reviews({ token })).status).toBe(401);
    expect((await reviews({ cookie })).status).toBe(401);
    expect(await auditActions()).toContainEqual(
      expect.objectContaining({
        action: 'user.delete',
        target: 'dora@corp.example',
        details: { sessions: 1, tokens: 1 },
      }),
    );
    await expect(admin(['delete-user', 'dora@corp.example'])).rejects.toThrow(/no admin user/);
  });

  it('refuses to delete the last admin', async () => {
    await expect(admin(['delete-user', USERS.admin])).rejects.toThrow(/last admin: create another one first/);
    expect((await s.runtime.store.db.selectFrom('admin_users').select('email').execute()).length).toBe(3);
  });

  it('expires tokens after ADMIN_TOKEN_TTL_DAYS (90 by default) or --expires-in', async () => {
    const short = await newToken(USERS.reviewer, '--expires-in', '2h');
    const usual = await newToken(USERS.reviewer);
    expect((await reviews({ token: short })).status).toBe(200);
    const listed = JSON.parse((await admin(['tokens', USERS.reviewer, '--json'])).out) as {
      tokens: { id: string; expiresAt: string }[];
    };
    const days = listed.tokens.map((t) => Math.round((Date.parse(t.expiresAt) - Date.now()) / (24 * HOUR)));
    expect(days.sort((a, b) => a - b)).toEqual([0, 90]);
    try {
      offsetMs = 3 * HOUR;
      const expired = await reviews({ token: short });
      expect(expired.status).toBe(401);
      expect(await expired.json()).toEqual({
        error: 'the API token has expired: create a new one with `polydesk admin token EMAIL`',
      });
      expect((await reviews({ token: usual })).status).toBe(200);
      offsetMs = 91 * 24 * HOUR;
      expect((await reviews({ token: usual })).status).toBe(401);
    } finally {
      offsetMs = 0;
    }
    await expect(admin(['token', USERS.reviewer, '--expires-in', 'forever'])).rejects.toThrow(
      /--expires-in must be days or hours/,
    );
  });

  it('revokes one token by its id or by itself, or all of a user’s, and audits each', async () => {
    const first = await admin(['token', USERS.publisher]);
    const id = /token (\S+) for/.exec(first.err)![1]!;
    const kept = await newToken(USERS.publisher);
    const leaked = await newToken(USERS.publisher);
    const documents = (token: string) =>
      fetch(`${s.url}/admin/api/documents`, { headers: { authorization: `Bearer ${token}` } });

    expect((await admin(['revoke-token', id])).err).toMatch(`revoked API token ${id} of ${USERS.publisher}`);
    expect((await documents(first.out.trim())).status).toBe(401);
    expect((await documents(kept)).status).toBe(200);
    expect((await admin(['revoke-token', leaked])).code).toBe(0);
    expect((await documents(leaked)).status).toBe(401);
    expect((await documents(kept)).status).toBe(200);
    expect((await admin(['revoke-token', '--all', USERS.publisher])).err).toMatch(/revoked 1 API token/);
    expect((await documents(kept)).status).toBe(401);
    await expect(admin(['revoke-token', id])).rejects.toThrow(/no API token/);

    const revocations = (await auditActions()).filter((e) => e.action === 'token.revoke');
    expect(revocations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ target: USERS.publisher, details: { id } }),
        expect.objectContaining({ target: USERS.publisher, details: { all: true, count: 1 } }),
      ]),
    );
    expect(revocations).toHaveLength(3);
  });

  it('ends every session of a user whose password changes', async () => {
    const old = await signIn(s.url, USERS.admin);
    const other = await signIn(s.url, USERS.admin);
    expect((await reviews({ cookie: old.cookie })).status).toBe(200);
    const changed = await admin(
      ['create-user', USERS.admin, '--role', 'admin', '--password-stdin'],
      'a brand new passphrase',
    );
    expect(changed.code).toBe(0);
    expect((await reviews({ cookie: old.cookie })).status).toBe(401);
    expect((await reviews({ cookie: other.cookie })).status).toBe(401);
    await expect(signIn(s.url, USERS.admin)).rejects.toThrow(/sign-in failed: 401/);
    const fresh = await signIn(s.url, USERS.admin, 'a brand new passphrase');
    expect((await reviews({ cookie: fresh.cookie })).status).toBe(200);
    expect(await auditActions()).toContainEqual(
      expect.objectContaining({
        action: 'user.update',
        target: USERS.admin,
        details: { role: 'admin', password: true, sessionsEnded: true },
      }),
    );
  });

  it('a data-subject erasure (`user delete`) removes their admin account, sessions and tokens too', async () => {
    await admin(['create-user', 'erin@corp.example', '--role', 'reviewer', '--password-stdin'], PASSWORD);
    const token = await newToken('erin@corp.example');
    const { cookie } = await signIn(s.url, 'erin@corp.example');
    let out = '';
    const code = await userCommand(s.runtime.config, silentLogger, ['delete', 'erin@corp.example'], (t) => {
      out += t;
    });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ deleted: { adminAccount: { sessions: 1, tokens: 1 } } });
    expect((await reviews({ token })).status).toBe(401);
    expect((await reviews({ cookie })).status).toBe(401);
  });
});
