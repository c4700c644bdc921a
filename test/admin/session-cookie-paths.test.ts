/**
 * The session cookie moved from Path=/admin to Path=/. A browser that still holds a Path=/admin
 * cookie sends it on /admin before the newer Path=/ one (longest path first): signing in must expire
 * it, and a stale first cookie must not hide a valid one (else: a sign-in loop). Real HTTP, SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminServer, USERS, signIn, startAdminServer } from './admin-harness.js';
import { PASSWORD } from './admin-harness.js';

let s: AdminServer;
beforeAll(async () => {
  s = await startAdminServer();
});
afterAll(async () => {
  await s?.close();
});

/** A session that the server no longer knows: signed in, then signed out. */
async function staleSession(): Promise<string> {
  const { cookie, csrf } = await signIn(s.url, USERS.reviewer);
  const out = await fetch(`${s.url}/admin/logout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf }).toString(),
  });
  expect(out.headers.get('location')).toBe('/admin/login?notice=signed_out');
  return cookie;
}

const reviewsPage = (cookie: string) =>
  fetch(`${s.url}/admin/reviews`, { redirect: 'manual', headers: { cookie } });

describe('session cookie paths', () => {
  it('signing in sets the Path=/ cookie and expires the old Path=/admin one', async () => {
    const res = await fetch(`${s.url}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: USERS.reviewer, password: PASSWORD }).toString(),
    });
    expect(res.status).toBe(303);
    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    expect(cookies[0]).toMatch(/^polydesk_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect(cookies[1]).toBe('polydesk_session=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0');
  });

  it('a stale cookie sent first does not hide the valid session after it', async () => {
    const stale = await staleSession();
    const fresh = await signIn(s.url, USERS.reviewer);
    // Alone, the stale cookie signs nobody in: the sign-in page.
    const alone = await reviewsPage(stale);
    expect(alone.status).toBe(303);
    expect(alone.headers.get('location')).toMatch(/^\/admin\/login/);
    // As a browser sends both (the /admin one first): signed in with the valid one.
    const both = await reviewsPage(`${stale}; ${fresh.cookie}`);
    expect(both.status).toBe(200);
    expect(await both.text()).toContain(USERS.reviewer);
    // And the state-changing requests take the valid session's CSRF token.
    const out = await fetch(`${s.url}/admin/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: `${stale}; ${fresh.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: fresh.csrf }).toString(),
    });
    expect(out.headers.get('location')).toBe('/admin/login?notice=signed_out');
    expect((await reviewsPage(fresh.cookie)).status).toBe(303);
  });

  it('looks up only a few session cookies of one request', async () => {
    const fresh = await signIn(s.url, USERS.reviewer);
    const junk = Array.from({ length: 10 }, (_, i) => `polydesk_session=junk${i}`).join('; ');
    expect((await reviewsPage(`${junk}; ${fresh.cookie}`)).status).toBe(303);
    expect((await reviewsPage(`${junk.split('; ').slice(0, 3).join('; ')}; ${fresh.cookie}`)).status).toBe(
      200,
    );
  });
});
