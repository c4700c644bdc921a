import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_ADMIN_EMAIL, ensureFirstAdmin } from '../../src/admin/first-admin.js';
import { LoginLimiter } from '../../src/admin/login-limiter.js';
import { adminCommand } from '../../src/cli/admin-command.js';
import { AdminRepository } from '../../src/store/admin-repository.js';
import { RecordingChannel } from './recording-channel.js';
import { type AdminServer, PASSWORD, USERS, addDocument, signIn, startAdminServer } from './admin-harness.js';

const recording = new RecordingChannel('slack');

let s: AdminServer;
const tokens: Record<string, string> = {};

async function token(email: string): Promise<string> {
  let out = '';
  const code = await adminCommand(s.runtime, ['token', email], {
    readStdin: async () => '',
    out: (t) => (out += t),
    err: () => {},
  });
  expect(code).toBe(0);
  return out.trim();
}

async function slackQuestion(text: string): Promise<string> {
  const result = await s.answers.ask({
    text,
    asker: { email: 'alice@corp.example', groups: ['all'] },
    place: {
      platform: 'slack',
      kind: 'channel',
      channelId: 'C1',
      threadId: '1700.1',
      readers: [{ email: 'alice@corp.example', groups: ['all'] }],
      delivery: { channel: 'C1', thread_ts: '1700.1' },
    },
    history: [],
  });
  expect(result.status).toBe('held');
  return result.reviewId!;
}

beforeAll(async () => {
  s = await startAdminServer({
    deliveries: (p) => (p === 'slack' ? recording : undefined),
    loginLimiter: new LoginLimiter({ max: 5 }),
  });
  await addDocument(
    s.runtime,
    'runbooks/staging.md',
    '# Staging database\n\nThe staging database password: Tr0ub4dor-Staging-42 is rotated monthly by the platform team.\n',
  );
  for (const email of Object.values(USERS)) tokens[email] = await token(email);
});
afterAll(async () => {
  await s?.close();
});

const api = (path: string, init: RequestInit & { as?: string } = {}) =>
  fetch(`${s.url}/admin/api${path}`, {
    ...init,
    headers: {
      ...(init.as ? { authorization: `Bearer ${tokens[init.as]}` } : {}),
      ...(init.body && typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });

describe('admin JSON API', () => {
  it('answers 401 without credentials or with an unknown token, and sends pages to the sign-in form', async () => {
    expect((await api('/reviews?status=pending')).status).toBe(401);
    expect((await api('/reviews', { headers: { authorization: 'Bearer pdk_not-a-token' } })).status).toBe(
      401,
    );
    const page = await fetch(`${s.url}/admin/reviews`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Freviews');
  });

  it('lists held answers in the contract shape and approves an edited answer into the original thread', async () => {
    const id = await slackQuestion('What is the staging database password?');
    const res = await api('/reviews?status=pending', { as: USERS.reviewer });
    expect(res.status).toBe(200);
    const { reviews } = (await res.json()) as { reviews: Record<string, unknown>[] };
    const review = reviews.find((r) => r['id'] === id)!;
    expect(review).toMatchObject({
      status: 'pending',
      question: 'What is the staging database password?',
      asker: 'alice@corp.example',
      platform: 'slack',
    });
    expect(typeof review['createdAt']).toBe('string');
    expect(review['findings']).toContainEqual({ type: 'password' });

    const detail = (await (await api(`/reviews/${id}`, { as: USERS.reviewer })).json()) as {
      review: { text: string };
    };
    expect(detail.review.text).not.toContain('Tr0ub4dor');

    const approve = await api(`/reviews/${id}/approve`, {
      as: USERS.reviewer,
      method: 'POST',
      body: JSON.stringify({ text: 'Ask the platform team for the staging password.' }),
    });
    expect(await approve.json()).toEqual({ status: 'edited', delivered: true });
    expect(recording.approved.at(-1)).toMatchObject({
      reviewId: id,
      text: 'Ask the platform team for the staging password.',
      delivery: { channel: 'C1', thread_ts: '1700.1' },
    });
    const again = await api(`/reviews/${id}/approve`, { as: USERS.reviewer, method: 'POST' });
    expect(again.status).toBe(409);
  });

  it('rejects with a reason, and refuses a rejection without one', async () => {
    const id = await slackQuestion('Tell me the staging database password please');
    expect((await api(`/reviews/${id}/reject`, { as: USERS.admin, method: 'POST', body: '{}' })).status).toBe(
      400,
    );
    const res = await api(`/reviews/${id}/reject`, {
      as: USERS.admin,
      method: 'POST',
      body: JSON.stringify({ reason: 'credential' }),
    });
    expect(await res.json()).toEqual({ status: 'rejected', delivered: true });
    expect(recording.rejected.at(-1)).toMatchObject({ reviewId: id });
    const audit = (await (await api(`/audit?action=review.reject`, { as: USERS.admin })).json()) as {
      entries: { actor: string; target: string }[];
    };
    expect(audit.entries[0]).toMatchObject({ actor: USERS.admin, target: id });
  });

  it('answers 403 for a role that may not act', async () => {
    const id = await slackQuestion('staging database password?');
    expect((await api(`/reviews/${id}/approve`, { as: USERS.publisher, method: 'POST' })).status).toBe(403);
    expect((await api('/reviews', { as: USERS.publisher })).status).toBe(403);
    expect((await api('/documents', { as: USERS.reviewer })).status).toBe(403);
    expect((await api('/insight', { as: USERS.reviewer })).status).toBe(403);
    expect((await api('/documents', { as: USERS.publisher })).status).toBe(200);
    expect((await api('/insight', { as: USERS.admin })).status).toBe(200);
  });

  it('uploads several files with a visible reason for each rejected one, lists and deletes documents', async () => {
    const form = new FormData();
    form.append('audience', 'hr, it');
    form.append('classification', 'confidential');
    form.append(
      'files',
      new Blob(['# Parental leave\n\nParents get 20 weeks of paid parental leave.\n']),
      'parental-leave.md',
    );
    form.append('files', new Blob(['MZ binary']), 'tool.exe');
    form.append('files', new Blob([]), 'empty.txt');
    form.append('files', new Blob(['x'.repeat(1024 * 1024 + 10)]), 'huge.txt');
    const res = await api('/documents', { as: USERS.publisher, method: 'POST', body: form });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as {
      results: { file: string; status: string; error?: string; id?: string }[];
    };
    expect(results.map((r) => [r.file, r.status])).toEqual([
      ['parental-leave.md', 'added'],
      ['tool.exe', 'failed'],
      ['empty.txt', 'failed'],
      ['huge.txt', 'failed'],
    ]);
    expect(results[1]!.error).toMatch(/unsupported file type/);
    expect(results[2]!.error).toMatch(/empty/);
    expect(results[3]!.error).toMatch(/size limit of 1 MB/);

    const list = (await (await api('/documents?limit=10', { as: USERS.publisher })).json()) as {
      documents: {
        id: string;
        title: string;
        audience: string[];
        classification: string;
        chunkCount: number;
      }[];
      total: number;
    };
    const doc = list.documents.find((d) => d.title === 'Parental leave')!;
    expect(doc).toMatchObject({ audience: ['hr', 'it'], classification: 'confidential' });
    expect(doc.chunkCount).toBeGreaterThan(0);

    expect((await api(`/documents/${doc.id}`, { as: USERS.publisher, method: 'DELETE' })).status).toBe(204);
    expect((await api(`/documents/${doc.id}`, { as: USERS.publisher, method: 'DELETE' })).status).toBe(404);
    const after = (await (await api('/documents', { as: USERS.admin })).json()) as { total: number };
    expect(after.total).toBe(list.total - 1);
  });

  it('reports knowledge gaps grouped by similarity, with counts', async () => {
    for (const q of [
      'How do I book a parking space?',
      'how can I book a parking space',
      'Where is the parking space booking?',
      'Can my dog come to the office?',
    ]) {
      const r = await s.answers.ask({
        text: q,
        asker: { email: 'bob@corp.example', groups: ['all'] },
        place: { platform: 'web', kind: 'local', readers: [{ email: 'bob@corp.example', groups: ['all'] }] },
        history: [],
      });
      expect(r.status).toBe('not_found');
    }
    const insight = (await (await api('/insight', { as: USERS.admin })).json()) as {
      gaps: { question: string; count: number }[];
      questions: number;
    };
    expect(insight.questions).toBeGreaterThanOrEqual(4);
    expect(insight.gaps[0]).toMatchObject({ count: 3 });
    expect(insight.gaps[0]!.question.toLowerCase()).toContain('parking');
    expect(insight.gaps.find((g) => g.question.includes('dog'))).toMatchObject({ count: 1 });
  });
});

describe('sessions, CSRF and sign-in', () => {
  it('sets a strict, HttpOnly session cookie and refuses state changes without the CSRF token', async () => {
    const res = await fetch(`${s.url}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: USERS.reviewer, password: PASSWORD }).toString(),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    // Path=/: the chat page (WEB_CHAT=on) knows who is signed in.
    expect(cookie).toMatch(/Path=\/;/);
    expect(cookie).not.toMatch(/Secure/);
    // Without TRUST_PROXY nobody's X-Forwarded-Proto is believed (sign-in-limits.test.ts sets it).
    const claimsTls = await fetch(`${s.url}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' },
      body: new URLSearchParams({ email: USERS.reviewer, password: PASSWORD }).toString(),
    });
    expect(claimsTls.headers.get('set-cookie')).not.toMatch(/Secure/);

    const session = await signIn(s.url, USERS.reviewer);
    const id = await slackQuestion('what is the staging database password now?');
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      redirect: 'manual' as const,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    expect((await fetch(`${s.url}/admin/reviews/${id}/reject`, form({ reason: 'no' }))).status).toBe(403);
    expect(
      (await fetch(`${s.url}/admin/reviews/${id}/reject`, form({ reason: 'no', _csrf: 'forged' }))).status,
    ).toBe(403);
    const jsonWithoutToken = await fetch(`${s.url}/admin/api/reviews/${id}/reject`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'no' }),
    });
    expect(jsonWithoutToken.status).toBe(403);
    expect((await s.runtime.store.reviews.get(id))!.status).toBe('pending');

    const ok = await fetch(
      `${s.url}/admin/reviews/${id}/reject`,
      form({ reason: 'credential', _csrf: session.csrf }),
    );
    expect(ok.status).toBe(303);
    expect((await s.runtime.store.reviews.get(id))!.status).toBe('rejected');

    const out = await fetch(`${s.url}/admin/logout`, form({ _csrf: session.csrf }));
    expect(out.status).toBe(303);
    const after = await fetch(`${s.url}/admin/reviews`, {
      headers: { cookie: session.cookie },
      redirect: 'manual',
    });
    expect(after.status).toBe(303);
  });

  it('keeps reviewers out of publisher pages and publishers out of reviews', async () => {
    const reviewer = await signIn(s.url, USERS.reviewer).catch(() => undefined);
    const publisher = await signIn(s.url, USERS.publisher).catch(() => undefined);
    // signIn reads a CSRF token from whichever page the role may open.
    expect(reviewer && publisher).toBeTruthy();
    expect((await fetch(`${s.url}/admin/knowledge`, { headers: { cookie: reviewer!.cookie } })).status).toBe(
      403,
    );
    const upload = new FormData();
    upload.append('_csrf', reviewer!.csrf);
    upload.append('files', new Blob(['# X\n\ntext\n']), 'x.md');
    expect(
      (
        await fetch(`${s.url}/admin/knowledge/upload`, {
          method: 'POST',
          headers: { cookie: reviewer!.cookie },
          body: upload,
        })
      ).status,
    ).toBe(403);
    expect((await fetch(`${s.url}/admin/reviews`, { headers: { cookie: publisher!.cookie } })).status).toBe(
      403,
    );
    expect((await fetch(`${s.url}/admin/insight`, { headers: { cookie: publisher!.cookie } })).status).toBe(
      403,
    );
  });

  it('limits failed sign-ins per address and e-mail', async () => {
    const attempt = (password: string) =>
      fetch(`${s.url}/admin/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: USERS.publisher, password }).toString(),
      });
    for (let i = 0; i < 5; i += 1) expect((await attempt('wrong password')).status).toBe(401);
    const blocked = await attempt(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await blocked.text()).toMatch(/Too many failed attempts/);
  });
});

describe('admin users from the CLI and ADMIN_PASSWORD', () => {
  it('creates the first admin once, and users with a password from stdin', async () => {
    expect(await ensureFirstAdmin(s.runtime.store, 'first-admin-password')).toBe(false); // an admin exists
    const admins = new AdminRepository(s.runtime.store.db);
    await s.runtime.store.db.deleteFrom('admin_users').where('role', '=', 'admin').execute();
    expect(await ensureFirstAdmin(s.runtime.store, undefined)).toBe(false);
    await expect(ensureFirstAdmin(s.runtime.store, 'short')).rejects.toThrow(
      /ADMIN_PASSWORD: the password must have at least 8/,
    );
    expect(await ensureFirstAdmin(s.runtime.store, 'first-admin-password')).toBe(true);
    expect(await ensureFirstAdmin(s.runtime.store, 'first-admin-password')).toBe(false);
    expect((await admins.getUser(FIRST_ADMIN_EMAIL))?.role).toBe('admin');
    await signIn(s.url, FIRST_ADMIN_EMAIL, 'first-admin-password');

    let err = '';
    const io = {
      readStdin: async () => 'a-long-enough-password\n',
      out: () => {},
      err: (t: string) => (err += t),
    };
    expect(
      await adminCommand(
        s.runtime,
        ['create-user', 'Nora@Corp.example', '--role', 'publisher', '--password-stdin'],
        io,
      ),
    ).toBe(0);
    expect(err).toMatch(/created nora@corp.example \(publisher\)/);
    await signIn(s.url, 'nora@corp.example', 'a-long-enough-password');
    await expect(
      adminCommand(s.runtime, ['create-user', 'x@corp.example', '--role', 'owner'], io),
    ).rejects.toThrow(/--role must be one of/);
    await expect(adminCommand(s.runtime, ['token', 'nobody@corp.example'], io)).rejects.toThrow(
      /no admin user/,
    );
    const short = { ...io, readStdin: async () => 'short\n' };
    await expect(
      adminCommand(
        s.runtime,
        ['create-user', 'y@corp.example', '--role', 'reviewer', '--password-stdin'],
        short,
      ),
    ).rejects.toThrow(/at least 8/);
  });
});
